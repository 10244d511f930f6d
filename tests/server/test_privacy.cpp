// A person's requests (find, copy, erase) and the retention period, against the real server
// on loopback with a real file (server/privacy.h, server/routes/privacy.cpp).
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "nghedan/personal.h"
#include "nghedan/text_fold.h"
#include "privacy.h"
#include "test_server.h"

using namespace nghedan;
using namespace nghedan::testing;

namespace {

constexpr std::int64_t kDay = 86'400'000;

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string urlEncode(const std::string& s) {
    std::string out;
    static const char* hex = "0123456789ABCDEF";
    for (const unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out.push_back(static_cast<char>(c));
        else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

/** A petition written by the server in `unit` with a petitioner, then closed when `closed`. */
std::string addPetition(server::Context& ctx, const std::string& unit, const std::string& title,
                        const std::string& name, const std::string& contact) {
    std::lock_guard lock(ctx.mutex);
    auto set = petitionFields(title);
    set["petitioner_name"] = name;
    set["petitioner_contact"] = contact;
    auto c = ctx.store->write({"petition", "", unit, "canbo.q3", set});
    REQUIRE(c);
    return c->id;
}

Json petitionAs(const std::string& base, const std::string& token, const std::string& id) {
    const Reply r = jsonGet(base, "/api/v1/petitions/" + id, token);
    REQUIRE(r.status == 200);
    return r.body;
}

}  // namespace

TEST_CASE("a person is found by name or phone whatever the diacritics and spacing") {
    const auto byName = server::personQuery("nguyen van duc");
    REQUIRE(byName);
    const Json row{{"petitioner_name", "Nguyễn Văn Đức"}, {"petitioner_contact", "+84 903 123 456"}};
    CHECK(server::personMatchedFields(*byName, "petition", row) ==
          std::vector<std::string>{"petitioner_name"});
    // Whole words: "Đức" is not "Đức Anh"'s "Anh", and "an" is not in "Lan".
    CHECK(server::personMatchedFields(*server::personQuery("Nguyễn Văn An"), "petition", row).empty());
    const auto byPhone = server::personQuery("0903.123.456");
    REQUIRE(byPhone);
    CHECK(server::personMatchedFields(*byPhone, "petition", row) ==
          std::vector<std::string>{"petitioner_contact"});
    CHECK_FALSE(server::personQuery("a"));
    CHECK_FALSE(server::personQuery("12345"));  // too few digits to name anyone
    CHECK(foldDiacritics("ĐƯỜNG Nguyễn Thị Minh Khai, Phường Võ Thị Sáu") ==
          "duong nguyen thi minh khai, phuong vo thi sau");
}

TEST_CASE("an admin finds, copies and erases a person's data, each step logged, the petition kept") {
    InProcessServer srv;
    seedTestTree(srv.context());
    auto& ctx = srv.context();
    const std::string marker = "Trần Thị Mỹ Hạnh";
    const std::string phone = "0908 765 432";
    const std::string a = addPetition(ctx, "q3-p4", "Đèn đường hẻm 12 hư", marker, phone);
    const std::string b = addPetition(ctx, "q3-p4-kp5", "Rác tồn đọng chợ", "Trần Thị Mỹ Hạnh", "0908765432");
    const std::string other = addPetition(ctx, "q3-p4", "Nước ngập", "Lê Văn Tám", "0912 000 111");
    const std::string admin = login(srv.baseUrl(), "admin", kTestPassword, std::string(32, 'a'));
    const std::string official = login(srv.baseUrl(), "canbo.q3", kTestPassword, std::string(32, 'b'));
    const std::string supervisor = login(srv.baseUrl(), "giamsat.q3", kTestPassword, std::string(32, 'c'));
    const std::string reason = urlEncode("Đơn số 12/2026 ngày 01/12/2026");

    SECTION("a request names its reason, only admins answer it") {
        CHECK(jsonGet(srv.baseUrl(), "/api/v1/privacy/person?q=tran+thi+my+hanh", admin).status == 400);
        CHECK(jsonGet(srv.baseUrl(), "/api/v1/privacy/person?q=tran+thi+my+hanh&reason=" + reason,
                      supervisor).status == 403);
        CHECK(jsonGet(srv.baseUrl(), "/api/v1/privacy/person?q=tran+thi+my+hanh&reason=" + reason,
                      official).status == 403);
        CHECK(jsonGet(srv.baseUrl(), "/api/v1/privacy/person?q=x&reason=" + reason, admin).status == 400);
    }

    SECTION("found by a folded name and by a phone typed another way") {
        const Reply byName = jsonGet(
            srv.baseUrl(), "/api/v1/privacy/person?q=tran+thi+my+hanh&reason=" + reason, admin);
        INFO(byName.raw);
        REQUIRE(byName.status == 200);
        std::set<std::string> ids;
        for (const Json& item : byName.body["items"]) ids.insert(item["id"].get<std::string>());
        CHECK(ids == std::set<std::string>{a, b});
        const Reply byPhone = jsonGet(srv.baseUrl(),
                                      "/api/v1/privacy/person?q=%2B84908765432&reason=" + reason, admin);
        REQUIRE(byPhone.status == 200);
        CHECK(byPhone.body["items"].size() == 2);

        const Reply copy = jsonGet(
            srv.baseUrl(), "/api/v1/privacy/person/export?q=0908765432&reason=" + reason, admin);
        REQUIRE(copy.status == 200);
        REQUIRE(copy.body["records"].size() == 2);
        CHECK(copy.body["records"][0]["fields"]["petitioner_name"] == marker);
        CHECK_FALSE(copy.body["records"][0]["history"].empty());
        CHECK(copy.body.dump().find("Lê Văn Tám") == std::string::npos);
    }

    SECTION("erasing keeps the petitions and their statistics, removes every stored value") {
        const Json before = petitionAs(srv.baseUrl(), official, a);
        const Reply listBefore = jsonGet(srv.baseUrl(), "/api/v1/petitions?status=received", official);
        const Json body{{"records", Json::array({{{"entity", "petition"}, {"id", a}},
                                                 {{"entity", "petition"}, {"id", b}}})},
                        {"reason", "Đơn số 12/2026 ngày 01/12/2026"}};
        // A supervisor cannot; a missing reason is refused; a record outside scope refuses all.
        CHECK(jsonPost(srv.baseUrl(), "/api/v1/privacy/erase", body, supervisor).status == 403);
        CHECK(jsonPost(srv.baseUrl(), "/api/v1/privacy/erase", Json{{"records", body["records"]}},
                       admin).status == 400);
        const Reply erased = jsonPost(srv.baseUrl(), "/api/v1/privacy/erase", body, admin);
        REQUIRE(erased.status == 200);
        CHECK(erased.body["erased"] == 2);
        // Again: nothing left to erase.
        CHECK(jsonPost(srv.baseUrl(), "/api/v1/privacy/erase", body, admin).body["erased"] == 0);

        const Json after = petitionAs(srv.baseUrl(), official, a);
        CHECK(after["petition"]["title"] == before["petition"]["title"]);
        CHECK(after["petition"]["status"] == before["petition"]["status"]);
        CHECK(after["petition"].value("petitioner_name", Json()).is_null());
        CHECK(after["petition"].value("petitioner_contact", Json()).is_null());
        // Not in the current values, not in the history: every stored copy.
        CHECK(after.dump().find("Mỹ Hạnh") == std::string::npos);
        CHECK(after.dump().find("765") == std::string::npos);
        CHECK(jsonGet(srv.baseUrl(), "/api/v1/petitions?q=hanh", official).body["total"] == 0);
        const Reply listAfter = jsonGet(srv.baseUrl(), "/api/v1/petitions?status=received", official);
        CHECK(listAfter.body["total"] == listBefore.body["total"]);
        // The other person is untouched.
        CHECK(petitionAs(srv.baseUrl(), official, other)["petition"]["petitioner_name"] == "Lê Văn Tám");
        // Nothing of the erased values is left in the server's file (secure_delete, checkpoint).
        std::string bytes;
        for (const auto& e : std::filesystem::directory_iterator(srv.dataDir()))
            if (e.is_regular_file() && e.path().filename().string().find("server.log") == std::string::npos)
                bytes += fileBytes(e.path().string());
        CHECK(bytes.find("Mỹ Hạnh") == std::string::npos);
        CHECK(bytes.find("0908 765 432") == std::string::npos);
        CHECK(bytes.find("0908765432") == std::string::npos);
        CHECK(bytes.find("Lê Văn Tám") != std::string::npos);
    }
}

TEST_CASE("retention redacts petitions closed longer ago than the period, nothing else") {
    InProcessServer srv;
    seedTestTree(srv.context());
    auto& ctx = srv.context();
    const std::int64_t now = systemMillis();
    const std::string site = "7e57000000000000000000000000c105";
    std::uint64_t seq = 0;
    std::vector<std::string> ids;
    // Petitions closed 800, 400 and 10 days ago, and one still open from 800 days ago.
    for (const auto& [daysAgo, status] : std::vector<std::pair<int, std::string>>{
             {800, "closed"}, {400, "closed"}, {10, "closed"}, {800, "in_progress"}}) {
        const std::string id = newRecordId();
        auto set = petitionFields("Kiến nghị " + std::to_string(daysAgo));
        set["petitioner_name"] = "Người " + std::to_string(daysAgo) + " " + status;
        set["petitioner_contact"] = "09000000" + std::to_string(ids.size());
        set["status"] = status;
        const HlcTime at = hlcPack(now - daysAgo * kDay, 0);
        std::lock_guard lock(ctx.mutex);
        REQUIRE(ctx.store->learnSiteKey({site, testDeviceKey(site).publicKey, 0, {}}));
        Change c = makeChange(site, ++seq, "petition", id, "q3-p4", "canbo.q3", set, at);
        auto report = ctx.store->apply({c});
        REQUIRE(report);
        REQUIRE(report->refused.empty());
        ids.push_back(id);
    }
    auto countByStatus = [&] {
        std::lock_guard lock(ctx.mutex);
        std::map<std::string, std::int64_t> out;
        for (const char* s : {"closed", "in_progress"}) {
            ListQuery q;
            q.equals["status"] = {s};
            out[s] = ctx.store->list(q)->total;
        }
        return out;
    };
    const auto statsBefore = countByStatus();
    server::RetentionReport report;
    {
        std::lock_guard lock(ctx.mutex);
        auto r = server::applyRetention(*ctx.store, now, 365);
        REQUIRE(r);
        report = *r;
    }
    CHECK(report.redacted == 2);
    CHECK(countByStatus() == statsBefore);
    auto nameOf = [&](const std::string& id) {
        std::lock_guard lock(ctx.mutex);
        auto rec = ctx.store->get("petition", id);
        REQUIRE(rec);
        REQUIRE(*rec);
        return (*rec)->values.value("petitioner_name", Json());
    };
    CHECK(nameOf(ids[0]).is_null());
    CHECK(nameOf(ids[1]).is_null());
    CHECK(nameOf(ids[2]) == "Người 10 closed");
    CHECK(nameOf(ids[3]) == "Người 800 in_progress");
    {
        std::lock_guard lock(ctx.mutex);
        auto again = server::applyRetention(*ctx.store, now, 365);
        REQUIRE(again);
        CHECK(again->redacted == 0);
        auto off = server::applyRetention(*ctx.store, now + 1000 * kDay, 0);
        REQUIRE(off);
        CHECK(off->redacted == 0);
    }
}

TEST_CASE("a redaction pushed by an admin's device erases only in its target's unit", "[personal]") {
    InProcessServer srv;
    seedTestTree(srv.context());
    auto& ctx = srv.context();
    {
        std::lock_guard lock(ctx.mutex);
        addTestUsers(*ctx.store, {{"admin.q12", "admin", "q12"}});
    }
    const std::string victim = addPetition(ctx, "q3-p4", "Lấn chiếm vỉa hè", "Đỗ Văn Khánh", "0911 222 333");
    auto push = [&](const std::string& user, const std::string& unit) {
        const std::string site = newSiteId();
        const std::string token = login(srv.baseUrl(), user, kTestPassword, site);
        const Change c = makeChange(site, 1, "redaction", newRecordId(), unit, user,
                                    {{"target_entity", "petition"}, {"target_id", victim},
                                     {"fields", "petitioner_name,petitioner_contact"},
                                     {"reason", "Đơn số 3/2026"}});
        return jsonPost(srv.baseUrl(), "/api/v1/sync/push", pushBody({c}), token);
    };
    // Quận 12's admin names a unit of their own scope: refused, the Quận 3 record keeps its data.
    const Reply outside = push("admin.q12", "q12-ta");
    REQUIRE(outside.status == 200);
    REQUIRE(outside.body["refused"].size() == 1);
    CHECK(outside.body["refused"][0]["code"] == "redaction_unit");
    // ...and the record's own unit is outside their scope.
    const Reply q3 = push("admin.q12", "q3-p4");
    REQUIRE(q3.body["refused"].size() == 1);
    CHECK(q3.body["refused"][0]["code"] == "out_of_scope");
    {
        std::lock_guard lock(ctx.mutex);
        CHECK((*ctx.store->get("petition", victim))->values["petitioner_name"] == "Đỗ Văn Khánh");
    }
    // The city's admin, in the record's unit: erased.
    const Reply city = push("admin", "q3-p4");
    REQUIRE(city.status == 200);
    CHECK(city.body["accepted"] == 1);
    std::lock_guard lock(ctx.mutex);
    CHECK((*ctx.store->get("petition", victim))->values.value("petitioner_name", Json()).is_null());
}
