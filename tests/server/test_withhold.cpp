// Personal data in sync: what each role's tablet receives, what a search may match, and a
// redaction made on the server while tablets are offline (real server on loopback, real
// Replica files and SyncClient as the tablets).

#include <catch2/catch.hpp>

#include "nghedan/personal.h"
#include "nghedan/replica.h"
#include "nghedan/sync_client.h"
#include "test_server.h"

using namespace nghedan;
using namespace nghedan::testing;

namespace {

const std::string kNameWord = "Zqwname";
const std::string kName = kNameWord + " Nguyễn Văn";
const std::string kContact = "zqwcontact-0909";
const std::string kNewContact = "zqwnewcontact-0912";

bool has(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

/** Lower case too: the search index holds folded words. */
bool hasName(const std::string& bytes) {
    return has(bytes, kNameWord) || has(bytes, "zqwname");
}

/** A tablet: its own replica file, signed in as `username`. */
struct Tablet {
    std::string path;
    std::unique_ptr<Replica> replica;
    std::unique_ptr<SyncClient> client;

    Tablet(const TempDir& dir, const std::string& name, const std::string& baseUrl,
           const std::string& username)
        : path((std::filesystem::path(dir.path()) / (name + ".db")).string()) {
        auto r = Replica::open(path);
        REQUIRE(r.ok());
        replica = std::move(*r);
        SyncClientOptions options;
        options.baseUrl = baseUrl;
        client = std::make_unique<SyncClient>(*replica, options);
        REQUIRE(client->login(username, kTestPassword).ok());
    }
    SyncResult sync() {
        auto result = client->sync();
        REQUIRE(result.ok());
        CHECK(result->rejected == 0);
        CHECK(result->refused == 0);
        return *result;
    }
    Json petition(const std::string& id) {
        auto view = replica->get("petition", id);
        REQUIRE(view.ok());
        REQUIRE(view->has_value());
        return (*view)->values;
    }
    /** Closes the replica (its WAL checkpointed into the file) and returns the file's bytes. */
    std::string closeAndRead() {
        client.reset();
        replica.reset();
        return readFileBytes(path) + readFileBytes(path + "-wal");
    }
};

std::map<std::string, Json> personalPetition(const std::string& title) {
    auto set = petitionFields(title);
    set["petitioner_name"] = kName;
    set["petitioner_contact"] = kContact;
    return set;
}

std::string pageBody(const std::string& baseUrl, const std::string& token, const char* path) {
    const Reply r = jsonPost(baseUrl, path, Json{{"cursor", 0}, {"limit", 1000}}, token);
    REQUIRE(r.status == 200);
    return r.body.dump();
}

}  // namespace

TEST_CASE("each role's tablet receives in pull and snapshot only the personal fields it may see",
          "[withhold]") {
    InProcessServer server;
    seedTestTree(server.context());
    TempDir dir("nghedan-withhold");
    Tablet official(dir, "official", server.baseUrl(), "canbo.q3");
    const std::string id =
        official.replica->write({"petition", "", "q3-p4-kp5", "canbo.q3", personalPetition("Đèn")})
            ->id;
    official.sync();

    // The replies themselves.
    for (const auto& [username, seesName] :
         std::vector<std::pair<std::string, bool>>{{"giamsat.q3", true}, {"admin", false}}) {
        INFO(username);
        const std::string token = login(server.baseUrl(), username, kTestPassword, newSiteId());
        for (const char* path : {"/api/v1/sync/pull", "/api/v1/sync/snapshot"}) {
            const std::string body = pageBody(server.baseUrl(), token, path);
            CHECK(has(body, "Đèn"));
            CHECK_FALSE(has(body, kContact));
            CHECK(hasName(body) == seesName);
        }
    }

    // Real tablets: every change verified and applied, the values withheld, nothing in the file.
    for (const auto& [username, seesName] :
         std::vector<std::pair<std::string, bool>>{{"giamsat.q3", true}, {"admin", false}}) {
        INFO(username);
        Tablet tablet(dir, username, server.baseUrl(), username);
        const SyncResult result = tablet.sync();
        CHECK(result.pulled > 0);
        const Json row = tablet.petition(id);
        CHECK(row["title"] == "Đèn");
        CHECK(row["petitioner_contact"].is_null());
        CHECK(row["petitioner_name"].is_null() == !seesName);
        bool withheldInHistory = false;
        auto history = tablet.replica->history("petition", id);
        REQUIRE(history.ok());
        for (const VersionView& v : *history)
            if (v.field == "petitioner_contact") withheldInHistory = v.withheld;
        CHECK(withheldInHistory);
        // A second sync (pull from the log) brings nothing refused either.
        tablet.sync();
        const std::string bytes = tablet.closeAndRead();
        CHECK(has(bytes, "Đèn"));
        CHECK_FALSE(has(bytes, kContact));
        CHECK(hasName(bytes) == seesName);
    }

    // Another official's tablet gets them in full.
    Tablet colleague(dir, "colleague", server.baseUrl(), "canbo.q3");
    colleague.sync();
    const Json row = colleague.petition(id);
    CHECK(row["petitioner_contact"] == kContact);
    CHECK(row["petitioner_name"] == kName);
}

TEST_CASE("a search of the read API never matches a personal field the caller may not see",
          "[withhold]") {
    InProcessServer server;
    seedTestTree(server.context());
    TempDir dir("nghedan-withhold");
    Tablet official(dir, "official", server.baseUrl(), "canbo.q3");
    REQUIRE(
        official.replica->write({"petition", "", "q3-p4-kp5", "canbo.q3", personalPetition("Đèn")})
            .ok());
    official.sync();
    auto found = [&](const std::string& username, const std::string& q) {
        const std::string token = login(server.baseUrl(), username, kTestPassword, newSiteId());
        const Reply r = jsonGet(server.baseUrl(), "/api/v1/petitions?q=" + q, token);
        REQUIRE(r.status == 200);
        return r.body["total"].get<int>();
    };
    CHECK(found("canbo.q3", "zqwname") == 1);
    CHECK(found("giamsat.q3", "zqwname") == 1);  // supervisors see names
    CHECK(found("admin", "zqwname") == 0);
    CHECK(found("admin", "den") == 1);  // the rest of the text still counts
}

TEST_CASE(
    "a redaction on the server while two tablets are offline leaves no copy anywhere, and "
    "the offline edit of another field survives",
    "[withhold][redaction]") {
    InProcessServer server;
    seedTestTree(server.context());
    TempDir dir("nghedan-withhold");
    Tablet a(dir, "a", server.baseUrl(), "canbo.q3");
    Tablet b(dir, "b", server.baseUrl(), "canbo.q3");
    const std::string id =
        a.replica->write({"petition", "", "q3-p4-kp5", "canbo.q3", personalPetition("Hẻm ngập")})
            ->id;
    a.sync();
    b.sync();
    REQUIRE(b.petition(id)["petitioner_contact"] == kContact);

    // Offline: A edits the contact and the description; the server redacts the person.
    REQUIRE(a.replica
                ->write({"petition",
                         id,
                         "",
                         "canbo.q3",
                         {{"petitioner_contact", kNewContact},
                          {"description", "Nước ngập tới gối sau mỗi cơn mưa"}}})
                .ok());
    {
        std::lock_guard lock(server.context().mutex);
        auto w = server.context().store->write({"redaction",
                                                "",
                                                "",
                                                "server",
                                                {{"target_entity", "petition"},
                                                 {"target_id", id},
                                                 {"fields", "petitioner_name,petitioner_contact"},
                                                 {"reason", "Người dân yêu cầu xóa"}}});
        REQUIRE(w.ok());
        CHECK(w->unit == "q3-p4-kp5");
    }
    a.sync();
    b.sync();
    a.sync();

    const std::string serverDump = [&] {
        std::lock_guard lock(server.context().mutex);
        auto view = server.context().store->get("petition", id);
        REQUIRE(view.ok());
        REQUIRE(view->has_value());
        CHECK((*view)->redacted == std::set<std::string>{"petitioner_name", "petitioner_contact"});
        return (*view)->values.dump();
    }();
    const Json rowA = a.petition(id), rowB = b.petition(id);
    CHECK(rowA.dump() == rowB.dump());
    CHECK(rowA.dump() == serverDump);
    CHECK(rowA["description"] == "Nước ngập tới gối sau mỗi cơn mưa");
    CHECK(rowA["petitioner_contact"].is_null());
    CHECK(rowA["petitioner_name"].is_null());
    CHECK(*a.replica->materialisedDump() == *b.replica->materialisedDump());
    CHECK(a.replica->search("zqwname")->empty());

    const std::string dbPath = server::databasePath(server.dataDir());
    server.stop();
    for (const std::string& bytes : {a.closeAndRead(), b.closeAndRead(),
                                     readFileBytes(dbPath) + readFileBytes(dbPath + "-wal")}) {
        CHECK(has(bytes, "Nước ngập tới gối"));
        CHECK_FALSE(has(bytes, kContact));
        CHECK_FALSE(has(bytes, kNewContact));
        CHECK_FALSE(hasName(bytes));
    }
}
