// Every output of the server for every role, with a unique marker in every personal field:
// a marker appears only where the policy (policy.h maySeePersonalField) lets that role see it,
// and only when asked for (exports); never in logs, metrics or the access log.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "nghedan/policy.h"
#include "test_server.h"

using namespace nghedan;
using namespace nghedan::testing;

namespace {

const std::string kName = "Zmarkername Quỳnhtưởng";
const std::string kNameWord = "zmarkername";
const std::string kContact = "0933 271 828";

std::string fileText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

Reply rawGet(const std::string& base, const std::string& path, const std::string& token) {
    httplib::Client cli(base);
    cli.set_read_timeout(60, 0);
    return toReply(cli.Get(path.c_str(), authHeaders(token)));
}

/** Every way the text could carry the marker: as written and as JSON escapes it. */
bool carries(const std::string& text, const std::string& marker) {
    if (text.find(marker) != std::string::npos) return true;
    const std::string escaped = Json(marker).dump();
    return text.find(escaped.substr(1, escaped.size() - 2)) != std::string::npos;
}

struct Output {
    std::string what;
    std::string text;
    bool asked = true;  ///< personal data was asked for (exports with personal=1)
};

}  // namespace

TEST_CASE("every output for every role carries a personal marker only where the policy allows it",
          "[personal]") {
    InProcessServer srv;
    seedTestTree(srv.context());
    auto& ctx = srv.context();
    std::string id;
    {
        std::lock_guard lock(ctx.mutex);
        auto set = petitionFields("Vỉa hè bị lấn chiếm trước chợ");
        set["petitioner_name"] = kName;
        set["petitioner_contact"] = kContact;
        auto c = ctx.store->write({"petition", "", "q3-p4", "canbo.q3", set});
        REQUIRE(c);
        id = c->id;
        // A second version of each, so that history holds the first.
        REQUIRE(ctx.store->write({"petition", id, "q3-p4", "canbo.q3",
                                  {{"petitioner_name", kName + " B"}, {"petitioner_contact", kContact + "9"}}}));
    }
    const std::string base = srv.baseUrl();
    const std::string reason = "?personal=1&reason=Bao%20cao%20theo%20yeu%20cau";
    for (const auto& [user, role] : std::vector<std::pair<std::string, std::string>>{
             {"canbo.q3", "official"}, {"giamsat.q3", "supervisor"}, {"admin", "admin"}}) {
        DYNAMIC_SECTION(role) {
            const std::string site = newSiteId();
            const std::string token = login(base, user, kTestPassword, site);
            std::vector<Output> outputs;
            auto add = [&](const std::string& what, const Reply& r, bool asked = true) {
                INFO(what << " → " << r.status << " " << r.raw.substr(0, 300));
                CHECK(r.status == 200);
                outputs.push_back({what, r.raw, asked});
            };
            add("pull", jsonPost(base, "/api/v1/sync/pull", {{"cursor", 0}, {"site", site}, {"seq", 0}}, token));
            add("snapshot", jsonPost(base, "/api/v1/sync/snapshot", {{"cursor", 0}}, token));
            add("petition page", rawGet(base, "/api/v1/petitions/" + id, token));
            add("list", rawGet(base, "/api/v1/petitions", token));
            add("search by name", rawGet(base, "/api/v1/petitions?q=" + kNameWord, token));
            add("search by phone", rawGet(base, "/api/v1/petitions?q=0933", token));
            add("csv export", rawGet(base, "/api/v1/exports/petitions.csv", token), false);
            add("xlsx export", rawGet(base, "/api/v1/exports/petitions.xlsx", token), false);
            const Reply askedCsv = rawGet(base, "/api/v1/exports/petitions.csv" + reason, token);
            if (maySeePersonalField(role, "petitioner_name") || maySeePersonalField(role, "petitioner_contact"))
                add("csv export with personal data", askedCsv);
            else
                CHECK(askedCsv.status == 403);

            for (const Output& o : outputs) {
                INFO(role << ": " << o.what);
                const bool name = o.asked && maySeePersonalField(role, "petitioner_name");
                const bool contact = o.asked && maySeePersonalField(role, "petitioner_contact");
                if (o.what == "search by name") {
                    // Found only by a searcher who may see the name.
                    CHECK(carries(o.text, "Vỉa hè bị lấn chiếm") == name);
                    continue;
                }
                if (o.what == "search by phone") {
                    CHECK_FALSE((carries(o.text, "Vỉa hè bị lấn chiếm") && !contact));
                    continue;
                }
                CHECK(carries(o.text, kName) == name);
                CHECK(carries(o.text, kContact) == contact);
            }
        }
    }
    // Nothing personal in the server's log or its metrics, whoever asked what.
    const Reply metrics = rawGet(base, "/metrics", "");
    CHECK_FALSE(carries(metrics.raw, kName));
    CHECK_FALSE(carries(metrics.raw, kContact));
    const std::string log = fileText(srv.logFile());
    CHECK_FALSE(log.empty());
    CHECK_FALSE(carries(log, kName));
    CHECK_FALSE(carries(log, kContact));
    CHECK(log.find(kNameWord) == std::string::npos);
}
