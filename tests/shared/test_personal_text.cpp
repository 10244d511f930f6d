// findPersonalNumbers against the table both languages share (tests/data/personal_numbers.json:
// the dashboard's JavaScript copy of the rule is tested against the same cases).

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "nghedan/personal_text.h"

using namespace nghedan;

namespace {

nlohmann::json table() {
    std::ifstream in(std::string(NGHEDAN_TEST_DATA) + "/personal_numbers.json");
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str());
}

}  // namespace

TEST_CASE(
    "phone and ID numbers are found as the shared table says, and dates, money, codes and decrees "
    "are not",
    "[personal-text]") {
    const auto cases = table()["cases"];
    REQUIRE(cases.size() >= 30);
    int positives = 0, negatives = 0;
    for (const auto& c : cases) {
        const std::string text = c["text"];
        INFO("text: " << text);
        const auto found = findPersonalNumbers(text);
        std::vector<std::pair<std::string, std::string>> got, want;
        for (const auto& m : found) {
            REQUIRE(m.begin < m.end);
            REQUIRE(m.end <= text.size());
            got.emplace_back(m.kind, text.substr(m.begin, m.end - m.begin));
        }
        for (const auto& m : c["matches"]) want.emplace_back(m["kind"], m["text"]);
        CHECK(got == want);
        (want.empty() ? negatives : positives)++;
    }
    CHECK(positives >= 10);
    CHECK(negatives >= 10);
}

TEST_CASE("byte ranges of a found number point into UTF-8 text after Vietnamese letters",
          "[personal-text]") {
    const std::string text = "Ông Đặng Văn Bảy, điện thoại 0912 345 678, nhờ phường giúp.";
    const auto found = findPersonalNumbers(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == "phone");
    CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == "0912 345 678");
}
