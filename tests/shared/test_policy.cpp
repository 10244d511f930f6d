#include <catch2/catch.hpp>

#include "nghedan/policy.h"
#include "nghedan/schema.h"

using namespace nghedan;

TEST_CASE("an official writes every kind of record but no reference data", "[policy]") {
    for (const char* entity : {"meeting", "petition", "directive", "update"}) {
        CHECK_FALSE(roleWriteRefusal("official", entity, true, {"title"}));
        CHECK(roleMayEdit("official", entity, "title"));
    }
    for (const char* entity : {"unit", "agency"}) {
        const auto refusal = roleWriteRefusal("official", entity, false, {"name"});
        REQUIRE(refusal);
        CHECK(refusal->code == "forbidden");
    }
}

TEST_CASE("a supervisor changes a petition's handling, never the resident's account", "[policy]") {
    for (const std::string& field : supervisorPetitionFields())
        CHECK(roleMayEdit("supervisor", "petition", field));
    for (const char* field :
         {"title", "description", "petitioner_name", "petitioner_contact", "category"})
        CHECK_FALSE(roleMayEdit("supervisor", "petition", field));
    CHECK_FALSE(roleMayCreate("supervisor", "petition"));
    CHECK_FALSE(roleMayCreate("supervisor", "meeting"));
    CHECK(roleMayCreate("supervisor", "directive"));
    CHECK(roleMayCreate("supervisor", "update"));
    // One forbidden field refuses the whole change.
    CHECK(roleWriteRefusal("supervisor", "petition", false, {"status", "title"}));
    CHECK_FALSE(roleWriteRefusal("supervisor", "petition", false, {"status", "status_reason"}));
}

TEST_CASE("an admin manages units and agencies, not records — an unknown role writes nothing",
          "[policy]") {
    CHECK(roleMayCreate("admin", "unit"));
    CHECK(roleMayEdit("admin", "agency", "name"));
    for (const char* entity : {"meeting", "petition", "directive", "update"})
        CHECK_FALSE(roleMayCreate("admin", entity));
    CHECK_FALSE(roleMayCreate("guest", "petition"));
    CHECK_FALSE(roleMayEdit("", "petition", "status"));
}

TEST_CASE("a directive or update takes its unit from what it is linked to, petition first",
          "[policy]") {
    CHECK(unitDecidingLinks("directive") == std::vector<std::string>{"petition", "meeting"});
    CHECK(unitDecidingLinks("petition") == std::vector<std::string>{"meeting"});
    CHECK(unitDecidingLinks("update") == std::vector<std::string>{"parent"});
    CHECK(unitDecidingLinks("meeting").empty());
}

TEST_CASE("the steps that need a written reason", "[policy]") {
    CHECK(petitionStepNeedsReason("received", "escalated"));
    CHECK(petitionStepNeedsReason("assigned", "not_competent"));
    CHECK(petitionStepNeedsReason("in_progress", "withdrawn"));
    CHECK(petitionStepNeedsReason("resolved", "in_progress"));  // reopening
    CHECK_FALSE(petitionStepNeedsReason("assigned", "in_progress"));
    CHECK_FALSE(petitionStepNeedsReason("in_progress", "resolved"));
    CHECK_FALSE(petitionStepNeedsReason("resolved", "closed"));
}
