// Push, pull, snapshot and state: validation, authorisation and scopes.

#include <catch2/catch.hpp>

#include <set>

#include "admin.h"
#include "nghedan/sync_client.h"
#include "test_server.h"

using namespace nghedan;
using namespace nghedan::testing;

namespace {

const std::string kTabletQ3 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1";
const std::string kTabletQ12 = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2";
const std::string kTabletSup = "ccccccccccccccccccccccccccccccc3";
const std::string kTabletAdmin = "ddddddddddddddddddddddddddddddd4";

struct World {
    InProcessServer server;
    std::string q3, q12, sup, admin;  // tokens
    World() {
        seedTestTree(server.context());
        q3 = login(server.baseUrl(), "canbo.q3", kTestPassword, kTabletQ3);
        q12 = login(server.baseUrl(), "canbo.q12", kTestPassword, kTabletQ12);
        sup = login(server.baseUrl(), "giamsat.q3", kTestPassword, kTabletSup);
        admin = login(server.baseUrl(), "admin", kTestPassword, kTabletAdmin);
        REQUIRE(!q3.empty());
        REQUIRE(!q12.empty());
        REQUIRE(!sup.empty());
        REQUIRE(!admin.empty());
    }
    Reply push(const std::string& token, const std::vector<Change>& changes) {
        return jsonPost(server.baseUrl(), "/api/v1/sync/push", pushBody(changes), token);
    }
    std::uint64_t changeCount() {
        std::lock_guard lock(server.context().mutex);
        return server.context().store->changeCount();
    }
    bool recordExists(const std::string& entity, const std::string& id) {
        std::lock_guard lock(server.context().mutex);
        auto r = server.context().store->get(entity, id);
        return r && r->has_value();
    }
    std::map<std::string, SiteKey> keysSeen;  ///< the site keys pull replies carried
    /** Teaches a replica the keys pulls carried, as SyncClient does. */
    void teachKeys(Replica& r) {
        for (const auto& [site, key] : keysSeen) REQUIRE(r.learnSiteKey(key));
    }
    /** Every change a user gets from pull, page by page. */
    std::vector<Json> pullAll(const std::string& token,
                              const std::string& path = "/api/v1/sync/pull", int limit = 1000) {
        std::vector<Json> out;
        std::uint64_t cursor = 0;
        for (int guard = 0; guard < 1000; ++guard) {
            const Reply r =
                jsonPost(server.baseUrl(), path, Json{{"cursor", cursor}, {"limit", limit}}, token);
            REQUIRE(r.status == 200);
            for (const Json& c : r.body["changes"]) out.push_back(c);
            for (const auto& [site, k] : r.body["keys"].items())
                keysSeen[site] = SiteKey{site, k["key"], k["unsignedThrough"], std::nullopt};
            cursor = r.body["cursor"];
            if (!r.body["more"].get<bool>()) break;
        }
        return out;
    }
};

std::map<std::uint64_t, std::string> refusalCodes(const Reply& r) {
    std::map<std::uint64_t, std::string> out;
    for (const Json& x : r.body["refused"]) out[x["seq"].get<std::uint64_t>()] = x["code"];
    return out;
}

}  // namespace

TEST_CASE("a pushed batch is applied and acknowledged with the highest seq", "[sync]") {
    World w;
    std::vector<Change> batch;
    for (std::uint64_t i = 1; i <= 3; ++i)
        batch.push_back(makeChange(kTabletQ3, i, "petition", numbered("p", i), "q3-p4-kp5",
                                   "canbo.q3", petitionFields(numbered("Kiến nghị ", i))));
    const Reply r = w.push(w.q3, batch);
    REQUIRE(r.status == 200);
    CHECK(r.body["accepted"] == 3);
    CHECK(r.body["duplicates"] == 0);
    CHECK(r.body["refused"].empty());
    CHECK(r.body["highestSeq"][kTabletQ3] == 3);
    CHECK(r.body["epoch"] == w.server.context().epoch);
    CHECK(r.body["serverTime"].is_number_integer());
    CHECK(w.recordExists("petition", "p2"));

    SECTION("a duplicated push batch changes nothing") {
        const std::uint64_t before = w.changeCount();
        const Reply again = w.push(w.q3, batch);
        REQUIRE(again.status == 200);
        CHECK(again.body["accepted"] == 0);
        CHECK(again.body["duplicates"] == 3);
        CHECK(again.body["highestSeq"][kTabletQ3] == 3);
        CHECK(w.changeCount() == before);
    }
    SECTION("a seq gap is refused with the server's highest seq") {
        const Reply gap = w.push(w.q3, {makeChange(kTabletQ3, 5, "petition", "p5", "q3-p4",
                                                   "canbo.q3", petitionFields("Năm")),
                                        makeChange(kTabletQ3, 6, "petition", "p6", "q3-p4",
                                                   "canbo.q3", petitionFields("Sáu"))});
        REQUIRE(gap.status == 200);
        CHECK(gap.body["accepted"] == 0);
        CHECK(refusalCodes(gap) ==
              std::map<std::uint64_t, std::string>{{5, "seq_gap"}, {6, "seq_gap"}});
        CHECK(gap.body["highestSeq"][kTabletQ3] == 3);
        CHECK_FALSE(w.recordExists("petition", "p5"));
    }
}

TEST_CASE(
    "invalid changes are refused with their dot and reason and the rest of the batch is applied",
    "[sync]") {
    World w;
    auto title = [](const std::string& t) { return petitionFields(t); };
    auto tooLong = title(std::string(400, 'x'));
    auto wrongType = title("Sai kiểu");
    wrongType["households"] = "nhiều";
    auto unknownField = title("Trường lạ");
    unknownField["color"] = "đỏ";
    std::vector<Change> batch = {
        makeChange(kTabletQ3, 1, "petition", "ok1", "q3-p4", "canbo.q3", title("Hợp lệ 1")),
        makeChange(kTabletQ3, 2, "spaceship", "x2", "q3-p4", "canbo.q3", {{"name", "?"}}),
        makeChange(kTabletQ3, 3, "petition", "x3", "q3-p4", "canbo.q3", unknownField),
        makeChange(kTabletQ3, 4, "petition", "x4", "q3-p4", "canbo.q3", wrongType),
        makeChange(kTabletQ3, 5, "petition", "x5", "q3-p4", "canbo.q3", tooLong),
        makeChange(kTabletQ3, 6, "petition", "x6", "q3-p4", "canbo.q3",
                   {{"title", "Thiếu trường"}}),
        makeChange(kTabletQ3, 7, "petition", "ok7", "q3-p4", "canbo.q3", title("Hợp lệ 7")),
    };
    Json body = pushBody(batch);
    // A change whose shape is broken but whose dot can be read: refused like the others.
    body["changes"].push_back(
        Json{{"v", 1}, {"site", kTabletQ3}, {"seq", 8}, {"set", "không phải object"}});
    body["changes"].push_back(toJson(
        makeChange(kTabletQ3, 9, "petition", "ok9", "q3-p4", "canbo.q3", title("Hợp lệ 9"))));
    const Reply r = jsonPost(w.server.baseUrl(), "/api/v1/sync/push", body, w.q3);
    REQUIRE(r.status == 200);
    CHECK(r.body["accepted"] == 3);
    const auto codes = refusalCodes(r);
    CHECK(codes == std::map<std::uint64_t, std::string>{{2, "unknown_entity"},
                                                        {3, "unknown_field"},
                                                        {4, "invalid_value"},
                                                        {5, "invalid_value"},
                                                        {6, "missing_field"},
                                                        {8, "malformed_change"}});
    for (const Json& x : r.body["refused"]) {
        CHECK(x["site"] == kTabletQ3);
        CHECK_FALSE(x["message"].get<std::string>().empty());
    }
    CHECK(r.body["highestSeq"][kTabletQ3] == 9);
    CHECK(w.recordExists("petition", "ok1"));
    CHECK(w.recordExists("petition", "ok7"));
    CHECK(w.recordExists("petition", "ok9"));
    CHECK_FALSE(w.recordExists("petition", "x5"));
}

TEST_CASE("a change for another scope is refused and nothing is stored", "[sync][security]") {
    World w;
    const std::uint64_t before = w.changeCount();
    const Reply r = w.push(w.q3, {makeChange(kTabletQ3, 1, "petition", "intruder", "q12-ta",
                                             "canbo.q3", petitionFields("Ngoài phạm vi"))});
    REQUIRE(r.status == 200);
    CHECK(r.body["accepted"] == 0);
    CHECK(refusalCodes(r) == std::map<std::uint64_t, std::string>{{1, "out_of_scope"}});
    CHECK(w.changeCount() == before);
    CHECK_FALSE(w.recordExists("petition", "intruder"));

    SECTION("nor may a change name a record of another scope under an in-scope unit") {
        REQUIRE(w.push(w.q12, {makeChange(kTabletQ12, 1, "petition", "theirs", "q12-ta",
                                          "canbo.q12", petitionFields("Của Thới An"))})
                    .body["accepted"] == 1);
        const Reply sneaky = w.push(w.q3, {makeChange(kTabletQ3, 2, "petition", "theirs", "q3-p4",
                                                      "canbo.q3", {{"title", "Sửa trộm"}})});
        CHECK(sneaky.body["accepted"] == 0);
        CHECK(sneaky.body["refused"].size() == 1);
        std::lock_guard lock(w.server.context().mutex);
        auto rec = w.server.context().store->get("petition", "theirs");
        REQUIRE(rec);
        REQUIRE(rec->has_value());
        CHECK((*rec)->values["title"] == "Của Thới An");
    }
}

TEST_CASE("an official cannot write units or agencies — an admin can", "[sync][roles]") {
    World w;
    const Reply r = w.push(
        w.q3, {makeChange(kTabletQ3, 1, "unit", "q3-p4-kp9", "q3-p4-kp9", "canbo.q3",
                          {{"parent", "q3-p4"}, {"level", "neighbourhood"}, {"name", "Khu phố 9"}}),
               makeChange(kTabletQ3, 2, "agency", "ag-x", "q3-p4", "canbo.q3",
                          {{"name", "Cơ quan X"}, {"level", "ward"}})});
    CHECK(r.body["accepted"] == 0);
    CHECK(refusalCodes(r) ==
          std::map<std::uint64_t, std::string>{{1, "forbidden"}, {2, "forbidden"}});
    CHECK_FALSE(w.recordExists("unit", "q3-p4-kp9"));

    const Reply a = w.push(
        w.admin,
        {makeChange(kTabletAdmin, 1, "unit", "q3-p4-kp9", "q3-p4-kp9", "admin",
                    {{"parent", "q3-p4"}, {"level", "neighbourhood"}, {"name", "Khu phố 9"}})});
    CHECK(a.body["accepted"] == 1);
    const Reply notRecords =
        w.push(w.admin, {makeChange(kTabletAdmin, 2, "petition", "pa", "q3-p4", "admin",
                                    petitionFields("Admin không ghi kiến nghị"))});
    CHECK(refusalCodes(notRecords) == std::map<std::uint64_t, std::string>{{2, "forbidden"}});
}

TEST_CASE("a supervisor may write directives and updates but only the handling of petitions",
          "[sync][roles]") {
    World w;
    REQUIRE(w.push(w.q3, {makeChange(kTabletQ3, 1, "petition", "p1", "q3-p4-kp5", "canbo.q3",
                                     petitionFields("Rác tồn đọng"))})
                .body["accepted"] == 1);
    const Reply r = w.push(
        w.sup,
        {makeChange(
             kTabletSup, 1, "petition", "p1", "q3-p4-kp5", "giamsat.q3",
             {{"status", "assigned"}, {"lead_agency", "ag-ca-q3"}, {"due_date", "2026-12-31"}}),
         makeChange(kTabletSup, 2, "petition", "p1", "q3-p4-kp5", "giamsat.q3",
                    {{"title", "Đổi tiêu đề"}}),
         makeChange(kTabletSup, 3, "petition", "p2", "q3-p5", "giamsat.q3",
                    petitionFields("Tạo mới")),
         makeChange(kTabletSup, 4, "directive", "d1", "q3-p4-kp5", "giamsat.q3",
                    {{"petition", "p1"},
                     {"issued_by", "Chủ tịch UBND quận 3"},
                     {"agency", "ag-ca-q3"},
                     {"instruction", "Xử lý ngay"},
                     {"status", "issued"}}),
         makeChange(
             kTabletSup, 5, "update", "u1", "q3-p4-kp5", "giamsat.q3",
             {{"parent_entity", "petition"}, {"parent", "p1"}, {"text", "Đã giao Công an quận"}}),
         makeChange(kTabletSup, 6, "meeting", "m1", "q3-p4-kp5", "giamsat.q3",
                    {{"held_at", systemMillis()}, {"title", "Họp"}}),
         makeChange(kTabletSup, 7, "directive", "d2", "q12-ta", "giamsat.q3",
                    {{"issued_by", "X"},
                     {"agency", "ag-ubnd-ta"},
                     {"instruction", "Y"},
                     {"status", "issued"}})});
    REQUIRE(r.status == 200);
    CHECK(r.body["accepted"] == 3);
    CHECK(refusalCodes(r) ==
          std::map<std::uint64_t, std::string>{
              {2, "forbidden"}, {3, "forbidden"}, {6, "forbidden"}, {7, "out_of_scope"}});
    std::lock_guard lock(w.server.context().mutex);
    auto p1 = w.server.context().store->get("petition", "p1");
    REQUIRE(p1);
    REQUIRE(p1->has_value());
    CHECK((*p1)->values["status"] == "assigned");
    CHECK((*p1)->values["title"] == "Rác tồn đọng");
}

TEST_CASE(
    "a change stamped more than five minutes ahead is refused as clock_ahead and can be resent",
    "[sync][clock]") {
    World w;
    const HlcTime ahead = hlcPack(systemMillis() + 10 * 60 * 1000, 0);
    const Reply r = w.push(w.q3, {makeChange(kTabletQ3, 1, "petition", "p1", "q3-p4", "canbo.q3",
                                             petitionFields("Đồng hồ nhanh"), ahead),
                                  makeChange(kTabletQ3, 2, "petition", "p2", "q3-p4", "canbo.q3",
                                             petitionFields("Sau đó"), ahead + 1)});
    REQUIRE(r.status == 200);
    CHECK(r.body["accepted"] == 0);
    CHECK(refusalCodes(r) ==
          std::map<std::uint64_t, std::string>{{1, "clock_ahead"}, {2, "seq_gap"}});
    CHECK(r.body["highestSeq"][kTabletQ3] == 0);
    // Re-stamped with the server's time, the same changes go through.
    const std::int64_t serverTime = r.body["serverTime"];
    const Reply again =
        w.push(w.q3, {makeChange(kTabletQ3, 1, "petition", "p1", "q3-p4", "canbo.q3",
                                 petitionFields("Đồng hồ nhanh"), hlcPack(serverTime, 0)),
                      makeChange(kTabletQ3, 2, "petition", "p2", "q3-p4", "canbo.q3",
                                 petitionFields("Sau đó"), hlcPack(serverTime, 1))});
    CHECK(again.body["accepted"] == 2);
    // A clock a year behind is fine.
    const Reply behind =
        w.push(w.q3, {makeChange(kTabletQ3, 3, "petition", "p3", "q3-p4", "canbo.q3",
                                 petitionFields("Đồng hồ chậm"),
                                 hlcPack(systemMillis() - 365LL * 86400 * 1000, 0))});
    CHECK(behind.body["accepted"] == 1);
}

TEST_CASE("the device's own changes must carry the signed-in user as author", "[sync][security]") {
    World w;
    const Reply r = w.push(w.q3, {makeChange(kTabletQ3, 1, "petition", "p1", "q3-p4", "giamsat.q3",
                                             petitionFields("Mạo danh"))});
    CHECK(refusalCodes(r) == std::map<std::uint64_t, std::string>{{1, "author_mismatch"}});
    // Relayed changes of another site: their author must exist and be allowed to write them.
    const std::string other = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeee5";
    REQUIRE_FALSE(login(w.server.baseUrl(), "canbo.q3", kTestPassword, other).empty());
    const Reply relay = w.push(w.q3, {makeChange(other, 1, "petition", "r1", "q3-p4", "nobody",
                                                 petitionFields("Không ai")),
                                      makeChange(other, 2, "petition", "r2", "q3-p4", "canbo.q3",
                                                 petitionFields("Chuyển tiếp"))});
    // A relay is never refused for good (its author's device may still send the change), so
    // nothing of that site is taken past it.
    CHECK(refusalCodes(relay) ==
          std::map<std::uint64_t, std::string>{{1, "not_relayed"}, {2, "seq_gap"}});
    CHECK(relay.body["accepted"] == 0);
    CHECK(relay.body["highestSeq"][other] == 0);
    const Reply inOrder = w.push(w.q3, {makeChange(other, 1, "petition", "r2", "q3-p4",
                                                   "canbo.q3", petitionFields("Chuyển tiếp"))});
    CHECK(inOrder.body["accepted"] == 1);
    CHECK(inOrder.body["highestSeq"][other] == 1);
}

TEST_CASE("a change refused when relayed is taken when its author's device sends it",
          "[sync][security]") {
    World w;
    // canbo.q12's change in Quận 12, relayed by the Quận 3 official's tablet: not taken.
    const Change c = makeChange(kTabletQ12, 1, "petition", "q12-own", "q12-ta", "canbo.q12",
                                petitionFields("Của Quận 12"));
    const Reply relay = w.push(w.q3, {c});
    CHECK(refusalCodes(relay) == std::map<std::uint64_t, std::string>{{1, "not_relayed"}});
    CHECK_FALSE(w.recordExists("petition", "q12-own"));
    // The author's own tablet sends it: stored, not a duplicate, not the relay's refusal.
    const Reply own = w.push(w.q12, {c});
    CHECK(own.body["accepted"] == 1);
    CHECK(own.body["refused"].empty());
    CHECK(w.recordExists("petition", "q12-own"));
}

TEST_CASE("pull and snapshot never return records outside the user's scope", "[sync][security]") {
    World w;
    Change edit1 = makeChange(kTabletQ3, 2, "petition", "in-p4", "q3-p4-kp5", "canbo.q3",
                              {{"title", "Phường 4 (sửa)"}});
    edit1.bases["title"] = {Dot{kTabletQ3, 1}};
    Change edit2 = makeChange(kTabletQ3, 3, "petition", "in-p4", "q3-p4-kp5", "canbo.q3",
                              {{"title", "Phường 4 (sửa lần 2)"}});
    edit2.bases["title"] = {Dot{kTabletQ3, 2}};
    REQUIRE(w.push(w.q3, {makeChange(kTabletQ3, 1, "petition", "in-p4", "q3-p4-kp5", "canbo.q3",
                                     petitionFields("Phường 4")),
                          signedByDevice(edit1), signedByDevice(edit2)})
                .body["accepted"] == 3);
    REQUIRE(w.push(w.q12, {makeChange(kTabletQ12, 1, "petition", "in-ta", "q12-ta", "canbo.q12",
                                      petitionFields("Thới An"))})
                .body["accepted"] == 1);
    REQUIRE(w.push(w.sup, {makeChange(kTabletSup, 1, "directive", "in-p5", "q3-p5", "giamsat.q3",
                                      {{"issued_by", "X"},
                                       {"agency", "ag-ca-q3"},
                                       {"instruction", "Y"},
                                       {"status", "issued"}})})
                .body["accepted"] == 1);

    const std::set<std::string> q3Units = {"q3-p4", "q3-p4-kp5"};
    const std::set<std::string> supUnits = {"q3", "q3-p4", "q3-p4-kp5", "q3-p5"};
    for (const char* path : {"/api/v1/sync/pull", "/api/v1/sync/snapshot"}) {
        INFO(path);
        auto check = [&](const std::string& token, const std::set<std::string>& allowed) {
            std::set<std::string> records;
            for (const Json& c : w.pullAll(token, path, 3)) {
                const std::string entity = c["entity"];
                if (entity == "unit" || entity == "agency") continue;  // reference data for all
                CHECK(allowed.count(c["unit"].get<std::string>()) == 1);
                records.insert(c["id"].get<std::string>());
            }
            return records;
        };
        CHECK(check(w.q3, q3Units) == std::set<std::string>{"in-p4"});
        CHECK(check(w.q12, {"q12-ta"}) == std::set<std::string>{"in-ta"});
        CHECK(check(w.sup, supUnits) == std::set<std::string>{"in-p4", "in-p5"});
    }
    // Both keep every change of the record, the superseded first edit included.
    std::set<std::uint64_t> snapshotSeqs, logSeqs;
    for (const Json& c : w.pullAll(w.q3, "/api/v1/sync/snapshot"))
        if (c["id"] == "in-p4") snapshotSeqs.insert(c["seq"].get<std::uint64_t>());
    for (const Json& c : w.pullAll(w.q3, "/api/v1/sync/pull"))
        if (c["id"] == "in-p4") logSeqs.insert(c["seq"].get<std::uint64_t>());
    CHECK(logSeqs == std::set<std::uint64_t>{1, 2, 3});
    CHECK(snapshotSeqs == logSeqs);
}

TEST_CASE("pull pages follow the cursor and snapshot gives the log cursor to continue from",
          "[sync]") {
    World w;
    std::vector<Change> batch;
    for (std::uint64_t i = 1; i <= 7; ++i)
        batch.push_back(makeChange(kTabletQ3, i, "petition", numbered("p", i), "q3-p4", "canbo.q3",
                                   petitionFields(numbered("Trang ", i))));
    REQUIRE(w.push(w.q3, batch).body["accepted"] == 7);
    const Reply first =
        jsonPost(w.server.baseUrl(), "/api/v1/sync/pull", Json{{"cursor", 0}, {"limit", 4}}, w.q3);
    REQUIRE(first.status == 200);
    CHECK(first.body["changes"].size() == 4);
    CHECK(first.body["more"] == true);
    const auto all = w.pullAll(w.q3, "/api/v1/sync/pull", 4);
    std::set<std::string> ids;
    for (const Json& c : all) ids.insert(c["id"].get<std::string>());
    CHECK(ids.count("p7") == 1);
    const Reply snap =
        jsonPost(w.server.baseUrl(), "/api/v1/sync/snapshot", Json{{"cursor", 0}}, w.q3);
    REQUIRE(snap.status == 200);
    CHECK(snap.body["more"] == false);
    const Reply tail = jsonPost(w.server.baseUrl(), "/api/v1/sync/pull",
                                Json{{"cursor", snap.body["logCursor"]}}, w.q3);
    CHECK(tail.body["changes"].empty());
    CHECK(tail.body["more"] == false);
}

TEST_CASE("a snapshot goes record by record, and one begun by an older server goes on in log "
          "order", "[sync]") {
    World w;
    // Two petitions, each created and then edited, in interleaved arrival order.
    std::vector<Change> batch;
    for (std::uint64_t seq = 1; seq <= 4; ++seq) {
        const std::string id = seq % 2 ? "a" : "b";
        batch.push_back(makeChange(kTabletQ3, seq, "petition", id, "q3-p4", "canbo.q3",
                                   seq <= 2 ? petitionFields(numbered("Kiến nghị ", seq))
                                            : std::map<std::string, Json>{{"priority", "high"}}));
    }
    REQUIRE(w.push(w.q3, batch).body["accepted"] == 4);
    struct Page {
        std::vector<std::string> ids;
        std::uint64_t cursor;
        bool more;
    };
    auto snapshot = [&](const Json& request) {
        const Reply r = jsonPost(w.server.baseUrl(), "/api/v1/sync/snapshot", request, w.q3);
        REQUIRE(r.status == 200);
        Page page{{}, r.body["cursor"].get<std::uint64_t>(), r.body["more"].get<bool>()};
        for (const Json& c : r.body["changes"])
            if (c["entity"] == "petition") page.ids.push_back(c["id"]);
        return page;
    };
    // From the start: a record's changes together, and an opaque cursor that goes on after it.
    std::vector<std::string> all;
    Page page{{}, 0, true};
    for (int guard = 0; page.more && guard < 1000; ++guard) {
        page = snapshot(Json{{"cursor", page.cursor}, {"limit", 1}});
        all.insert(all.end(), page.ids.begin(), page.ids.end());
        CHECK((page.cursor & (std::uint64_t(1) << 62)) != 0);
    }
    CHECK(all == std::vector<std::string>{"a", "a", "b", "b"});
    // A log position (no record bit), as an older server gave it: the rest of the log.
    const Reply log = jsonPost(w.server.baseUrl(), "/api/v1/sync/pull",
                               Json{{"cursor", 0}, {"limit", 5000}}, w.q3);
    REQUIRE(log.status == 200);
    const std::uint64_t before = log.body["cursor"].get<std::uint64_t>() - 4;
    CHECK(snapshot(Json{{"cursor", before}}).ids == std::vector<std::string>{"a", "b", "a", "b"});
}

TEST_CASE("a snapshot gives a new tablet each record exactly as the server has it", "[sync]") {
    // A title edited three times in a row: every edit names the one before as its base, so
    // only the last edit still holds the title. A new tablet must still see one title and no
    // conflict, like the server.
    World w;
    std::vector<Change> batch{makeChange(kTabletQ3, 1, "petition", "chain", "q3-p4", "canbo.q3",
                                         petitionFields("Đèn đường hỏng"))};
    for (std::uint64_t seq = 2; seq <= 4; ++seq) {
        Change edit = makeChange(kTabletQ3, seq, "petition", "chain", "q3-p4", "canbo.q3",
                                 {{"title", numbered("Đèn đường hẻm 12 hỏng, lần ", seq)}});
        edit.bases["title"] = {{kTabletQ3, seq - 1}};
        batch.push_back(signedByDevice(edit));
    }
    REQUIRE(w.push(w.q3, batch).body["accepted"] == 4);

    TempDir dir;
    auto opened = Replica::open(dir.file("new-tablet.db"));
    REQUIRE(opened.ok());
    auto& tablet = *opened;
    std::vector<Change> received;
    for (const Json& c : w.pullAll(w.q3, "/api/v1/sync/snapshot", 2))
        received.push_back(*changeFromJson(c));
    w.teachKeys(*tablet);
    REQUIRE(tablet->apply(received).ok());
    auto mine = tablet->get("petition", "chain");
    REQUIRE(mine.ok());
    REQUIRE(mine->has_value());
    Json theirs;
    {
        std::lock_guard lock(w.server.context().mutex);
        theirs = (*w.server.context().store->get("petition", "chain"))->values;
    }
    CHECK((*mine)->values["title"] == "Đèn đường hẻm 12 hỏng, lần 4");
    CHECK((*mine)->values["conflicts"] == 0);
    CHECK((*mine)->values == theirs);
}

TEST_CASE("a pull leaves out the puller's own changes up to the seq it holds", "[sync]") {
    World w;
    std::vector<Change> batch;
    for (std::uint64_t i = 1; i <= 5; ++i)
        batch.push_back(makeChange(kTabletQ3, i, "petition", numbered("own", i), "q3-p4",
                                   "canbo.q3", petitionFields(numbered("Của mình ", i))));
    REQUIRE(w.push(w.q3, batch).body["accepted"] == 5);
    auto ownSeqs = [&](const Json& request) {
        const Reply r = jsonPost(w.server.baseUrl(), "/api/v1/sync/pull", request, w.q3);
        REQUIRE(r.status == 200);
        std::set<std::uint64_t> seqs;
        for (const Json& c : r.body["changes"])
            if (c["site"] == kTabletQ3) seqs.insert(c["seq"].get<std::uint64_t>());
        return seqs;
    };
    const std::set<std::uint64_t> all{1, 2, 3, 4, 5};
    CHECK(ownSeqs(Json{{"cursor", 0}}) == all);
    CHECK(ownSeqs(Json{{"cursor", 0}, {"site", kTabletQ3}, {"seq", 5}}).empty());
    // A tablet restored from an older copy holds less: the rest comes back to it.
    CHECK(ownSeqs(Json{{"cursor", 0}, {"site", kTabletQ3}, {"seq", 3}}) ==
          std::set<std::uint64_t>{4, 5});
    // Another site's name leaves out nothing of this one.
    CHECK(ownSeqs(Json{{"cursor", 0}, {"site", kTabletQ12}, {"seq", 9}}) == all);
    const std::string base = w.server.baseUrl();
    CHECK(jsonPost(base, "/api/v1/sync/pull", Json{{"site", "not-a-site"}}, w.q3).status == 400);
    CHECK(jsonPost(base, "/api/v1/sync/pull", Json{{"site", 7}}, w.q3).status == 400);
    CHECK(jsonPost(base, "/api/v1/sync/pull", Json{{"site", kTabletQ3}, {"seq", "x"}}, w.q3)
              .status == 400);
}

TEST_CASE("pull parameters out of bounds get 400 or are reduced", "[sync][limits]") {
    World w;
    const std::string base = w.server.baseUrl();
    CHECK(jsonPost(base, "/api/v1/sync/pull", Json{{"limit", 0}}, w.q3).status == 400);
    CHECK(jsonPost(base, "/api/v1/sync/pull", Json{{"limit", -5}}, w.q3).status == 400);
    CHECK(jsonPost(base, "/api/v1/sync/pull", Json{{"cursor", "abc"}}, w.q3).status == 400);
    CHECK(jsonPost(base, "/api/v1/sync/pull", Json{{"cursor", 1.5}}, w.q3).status == 400);
    const Reply huge = jsonPost(base, "/api/v1/sync/pull", Json{{"limit", 1000000000}}, w.q3);
    CHECK(huge.status == 200);
    CHECK(huge.body["changes"].size() <= 5000);
}

TEST_CASE("state lists the highest seq the server holds for each site", "[sync]") {
    World w;
    REQUIRE(w.push(w.q3, {makeChange(kTabletQ3, 1, "petition", "p1", "q3-p4", "canbo.q3",
                                     petitionFields("Một"))})
                .body["accepted"] == 1);
    const Reply r = jsonGet(w.server.baseUrl(), "/api/v1/sync/state", w.q3);
    REQUIRE(r.status == 200);
    CHECK(r.body["sites"][kTabletQ3] == 1);
    CHECK(r.body["epoch"] == w.server.context().epoch);
}

TEST_CASE("the epoch survives restarts and changes when the database is restored from a backup",
          "[sync][epoch]") {
    TempDir dir, backups;
    TestServerOptions options;
    options.dataDir = dir.path();
    std::string epoch;
    {
        InProcessServer server(options);
        seedTestTree(server.context());
        epoch = server.context().epoch;
    }
    {
        InProcessServer server(options);
        CHECK(server.context().epoch == epoch);
    }
    const std::string copy = backups.file("copy.db");
    REQUIRE(server::runAdminCommand({"backup", copy, "--data", dir.path()}) == 0);
    {
        InProcessServer server(options);
        CHECK(server.context().epoch == epoch);  // a backup alone changes nothing
    }
    // Put the backup back (as an operator would, server stopped).
    for (const char* suffix : {"-wal", "-shm"})
        std::filesystem::remove(dir.file(std::string("nghedan.db") + suffix));
    std::filesystem::copy_file(copy, dir.file("nghedan.db"),
                               std::filesystem::copy_options::overwrite_existing);
    {
        InProcessServer server(options);
        CHECK(server.context().epoch != epoch);
        const std::string token = login(server.baseUrl(), "canbo.q3", kTestPassword, kTabletQ3);
        const Reply r = jsonGet(server.baseUrl(), "/api/v1/sync/state", token);
        CHECK(r.body["epoch"] == server.context().epoch);
    }
}

// ---- proof of origin ------------------------------------------------------------------

namespace {

/** A directive as the supervisor's tablet G would write it. */
Change supervisorDirective(std::uint64_t seq, const std::string& id, const std::string& author) {
    return makeChange(kTabletSup, seq, "directive", id, "q3-p4-kp5", author,
                      {{"issued_by", "Chủ tịch UBND quận 3"},
                       {"agency", "ag-ca-q3"},
                       {"instruction", "Lắp camera đầu hẻm"},
                       {"status", "issued"}});
}

/** The change with a signature made by another key than its site's. */
Change signedBy(Change c, const std::string& keySite) {
    c.sig = signatureOf(c, testDeviceKey(keySite).secretKey);
    return c;
}

}  // namespace

TEST_CASE("a change forged in another device's name is refused with nothing stored, and the "
          "device's own change is then taken",
          "[sync][security][proof]") {
    World w;  // giamsat.q3 is signed in on tablet G (kTabletSup)
    const Change genuine = supervisorDirective(1, "d-real", "giamsat.q3");
    Change tamperedSet = genuine;
    tamperedSet.set["instruction"] = "Hủy camera";
    Change tamperedBases = genuine;
    tamperedBases.bases["status"] = {Dot{kTabletQ3, 1}};
    Change unsignedForgery = supervisorDirective(1, "d-forged", "giamsat.q3");
    unsignedForgery.sig.clear();
    const std::string madeUp = "fffffffffffffffffffffffffffffff9";
    struct Forgery {
        std::string what;
        Change change;
        std::string code;
    };
    const std::vector<Forgery> forgeries = {
        {"G's site, its real author, canbo.q3's key",
         signedBy(supervisorDirective(1, "d-forged", "giamsat.q3"), kTabletQ3), "bad_signature"},
        {"G's site, a wrong author",
         signedBy(supervisorDirective(1, "d-forged", "canbo.q3"), kTabletQ3), "bad_signature"},
        {"G's site, unsigned", unsignedForgery, "unsigned_change"},
        {"G's genuine change with its set altered", tamperedSet, "bad_signature"},
        {"G's genuine change with its bases altered", tamperedBases, "bad_signature"},
        {"a new record under a made-up site",
         signedBy(makeChange(madeUp, 1, "petition", "ghost", "q3-p4", "canbo.q3",
                             petitionFields("Không có thật")),
                  kTabletQ3),
         "unknown_site_key"},
    };
    const std::uint64_t before = w.changeCount();
    for (const auto& [what, forged, code] : forgeries) {
        INFO(what);
        const Reply r = w.push(w.q3, {forged});
        REQUIRE(r.status == 200);
        CHECK(r.body["accepted"] == 0);
        REQUIRE(r.body["refused"].size() == 1);
        CHECK(r.body["refused"][0]["code"] == code);
        CHECK(r.body["highestSeq"][forged.site] == 0);
        CHECK(w.changeCount() == before);
        CHECK_FALSE(w.recordExists("directive", "d-forged"));
        CHECK_FALSE(w.recordExists("petition", "ghost"));
    }
    // The genuine change from G itself: taken, not a duplicate of anything.
    const Reply own = w.push(w.sup, {genuine});
    CHECK(own.body["accepted"] == 1);
    CHECK(own.body["refused"].empty());
    // Replayed under another user's token it is the same change: a duplicate, nothing new;
    // from someone whose scope does not cover it, refused.
    const Reply replay = w.push(w.q3, {genuine});
    CHECK(replay.body["duplicates"] == 1);
    CHECK(replay.body["accepted"] == 0);
    const Change next = supervisorDirective(2, "d-next", "giamsat.q3");
    const Reply outside = w.push(w.q12, {next});
    CHECK(refusalCodes(outside) == std::map<std::uint64_t, std::string>{{2, "not_relayed"}});
    CHECK(w.changeCount() == before + 1);
    // Every tablet of the scope converges on the genuine directive, in its author's name.
    bool seen = false;
    for (const Json& c : w.pullAll(w.q3)) {
        if (c["id"] != "d-real") continue;
        seen = true;
        CHECK(c["author"] == "giamsat.q3");
        CHECK(c["set"]["instruction"] == "Lắp camera đầu hẻm");
        CHECK(c["sig"] == genuine.sig);
    }
    CHECK(seen);
    CHECK(w.keysSeen.at(kTabletSup).publicKey == testDeviceKey(kTabletSup).publicKey);
}

TEST_CASE("a dot pushed again with other content is refused, counted and told to its device",
          "[sync][security][proof]") {
    World w;
    const Change genuine = supervisorDirective(1, "d1", "giamsat.q3");
    REQUIRE(w.push(w.sup, {genuine}).body["accepted"] == 1);
    // G's key has been copied (its file restored onto a second tablet, say), which wrote on:
    // the same dot, properly signed, other content, relayed by canbo.q3.
    Change twin = genuine;
    twin.set["instruction"] = "Nội dung khác";
    twin = signedByDevice(twin);
    const Reply r = w.push(w.q3, {twin});
    CHECK(r.body["duplicates"] == 0);
    CHECK(refusalCodes(r) == std::map<std::uint64_t, std::string>{{1, "dot_conflict"}});
    {
        std::lock_guard lock(w.server.context().mutex);
        auto d1 = w.server.context().store->get("directive", "d1");
        CHECK((*d1)->values["instruction"] == "Lắp camera đầu hẻm");
    }
    const Reply metrics = jsonGet(w.server.baseUrl(), "/metrics");
    CHECK(metrics.raw.find("code=\"dot_conflict\"} 1") != std::string::npos);
    CHECK(readFileBytes(w.server.logFile()).find("dot conflict: " + kTabletSup + ":1") !=
          std::string::npos);
    // G hears of it at its next sync, once; no one else does.
    CHECK(jsonGet(w.server.baseUrl(), "/api/v1/sync/state", w.q3).body["dotConflicts"].empty());
    const Reply told = jsonGet(w.server.baseUrl(), "/api/v1/sync/state", w.sup);
    REQUIRE(told.body["dotConflicts"].size() == 1);
    CHECK(told.body["dotConflicts"][0]["seq"] == 1);
    CHECK(told.body["dotConflicts"][0]["by"] == "canbo.q3");
    CHECK(jsonGet(w.server.baseUrl(), "/api/v1/sync/state", w.sup).body["dotConflicts"].empty());
    // The device itself sending another version of its own dot hears it in the reply.
    const Reply mine = w.push(w.sup, {twin});
    CHECK(refusalCodes(mine) == std::map<std::uint64_t, std::string>{{1, "dot_conflict"}});
    jsonGet(w.server.baseUrl(), "/api/v1/sync/state", w.sup);  // told
    // Anyone can send other content under G's dot, but without G's key it is a forgery: no
    // alarm on G, nothing counted as a dot conflict.
    Change unsignedTwin = twin;
    unsignedTwin.set["instruction"] = "Giả mạo";
    const Reply forged = w.push(w.q3, {signedBy(unsignedTwin, kTabletQ3)});
    CHECK(refusalCodes(forged) == std::map<std::uint64_t, std::string>{{1, "bad_signature"}});
    CHECK(jsonGet(w.server.baseUrl(), "/api/v1/sync/state", w.sup).body["dotConflicts"].empty());
}

TEST_CASE("a revoked device keeps what it wrote before — later changes and logins are refused",
          "[sync][security][proof]") {
    TempDir dir;
    TestServerOptions options;
    options.dataDir = dir.path();
    InProcessServer server(options);
    seedTestTree(server.context());
    const std::string base = server.baseUrl();
    const std::string sup = login(base, "giamsat.q3", kTestPassword, kTabletSup);
    const std::string q3 = login(base, "canbo.q3", kTestPassword, kTabletQ3);
    REQUIRE(jsonPost(base, "/api/v1/sync/push",
                     pushBody({supervisorDirective(1, "before", "giamsat.q3")}), sup)
                .body["accepted"] == 1);
    // The tablet is lost: the administrator revokes it.
    REQUIRE(server::runAdminCommand({"device", "revoke", kTabletSup, "--data", dir.path()}) == 0);
    CHECK(jsonGet(base, "/api/v1/sync/state", sup).status == 401);  // its session ended
    const Reply again = jsonPost(base, "/api/v1/auth/login",
                                 deviceLogin("giamsat.q3", kTestPassword, kTabletSup));
    CHECK(again.status == 403);
    CHECK(again.body["error"]["code"] == "device_revoked");
    // What it wrote later, relayed by anyone, is refused; what it wrote before stays.
    const Reply relayed = jsonPost(
        base, "/api/v1/sync/push", pushBody({supervisorDirective(2, "after", "giamsat.q3")}), q3);
    CHECK(refusalCodes(relayed) == std::map<std::uint64_t, std::string>{{2, "key_revoked"}});
    std::lock_guard lock(server.context().mutex);
    CHECK(server.context().store->get("directive", "before")->has_value());
    CHECK_FALSE(server.context().store->get("directive", "after")->has_value());
    auto key = server.context().store->siteKey(kTabletSup);
    CHECK((*key)->validThrough == 1u);
}

TEST_CASE("a tablet refuses and reports a pulled change that its device did not sign",
          "[sync][security][proof]") {
    World w;
    REQUIRE(w.push(w.q3, {makeChange(kTabletQ3, 1, "petition", "p1", "q3-p4-kp5", "canbo.q3",
                                     petitionFields("Đèn đường hỏng"))})
                .body["accepted"] == 1);
    // The change is altered where it is stored (or on the way): its title no longer says
    // what its author wrote.
    {
        std::lock_guard lock(w.server.context().mutex);
        auto db = Database::open(server::databasePath(w.server.dataDir()));
        REQUIRE(db);
        REQUIRE(db->exec(
            "UPDATE changes SET body=replace(body, 'Đèn đường hỏng', 'Đèn đường tốt')"));
    }
    TempDir dir;
    auto tablet = Replica::open(dir.file("tablet.db"));
    REQUIRE(tablet.ok());
    SyncClientOptions options;
    options.baseUrl = w.server.baseUrl();
    SyncClient client(**tablet, options);
    REQUIRE(client.login("canbo.q3", kTestPassword).ok());
    auto result = client.sync();
    REQUIRE(result.ok());
    CHECK(result->rejected == 1);
    CHECK(result->rejectedReason.rfind("bad_signature", 0) == 0);
    CHECK_FALSE((*tablet)->get("petition", "p1")->has_value());
    // The server's key for the site came with the page; the tablet holds it pinned.
    auto key = (*tablet)->siteKey(kTabletQ3);
    REQUIRE(key->has_value());
    CHECK((*key)->publicKey == testDeviceKey(kTabletQ3).publicKey);
}
