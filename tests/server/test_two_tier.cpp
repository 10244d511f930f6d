// Today's administration (since 1 July 2025): Ho Chi Minh City is 168 wards, communes and one
// special zone directly under the city, with neighbourhoods below, and no districts. The demo
// seeded in that shape (serve --demo --demo-tree two-tier) must work on every server path the
// article's districts do: scopes, the area statistics, escalation, exports.

#include <catch2/catch.hpp>

#include <set>

#include "test_server.h"

using namespace nghedan;
using namespace nghedan::testing;

namespace {

struct TwoTierCity {
    InProcessServer server;
    std::string base, cityGiamsat, official, communeOfficial;

    TwoTierCity() : server([] {
        TestServerOptions o;
        o.demo = true;
        o.demoTwoTier = true;
        return o;
    }()) {
        base = server.baseUrl();
        cityGiamsat = login(base, "giamsat.q3", "demo1234", newSiteId());
        official = login(base, "canbo.q3", "demo1234", newSiteId());
        communeOfficial = login(base, "canbo.xa1", "demo1234", newSiteId());
        if (cityGiamsat.empty() || official.empty() || communeOfficial.empty())
            throw std::runtime_error("the two-tier demo users cannot sign in");
    }

    /** An open petition of the official's ward that may be escalated now. */
    std::string escalatablePetition() {
        const Reply r = jsonGet(base, "/api/v1/petitions?status=assigned,in_progress&limit=1", official);
        if (r.status != 200 || r.body["rows"].empty()) return {};
        return r.body["rows"][0]["id"].get<std::string>();
    }
};

}  // namespace

TEST_CASE("a two-tier city has 168 wards, communes and a special zone under the city and no district",
          "[two-tier]") {
    TwoTierCity city;
    const Reply units = jsonGet(city.base, "/api/v1/units", city.cityGiamsat);
    REQUIRE(units.status == 200);
    CHECK(units.body["root"] == "hcm");
    std::size_t wards = 0, communes = 0, zones = 0;
    std::set<std::string> levels;
    for (const Json& u : units.body["rows"]) {
        levels.insert(u["level"].get<std::string>());
        if (u["level"] != "ward") continue;
        CHECK(u["parent"] == "hcm");
        CHECK(u["depth"] == 1);
        const std::string name = u["name"];
        if (name.rfind("Xã", 0) == 0) ++communes;
        else if (name.rfind("Đặc khu", 0) == 0) ++zones;
        else ++wards;
        // The path names the unit without a district between it and the city.
        CHECK(u["path"] == u["name"]);
    }
    CHECK(wards + communes + zones == 168);
    CHECK(communes == 54);
    CHECK(zones == 1);
    CHECK(levels == std::set<std::string>{"city", "ward", "neighbourhood"});

    // A ward official's scope is their ward, and its neighbourhoods sit right under it.
    const Reply me = jsonGet(city.base, "/api/v1/me", city.official);
    CHECK(me.body["user"]["scopeUnitName"] == "Phường 4");
    const Reply own = jsonGet(city.base, "/api/v1/units", city.official);
    REQUIRE(own.status == 200);
    CHECK(own.body["root"] == "q3-p4");
    for (const Json& u : own.body["rows"])
        if (u["id"] != "q3-p4") CHECK(u["path"].get<std::string>().find("Phường 4") != std::string::npos);
}

TEST_CASE("the city's overview counts by ward and the commune official sees only the commune",
          "[two-tier]") {
    TwoTierCity city;
    const Reply o = jsonGet(city.base, "/api/v1/overview", city.cityGiamsat);
    REQUIRE(o.status == 200);
    CHECK(o.body["unitName"] == "Thành phố Hồ Chí Minh");
    REQUIRE_FALSE(o.body["byUnit"].empty());
    for (const Json& row : o.body["byUnit"]) {
        INFO(row.dump());
        // Rows are the city's children: wards, never a district.
        const std::string name = row["name"].is_string() ? row["name"].get<std::string>() : "";
        CHECK(name.rfind("Quận", 0) == std::string::npos);
    }
    const Reply commune = jsonGet(city.base, "/api/v1/petitions", city.communeOfficial);
    REQUIRE(commune.status == 200);
    CHECK(commune.body["total"] == 0);  // nothing was raised there yet, nothing else leaks in
    const Reply other = jsonGet(city.base, "/api/v1/units", city.communeOfficial);
    CHECK(other.body["root"] == "xa-001");
}

TEST_CASE("escalation in a two-tier city goes to the city, never to a district", "[two-tier]") {
    TwoTierCity city;
    const std::string id = city.escalatablePetition();
    REQUIRE_FALSE(id.empty());
    const std::string path = "/api/v1/petitions/" + id + "/handling";
    const Reply toDistrict = jsonPost(
        city.base, path,
        {{"status", "escalated"}, {"status_reason", "Vượt thẩm quyền"}, {"handling_level", "district"}},
        city.cityGiamsat);
    CHECK(toDistrict.status == 400);
    CHECK(toDistrict.body["error"]["code"] == "invalid_level");
    const Reply toCity = jsonPost(
        city.base, path,
        {{"status", "escalated"}, {"status_reason", "Vượt thẩm quyền"}, {"handling_level", "city"}},
        city.cityGiamsat);
    REQUIRE(toCity.status == 200);
    CHECK(toCity.body["petition"]["handling_level"] == "city");
    CHECK(toCity.body["petition"]["status"] == "escalated");
    // No demo petition was left at a district level that no longer exists.
    const Reply all = jsonGet(city.base, "/api/v1/petitions?limit=200", city.cityGiamsat);
    for (const Json& p : all.body["rows"]) CHECK(p.value("handling_level", Json()) != "district");
}

TEST_CASE("exports of a two-tier city have the ward and neighbourhood columns only", "[two-tier]") {
    TwoTierCity city;
    httplib::Client cli(city.base);
    auto r = cli.Get("/api/v1/exports/petitions.csv?from=2020-01-01", authHeaders(city.cityGiamsat));
    REQUIRE(r);
    REQUIRE(r->status == 200);
    CHECK(r->body.rfind("\xEF\xBB\xBFMã,Địa bàn,Phường/Xã,Khu phố,", 0) == 0);
    CHECK(r->body.find("Quận/Huyện") == std::string::npos);
    CHECK(r->body.find(",Khu phố 5 — Phường 4,Phường 4,Khu phố 5,") != std::string::npos);
}
