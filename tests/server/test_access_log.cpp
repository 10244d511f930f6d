// The access log of personal data against the real server (in process) on a loopback port:
// every look at personal values is logged with who, when, which records and why; exports and
// printed minutes carry personal values only when asked, with a reason; only admins read the
// log, and nothing through the API changes it.

#include <catch2/catch.hpp>

#include "test_server.h"

using namespace nghedan;
using namespace nghedan::testing;

namespace {

const std::string kName = "Markername Ngườidân";
const std::string kContact = "0912 777 888";

struct World {
    InProcessServer server;
    std::string base, supervisor, official, admin, adminQ12, supervisorDevice;
    std::string petition, meeting;

    World() {
        seedTestTree(server.context());
        base = server.baseUrl();
        {
            auto& ctx = server.context();
            std::lock_guard lock(ctx.mutex);
            addTestUsers(*ctx.store, {{"admin.q12", "admin", "q12"}});
            auto m = ctx.store->write({"meeting",
                                       "",
                                       "q3-p4",
                                       "canbo.q3",
                                       {{"held_at", systemMillis()},
                                        {"title", "Họp khu phố 5"},
                                        {"status", "finalised"}}});
            if (!m) throw std::runtime_error(m.error().message);
            meeting = m->id;
            auto p = ctx.store->write({"petition",
                                       "",
                                       "q3-p4",
                                       "canbo.q3",
                                       {{"received_at", systemMillis()},
                                        {"category", "other"},
                                        {"title", "Đèn đường hỏng"},
                                        {"status", "received"},
                                        {"meeting", meeting},
                                        {"petitioner_name", kName},
                                        {"petitioner_contact", kContact}}});
            if (!p) throw std::runtime_error(p.error().message);
            petition = p->id;
        }
        supervisorDevice = newSiteId();
        supervisor = login(base, "giamsat.q3", kTestPassword, supervisorDevice);
        official = login(base, "canbo.q3", kTestPassword, newSiteId());
        admin = login(base, "admin", kTestPassword, newSiteId());
        adminQ12 = login(base, "admin.q12", kTestPassword, newSiteId());
        if (supervisor.empty() || official.empty() || admin.empty() || adminQ12.empty())
            throw std::runtime_error("login failed");
    }

    Reply get(const std::string& path, const std::string& token,
              const httplib::Headers& extra = {}) const {
        httplib::Client cli(base);
        cli.set_read_timeout(60, 0);
        httplib::Headers h = authHeaders(token);
        h.insert(extra.begin(), extra.end());
        return toReply(cli.Get(path.c_str(), h));
    }

    /** Every entry of the log the hcm admin sees (newest first). */
    Json log(const std::string& query = "") const {
        const Reply r = get("/api/v1/access-log?limit=500" + query, admin);
        REQUIRE(r.status == 200);
        return r.body;
    }
};

std::string percentEncoded(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

bool namesRecord(const Json& entry, const std::string& id) {
    for (const auto& r : entry["records"])
        if (r["id"] == id) return true;
    return false;
}

}  // namespace

TEST_CASE(
    "a supervisor's look at a petition and a personal export are both in the log with reason and "
    "records",
    "[access-log]") {
    World w;
    const std::string why = "Giải quyết đơn của hộ dân";
    const Reply detail = w.get("/api/v1/petitions/" + w.petition, w.supervisor,
                               {{"X-Access-Reason", percentEncoded(why)}});
    REQUIRE(detail.status == 200);
    CHECK(detail.body["petition"]["petitioner_name"] == kName);

    const std::string exportReason = "Báo cáo quý cho Ủy ban";
    const Reply csv =
        w.get("/api/v1/exports/petitions.csv?personal=1&reason=" + percentEncoded(exportReason),
              w.supervisor);
    REQUIRE(csv.status == 200);
    CHECK(csv.raw.find(kName) != std::string::npos);
    CHECK(csv.raw.find(kContact) == std::string::npos);  // supervisors never see contacts

    const Json log = w.log("&user=giamsat.q3");
    REQUIRE(log["total"] == 2);
    const Json& exported = log["rows"][0];
    const Json& viewed = log["rows"][1];
    CHECK(viewed["action"] == "petition_detail");
    CHECK(viewed["reason"] == why);
    CHECK(viewed["username"] == "giamsat.q3");
    CHECK(viewed["role"] == "supervisor");
    CHECK(viewed["device"] == w.supervisorDevice);
    CHECK(viewed["ip"] == "127.0.0.1");
    CHECK(namesRecord(viewed, w.petition));
    CHECK(exported["action"] == "export");
    CHECK(exported["reason"] == exportReason);
    CHECK(namesRecord(exported, w.petition));
    CHECK(exported["recordCount"] == 1);
    CHECK(exported["at"].get<std::int64_t>() >= viewed["at"].get<std::int64_t>());

    // The filter by record finds both; one entry read by its id is the same entry.
    CHECK(w.log("&record=" + w.petition)["total"] == 2);
    const Reply one =
        w.get("/api/v1/access-log/" + std::to_string(viewed["id"].get<std::int64_t>()), w.admin);
    REQUIRE(one.status == 200);
    CHECK(one.body["entry"]["reason"] == why);
}

TEST_CASE("a personal export without a reason of five characters is refused and not logged",
          "[access-log]") {
    World w;
    for (const std::string query :
         {"?personal=1", "?personal=1&reason=abc", "?personal=1&reason=%20%20%20%20%20%20"}) {
        const Reply r = w.get("/api/v1/exports/petitions.csv" + query, w.official);
        CHECK(r.status == 400);
        CHECK(r.body["error"]["code"] == "access_reason_required");
        CHECK(r.raw.find(kName) == std::string::npos);
    }
    // Four Vietnamese characters are eight bytes, still too short.
    CHECK(w.get("/api/v1/exports/petitions.csv?personal=1&reason=" + percentEncoded("đơn."),
                w.official)
              .status == 400);
    // An admin may see no personal field: asking is refused, whatever the reason.
    CHECK(w.get("/api/v1/exports/petitions.csv?personal=1&reason=kiem%20tra", w.admin).status ==
          403);
    CHECK(w.log()["total"] == 0);

    const Reply ok =
        w.get("/api/v1/exports/petitions.csv?personal=1&reason=" + percentEncoded("trả lời đơn"),
              w.official);
    REQUIRE(ok.status == 200);
    CHECK(ok.raw.find(kContact) != std::string::npos);
    CHECK(w.log()["total"] == 1);
}

TEST_CASE("the default export has no personal column for any role and logs nothing",
          "[access-log]") {
    World w;
    for (const auto& token : {w.official, w.supervisor, w.admin}) {
        const Reply csv = w.get("/api/v1/exports/petitions.csv", token);
        REQUIRE(csv.status == 200);
        CHECK(csv.raw.find("Đèn đường hỏng") != std::string::npos);
        CHECK(csv.raw.find(kName) == std::string::npos);
        CHECK(csv.raw.find(kContact) == std::string::npos);
        CHECK(csv.raw.find("Người kiến nghị") == std::string::npos);
    }
    CHECK(w.log()["total"] == 0);
}

TEST_CASE(
    "list pages with personal values are logged with their records, pages and petitions without "
    "them are not",
    "[access-log]") {
    World w;
    // A petition asked without personal data (a receipt slip) shows none and is not logged.
    const Reply slip = w.get("/api/v1/petitions/" + w.petition + "?personal=0", w.official);
    REQUIRE(slip.status == 200);
    CHECK(slip.raw.find(kName) == std::string::npos);
    CHECK(slip.raw.find(kContact) == std::string::npos);
    REQUIRE(w.get("/api/v1/petitions", w.supervisor).status == 200);
    REQUIRE(w.get("/api/v1/petitions", w.admin).status == 200);    // no personal values
    REQUIRE(w.get("/api/v1/meetings", w.official).status == 200);  // no personal fields
    const Json log = w.log();
    REQUIRE(log["total"] == 1);
    CHECK(log["rows"][0]["action"] == "petition_list");
    CHECK(log["rows"][0]["username"] == "giamsat.q3");
    CHECK(log["rows"][0]["reason"] == "xem danh sách kiến nghị");
    CHECK(namesRecord(log["rows"][0], w.petition));
}

TEST_CASE(
    "the minutes print without petitioners unless asked with a reason, then the view is logged",
    "[access-log]") {
    World w;
    const std::string path = "/api/v1/meetings/" + w.meeting;
    const Reply plain = w.get(path + "?print=1&personal=0", w.official);
    REQUIRE(plain.status == 200);
    CHECK(plain.raw.find(kName) == std::string::npos);
    CHECK(plain.raw.find(kContact) == std::string::npos);
    CHECK(w.log()["total"] == 0);

    CHECK(w.get(path + "?print=1", w.official).status == 400);
    const Reply named =
        w.get(path + "?print=1&reason=" + percentEncoded("niêm yết có tên"), w.official);
    REQUIRE(named.status == 200);
    CHECK(named.raw.find(kName) != std::string::npos);
    const Json log = w.log();
    REQUIRE(log["total"] == 1);
    CHECK(log["rows"][0]["action"] == "print_minutes");
    CHECK(log["rows"][0]["reason"] == "niêm yết có tên");
    CHECK(namesRecord(log["rows"][0], w.petition));
}

TEST_CASE("only admins read the access log and each sees the users of their own scope",
          "[access-log]") {
    World w;
    REQUIRE(w.get("/api/v1/petitions/" + w.petition, w.supervisor).status == 200);
    for (const auto& token : {w.supervisor, w.official})
        for (const std::string path :
             {"/api/v1/access-log", "/api/v1/access-log.csv", "/api/v1/access-log/1"})
            CHECK(w.get(path, token).status == 403);
    CHECK(w.get("/api/v1/access-log", "").status == 401);
    CHECK(w.log()["total"] == 1);
    // The Quận 12 admin does not see a Quận 3 supervisor's looks.
    const Reply q12 = w.get("/api/v1/access-log", w.adminQ12);
    REQUIRE(q12.status == 200);
    CHECK(q12.body["total"] == 0);
    CHECK(w.get("/api/v1/access-log/1", w.adminQ12).status == 404);
    CHECK(w.get("/api/v1/access-log?bogus=1", w.admin).status == 400);
    CHECK(w.get("/api/v1/access-log?from=2026-13-01", w.admin).status == 400);
}

TEST_CASE("the access log exports as CSV with a BOM and the export is itself logged",
          "[access-log]") {
    World w;
    REQUIRE(w.get("/api/v1/petitions/" + w.petition, w.supervisor).status == 200);
    const Reply csv =
        w.get("/api/v1/access-log.csv?reason=" + percentEncoded("kiểm tra định kỳ"), w.admin);
    REQUIRE(csv.status == 200);
    REQUIRE(csv.raw.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.raw.find("Người xem") != std::string::npos);
    CHECK(csv.raw.find("giamsat.q3") != std::string::npos);
    CHECK(csv.raw.find("petition/" + w.petition) != std::string::npos);
    CHECK(csv.raw.find("\r\n") != std::string::npos);
    CHECK(csv.raw.find(kName) == std::string::npos);  // the log names records, never people
    const Json log = w.log();
    REQUIRE(log["total"] == 2);
    CHECK(log["rows"][0]["action"] == "access_log_export");
    CHECK(log["rows"][0]["username"] == "admin");
    CHECK(log["rows"][0]["reason"] == "kiểm tra định kỳ");
}

TEST_CASE("no request through the API adds to, changes or removes an access log entry",
          "[access-log]") {
    World w;
    REQUIRE(w.get("/api/v1/petitions/" + w.petition, w.supervisor).status == 200);
    const Json before = w.log();
    REQUIRE(before["total"] == 1);
    const std::string id = std::to_string(before["rows"][0]["id"].get<std::int64_t>());
    const Json forged = {{"username", "someone"}, {"reason", "đã sửa"}, {"records", Json::array()}};
    httplib::Client cli(w.base);
    const std::vector<std::string> paths = {"/api/v1/access-log", "/api/v1/access-log.csv",
                                            "/api/v1/access-log/" + id,
                                            "/api/v1/access-log/" + id + "/reason"};
    for (const std::string& path : paths) {
        for (const auto& token : {w.admin, w.supervisor}) {
            const auto h = authHeaders(token);
            auto refused = [&](const httplib::Result& r, const char* method) {
                INFO(method << " " << path);
                REQUIRE(r);
                CHECK(r->status >= 400);
                CHECK(r->status < 500);
            };
            refused(cli.Post(path.c_str(), h, forged.dump(), "application/json"), "POST");
            refused(cli.Put(path.c_str(), h, forged.dump(), "application/json"), "PUT");
            refused(cli.Patch(path.c_str(), h, forged.dump(), "application/json"), "PATCH");
            refused(cli.Delete(path.c_str(), h), "DELETE");
        }
    }
    CHECK(w.log() == before);
}

TEST_CASE("the store's access log keeps what a sync page delivered and reads it back by record",
          "[access-log]") {
    World w;
    auto& ctx = w.server.context();
    {
        std::lock_guard lock(ctx.mutex);
        server::AccessEntry e;
        e.at = systemMillis();
        e.username = "canbo.q3";
        e.role = "official";
        e.scopeUnit = "q3-p4";
        e.device = "site-of-the-tablet";
        e.action = "sync_pull";
        e.reason = "đồng bộ";
        e.records = {{"petition", w.petition}, {"petition", "another"}};
        auto id = ctx.store->logPersonalAccess(e);
        REQUIRE(id);
        server::AccessQuery q;
        q.record = "another";
        auto page = ctx.store->accessLog(q);
        REQUIRE(page);
        REQUIRE(page->total == 1);
        CHECK(page->entries[0].id == *id);
        CHECK(page->entries[0].recordCount == 2);
        CHECK(page->entries[0].records.size() == 2);
        q.record.clear();
        q.scopeUnits = {"q12", "q12-ta"};
        auto other = ctx.store->accessLog(q);
        REQUIRE(other);
        CHECK(other->total == 0);
    }
    const Json log = w.log("&record=another");
    REQUIRE(log["total"] == 1);
    CHECK(log["rows"][0]["actionLabel"] == "Đồng bộ về máy tính bảng");
}
