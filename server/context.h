#pragma once
// What every route of nghedan-server shares. Owned by main.cpp; routes get a reference.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <httplib.h>

#include "connection_guard.h"
#include "nghedan/policy.h"
#include "rate_limit.h"
#include "store.h"

namespace nghedan::server {

/** An authenticated user. role: "official" | "supervisor" | "admin". */
struct User {
    std::string username;
    std::string displayName;
    std::string role;
    std::string scopeUnit;   ///< unit id; the user reads (and, per role, writes) its subtree
    std::string deviceSite;  ///< site id a tablet's token is bound to (empty for web sessions)
};

/** Limits and policies the routes apply (set from the command line / environment). */
struct Settings {
    std::int64_t sessionTtlMs = 30LL * 24 * 3600 * 1000;  ///< token / cookie lifetime
    std::size_t maxBodyBytes = 8u << 20;  ///< request body, compressed and decompressed
    std::size_t maxChangesPerPush = 2000;
    std::size_t defaultPageLimit = 1000;           ///< pull/snapshot "limit" default
    std::size_t maxPageLimit = 5000;               ///< larger limits are reduced to this
    std::size_t maxPageBytes = 4u << 20;           ///< change text per pull/snapshot page
    std::int64_t maxClockAheadMs = 5 * 60 * 1000;  ///< "clock_ahead" beyond this
    int maxFailedLogins = 5;                       ///< per username and IP within the window
    std::int64_t failedLoginWindowMs = 60 * 1000;
    bool tls = false;  ///< the server speaks HTTPS itself
    /** Behind a reverse proxy that ends TLS: a request from proxyAddress with
     *  "X-Forwarded-Proto: https" came over HTTPS, and its "X-Real-IP" is the client's address.
     *  The proxy must overwrite both headers (server/deploy/nginx does). */
    bool trustForwardedProto = false;
    std::string proxyAddress = "127.0.0.1";
    /** Requests per client address on the public endpoints (lookup page, Open311, feed). */
    PublicRateLimit publicRate;
    /** Open311 requests per page: the default and the most a client may ask for. */
    /** Personal fields of petitions closed longer ago than this are redacted; 0 = kept. */
    int retentionDays = 1825;
    int open311PageSize = 50;
    int open311MaxPageSize = 200;
    /** A tablet not synced for this many days keeps its data locked until it syncs. */
    int maxOfflineDays = 14;
    /** Attachments: per file, per record (count and bytes); told to tablets at login. */
    AttachmentLimits attachmentLimits;
    /** Unnamed blobs and unfinished uploads untouched this long are removed by the collector. */
    int blobGraceDays = 7;
};

struct Metrics;  // http_util.h
class PublicNames;  // public_petitions.h

/** Shared state. `store` (the data directory's storage: change log, records, accounts) is
 *  used only while holding `mutex`, except a snapshot it made (Store::snapshot). */
struct Context {
    std::unique_ptr<Store> store;
    std::mutex mutex;
    std::string epoch;  ///< random id of this database's lineage; changes when restored
    Settings settings;
    std::shared_ptr<Metrics> metrics;  ///< thread-safe; never null while serving
    /** The connection guard's counters for /metrics (set by ServerApp::bind). */
    std::function<ConnectionStats()> connectionStats;
    /** Whether the request came through the trusted proxy (settings.trustForwardedProto and
     *  from settings.proxyAddress). */
    bool viaProxy(const httplib::Request& req) const {
        return settings.trustForwardedProto && req.remote_addr == settings.proxyAddress;
    }

    /** The user of the request's bearer token ("Authorization: Bearer T") or session cookie
     *  ("nghedan_session"); for cookie-authenticated non-GET requests the header
     *  "X-CSRF-Token" must match the session's CSRF token. On failure writes a 401/403 JSON
     *  error into `res` and returns nullopt. Implemented in routes/auth.cpp. */
    std::optional<User> authenticate(const httplib::Request& req, httplib::Response& res);
    /** Whether the request came over HTTPS (directly or through a trusted proxy). */
    bool viaHttps(const httplib::Request& req) const;

    /** The public endpoints' per-address buckets (settings.publicRate); never null. */
    std::shared_ptr<RateLimiter> publicLimiter =
        std::make_shared<RateLimiter>(PublicRateLimit{});
    /** Names the public endpoints show, kept between requests; used under `mutex`. Set by
     *  ServerApp; never null while serving. */
    std::shared_ptr<PublicNames> publicNames;

    struct Auth;
    std::shared_ptr<Auth> auth;  ///< sessions/users state, owned by routes/auth.cpp
};

/** Writes {"error":{"code":code,"message":message}} with the status. */
void sendError(httplib::Response& res, int status, const std::string& code,
               const std::string& message);
/** Writes a JSON body (gzip is applied by the server when the client accepts it). */
void sendJson(httplib::Response& res, const nlohmann::json& body, int status = 200);

void registerAuthRoutes(httplib::Server& server, Context& ctx);  // routes/auth.cpp
void registerSyncRoutes(httplib::Server& server, Context& ctx);  // routes/sync.cpp
void registerReadRoutes(httplib::Server& server, Context& ctx);  // routes/read.cpp (dashboard API)
void registerDashboardRoutes(httplib::Server& server,
                             Context& ctx);  // routes/dashboard.cpp (web files, exports, print)
// The public side, without login (server/API.md "Public endpoints"):
void registerPublicLookupRoutes(httplib::Server& server, Context& ctx);  // routes/public_lookup.cpp
void registerOpen311Routes(httplib::Server& server, Context& ctx);       // routes/open311.cpp
void registerFeedRoutes(httplib::Server& server, Context& ctx);          // routes/feed.cpp
/** HEAD, PUT and GET /api/v1/blobs/{hash} (server/API.md "Blobs"). */
void registerBlobRoutes(httplib::Server& server, Context& ctx);  // routes/blobs.cpp

}  // namespace nghedan::server
