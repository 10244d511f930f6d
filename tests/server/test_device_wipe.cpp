// Remote wipe and sealed outboxes, server side: a device ordered to wipe may still push and
// say it wiped, nothing else; its key is then revoked. A sealed outbox is applied like a push
// from the user's own (wiped) device, and nothing else is.

#include <catch2/catch.hpp>

#include "admin.h"
#include "nghedan/sealed.h"
#include "test_server.h"

using namespace nghedan;
using namespace nghedan::testing;

namespace {

const std::string kTabletA = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
const std::string kTabletB = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";
const std::string kTabletC = "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3";

Change petitionOf(const std::string& site, std::uint64_t seq, const std::string& id,
                  const std::string& author = "canbo.q3") {
    return makeChange(site, seq, "petition", id, "q3-p4-kp5", author,
                      petitionFields("Kiến nghị " + id));
}

std::string sealKeyOf(const std::string& base, const std::string& user, const std::string& site) {
    const Reply r = jsonPost(base, "/api/v1/auth/login", deviceLogin(user, kTestPassword, site));
    REQUIRE(r.status == 200);
    REQUIRE(r.body.contains("sealKey"));
    CHECK(r.body["maxOfflineDays"] == 14);
    return r.body["sealKey"].get<std::string>();
}

std::string sealedOutbox(const std::string& key, const std::string& site,
                         const std::vector<Change>& changes) {
    Json content = pushBody(changes);
    content["site"] = site;
    auto box = sealTo(key, content.dump());
    REQUIRE(box);
    return *box;
}

bool hasPetition(InProcessServer& server, const std::string& id) {
    std::lock_guard lock(server.context().mutex);
    auto found = server.context().store->get("petition", id);
    return found && found->has_value();
}

}  // namespace

TEST_CASE("a sealed outbox of the user's own wiped tablet is applied like its push",
          "[sync][wipe][sealed]") {
    InProcessServer server;
    seedTestTree(server.context());
    const std::string base = server.baseUrl();
    const std::string key = sealKeyOf(base, "canbo.q3", kTabletA);
    CHECK(isValidSealKey(key));
    // The tablet was wiped (wrong PINs); the official signs in again on a new install.
    const std::string token = login(base, "canbo.q3", kTestPassword, kTabletB);
    const std::string box = sealedOutbox(
        key, kTabletA, {petitionOf(kTabletA, 1, "pa1"), petitionOf(kTabletA, 2, "pa2")});
    const Reply r = jsonPost(base, "/api/v1/sync/sealed", Json{{"sealed", box}}, token);
    REQUIRE(r.status == 200);
    CHECK(r.body["accepted"] == 2);
    CHECK(r.body["refused"].empty());
    CHECK(r.body["site"] == kTabletA);
    CHECK(hasPetition(server, "pa1"));
    CHECK(hasPetition(server, "pa2"));
    // Uploaded twice (the reply was lost): nothing changes.
    const Reply again = jsonPost(base, "/api/v1/sync/sealed", Json{{"sealed", box}}, token);
    CHECK(again.status == 200);
    CHECK(again.body["accepted"] == 0);
    CHECK(again.body["duplicates"] == 2);
}

TEST_CASE("a sealed outbox larger than one push is applied batch by batch",
          "[sync][wipe][sealed]") {
    TestServerOptions options;
    options.settings.maxChangesPerPush = 3;
    InProcessServer server(options);
    seedTestTree(server.context());
    const std::string base = server.baseUrl();
    const std::string key = sealKeyOf(base, "canbo.q3", kTabletA);
    const std::string token = login(base, "canbo.q3", kTestPassword, kTabletB);
    std::vector<Change> changes;
    for (std::uint64_t seq = 1; seq <= 8; ++seq)
        changes.push_back(petitionOf(kTabletA, seq, numbered("pa", seq)));
    const Reply r = jsonPost(base, "/api/v1/sync/sealed",
                             Json{{"sealed", sealedOutbox(key, kTabletA, changes)}}, token);
    REQUIRE(r.status == 200);
    CHECK(r.body["accepted"] == 8);
    CHECK(r.body["highestSeq"][kTabletA] == 8);
    CHECK(hasPetition(server, "pa8"));
}

TEST_CASE("the sealed endpoint refuses another user's site, garbage and oversize boxes",
          "[sync][wipe][sealed][limits]") {
    InProcessServer server;
    seedTestTree(server.context());
    const std::string base = server.baseUrl();
    const std::string key = sealKeyOf(base, "canbo.q12", kTabletC);  // canbo.q12's tablet
    const std::string token = login(base, "canbo.q3", kTestPassword, kTabletB);

    SECTION("a box of another user's device") {
        const Reply r = jsonPost(
            base, "/api/v1/sync/sealed",
            Json{{"sealed",
                  sealedOutbox(key, kTabletC, {petitionOf(kTabletC, 1, "pc1", "canbo.q12")})}},
            token);
        CHECK(r.status == 403);
        CHECK(r.body["error"]["code"] == "not_your_device");
        CHECK_FALSE(hasPetition(server, "pc1"));
    }
    SECTION("a box sealed to another key") {
        const SealKeyPair other = newSealKeyPair();
        const Reply r = jsonPost(base, "/api/v1/sync/sealed",
                                 Json{{"sealed", sealedOutbox(other.publicKey, kTabletB,
                                                              {petitionOf(kTabletB, 1, "pb1")})}},
                                 token);
        CHECK(r.status == 400);
        CHECK(r.body["error"]["code"] == "invalid_sealed");
        CHECK_FALSE(hasPetition(server, "pb1"));
    }
    SECTION("garbage") {
        for (const Json& body : {Json{{"sealed", "not-a-box"}}, Json{{"sealed", 12}},
                                 Json::object(), Json{{"sealed", std::string(200, 'A')}}}) {
            const Reply r = jsonPost(base, "/api/v1/sync/sealed", body, token);
            CHECK(r.status == 400);
            CHECK(r.body["error"]["code"].is_string());
        }
        const Reply text = rawPost(base, "/api/v1/sync/sealed", "{\"sealed\":", authHeaders(token));
        CHECK(text.status == 400);
        // A well sealed box whose content is not changes.
        auto box = sealTo(key, "[1,2,3]");
        const Reply notChanges =
            jsonPost(base, "/api/v1/sync/sealed", Json{{"sealed", *box}}, token);
        CHECK(notChanges.status == 400);
        CHECK(notChanges.body["error"]["code"] == "invalid_sealed");
    }
    SECTION("an oversize body") {
        const Reply r = jsonPost(base, "/api/v1/sync/sealed",
                                 Json{{"sealed", std::string(9u << 20, 'A')}}, token);
        CHECK(r.status == 413);
        CHECK(r.body["error"]["code"].is_string());
    }
    SECTION("without a token") {
        const Reply r = jsonPost(base, "/api/v1/sync/sealed", Json{{"sealed", "x"}});
        CHECK(r.status == 401);
    }
    // The server is still serving.
    CHECK(jsonGet(base, "/api/v1/sync/state", token).status == 200);
}

TEST_CASE("a disabled user's tablet may push and say it wiped, then its key is revoked",
          "[sync][wipe][security]") {
    TempDir dir;
    TestServerOptions options;
    options.dataDir = dir.path();
    InProcessServer server(options);
    seedTestTree(server.context());
    const std::string base = server.baseUrl();
    const std::string token = login(base, "canbo.q3", kTestPassword, kTabletA);
    REQUIRE(jsonPost(base, "/api/v1/sync/push", pushBody({petitionOf(kTabletA, 1, "pa1")}), token)
                .body["accepted"] == 1);
    CHECK_FALSE(
        jsonPost(base, "/api/v1/sync/push", pushBody({petitionOf(kTabletA, 2, "pa2")}), token)
            .body.contains("wipe"));

    REQUIRE(server::runAdminCommand({"user", "disable", "canbo.q3", "--data", dir.path()}) == 0);
    // The user cannot sign in any more; the tablet's token still does its last steps.
    CHECK(jsonPost(base, "/api/v1/auth/login", deviceLogin("canbo.q3", kTestPassword, kTabletA))
              .status == 401);
    CHECK(jsonGet(base, "/api/v1/sync/state", token).status == 200);
    const Reply pushed =
        jsonPost(base, "/api/v1/sync/push", pushBody({petitionOf(kTabletA, 3, "pa3")}), token);
    REQUIRE(pushed.status == 200);
    CHECK(pushed.body["accepted"] == 1);
    CHECK(pushed.body["wipe"] == true);
    CHECK(hasPetition(server, "pa3"));
    for (const char* path : {"/api/v1/sync/pull", "/api/v1/sync/snapshot"}) {
        const Reply r = jsonPost(base, path, Json{{"cursor", 0}}, token);
        CHECK(r.status == 403);
        CHECK(r.body["error"]["code"] == "device_wipe");
    }
    const Reply read = jsonGet(base, "/api/v1/me", token);
    CHECK(read.status == 403);
    CHECK(read.body["error"]["code"] == "device_wipe");

    const Reply wiped = jsonPost(base, "/api/v1/sync/wiped", Json::object(), token);
    REQUIRE(wiped.status == 200);
    CHECK(wiped.body["validThrough"] == 3);
    {
        std::lock_guard lock(server.context().mutex);
        auto key = server.context().store->siteKey(kTabletA);
        REQUIRE(key);
        REQUIRE(key->has_value());
        CHECK((*key)->validThrough == std::optional<std::uint64_t>(3));
        CHECK(*server.context().store->deviceWipeState(kTabletA) == "wiped");
    }
    const Reply later =
        jsonPost(base, "/api/v1/sync/push", pushBody({petitionOf(kTabletA, 4, "pa4")}), token);
    CHECK(later.status == 403);
    CHECK(later.body["error"]["code"] == "device_revoked");
    CHECK_FALSE(hasPetition(server, "pa4"));
    // Every step is in the audit log, no content of any record.
    const std::string log = readFileBytes(server.logFile());
    CHECK(log.find("Kiến nghị") == std::string::npos);
}

TEST_CASE("device disable orders a wipe that device enable withdraws until it is done",
          "[sync][wipe][admin]") {
    TempDir dir;
    TestServerOptions options;
    options.dataDir = dir.path();
    InProcessServer server(options);
    seedTestTree(server.context());
    const std::string base = server.baseUrl();
    const std::string token = login(base, "canbo.q3", kTestPassword, kTabletA);
    CHECK(server::runAdminCommand(
              {"device", "disable", "--site", kTabletC, "--data", dir.path()}) != 0);
    REQUIRE(server::runAdminCommand(
                {"device", "disable", "--site", kTabletA, "--data", dir.path()}) == 0);
    CHECK(jsonPost(base, "/api/v1/sync/pull", Json{{"cursor", 0}}, token).body["error"]["code"] ==
          "device_wipe");
    REQUIRE(server::runAdminCommand(
                {"device", "enable", "--site", kTabletA, "--data", dir.path()}) == 0);
    CHECK(jsonPost(base, "/api/v1/sync/pull", Json{{"cursor", 0}}, token).status == 200);
    // A device not ordered to wipe cannot declare itself wiped.
    CHECK(jsonPost(base, "/api/v1/sync/wiped", Json::object(), token).status == 409);
    REQUIRE(server::runAdminCommand(
                {"device", "disable", "--site", kTabletA, "--data", dir.path()}) == 0);
    REQUIRE(jsonPost(base, "/api/v1/sync/wiped", Json::object(), token).status == 200);
    CHECK(server::runAdminCommand({"device", "enable", "--site", kTabletA, "--data", dir.path()}) !=
          0);
    CHECK(jsonPost(base, "/api/v1/auth/login", deviceLogin("canbo.q3", kTestPassword, kTabletA))
              .body["error"]["code"] == "device_revoked");
}
