// The domain rules every side calls (workflow.h, calendar.h, labels.h, policy.h): what a status
// step writes, where a petition may be escalated in either shape of unit tree, the Vietnam day
// and the overdue rule, and that every code people see has a name in both languages.
#include <catch2/catch.hpp>

#include <set>

#include "nghedan/calendar.h"
#include "nghedan/labels.h"
#include "nghedan/policy.h"
#include "nghedan/schema.h"
#include "nghedan/workflow.h"

using namespace nghedan;

namespace {
constexpr std::int64_t kNow = 1'780'000'000'000;  // 2026-05-28
const std::vector<std::string> kWithDistricts = {"neighbourhood", "ward", "district", "city"};
const std::vector<std::string> kTwoTier = {"neighbourhood", "ward", "city"};
}  // namespace

TEST_CASE("resolving stamps resolved_at once and reopening clears it", "[workflow]") {
    Json p = {{"status", "in_progress"}};
    auto resolved = petitionStepFields(p, {"resolved", "", ""}, kNow, {});
    REQUIRE(resolved);
    CHECK(resolved->at("status") == "resolved");
    CHECK(resolved->at("resolved_at") == kNow);
    CHECK_FALSE(resolved->count("status_reason"));

    p = {{"status", "resolved"}, {"resolved_at", kNow}};
    auto closed = petitionStepFields(p, {"closed", "", ""}, kNow + 1000, {});
    REQUIRE(closed);
    CHECK_FALSE(closed->count("resolved_at"));  // the first answer's day stays

    auto reopened = petitionStepFields(p, {"in_progress", "  ", ""}, kNow, {});
    REQUIRE_FALSE(reopened);
    CHECK(reopened.error().code == "reason_required");
    reopened = petitionStepFields(p, {"in_progress", "  Dân chưa đồng ý  ", ""}, kNow, {});
    REQUIRE(reopened);
    CHECK(reopened->at("resolved_at").is_null());
    CHECK(reopened->at("status_reason") == "Dân chưa đồng ý");
}

TEST_CASE("a step the workflow does not allow is refused whatever the caller", "[workflow]") {
    for (const std::string& from : petitionStatuses())
        for (const std::string& to : petitionStatuses()) {
            const auto allowed = allowedNextPetitionStatuses(from);
            const bool ok = std::find(allowed.begin(), allowed.end(), to) != allowed.end();
            auto r = petitionStepFields({{"status", from}}, {to, "lý do", "city"}, kNow,
                                        {"district", "city"});
            INFO(from << " -> " << to);
            CHECK(r.ok() == ok);
            if (!ok) CHECK(r.error().code == "invalid_transition");
        }
}

TEST_CASE("escalation goes to the levels the unit tree has above the ward", "[workflow]") {
    CHECK(escalationTargets(kWithDistricts) == std::vector<std::string>{"district", "city"});
    CHECK(escalationTargets(kTwoTier) == std::vector<std::string>{"city"});
    // A petition filed at the ward itself, in either shape.
    CHECK(escalationTargets({"ward", "district", "city"}) ==
          std::vector<std::string>{"district", "city"});
    CHECK(escalationTargets({"ward", "city"}) == std::vector<std::string>{"city"});
    CHECK(escalationTargets({"city"}).empty());

    const Json p = {{"status", "assigned"}};
    auto toDistrict = petitionStepFields(p, {"escalated", "Vượt thẩm quyền", "district"}, kNow,
                                         escalationTargets(kTwoTier));
    REQUIRE_FALSE(toDistrict);
    CHECK(toDistrict.error().code == "invalid_level");  // there is no district any more
    auto noLevel = petitionStepFields(p, {"escalated", "Vượt thẩm quyền", ""}, kNow,
                                      escalationTargets(kTwoTier));
    REQUIRE_FALSE(noLevel);
    CHECK(noLevel.error().code == "level_required");
    auto toCity = petitionStepFields(p, {"escalated", "Vượt thẩm quyền", "city"}, kNow,
                                     escalationTargets(kTwoTier));
    REQUIRE(toCity);
    CHECK(toCity->at("handling_level") == "city");
    CHECK(toCity->at("status_reason") == "Vượt thẩm quyền");
}

TEST_CASE("a directive records the day it was done and forgets it when reopened", "[workflow]") {
    auto done = directiveStepFields({{"status", "in_progress"}}, "done", kNow);
    REQUIRE(done);
    CHECK(done->at("completed_at") == kNow);
    auto reopened = directiveStepFields({{"status", "done"}, {"completed_at", kNow}}, "in_progress", kNow);
    REQUIRE(reopened);
    CHECK(reopened->at("completed_at").is_null());
    auto cancelled = directiveStepFields({{"status", "issued"}}, "cancelled", kNow);
    REQUIRE(cancelled);
    CHECK_FALSE(cancelled->count("completed_at"));
    CHECK_FALSE(directiveStepFields({{"status", "issued"}}, "finished", kNow));
}

TEST_CASE("the Vietnam day turns at 17:00 UTC and weeks start on Monday", "[calendar]") {
    const std::int64_t midnightVn = *parseDay("2026-03-10") * kDayMs - kVietnamOffsetMs;
    CHECK(vietnamDate(midnightVn) == "2026-03-10");
    CHECK(vietnamDate(midnightVn - 1) == "2026-03-09");
    CHECK(vietnamDayStartMs(*parseDay("2026-03-10")) == midnightVn);
    CHECK(formatVietnamTime(midnightVn + 8 * 3600 * 1000 + 30 * 60000) == "2026-03-10 08:30");
    CHECK(formatDay(weekStartDay(*parseDay("2026-03-10"))) == "2026-03-09");  // a Tuesday
    CHECK(formatDay(weekStartDay(*parseDay("2026-03-15"))) == "2026-03-09");  // a Sunday
    CHECK(formatDay(weekStartDay(*parseDay("2026-03-09"))) == "2026-03-09");
    CHECK(formatDay(weekStartDay(*parseDay("1969-12-31"))) == "1969-12-29");
    CHECK_FALSE(parseDay("2026-02-29"));
    CHECK(parseDay("2028-02-29"));
    CHECK_FALSE(parseDay("2026-13-01"));
    CHECK_FALSE(parseDay("2026-1-01"));
    for (std::int64_t d = -800; d < 80'000; d += 37) CHECK(*parseDay(formatDay(d)) == d);
}

TEST_CASE("overdue: open, with a due day before today", "[calendar]") {
    CHECK(isOverdue("petition", "assigned", "2026-03-09", "2026-03-10"));
    CHECK_FALSE(isOverdue("petition", "assigned", "2026-03-10", "2026-03-10"));  // due today
    CHECK_FALSE(isOverdue("petition", "resolved", "2026-03-01", "2026-03-10"));
    CHECK_FALSE(isOverdue("petition", "assigned", "", "2026-03-10"));
    CHECK(isOverdue("directive", "issued", "2026-03-01", "2026-03-10"));
    CHECK_FALSE(isOverdue("directive", "done", "2026-03-01", "2026-03-10"));
    CHECK_FALSE(isOverdue("meeting", "draft", "2026-03-01", "2026-03-10"));
}

TEST_CASE("every code and field people see has a Vietnamese and an English name", "[labels]") {
    std::set<std::string> vietnamese;
    for (const EntityDef& e : entities()) {
        CHECK(entityLabel(e.name, Lang::Vi) != e.name);
        for (const FieldDef& f : e.fields) {
            INFO(e.name << "." << f.name);
            CHECK(fieldLabel(e.name, f.name, Lang::Vi) != f.name);
            CHECK(fieldLabel(e.name, f.name, Lang::En) != f.name);
            if (f.type != FieldType::Enum) continue;
            std::set<std::string> seen;
            for (const std::string& v : f.enumValues) {
                INFO(v);
                const std::string vi = enumLabel(e.name, f.name, v, Lang::Vi);
                CHECK(vi != v);
                CHECK(enumLabel(e.name, f.name, v, Lang::En) != v);
                CHECK(seen.insert(vi).second);  // two values never read the same
            }
        }
    }
    for (const char* role : {"official", "supervisor", "admin"})
        CHECK(roleLabel(role, Lang::Vi) != role);
    // One status code reads differently per entity where the work differs.
    CHECK(enumLabel("petition", "status", "in_progress", Lang::Vi) == "Đang xử lý");
    CHECK(enumLabel("directive", "status", "in_progress", Lang::Vi) == "Đang thực hiện");
    CHECK(fieldLabel("meeting", "title", Lang::Vi) != fieldLabel("petition", "title", Lang::Vi));
    // An unknown code (a newer schema's) shows as itself rather than as nothing.
    CHECK(enumLabel("petition", "status", "archived", Lang::Vi) == "archived");

    const Json table = labelTable();
    CHECK(table["enums"]["petition"]["status"]["closed"]["vi"] == enumLabel("petition", "status", "closed", Lang::Vi));
    CHECK(table["fields"]["petition"]["overdue"]["en"] == "Overdue");
    CHECK(table["roles"]["supervisor"]["vi"] == roleLabel("supervisor", Lang::Vi));
}

TEST_CASE("who sees which personal field", "[policy]") {
    for (const EntityDef& e : entities())
        for (const FieldDef& f : e.fields) {
            if (!f.personal) continue;
            INFO(e.name << "." << f.name);
            CHECK(maySeePersonalField("official", f.name));
            CHECK_FALSE(maySeePersonalField("admin", f.name));
        }
    CHECK(maySeePersonalField("supervisor", "petitioner_name"));
    CHECK_FALSE(maySeePersonalField("supervisor", "petitioner_contact"));
    CHECK(maySeeAllPersonal("official"));
    CHECK_FALSE(maySeeAllPersonal("supervisor"));
    CHECK(mayWriteFromDashboard("supervisor"));
    CHECK_FALSE(mayWriteFromDashboard("admin"));
}
