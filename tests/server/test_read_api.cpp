// The dashboard's read API, exports and supervisor writes against the real server (in process)
// on a free loopback port, with a small hand-made world whose figures are known.

#include <catch2/catch.hpp>

#include <cstring>
#include <set>

#include <zlib.h>

#include "test_server.h"

using namespace nghedan;
using namespace nghedan::testing;

namespace {

constexpr std::int64_t kDay = 86400000;
constexpr std::int64_t kVn = 7 * 3600 * 1000;

/** Milliseconds of a Vietnam local date at noon. */
std::int64_t noonVn(int y, unsigned m, unsigned d) {
    // days_from_civil
    const int yy = y - (m <= 2);
    const int era = (yy >= 0 ? yy : yy - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(yy - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const std::int64_t days = static_cast<std::int64_t>(era) * 146097 + doe - 719468;
    return days * kDay + 12 * 3600 * 1000 - kVn;
}

struct World {
    InProcessServer server;
    std::string supervisor, official, officialQ12, admin;
    std::string base;
    std::vector<std::string> q3Petitions;
    std::string q12Petition, meeting;

    World() {
        seedTestTree(server.context());
        base = server.baseUrl();
        {
            auto& ctx = server.context();
            std::lock_guard lock(ctx.mutex);
            server::Store& r = *ctx.store;
            auto write = [&](const std::string& entity, const std::string& unit,
                             std::map<std::string, Json> set) {
                auto c = r.write({entity, "", unit, "canbo.q3", std::move(set)});
                if (!c) throw std::runtime_error(c.error().message);
                return c->id;
            };
            meeting = write("meeting", "q3-p4-kp5",
                            {{"held_at", noonVn(2023, 3, 10)}, {"title", "Mỗi tuần một khu phố — Khu phố 5"},
                             {"location", "Nhà văn hóa khu phố 5"}, {"chaired_by", "Nguyễn Văn A"},
                             {"status", "finalised"}, {"conclusions", "Giao công an quận kiểm tra."}});
            write("meeting", "q3-p5", {{"held_at", noonVn(2023, 3, 17)}, {"title", "Phường 5"}});
            write("meeting", "q3-p4-kp5", {{"held_at", noonVn(2023, 4, 7)}, {"title", "Lần hai"}});
            // Five petitions in Quận 3 received in March 2023:
            //  A resolved after 4 days, B closed after 10 days, C overdue (due 2023-03-20),
            //  D open with a future due date, E withdrawn (neither open nor resolved).
            auto petition = [&](const std::string& unit, const std::string& title, int day,
                                const std::string& status, std::map<std::string, Json> extra,
                                unsigned month = 3) {
                std::map<std::string, Json> set = {{"received_at", noonVn(2023, month, day)},
                                                   {"category", "urban_transport"},
                                                   {"title", title},
                                                   {"status", status},
                                                   {"meeting", meeting},
                                                   {"petitioner_name", "Trần Thị Bình"},
                                                   {"petitioner_contact", "0909 000 111"}};
                for (auto& [k, v] : extra) set[k] = v;
                return write("petition", unit, set);
            };
            q3Petitions.push_back(petition("q3-p4-kp5", "Đường Lý Chính Thắng ngập nước", 10, "resolved",
                                           {{"resolved_at", noonVn(2023, 3, 14)}, {"lead_agency", "ag-ca-q3"}}));
            q3Petitions.push_back(petition("q3-p4", "=SUM(A1) \"dấu, phẩy\"", 11, "closed",
                                           {{"resolved_at", noonVn(2023, 3, 21)}, {"category", "other"}}));
            q3Petitions.push_back(petition("q3-p5", "Xe khách dừng đỗ trên đường nội bộ", 12, "in_progress",
                                           {{"due_date", "2023-03-20"}, {"lead_agency", "ag-ca-q3"}}));
            q3Petitions.push_back(petition("q3-p5", "Cấp thẻ bảo hiểm y tế", 13, "assigned",
                                           {{"due_date", "2099-01-01"}}));
            q3Petitions.push_back(petition("q3-p4", "Rút đơn", 14, "withdrawn", {}));
            // Outside the period (February) and outside the district (Quận 12).
            petition("q3-p4", "Tháng hai", 15, "received", {}, 2);
            auto c = r.write({"petition", "", "q12-ta", "canbo.q12",
                              {{"received_at", noonVn(2023, 3, 10)}, {"category", "other"},
                               {"title", "Thới An: xe khách"}, {"status", "received"}}});
            if (!c) throw std::runtime_error(c.error().message);
            q12Petition = c->id;
        }
        supervisor = login(base, "giamsat.q3", kTestPassword, newSiteId());
        official = login(base, "canbo.q3", kTestPassword, newSiteId());
        officialQ12 = login(base, "canbo.q12", kTestPassword, newSiteId());
        admin = login(base, "admin", kTestPassword, newSiteId());
        if (supervisor.empty() || official.empty() || officialQ12.empty() || admin.empty())
            throw std::runtime_error("login failed");
    }
};

Reply getRaw(const std::string& base, const std::string& path, const std::string& token) {
    httplib::Client cli(base);
    cli.set_read_timeout(60, 0);
    return toReply(cli.Get(path.c_str(), authHeaders(token)));
}

std::set<std::string> ids(const Json& rows) {
    std::set<std::string> out;
    for (const auto& r : rows) out.insert(r["id"].get<std::string>());
    return out;
}

/** The uncompressed content of one entry of a zip archive (empty when missing). */
std::string unzipEntry(const std::string& zip, const std::string& name) {
    auto u16 = [&](std::size_t at) { return static_cast<unsigned>(static_cast<unsigned char>(zip[at]) | static_cast<unsigned char>(zip[at + 1]) << 8); };
    auto u32 = [&](std::size_t at) { return u16(at) | (u16(at + 2) << 16); };
    const std::size_t end = zip.rfind(std::string("PK\x05\x06", 4));
    if (end == std::string::npos) return {};
    std::size_t at = u32(end + 16);
    for (unsigned i = 0; i < u16(end + 10); ++i) {
        const unsigned method = u16(at + 10), csize = u32(at + 20), usize = u32(at + 24);
        const unsigned nlen = u16(at + 28), xlen = u16(at + 30), clen = u16(at + 32);
        const unsigned local = u32(at + 42);
        const std::string entry = zip.substr(at + 46, nlen);
        if (entry == name) {
            const std::size_t data = local + 30 + u16(local + 26) + u16(local + 28);
            if (method == 0) return zip.substr(data, csize);
            std::string out(usize, '\0');
            z_stream zs{};
            inflateInit2(&zs, -15);
            zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
            zs.avail_in = csize;
            zs.next_out = reinterpret_cast<Bytef*>(out.data());
            zs.avail_out = usize;
            const int rc = inflate(&zs, Z_FINISH);
            inflateEnd(&zs);
            if (rc != Z_STREAM_END) return {};
            const std::uint32_t crc = static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(out.data()), usize));
            if (crc != u32(at + 16)) return {};
            return out;
        }
        at += 46 + nlen + xlen + clen;
    }
    return {};
}

}  // namespace

TEST_CASE("every read endpoint refuses requests without a session", "[read]") {
    World w;
    for (const char* path : {"/api/v1/me", "/api/v1/overview", "/api/v1/petitions", "/api/v1/meetings",
                             "/api/v1/directives", "/api/v1/units", "/api/v1/agencies", "/api/v1/schema",
                             "/api/v1/exports/petitions.csv"}) {
        const Reply r = jsonGet(w.base, path);
        INFO(path);
        CHECK(r.status == 401);
        CHECK(r.body["error"]["code"].is_string());
    }
}

TEST_CASE("the overview counts the scope's meetings, petitions, resolution and overdue for the period", "[read]") {
    World w;
    const Reply r = jsonGet(w.base, "/api/v1/overview?from=2023-03-01&to=2023-03-31", w.supervisor);
    REQUIRE(r.status == 200);
    const Json& o = r.body;
    CHECK(o["unitName"] == "Quận 3");
    CHECK(o["meetings"]["held"] == 2);            // 10 and 17 March; 7 April is outside
    CHECK(o["meetings"]["neighbourhoods"] == 2);  // kp5 and phường 5
    CHECK(o["petitions"]["received"] == 5);       // not February's, not Quận 12's
    CHECK(o["petitions"]["resolved"] == 2);
    CHECK(o["petitions"]["overdue"] == 1);
    CHECK(o["petitions"]["open"] == 2);
    CHECK(o["petitions"]["resolutionRate"].get<double>() == Approx(0.4));
    CHECK(o["petitions"]["medianDaysToResolve"].get<double>() == Approx(7.0));  // (4 + 10) / 2
    REQUIRE(o["oldestOverdue"].size() == 1);
    CHECK(o["oldestOverdue"][0]["id"] == w.q3Petitions[2]);
    CHECK(o["oldestOverdue"][0]["due_date"] == "2023-03-20");
    // By unit: grouped by the district's wards.
    std::map<std::string, std::int64_t> byUnit;
    for (const auto& u : o["byUnit"]) byUnit[u["unit"].get<std::string>()] = u["received"].get<std::int64_t>();
    CHECK(byUnit == std::map<std::string, std::int64_t>{{"q3-p4", 3}, {"q3-p5", 2}});
    std::int64_t weeklyPetitions = 0, weeklyMeetings = 0;
    for (const auto& wk : o["weekly"]) {
        weeklyPetitions += wk["petitions"].get<std::int64_t>();
        weeklyMeetings += wk["meetings"].get<std::int64_t>();
    }
    CHECK(weeklyPetitions == 5);
    CHECK(weeklyMeetings == 2);
    CHECK(o["weekly"][0]["week"] == "2023-02-27");  // the Monday of the week of 1 March

    SECTION("a ward filter narrows it; a unit outside the scope is not found") {
        const Reply p5 = jsonGet(w.base, "/api/v1/overview?from=2023-03-01&to=2023-03-31&unit=q3-p5", w.supervisor);
        REQUIRE(p5.status == 200);
        CHECK(p5.body["petitions"]["received"] == 2);
        CHECK(jsonGet(w.base, "/api/v1/overview?unit=q12", w.supervisor).status == 404);
    }
    SECTION("Quận 12's official sees only Quận 12") {
        const Reply q12 = jsonGet(w.base, "/api/v1/overview?from=2023-03-01&to=2023-03-31", w.officialQ12);
        REQUIRE(q12.status == 200);
        CHECK(q12.body["petitions"]["received"] == 1);
        CHECK(q12.body["meetings"]["held"] == 0);
    }
}

TEST_CASE("bad list and overview parameters get a 400 JSON error naming the parameter", "[read]") {
    World w;
    for (const char* path :
         {"/api/v1/petitions?limit=0", "/api/v1/petitions?limit=201", "/api/v1/petitions?offset=-1",
          "/api/v1/petitions?limit=abc", "/api/v1/petitions?status=lost", "/api/v1/petitions?category=x",
          "/api/v1/petitions?from=2023-13-01", "/api/v1/petitions?from=2023-02-30",
          "/api/v1/petitions?from=2023-05-01&to=2023-04-01", "/api/v1/petitions?sort=password",
          "/api/v1/petitions?order=sideways", "/api/v1/petitions?overdue=maybe",
          "/api/v1/petitions?colour=red", "/api/v1/petitions?agency=nobody",
          "/api/v1/petitions?status=received&status=closed", "/api/v1/meetings?agency=ag-ca-q3",
          "/api/v1/directives?from=2023-01-01", "/api/v1/overview?from=yesterday",
          "/api/v1/overview?from=2000-01-01&to=2023-01-01", "/api/v1/units?x=1",
          "/api/v1/exports/petitions.csv?limit=abc", "/api/v1/petitions?lang=fr"}) {
        INFO(path);
        const Reply r = jsonGet(w.base, path, w.supervisor);
        CHECK(r.status == 400);
        CHECK(r.body["error"]["code"] == "invalid_parameter");
        CHECK_FALSE(r.body["error"]["message"].get<std::string>().empty());
    }
}

TEST_CASE("petition lists filter, sort, page and search without diacritics", "[read]") {
    World w;
    auto list = [&](const std::string& q) {
        const Reply r = jsonGet(w.base, "/api/v1/petitions?" + q, w.supervisor);
        REQUIRE(r.status == 200);
        return r.body;
    };
    CHECK(list("")["total"] == 6);
    CHECK(list("from=2023-03-01&to=2023-03-31")["total"] == 5);
    CHECK(ids(list("status=resolved,closed")["rows"]) == std::set<std::string>{w.q3Petitions[0], w.q3Petitions[1]});
    CHECK(ids(list("overdue=1")["rows"]) == std::set<std::string>{w.q3Petitions[2]});
    CHECK(list("overdue=1")["rows"][0]["overdue"] == true);
    CHECK(list("agency=ag-ca-q3")["total"] == 2);
    CHECK(list("unit=q3-p5")["total"] == 2);
    CHECK(list("category=other")["total"] == 1);
    CHECK(ids(list("q=duong ly chinh thang")["rows"]) == std::set<std::string>{w.q3Petitions[0]});
    CHECK(ids(list("q=xe khach")["rows"]) == std::set<std::string>{w.q3Petitions[2]});  // not Quận 12's
    const Json page1 = list("sort=received_at&order=asc&limit=2");
    const Json page2 = list("sort=received_at&order=asc&limit=2&offset=2");
    CHECK(page1["total"] == 6);
    CHECK(page1["rows"].size() == 2);
    CHECK(page1["rows"][1]["received_at"].get<std::int64_t>() <= page2["rows"][0]["received_at"].get<std::int64_t>());
    CHECK(page1["rows"][0]["title"] == "Tháng hai");
    CHECK(page1["rows"][0]["unitName"] == "Phường 4");
    CHECK(jsonGet(w.base, "/api/v1/petitions?unit=q12-ta", w.supervisor).status == 404);
}

TEST_CASE("a record outside the user's scope is not found, and lists never show it", "[read][scope]") {
    World w;
    CHECK(jsonGet(w.base, "/api/v1/petitions/" + w.q3Petitions[0], w.officialQ12).status == 404);
    CHECK(jsonGet(w.base, "/api/v1/meetings/" + w.meeting, w.officialQ12).status == 404);
    CHECK(jsonGet(w.base, "/api/v1/petitions/" + w.q12Petition, w.supervisor).status == 404);
    CHECK(jsonGet(w.base, "/api/v1/petitions/no-such-id", w.supervisor).status == 404);
    const Reply list = jsonGet(w.base, "/api/v1/petitions", w.officialQ12);
    CHECK(ids(list.body["rows"]) == std::set<std::string>{w.q12Petition});
    const Reply units = jsonGet(w.base, "/api/v1/units", w.officialQ12);
    REQUIRE(units.status == 200);
    for (const auto& u : units.body["rows"]) CHECK(u["id"] == "q12-ta");
    const Reply csv = getRaw(w.base, "/api/v1/exports/petitions.csv", w.officialQ12);
    for (const auto& id : w.q3Petitions) CHECK(csv.raw.find(id) == std::string::npos);
}

TEST_CASE("a petition's page holds current values, history with author and site, and related records", "[read]") {
    World w;
    const Reply r = jsonGet(w.base, "/api/v1/petitions/" + w.q3Petitions[0], w.supervisor);
    REQUIRE(r.status == 200);
    CHECK(r.body["petition"]["title"] == "Đường Lý Chính Thắng ngập nước");
    CHECK(r.body["petition"]["leadAgencyName"] == "Công an quận 3");
    CHECK(r.body["meeting"]["id"] == w.meeting);
    REQUIRE(r.body["history"].size() >= 5);
    for (const auto& v : r.body["history"]) {
        CHECK(v["author"] == "canbo.q3");
        CHECK(v["site"].get<std::string>().size() == 32);
        CHECK(v["at"].get<std::int64_t>() > 0);
    }
    const Reply m = jsonGet(w.base, "/api/v1/meetings/" + w.meeting, w.supervisor);
    REQUIRE(m.status == 200);
    CHECK(m.body["petitions"].size() == 6);
    CHECK(m.body["lineage"][1]["name"] == "Phường 4");
    const Reply list = jsonGet(w.base, "/api/v1/meetings?from=2023-03-01&to=2023-03-31", w.supervisor);
    REQUIRE(list.status == 200);
    CHECK(list.body["total"] == 2);
}

TEST_CASE("contact details reach officials only, supervisors see names, and exports follow the same rule", "[read][personal]") {
    World w;
    const std::string id = w.q3Petitions[0];
    const Reply official = jsonGet(w.base, "/api/v1/petitions/" + id, w.official);
    REQUIRE(official.status == 200);
    CHECK(official.body["petition"]["petitioner_contact"] == "0909 000 111");
    const Reply supervisor = jsonGet(w.base, "/api/v1/petitions/" + id, w.supervisor);
    REQUIRE(supervisor.status == 200);
    CHECK(supervisor.body["petition"]["petitioner_name"] == "Trần Thị Bình");
    CHECK_FALSE(supervisor.body["petition"].contains("petitioner_contact"));
    for (const auto& v : supervisor.body["history"])
        if (v["field"] == "petitioner_contact") {
            CHECK(v["value"].is_null());
            CHECK(v["hidden"] == true);
        }
    CHECK(supervisor.raw.find("0909 000 111") == std::string::npos);
    // Exports carry personal columns only when asked with a reason (test_access_log.cpp).
    const std::string personal = "/api/v1/exports/petitions.csv?personal=1&reason=tra%20loi%20dan";
    CHECK(getRaw(w.base, personal, w.supervisor).raw.find("0909 000 111") == std::string::npos);
    CHECK(getRaw(w.base, personal, w.official).raw.find("0909 000 111") != std::string::npos);
    const Reply admin = jsonGet(w.base, "/api/v1/petitions/" + id, w.admin);
    REQUIRE(admin.status == 200);
    CHECK_FALSE(admin.body["petition"].contains("petitioner_name"));
}

TEST_CASE("the CSV export has a BOM, CRLF rows, quoted fields and no formulas", "[export]") {
    World w;
    const Reply r = getRaw(w.base, "/api/v1/exports/petitions.csv?from=2023-03-01&to=2023-03-31", w.supervisor);
    REQUIRE(r.status == 200);
    CHECK(r.headers.find("Content-Type")->second.rfind("text/csv", 0) == 0);
    CHECK(r.headers.find("Content-Disposition")->second.find("attachment; filename=\"kien-nghi-") == 0);
    REQUIRE(r.raw.rfind("\xEF\xBB\xBF", 0) == 0);
    std::size_t lines = 0, pos = 0;
    while ((pos = r.raw.find("\r\n", pos)) != std::string::npos) ++lines, pos += 2;
    CHECK(lines == 6);  // header + 5 rows (no field holds a line break here)
    CHECK(r.raw.find("\n") == r.raw.find("\r\n") + 1);
    CHECK(r.raw.find("\"'=SUM(A1) \"\"dấu, phẩy\"\"\"") != std::string::npos);
    CHECK(r.raw.find("Trật tự đô thị, giao thông") != std::string::npos);
    CHECK(r.raw.find("Mã,") == 3);
}

TEST_CASE("the XLSX export is a valid zip whose sheet holds the filtered rows", "[export]") {
    World w;
    const Reply r = getRaw(w.base, "/api/v1/exports/petitions.xlsx?overdue=1", w.supervisor);
    REQUIRE(r.status == 200);
    REQUIRE(r.raw.rfind("PK\x03\x04", 0) == 0);
    const std::string types = unzipEntry(r.raw, "[Content_Types].xml");
    CHECK(types.find("spreadsheetml.sheet.main+xml") != std::string::npos);
    CHECK_FALSE(unzipEntry(r.raw, "xl/workbook.xml").empty());
    CHECK_FALSE(unzipEntry(r.raw, "_rels/.rels").empty());
    const std::string sheet = unzipEntry(r.raw, "xl/worksheets/sheet1.xml");
    CHECK(sheet.find("Xe khách dừng đỗ trên đường nội bộ") != std::string::npos);
    CHECK(sheet.find("Đường Lý Chính Thắng") == std::string::npos);  // not overdue
    CHECK(sheet.find("<row r=\"2\">") != std::string::npos);
    CHECK(sheet.find("<row r=\"3\">") == std::string::npos);
}

TEST_CASE("supervisors set petition handling fields and issue directives as changes with their name", "[write]") {
    World w;
    const std::string id = w.q3Petitions[3];  // assigned
    SECTION("handling fields are written; other fields and wrong transitions are refused") {
        const Reply ok = jsonPost(w.base, "/api/v1/petitions/" + id + "/handling",
                                  {{"status", "in_progress"}, {"lead_agency", "ag-ca-q3"}, {"due_date", "2099-02-01"}},
                                  w.supervisor);
        REQUIRE(ok.status == 200);
        CHECK(ok.body["petition"]["status"] == "in_progress");
        CHECK(ok.body["petition"]["due_date"] == "2099-02-01");
        const Reply rec = jsonGet(w.base, "/api/v1/petitions/" + id, w.supervisor);
        bool found = false;
        for (const auto& v : rec.body["history"])
            if (v["field"] == "lead_agency" && v["author"] == "giamsat.q3" && v["fromServer"] == true) found = true;
        CHECK(found);
        CHECK(jsonPost(w.base, "/api/v1/petitions/" + id + "/handling", {{"title", "x"}}, w.supervisor).status == 403);
        CHECK(jsonPost(w.base, "/api/v1/petitions/" + id + "/handling", {{"colour", "x"}}, w.supervisor).status == 400);
        CHECK(jsonPost(w.base, "/api/v1/petitions/" + id + "/handling", {{"status", "received"}}, w.supervisor).status == 400);
        CHECK(jsonPost(w.base, "/api/v1/petitions/" + id + "/handling", {{"due_date", "soon"}}, w.supervisor).status == 400);
        CHECK(jsonPost(w.base, "/api/v1/petitions/" + id + "/handling", {{"status", "resolved"}}, w.admin).status == 403);
        CHECK(jsonPost(w.base, "/api/v1/petitions/" + w.q12Petition + "/handling", {{"priority", "high"}}, w.supervisor).status == 404);
    }
    SECTION("resolving stamps resolved_at") {
        const Reply r = jsonPost(w.base, "/api/v1/petitions/" + w.q3Petitions[2] + "/handling",
                                 {{"status", "resolved"}, {"resolution", "Đã lắp biển cấm dừng đỗ"}}, w.supervisor);
        REQUIRE(r.status == 200);
        CHECK(r.body["petition"]["resolved_at"].is_number());
    }
    SECTION("a directive goes to the petition's unit; updates attach to it") {
        const Reply d = jsonPost(w.base, "/api/v1/directives",
                                 {{"petition", id}, {"agency", "ag-ca-q3"}, {"instruction", "Kiểm tra ngay"},
                                  {"due_date", "2099-03-01"}},
                                 w.supervisor);
        REQUIRE(d.status == 201);
        CHECK(d.body["directive"]["unit"] == "q3-p5");
        CHECK(d.body["directive"]["status"] == "issued");
        CHECK(d.body["directive"]["issued_by"] == "giamsat.q3");
        const Reply rec = jsonGet(w.base, "/api/v1/petitions/" + id, w.supervisor);
        REQUIRE(rec.body["directives"].size() == 1);
        const std::string did = rec.body["directives"][0]["id"];
        const Reply u = jsonPost(w.base, "/api/v1/updates", {{"parent", id}, {"text", "Đã làm việc với công an"}}, w.supervisor);
        REQUIRE(u.status == 201);
        CHECK(jsonGet(w.base, "/api/v1/petitions/" + id, w.supervisor).body["updates"].size() == 1);
        const Reply done = jsonPost(w.base, "/api/v1/directives/" + did, {{"status", "done"}, {"result", "Xong"}}, w.supervisor);
        REQUIRE(done.status == 200);
        CHECK(done.body["directive"]["completed_at"].is_number());
        const Reply list = jsonGet(w.base, "/api/v1/directives?agency=ag-ca-q3", w.supervisor);
        REQUIRE(list.status == 200);
        CHECK(list.body["total"] == 1);
        CHECK(jsonPost(w.base, "/api/v1/directives", {{"unit", "q12-ta"}, {"agency", "ag-ca-q3"}, {"instruction", "x"}}, w.supervisor).status == 404);
        CHECK(jsonPost(w.base, "/api/v1/directives", {{"petition", id}, {"instruction", "x"}}, w.supervisor).status == 400);
        CHECK(jsonPost(w.base, "/api/v1/updates", {{"parent", w.q12Petition}, {"text", "x"}}, w.supervisor).status == 404);
    }
}

TEST_CASE("a cookie session cannot write without the CSRF token", "[write]") {
    World w;
    httplib::Client cli(w.base);
    auto login = cli.Post("/api/v1/auth/login",
                          Json{{"username", "giamsat.q3"}, {"password", kTestPassword}, {"cookie", true}}.dump(),
                          "application/json");
    REQUIRE(login);
    REQUIRE(login->status == 200);
    const std::string setCookie = login->get_header_value("Set-Cookie");
    const std::string cookie = setCookie.substr(0, setCookie.find(';'));
    const std::string csrf = Json::parse(login->body)["csrf"];
    const std::string path = "/api/v1/petitions/" + w.q3Petitions[3] + "/handling";
    const std::string body = Json{{"priority", "high"}}.dump();
    auto without = cli.Post(path.c_str(), {{"Cookie", cookie}}, body, "application/json");
    REQUIRE(without);
    CHECK(without->status == 403);
    auto with = cli.Post(path.c_str(), {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, body, "application/json");
    REQUIRE(with);
    CHECK(with->status == 200);
    auto page = cli.Get("/api/v1/overview", {{"Cookie", cookie}});
    REQUIRE(page);
    CHECK(page->status == 200);
}

TEST_CASE("a dashboard write without a session is answered before its body is read, and one "
          "with a session is bounded while it is read",
          "[write][limits]") {
    World w;
    // A body the client streams in 64 KiB chunks, counting what it could send.
    auto endless = [](std::size_t total, std::size_t& sent) {
        return [total, &sent](std::size_t, httplib::DataSink& sink) {
            if (sent >= total) {
                sink.done();
                return true;
            }
            const std::string chunk = sent == 0 ? std::string("{\"text\":\"") + std::string(65536 - 9, 'a')
                                                : std::string(65536, 'a');
            if (!sink.write(chunk.data(), chunk.size())) return false;
            sent += chunk.size();
            return true;
        };
    };
    for (const char* path : {"/api/v1/updates", "/api/v1/sync/push"}) {
        INFO(path);
        httplib::Client cli(w.base);
        cli.set_write_timeout(10, 0);
        std::size_t sent = 0;
        const std::size_t total = 256u << 20;
        auto r = cli.Post(path, endless(total, sent), "application/json");
        // The server answers 401 and closes: the client is cut off long before the end.
        INFO("unauthenticated body: the client sent " << sent << " of " << total << " bytes");
        if (r) CHECK(r->status == 401);
        CHECK(sent < total / 8);
    }
    httplib::Client cli(w.base);
    auto login = cli.Post("/api/v1/auth/login",
                          Json{{"username", "giamsat.q3"}, {"password", kTestPassword}, {"cookie", true}}.dump(),
                          "application/json");
    REQUIRE(login);
    const std::string setCookie = login->get_header_value("Set-Cookie");
    const httplib::Headers session{{"Cookie", setCookie.substr(0, setCookie.find(';'))},
                                   {"X-CSRF-Token", Json::parse(login->body)["csrf"]}};
    std::size_t sent = 0;
    auto big = cli.Post("/api/v1/updates", session, endless(4u << 20, sent), "application/json");
    REQUIRE(big);
    CHECK(big->status == 413);
    CHECK(Json::parse(big->body)["error"]["code"] == "body_too_large");
    // And the server goes on serving writes of a normal size.
    httplib::Client again(w.base);
    auto ok = again.Post("/api/v1/updates", session,
                         Json{{"parent", w.q3Petitions[0]}, {"text", "Đã kiểm tra hiện trường"}}.dump(),
                         "application/json");
    REQUIRE(ok);
    CHECK(ok->status == 201);
}

TEST_CASE("the dashboard's files are served from the binary with a strict content policy", "[web]") {
    World w;
    httplib::Client cli(w.base);
    for (const char* path : {"/", "/index.html", "/js/app.js", "/css/app.css", "/print.html"}) {
        auto r = cli.Get(path);
        INFO(path);
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(r->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
        CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
    }
    auto index = cli.Get("/");
    CHECK(index->body.find("<html lang=\"vi\">") != std::string::npos);
    CHECK(cli.Get("/js/app.js")->get_header_value("Content-Type").rfind("text/javascript", 0) == 0);
    const Reply schema = jsonGet(w.base, "/api/v1/schema", w.supervisor);
    REQUIRE(schema.status == 200);
    CHECK(schema.body["labels"]["enums"]["petition"]["category"]["urban_transport"]["vi"] == "Trật tự đô thị, giao thông");
    const Reply agencies = jsonGet(w.base, "/api/v1/agencies", w.supervisor);
    REQUIRE(agencies.status == 200);
    CHECK(agencies.body["total"] == 2);
}

TEST_CASE("the overview follows every new change, from the dashboard or a tablet, without a restart", "[read]") {
    World w;
    const std::string path = "/api/v1/overview?from=2023-03-01&to=2023-03-31";
    Reply before = jsonGet(w.base, path, w.supervisor);
    REQUIRE(before.status == 200);
    CHECK(before.body["petitions"]["resolved"] == 2);
    CHECK(before.body["petitions"]["overdue"] == 1);
    // A supervisor resolves the overdue petition.
    REQUIRE(jsonPost(w.base, "/api/v1/petitions/" + w.q3Petitions[2] + "/handling", {{"status", "resolved"}},
                     w.supervisor).status == 200);
    // A tablet pushes a new petition received on 20 March.
    const std::string site = newSiteId();
    const std::string tablet = login(w.base, "canbo.q3", kTestPassword, site);
    std::map<std::string, Json> fields = petitionFields("Cây xanh ngã đổ");
    fields["received_at"] = noonVn(2023, 3, 20);
    const Reply push = jsonPost(w.base, "/api/v1/sync/push",
                                pushBody({makeChange(site, 1, "petition", newRecordId(), "q3-p4", "canbo.q3", fields)}),
                                tablet);
    REQUIRE(push.status == 200);
    REQUIRE(push.body["accepted"] == 1);
    const Reply after = jsonGet(w.base, path, w.supervisor);
    REQUIRE(after.status == 200);
    CHECK(after.body["petitions"]["received"] == 6);
    CHECK(after.body["petitions"]["resolved"] == 3);
    CHECK(after.body["petitions"]["overdue"] == 0);
    CHECK(after.body["oldestOverdue"].empty());
    // And the lists agree with it.
    CHECK(jsonGet(w.base, "/api/v1/petitions?from=2023-03-01&to=2023-03-31", w.supervisor).body["total"] == 6);
}

TEST_CASE("petition lists answered from the overview index equal Replica::list row for row", "[read]") {
    World w;
    // Some ties (same received day, same due date) so the id tie-break matters.
    {
        auto& ctx = w.server.context();
        std::lock_guard lock(ctx.mutex);
        for (int i = 0; i < 30; ++i) {
            auto c = ctx.store->write({"petition", "", i % 2 ? "q3-p5" : "q3-p4-kp5", "canbo.q3",
                                         {{"received_at", noonVn(2023, 5, 1 + i % 3)}, {"category", i % 3 ? "other" : "civil_records"},
                                          {"title", "Kiến nghị " + std::to_string(i)}, {"status", i % 4 ? "assigned" : "received"},
                                          {"due_date", i % 5 ? Json("2023-06-0" + std::to_string(1 + i % 3)) : Json()},
                                          {"lead_agency", i % 3 ? Json("ag-ca-q3") : Json()},
                                          {"support_agencies", i % 7 == 0 ? Json::array({"ag-ca-q3"}) : Json::array()}}});
            REQUIRE(c);
        }
    }
    struct Case {
        std::string params;
        ListQuery query;
    };
    auto query = [](std::function<void(ListQuery&)> f) {
        ListQuery q;
        q.entity = "petition";
        q.unitRoot = "q3";
        q.sort = "received_at";
        q.limit = 200;
        f(q);
        return q;
    };
    const std::vector<Case> cases = {
        {"", query([](ListQuery&) {})},
        {"sort=due_date&order=asc", query([](ListQuery& q) { q.sort = "due_date"; q.descending = false; })},
        {"sort=due_date", query([](ListQuery& q) { q.sort = "due_date"; })},
        {"sort=status&order=asc", query([](ListQuery& q) { q.sort = "status"; q.descending = false; })},
        {"sort=category", query([](ListQuery& q) { q.sort = "category"; })},
        {"status=assigned,received&category=other", query([](ListQuery& q) { q.equals["status"] = {"assigned", "received"}; q.equals["category"] = {"other"}; })},
        {"agency=ag-ca-q3", query([](ListQuery& q) { q.agency = "ag-ca-q3"; })},
        {"overdue=1&sort=due_date&order=asc", query([](ListQuery& q) { q.overdueOnly = true; q.sort = "due_date"; q.descending = false; })},
        {"unit=q3-p5&from=2023-05-01&to=2023-05-02", query([](ListQuery& q) {
             q.unitRoot = "q3-p5"; q.timeField = "received_at"; q.from = noonVn(2023, 5, 1) - 12 * 3600 * 1000;
             q.to = noonVn(2023, 5, 3) - 12 * 3600 * 1000; })},
        {"offset=7&limit=9&sort=received_at&order=asc", query([](ListQuery& q) { q.offset = 7; q.limit = 9; q.descending = false; })},
    };
    for (const auto& c : cases) {
        INFO(c.params);
        const bool paged = c.params.find("limit=") != std::string::npos;
        const Reply api = jsonGet(w.base, "/api/v1/petitions?" + (paged ? "" : std::string("limit=200&")) + c.params, w.supervisor);
        REQUIRE(api.status == 200);
        std::vector<std::string> got, expected;
        for (const auto& r : api.body["rows"]) got.push_back(r["id"]);
        auto& ctx = w.server.context();
        std::lock_guard lock(ctx.mutex);
        auto page = ctx.store->list(c.query);
        REQUIRE(page);
        for (const auto& r : page->rows) expected.push_back(r["id"]);
        CHECK(got == expected);
        CHECK(api.body["total"] == page->total);
    }
}

namespace {
/** True when `text` holds the words "phường 4" next to each other (4 not part of 14 or 40). */
bool holdsWard4(const std::string& text) {
    for (const std::string needle : {"phường 4", "Phường 4", "PHƯỜNG 4"}) {
        for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
            const std::size_t end = at + needle.size();
            const bool startsWord =
                at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
            const bool endsWord =
                end == text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
            if (startsWord && endsWord) return true;
        }
    }
    return false;
}
}  // namespace

TEST_CASE(
    "a quoted q searches for the phrase: only petitions holding it, fewer than its words unquoted",
    "[read][search]") {
    TestServerOptions options;
    options.demo = true;
    InProcessServer server(options);
    const std::string token = login(server.baseUrl(), "giamsat.q3", "demo1234", newSiteId());
    REQUIRE_FALSE(token.empty());
    auto rows = [&](const std::string& q) {
        const Reply r = jsonGet(server.baseUrl(), "/api/v1/petitions?limit=200&q=" + q, token);
        REQUIRE(r.status == 200);
        REQUIRE(r.body["total"] == r.body["rows"].size());  // all on one page
        return r.body["rows"];
    };
    const Json words = rows("phuong%204");
    const Json phrase = rows("%22phuong%204%22");
    std::set<std::string> wordsHolding;
    for (const Json& row : words) {
        std::string text;
        for (const char* field :
             {"title", "description", "location", "resolution", "petitioner_name"})
            if (row.contains(field) && row[field].is_string())
                text += row[field].get<std::string>() + "\n";
        if (holdsWard4(text)) wordsHolding.insert(row["id"].get<std::string>());
    }
    CHECK_FALSE(wordsHolding.empty());
    CHECK(ids(phrase) == wordsHolding);
    CHECK(phrase.size() < words.size());
    CHECK(ids(rows("%22PH%C6%AF%E1%BB%9CNG%204%22")) == wordsHolding);  // "PHƯỜNG 4"
}

TEST_CASE(
    "exports name the area level by level, refer to records readably and give XLSX real dates "
    "under a filter",
    "[export]") {
    World w;
    const std::string march = "?from=2023-03-01&to=2023-03-31";
    const Reply csv = getRaw(w.base, "/api/v1/exports/petitions.csv" + march, w.supervisor);
    REQUIRE(csv.status == 200);
    // The area: its path, then one column per level present in the tree under the city.
    CHECK(csv.raw.rfind(
              "\xEF\xBB\xBFMã,Địa bàn,Quận/Huyện,Phường/Xã,Khu phố,Buổi họp,Ngày tiếp nhận,", 0) ==
          0);
    std::string ref = w.q3Petitions[0].substr(0, 6);
    for (char& c : ref) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    CHECK(csv.raw.find("\r\nKN-20230310-" + ref +
                       ",Khu phố 5 — Phường 4 — Quận 3,Quận 3,Phường 4,Khu phố 5,"
                       "Mỗi tuần một khu phố — Khu phố 5 (10/03/2023),2023-03-10 12:00,") !=
          std::string::npos);
    // A petition of the ward itself has no neighbourhood.
    CHECK(csv.raw.find(",Phường 4 — Quận 3,Quận 3,Phường 4,,") != std::string::npos);
    bool hexId = false;
    for (const std::string& id : w.q3Petitions)
        hexId = hexId || csv.raw.find(id) != std::string::npos;
    CHECK_FALSE(hexId);
    CHECK(csv.raw.find(w.meeting) == std::string::npos);

    const Reply xlsx = getRaw(w.base, "/api/v1/exports/petitions.xlsx" + march, w.supervisor);
    REQUIRE(xlsx.status == 200);
    const std::string sheet = unzipEntry(xlsx.raw, "xl/worksheets/sheet1.xml");
    const std::string styles = unzipEntry(xlsx.raw, "xl/styles.xml");
    const std::string workbook = unzipEntry(xlsx.raw, "xl/workbook.xml");
    // Received 10 March 2023 at noon (Vietnam): serial 44995.5 shown as a date and time; due
    // 20 March 2023: serial 45005 shown as a date.
    CHECK(sheet.find("s=\"3\"><v>44995.5</v>") != std::string::npos);
    CHECK(sheet.find("s=\"2\"><v>45005</v>") != std::string::npos);
    CHECK(styles.find("<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>") != std::string::npos);
    CHECK(styles.find("<numFmt numFmtId=\"165\" formatCode=\"dd/mm/yyyy hh:mm\"/>") !=
          std::string::npos);
    CHECK(styles.find("<cellXfs count=\"4\">") != std::string::npos);
    // The header row is frozen and carries an autofilter over every row (5 petitions + header).
    CHECK(sheet.find("state=\"frozen\"") != std::string::npos);
    const std::size_t filter = sheet.find("<autoFilter ref=\"A1:");
    REQUIRE(filter != std::string::npos);
    CHECK(sheet.substr(filter, sheet.find("/>", filter) - filter).find("6\"") != std::string::npos);
    CHECK(workbook.find("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" "
                        "hidden=\"1\">'Kiến nghị'!$A$1:$") != std::string::npos);
    CHECK(sheet.find("Khu phố 5 — Phường 4 — Quận 3") != std::string::npos);
}
