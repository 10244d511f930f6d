#include <catch2/catch.hpp>

#include "nghedan/text_fold.h"
#include "test_support.h"

using namespace nghedan;
using namespace nghedan::test;

namespace {
std::set<std::string> titles(Replica& r, const std::string& typed) {
    auto hits = r.search(typed);
    REQUIRE(hits.ok());
    std::set<std::string> out;
    for (const SearchHit& h : *hits) out.insert(h.title);
    return out;
}
}  // namespace

TEST_CASE("search ignores diacritics, đ included", "[search]") {
    TempDir dir;
    auto r = openReplica(dir.file("a.db"));
    mustWrite(*r, {"petition", "p1", "kp5", "an", petitionFields("Ông Võ Văn Đức phản ánh")});
    mustWrite(*r, {"unit", "u4", "u4", "admin", {{"name", "Phường 4"}, {"level", "ward"}}});
    mustWrite(*r, {"unit", "u14", "u14", "admin", {{"name", "Phường 14"}, {"level", "ward"}}});
    mustWrite(*r, {"petition", "p2", "kp5", "an", petitionFields("Tổng hợp kiến nghị của cử tri")});
    mustWrite(*r, {"petition", "p3", "kp5", "an", petitionFields("Sửa ĐƯỜNG hẻm 12")});
    auto p4 = petitionFields("Xe khách");
    p4["description"] = "Dừng đỗ trên đường nội bộ khu Phú Nhuận";
    mustWrite(*r, {"petition", "p4", "kp5", "an", p4});

    CHECK(titles(*r, "duc") == std::set<std::string>{"Ông Võ Văn Đức phản ánh"});
    CHECK(titles(*r, "phuong 4") == std::set<std::string>{"Phường 4"});
    CHECK(titles(*r, "kien nghi") == std::set<std::string>{"Tổng hợp kiến nghị của cử tri"});
    CHECK(titles(*r, "ĐƯỜNG") ==
          std::set<std::string>{"Sửa ĐƯỜNG hẻm 12", "Xe khách"});
    CHECK(titles(*r, "Đức") == std::set<std::string>{"Ông Võ Văn Đức phản ánh"});
    CHECK(titles(*r, "phu nhuan") == std::set<std::string>{"Xe khách"});
    CHECK(titles(*r, "khong co").empty());
    CHECK(titles(*r, "\"; DROP TABLE changes; --").empty());
    CHECK(r->changeCount() == 6);
}

TEST_CASE("search follows edits and deletes", "[search]") {
    TempDir dir;
    auto r = openReplica(dir.file("a.db"));
    mustWrite(*r, {"petition", "p1", "kp5", "an", petitionFields("Ngập nước")});
    mustWrite(*r, {"petition", "p1", "", "an", {{"title", "Cây đổ"}}});
    CHECK(titles(*r, "ngap").empty());
    CHECK(titles(*r, "cay do") == std::set<std::string>{"Cây đổ"});
    mustWrite(*r, {"petition", "p1", "", "an", {{"deleted", true}}});
    CHECK(titles(*r, "cay do").empty());
}

TEST_CASE("lists filter by status, category, unit subtree, agency and overdue", "[search]") {
    TempDir dir;
    auto r = openReplica(dir.file("a.db"));
    mustWrite(*r, {"unit", "q3", "q3", "admin", {{"name", "Quận 3"}, {"level", "district"}}});
    mustWrite(*r, {"unit", "p4", "p4", "admin", {{"name", "Phường 4"}, {"level", "ward"}, {"parent", "q3"}}});
    mustWrite(*r, {"unit", "kp5", "kp5", "admin", {{"name", "Khu phố 5"}, {"level", "neighbourhood"}, {"parent", "p4"}}});
    mustWrite(*r, {"unit", "q12", "q12", "admin", {{"name", "Quận 12"}, {"level", "district"}}});
    auto a = petitionFields("Căn cước gắn chip");
    a["due_date"] = "2026-01-10";
    a["lead_agency"] = "ca-q3";
    mustWrite(*r, {"petition", "a", "kp5", "an", a});
    auto b = petitionFields("Xe khách đỗ");
    b["category"] = "urban_transport";
    b["status"] = "resolved";
    b["due_date"] = "2026-01-10";
    b["support_agencies"] = Json::array({"ca-q3", "sgtvt"});
    mustWrite(*r, {"petition", "b", "q12", "an", b});
    auto c = petitionFields("Thẻ BHYT");
    c["due_date"] = "2027-01-01";
    mustWrite(*r, {"petition", "c", "p4", "an", c});

    auto ids = [&](ListQuery q) {
        q.today = "2026-11-28";
        q.sort = "id";
        q.descending = false;
        auto page = r->list(q);
        REQUIRE(page.ok());
        std::vector<std::string> out;
        for (const Json& row : page->rows) out.push_back(row["id"]);
        CHECK(page->total == static_cast<std::int64_t>(out.size()));
        return out;
    };
    CHECK(ids({.unitRoot = "q3"}) == std::vector<std::string>{"a", "c"});
    CHECK(ids({.unitRoot = "p4"}) == std::vector<std::string>{"a", "c"});
    CHECK(ids({.unitRoot = "q12"}) == std::vector<std::string>{"b"});
    CHECK(ids({.agency = "ca-q3"}) == std::vector<std::string>{"a", "b"});
    CHECK(ids({.overdueOnly = true}) == std::vector<std::string>{"a"});
    CHECK(ids({.equals = {{"status", {"received"}}}}) == std::vector<std::string>{"a", "c"});
    CHECK(ids({.equals = {{"category", {"urban_transport"}}}}) == std::vector<std::string>{"b"});
    CHECK(ids({.search = "bhyt"}) == std::vector<std::string>{"c"});
    CHECK(ids({.unitRoot = "q3", .search = "chip"}) == std::vector<std::string>{"a"});

    auto page = r->list({.today = "2026-11-28", .sort = "id", .descending = false});
    REQUIRE(page.ok());
    CHECK(page->rows[0]["overdue"] == true);
    CHECK(page->rows[1]["overdue"] == false);  // resolved is never overdue
    CHECK(page->rows[1]["support_agencies"] == Json::array({"ca-q3", "sgtvt"}));

    CHECK(r->list({.sort = "nope"}).error().code == "invalid_query");
    CHECK(r->list({.equals = {{"colour", {"x"}}}}).error().code == "unknown_field");
    CHECK(r->list({.entity = "meeting", .overdueOnly = true}).error().code == "invalid_query");
}

TEST_CASE("fts queries are built from words only", "[search]") {
    CHECK(ftsQuery("Phường 4") == "\"Phường\"* \"4\"*");
    CHECK(ftsQuery("  ") == "");
    CHECK(ftsQuery("a\"b") == "\"a\"* \"b\"*");
    CHECK(foldForSearch("Đức đi đường") == "Dức di dường");
}
