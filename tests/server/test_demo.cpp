// The demo data set: realistic, deterministic, with both stories of the article.

#include <catch2/catch.hpp>

#include <set>

#include "demo_data.h"
#include "test_server.h"

using namespace nghedan;
using namespace nghedan::testing;

TEST_CASE("the demo seed builds the city, districts, agencies, users and months of work",
          "[demo]") {
    TempDir dir;
    TestServerOptions options;
    options.dataDir = dir.path();
    options.demo = true;
    std::uint64_t changes = 0;
    {
        InProcessServer server(options);
        server::Context& ctx = server.context();
        std::lock_guard lock(ctx.mutex);
        server::Store& r = *ctx.store;
        changes = r.changeCount();
        CHECK(changes > 1500);

        auto name = [&](const std::string& entity, const std::string& id) -> std::string {
            auto v = r.get(entity, id);
            REQUIRE(v);
            REQUIRE(v->has_value());
            return (*v)->values["name"].get<std::string>();
        };
        CHECK(name("unit", "hcm") == "Thành phố Hồ Chí Minh");
        CHECK(name("unit", "q3") == "Quận 3");
        CHECK(name("unit", "q12") == "Quận 12");
        CHECK(name("unit", "q3-p4") == "Phường 4");
        CHECK(name("unit", "q12-thoian") == "Phường Thới An");
        CHECK(name("unit", "q12-tch") == "Phường Tân Chánh Hiệp");
        CHECK(name("unit", "q3-p4-kp5") == "Khu phố 5");
        for (const char* agency : {"q3-ca", "q3-doan", "q3-ttyt", "hcm-sogtvt", "q3-p4-ubnd",
                                   "q12-thoian-ubnd", "q12-ca", "q12-tnmt"})
            CHECK_FALSE(name("agency", agency).empty());

        // Every category and every status, some overdue.
        std::set<std::string> categories, statuses;
        ListQuery q;
        q.entity = "petition";
        q.limit = 1000;
        auto all = r.list(q);
        REQUIRE(all);
        CHECK(all->total > 200);
        for (const Json& row : all->rows) {
            categories.insert(row["category"].get<std::string>());
            statuses.insert(row["status"].get<std::string>());
        }
        CHECK(categories.size() == petitionCategories().size());
        CHECK(statuses.size() == petitionStatuses().size());
        q.overdueOnly = true;
        auto overdue = r.list(q);
        REQUIRE(overdue);
        CHECK(overdue->total > 0);

        ListQuery meetings;
        meetings.entity = "meeting";
        meetings.limit = 1000;
        auto m = r.list(meetings);
        REQUIRE(m);
        CHECK(m->total == 72);

        // The chip ID card story: directives to the youth union, the police, the health centre.
        auto hits = r.search("can cuoc cong dan gan chip", "petition");
        REQUIRE(hits);
        REQUIRE_FALSE(hits->empty());
        ListQuery d;
        d.entity = "directive";
        d.unitRoot = "q3-p4-kp5";
        d.limit = 1000;
        auto directives = r.list(d);
        REQUIRE(directives);
        std::set<std::string> agencies;
        for (const Json& row : directives->rows) agencies.insert(row["agency"].get<std::string>());
        CHECK(agencies.count("q3-doan") == 1);
        CHECK(agencies.count("q3-ca") == 1);
        CHECK(agencies.count("q3-ttyt") == 1);

        // The coach story: escalated to the city Department of Transport, signs installed,
        // resolved.
        auto coach = r.search("nha xe Phu Nhuan", "petition");
        REQUIRE(coach);
        REQUIRE_FALSE(coach->empty());
        auto p = r.get("petition", coach->front().id);
        REQUIRE(p);
        REQUIRE(p->has_value());
        CHECK((*p)->values["status"] == "resolved");
        CHECK((*p)->values["lead_agency"] == "hcm-sogtvt");
        CHECK((*p)->values["handling_level"] == "city");
        CHECK((*p)->values["resolution"].get<std::string>().find("biển báo") != std::string::npos);
        auto history = r.history("petition", coach->front().id);
        REQUIRE(history);
        bool wasEscalated = false;
        for (const VersionView& v : *history)
            wasEscalated |= v.field == "status" && v.value == "escalated";
        CHECK(wasEscalated);
    }
    // Demo users log in with the documented password; a second start seeds nothing more.
    InProcessServer again(options);
    const std::string device = "0123456789abcdef0123456789abcdef";
    for (const char* user : {"canbo.q3", "canbo.q12", "giamsat.q3", "giamsat.q12", "admin"})
        CHECK_FALSE(login(again.baseUrl(), user, server::kDemoPassword, device).empty());
    std::lock_guard lock(again.context().mutex);
    CHECK(again.context().store->changeCount() == changes);
}
