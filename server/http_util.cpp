#include "http_util.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <regex>
#include <sstream>

#include "compression.h"
#include "connection_guard.h"
#include "nghedan/clock.h"

namespace nghedan::server {
namespace {

std::atomic<int> g_logLevel{static_cast<int>(LogLevel::Info)};
std::mutex g_logMutex;
std::FILE* g_logFile = nullptr;

const char* levelName(LogLevel level) {
    switch (level) {
        case LogLevel::Debug:
            return "debug";
        case LogLevel::Info:
            return "info";
        case LogLevel::Warn:
            return "warn";
        case LogLevel::Error:
            return "error";
    }
    return "info";
}

constexpr double kBounds[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                              0.25,  0.5,    1,     2.5,  5,     10};
constexpr std::size_t kBucketCount = sizeof kBounds / sizeof kBounds[0];

bool isLatencyRoute(const std::string& route) {
    return route.rfind("/api/v1/sync/", 0) == 0 || route == "/api/v1/auth/login";
}

bool isIdLike(const std::string& segment) {
    if (segment.size() < 8) {
        for (char c : segment)
            if (c < '0' || c > '9') return false;
        return !segment.empty();
    }
    int digits = 0;
    for (char c : segment) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (!((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-'))
            return false;
    }
    return digits > 0;
}

std::string escapeLabel(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

thread_local std::chrono::steady_clock::time_point t_requestStart;

/** The depth of the deepest nesting in JSON text (strings skipped). */
std::size_t jsonDepth(const std::string& text, std::size_t limit) {
    std::size_t depth = 0, deepest = 0;
    bool inString = false, escaped = false;
    for (char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '[' || c == '{') {
            if (++depth > deepest) deepest = depth;
            if (deepest > limit) return deepest;
        } else if ((c == ']' || c == '}') && depth > 0)
            --depth;
    }
    return deepest;
}

}  // namespace

// ---- logging -----------------------------------------------------------------------

std::optional<LogLevel> parseLogLevel(const std::string& text) {
    std::string t;
    for (char c : text) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (t == "debug") return LogLevel::Debug;
    if (t == "info") return LogLevel::Info;
    if (t == "warn" || t == "warning") return LogLevel::Warn;
    if (t == "error") return LogLevel::Error;
    return std::nullopt;
}

void setLogLevel(LogLevel level) {
    g_logLevel = static_cast<int>(level);
}

bool setLogFile(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "a");
    if (!f) return false;
    std::lock_guard lock(g_logMutex);
    if (g_logFile) std::fclose(g_logFile);
    g_logFile = f;
    return true;
}

void logLine(LogLevel level, const std::string& message) {
    if (static_cast<int>(level) < g_logLevel.load()) return;
    const auto now = std::chrono::system_clock::now();
    const std::time_t secs = std::chrono::system_clock::to_time_t(now);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char stamp[96];
    std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(ms));
    std::lock_guard lock(g_logMutex);
    std::FILE* out = g_logFile ? g_logFile : stderr;
    std::fprintf(out, "%s %s %s\n", stamp, levelName(level), message.c_str());
    std::fflush(out);
}

// ---- metrics -----------------------------------------------------------------------

void Metrics::recordRequest(const std::string& route, const std::string& method, int status,
                            double seconds) {
    std::lock_guard lock(m_mutex);
    ++m_requests[route + '\t' + method + '\t' + std::to_string(status)];
    if (!isLatencyRoute(route)) return;
    Histogram& h = m_latency[route];
    if (h.buckets.empty()) h.buckets.assign(kBucketCount, 0);
    for (std::size_t i = 0; i < kBucketCount; ++i)
        if (seconds <= kBounds[i]) ++h.buckets[i];
    h.sum += seconds;
    ++h.count;
}

void Metrics::recordChanges(std::size_t applied, std::size_t duplicates,
                            const std::map<std::string, std::size_t>& refusedByCode) {
    std::lock_guard lock(m_mutex);
    m_applied += applied;
    m_duplicates += duplicates;
    for (const auto& [code, n] : refusedByCode) m_refused[code] += n;
}

void Metrics::recordBlobUpload(const std::string& outcome) {
    std::lock_guard lock(m_mutex);
    if (outcome == "completed")
        ++m_blobsCompleted;
    else
        ++m_blobsRefused[outcome];
}

void Metrics::setBlobBytes(std::uint64_t bytes) {
    std::lock_guard lock(m_mutex);
    m_blobBytes = static_cast<std::int64_t>(bytes);
}

void Metrics::addBlobBytes(std::int64_t delta) {
    std::lock_guard lock(m_mutex);
    m_blobBytes = std::max<std::int64_t>(0, m_blobBytes + delta);
}

std::string Metrics::render(const std::string& extra) const {
    std::ostringstream out;
    std::lock_guard lock(m_mutex);
    out << "# HELP nghedan_http_requests_total HTTP requests by route, method and status.\n"
           "# TYPE nghedan_http_requests_total counter\n";
    for (const auto& [key, n] : m_requests) {
        const auto a = key.find('\t'), b = key.find('\t', a + 1);
        out << "nghedan_http_requests_total{route=\"" << escapeLabel(key.substr(0, a))
            << "\",method=\"" << key.substr(a + 1, b - a - 1) << "\",status=\"" << key.substr(b + 1)
            << "\"} " << n << '\n';
    }
    out << "# HELP nghedan_changes_applied_total Pushed changes stored.\n"
           "# TYPE nghedan_changes_applied_total counter\n"
           "nghedan_changes_applied_total "
        << m_applied
        << "\n# HELP nghedan_changes_duplicate_total Pushed changes already known (skipped).\n"
           "# TYPE nghedan_changes_duplicate_total counter\n"
           "nghedan_changes_duplicate_total "
        << m_duplicates
        << "\n# HELP nghedan_changes_refused_total Pushed changes refused, by reason.\n"
           "# TYPE nghedan_changes_refused_total counter\n";
    for (const auto& [code, n] : m_refused)
        out << "nghedan_changes_refused_total{code=\"" << escapeLabel(code) << "\"} " << n << '\n';
    out << "# HELP nghedan_request_duration_seconds Latency of sync and login requests.\n"
           "# TYPE nghedan_request_duration_seconds histogram\n";
    for (const auto& [route, h] : m_latency) {
        const std::string label = "route=\"" + escapeLabel(route) + "\"";
        for (std::size_t i = 0; i < kBucketCount; ++i)
            out << "nghedan_request_duration_seconds_bucket{" << label << ",le=\"" << kBounds[i]
                << "\"} " << h.buckets[i] << '\n';
        out << "nghedan_request_duration_seconds_bucket{" << label << ",le=\"+Inf\"} " << h.count
            << '\n'
            << "nghedan_request_duration_seconds_sum{" << label << "} " << h.sum << '\n'
            << "nghedan_request_duration_seconds_count{" << label << "} " << h.count << '\n';
    }
    out << "# HELP nghedan_blob_bytes Bytes of complete blobs (attachments) stored.\n"
           "# TYPE nghedan_blob_bytes gauge\n"
           "nghedan_blob_bytes "
        << m_blobBytes
        << "\n# HELP nghedan_blob_uploads_completed_total Blob uploads whose every byte was "
           "checked and stored.\n"
           "# TYPE nghedan_blob_uploads_completed_total counter\n"
           "nghedan_blob_uploads_completed_total "
        << m_blobsCompleted
        << "\n# HELP nghedan_blob_uploads_refused_total Blob uploads refused, by reason.\n"
           "# TYPE nghedan_blob_uploads_refused_total counter\n";
    for (const auto& [code, n] : m_blobsRefused)
        out << "nghedan_blob_uploads_refused_total{code=\"" << escapeLabel(code) << "\"} " << n
            << '\n';
    out << extra;
    return out.str();
}

std::string routeLabel(const std::string& path, int status) {
    if (status == 404 && path.rfind("/api/", 0) != 0) return "unmatched";
    if (path == "/healthz" || path == "/metrics") return path;
    if (path.rfind("/api/", 0) != 0) return "static";
    if (status == 404) return "unmatched";
    std::string out;
    std::size_t start = 1;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        const std::string segment = path.substr(start, end - start);
        out += '/';
        out += isIdLike(segment) ? ":id" : segment;
        start = end + 1;
    }
    return out;
}

// ---- requests ------------------------------------------------------------------------

std::int64_t serverNowMs() {
    return systemMillis();
}

void sendError(httplib::Response& res, int status, const std::string& code,
               const std::string& message) {
    res.status = status;
    const Json body{{"error", {{"code", code}, {"message", message}}},
                    {"serverTime", serverNowMs()}};
    res.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json");
}

void sendJson(httplib::Response& res, const Json& body, int status) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json");
}

std::optional<Json> parseJsonText(const std::string& text, httplib::Response& res) {
    constexpr std::size_t kMaxDepth = 64;
    if (jsonDepth(text, kMaxDepth) > kMaxDepth) {
        sendError(res, 400, "malformed_json", "JSON nested deeper than 64 levels");
        return std::nullopt;
    }
    Json parsed = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) {
        sendError(res, 400, "malformed_json", "the request body is not valid JSON");
        return std::nullopt;
    }
    return parsed;
}

namespace {

constexpr std::size_t kLoginBodyBytes = 16 * 1024;
constexpr std::size_t kSmallBodyBytes = 64 * 1024;
constexpr std::size_t kDashboardWriteBodyBytes = 256 * 1024;

bool parseUint(const std::string& text, std::uint64_t& out) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end && !text.empty();
}

bool hasBody(const httplib::Request& req) {
    return req.has_header("Transfer-Encoding") ||
           (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0");
}

bool isDashboardWrite(const std::string& path) {
    static const std::regex write(
        R"(/api/v1/(petitions/[0-9A-Za-z_-]{1,64}/handling|directives(/[0-9A-Za-z_-]{1,64})?|updates|privacy/erase))");
    return std::regex_match(path, write);
}

}  // namespace

std::size_t bodyLimit(const Context& ctx, const httplib::Request& req) {
    if (req.method == "PUT" && req.path.rfind("/api/v1/blobs/", 0) == 0) return kMaxBlobPieceBytes;
    if (req.method != "POST") return 0;
    const std::string& p = req.path;
    if (p == "/api/v1/sync/push" || p == "/api/v1/sync/sealed") return ctx.settings.maxBodyBytes;
    if (p == "/api/v1/auth/login") return kLoginBodyBytes;
    if (p == "/api/v1/auth/logout" || p == "/api/v1/sync/pull" || p == "/api/v1/sync/snapshot" ||
        p == "/api/v1/sync/wiped")
        return kSmallBodyBytes;
    if (isDashboardWrite(p)) return kDashboardWriteBodyBytes;
    // A directive's result file from the dashboard (routes/attachments_web.cpp).
    static const std::regex upload(R"(/api/v1/directives/[0-9A-Za-z_-]{1,64}/attachments)");
    if (std::regex_match(p, upload))
        return static_cast<std::size_t>(ctx.settings.attachmentLimits.maxFileBytes);
    return 0;
}

namespace {

void refuseBody(httplib::Response& res, std::size_t limit) {
    sendError(res, 413, "body_too_large",
              limit == 0 ? std::string("this request takes no body")
                         : "the request body is larger than " + std::to_string(limit) + " bytes");
    res.set_header("Connection", "close");  // the rest of the body is never read
}

}  // namespace

std::optional<std::string> readBody(const Context& ctx, const httplib::Request& req,
                                    httplib::Response& res, const httplib::ContentReader& reader) {
    // A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112 6.3);
    // httplib would wait for the connection to close instead.
    if (!req.has_header("Content-Length") && !req.has_header("Transfer-Encoding"))
        return std::string();
    const std::size_t limit = bodyLimit(ctx, req);
    std::string body;
    bool tooLarge = false;
    const bool ok = reader([&](const char* data, std::size_t size) {
        if (body.size() + size > limit) {
            tooLarge = true;
            return false;  // stop reading: the connection closes with the 413
        }
        body.append(data, size);
        return true;
    });
    const bool late = GuardedServer::deadlinePassed();
    GuardedServer::bodyReadHook();
    if (late) {
        sendError(res, 408, "request_timeout", "the request body did not arrive in time");
        res.set_header("Connection", "close");
        return std::nullopt;
    }
    if (tooLarge || res.status == 413) {
        refuseBody(res, limit);
        return std::nullopt;
    }
    if (!ok) {
        sendError(res, 400, "bad_body",
                  "the request body could not be read (broken chunked or gzip encoding)");
        res.set_header("Connection", "close");
        return std::nullopt;
    }
    return body;
}

std::optional<Json> readJsonObject(const Context& ctx, const httplib::Request& req,
                                   httplib::Response& res, const httplib::ContentReader& reader) {
    auto body = readBody(ctx, req, res, reader);
    if (!body) return std::nullopt;
    auto json = parseJsonText(*body, res);
    if (!json) return std::nullopt;
    if (!json->is_object()) {
        sendError(res, 400, "invalid_request", "the request body must be a JSON object");
        return std::nullopt;
    }
    return json;
}

bool readUnsigned(const Json& body, const char* key, std::uint64_t fallback, std::uint64_t& out,
                  httplib::Response& res) {
    const auto it = body.find(key);
    if (it == body.end() || it->is_null()) {
        out = fallback;
        return true;
    }
    if (!it->is_number_unsigned()) {
        sendError(res, 400, "invalid_request",
                  std::string("'") + key + "' must be a non-negative integer");
        return false;
    }
    out = it->get<std::uint64_t>();
    return true;
}

std::string requestOrigin(const Context& ctx, const httplib::Request& req) {
    const std::string host = req.get_header_value("Host");
    if (host.empty() || host.size() > 255 ||
        host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                               "0123456789.-:[]") != std::string::npos)
        return {};
    return std::string(ctx.viaHttps(req) ? "https" : "http") + "://" + host;
}

std::string clientAddress(const Context& ctx, const httplib::Request& req) {
    if (ctx.viaProxy(req)) {
        const std::string forwarded = req.get_header_value("X-Real-IP");
        if (!forwarded.empty() && forwarded.size() <= 45 &&
            forwarded.find_first_not_of("0123456789abcdefABCDEF.:") == std::string::npos)
            return forwarded;
    }
    return req.remote_addr;
}

void installCommonHandlers(httplib::Server& server, Context& ctx) {
    server.set_pre_routing_handler([&ctx](const httplib::Request& req, httplib::Response& res) {
        t_requestStart = std::chrono::steady_clock::now();
        GuardedServer::headReadHook(req);
        takeAcceptEncoding(req);
        res.set_header("X-Server-Time", std::to_string(serverNowMs()));
        // /api/v<N>/... with N != 1: an app too old (or too new) for this server.
        if (req.path.rfind("/api/v", 0) == 0) {
            const std::size_t slash = req.path.find('/', 6);
            const std::string version =
                req.path.substr(6, slash == std::string::npos ? std::string::npos : slash - 6);
            if (version != "1" && !version.empty() &&
                version.find_first_not_of("0123456789") == std::string::npos) {
                sendError(res, 410, "unsupported_version",
                          "Phiên bản ứng dụng không còn được hỗ trợ (API v" + version +
                              "); vui lòng cập nhật ứng dụng.");
                res.set_header("Connection", "close");
                return httplib::Server::HandlerResponse::Handled;
            }
        }
        // A body the route does not take, or larger than it takes by its Content-Length, is
        // refused before any of it is read.
        if (hasBody(req)) {
            const std::size_t limit = bodyLimit(ctx, req);
            const std::string length = req.get_header_value("Content-Length");
            std::uint64_t declared = 0;
            if (limit == 0 || (!length.empty() && (!parseUint(length, declared) || declared > limit))) {
                refuseBody(res, limit);
                return httplib::Server::HandlerResponse::Handled;
            }
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                                     httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        switch (res.status) {
            case 404:
                sendError(res, 404, "not_found", "no such path: " + req.path);
                break;
            case 413:
                sendError(res, 413, "body_too_large", "the request body is larger than the limit");
                break;
            case 400:
                sendError(res, 400, "bad_request", "the request could not be read");
                break;
            case 405:
                sendError(res, 405, "method_not_allowed", "method not allowed");
                break;
            default:
                sendError(res, res.status, "http_error",
                          "HTTP error " + std::to_string(res.status));
        }
        return httplib::Server::HandlerResponse::Handled;
    }));
    server.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "unknown exception";
            try {
                if (ep) std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            logLine(LogLevel::Error, "exception in " + req.method + " " + req.path + ": " + what);
            sendError(res, 500, "internal", "internal server error");
        });
    // Metrics are recorded before the response is written (so a client that reads /metrics
    // right after a reply sees it counted); the log line after, with the full time.
    server.set_post_routing_handler([&ctx](const httplib::Request& req, httplib::Response& res) {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t_requestStart)
                .count();
        if (ctx.metrics)
            ctx.metrics->recordRequest(routeLabel(req.path, res.status), req.method, res.status,
                                       seconds);
        // Over HTTPS, browsers are told to come back only over HTTPS for a year.
        if (ctx.viaHttps(req))
            res.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        compressReply(res);
    });
    server.set_logger([&ctx](const httplib::Request& req, const httplib::Response& res) {
        GuardedServer::replyWrittenHook(res);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t_requestStart)
                .count();
        // Path only: never the query string, headers or body (tokens, passwords).
        char ms[32];
        std::snprintf(ms, sizeof ms, "%.1f", seconds * 1000);
        logLine(res.status >= 500 ? LogLevel::Error : LogLevel::Info,
                req.method + " " + req.path + " " + std::to_string(res.status) + " " + ms + "ms " +
                    clientAddress(ctx, req));
    });
}

}  // namespace nghedan::server
