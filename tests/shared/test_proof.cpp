#include <catch2/catch.hpp>

#include <filesystem>

#include "test_support.h"

using namespace nghedan;
using namespace nghedan::test;

namespace {

/** The server's push options: contiguous per site, `sender` the pushing device. */
ApplyOptions pushFrom(const std::string& sender) {
    ApplyOptions push;
    push.validation = Validation::Strict;
    push.requireContiguous = true;
    push.sender = sender;
    return push;
}

std::string codeOf(const ApplyReport& report, std::size_t i = 0) {
    REQUIRE(report.refused.size() > i);
    return report.refused[i].error.code;
}

}  // namespace

TEST_CASE("every write is signed by its replica and proves itself to another", "[proof]") {
    TempDir dir;
    auto tablet = openReplica(dir.file("t.db"));
    auto server = openReplica(dir.file("s.db"));
    const Change c = mustWrite(*tablet, {"petition", "p1", "kp5", "an", petitionFields("Đèn hỏng")});
    CHECK(c.sig.size() == 86);
    CHECK(signatureValid(c, tablet->publicKey()));
    CHECK_FALSE(signatureValid(c, server->publicKey()));
    // Unknown to the server until the device's key is registered.
    auto before = server->apply({c}, pushFrom(tablet->siteId()));
    REQUIRE(before.ok());
    CHECK(codeOf(*before) == "unknown_site_key");
    CHECK(server->changeCount() == 0);
    CHECK(before->highestSeq.at(tablet->siteId()) == 0);
    REQUIRE(server->learnSiteKey({tablet->siteId(), tablet->publicKey(), 0, {}}).ok());
    auto after = server->apply({c}, pushFrom(tablet->siteId()));
    REQUIRE(after.ok());
    CHECK(after->applied == 1);
    // The key survives reopening; the same key signs on.
    const std::string key = tablet->publicKey();
    tablet.reset();
    tablet = openReplica(dir.file("t.db"));
    CHECK(tablet->publicKey() == key);
    CHECK(signatureValid(mustWrite(*tablet, {"petition", "p1", "", "an", {{"status", "assigned"}}}),
                         key));
}

TEST_CASE("a change altered anywhere after its device signed it is refused with nothing stored",
          "[proof]") {
    TempDir dir;
    auto tablet = openReplica(dir.file("t.db"));
    auto other = openReplica(dir.file("o.db"));
    auto server = openReplica(dir.file("s.db"));
    introduce({tablet.get(), other.get(), server.get()});
    mustWrite(*tablet, {"petition", "p1", "kp5", "an", petitionFields("Xe khách đậu hẻm")});
    const Change edit = mustWrite(*tablet, {"petition", "p1", "", "an", {{"status", "assigned"}}});
    REQUIRE(server->apply(*tablet->unsent(1), pushFrom(tablet->siteId()))->applied == 1);

    std::vector<std::pair<std::string, Change>> tampered;
    Change c = edit;
    c.set["status"] = "closed";
    tampered.emplace_back("set", c);
    c = edit;
    c.bases["status"] = {{other->siteId(), 1}};
    tampered.emplace_back("bases", c);
    c = edit;
    c.author = "giamsat.q3";
    tampered.emplace_back("author", c);
    c = edit;
    c.hlc += 1;
    tampered.emplace_back("hlc", c);
    c = edit;
    c.sig = std::string(86, 'A');
    tampered.emplace_back("signature", c);
    c = edit;
    c.sig = other->write({"petition", "", "kp5", "x", petitionFields("x")})->sig;
    tampered.emplace_back("another change's signature", c);
    for (const auto& [what, forged] : tampered) {
        INFO("altered: " << what);
        const std::string dump = *server->materialisedDump();
        // Relayed by another device: refused, and the dot stays free for the real change.
        auto relayed = server->apply({forged}, pushFrom(other->siteId()));
        REQUIRE(relayed.ok());
        CHECK(codeOf(*relayed) == "bad_signature");
        CHECK(relayed->highestSeq.at(tablet->siteId()) == 1);
        CHECK(server->changeCount() == 1);
        CHECK(*server->materialisedDump() == dump);
        // On a tablet pulling it: refused too.
        auto pulled = other->apply({forged});
        REQUIRE(pulled.ok());
        CHECK(codeOf(*pulled) == "bad_signature");
    }
    auto genuine = server->apply({edit}, pushFrom(tablet->siteId()));
    REQUIRE(genuine.ok());
    CHECK(genuine->applied == 1);
    CHECK(genuine->refused.empty());
}

TEST_CASE("an unsigned change counts only where it was stored before keys existed", "[proof]") {
    TempDir dir;
    auto tablet = openReplica(dir.file("t.db"));
    auto server = openReplica(dir.file("s.db"));
    mustWrite(*tablet, {"petition", "p1", "kp5", "an", petitionFields("Ngập nước")});
    mustWrite(*tablet, {"petition", "p1", "", "an", {{"status", "assigned"}}});
    auto changes = *tablet->unsent(10);
    for (Change& c : changes) c.sig.clear();
    // A site with only pre-key changes (seq 1) known, then its key.
    REQUIRE(server->learnSiteKey({tablet->siteId(), "", 1, {}}).ok());
    auto report = server->apply(changes, pushFrom(tablet->siteId()));
    REQUIRE(report.ok());
    CHECK(report->applied == 1);
    CHECK(codeOf(*report) == "unsigned_change");
    auto history = server->history("petition", "p1");
    REQUIRE(history.ok());
    REQUIRE_FALSE(history->empty());
    CHECK_FALSE(history->front().proven);  // marked as written before keys
    // The key registered later keeps the mark; a later key claim cannot raise it.
    REQUIRE(server->learnSiteKey({tablet->siteId(), tablet->publicKey(), 1, {}}).ok());
    REQUIRE(server->learnSiteKey({tablet->siteId(), tablet->publicKey(), 99, {}}).ok());
    CHECK((*server->siteKey(tablet->siteId()))->unsignedThrough == 1);
    auto again = server->apply({changes[1]}, pushFrom(tablet->siteId()));
    CHECK(codeOf(*again) == "unsigned_change");
}

TEST_CASE("a dot already stored with other content is refused, never a duplicate", "[proof]") {
    TempDir dir;
    auto tablet = openReplica(dir.file("t.db"));
    auto server = openReplica(dir.file("s.db"));
    auto other = openReplica(dir.file("o.db"));
    introduce({tablet.get(), server.get(), other.get()});
    const Change real = mustWrite(*tablet, {"petition", "p1", "kp5", "an", petitionFields("Thật")});
    REQUIRE(server->apply({real}, pushFrom(tablet->siteId()))->applied == 1);
    // The same dot signed with the device's own key but other content (its file was copied
    // onto a second tablet, which wrote on): on the server and on a tablet alike.
    const KeyPair stolen{tablet->publicKey(), *tablet->meta("signing_key")};
    Change twin = real;
    twin.set["title"] = "Giả";
    twin.sig = signatureOf(twin, stolen.secretKey);
    REQUIRE(signatureValid(twin, tablet->publicKey()));
    for (Replica* r : {server.get(), other.get()}) {
        if (r == other.get()) REQUIRE(other->apply({real})->applied == 1);
        auto report = r->apply({twin}, r == server.get() ? pushFrom(other->siteId()) : ApplyOptions{});
        REQUIRE(report.ok());
        CHECK(report->duplicates == 0);
        CHECK(codeOf(*report) == "dot_conflict");
        auto rec = r->get("petition", "p1");
        CHECK((*rec)->values["title"] == "Thật");
    }
    // Other content under that dot without the device's signature is a forgery, not a sign
    // that the device's key is elsewhere: refused as such.
    Change forged = real;
    forged.set["title"] = "Giả mạo";
    for (Replica* r : {server.get(), other.get()}) {
        auto report = r->apply({forged}, r == server.get() ? pushFrom(other->siteId()) : ApplyOptions{});
        CHECK(codeOf(*report) == "bad_signature");
        forged.sig.clear();
        report = r->apply({forged}, r == server.get() ? pushFrom(other->siteId()) : ApplyOptions{});
        CHECK(codeOf(*report) == "unsigned_change");
        forged.sig = real.sig;
    }
    // The same content again (signature aside) is a plain duplicate.
    Change resent = real;
    auto dup = server->apply({resent}, pushFrom(tablet->siteId()));
    CHECK(dup->duplicates == 1);
    CHECK(dup->refused.empty());
}

TEST_CASE("a revoked key keeps what its device wrote before and proves nothing after",
          "[proof]") {
    TempDir dir;
    auto tablet = openReplica(dir.file("t.db"));
    auto server = openReplica(dir.file("s.db"));
    auto puller = openReplica(dir.file("p.db"));
    introduce({tablet.get(), server.get(), puller.get()});
    mustWrite(*tablet, {"petition", "p1", "kp5", "an", petitionFields("Trước khi mất máy")});
    REQUIRE(server->apply(*tablet->unsent(10), pushFrom(tablet->siteId()))->applied == 1);
    REQUIRE(server->revokeSiteKey(tablet->siteId(), 1).ok());
    mustWrite(*tablet, {"petition", "p1", "", "an", {{"status", "closed"}}});
    auto later = server->apply(*tablet->unsent(10), pushFrom(tablet->siteId()));
    CHECK(codeOf(*later) == "key_revoked");
    CHECK(server->changeCount() == 1);
    // A tablet that hears of the revocation takes the old change and refuses the new one,
    // and a later message cannot lift the revocation.
    REQUIRE(puller->learnSiteKey({tablet->siteId(), tablet->publicKey(), 0, 1}).ok());
    REQUIRE(puller->learnSiteKey({tablet->siteId(), tablet->publicKey(), 0, {}}).ok());
    auto pulled = puller->apply(allChanges(*tablet));
    CHECK(pulled->applied == 1);
    CHECK(codeOf(*pulled) == "key_revoked");
}

TEST_CASE("a key once known for a site is never replaced", "[proof]") {
    TempDir dir;
    auto r = openReplica(dir.file("r.db"));
    const ForeignSite device;
    device.introduceTo(*r);
    const KeyPair other = newKeyPair();
    auto replaced = r->learnSiteKey({device.site, other.publicKey, 0, {}});
    REQUIRE_FALSE(replaced.ok());
    CHECK(replaced.error().code == "key_mismatch");
    CHECK((*r->siteKey(device.site))->publicKey == device.key.publicKey);
    // Nor can anyone claim this replica's own site.
    CHECK_FALSE(r->learnSiteKey({r->siteId(), other.publicKey, 0, {}}).ok());
}

TEST_CASE("re-stamped and re-sited changes are signed again", "[proof]") {
    TempDir dir;
    std::int64_t now = 1'750'000'000'000;
    auto tablet = openReplica(dir.file("t.db"), {[&] { return now; }});
    auto server = openReplica(dir.file("s.db"));
    introduce({tablet.get(), server.get()});
    mustWrite(*tablet, {"petition", "p1", "kp5", "an", petitionFields("Giờ sai")});
    tablet->clock().learnServerTime(now - 3'600'000);
    REQUIRE(tablet->restampUnsent().ok());
    auto restamped = *tablet->unsent(10);
    REQUIRE(restamped.size() == 1);
    CHECK(signatureValid(restamped[0], tablet->publicKey()));
    CHECK(server->apply(restamped, pushFrom(tablet->siteId()))->applied == 1);
    // A file restored from a backup takes a new site and a new key.
    const std::string oldKey = tablet->publicKey();
    REQUIRE(tablet->renewSite().ok());
    CHECK(tablet->publicKey() != oldKey);
    const Change next = mustWrite(*tablet, {"petition", "p1", "", "an", {{"status", "assigned"}}});
    CHECK(signatureValid(next, tablet->publicKey()));
    CHECK_FALSE(signatureValid(next, oldKey));
}

TEST_CASE("an upgraded file signs its own changes and keeps others' as written before keys",
          "[proof][migration]") {
    TempDir dir;
    // replica-v1.sqlite holds 5 changes of its own site. Seen from a replica with another
    // site, the same file holds 5 changes another device wrote before keys existed.
    for (const bool own : {true, false}) {
        INFO((own ? "own changes" : "another device's changes"));
        const std::string path = dir.file(own ? "own.sqlite" : "others.sqlite");
        std::filesystem::copy_file(std::string(NGHEDAN_TEST_DATA) + "/replica-v1.sqlite", path);
        if (!own) {
            auto raw = Database::open(path);
            REQUIRE(raw.ok());
            REQUIRE(raw->exec("UPDATE meta SET value='0123456789abcdef0123456789abcdef' "
                              "WHERE key='site'").ok());
        }
        auto r = openReplica(path);
        const auto changes = allChanges(*r);
        REQUIRE(changes.size() == 5);
        auto petitions = r->list({.sort = "id", .descending = false});
        auto history = r->history("petition", petitions->rows[0]["id"]);
        REQUIRE_FALSE(history->empty());
        for (const VersionView& v : *history) CHECK(v.proven == own);
        // A fresh replica that learns of the file's site the way the server announces it
        // takes all five.
        auto fresh = openReplica(dir.file(own ? "fresh-own.db" : "fresh-others.db"));
        const std::string site = changes[0].site;
        auto key = r->siteKey(site);
        REQUIRE(key.ok());
        REQUIRE(key->has_value());
        if (own) {
            CHECK((*key)->publicKey == r->publicKey());
            for (const Change& c : changes) CHECK(signatureValid(c, r->publicKey()));
        } else {
            CHECK((*key)->publicKey.empty());
            CHECK((*key)->unsignedThrough == 5);
        }
        REQUIRE(fresh->learnSiteKey(**key).ok());
        auto report = fresh->apply(changes);
        REQUIRE(report.ok());
        CHECK(report->applied == 5);
        CHECK(report->refused.empty());
    }
}
