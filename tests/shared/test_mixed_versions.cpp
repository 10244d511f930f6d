// Mixed versions (schema.h, "Mixed versions"): a replica of the previous version of the app
// keeps what a newer one writes (fields, entities, enum values its schema lacks), passes it on
// unchanged, and shows it once it is opened with the newer schema.

#include <catch2/catch.hpp>

#include <algorithm>

#include "previous_schema.h"
#include "test_support.h"

using namespace nghedan;
using namespace nghedan::test;

namespace {


ApplyReport mustApply(Replica& r, const std::vector<Change>& changes,
                      Validation v = Validation::Shape) {
    ApplyOptions options;
    options.validation = v;
    auto report = r.apply(changes, options);
    if (!report) throw std::runtime_error("apply failed: " + report.error().message);
    return *report;
}

}  // namespace

TEST_CASE(
    "a change naming a field or entity the schema lacks is refused strictly and kept "
    "forward-compatibly",
    "[schema][compat]") {
    Change c;
    c.site = newSiteId();
    c.seq = 1;
    c.entity = "petition";
    c.id = "p1";
    c.unit = "kp1";
    c.author = "an";
    c.set = petitionFields("Đèn hẻm 42 hư");
    c.set["receipt_code"] = "KN-2027-0001";  // a field of the next version
    CHECK(validateChange(c, true).error().code == "unknown_field");
    CHECK(validateChange(c, true, entities(), Unknowns::Keep).ok());

    Change survey = c;
    survey.entity = "survey";  // an entity of the next version
    survey.set = {{"question", "ab12"}, {"answers", 1024}};
    CHECK(validateChange(survey, true).error().code == "unknown_entity");
    CHECK(validateChange(survey, true, entities(), Unknowns::Keep).ok());

    // A known field keeps its type whatever the version: only limits and enums may widen.
    Change widened = c;
    widened.set = {{"channel", "zalo"}, {"title", std::string(5000, 'a')}};
    CHECK(validateChange(widened, false).error().code == "invalid_value");
    CHECK(validateChange(widened, false, entities(), Unknowns::Keep).ok());
    Change retyped = c;
    retyped.set = {{"households", "many"}};
    CHECK(validateChange(retyped, false, entities(), Unknowns::Keep).error().code ==
          "invalid_value");
    // Keep never excuses what every version requires of a change.
    Change empty = c;
    empty.unit = "";
    CHECK(validateChange(empty, true, entities(), Unknowns::Keep).error().code == "invalid_value");
}

TEST_CASE(
    "a replica of the previous version keeps, passes on and finally shows what a newer "
    "one wrote",
    "[replica][compat]") {
    TempDir dir;
    const std::string oldPath = dir.file("old.db");
    auto older = openReplica(oldPath, {.schema = &previousSchema()});
    auto newer = openReplica(dir.file("new.db"));
    introduce({older.get(), newer.get()});

    // The older app writes what it knows; the newer one what only it knows.
    const Change oldPetition =
        mustWrite(*older, {"petition", "", "kp1", "an", petitionFields("Xe khách đỗ trong hẻm")});
    CHECK_FALSE(older->write({"petition", oldPetition.id, "", "an", {{"resolution", "x"}}}).ok());
    auto fields = petitionFields("Đèn chiếu sáng hẻm 42 bị hư");
    fields["channel"] = "online";
    fields["resolution"] = "Đã lắp biển cấm dừng đỗ";
    const Change newPetition = mustWrite(*newer, {"petition", "", "kp1", "binh", fields});
    auto toNew = mustApply(*newer, {oldPetition});
    CHECK(toNew.refused.empty());
    const Change update = mustWrite(
        *newer,
        {"update",
         "",
         "kp1",
         "binh",
         {{"parent_entity", "petition"}, {"parent", newPetition.id}, {"text", "Đã khảo sát"}}});
    const Change edit = mustWrite(
        *newer,
        {"petition", oldPetition.id, "", "binh", {{"resolution", "Phường mời Sở Giao thông"}}});

    // Both ways, nothing refused.
    auto toOld = mustApply(*older, allChanges(*newer));
    CHECK(toOld.refused.empty());
    CHECK(toOld.applied == 3);
    REQUIRE(older->refusedChanges()->empty());
    CHECK(older->changeCount() == newer->changeCount());

    // Kept, not shown: the old materialised tables have no such column or table.
    auto shown = older->get("petition", newPetition.id);
    REQUIRE(shown.ok());
    REQUIRE(shown->has_value());
    CHECK((*shown)->values["title"] == "Đèn chiếu sáng hẻm 42 bị hư");
    CHECK((*shown)->values["channel"] == "online");  // a known field's new value shows as is
    CHECK_FALSE((*shown)->values.contains("resolution"));
    CHECK(older->get("update", update.id).error().code == "unknown_entity");
    CHECK(older->search("bien cam dung")->empty());

    // The older app edits a record carrying a field it does not know: the field survives.
    const Change oldEdit =
        mustWrite(*older, {"petition", newPetition.id, "", "an", {{"title", "Đèn hẻm 42 hư"}}});
    mustApply(*newer, {oldEdit});
    auto both = newer->get("petition", newPetition.id);
    REQUIRE(both.ok());
    CHECK((*both)->values["title"] == "Đèn hẻm 42 hư");
    CHECK((*both)->values["resolution"] == "Đã lắp biển cấm dừng đỗ");

    // Passed on unchanged (a relay after a server restore): same text, still proven.
    TempDir thirdDir;
    auto third = openReplica(thirdDir.file("third.db"));
    introduce({older.get(), newer.get(), third.get()});
    auto relayed = mustApply(*third, allChanges(*older), Validation::Strict);
    CHECK(relayed.refused.empty());
    CHECK(relayed.applied == older->changeCount());
    for (const Change& c : allChanges(*older))
        if (c.dot() == update.dot() || c.dot() == edit.dot())
            CHECK(toJsonText(c) == toJsonText(c.dot() == update.dot() ? update : edit));

    // Updated: opened with this version's schema, the old file shows everything it kept.
    older.reset();
    older = openReplica(oldPath);
    auto oldDump = older->materialisedDump();
    auto newDump = newer->materialisedDump();
    auto thirdDump = third->materialisedDump();
    REQUIRE(oldDump.ok());
    CHECK(*oldDump == *newDump);
    CHECK(*thirdDump == *newDump);
    CHECK(older->search("bien cam dung")->size() == 1);
    auto updateShown = older->get("update", update.id);
    REQUIRE(updateShown.ok());
    CHECK(updateShown->has_value());
    // Opened again with the same schema it does not rebuild (nor change anything).
    older.reset();
    older = openReplica(oldPath);
    CHECK(*older->materialisedDump() == *newDump);
}

TEST_CASE("the server takes an older app's new record without the fields added since",
          "[replica][compat]") {
    TempDir dir;
    auto older = openReplica(dir.file("old.db"), {.schema = &previousSchema()});
    auto server = openReplica(dir.file("server.db"));
    introduce({older.get(), server.get()});
    const Change created = mustWrite(
        *older, {"petition", "", "kp1", "an", petitionFields("Ngập nước đường Trần Quang Diệu")});
    CHECK_FALSE(created.set.count("resolution"));
    auto report = mustApply(*server, {created}, Validation::Strict);
    CHECK(report.refused.empty());
    CHECK(report.applied == 1);
    auto row = server->get("petition", created.id);
    REQUIRE(row.ok());
    REQUIRE(row->has_value());
    CHECK((*row)->values["resolution"].is_null());
}
