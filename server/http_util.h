#pragma once
// HTTP plumbing shared by the routes: bounded body reading, JSON parsing, API version check,
// request logging and the Prometheus metrics.

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <httplib.h>

#include "context.h"

namespace nghedan::server {

// ---- logging -----------------------------------------------------------------------

enum class LogLevel { Debug = 0, Info = 1, Warn = 2, Error = 3 };

/** "debug" | "info" | "warn" | "error" (case-insensitive); nullopt otherwise. */
std::optional<LogLevel> parseLogLevel(const std::string& text);
void setLogLevel(LogLevel level);
/** Sends log lines to this file (appending) instead of stderr; false if it cannot be opened. */
bool setLogFile(const std::string& path);
/** Writes one timestamped line when `level` is enabled. Thread-safe. Never pass secrets. */
void logLine(LogLevel level, const std::string& message);

// ---- metrics -----------------------------------------------------------------------

/** Counters and latency histograms exposed at /metrics. Thread-safe. */
struct Metrics {
    /** One finished request: route label (routeLabel), method, status, duration. */
    void recordRequest(const std::string& route, const std::string& method, int status,
                       double seconds);
    void recordChanges(std::size_t applied, std::size_t duplicates,
                       const std::map<std::string, std::size_t>& refusedByCode);
    /** A blob upload (PUT) that stored every byte ("completed") or was refused (its code). */
    void recordBlobUpload(const std::string& outcome);
    /** Bytes of complete blobs held: set by the collector, moved by uploads and removals. */
    void setBlobBytes(std::uint64_t bytes);
    void addBlobBytes(std::int64_t delta);
    /** Prometheus text exposition; `extra` lines (gauges computed by the caller) appended. */
    std::string render(const std::string& extra) const;

private:
    struct Histogram {
        std::vector<std::uint64_t> buckets;  // cumulative counts per bound in kBounds
        double sum = 0;
        std::uint64_t count = 0;
    };
    mutable std::mutex m_mutex;
    std::map<std::string, std::uint64_t> m_requests;  // key: route \t method \t status
    std::map<std::string, Histogram> m_latency;       // key: route (sync routes only)
    std::uint64_t m_applied = 0, m_duplicates = 0;
    std::map<std::string, std::uint64_t> m_refused;
    std::uint64_t m_blobsCompleted = 0;
    std::map<std::string, std::uint64_t> m_blobsRefused;
    std::int64_t m_blobBytes = 0;
};

/** The route label of a path for metrics: API paths with id-like segments replaced by ":id",
 *  "/healthz", "/metrics", "static" for other GETs; "unmatched" when nothing answered (404). */
std::string routeLabel(const std::string& path, int status);

// ---- requests ------------------------------------------------------------------------

/** Milliseconds since the Unix epoch (server time in every response). */
std::int64_t serverNowMs();

/** The largest body a request's route takes (after inflation), the one table of them: a
 *  login 16 KiB (it comes before any session), logout, pull, snapshot and wiped 64 KiB, a
 *  dashboard write 256 KiB, a push or a sealed outbox Settings::maxBodyBytes, a blob piece
 *  (PUT /api/v1/blobs/{hash}) kMaxBlobPieceBytes; every other
 *  request none. The
 *  common handlers refuse a body over it (or any body where none is taken) from its headers,
 *  before a byte of it is read: 413 "body_too_large" and the connection closed. */
std::size_t bodyLimit(const Context& ctx, const httplib::Request& req);
/** The most one PUT of a blob carries (server/API.md "Blobs"). */
inline constexpr std::size_t kMaxBlobPieceBytes = 4u << 20;

/** Reads the whole body through the content reader, decompressed, and stops at the route's
 *  bodyLimit while reading (chunked bodies and gzip bombs included): 413 "body_too_large";
 *  a broken body gives 400 "bad_body". Either way the connection is closed and nullopt
 *  returned with the error in `res`. Routes authenticate before calling it. */
std::optional<std::string> readBody(const Context& ctx, const httplib::Request& req,
                                    httplib::Response& res, const httplib::ContentReader& reader);
/** Parses JSON text, refusing nesting deeper than 64 levels; writes 400 "malformed_json". */
std::optional<Json> parseJsonText(const std::string& text, httplib::Response& res);
/** readBody + parseJsonText, and the body must be a JSON object (400 "invalid_request"). */
std::optional<Json> readJsonObject(const Context& ctx, const httplib::Request& req,
                                   httplib::Response& res, const httplib::ContentReader& reader);

/** Reads an optional non-negative integer member; writes 400 "invalid_request" when present
 *  with another type. */
bool readUnsigned(const Json& body, const char* key, std::uint64_t fallback, std::uint64_t& out,
                  httplib::Response& res);

/** Installs what every request goes through: the "X-Server-Time" header, the 410 for other
 *  API versions, JSON bodies for httplib's own errors (404, 413, 400), the exception
 *  handler (500 JSON + log), the per-request log line and the request metrics. */
void installCommonHandlers(httplib::Server& server, Context& ctx);

/** The client address for logs and rate limits: the connection's, or through the trusted
 *  proxy its X-Real-IP. */
std::string clientAddress(const Context& ctx, const httplib::Request& req);

/** "http(s)://host[:port]" of the request, for the absolute links discovery and feeds need;
 *  empty when the Host header is not a plain host[:port] (links are then relative). */
std::string requestOrigin(const Context& ctx, const httplib::Request& req);

/** /healthz and /metrics (routes/health.cpp). */
void registerHealthRoutes(httplib::Server& server, Context& ctx);

}  // namespace nghedan::server
