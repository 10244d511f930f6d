#pragma once
// Starting a real nghedan-server for tests, on a free loopback port with a temporary data
// directory. Two ways:
//   - InProcessServer: the server library in this process (fast; gives access to the
//     Context, e.g. to look into the database);
//   - ServerProcess: the real executable as a child process (can be killed with SIGKILL and
//     restarted on the same data directory and port).
// Link the CMake target `nghedan_server_testkit` (it carries the include path, the server
// library and NGHEDAN_SERVER_EXE); targets using ServerProcess also need
// `add_dependencies(<target> nghedan-server)`.
//
// Helpers for requests: jsonPost/jsonGet (bodies as nlohmann::json), login(), seedTestTree()
// which creates a small unit tree and one user per role, and TabletSession, a simulated tablet
// that pushes and pulls.

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>

#include "app.h"
#include "nghedan/change.h"
#include "nghedan/client_version.h"
#include "nghedan/personal.h"
#include "nghedan/proof.h"
#include "nghedan/clock.h"
#include "users.h"

namespace nghedan::testing {

// Under AddressSanitizer (scripts/sanitize.sh) freed memory is held back in quarantine and
// every block padded: memory bounds are checked by the normal build only.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kMemoryIsMeasurable = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kMemoryIsMeasurable = false;
#else
inline constexpr bool kMemoryIsMeasurable = true;
#endif
#else
inline constexpr bool kMemoryIsMeasurable = true;
#endif

/** A fresh directory under the system temp dir, removed (with its contents) on destruction. */
class TempDir {
public:
    explicit TempDir(const std::string& prefix = "nghedan-test") {
        std::random_device rd;
        const auto base = std::filesystem::temp_directory_path();
        for (int attempt = 0; attempt < 100; ++attempt) {
            auto candidate = base / (prefix + "-" + std::to_string(::getpid()) + "-" +
                                     std::to_string(rd() % 1000000));
            std::error_code ec;
            if (std::filesystem::create_directory(candidate, ec)) {
                m_path = candidate.string();
                return;
            }
        }
        throw std::runtime_error("cannot create a temporary directory");
    }
    ~TempDir() {
        std::error_code ec;
        if (!m_path.empty() && !std::getenv("NGHEDAN_KEEP_TEST_DIRS"))
            std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return m_path; }
    std::string file(const std::string& name) const {
        return (std::filesystem::path(m_path) / name).string();
    }

private:
    std::string m_path;
};

/** How to start a test server. */
struct TestServerOptions {
    bool demo = false;    ///< seed the demo data set (takes a few seconds)
    bool demoTwoTier = false;  ///< with demo: today's two-tier unit tree (DemoTree::TwoTier)
    std::string dataDir;  ///< empty: a temporary directory owned by the server object
    std::string logFile;  ///< empty: <dataDir>/server.log
    std::vector<std::string> extraArgs;  ///< more `serve` flags (ServerProcess only)
    server::Settings settings;           ///< InProcessServer only
    server::ConnectionLimits connections = [] {  ///< InProcessServer only
        server::ConnectionLimits l;
        l.workers = 8;
        return l;
    }();
};

/** The server library running in this process on 127.0.0.1 and a free port. */
class InProcessServer {
public:
    explicit InProcessServer(TestServerOptions options = {}) {
        if (options.dataDir.empty()) {
            m_temp = std::make_unique<TempDir>("nghedan-server");
            options.dataDir = m_temp->path();
        }
        server::ServerOptions so;
        so.address = "127.0.0.1";
        so.port = 0;
        so.dataDir = options.dataDir;
        so.demo = options.demo;
        so.demoTwoTier = options.demoTwoTier;
        so.connections = options.connections;
        so.logFile = options.logFile.empty()
                         ? (std::filesystem::path(options.dataDir) / "server.log").string()
                         : options.logFile;
        so.settings = options.settings;
        m_logFile = so.logFile;
        m_app = std::make_unique<server::ServerApp>(so);
        if (Status s = m_app->open(); !s)
            throw std::runtime_error("server open failed: " + s.error().message);
        auto port = m_app->start();
        if (!port) throw std::runtime_error("server start failed: " + port.error().message);
    }
    ~InProcessServer() { stop(); }
    InProcessServer(const InProcessServer&) = delete;
    InProcessServer& operator=(const InProcessServer&) = delete;

    std::string baseUrl() const { return m_app->baseUrl(); }
    int port() const { return m_app->port(); }
    const std::string& dataDir() const { return m_app->options().dataDir; }
    const std::string& logFile() const { return m_logFile; }
    server::Context& context() { return m_app->context(); }
    server::ServerApp& app() { return *m_app; }
    /** Stops serving and closes the database (idempotent). */
    void stop() {
        if (m_app) m_app->stop();
        m_app.reset();
    }

private:
    std::unique_ptr<TempDir> m_temp;
    std::unique_ptr<server::ServerApp> m_app;
    std::string m_logFile;
};

#ifdef NGHEDAN_SERVER_EXE
/** The nghedan-server executable as a child process. The first start picks a free port; later
 *  start() calls (after kill or stop) reuse the same port and data directory. */
class ServerProcess {
public:
    explicit ServerProcess(TestServerOptions options = {}) : m_options(std::move(options)) {
        if (m_options.dataDir.empty()) {
            m_temp = std::make_unique<TempDir>("nghedan-server");
            m_options.dataDir = m_temp->path();
        }
        if (m_options.logFile.empty())
            m_options.logFile = (std::filesystem::path(m_options.dataDir) / "server.log").string();
        start();
    }
    ~ServerProcess() {
        if (m_pid > 0) {
            stop();
        }
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    /** Starts the server and waits for its "listening on" line (throws after 60 s). */
    void start() {
        if (m_pid > 0) throw std::runtime_error("server already running");
        int out[2];
        if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
        std::vector<std::string> args = {
            NGHEDAN_SERVER_EXE, "serve",           "--address",
            "127.0.0.1",        "--port",          std::to_string(m_port),
            "--data",           m_options.dataDir, "--log-file",
            m_options.logFile,  "--threads",       "8"};
        if (m_options.demo) args.push_back("--demo");
        for (const auto& a : m_options.extraArgs) args.push_back(a);
        const pid_t pid = ::fork();
        if (pid < 0) throw std::runtime_error("fork failed");
        if (pid == 0) {
            ::dup2(out[1], STDOUT_FILENO);
            std::vector<char*> argv;
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        ::close(out[1]);
        m_pid = pid;
        std::string line;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        char c;
        while (std::chrono::steady_clock::now() < deadline) {
            pollfd p{out[0], POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0) continue;
            const ssize_t n = ::read(out[0], &c, 1);
            if (n <= 0) break;
            if (c != '\n') {
                line += c;
                continue;
            }
            const std::string marker = "listening on ";
            if (line.rfind(marker, 0) == 0) {
                m_baseUrl = line.substr(marker.size());
                m_port = std::stoi(m_baseUrl.substr(m_baseUrl.rfind(':') + 1));
                ::close(out[0]);
                return;
            }
            line.clear();
        }
        ::close(out[0]);
        kill(SIGKILL);
        throw std::runtime_error("nghedan-server did not start; see " + m_options.logFile);
    }
    /** Sends a signal and waits for the process; returns its wait status. */
    int kill(int signal = SIGKILL) {
        if (m_pid <= 0) return -1;
        ::kill(m_pid, signal);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
        return status;
    }
    /** SIGTERM (clean stop) and wait; true when it exited with code 0. */
    bool stop() {
        const int status = kill(SIGTERM);
        return WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    void restart() {
        stop();
        start();
    }

    bool running() const { return m_pid > 0; }
    pid_t pid() const { return m_pid; }
    const std::string& baseUrl() const { return m_baseUrl; }
    int port() const { return m_port; }
    const std::string& dataDir() const { return m_options.dataDir; }
    const std::string& logFile() const { return m_options.logFile; }

private:
    TestServerOptions m_options;
    std::unique_ptr<TempDir> m_temp;
    pid_t m_pid = -1;
    int m_port = 0;
    std::string m_baseUrl;
};
#endif

// ---- requests ---------------------------------------------------------------------------

/** A reply: status (0 when the connection failed) and the parsed JSON body (null if none). */
struct Reply {
    int status = 0;
    Json body;
    httplib::Headers headers;
    std::string raw;
};

inline Reply toReply(const httplib::Result& r) {
    Reply out;
    if (!r) return out;
    out.status = r->status;
    out.headers = r->headers;
    out.raw = r->body;
    out.body = Json::parse(r->body, nullptr, false);
    if (out.body.is_discarded()) out.body = nullptr;
    return out;
}

/** The headers of a request as this build's app sends it: its version, and the token if any. */
inline httplib::Headers authHeaders(const std::string& token) {
    httplib::Headers h;
    h.emplace(kClientVersionHeader, std::to_string(kClientVersion));
    if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
    return h;
}

inline Reply jsonPost(const std::string& baseUrl, const std::string& path, const Json& body,
                      const std::string& token = {}) {
    httplib::Client cli(baseUrl);
    cli.set_read_timeout(60, 0);
    return toReply(cli.Post(path.c_str(), authHeaders(token), body.dump(), "application/json"));
}

inline Reply rawPost(const std::string& baseUrl, const std::string& path, const std::string& body,
                     const httplib::Headers& headers = {}) {
    httplib::Client cli(baseUrl);
    cli.set_read_timeout(60, 0);
    return toReply(cli.Post(path.c_str(), headers, body, "application/json"));
}

inline Reply jsonGet(const std::string& baseUrl, const std::string& path,
                     const std::string& token = {}) {
    httplib::Client cli(baseUrl);
    cli.set_read_timeout(60, 0);
    return toReply(cli.Get(path.c_str(), authHeaders(token)));
}

/** The key pair of a test device: derived from its site id, so that login() registers and
 *  makeChange() signs with the same key without passing keys around. */
inline KeyPair testDeviceKey(const std::string& site) { return keyPairFromSeed(site); }

/** The change signed by its site's test device key (after changing a hand-made change). */
inline Change signedByDevice(Change c) {
    saltPersonalValues(c);  // as Replica::write does: personal values can then be withheld
    c.sig = signatureOf(c, testDeviceKey(c.site).secretKey);
    return c;
}

/** The login body of a test tablet: its site id and the key derived from it. */
inline Json deviceLogin(const std::string& username, const std::string& password,
                        const std::string& device) {
    const KeyPair key = testDeviceKey(device);
    return Json{{"username", username},
                {"password", password},
                {"device", device},
                {"publicKey", key.publicKey},
                {"keyProof", signMessage(keyProofMessage(device, username, key.publicKey),
                                         key.secretKey)}};
}

/** Logs in with a device site id; returns the token (empty on failure). */
inline std::string login(const std::string& baseUrl, const std::string& username,
                         const std::string& password, const std::string& device) {
    const Reply r = jsonPost(baseUrl, "/api/v1/auth/login", deviceLogin(username, password, device));
    if (r.status != 200 || !r.body.is_object() || !r.body.contains("token")) return {};
    return r.body["token"].get<std::string>();
}

// ---- a small world ---------------------------------------------------------------------

/** Password of the users seedTestTree() creates. */
inline constexpr const char* kTestPassword = "mat-khau-thu";

/** Adds users {name, role, scope unit} with kTestPassword (display name = name). */
inline void addTestUsers(server::Store& users,
                         const std::vector<std::tuple<std::string, std::string, std::string>>& list) {
    static const std::string hash = *server::hashPassword(kTestPassword);
    for (const auto& [name, role, scope] : list) {
        server::Account a;
        a.username = name;
        a.displayName = name;
        a.role = role;
        a.scopeUnit = scope;
        a.createdAt = systemMillis();
        if (Status s = users.addUser(a, hash); !s)
            throw std::runtime_error("seed user: " + s.error().message);
    }
}

/** Creates, in an empty server, the unit tree
 *      hcm (city) ─ q3 (district) ─ q3-p4 (ward) ─ q3-p4-kp5 (neighbourhood)
 *                 │               └ q3-p5 (ward)
 *                 └ q12 (district) ─ q12-ta (ward)
 *  agencies "ag-ca-q3" (unit q3) and "ag-ubnd-ta" (unit q12-ta), and the users
 *  official "canbo.q3" (scope q3-p4), official "canbo.q12" (q12-ta), supervisor
 *  "giamsat.q3" (q3), admin "admin" (hcm), all with kTestPassword. */
inline void seedTestTree(server::Context& ctx) {
    std::lock_guard lock(ctx.mutex);
    server::Store& r = *ctx.store;
    auto unit = [&](const std::string& id, const std::string& parent, const std::string& level,
                    const std::string& name) {
        std::map<std::string, Json> set{{"level", level}, {"name", name}};
        if (!parent.empty()) set["parent"] = parent;
        auto w = r.write({"unit", id, id, "admin", set});
        if (!w) throw std::runtime_error("seed unit: " + w.error().message);
    };
    unit("hcm", "", "city", "Thành phố Hồ Chí Minh");
    unit("q3", "hcm", "district", "Quận 3");
    unit("q3-p4", "q3", "ward", "Phường 4");
    unit("q3-p4-kp5", "q3-p4", "neighbourhood", "Khu phố 5");
    unit("q3-p5", "q3", "ward", "Phường 5");
    unit("q12", "hcm", "district", "Quận 12");
    unit("q12-ta", "q12", "ward", "Phường Thới An");
    for (const auto& [id, unitId, name] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"ag-ca-q3", "q3", "Công an quận 3"},
             {"ag-ubnd-ta", "q12-ta", "UBND phường Thới An"}}) {
        auto w = r.write({"agency", id, unitId, "admin", {{"name", name}, {"level", "district"}}});
        if (!w) throw std::runtime_error("seed agency: " + w.error().message);
    }
    addTestUsers(r, {{"canbo.q3", "official", "q3-p4"},
                     {"canbo.q12", "official", "q12-ta"},
                     {"giamsat.q3", "supervisor", "q3"},
                     {"admin", "admin", "hcm"}});
}

/** A change of `site` as a tablet would send it (hlc = now unless given). */
inline Change makeChange(const std::string& site, std::uint64_t seq, const std::string& entity,
                         const std::string& id, const std::string& unit, const std::string& author,
                         std::map<std::string, Json> set, HlcTime hlc = 0) {
    Change c;
    c.site = site;
    c.seq = seq;
    c.hlc = hlc ? hlc : hlcPack(systemMillis(), static_cast<std::uint32_t>(seq));
    c.entity = entity;
    c.id = id;
    c.unit = unit;
    c.author = author;
    c.set = std::move(set);
    return signedByDevice(std::move(c));
}

/** prefix + number ("p" + 7 = "p7"). */
inline std::string numbered(const std::string& prefix, std::uint64_t n) {
    std::string out = prefix;
    out += std::to_string(n);
    return out;
}

/** A valid new petition's fields. */
inline std::map<std::string, Json> petitionFields(const std::string& title) {
    return {{"received_at", systemMillis()},
            {"category", "urban_transport"},
            {"title", title},
            {"status", "received"}};
}

/** {"changes":[...]} of the changes. */
inline Json pushBody(const std::vector<Change>& changes) {
    Json list = Json::array();
    for (const Change& c : changes) list.push_back(toJson(c));
    return Json{{"changes", list}};
}

/** A simulated tablet: its own site and key, signed in as `username` (login()), that records
 *  petitions in `unit`, pushes them and pulls its scope over one keep-alive connection. One
 *  thread at a time; a failed request or a refused change throws std::runtime_error. */
class TabletSession {
public:
    TabletSession(const std::string& baseUrl, const std::string& username,
                  const std::string& password, std::string unit)
        : m_username(username), m_unit(std::move(unit)), m_http(baseUrl) {
        m_token = login(baseUrl, username, password, m_site);
        if (m_token.empty()) throw std::runtime_error("tablet login failed for " + username);
        m_http.set_read_timeout(120, 0);
    }

    /** Pulls until it holds everything in its scope. */
    void pullAll() {
        for (;;) {
            const Json page =
                post("/api/v1/sync/pull",
                     {{"cursor", m_cursor}, {"limit", 1000}, {"site", m_site}, {"seq", m_seq}});
            m_cursor = page["cursor"];
            if (!page["more"].get<bool>()) return;
        }
    }
    /** One sync: records `petitions` new petitions, pushes them, then pulls what others did. */
    void sync(int petitions = 2) {
        std::vector<Change> changes;
        for (int i = 0; i < petitions; ++i) {
            ++m_seq;
            changes.push_back(makeChange(m_site, m_seq, "petition", newRecordId(), m_unit,
                                         m_username,
                                         petitionFields(numbered("Kiến nghị ", m_seq))));
        }
        const Json pushed = post("/api/v1/sync/push", pushBody(changes));
        if (pushed["accepted"] != petitions || !pushed["refused"].empty())
            throw std::runtime_error("push refused: " + pushed.dump());
        pullAll();
    }

private:
    Json post(const std::string& path, const Json& body) {
        auto r = m_http.Post(path.c_str(), authHeaders(m_token), body.dump(), "application/json");
        if (!r || r->status != 200)
            throw std::runtime_error(
                path + " -> " +
                (r ? std::to_string(r->status) + " " + r->body : std::string("no reply")));
        return Json::parse(r->body);
    }

    std::string m_site = newSiteId();
    std::string m_username, m_unit, m_token;
    std::uint64_t m_seq = 0, m_cursor = 0;
    httplib::Client m_http;
};

/** The whole content of a file ("" if missing). */
inline std::string readFileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace nghedan::testing
