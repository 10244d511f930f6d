#include <catch2/catch.hpp>

#include "nghedan/clock.h"

using namespace nghedan;

TEST_CASE("the HLC never goes backwards, even when the wall clock does", "[clock]") {
    std::int64_t wall = 1'000'000;
    Hlc clock([&] { return wall; });
    const HlcTime a = clock.now();
    wall -= 500;  // NTP step back
    const HlcTime b = clock.now();
    REQUIRE(b > a);
    wall += 10'000;
    const HlcTime c = clock.now();
    REQUIRE(c > b);
    REQUIRE(hlcMillis(c) == wall);
}

TEST_CASE("the HLC orders local events after remote timestamps it has observed", "[clock]") {
    std::int64_t wall = 1'000'000;
    Hlc clock([&] { return wall; });
    const HlcTime remote = hlcPack(5'000'000, 7);
    clock.observe(remote);
    REQUIRE(clock.now() > remote);
}

TEST_CASE("the HLC corrects a wrong tablet clock by the offset learned from the server",
          "[clock]") {
    const std::int64_t server = 1'700'000'000'000;
    const std::int64_t yearAhead = server + 365LL * 24 * 3600 * 1000;
    Hlc clock([&] { return yearAhead; });
    clock.learnServerTime(server);
    REQUIRE(clock.wallMillis() == server);
    REQUIRE(hlcMillis(clock.now()) == server);
}

TEST_CASE("the HLC counter overflow borrows the next millisecond", "[clock]") {
    Hlc clock([] { return 42; });
    HlcTime previous = clock.now();
    for (int i = 0; i < 70'000; ++i) {
        const HlcTime t = clock.now();
        REQUIRE(t > previous);
        previous = t;
    }
}
