#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.h"

using namespace nghedan;
using namespace nghedan::test;

namespace {
std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("invalid values are refused with the field and the rule named", "[schema]") {
    TempDir dir;
    auto r = openReplica(dir.file("a.db"));
    auto fields = petitionFields("Đèn đường hỏng");

    SECTION("enum outside its values") {
        fields["status"] = "done";
        auto c = r->write({"petition", "", "kp5", "canbo", fields});
        REQUIRE_FALSE(c.ok());
        CHECK(c.error().code == "invalid_value");
        CHECK_THAT(c.error().message, Catch::Contains("petition.status") &&
                                          Catch::Contains("received"));
    }
    SECTION("wrong type") {
        fields["households"] = "ba";
        auto c = r->write({"petition", "", "kp5", "canbo", fields});
        REQUIRE_FALSE(c.ok());
        CHECK_THAT(c.error().message, Catch::Contains("petition.households") &&
                                          Catch::Contains("integer"));
    }
    SECTION("oversized text") {
        fields["title"] = std::string(301, 'a');
        auto c = r->write({"petition", "", "kp5", "canbo", fields});
        REQUIRE_FALSE(c.ok());
        CHECK_THAT(c.error().message, Catch::Contains("petition.title") &&
                                          Catch::Contains("at most 300"));
    }
    SECTION("bad date") {
        fields["due_date"] = "31/03/2023";
        auto c = r->write({"petition", "", "kp5", "canbo", fields});
        REQUIRE_FALSE(c.ok());
        CHECK_THAT(c.error().message, Catch::Contains("YYYY-MM-DD"));
    }
    SECTION("a required field missing on create") {
        fields.erase("title");
        auto c = r->write({"petition", "", "kp5", "canbo", fields});
        REQUIRE_FALSE(c.ok());
        CHECK(c.error().code == "missing_field");
        CHECK_THAT(c.error().message, Catch::Contains("petition.title"));
    }
    SECTION("unknown field") {
        fields["colour"] = "red";
        auto c = r->write({"petition", "", "kp5", "canbo", fields});
        REQUIRE_FALSE(c.ok());
        CHECK(c.error().code == "unknown_field");
    }
    SECTION("unknown entity") {
        auto c = r->write({"complaint", "", "kp5", "canbo", fields});
        REQUIRE_FALSE(c.ok());
        CHECK(c.error().code == "unknown_entity");
    }
    SECTION("invalid UTF-8") {
        fields["title"] = std::string("\xC3\x28");
        auto c = r->write({"petition", "", "kp5", "canbo", fields});
        REQUIRE_FALSE(c.ok());
        CHECK_THAT(c.error().message, Catch::Contains("UTF-8"));
    }
    CHECK(r->changeCount() == 0);
    auto page = r->list({});
    REQUIRE(page.ok());
    CHECK(page->total == 0);
}

TEST_CASE("refused remote changes leave the file unchanged", "[schema]") {
    TempDir dir;
    auto r = openReplica(dir.file("a.db"));
    mustWrite(*r, {"petition", "p1", "kp5", "canbo", petitionFields("Ngập nước hẻm 12")});
    r.reset();
    const std::string before = fileBytes(dir.file("a.db"));
    r = openReplica(dir.file("a.db"));
    const std::string dumpBefore = *r->materialisedDump();

    const ForeignSite elsewhere;
    elsewhere.introduceTo(*r);
    Change bad;
    bad.seq = 1;
    bad.hlc = hlcPack(1'700'000'000'000, 0);
    bad.entity = "petition";
    bad.id = "p2";
    bad.unit = "kp5";
    bad.author = "x";
    bad.set = {{"title", 42}};
    Change unknownEntity = bad;
    unknownEntity.seq = 2;
    unknownEntity.entity = "ghost";
    Change unitMoved = bad;
    unitMoved.seq = 3;
    unitMoved.id = "p1";
    unitMoved.unit = "kp6";
    unitMoved.set = {{"title", "Chuyển khu phố"}};

    // Checked as the server checks (a tablet keeps an unknown entity: test_mixed_versions.cpp).
    ApplyOptions strict;
    strict.validation = Validation::Strict;
    auto report = r->apply(
        {elsewhere.sign(bad), elsewhere.sign(unknownEntity), elsewhere.sign(unitMoved)}, strict);
    REQUIRE(report.ok());
    CHECK(report->applied == 0);
    REQUIRE(report->refused.size() == 3);
    CHECK(report->refused[0].error.code == "invalid_value");
    CHECK(report->refused[1].error.code == "unknown_entity");
    CHECK(report->refused[2].error.code == "unit_immutable");
    CHECK(*r->materialisedDump() == dumpBefore);
    CHECK(r->changeCount() == 1);
}

TEST_CASE("malformed change JSON is refused with a clear reason", "[schema]") {
    const Json good = toJson(Change{newSiteId(), 1, 5, "petition", "p1", "kp5", "a",
                                    {{"title", "x"}}, {}});
    REQUIRE(changeFromJson(good).ok());

    auto broken = [&](auto mutate) {
        Json j = good;
        mutate(j);
        return changeFromJson(j);
    };
    CHECK(broken([](Json& j) { j["seq"] = "1"; }).error().message ==
          "field 'seq' must be a non-negative integer");
    CHECK(broken([](Json& j) { j["site"] = "zz"; }).error().code == "malformed_change");
    CHECK(broken([](Json& j) { j["v"] = 3; }).error().code == "unsupported_version");
    // Version 2 is the form with salted personal values: without any, "v":2 is malformed.
    CHECK(broken([](Json& j) { j["v"] = 2; }).error().code == "malformed_change");
    CHECK(broken([](Json& j) { j["set"] = Json::array(); }).error().code == "malformed_change");
    CHECK(broken([](Json& j) { j["bases"] = {{"title", {{"x", 1}}}}; }).error().code ==
          "malformed_change");
    CHECK(broken([](Json& j) { j["extra"] = 1; }).error().message == "unknown member 'extra' in change");
    CHECK_FALSE(changeFromJson(Json::parse("[1,2]")).ok());
}

TEST_CASE("petition status offers only the allowed next steps", "[schema]") {
    CHECK(allowedNextPetitionStatuses("received") ==
          std::vector<std::string>{"assigned", "escalated", "not_competent", "withdrawn"});
    // A closed petition only reopens, when residents are not satisfied with its answer.
    CHECK(allowedNextPetitionStatuses("closed") == std::vector<std::string>{"in_progress"});
    CHECK(petitionStepNeedsReason("closed", "in_progress"));
    for (const std::string& from : petitionStatuses())
        for (const std::string& to : allowedNextPetitionStatuses(from))
            CHECK(std::find(petitionStatuses().begin(), petitionStatuses().end(), to) !=
                  petitionStatuses().end());
    CHECK(isOpenPetitionStatus("escalated"));
    CHECK_FALSE(isOpenPetitionStatus("resolved"));
}

TEST_CASE("the stored change text equals the JSON library's rendering", "[schema]") {
    Change c{newSiteId(), 7, hlcPack(1'700'000'000'000, 3), "meeting", "m1", "kp5",
             "canbo \"q3\"",
             {{"title", "Gặp gỡ\nkhu phố 5\t\\ \x01"},
              {"attendees", Json::array({{{"name", "Võ Văn Đức"}, {"role", "Chủ tịch"}}})},
              {"resident_count", 40},
              {"deleted", false},
              {"location", nullptr}},
             {{"title", {{newSiteId(), 1}, {newSiteId(), 2}}}}};
    CHECK(toJsonText(c) == toJson(c).dump());
    auto back = changeFromJson(Json::parse(toJsonText(c)));
    REQUIRE(back.ok());
    CHECK(toJsonText(*back) == toJsonText(c));
    // Signed, the signature takes its sorted place; the signed text leaves it out.
    c.sig = signatureOf(c, newKeyPair().secretKey);
    CHECK(toJsonText(c) == toJson(c).dump());
    CHECK(toJsonText(c).find("\"set\":") < toJsonText(c).find("\"sig\":"));
    CHECK(toJsonText(c, false).find("\"sig\"") == std::string::npos);
    auto signedBack = changeFromJson(Json::parse(toJsonText(c)));
    REQUIRE(signedBack.ok());
    CHECK(signedBack->sig == c.sig);
    Json badSig = toJson(c);
    badSig["sig"] = "short";
    CHECK(changeFromJson(badSig).error().code == "malformed_change");
}
