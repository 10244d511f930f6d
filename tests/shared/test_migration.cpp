#include <catch2/catch.hpp>

#include <filesystem>

#include "test_support.h"

using namespace nghedan;
using namespace nghedan::test;

// tests/data/replica-v1.sqlite was written by schema version 1 (see tests/data/README.md):
// its materialised petition table lacks the handling_level and status_reason columns and its
// search index has no display label.
TEST_CASE("a file written by the previous schema opens, upgrades and keeps every change",
          "[migration]") {
    TempDir dir;
    const std::string path = dir.file("v1.sqlite");
    std::filesystem::copy_file(std::string(NGHEDAN_TEST_DATA) + "/replica-v1.sqlite", path);
    {
        auto old = Database::open(path, true);
        REQUIRE(old.ok());
        Stmt v = old->prepare("SELECT value FROM meta WHERE key='schema_version'");
        REQUIRE(v.step());
        REQUIRE(v.text(0) == "1");
    }

    auto r = openReplica(path);
    CHECK(r->meta("schema_version") == std::to_string(kSchemaVersion));
    CHECK(r->changeCount() == 5);
    auto page = r->list({.sort = "id", .descending = false});
    REQUIRE(page.ok());
    REQUIRE(page->total == 2);
    CHECK(page->rows[0]["title"] == "Cấp căn cước gắn chip cho người mất hộ tịch");
    CHECK(page->rows[0]["status"] == "in_progress");
    CHECK(page->rows[0].contains("handling_level"));
    auto hits = r->search("can cuoc");
    REQUIRE(hits.ok());
    REQUIRE(hits->size() == 1);
    CHECK((*hits)[0].title == "Cấp căn cước gắn chip cho người mất hộ tịch");
    auto history = r->history("petition", page->rows[0]["id"]);
    REQUIRE(history.ok());
    CHECK(std::count_if(history->begin(), history->end(),
                        [](const VersionView& v) { return v.field == "status"; }) == 3);
    // The upgraded file takes the new fields.
    auto w = r->write({"petition", page->rows[0]["id"], "", "an",
                       {{"handling_level", "district"}, {"status_reason", "Chuyển quận"}}});
    REQUIRE(w.ok());
    CHECK(w->seq > 0);
    // And it opens again without migrating twice.
    r.reset();
    r = openReplica(path);
    CHECK(r->changeCount() == 6);
}

TEST_CASE("a file from a newer version is refused, not damaged", "[migration]") {
    TempDir dir;
    const std::string path = dir.file("new.sqlite");
    {
        auto r = openReplica(path);
        REQUIRE(r->setMeta("schema_version", std::to_string(kSchemaVersion + 1)).ok());
    }
    auto r = Replica::open(path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "newer_schema");
}
