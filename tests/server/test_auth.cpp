// Login, logout, sessions and the 401s of every endpoint.

#include <catch2/catch.hpp>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "nghedan/client_version.h"
#include "test_server.h"

using namespace nghedan;
using namespace nghedan::testing;

namespace {

/** The version header of this build's app: the sync routes check it before anything else. */
const std::pair<std::string, std::string> kVersion{kClientVersionHeader,
                                                   std::to_string(kClientVersion)};


const std::string kDevice = "0123456789abcdef0123456789abcdef";

struct Endpoint {
    std::string method, path;
};

const std::vector<Endpoint>& protectedEndpoints() {
    static const std::vector<Endpoint> kEndpoints = {
        {"POST", "/api/v1/sync/push"},     {"POST", "/api/v1/sync/pull"},
        {"POST", "/api/v1/sync/snapshot"}, {"GET", "/api/v1/sync/state"},
        {"POST", "/api/v1/auth/logout"},   {"GET", "/api/v1/auth/session"},
    };
    return kEndpoints;
}

Reply call(const std::string& base, const Endpoint& e, const std::string& token) {
    if (e.method == "GET") return jsonGet(base, e.path, token);
    Json body = e.path.find("push") != std::string::npos ? Json{{"changes", Json::array()}}
                                                         : Json{{"cursor", 0}};
    return jsonPost(base, e.path, body, token);
}

}  // namespace

TEST_CASE("login with the right password returns a token bound to the device", "[auth]") {
    InProcessServer server;
    seedTestTree(server.context());
    const Reply r =
        jsonPost(server.baseUrl(), "/api/v1/auth/login",
                 deviceLogin("canbo.q3", kTestPassword, kDevice));
    REQUIRE(r.status == 200);
    CHECK(r.body["token"].get<std::string>().size() >= 40);
    CHECK(r.body["user"]["username"] == "canbo.q3");
    CHECK(r.body["user"]["role"] == "official");
    CHECK(r.body["user"]["scopeUnit"] == "q3-p4");
    CHECK(r.body["epoch"] == server.context().epoch);
    CHECK(r.body["expiresAt"].get<std::int64_t>() > r.body["serverTime"].get<std::int64_t>());

    const Reply session = jsonGet(server.baseUrl(), "/api/v1/auth/session", r.body["token"]);
    REQUIRE(session.status == 200);
    CHECK(session.body["device"] == kDevice);
}

TEST_CASE("a wrong password or an unknown user is refused with 401", "[auth]") {
    InProcessServer server;
    seedTestTree(server.context());
    for (const auto& [user, password] : std::vector<std::pair<std::string, std::string>>{
             {"canbo.q3", "sai-mat-khau"}, {"khong.co", kTestPassword}}) {
        const Reply r =
            jsonPost(server.baseUrl(), "/api/v1/auth/login",
                     deviceLogin(user, password, kDevice));
        CHECK(r.status == 401);
        CHECK(r.body["error"]["code"] == "invalid_credentials");
    }
}

TEST_CASE("login requests with missing or wrong fields get 400", "[auth]") {
    InProcessServer server;
    for (const Json& body :
         {Json{{"username", "a"}}, Json{{"username", 5}, {"password", "x"}},
          Json{{"username", "a"}, {"password", "x"}},  // no device
          Json{{"username", "a"}, {"password", "x"}, {"device", "not-hex"}}, Json::array()}) {
        const Reply r = jsonPost(server.baseUrl(), "/api/v1/auth/login", body);
        CHECK(r.status == 400);
        CHECK(r.body["error"].contains("code"));
    }
}

TEST_CASE("repeated failed logins are rate-limited per user with 429", "[auth]") {
    InProcessServer server;
    seedTestTree(server.context());
    const std::string base = server.baseUrl();
    auto attempt = [&](const std::string& user, const std::string& password) {
        return jsonPost(base, "/api/v1/auth/login",
                        deviceLogin(user, password, kDevice));
    };
    for (int i = 0; i < 5; ++i) CHECK(attempt("canbo.q3", "sai").status == 401);
    const Reply limited = attempt("canbo.q3", kTestPassword);  // even the right password waits
    CHECK(limited.status == 429);
    CHECK(limited.body["error"]["code"] == "too_many_attempts");
    CHECK(limited.headers.count("Retry-After") == 1);
    // Another user from the same address is not affected.
    CHECK(attempt("canbo.q12", kTestPassword).status == 200);
}

TEST_CASE("every endpoint refuses missing, forged, expired and logged-out tokens with 401",
          "[auth]") {
    InProcessServer server;
    seedTestTree(server.context());
    const std::string base = server.baseUrl();

    const std::string expired = login(base, "canbo.q3", kTestPassword, kDevice);
    REQUIRE(!expired.empty());
    {
        std::lock_guard lock(server.context().mutex);
        // Time passes where the sessions are stored (another connection to the server's file).
        auto db = Database::open(server::databasePath(server.dataDir()));
        REQUIRE(db);
        REQUIRE(db->exec("UPDATE srv_sessions SET expires_at = 1"));
    }
    const std::string loggedOut = login(base, "canbo.q3", kTestPassword, kDevice);
    REQUIRE(jsonPost(base, "/api/v1/auth/logout", Json::object(), loggedOut).status == 200);
    const std::string forged = "Zm9yZ2VkLXRva2VuLXRoYXQtbmV2ZXItZXhpc3RlZC0xMjM0NTY3ODk";

    for (const Endpoint& e : protectedEndpoints()) {
        for (const auto& [label, token] :
             std::vector<std::pair<std::string, std::string>>{{"missing", ""},
                                                              {"forged", forged},
                                                              {"expired", expired},
                                                              {"logged out", loggedOut}}) {
            INFO(e.method << " " << e.path << " with a " << label << " token");
            const Reply r = call(base, e, token);
            CHECK(r.status == 401);
            CHECK(r.body["error"]["code"].is_string());
        }
    }
    // A valid token passes them all.
    const std::string valid = login(base, "canbo.q3", kTestPassword, kDevice);
    for (const Endpoint& e : protectedEndpoints()) {
        if (e.path.find("logout") != std::string::npos) continue;
        INFO(e.method << " " << e.path);
        CHECK(call(base, e, valid).status == 200);
    }
}

TEST_CASE("a disabled user's sessions end", "[auth]") {
    InProcessServer server;
    seedTestTree(server.context());
    const std::string token = login(server.baseUrl(), "canbo.q3", kTestPassword, kDevice);
    REQUIRE(jsonGet(server.baseUrl(), "/api/v1/sync/state", token).status == 200);
    {
        std::lock_guard lock(server.context().mutex);
        REQUIRE(server.context().store->updateUser("canbo.q3", std::nullopt, std::nullopt,
                                                    std::nullopt, std::nullopt, true));
    }
    CHECK(jsonGet(server.baseUrl(), "/api/v1/sync/state", token).status == 401);
    CHECK(login(server.baseUrl(), "canbo.q3", kTestPassword, kDevice).empty());
}

TEST_CASE("a dashboard cookie session is HttpOnly and needs the CSRF token to write", "[auth]") {
    InProcessServer server;
    seedTestTree(server.context());
    const Reply r =
        jsonPost(server.baseUrl(), "/api/v1/auth/login",
                 Json{{"username", "giamsat.q3"}, {"password", kTestPassword}, {"cookie", true}});
    REQUIRE(r.status == 200);
    CHECK_FALSE(r.body.contains("token"));
    const std::string csrf = r.body["csrf"];
    const auto setCookie = r.headers.find("Set-Cookie");
    REQUIRE(setCookie != r.headers.end());
    const std::string cookieLine = setCookie->second;
    CHECK(cookieLine.find("HttpOnly") != std::string::npos);
    CHECK(cookieLine.find("SameSite=Strict") != std::string::npos);
    const std::string cookie = cookieLine.substr(0, cookieLine.find(';'));

    httplib::Client cli(server.baseUrl());
    auto get = cli.Get("/api/v1/auth/session", httplib::Headers{{"Cookie", cookie}});
    REQUIRE(get);
    CHECK(get->status == 200);
    CHECK(Json::parse(get->body)["csrf"] == csrf);

    auto noCsrf = cli.Post("/api/v1/sync/pull", httplib::Headers{{"Cookie", cookie}, kVersion}, "{}",
                           "application/json");
    REQUIRE(noCsrf);
    CHECK(noCsrf->status == 403);
    CHECK(Json::parse(noCsrf->body)["error"]["code"] == "csrf_failed");
    auto withCsrf =
        cli.Post("/api/v1/sync/pull",
                 httplib::Headers{{"Cookie", cookie}, {"X-CSRF-Token", csrf}, kVersion},
                 "{}", "application/json");
    REQUIRE(withCsrf);
    // Past CSRF; but sync is a device's, and a dashboard session has none.
    CHECK(withCsrf->status == 403);
    CHECK(Json::parse(withCsrf->body)["error"]["code"] == "device_required");

    auto out = cli.Post("/api/v1/auth/logout",
                        httplib::Headers{{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, "{}",
                        "application/json");
    REQUIRE(out);
    CHECK(out->status == 200);
    CHECK(out->get_header_value("Set-Cookie").find("Max-Age=0") != std::string::npos);
    auto after = cli.Get("/api/v1/auth/session", httplib::Headers{{"Cookie", cookie}});
    REQUIRE(after);
    CHECK(after->status == 401);
}

TEST_CASE("no password or token appears in clear in the logs or the database file", "[auth]") {
    std::string dataDir, logFile, token;
    TempDir dir;
    {
        TestServerOptions options;
        options.dataDir = dir.path();
        InProcessServer server(options);
        seedTestTree(server.context());
        logFile = server.logFile();
        jsonPost(
            server.baseUrl(), "/api/v1/auth/login",
            deviceLogin("canbo.q3", "sai-mat-khau-123", kDevice));
        token = login(server.baseUrl(), "canbo.q3", kTestPassword, kDevice);
        REQUIRE(!token.empty());
        const Change c = makeChange(kDevice, 1, "petition", "p1", "q3-p4", "canbo.q3",
                                    petitionFields("Đèn đường hỏng"));
        CHECK(jsonPost(server.baseUrl(), "/api/v1/sync/push", pushBody({c}), token).status == 200);
        CHECK(jsonPost(server.baseUrl(), "/api/v1/sync/pull", Json{{"cursor", 0}}, token).status ==
              200);
        // Also a token in a query string (a careless client) must not be logged.
        jsonGet(server.baseUrl(), "/api/v1/sync/state?token=" + token, token);
    }
    std::string everything = readFileBytes(logFile);
    REQUIRE(everything.find("POST /api/v1/sync/push 200") != std::string::npos);
    for (const char* suffix : {"", "-wal", "-shm"})
        everything += readFileBytes(dir.file(std::string("nghedan.db") + suffix));
    CHECK(everything.find(kTestPassword) == std::string::npos);
    CHECK(everything.find("sai-mat-khau-123") == std::string::npos);
    CHECK(everything.find(token) == std::string::npos);
}

namespace {

/** Login as the dashboard does; returns the cookie's name=value and the CSRF token. */
std::pair<std::string, std::string> cookieLogin(const std::string& base,
                                                const httplib::Headers& headers = {}) {
    httplib::Client cli(base);
    auto r = cli.Post("/api/v1/auth/login", headers,
                      Json{{"username", "giamsat.q3"}, {"password", kTestPassword}, {"cookie", true}}
                          .dump(),
                      "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const std::string line = r->get_header_value("Set-Cookie");
    return {line.substr(0, line.find(';')), Json::parse(r->body)["csrf"]};
}

}  // namespace

TEST_CASE("a session works only as what it was issued as: cookie or device token", "[auth]") {
    InProcessServer server;
    seedTestTree(server.context());
    const auto [cookie, csrf] = cookieLogin(server.baseUrl());
    const std::string cookieValue = cookie.substr(cookie.find('=') + 1);
    const std::string token = login(server.baseUrl(), "canbo.q3", kTestPassword, kDevice);
    REQUIRE_FALSE(token.empty());
    httplib::Client cli(server.baseUrl());

    // The cookie's value as a Bearer token: no reads, no writes, no CSRF to skip.
    for (const char* path : {"/api/v1/auth/session", "/api/v1/sync/state"}) {
        INFO(path);
        auto r = cli.Get(path, httplib::Headers{{"Authorization", "Bearer " + cookieValue}, kVersion});
        REQUIRE(r);
        CHECK(r->status == 401);
    }
    auto write = cli.Post("/api/v1/sync/push",
                          httplib::Headers{{"Authorization", "Bearer " + cookieValue}, kVersion},
                          R"({"changes":[]})", "application/json");
    REQUIRE(write);
    CHECK(write->status == 401);
    auto update = cli.Post("/api/v1/updates", httplib::Headers{{"Authorization", "Bearer " + cookieValue}},
                           R"({"parent":"x","text":"y"})", "application/json");
    REQUIRE(update);
    CHECK(update->status == 401);

    // A device token as the cookie: no session and no CSRF value handed out.
    auto asCookie = cli.Get("/api/v1/auth/session",
                            httplib::Headers{{"Cookie", std::string("nghedan_session=") + token}});
    REQUIRE(asCookie);
    CHECK(asCookie->status == 401);
    CHECK(Json::parse(asCookie->body).value("csrf", "") == "");

    // Each as itself still works.
    CHECK(jsonGet(server.baseUrl(), "/api/v1/auth/session", token).status == 200);
    auto own = cli.Get("/api/v1/auth/session", httplib::Headers{{"Cookie", cookie}});
    REQUIRE(own);
    CHECK(own->status == 200);
}

TEST_CASE("a tablet registers the key it holds — another key for its device is refused",
          "[auth][proof]") {
    InProcessServer server;
    seedTestTree(server.context());
    const std::string base = server.baseUrl();
    // No key at all: an app too old to sign.
    Json old{{"username", "canbo.q3"}, {"password", kTestPassword}, {"device", kDevice}};
    const Reply tooOld = jsonPost(base, "/api/v1/auth/login", old);
    CHECK(tooOld.status == 410);
    CHECK(tooOld.body["error"]["code"] == "update_required");
    // A key without proof of holding it (anyone can read a public key).
    Json claimed = deviceLogin("canbo.q3", kTestPassword, kDevice);
    claimed["keyProof"] = signMessage(keyProofMessage(kDevice, "canbo.q12", claimed["publicKey"]),
                                      testDeviceKey(kDevice).secretKey);
    CHECK(jsonPost(base, "/api/v1/auth/login", claimed).status == 400);
    // The real thing, then again, then by a colleague on the same tablet: one key.
    CHECK_FALSE(login(base, "canbo.q3", kTestPassword, kDevice).empty());
    CHECK_FALSE(login(base, "canbo.q3", kTestPassword, kDevice).empty());
    CHECK_FALSE(login(base, "giamsat.q3", kTestPassword, kDevice).empty());
    // Another device's key pair claiming this device id.
    const KeyPair other = newKeyPair();
    Json hijack = deviceLogin("canbo.q12", kTestPassword, kDevice);
    hijack["publicKey"] = other.publicKey;
    hijack["keyProof"] =
        signMessage(keyProofMessage(kDevice, "canbo.q12", other.publicKey), other.secretKey);
    const Reply refused = jsonPost(base, "/api/v1/auth/login", hijack);
    CHECK(refused.status == 409);
    CHECK(refused.body["error"]["code"] == "device_key_mismatch");
    std::lock_guard lock(server.context().mutex);
    auto key = server.context().store->siteKey(kDevice);
    REQUIRE(key.ok());
    REQUIRE(key->has_value());
    CHECK((*key)->publicKey == testDeviceKey(kDevice).publicKey);
}

namespace {

/** A self-signed certificate and key for 127.0.0.1, written as PEM files. */
void writeSelfSignedCertificate(const std::string& certFile, const std::string& keyFile) {
    EVP_PKEY* key = EVP_EC_gen("P-256");
    REQUIRE(key);
    X509* cert = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, key);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    REQUIRE(X509_sign(cert, key, EVP_sha256()) > 0);
    FILE* c = std::fopen(certFile.c_str(), "w");
    FILE* k = std::fopen(keyFile.c_str(), "w");
    REQUIRE((c && k));
    PEM_write_X509(c, cert);
    PEM_write_PrivateKey(k, key, nullptr, nullptr, 0, nullptr, nullptr);
    std::fclose(c);
    std::fclose(k);
    X509_free(cert);
    EVP_PKEY_free(key);
}

}  // namespace

TEST_CASE("over HTTPS the cookie is Secure and replies carry HSTS — over plain HTTP neither",
          "[auth][tls]") {
    TempDir dir;
    const std::string cert = dir.file("cert.pem"), key = dir.file("key.pem");
    writeSelfSignedCertificate(cert, key);
    {
        server::ServerOptions so;
        so.port = 0;
        so.dataDir = dir.file("tls-data");
        so.logFile = dir.file("tls.log");
        so.tlsCert = cert;
        so.tlsKey = key;
        server::ServerApp app(so);
        REQUIRE(app.open());
        auto port = app.start();
        REQUIRE(port);
        seedTestTree(app.context());
        httplib::SSLClient cli("127.0.0.1", *port);
        cli.enable_server_certificate_verification(false);
        auto r = cli.Post("/api/v1/auth/login",
                          Json{{"username", "giamsat.q3"}, {"password", kTestPassword}, {"cookie", true}}
                              .dump(),
                          "application/json");
        REQUIRE(r);
        REQUIRE(r->status == 200);
        CHECK(r->get_header_value("Set-Cookie").find("; Secure") != std::string::npos);
        CHECK(r->get_header_value("Strict-Transport-Security").find("max-age=") == 0);
        auto health = cli.Get("/healthz");
        REQUIRE(health);
        CHECK(health->has_header("Strict-Transport-Security"));
        app.stop();
    }
    // Behind a proxy that ends TLS and says so, and only when the server is told to trust it.
    for (const bool trusted : {true, false}) {
        INFO("trusts X-Forwarded-Proto: " << trusted);
        TestServerOptions options;
        options.settings.trustForwardedProto = trusted;
        InProcessServer server(options);
        seedTestTree(server.context());
        httplib::Client cli(server.baseUrl());
        auto r = cli.Post("/api/v1/auth/login", httplib::Headers{{"X-Forwarded-Proto", "https"}},
                          Json{{"username", "giamsat.q3"}, {"password", kTestPassword}, {"cookie", true}}
                              .dump(),
                          "application/json");
        REQUIRE(r);
        REQUIRE(r->status == 200);
        CHECK((r->get_header_value("Set-Cookie").find("; Secure") != std::string::npos) == trusted);
        CHECK(r->has_header("Strict-Transport-Security") == trusted);
        auto plain = cli.Post("/api/v1/auth/login",
                              Json{{"username", "giamsat.q3"}, {"password", kTestPassword}, {"cookie", true}}
                                  .dump(),
                              "application/json");
        REQUIRE(plain);
        CHECK(plain->get_header_value("Set-Cookie").find("; Secure") == std::string::npos);
        CHECK_FALSE(plain->has_header("Strict-Transport-Security"));
    }
}

TEST_CASE(
    "a tablet app older than the server accepts cannot sign in, and the dashboard is not "
    "asked its version",
    "[auth][compat]") {
    InProcessServer server;
    seedTestTree(server.context());
    const std::string base = server.baseUrl();
    const auto loginAs = [&](const Json& body, const std::string& version) {
        return rawPost(base, "/api/v1/auth/login", body.dump(),
                       httplib::Headers{{kClientVersionHeader, version}});
    };
    const Json tablet = deviceLogin("canbo.q3", kTestPassword, kDevice);
    const Reply tooOld = loginAs(tablet, std::to_string(kMinClientVersion - 1));
    CHECK(tooOld.status == 410);
    CHECK(tooOld.body["error"]["code"] == "client_too_old");
    const Reply tooNew = loginAs(tablet, std::to_string(kClientVersion + 1));
    CHECK(tooNew.status == 409);
    CHECK(tooNew.body["error"]["code"] == "server_too_old");
    CHECK(loginAs(tablet, "5a").status == 400);
    // Without the header: an app from before it, which this server still takes.
    const Reply current = jsonPost(base, "/api/v1/auth/login", tablet);
    CHECK(current.status == 200);
    CHECK(current.body["minClientVersion"] == kMinClientVersion);
    const Json dashboard{{"username", "giamsat.q3"}, {"password", kTestPassword}, {"cookie", true}};
    CHECK(loginAs(dashboard, std::to_string(kMinClientVersion - 1)).status == 200);
}
