// HTTPS end to end: tablets syncing with nghedan-server's own TLS under a test CA, and through
// the shipped nginx configuration (server/deploy/nginx) in front of it, with slow clients.

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <filesystem>
#include <regex>
#include <thread>

#include "e2e_util.h"

using namespace nghedan;
using namespace nghedan::test;

#ifndef NGHEDAN_DEPLOY_DIR
#error "NGHEDAN_DEPLOY_DIR must name server/deploy"
#endif

namespace {

void makeTestCa(const TempDir& dir) {
    const std::string error = test::makeTestCa(dir.path());
    INFO(error);
    REQUIRE(error.empty());
}

int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    ::inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

int connectFrom(const char* from, int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in local{}, server{};
    local.sin_family = server.sin_family = AF_INET;
    ::inet_pton(AF_INET, from, &local.sin_addr);
    ::inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
    server.sin_port = htons(static_cast<std::uint16_t>(port));
    if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

/** Debian's nginx with the shipped configuration, on a free loopback port, ending TLS with
 *  the test CA's certificate and passing requests to the server on `upstreamPort`. */
class Nginx {
public:
    Nginx(const TempDir& dir, int upstreamPort) : m_dir(dir), m_port(freePort()) {
        const std::string deploy = NGHEDAN_DEPLOY_DIR;
        // The shipped http-level file, with the test server's port for 8080.
        std::ifstream in(deploy + "/nginx/nghedan-http.conf");
        const std::string http((std::istreambuf_iterator<char>(in)), {});
        std::ofstream(dir.file("nghedan-http.conf"))
            << std::regex_replace(http, std::regex("127\\.0\\.0\\.1:8080"),
                                  "127.0.0.1:" + std::to_string(upstreamPort));
        std::filesystem::create_directories(dir.file("nginx-temp"));
        std::ofstream(dir.file("nginx.conf"))
            << "worker_processes 1;\n"
               "pid " << dir.file("nginx.pid") << ";\n"
               "error_log " << dir.file("nginx-error.log") << " warn;\n"
               "events { worker_connections 4096; }\n"
               "http {\n"
               "  access_log " << dir.file("nginx-access.log") << ";\n"
               "  client_body_temp_path " << dir.file("nginx-temp/body") << ";\n"
               "  proxy_temp_path " << dir.file("nginx-temp/proxy") << ";\n"
               "  fastcgi_temp_path " << dir.file("nginx-temp/fastcgi") << ";\n"
               "  uwsgi_temp_path " << dir.file("nginx-temp/uwsgi") << ";\n"
               "  scgi_temp_path " << dir.file("nginx-temp/scgi") << ";\n"
               "  include " << dir.file("nghedan-http.conf") << ";\n"
               "  server {\n"
               "    listen 127.0.0.1:" << m_port << " ssl;\n"
               "    ssl_certificate " << dir.file("server.pem") << ";\n"
               "    ssl_certificate_key " << dir.file("server.key") << ";\n"
               "    include " << deploy << "/nginx/nghedan-proxy.conf;\n"
               "  }\n"
               "}\n";
        // Root's workers would run as nobody, who cannot enter the test's private directory.
        std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all |
                                                     std::filesystem::perms::others_exec);
        const CommandResult test = runCommand({"/usr/sbin/nginx", "-t", "-q", "-c", dir.file("nginx.conf")});
        INFO(test.output);
        REQUIRE(test.exitCode == 0);
        const CommandResult start = runCommand({"/usr/sbin/nginx", "-c", dir.file("nginx.conf")});
        INFO(start.output);
        REQUIRE(start.exitCode == 0);
        m_running = true;
    }
    ~Nginx() {
        if (m_running) runCommand({"/usr/sbin/nginx", "-c", m_dir.file("nginx.conf"), "-s", "stop"});
    }
    int port() const { return m_port; }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(m_port); }

private:
    const TempDir& m_dir;
    int m_port;
    bool m_running = false;
};

SyncClientOptions trusting(const std::string& caFile) {
    SyncClientOptions o;
    o.caFile = caFile;
    o.maxAttempts = 2;
    o.timeoutSeconds = 10;
    return o;
}

}  // namespace

TEST_CASE("tablets sync over the server's own HTTPS with the city's CA — without it, or over "
          "plain HTTP, they are refused clearly and keep their changes",
          "[e2e][tls]") {
    const std::uint64_t seed = testSeed("tls");
    std::mt19937_64 rng(seed);
    TempDir certs("nghedan-tls");
    makeTestCa(certs);
    WorldOptions options;
    options.tablets = 2;
    options.serverArgs = {"--tls-cert", certs.file("server.pem"), "--tls-key", certs.file("server.key")};
    options.client = trusting(certs.file("ca.pem"));
    World world(options);
    REQUIRE(world.setUp());
    REQUIRE(world.baseUrl().rfind("https://", 0) == 0);
    WriteLog log;
    for (int k = 0; k < 3; ++k) REQUIRE(createPetition(world.tablet(0), log, rng, k));
    auto pushed = world.tablet(0).sync();
    REQUIRE(pushed.ok());
    CHECK(pushed->pushed == 3);
    auto pulled = world.tablet(1).sync();
    REQUIRE(pulled.ok());
    CHECK(missingWrites(*world.tablet(1).replica, log).empty());

    // A tablet that does not trust the CA: a clear TLS error at once, its changes kept.
    Tablet& t = world.tablet(1);
    REQUIRE(createPetition(t, log, rng, 10));
    t.clientOptions.caFile.clear();
    REQUIRE(t.open(world.baseUrl()));
    auto untrusted = t.sync();
    REQUIRE_FALSE(untrusted.ok());
    CHECK(untrusted.error().code == "tls");
    CHECK(untrusted.error().message.find("chứng chỉ") != std::string::npos);
    CHECK(t.replica->unsentCount() == 1);

    // Plain HTTP to the HTTPS port: the server says so.
    const std::string plain = "http://127.0.0.1:" + std::to_string(world.server().port());
    httplib::Client cli(plain);
    auto r = cli.Get("/healthz");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(Json::parse(r->body)["error"]["code"] == "https_required");
    t.clientOptions.caFile = certs.file("ca.pem");
    REQUIRE(t.open(plain));
    auto overPlain = t.sync();
    REQUIRE_FALSE(overPlain.ok());
    CHECK(overPlain.error().code == "https_required");
    CHECK(t.replica->unsentCount() == 1);

    REQUIRE(t.open(world.baseUrl()));
    REQUIRE(t.sync().ok());
    CHECK(t.replica->unsentCount() == 0);
}

TEST_CASE("through the shipped nginx configuration tablets sync over TLS while slow clients "
          "trickle their headers and bodies",
          "[e2e][tls][nginx]") {
    const std::uint64_t seed = testSeed("nginx");
    std::mt19937_64 rng(seed);
    TempDir certs("nghedan-nginx");
    makeTestCa(certs);
    WorldOptions options;
    options.tablets = 0;
    options.serverArgs = {"--behind-tls-proxy"};
    options.client = trusting(certs.file("ca.pem"));
    World world(options);
    REQUIRE(world.setUp());
    Nginx nginx(certs, world.server().port());
    world.setBaseUrl(nginx.url());
    for (int i = 0; i < 5; ++i) {
        REQUIRE(world.addUser(world.userName(i), "official", "hcm"));
        REQUIRE(world.addTablet(world.userName(i)));
    }

    WriteLog log;
    // One round of writes and syncs through nginx, timed: the slowest sync's seconds.
    const auto round = [&](int k) {
        double slowest = 0;
        for (auto& t : world.tablets()) {
            REQUIRE(createPetition(*t, log, rng, k));
            const auto start = std::chrono::steady_clock::now();
            auto r = t->sync();
            slowest = std::max(slowest, std::chrono::duration<double>(
                                            std::chrono::steady_clock::now() - start)
                                            .count());
            INFO(t->name << ": " << (r.ok() ? std::string("ok") : r.error().code + " " + r.error().message));
            REQUIRE(r.ok());
        }
        return slowest;
    };
    const double alone = round(0);

    // 400 connections from two other addresses trickle their TLS handshake, a byte each per
    // 100 ms, while the tablets write and sync twice more each. (Slow heads and bodies inside TLS
    // are nginx's to hold the same way; the server's own guard is tested without a proxy.)
    std::vector<int> slow;
    for (int i = 0; i < 300; ++i)
        if (const int fd = connectFrom("127.0.0.2", nginx.port()); fd >= 0) slow.push_back(fd);
    for (int i = 0; i < 100; ++i)
        if (const int fd = connectFrom("127.0.0.3", nginx.port()); fd >= 0) slow.push_back(fd);
    std::atomic<bool> done{false};
    std::thread trickle([&] {
        while (!done) {
            for (int fd : slow) (void)::send(fd, "\x16", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    const double slowest = std::max(round(1), round(2));
    done = true;
    trickle.join();
    for (int fd : slow) ::close(fd);
    WARN("slowest sync through nginx: " << alone << " s alone, " << slowest
                                        << " s with 400 slow clients");
    // Under 2 s; where syncs alone are already slow, at most twice as slow.
    CHECK(slowest < std::max(2.0, 2 * alone));
    for (auto& t : world.tablets()) {
        REQUIRE(t->sync().ok());
        CHECK(missingWrites(*t->replica, log).empty());
    }
    // The server trusts the proxy's X-Forwarded-Proto: the dashboard cookie is Secure.
    httplib::Client cli(nginx.url());
    cli.set_ca_cert_path(certs.file("ca.pem").c_str());
    auto login = cli.Post("/api/v1/auth/login",
                          Json{{"username", world.userName(0)}, {"password", kTestPassword}, {"cookie", true}}
                              .dump(),
                          "application/json");
    REQUIRE(login);
    CHECK(login->status == 200);
    CHECK(login->get_header_value("Set-Cookie").find("; Secure") != std::string::npos);
    CHECK(login->has_header("Strict-Transport-Security"));
}
