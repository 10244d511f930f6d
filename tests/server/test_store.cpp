// The storage seam (server/store.h): no server code but the store's implementation runs SQL,
// and the store's own operations (the dashboard's reads, the admin's lookups and counts,
// device revocation, backup, bulk load) do what their contracts say on a real SQLite file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "test_server.h"

using namespace nghedan;
using namespace nghedan::testing;

namespace {

/** The text of C++ source without its comments (strings are kept). */
std::string withoutComments(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < text.size())
                out += text[++i];
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
            out += c;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
            while (i < text.size() && text[i] != '\n') ++i;
            out += '\n';
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            i += 2;
            while (i + 1 < text.size() && !(text[i] == '*' && text[i + 1] == '/')) ++i;
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

/** What running SQL looks like in C++: statements, SQL words, connections, transactions. */
std::vector<std::string> sqlIn(const std::string& source) {
    static const std::regex kSql(
        R"(\bprepare\(|\.cached\(|\.exec\(|\bSELECT\s|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|)"
        R"(\bDELETE\s+FROM\b|\bPRAGMA\b|\bdatabase\(|\bTransaction\b|\bStmt\b|\bsqlite3_)");
    std::vector<std::string> found;
    const std::string code = withoutComments(source);
    for (auto it = std::sregex_iterator(code.begin(), code.end(), kSql);
         it != std::sregex_iterator(); ++it)
        found.push_back(it->str());
    return found;
}

struct World {
    TempDir dir;
    std::unique_ptr<server::Store> store;
    World() {
        auto opened = server::openDataDir(dir.path());
        REQUIRE(opened);
        store = std::move(*opened);
    }
    std::string write(const std::string& entity, const std::string& id, const std::string& unit,
                      std::map<std::string, Json> set) {
        auto c = store->write({entity, id, unit, "admin", std::move(set)});
        if (!c) throw std::runtime_error(entity + ": " + c.error().message);
        return c->id;
    }
    void unit(const std::string& id, const std::string& parent, const std::string& code) {
        std::map<std::string, Json> set{
            {"level", "ward"}, {"name", "Đơn vị " + id}, {"code", code}};
        if (!parent.empty()) set["parent"] = parent;
        write("unit", id, id, set);
    }
    void remove(const std::string& entity, const std::string& id) {
        write(entity, id, {}, {{"deleted", true}});
    }
};

}  // namespace

TEST_CASE("no server source outside the store's implementation runs SQL", "[store]") {
    const std::filesystem::path root = NGHEDAN_SERVER_SOURCE_DIR;
    REQUIRE(std::filesystem::exists(root / "store.h"));
    std::size_t scanned = 0;
    std::vector<std::string> offenders;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        const auto rel = std::filesystem::relative(entry.path(), root).generic_string();
        const auto ext = entry.path().extension();
        if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h")) continue;
        if (rel.rfind("store/", 0) == 0 || rel.rfind("web/", 0) == 0) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        ++scanned;
        for (const auto& hit : sqlIn(text.str())) offenders.push_back(rel + ": " + hit);
    }
    CHECK(scanned > 20);  // server/*.cpp, routes/*.cpp and their headers were read
    std::string list;
    for (const auto& o : offenders) list += "\n  " + o;
    INFO("server sources that run SQL outside server/store/:" << list);
    CHECK(offenders.empty());
}

TEST_CASE("the SQL check sees statements in code and not in comments", "[store]") {
    CHECK(sqlIn("Stmt st = db.prepare(\"SELECT id FROM m_unit\");").size() >= 2);
    CHECK_FALSE(sqlIn("(void)r.database().exec(\"PRAGMA synchronous=OFF\");").empty());
    CHECK_FALSE(sqlIn("Transaction tx(db);").empty());
    CHECK_FALSE(sqlIn("auto s = \"UPDATE srv_users SET disabled=1\";").empty());
    CHECK(
        sqlIn("// SELECT id FROM m_unit: prepare(\n/** PRAGMA Transaction */ int x = 1;").empty());
    CHECK(sqlIn("store.petitionSummary(id); \"Selected\"; r.selectAll();").empty());
}

TEST_CASE(
    "the store gives the overview index every petition, meeting and directive, deleted "
    "ones marked, or one by id",
    "[store]") {
    World w;
    w.unit("q3", "", "Q3");
    w.write("agency", "ag1", "q3", {{"name", "Công an"}, {"level", "district"}});
    w.write("agency", "ag2", "q3", {{"name", "Y tế"}, {"level", "district"}});
    auto fields = petitionFields("Đèn đường hỏng");
    fields["received_at"] = 1700000000000LL;
    fields["lead_agency"] = "ag1";
    fields["support_agencies"] = Json::array({"ag2"});
    fields["due_date"] = "2024-01-31";
    const std::string p1 = w.write("petition", "p1", "q3", fields);
    w.write("petition", "p2", "q3", petitionFields("Rác thải"));
    w.remove("petition", "p2");
    w.write("meeting", "m1", "q3", {{"held_at", 1700000000000LL}, {"title", "Khu phố 5"}});
    w.write("directive", "d1", "q3",
            {{"issued_by", "Chủ tịch"},
             {"agency", "ag1"},
             {"instruction", "Sửa đèn"},
             {"status", "issued"},
             {"due_date", "2024-02-01"}});

    std::map<std::string, std::string>
        seen;  // id -> "unit|status|lead|support|due|received|deleted"
    REQUIRE(w.store->petitionFacts(std::nullopt, [&](const server::PetitionFacts& f) {
        seen[std::string(f.id)] =
            std::string(f.unit) + "|" + std::string(f.status) + "|" + std::string(f.leadAgency) +
            "|" + std::string(f.supportAgencies) + "|" + std::string(f.dueDate) + "|" +
            std::to_string(f.receivedAt.value_or(-1)) + "|" + (f.deleted ? "deleted" : "live") +
            "|" + std::to_string(f.resolvedAt.value_or(-1));
    }));
    REQUIRE(seen.size() == 2);
    CHECK(seen["p1"] == "q3|received|ag1|[\"ag2\"]|2024-01-31|1700000000000|live|-1");
    CHECK(seen["p2"].find("|deleted|") != std::string::npos);

    int calls = 0;
    REQUIRE(w.store->petitionFacts(std::string("p1"), [&](const server::PetitionFacts& f) {
        ++calls;
        CHECK(f.category == "urban_transport");
    }));
    CHECK(calls == 1);
    REQUIRE(w.store->petitionFacts(std::string("nobody"),
                                   [&](const server::PetitionFacts&) { ++calls; }));
    CHECK(calls == 1);

    std::vector<std::string> meetings;
    REQUIRE(w.store->meetingFacts(std::nullopt, [&](const server::MeetingFacts& f) {
        meetings.push_back(std::string(f.id) + "|" + std::string(f.unit) + "|" +
                           std::to_string(f.heldAt.value_or(0)) + "|" + (f.deleted ? "d" : "l"));
    }));
    CHECK(meetings == std::vector<std::string>{"m1|q3|1700000000000|l"});
    std::vector<std::string> directives;
    REQUIRE(w.store->directiveFacts(std::string("d1"), [&](const server::DirectiveFacts& f) {
        directives.push_back(std::string(f.unit) + "|" + std::string(f.status) + "|" +
                             std::string(f.dueDate));
    }));
    CHECK(directives == std::vector<std::string>{"q3|issued|2024-02-01"});

    auto summary = w.store->petitionSummary(p1);
    REQUIRE(summary);
    REQUIRE(summary->has_value());
    CHECK((*summary)->title == "Đèn đường hỏng");
    CHECK((*summary)->unit == "q3");
    CHECK((*summary)->leadAgency == "ag1");
    CHECK((*summary)->dueDate == "2024-01-31");
    auto none = w.store->petitionSummary("nobody");
    REQUIRE(none);
    CHECK_FALSE(none->has_value());
}

TEST_CASE("the store's directory leaves deleted units and agencies out and knows each parent",
          "[store]") {
    World w;
    w.unit("hcm", "", "HCM");
    w.unit("q3", "hcm", "Q3");
    w.unit("old", "hcm", "OLD");
    w.remove("unit", "old");
    w.write("agency", "ag1", "q3", {{"name", "Công an"}, {"level", "district"}});
    w.write("agency", "ag-old", "q3", {{"name", "Đã giải thể"}, {"level", "district"}});
    w.remove("agency", "ag-old");

    auto units = w.store->liveUnits();
    REQUIRE(units);
    std::map<std::string, server::UnitEntry> byId;
    for (const auto& u : *units) byId[u.id] = u;
    CHECK(byId.size() == 2);
    CHECK(byId.count("old") == 0);
    CHECK(byId["q3"].parent == "hcm");
    CHECK(byId["q3"].code == "Q3");
    CHECK(byId["hcm"].parent.empty());
    auto agencies = w.store->liveAgencies();
    REQUIRE(agencies);
    REQUIRE(agencies->size() == 1);
    CHECK(agencies->front().id == "ag1");
    CHECK(agencies->front().unit == "q3");
    CHECK(agencies->front().name == "Công an");

    CHECK(**w.store->unitParent("q3") == "hcm");
    CHECK(**w.store->unitParent("hcm") == "");
    CHECK(**w.store->unitParent("old") == "hcm");  // deleted units still have a place
    CHECK_FALSE(w.store->unitParent("nowhere")->has_value());
}

TEST_CASE(
    "the store finds record ids by field, deleted ones only when asked, and counts live "
    "records",
    "[store]") {
    World w;
    w.unit("hcm", "", "HCM");
    w.unit("q3", "hcm", "Q3");
    w.unit("q3-old", "hcm", "Q3");
    w.remove("unit", "q3-old");
    w.write("petition", "p1", "q3", petitionFields("Một"));
    w.write("petition", "p2", "q3", petitionFields("Hai"));
    w.remove("petition", "p2");

    CHECK(*w.store->recordIdsWhere("unit", "code", "Q3", false) == std::vector<std::string>{"q3"});
    auto both = *w.store->recordIdsWhere("unit", "code", "Q3", true);
    std::sort(both.begin(), both.end());
    CHECK(both == std::vector<std::string>{"q3", "q3-old"});
    CHECK(*w.store->recordIdsWhere("unit", "id", "q3-old", true) ==
          std::vector<std::string>{"q3-old"});
    CHECK(w.store->recordIdsWhere("unit", "code", "nothing", true)->empty());
    auto bad = w.store->recordIdsWhere("unit", "code = code OR 1", "x", true);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == "invalid_field");
    CHECK_FALSE(w.store->recordIdsWhere("no_such_entity", "id", "x", true));

    auto counts = w.store->recordCounts();
    REQUIRE(counts);
    CHECK((*counts)["unit"].records == 2);
    CHECK((*counts)["petition"].records == 1);
    CHECK((*counts)["petition"].withConflicts == 0);
    CHECK((*counts)["meeting"].records == 0);
}

TEST_CASE(
    "revoking a device through the store ends its sessions, keeps what it sent and is "
    "audited",
    "[store]") {
    World w;
    w.unit("q3", "", "Q3");
    const std::string device(32, 'a');
    const KeyPair key = testDeviceKey(device);
    REQUIRE(w.store->learnSiteKey({device, key.publicKey, 0, std::nullopt}));
    REQUIRE(
        w.store
            ->apply({makeChange(device, 1, "petition", "p1", "q3", "canbo", petitionFields("Một"))})
            ->applied == 1);
    addTestUsers(*w.store, {{"canbo", "official", "q3"}});
    const std::string token = server::newSessionToken();
    REQUIRE(
        w.store->createSession(token, "canbo", "bearer", device, 1000, 1000000000000000LL, "ip"));
    const auto auditBefore = w.store->accountCounts(2000)->auditEntries;

    auto through = w.store->revokeDevice(device, 3000, "cli");
    REQUIRE(through);
    CHECK(*through == 1);
    auto revoked = w.store->siteKey(device);
    REQUIRE(revoked);
    REQUIRE(revoked->has_value());
    CHECK((*revoked)->validThrough == std::optional<std::uint64_t>(1));
    CHECK_FALSE(w.store->findSession(token)->has_value());
    CHECK(w.store->accountCounts(4000)->auditEntries == auditBefore + 1);
    CHECK(w.store->get("petition", "p1")->has_value());
}

TEST_CASE(
    "a store backup holds the records, the log and the accounts, and bulk-loaded writes are "
    "kept once bulk load ends",
    "[store]") {
    World w;
    REQUIRE(w.store->setBulkLoad(true));
    w.unit("q3", "", "Q3");
    w.write("petition", "p1", "q3", petitionFields("Một"));
    REQUIRE(w.store->setBulkLoad(false));
    addTestUsers(*w.store, {{"canbo", "official", "q3"}});
    const auto changes = w.store->changeCount();

    TempDir copyDir;
    const std::string copyFile = server::databasePath(copyDir.path());
    REQUIRE(w.store->backupTo(copyFile));
    w.write("petition", "p2", "q3", petitionFields("Hai"));  // after the copy

    auto copy = server::openDataDir(copyDir.path());
    REQUIRE(copy);
    CHECK((*copy)->changeCount() == changes);
    CHECK((*copy)->get("petition", "p1")->has_value());
    CHECK_FALSE((*copy)->get("petition", "p2")->has_value());
    auto user = (*copy)->findUser("canbo");
    REQUIRE(user);
    CHECK(user->has_value());
    CHECK((*copy)->passwordHashOf("canbo")->has_value());
}
