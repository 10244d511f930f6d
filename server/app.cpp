#include "app.h"

#include <algorithm>
#include <sys/socket.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <unistd.h>

#include "blob_collector.h"
#include "demo_data.h"
#include "privacy.h"
#include "http_util.h"
#include "nghedan/sealed.h"
#include "public_petitions.h"
#include "routes/access_log.h"
#include "users.h"

namespace nghedan::server {
namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

bool parseInt(const std::string& text, long long lo, long long hi, long long& out) {
    if (text.empty()) return false;
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    if (errno || *end || v < lo || v > hi) return false;
    out = v;
    return true;
}

bool truthy(const std::string& v) {
    return v == "1" || v == "true" || v == "yes" || v == "on";
}

std::optional<std::string> readSmallFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    std::string line;
    std::getline(in, line);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' '))
        line.pop_back();
    return line;
}

/** Writes a file durably: temp file, fsync, rename, fsync of the directory. */
Status writeFileDurably(const std::string& path, const std::string& content) {
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return Error{"io", "cannot write " + tmp};
    const bool ok =
        ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0)
        return Error{"io", "cannot write " + path};
    const std::string dir = std::filesystem::path(path).parent_path().string();
    const int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
}

/** Sets the public rate limit's member named by a flag or its environment variable. */
void setPublicLimit(PublicRateLimit& limit, const std::string& name, long long value) {
    if (name.find("RATE") != std::string::npos || name == "--public-rate")
        limit.perMinute = static_cast<int>(value);
    else if (name.find("BURST") != std::string::npos || name == "--public-burst")
        limit.burst = static_cast<int>(value);
    else
        limit.maxAddresses = static_cast<std::size_t>(value);
}

}  // namespace

std::string serveUsage() {
    return R"(usage: nghedan-server serve [options]
  --address A         listen address (NGHEDAN_ADDRESS, default 127.0.0.1; 0.0.0.0 for tablets)
  --port P            port, 0 = any free port (NGHEDAN_PORT, default 8080)
  --data DIR          data directory (NGHEDAN_DATA, default ./nghedan-data)
  --tls-cert F        PEM certificate, with --tls-key: HTTPS (NGHEDAN_TLS_CERT)
  --tls-key F         PEM private key (NGHEDAN_TLS_KEY)
  --behind-tls-proxy  a reverse proxy ends TLS: from the proxy's address, X-Forwarded-Proto
                      and X-Real-IP are trusted, cookies are Secure, replies carry HSTS and
                      the per-address limits count the proxy's clients, not the proxy
                      (NGHEDAN_BEHIND_TLS_PROXY=1)
  --proxy-address A   the proxy's address (NGHEDAN_PROXY_ADDRESS, default 127.0.0.1)
  --log-level L       debug|info|warn|error (NGHEDAN_LOG_LEVEL, default info)
  --log-file F        append logs to F instead of stderr (NGHEDAN_LOG_FILE)
  --demo              seed the demo data set into an empty database (NGHEDAN_DEMO=1)
  --demo-tree T       districts (the article's city → districts → wards) or two-tier
                      (today's city → 168 wards, communes, special zone) (NGHEDAN_DEMO_TREE)
  --threads N         HTTP worker threads (NGHEDAN_THREADS, default 32)
  --connections-per-address N
                      open connections one client address may hold
                      (NGHEDAN_CONNECTIONS_PER_ADDRESS, default 128)
  --requests-per-address N
                      requests of one address served at once; more wait their turn
                      (NGHEDAN_REQUESTS_PER_ADDRESS, default 8)
  --session-days N    token and cookie lifetime in days (NGHEDAN_SESSION_DAYS, default 30)
  --retention-days N  petitioners' personal data is erased (redacted) N days after their
                      petition is closed; checked at start and every 6 hours; 0 = keep
                      (NGHEDAN_RETENTION_DAYS, default 1825, five years)
  --max-offline-days N
                      a tablet not synced for N days keeps its data locked until it syncs
                      (NGHEDAN_MAX_OFFLINE_DAYS, default 14)
  --blob-max-bytes N  largest attachment file in bytes (NGHEDAN_BLOB_MAX_BYTES, default
                      20971520, 20 MiB)
  --attachments-per-record N
                      attachments of one record (NGHEDAN_ATTACHMENTS_PER_RECORD, default 30)
  --attachment-record-bytes N
                      all attachments of one record together, in bytes
                      (NGHEDAN_ATTACHMENT_RECORD_BYTES, default 209715200, 200 MiB)
  --blob-grace-days N attachment bytes no record names any more, and unfinished uploads,
                      are removed once untouched N days; checked at start and every 6 hours
                      (NGHEDAN_BLOB_GRACE_DAYS, default 7)
  --public-rate N     requests per minute one address may make to the public endpoints
                      (/tra-cuu, /open311/v2, /feed); 0 = no limit (NGHEDAN_PUBLIC_RATE,
                      default 120); more get 429 with Retry-After
  --public-burst N    requests an address may make at once after a quiet spell
                      (NGHEDAN_PUBLIC_BURST, default 60)
  --public-addresses N
                      addresses the public limit tracks at once, the oldest forgotten
                      beyond it (NGHEDAN_PUBLIC_ADDRESSES, default 10000)
When ready it prints one line "listening on http://ADDR:PORT" to stdout.
)";
}

Result<ServerOptions> parseServeOptions(const std::vector<std::string>& args) {
    ServerOptions o;
    long long n = 0;
    auto usage = [](const std::string& message) { return Error{"usage", message}; };
    // Environment first, flags override.
    if (auto v = env("NGHEDAN_ADDRESS"); !v.empty()) o.address = v;
    if (auto v = env("NGHEDAN_PORT"); !v.empty()) {
        if (!parseInt(v, 0, 65535, n)) return usage("NGHEDAN_PORT must be a port number");
        o.port = static_cast<int>(n);
    }
    if (auto v = env("NGHEDAN_DATA"); !v.empty()) o.dataDir = v;
    o.tlsCert = env("NGHEDAN_TLS_CERT");
    o.tlsKey = env("NGHEDAN_TLS_KEY");
    if (auto v = env("NGHEDAN_LOG_LEVEL"); !v.empty()) o.logLevel = v;
    o.logFile = env("NGHEDAN_LOG_FILE");
    o.demo = truthy(env("NGHEDAN_DEMO"));
    std::string tree = env("NGHEDAN_DEMO_TREE");
    o.settings.trustForwardedProto = truthy(env("NGHEDAN_BEHIND_TLS_PROXY"));
    if (auto v = env("NGHEDAN_PROXY_ADDRESS"); !v.empty()) o.settings.proxyAddress = v;
    const std::pair<const char*, std::size_t*> counts[] = {
        {"NGHEDAN_THREADS", &o.connections.workers},
        {"NGHEDAN_CONNECTIONS_PER_ADDRESS", &o.connections.perAddressConnections},
        {"NGHEDAN_REQUESTS_PER_ADDRESS", &o.connections.perAddressInFlight}};
    for (const auto& [name, target] : counts)
        if (auto v = env(name); !v.empty()) {
            if (!parseInt(v, 1, 100000, n)) return usage(std::string(name) + " must be 1 to 100000");
            *target = static_cast<std::size_t>(n);
        }
    const std::pair<const char*, long long> publicLimits[] = {
        {"NGHEDAN_PUBLIC_RATE", 0}, {"NGHEDAN_PUBLIC_BURST", 1}, {"NGHEDAN_PUBLIC_ADDRESSES", 1}};
    for (const auto& [name, lo] : publicLimits)
        if (auto v = env(name); !v.empty()) {
            if (!parseInt(v, lo, 1000000, n))
                return usage(std::string(name) + " must be " + std::to_string(lo) + " to 1000000");
            setPublicLimit(o.settings.publicRate, name, n);
        }
    if (auto v = env("NGHEDAN_RETENTION_DAYS"); !v.empty()) {
        if (!parseInt(v, 0, 36500, n)) return usage("NGHEDAN_RETENTION_DAYS must be 0 to 36500");
        o.settings.retentionDays = static_cast<int>(n);
    }
    if (auto v = env("NGHEDAN_SESSION_DAYS"); !v.empty()) {
        if (!parseInt(v, 1, 3650, n)) return usage("NGHEDAN_SESSION_DAYS must be 1 to 3650");
        o.settings.sessionTtlMs = n * 24 * 3600 * 1000;
    }
    if (auto v = env("NGHEDAN_BLOB_MAX_BYTES"); !v.empty()) {
        if (!parseInt(v, 1, kMaxBlobBytes, n))
            return usage("NGHEDAN_BLOB_MAX_BYTES must be 1 to 1073741824");
        o.settings.attachmentLimits.maxFileBytes = n;
    }
    if (auto v = env("NGHEDAN_ATTACHMENTS_PER_RECORD"); !v.empty()) {
        if (!parseInt(v, 1, 10000, n))
            return usage("NGHEDAN_ATTACHMENTS_PER_RECORD must be 1 to 10000");
        o.settings.attachmentLimits.maxPerRecord = static_cast<int>(n);
    }
    if (auto v = env("NGHEDAN_ATTACHMENT_RECORD_BYTES"); !v.empty()) {
        if (!parseInt(v, 1, 1LL << 40, n))
            return usage("NGHEDAN_ATTACHMENT_RECORD_BYTES must be 1 to 2^40");
        o.settings.attachmentLimits.maxRecordBytes = n;
    }
    if (auto v = env("NGHEDAN_BLOB_GRACE_DAYS"); !v.empty()) {
        if (!parseInt(v, 0, 36500, n)) return usage("NGHEDAN_BLOB_GRACE_DAYS must be 0 to 36500");
        o.settings.blobGraceDays = static_cast<int>(n);
    }
    if (auto v = env("NGHEDAN_MAX_OFFLINE_DAYS"); !v.empty()) {
        if (!parseInt(v, 1, 3650, n)) return usage("NGHEDAN_MAX_OFFLINE_DAYS must be 1 to 3650");
        o.settings.maxOfflineDays = static_cast<int>(n);
    }

    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) -> bool {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (a == "--demo") {
            o.demo = true;
        } else if (a == "--demo-tree") {
            if (!value(tree)) return usage("--demo-tree needs districts or two-tier");
        } else if (a == "--behind-tls-proxy") {
            o.settings.trustForwardedProto = true;
        } else if (a == "--address") {
            if (!value(o.address)) return usage("--address needs a value");
        } else if (a == "--port") {
            if (!value(v) || !parseInt(v, 0, 65535, n)) return usage("--port needs 0..65535");
            o.port = static_cast<int>(n);
        } else if (a == "--data") {
            if (!value(o.dataDir)) return usage("--data needs a directory");
        } else if (a == "--tls-cert") {
            if (!value(o.tlsCert)) return usage("--tls-cert needs a file");
        } else if (a == "--tls-key") {
            if (!value(o.tlsKey)) return usage("--tls-key needs a file");
        } else if (a == "--log-level") {
            if (!value(o.logLevel)) return usage("--log-level needs a level");
        } else if (a == "--log-file") {
            if (!value(o.logFile)) return usage("--log-file needs a file");
        } else if (a == "--proxy-address") {
            if (!value(o.settings.proxyAddress)) return usage("--proxy-address needs an address");
        } else if (a == "--threads" || a == "--connections-per-address" ||
                   a == "--requests-per-address") {
            if (!value(v) || !parseInt(v, 1, a == "--threads" ? 1024 : 100000, n))
                return usage(a + " needs a positive count");
            (a == "--threads"                   ? o.connections.workers
             : a == "--connections-per-address" ? o.connections.perAddressConnections
                                                : o.connections.perAddressInFlight) =
                static_cast<std::size_t>(n);
        } else if (a == "--public-rate" || a == "--public-burst" || a == "--public-addresses") {
            const long long lo = a == "--public-rate" ? 0 : 1;
            if (!value(v) || !parseInt(v, lo, 1000000, n))
                return usage(a + " needs " + std::to_string(lo) + "..1000000");
            setPublicLimit(o.settings.publicRate, a, n);
        } else if (a == "--retention-days") {
            if (!value(v) || !parseInt(v, 0, 36500, n)) return usage("--retention-days needs 0..36500");
            o.settings.retentionDays = static_cast<int>(n);
        } else if (a == "--session-days") {
            if (!value(v) || !parseInt(v, 1, 3650, n)) return usage("--session-days needs 1..3650");
            o.settings.sessionTtlMs = n * 24 * 3600 * 1000;
        } else if (a == "--blob-max-bytes") {
            if (!value(v) || !parseInt(v, 1, kMaxBlobBytes, n))
                return usage("--blob-max-bytes needs 1..1073741824");
            o.settings.attachmentLimits.maxFileBytes = n;
        } else if (a == "--attachments-per-record") {
            if (!value(v) || !parseInt(v, 1, 10000, n))
                return usage("--attachments-per-record needs 1..10000");
            o.settings.attachmentLimits.maxPerRecord = static_cast<int>(n);
        } else if (a == "--attachment-record-bytes") {
            if (!value(v) || !parseInt(v, 1, 1LL << 40, n))
                return usage("--attachment-record-bytes needs 1..2^40");
            o.settings.attachmentLimits.maxRecordBytes = n;
        } else if (a == "--blob-grace-days") {
            if (!value(v) || !parseInt(v, 0, 36500, n))
                return usage("--blob-grace-days needs 0..36500");
            o.settings.blobGraceDays = static_cast<int>(n);
        } else if (a == "--max-offline-days") {
            if (!value(v) || !parseInt(v, 1, 3650, n)) return usage("--max-offline-days needs 1..3650");
            o.settings.maxOfflineDays = static_cast<int>(n);
        } else {
            return usage("unknown option " + a);
        }
    }
    if (!parseLogLevel(o.logLevel)) return usage("log level must be debug, info, warn or error");
    if (o.tlsCert.empty() != o.tlsKey.empty()) return usage("--tls-cert and --tls-key go together");
    o.settings.tls = !o.tlsCert.empty();
    // Behind a proxy every connection comes from it: the proxy limits its clients (see
    // server/deploy/nginx), and the server counts the proxy's connections as its own.
    if (o.settings.trustForwardedProto)
        o.connections.exemptAddresses = {o.settings.proxyAddress};
    if (o.dataDir.empty()) return usage("the data directory must not be empty");
    if (!tree.empty() && tree != "districts" && tree != "two-tier")
        return usage("--demo-tree must be districts or two-tier");
    o.demoTwoTier = tree == "two-tier";
    return o;
}

std::string databasePath(const std::string& dataDir) {
    return (std::filesystem::path(dataDir) / "nghedan.db").string();
}

std::string lineagePath(const std::string& dataDir) {
    return (std::filesystem::path(dataDir) / "lineage").string();
}

Result<std::unique_ptr<Store>> openDataDir(const std::string& dataDir, ReplicaOptions options) {
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec) return Error{"io", "cannot create the data directory " + dataDir + ": " + ec.message()};
    return openSqliteStore(databasePath(dataDir), std::move(options),
                           (std::filesystem::path(dataDir) / "blobs").string());
}

Status rotateLineage(Store& store, const std::string& dataDir) {
    const std::string lineage = randomHexId(16);
    if (Status s = store.setMeta("server_lineage", lineage); !s) return s;
    return writeFileDurably(lineagePath(dataDir), lineage + "\n");
}

ServerApp::ServerApp(ServerOptions options)
    : m_options(std::move(options)),
      m_clockOverride(std::make_shared<std::atomic<std::int64_t>>(0)) {
    m_ctx.settings = m_options.settings;
    m_ctx.publicLimiter = std::make_shared<RateLimiter>(m_ctx.settings.publicRate);
    m_ctx.publicNames = std::make_shared<PublicNames>();
    m_ctx.metrics = std::make_shared<Metrics>();
}

ServerApp::~ServerApp() {
    stop();
}

Status ServerApp::open() {
    if (auto level = parseLogLevel(m_options.logLevel)) setLogLevel(*level);
    std::error_code ec;
    std::filesystem::create_directories(m_options.dataDir, ec);
    if (!m_options.logFile.empty() && !setLogFile(m_options.logFile))
        return Error{"io", "cannot open the log file " + m_options.logFile};
    ReplicaOptions ro;
    // The demo seed moves this clock through the past months; otherwise it is the system's.
    ro.clockSource = [clock = m_clockOverride] {
        const std::int64_t fixed = clock->load();
        return fixed > 0 ? fixed : systemMillis();
    };
    auto store = openDataDir(m_options.dataDir, std::move(ro));
    if (!store) return store.error();
    m_ctx.store = std::move(*store);
    Store& r = *m_ctx.store;

    const auto fileLineage = readSmallFile(lineagePath(m_options.dataDir));
    const auto dbLineage = r.meta("server_lineage");
    auto epoch = r.meta("server_epoch");
    const bool replaced = !fileLineage || !dbLineage || *fileLineage != *dbLineage;
    if (!epoch || replaced) {
        if (epoch) {
            logLine(LogLevel::Warn,
                    "the database does not match the lineage file (restored "
                    "from a backup?): new epoch and site; tablets will re-push");
            // Its own later writes live on in the tablets: never reuse their dots.
            if (Status s = r.renewSite(); !s) return s;
        }
        epoch = randomHexId(16);
        if (Status s = r.setMeta("server_epoch", *epoch); !s) return s;
    }
    m_ctx.epoch = *epoch;
    if (Status s = rotateLineage(r, m_options.dataDir); !s) return s;
    if (auto purged = r.purgeExpiredSessions(systemMillis()); !purged)
        return purged.error();
    // The key pair tablets seal their unsent changes to before a wipe (sealed.h), made once.
    if (!r.meta("seal_public_key") || !r.meta("seal_secret_key")) {
        const SealKeyPair seal = newSealKeyPair();
        if (seal.publicKey.empty()) return Error{"internal", "could not make the seal key pair"};
        if (Status s = r.setMeta("seal_secret_key", seal.secretKey); !s) return s;
        if (Status s = r.setMeta("seal_public_key", seal.publicKey); !s) return s;
    }

    if (m_options.demo) {
        auto seeded =
            seedDemoData(r, [clock = m_clockOverride](std::int64_t ms) { clock->store(ms); },
                     m_options.demoTwoTier ? DemoTree::TwoTier : DemoTree::Districts);
        m_clockOverride->store(0);
        if (!seeded) return seeded.error();
        if (*seeded)
            logLine(LogLevel::Info, "demo data seeded");
        else
            logLine(LogLevel::Info, "demo data not seeded: the database is not empty");
    }
    if (Status s = runRetention(); !s) return s;
    if (Status s = runBlobCollector(); !s) return s;
    // The retention period passes while the server runs: look again every 6 hours (and for
    // blobs no record names any more).
    m_retention = std::jthread([this](std::stop_token stop) {
        std::mutex m;
        std::condition_variable_any wake;
        std::unique_lock lock(m);
        while (true) {
            wake.wait_for(lock, stop, std::chrono::hours(6), [] { return false; });
            if (stop.stop_requested()) return;
            if (Status s = runRetention(); !s)
                logLine(LogLevel::Error, "retention: " + s.error().message);
            if (Status s = runBlobCollector(); !s)
                logLine(LogLevel::Error, "blob collector: " + s.error().message);
        }
    });
    return {};
}

Status ServerApp::runRetention() {
    if (m_ctx.settings.retentionDays <= 0) return {};
    std::lock_guard lock(m_ctx.mutex);
    auto report = applyRetention(*m_ctx.store, systemMillis(), m_ctx.settings.retentionDays);
    if (!report) return report.error();
    if (report->redacted)
        logLine(LogLevel::Info, "retention: personal data of " + std::to_string(report->redacted) +
                                    " petitions closed more than " +
                                    std::to_string(m_ctx.settings.retentionDays) + " days ago redacted");
    return {};
}

Status ServerApp::runBlobCollector() {
    auto done =
        collectBlobs(*m_ctx.store, m_ctx.mutex, systemMillis(), m_ctx.settings.blobGraceDays);
    if (!done) return done.error();
    m_ctx.metrics->setBlobBytes(done->bytesKept);
    if (done->removed || done->removedPartial)
        logLine(LogLevel::Info, "blob collector: " + std::to_string(done->removed) +
                                    " blobs no record names and " +
                                    std::to_string(done->removedPartial) +
                                    " abandoned uploads removed (" +
                                    std::to_string(done->bytesRemoved) + " bytes)");
    return {};
}

Result<int> ServerApp::bind() {
    if (!m_ctx.store) return Error{"state", "open() first"};
    m_http = std::make_unique<GuardedServer>(m_options.connections);
    if (!m_options.tlsCert.empty()) {
        std::string error;
        if (!m_http->useTls(m_options.tlsCert, m_options.tlsKey, error)) return Error{"tls", error};
        m_ctx.settings.tls = true;
    }
    GuardedServer& http = *m_http;
    m_ctx.connectionStats = [&http] { return http.stats(); };
    // Each route checks its own limit (bodyLimit); a dashboard upload may be a whole file.
    http.set_payload_max_length(std::max<std::size_t>(
        m_ctx.settings.maxBodyBytes,
        static_cast<std::size_t>(m_ctx.settings.attachmentLimits.maxFileBytes)));
    // cpp-httplib listens with a backlog of 5; a thousand tablets connecting at once overflow
    // it. Remember the listening socket to widen the backlog once it is bound.
    auto listenFd = std::make_shared<int>(-1);
    http.set_socket_options([listenFd](socket_t fd) {
        httplib::default_socket_options(fd);
        *listenFd = fd;
    });
    installCommonHandlers(http, m_ctx);
    registerHealthRoutes(http, m_ctx);
    registerAuthRoutes(http, m_ctx);
    registerSyncRoutes(http, m_ctx);
    registerBlobRoutes(http, m_ctx);
    registerPublicLookupRoutes(http, m_ctx);
    registerOpen311Routes(http, m_ctx);
    registerFeedRoutes(http, m_ctx);
    registerAccessLogRoutes(http, m_ctx);
#ifdef NGHEDAN_HAS_DASHBOARD
    registerReadRoutes(http, m_ctx);
    registerDashboardRoutes(http, m_ctx);
#endif
    if (m_options.port == 0) {
        m_port = http.bind_to_any_port(m_options.address);
        if (m_port <= 0) return Error{"bind", "cannot bind to " + m_options.address};
    } else {
        if (!http.bind_to_port(m_options.address, m_options.port))
            return Error{"bind", "cannot bind to " + m_options.address + ":" +
                                     std::to_string(m_options.port)};
        m_port = m_options.port;
    }
    if (*listenFd >= 0) ::listen(*listenFd, 1024);
    return m_port;
}

bool ServerApp::run() {
    const bool ok = m_http && m_http->listen_after_bind();
    m_runReturned = true;
    return ok;
}

void ServerApp::stop() {
    m_retention.request_stop();
    if (m_retention.joinable()) m_retention.join();
    if (m_http && m_thread.joinable()) {
        // stop() before the listen loop has started would be lost: wait for it.
        while (!m_http->is_running() && !m_runReturned)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (m_http) m_http->stop();
    if (m_thread.joinable()) m_thread.join();
    if (m_http) m_http->shutdownConnections();
}

Result<int> ServerApp::start() {
    auto port = bind();
    if (!port) return port;
    m_runReturned = false;
    m_thread = std::thread([this] { run(); });
    // Bound already: connections queue in the backlog until listen starts accepting.
    return port;
}

std::string ServerApp::baseUrl() const {
    const std::string host = m_options.address == "0.0.0.0" || m_options.address.empty()
                                 ? "127.0.0.1"
                                 : m_options.address;
    return std::string(m_options.tlsCert.empty() ? "http" : "https") + "://" + host + ":" +
           std::to_string(m_port);
}

}  // namespace nghedan::server
