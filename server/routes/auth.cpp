// /api/v1/auth/*: login (token for a tablet, cookie session for the dashboard), logout,
// session; and Context::authenticate, used by every other route.

#include <algorithm>
#include <deque>
#include <map>
#include <semaphore>

#include <sodium.h>

#include "../context.h"
#include "../http_util.h"
#include "../users.h"
#include "nghedan/client_version.h"
#include "nghedan/proof.h"

namespace nghedan::server {

/** Failed-login bookkeeping and the bound on concurrent password hashing. */
struct Context::Auth {
    std::mutex mutex;
    std::map<std::string, std::deque<std::int64_t>> failures;  ///< "user\nip" -> times (ms)
    /** Argon2id takes 64 MiB and tens of ms: at most two at once. */
    std::counting_semaphore<2> hashing{2};
    std::once_flag dummyOnce;
    std::string dummyHash;  ///< verified against for unknown users (same cost as a real one)
};

namespace {

constexpr const char* kCookieName = "nghedan_session";

std::string bearerToken(const httplib::Request& req) {
    const std::string header = req.get_header_value("Authorization");
    constexpr std::string_view kPrefix = "Bearer ";
    if (header.size() > kPrefix.size() && header.compare(0, kPrefix.size(), kPrefix) == 0)
        return header.substr(kPrefix.size());
    return {};
}

std::string cookieToken(const httplib::Request& req) {
    const std::string cookies = req.get_header_value("Cookie");
    const std::string key = std::string(kCookieName) + "=";
    std::size_t pos = 0;
    while (pos < cookies.size()) {
        while (pos < cookies.size() && (cookies[pos] == ' ' || cookies[pos] == ';')) ++pos;
        std::size_t end = cookies.find(';', pos);
        if (end == std::string::npos) end = cookies.size();
        if (cookies.compare(pos, key.size(), key) == 0)
            return cookies.substr(pos + key.size(), end - pos - key.size());
        pos = end;
    }
    return {};
}

bool safeMethod(const std::string& method) {
    return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

bool equalConstantTime(const std::string& a, const std::string& b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Json userJson(const Account& a) {
    return Json{{"username", a.username},
                {"displayName", a.displayName},
                {"role", a.role},
                {"scopeUnit", a.scopeUnit}};
}

/** The session cookie's attributes: never readable by scripts, never sent cross-site, and
 *  over HTTPS never sent over plain HTTP. */
std::string cookieAttributes(const Context& ctx, const httplib::Request& req) {
    return std::string("; HttpOnly; SameSite=Strict; Path=/") +
           (ctx.viaHttps(req) ? "; Secure" : "");
}

struct Refused {
    int status;
    std::string code;
    std::string message;
};

/** Binds a tablet's public key to its device id (its replica's site), under ctx.mutex: the
 *  first login of a device registers the key; every later login must bring the same key. A
 *  device id known only from changes made before keys existed (an app updated since) takes
 *  a key only from a user who has signed in on that device before. */
std::optional<Refused> bindDeviceKey(Context& ctx, Store& users, const std::string& username,
                                     const std::string& device, const std::string& publicKey) {
    auto known = ctx.store->siteKey(device);
    if (!known) return Refused{500, "internal", "could not read the device's key"};
    if (*known && (*known)->validThrough)
        return Refused{403, "device_revoked",
                       "Thiết bị này đã bị thu hồi quyền đồng bộ; vui lòng liên hệ quản trị viên."};
    if (*known && !(*known)->publicKey.empty() && (*known)->publicKey != publicKey)
        return Refused{409, "device_key_mismatch",
                       "Mã thiết bị này đã được đăng ký với một khóa khác; vui lòng cài lại "
                       "ứng dụng."};
    if (*known && (*known)->publicKey.empty()) {
        auto used = users.userUsedDevice(username, device);
        if (!used || !*used)
            return Refused{409, "device_key_mismatch",
                           "Thiết bị này chưa từng được " + username +
                               " dùng; chỉ người đã đăng nhập trên thiết bị mới đăng ký khóa "
                               "cho nó."};
    }
    if (Status s = ctx.store->learnSiteKey({device, publicKey, 0, std::nullopt}); !s)
        return Refused{500, "internal", "could not store the device's key"};
    return std::nullopt;
}

/** A device ordered to wipe may still send what it holds (push; state to find the server's
 *  epoch) and say it wiped, nothing else: its other requests get 403 "device_wipe". Once
 *  wiped, every request gets 403 "device_revoked". False when refused (answered). */
bool wipeOrderAllows(Context& ctx, const httplib::Request& req, httplib::Response& res,
                     const Session& session) {
    Result<std::string> state = std::string();
    {
        std::lock_guard lock(ctx.mutex);
        state = ctx.store->deviceWipeState(session.deviceSite);
        if (state && *state == "wiped")
            (void)ctx.store->audit(serverNowMs(), session.account.username,
                                   "device_revoked_refused",
                                   session.deviceSite + " " + req.method + " " + req.path,
                                   clientAddress(ctx, req));
    }
    if (!state) {
        sendError(res, 500, "internal", "could not read the device's state");
        return false;
    }
    if (state->empty()) return true;
    if (*state == "wiped") {
        logLine(LogLevel::Warn, "request from wiped device " + session.deviceSite + " refused");
        sendError(res, 403, "device_revoked",
                  "Thiết bị này đã bị thu hồi quyền đồng bộ; vui lòng liên hệ quản trị viên.");
        return false;
    }
    if (req.path == "/api/v1/sync/push" || req.path == "/api/v1/sync/wiped" ||
        req.path == "/api/v1/sync/state")
        return true;
    sendError(res, 403, "device_wipe",
              "Thiết bị này phải xóa dữ liệu: gửi các thay đổi chưa gửi, xóa dữ liệu rồi báo "
              "/api/v1/sync/wiped.");
    return false;
}

/** Drops failures older than the window; returns how many remain. */
std::size_t recentFailures(std::deque<std::int64_t>& times, std::int64_t now, std::int64_t window) {
    while (!times.empty() && times.front() <= now - window) times.pop_front();
    return times.size();
}

void handleLogin(Context& ctx, const httplib::Request& req, httplib::Response& res,
                 const httplib::ContentReader& reader) {
    auto body = readJsonObject(ctx, req, res, reader);
    if (!body) return;
    const Json& b = *body;
    const auto str = [&](const char* key) -> const Json* {
        const auto it = b.find(key);
        return it != b.end() && it->is_string() ? &*it : nullptr;
    };
    const Json* username = str("username");
    const Json* password = str("password");
    if (!username || !password || username->get_ref<const std::string&>().empty() ||
        username->get_ref<const std::string&>().size() > 64 ||
        password->get_ref<const std::string&>().size() > 1024) {
        sendError(res, 400, "invalid_request",
                  "login needs \"username\" (1-64 characters) and \"password\" strings");
        return;
    }
    bool cookie = false;
    if (const auto it = b.find("cookie"); it != b.end()) {
        if (!it->is_boolean()) {
            sendError(res, 400, "invalid_request", "\"cookie\" must be true or false");
            return;
        }
        cookie = it->get<bool>();
    }
    std::string device;
    if (const Json* d = str("device"))
        device = d->get<std::string>();
    else if (b.contains("device") && !b["device"].is_null()) {
        sendError(res, 400, "invalid_request", "\"device\" must be a string");
        return;
    }
    if (!device.empty() && !isValidSiteId(device)) {
        sendError(res, 400, "invalid_request",
                  "\"device\" must be the tablet replica's site id (32 lowercase hex digits)");
        return;
    }
    if (device.empty() && !cookie) {
        sendError(res, 400, "invalid_request", "a tablet login needs \"device\" (its site id)");
        return;
    }
    // An app version this server does not take (too old; or newer, before the server is
    // updated) does not sign in (client_version.h). The dashboard is this server's own.
    if (!cookie) {
        if (auto refused = clientVersionRefusal(req.get_header_value(kClientVersionHeader))) {
            sendError(res, versionRefusalStatus(refused->code), refused->code, refused->message);
            return;
        }
    }
    // A tablet proves its changes with a key made on it; an app that has none is too old.
    std::string publicKey;
    if (!cookie) {
        if (const Json* k = str("publicKey")) publicKey = k->get<std::string>();
        if (publicKey.empty()) {
            sendError(res, 410, "update_required",
                      "Phiên bản ứng dụng này chưa ký các thay đổi; vui lòng cập nhật ứng dụng.");
            return;
        }
        if (!isValidPublicKey(publicKey)) {
            sendError(res, 400, "invalid_request",
                      "\"publicKey\" must be the device's Ed25519 public key (base64url)");
            return;
        }
        const Json* proof = str("keyProof");
        if (!proof || !messageSignatureValid(
                          keyProofMessage(device, username->get<std::string>(), publicKey),
                          proof->get<std::string>(), publicKey)) {
            sendError(res, 400, "invalid_request",
                      "\"keyProof\" must be the device's signature of keyProofMessage: a "
                      "device registers only a key it holds");
            return;
        }
    } else {
        device.clear();  // a dashboard session is never a device
    }

    const std::string& name = username->get_ref<const std::string&>();
    const std::string ip = clientAddress(ctx, req);
    const std::string limitKey = name + '\n' + ip;
    Context::Auth& auth = *ctx.auth;
    const std::int64_t now = serverNowMs();
    {
        std::lock_guard lock(auth.mutex);
        auto& times = auth.failures[limitKey];
        if (recentFailures(times, now, ctx.settings.failedLoginWindowMs) >=
            static_cast<std::size_t>(ctx.settings.maxFailedLogins)) {
            const std::int64_t wait = times.front() + ctx.settings.failedLoginWindowMs - now;
            res.set_header("Retry-After",
                           std::to_string(std::max<std::int64_t>(1, wait / 1000 + 1)));
            sendError(res, 429, "too_many_attempts",
                      "Đăng nhập sai quá nhiều lần; vui lòng thử lại sau ít phút.");
            return;
        }
    }

    std::optional<std::string> hash;
    {
        std::lock_guard lock(ctx.mutex);
        auto found = ctx.store->passwordHashOf(name);
        if (!found) {
            logLine(LogLevel::Error, "login: " + found.error().message);
            sendError(res, 500, "internal", "could not read the user");
            return;
        }
        hash = *found;
    }
    bool ok = false;
    {
        auth.hashing.acquire();
        if (hash) {
            ok = verifyPassword(*hash, password->get<std::string>());
        } else {
            std::call_once(auth.dummyOnce, [&auth] {
                auto dummy = hashPassword("nghedan-dummy-password");
                if (dummy) auth.dummyHash = *dummy;
            });
            (void)verifyPassword(auth.dummyHash, password->get<std::string>());
        }
        auth.hashing.release();
    }
    if (!ok) {
        {
            std::lock_guard lock(auth.mutex);
            auth.failures[limitKey].push_back(now);
        }
        {
            std::lock_guard lock(ctx.mutex);
            (void)ctx.store->audit(now, name, "login_failed", "", ip);
        }
        logLine(LogLevel::Warn, "login failed for '" + name + "' from " + ip);
        sendError(res, 401, "invalid_credentials", "Tên đăng nhập hoặc mật khẩu không đúng.");
        return;
    }
    {
        std::lock_guard lock(auth.mutex);
        auth.failures.erase(limitKey);
    }

    const std::string token = newSessionToken();
    const std::int64_t expiresAt = now + ctx.settings.sessionTtlMs;
    std::optional<Account> account;
    {
        std::lock_guard lock(ctx.mutex);
        Store& users = *ctx.store;
        if (!cookie) {
            if (auto refused = bindDeviceKey(ctx, users, name, device, publicKey)) {
                if (refused->status != 500)
                    (void)users.audit(now, name, "device_key_refused",
                                      "device " + device + ": " + refused->code, ip);
                sendError(res, refused->status, refused->code, refused->message);
                return;
            }
        }
        const Status st = users.createSession(token, name, cookie ? "cookie" : "bearer", device,
                                              now, expiresAt, ip);
        auto found = users.findUser(name);
        if (!st || !found || !*found) {
            logLine(LogLevel::Error, "login: could not store the session");
            sendError(res, 500, "internal", "could not store the session");
            return;
        }
        account = **found;
        (void)users.audit(now, name, "login", cookie ? "web" : "device " + device, ip);
    }
    Json out{{"expiresAt", expiresAt},
             {"user", userJson(*account)},
             {"epoch", ctx.epoch},
             {"minClientVersion", kMinClientVersion},
             {"serverTime", serverNowMs()}};
    // What a file and a record may carry (the tablet checks before it stores a file).
    const AttachmentLimits& limits = ctx.settings.attachmentLimits;
    out["attachment_limits"] = Json{{"max_file_bytes", limits.maxFileBytes},
                                    {"max_per_record", limits.maxPerRecord},
                                    {"max_record_bytes", limits.maxRecordBytes}};
    if (!cookie) {
        // What a tablet seals its unsent changes to before a wipe, and how long it may stay
        // unsynced before its data stays locked.
        std::lock_guard lock(ctx.mutex);
        if (auto sealKey = ctx.store->meta("seal_public_key")) out["sealKey"] = *sealKey;
        out["maxOfflineDays"] = ctx.settings.maxOfflineDays;
    }
    if (cookie) {
        out["csrf"] = csrfTokenFor(token);
        res.set_header("Set-Cookie", std::string(kCookieName) + "=" + token +
                                         cookieAttributes(ctx, req) + "; Max-Age=" +
                                         std::to_string(ctx.settings.sessionTtlMs / 1000));
    } else {
        out["token"] = token;
    }
    sendJson(res, out);
}

}  // namespace

std::optional<User> Context::authenticate(const httplib::Request& req, httplib::Response& res) {
    std::string token = bearerToken(req);
    const bool viaCookie = token.empty();
    if (viaCookie) token = cookieToken(req);
    if (token.empty() || token.size() > 200) {
        sendError(res, 401, "unauthorized", "Cần đăng nhập (thiếu mã phiên).");
        return std::nullopt;
    }
    std::optional<Session> session;
    {
        std::lock_guard lock(mutex);
        auto found = store->findSession(token);
        if (!found) {
            logLine(LogLevel::Error, "authenticate: " + found.error().message);
            sendError(res, 500, "internal", "could not read the session");
            return std::nullopt;
        }
        session = std::move(*found);
        if (session && session->expiresAt <= serverNowMs()) {
            (void)store->deleteSession(token);
            sendError(res, 401, "token_expired",
                      "Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại.");
            return std::nullopt;
        }
    }
    if (!session) {
        // A tablet ordered to wipe keeps its token, even when its user was disabled since.
        std::lock_guard lock(mutex);
        auto found = store->findWipeSession(token);
        if (found && *found && (*found)->expiresAt > serverNowMs()) session = std::move(*found);
    }
    if (!session) {
        sendError(res, 401, "invalid_token", "Mã phiên không hợp lệ; vui lòng đăng nhập lại.");
        return std::nullopt;
    }
    if (!session->deviceSite.empty() && !wipeOrderAllows(*this, req, res, *session))
        return std::nullopt;
    // A session is what it was issued as: a dashboard cookie only as the cookie (with CSRF on
    // writes), a device token only as a Bearer token.
    if (session->kind != (viaCookie ? "cookie" : "bearer")) {
        sendError(res, 401, "invalid_token",
                  viaCookie ? "a device token is sent only as \"Authorization: Bearer\""
                            : "a dashboard session is sent only as its cookie");
        return std::nullopt;
    }
    if (viaCookie && !safeMethod(req.method) &&
        !equalConstantTime(req.get_header_value("X-CSRF-Token"), csrfTokenFor(token))) {
        sendError(res, 403, "csrf_failed", "missing or wrong X-CSRF-Token header");
        return std::nullopt;
    }
    User user;
    user.username = session->account.username;
    user.displayName = session->account.displayName;
    user.role = session->account.role;
    user.scopeUnit = session->account.scopeUnit;
    user.deviceSite = session->deviceSite;
    return user;
}

bool Context::viaHttps(const httplib::Request& req) const {
    if (settings.tls) return true;
    return viaProxy(req) && req.get_header_value("X-Forwarded-Proto") == "https";
}

void registerAuthRoutes(httplib::Server& server, Context& ctx) {
    if (!ctx.auth) ctx.auth = std::make_shared<Context::Auth>();

    server.Post("/api/v1/auth/login", [&ctx](const httplib::Request& req, httplib::Response& res,
                                             const httplib::ContentReader& reader) {
        handleLogin(ctx, req, res, reader);
    });

    server.Post("/api/v1/auth/logout", [&ctx](const httplib::Request& req, httplib::Response& res,
                                              const httplib::ContentReader& reader) {
        const auto user = ctx.authenticate(req, res);
        if (!user) return;  // its body stays unread: the connection closes (GuardedServer)
        if (!readBody(ctx, req, res, reader)) return;
        std::string token = bearerToken(req);
        const bool viaCookie = token.empty();
        if (viaCookie) token = cookieToken(req);
        {
            std::lock_guard lock(ctx.mutex);
            Store& users = *ctx.store;
            (void)users.deleteSession(token);
            (void)users.audit(serverNowMs(), user->username, "logout", "", clientAddress(ctx, req));
        }
        if (viaCookie)
            res.set_header("Set-Cookie",
                           std::string(kCookieName) + "=" + cookieAttributes(ctx, req) + "; Max-Age=0");
        sendJson(res, Json{{"ok", true}, {"epoch", ctx.epoch}, {"serverTime", serverNowMs()}});
    });

    server.Get("/api/v1/auth/session", [&ctx](const httplib::Request& req, httplib::Response& res) {
        const auto user = ctx.authenticate(req, res);
        if (!user) return;
        Json out{{"user",
                  {{"username", user->username},
                   {"displayName", user->displayName},
                   {"role", user->role},
                   {"scopeUnit", user->scopeUnit}}},
                 {"device", user->deviceSite},
                 {"epoch", ctx.epoch},
                 {"serverTime", serverNowMs()}};
        if (bearerToken(req).empty()) out["csrf"] = csrfTokenFor(cookieToken(req));
        sendJson(res, out);
    });
}

}  // namespace nghedan::server
