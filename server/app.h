#pragma once
// The server as a library: options, the data directory (replica + server tables + epoch) and
// the HTTP server with every route. main.cpp and the tests (in-process servers) use it.

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "connection_guard.h"
#include "context.h"

namespace nghedan::server {

/** Options of `nghedan-server serve`. */
struct ServerOptions {
    std::string address = "127.0.0.1";
    int port = 8080;  ///< 0 picks a free port
    std::string dataDir = "nghedan-data";
    std::string tlsCert, tlsKey;  ///< both set: HTTPS
    std::string logLevel = "info";
    std::string logFile;  ///< empty: stderr
    bool demo = false;    ///< seed the demo data set into an empty database
    bool demoTwoTier = false;  ///< the demo in today's two-tier unit tree (DemoTree::TwoTier)
    ConnectionLimits connections;  ///< workers, deadlines, per-address limits
    Settings settings;
};

/** Usage text of `serve` (flags and environment variables). */
std::string serveUsage();
/** Parses `serve` flags (args after "serve") over defaults taken from the environment
 *  (NGHEDAN_ADDRESS, NGHEDAN_PORT, NGHEDAN_DATA, NGHEDAN_TLS_CERT, NGHEDAN_TLS_KEY,
 *  NGHEDAN_LOG_LEVEL, NGHEDAN_LOG_FILE, NGHEDAN_DEMO, NGHEDAN_THREADS, NGHEDAN_SESSION_DAYS,
 *  NGHEDAN_BEHIND_TLS_PROXY, NGHEDAN_PROXY_ADDRESS, NGHEDAN_CONNECTIONS_PER_ADDRESS,
 *  NGHEDAN_REQUESTS_PER_ADDRESS, NGHEDAN_PUBLIC_RATE, NGHEDAN_PUBLIC_BURST,
 *  NGHEDAN_PUBLIC_ADDRESSES).
 *  Error code "usage" with a message naming the bad flag. */
Result<ServerOptions> parseServeOptions(const std::vector<std::string>& args);

/** The database file inside a data directory. */
std::string databasePath(const std::string& dataDir);
/** The lineage file inside a data directory (see ServerApp::open). */
std::string lineagePath(const std::string& dataDir);

/** Opens (creating the directory and file if needed) the store of a data directory with
 *  the server tables ready. */
Result<std::unique_ptr<Store>> openDataDir(const std::string& dataDir,
                                           ReplicaOptions options = {});
/** Gives the database a new lineage value (meta and file), so that a copy taken before this
 *  call is recognised as a restore when it is put back. Used at start and after a backup. */
Status rotateLineage(Store& store, const std::string& dataDir);

/** One server: open() the data directory, bind(), then run() (blocking) on some thread;
 *  stop() from any thread (or a signal thread) ends run(). */
class ServerApp {
public:
    explicit ServerApp(ServerOptions options);
    ~ServerApp();
    ServerApp(const ServerApp&) = delete;
    ServerApp& operator=(const ServerApp&) = delete;

    /** Opens the store (replica and server tables) and the epoch: a database whose lineage differs
     *  from the lineage file next to it was restored from a backup (or replaced) and gets a
     *  new epoch, so tablets re-push what it lacks. With `demo`, seeds an empty database. */
    Status open();
    /** Creates the HTTP server with every route and binds it; returns the port. */
    Result<int> bind();
    /** Serves until stop(). */
    bool run();
    /** Thread-safe; ends run(). */
    void stop();
    /** True once run() has returned. */
    bool finished() const { return m_runReturned; }
    /** bind() then run() on an internal thread; stop() joins it. For tests. */
    Result<int> start();

    Context& context() { return m_ctx; }
    int port() const { return m_port; }
    /** "http://127.0.0.1:PORT" (https with TLS; 127.0.0.1 when bound to 0.0.0.0). */
    std::string baseUrl() const;
    const ServerOptions& options() const { return m_options; }

private:
    ServerOptions m_options;
    Context m_ctx;
    std::shared_ptr<std::atomic<std::int64_t>> m_clockOverride;
    std::unique_ptr<GuardedServer> m_http;
    std::thread m_thread;
    /** Redacts what the retention period no longer allows to keep (server/privacy.h), under
     *  the store lock. */
    Status runRetention();
    /** Removes blobs no record names and abandoned uploads (blob_collector.h); sets the
     *  blob bytes of /metrics. */
    Status runBlobCollector();
    std::jthread m_retention;  ///< runRetention and runBlobCollector every 6 hours until stop()
    std::atomic<bool> m_runReturned{false};
    int m_port = 0;
};

}  // namespace nghedan::server
