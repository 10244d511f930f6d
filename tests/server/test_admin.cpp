// Admin subcommands of the real executable: users, imports, backup, stats.

#include <catch2/catch.hpp>

#include <cstdio>

#include "admin.h"
#include "test_server.h"

using namespace nghedan;
using namespace nghedan::testing;

namespace {

/** Runs the server executable through the shell; returns exit code and stdout. */
std::pair<int, std::string> run(const std::string& args, const std::string& stdinText = {}) {
    std::string command;
    if (!stdinText.empty()) command = "printf '%s\\n' '" + stdinText + "' | ";
    command += std::string(NGHEDAN_SERVER_EXE) + " " + args + " 2>&1";
    FILE* p = ::popen(command.c_str(), "r");
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    const int status = ::pclose(p);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("units and agencies import from CSV and JSON, and importing again changes nothing",
          "[admin]") {
    TempDir dir;
    writeFile(dir.file("units.csv"),
              "\xEF\xBB\xBF"
              "code,name,level,parent\n"
              "79,Thành phố Hồ Chí Minh,city,\n"
              "Q3,Quận 3,district,79\n"
              "Q3-P4,\"Phường 4\",ward,Q3\n"
              "Q3-P4-KP5,\"Khu phố 5, Phường 4\",neighbourhood,Q3-P4\n");
    writeFile(dir.file("agencies.json"),
              R"([{"name":"Công an quận 3","short_name":"CA Q3","level":"district","unit":"Q3"},
                  {"name":"Quận đoàn 3","level":"district","unit":"Q3","contact":"028 3930 0000"}])");
    const std::string data = " --data " + dir.file("data");
    auto units = run("import units " + dir.file("units.csv") + data);
    CHECK(units.first == 0);
    CHECK(units.second.find("4 created") != std::string::npos);
    auto agencies = run("import agencies " + dir.file("agencies.json") + data);
    CHECK(agencies.first == 0);
    CHECK(agencies.second.find("2 created") != std::string::npos);
    auto again = run("import units " + dir.file("units.csv") + data);
    CHECK(again.second.find("0 created, 0 updated, 4 unchanged") != std::string::npos);

    writeFile(dir.file("bad.csv"), "code,name,level,parent\nX,Tên,galaxy,\n");
    auto bad = run("import units " + dir.file("bad.csv") + data);
    CHECK(bad.first != 0);
    CHECK(bad.second.find("row 1") != std::string::npos);

    auto replica = server::openDataDir(dir.file("data"));
    REQUIRE(replica);
    auto kp = server::resolveUnit(**replica, "Q3-P4-KP5");
    REQUIRE(kp);
    auto sub = (*replica)->unitSubtree(*server::resolveUnit(**replica, "79"));
    REQUIRE(sub);
    CHECK(sub->size() == 4);
    auto view = (*replica)->get("unit", *kp);
    REQUIRE(view);
    REQUIRE(view->has_value());
    CHECK((*view)->values["name"] == "Khu phố 5, Phường 4");
    ListQuery agencyQuery;
    agencyQuery.entity = "agency";
    auto page = (*replica)->list(agencyQuery);
    REQUIRE(page);
    CHECK(page->total == 2);
}

TEST_CASE("users are added, updated and disabled from the command line", "[admin]") {
    TempDir dir;
    writeFile(dir.file("units.csv"), "code,name,level,parent\nQ3,Quận 3,district,\n");
    const std::string data = " --data " + dir.file("data");
    REQUIRE(run("import units " + dir.file("units.csv") + data).first == 0);
    auto added = run(
        "user add canbo.q3 --role official --scope Q3 --name 'Lê Thị Thư' --password-stdin" + data,
        "mat-khau-dai");
    CHECK(added.first == 0);
    CHECK(
        run("user add canbo.q3 --role official --scope Q3 --password-stdin" + data, "mat-khau-dai")
            .first != 0);
    CHECK(run("user add x --role king --scope Q3 --password-stdin" + data, "mat-khau-dai").first !=
          0);
    CHECK(run("user add y --role official --scope NOWHERE --password-stdin" + data, "mat-khau-dai")
              .first != 0);
    CHECK(run("user add z --role official --scope Q3 --password-stdin" + data, "ngan").first != 0);

    {
        TestServerOptions options;
        options.dataDir = dir.file("data");
        InProcessServer server(options);
        const std::string device = "0123456789abcdef0123456789abcdef";
        CHECK_FALSE(login(server.baseUrl(), "canbo.q3", "mat-khau-dai", device).empty());
    }
    CHECK(run("user update canbo.q3 --role supervisor --password-stdin" + data, "mat-khau-moi")
              .first == 0);
    auto list = run("user list" + data);
    CHECK(list.second.find("canbo.q3\tsupervisor") != std::string::npos);
    CHECK(run("user disable canbo.q3" + data).first == 0);
    {
        TestServerOptions options;
        options.dataDir = dir.file("data");
        InProcessServer server(options);
        CHECK(
            login(server.baseUrl(), "canbo.q3", "mat-khau-moi", "0123456789abcdef0123456789abcdef")
                .empty());
    }
    CHECK(run("user list" + data).second.find("disabled") != std::string::npos);
}

TEST_CASE("backup writes a consistent copy while the server runs, and stats reports counts",
          "[admin]") {
    TempDir dir;
    TestServerOptions options;
    options.dataDir = dir.file("data");
    ServerProcess server(options);
    // Reference data through the CLI while the server runs.
    writeFile(dir.file("units.csv"), "code,name,level,parent\nHCM,TP. Hồ Chí Minh,city,\n");
    REQUIRE(run("import units " + dir.file("units.csv") + " --data " + options.dataDir).first == 0);
    auto backup = run("backup " + dir.file("copy.db") + " --data " + options.dataDir);
    CHECK(backup.first == 0);
    CHECK(run("backup " + dir.file("copy.db") + " --data " + options.dataDir).first !=
          0);  // no overwrite
    auto copy = Replica::open(dir.file("copy.db"));
    REQUIRE(copy);
    CHECK((*copy)->changeCount() == 1);
    auto stats = run("stats --json --data " + options.dataDir);
    REQUIRE(stats.first == 0);
    const Json j = Json::parse(stats.second, nullptr, false);
    REQUIRE(j.is_object());
    CHECK(j["changes"] == 1);
    CHECK(j["records"]["unit"]["records"] == 1);
    CHECK(server.stop());
}

TEST_CASE("serve refuses bad options with a usage message", "[admin]") {
    CHECK(run("serve --port 99999").first == 2);
    CHECK(run("serve --log-level loud").first == 2);
    CHECK(run("serve --tls-cert only.pem").first == 2);
    CHECK(run("frobnicate").first != 0);
}
