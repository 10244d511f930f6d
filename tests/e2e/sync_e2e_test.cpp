// End-to-end sync: the real nghedan-server process on a loopback port, tablets with real
// replica files and SyncClient, and faults (kill -9, a cutting/replaying proxy, a restored
// backup, wrong clocks, cancelled syncs).

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <thread>

#include "e2e_util.h"
#include "faulty_proxy.h"
#include "../shared/previous_schema.h"

using namespace nghedan;
using namespace nghedan::test;

namespace {

/** Stops the server, then checks every tablet's materialised state equals the server's and
 *  holds every logged write. Returns the server's replica for further checks. */
std::unique_ptr<Replica> requireConverged(World& world, const WriteLog& log) {
    REQUIRE(world.server().stop());
    auto server = world.openServerReplica();
    REQUIRE(server);
    auto serverDump = server->materialisedDump();
    REQUIRE(serverDump.ok());
    const auto missing = missingWrites(*server, log);
    INFO((missing.empty() ? std::string() : "first missing on the server: " + missing.front()));
    CHECK(missing.empty());
    for (auto& t : world.tablets()) {
        INFO(t->name);
        auto dump = t->replica->materialisedDump();
        REQUIRE(dump.ok());
        CHECK(*dump == *serverDump);
        CHECK(t->replica->unsentCount() == 0);
        CHECK(t->replica->changeCount() == server->changeCount());
        const auto missing = missingWrites(*t->replica, log);
        INFO((missing.empty() ? std::string() : "first missing: " + missing.front()));
        CHECK(missing.empty());
    }
    return server;
}

/** Number of distinct dots on a replica whose sites are all contiguous from 1: the sum of the
 *  per-site highest seq. */
std::uint64_t distinctDots(Replica& replica) {
    auto sites = replica.siteVector();
    REQUIRE(sites.ok());
    std::uint64_t n = 0;
    for (const auto& [site, high] : *sites) n += high;
    return n;
}

SyncClientOptions fastRetries(int attempts = 3) {
    SyncClientOptions o;
    o.maxAttempts = attempts;
    o.timeoutSeconds = 10;
    return o;
}

}  // namespace

TEST_CASE("ten tablets editing overlapping records offline converge to the server's state",
          "[e2e]") {
    const std::uint64_t seed = testSeed("convergence");
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    WorldOptions options;
    options.tablets = 10;
    World world(options);
    REQUIRE(world.setUp());
    WriteLog log;

    // Everyone gets the reference data; the first tablet records a visit's petitions.
    for (auto& t : world.tablets()) REQUIRE(t->sync().ok());
    for (int i = 0; i < 12; ++i) REQUIRE(createPetition(world.tablet(0), log, rng, i));
    REQUIRE(world.syncUntilQuiescent(rng));

    int n = 100;
    for (int round = 0; round < 4; ++round) {
        // Offline: every tablet edits overlapping records, some create new ones.
        for (auto& t : world.tablets()) {
            for (int k = 0; k < 5; ++k) {
                if (rng() % 10 == 0)
                    REQUIRE(createPetition(*t, log, rng, ++n));
                else
                    REQUIRE(editPetition(*t, log, rng, ++n));
            }
        }
        // Then a random subset syncs, in a random order.
        std::vector<std::size_t> order(world.tablets().size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::shuffle(order.begin(), order.end(), rng);
        for (std::size_t i : order) {
            if (rng() % 3 == 0) continue;
            auto r = world.tablet(i).sync();
            INFO(world.tablet(i).name << ": " << (r ? "" : r.error().message));
            REQUIRE(r.ok());
        }
    }
    REQUIRE(world.syncUntilQuiescent(rng));

    auto server = requireConverged(world, log);
    const int conflicts = conflictedPetitions(*server, log);
    CHECK(conflicts > 0);
    for (auto& t : world.tablets()) {
        INFO(t->name);
        CHECK(conflictedPetitions(*t->replica, log) == conflicts);
    }
    CHECK(server->changeCount() == distinctDots(*server));
}

TEST_CASE("changes acknowledged before a kill -9 of the server are there after its restart",
          "[e2e][kill]") {
    const std::uint64_t seed = testSeed("kill9");
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    WorldOptions options;
    options.tablets = 4;
    options.client = fastRetries(2);
    options.client.pushBatch = 5;  // many small pushes: kills land between and inside them
    World world(options);
    REQUIRE(world.setUp());
    for (auto& t : world.tablets()) REQUIRE(World::syncWithRetries(*t).ok());

    const std::size_t tablets = world.tablets().size();
    std::vector<std::atomic<std::uint64_t>> acked(tablets);
    std::vector<WriteLog> logs(tablets);
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < tablets; ++i) {
        threads.emplace_back([&, i] {
            Tablet& t = world.tablet(i);
            std::mt19937_64 local(seed + i);
            int n = static_cast<int>(i) * 100000;
            while (!stop) {
                for (int k = 0; k < 8; ++k) {
                    if (k == 0 || logs[i].petitions.empty())
                        createPetition(t, logs[i], local, ++n);
                    else
                        editPetition(t, logs[i], local, ++n);
                }
                // Record what the tablet holds as acknowledged right after each reply.
                (void)t.sync([&](const SyncProgress&) { acked[i] = t.replica->ackedSeq(); });
                acked[i] = t.replica->ackedSeq();
            }
        });
    }

    std::vector<std::string> lost;
    int kills = 0;
    for (; kills < 22; ++kills) {
        std::this_thread::sleep_for(std::chrono::milliseconds(40 + rng() % 200));
        world.server().kill9();
        std::vector<std::uint64_t> before(tablets);
        for (std::size_t i = 0; i < tablets; ++i) before[i] = acked[i];
        REQUIRE(world.server().start());
        auto sites = serverSites(world.baseUrl(), world.tablet(0).client->options().token);
        REQUIRE(sites);
        for (std::size_t i = 0; i < tablets; ++i) {
            const std::string& site = world.tablet(i).replica->siteId();
            const std::uint64_t held = sites->count(site) ? sites->at(site) : 0;
            if (held < before[i])
                lost.push_back("kill " + std::to_string(kills) + ": " + world.tablet(i).name +
                               " acked " + std::to_string(before[i]) + ", server holds " +
                               std::to_string(held));
        }
    }
    stop = true;
    for (auto& th : threads) th.join();
    CHECK(kills >= 20);
    CHECK(lost.empty());
    for (const auto& l : lost) UNSCOPED_INFO(l);

    WriteLog all;
    for (auto& l : logs) {
        all.writes.insert(all.writes.end(), l.writes.begin(), l.writes.end());
        all.changes += l.changes;
    }
    CHECK(all.changes > 0);
    REQUIRE(world.syncUntilQuiescent(rng, 10, 30));
    auto server = requireConverged(world, all);
    CHECK(server->changeCount() == distinctDots(*server));
}

TEST_CASE("through a proxy that cuts and replays requests tablets converge without duplicates",
          "[e2e][proxy]") {
    const std::uint64_t seed = testSeed("proxy");
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    WorldOptions options;
    options.tablets = 5;
    options.client = fastRetries(8);
    options.client.pushBatch = 7;
    options.client.pullPage = 25;
    World world(options);
    REQUIRE(world.setUp());
    FaultyProxy proxy(world.server().port());
    REQUIRE(proxy.ok());
    world.setBaseUrl(proxy.url());
    for (auto& t : world.tablets()) REQUIRE(World::syncWithRetries(*t).ok());

    proxy.setFaults({0.08, 0.08, 0.08, seed});
    WriteLog log;
    int n = 0;
    for (int round = 0; round < 3; ++round) {
        for (auto& t : world.tablets()) {
            for (int k = 0; k < 12; ++k) {
                if (k < 3)
                    REQUIRE(createPetition(*t, log, rng, ++n));
                else
                    REQUIRE(editPetition(*t, log, rng, ++n));
            }
        }
        REQUIRE(world.syncUntilQuiescent(rng, 10, 30));
    }
    INFO("proxy: " << proxy.requests() << " requests, " << proxy.cutRequests() << " cut requests, "
                   << proxy.cutResponses() << " cut responses, " << proxy.replays() << " replays");
    CHECK(proxy.cutRequests() > 0);
    CHECK(proxy.cutResponses() > 0);
    CHECK(proxy.replays() > 0);
    proxy.setFaults({0, 0, 0, seed});
    REQUIRE(world.syncUntilQuiescent(rng));

    auto server = requireConverged(world, log);
    // No change stored twice, none lost: the count equals the distinct dots (contiguous per site).
    CHECK(server->changeCount() == distinctDots(*server));
    std::uint64_t tabletChanges = 0;
    for (auto& t : world.tablets()) {
        auto own = t->replica->changesOfSite(t->replica->siteId(), 0, 1'000'000);
        REQUIRE(own.ok());
        tabletChanges += own->size();
    }
    CHECK(tabletChanges == log.changes);
    std::uint64_t serverTabletChanges = 0;
    for (auto& t : world.tablets()) {
        auto onServer = server->changesOfSite(t->replica->siteId(), 0, 1'000'000);
        REQUIRE(onServer.ok());
        serverTabletChanges += onServer->size();
    }
    CHECK(serverTabletChanges == log.changes);
    proxy.stop();
}

TEST_CASE("after the server is restored from an older backup the tablets re-push and converge",
          "[e2e][restore]") {
    const std::uint64_t seed = testSeed("restore");
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    WorldOptions options;
    options.tablets = 3;
    World world(options);
    REQUIRE(world.setUp());
    WriteLog log;
    int n = 0;
    for (auto& t : world.tablets())
        for (int k = 0; k < 6; ++k) REQUIRE(createPetition(*t, log, rng, ++n));
    REQUIRE(world.syncUntilQuiescent(rng));

    const std::string backup = world.tmp().file("backup.db");
    auto b = world.server().admin({"backup", backup});
    INFO(b.output);
    REQUIRE(b.exitCode == 0);
    const auto epochBefore = world.tablet(0).replica->meta("server_epoch");
    REQUIRE(epochBefore);

    // After the backup: more work the restored server will not have.
    for (auto& t : world.tablets()) {
        for (int k = 0; k < 8; ++k) {
            if (k < 2)
                REQUIRE(createPetition(*t, log, rng, ++n));
            else
                REQUIRE(editPetition(*t, log, rng, ++n));
        }
    }
    REQUIRE(world.syncUntilQuiescent(rng));
    // One tablet also has work it has not pushed yet.
    for (int k = 0; k < 3; ++k) REQUIRE(editPetition(world.tablet(1), log, rng, ++n));

    REQUIRE(world.server().stop());
    const std::string db = world.databasePath();
    std::filesystem::remove(db + "-wal");
    std::filesystem::remove(db + "-shm");
    std::filesystem::copy_file(backup, db, std::filesystem::copy_options::overwrite_existing);
    REQUIRE(world.server().start());

    REQUIRE(world.syncUntilQuiescent(rng));
    const auto epochAfter = world.tablet(0).replica->meta("server_epoch");
    REQUIRE(epochAfter);
    CHECK(*epochAfter != *epochBefore);
    auto server = requireConverged(world, log);
    CHECK(server->changeCount() == distinctDots(*server));
}

TEST_CASE("tablets whose clocks are a year ahead or behind sync and keep their authors' order",
          "[e2e][clock]") {
    const std::uint64_t seed = testSeed("clocks");
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    constexpr std::int64_t kYear = 365LL * 24 * 3600 * 1000;
    WorldOptions options;
    options.tablets = 1;  // a tablet with a correct clock
    World world(options);
    REQUIRE(world.setUp());
    REQUIRE(world.addUser("canbo-nhanh", "official", "hcm"));
    REQUIRE(world.addUser("canbo-cham", "official", "hcm"));
    ReplicaOptions ahead, behind;
    ahead.clockSource = [] { return systemMillis() + kYear; };
    behind.clockSource = [] { return systemMillis() - kYear; };
    REQUIRE(world.addTablet("canbo-nhanh", ahead, false));
    REQUIRE(world.addTablet("canbo-cham", behind, false));
    Tablet& normal = world.tablet(0);
    Tablet& fast = world.tablet(1);
    Tablet& slow = world.tablet(2);

    WriteLog log;
    int n = 0;
    REQUIRE(normal.sync().ok());
    for (int k = 0; k < 4; ++k) REQUIRE(createPetition(normal, log, rng, ++n));
    REQUIRE(normal.sync().ok());
    // The skewed tablets work offline before they ever talk to the server.
    for (Tablet* t : {&fast, &slow})
        for (int k = 0; k < 6; ++k) REQUIRE(createPetition(*t, log, rng, ++n));
    const HlcTime fastFirst = fast.replica->changesOfSite(fast.replica->siteId(), 0, 1)->at(0).hlc;
    CHECK(hlcMillis(fastFirst) > systemMillis() + kYear / 2);

    REQUIRE(fast.login().ok());
    REQUIRE(slow.login().ok());
    REQUIRE(world.syncUntilQuiescent(rng));
    // Then more work, online and offline, and another round.
    for (auto& t : world.tablets())
        for (int k = 0; k < 5; ++k) REQUIRE(editPetition(*t, log, rng, ++n));
    REQUIRE(world.syncUntilQuiescent(rng));

    // The fast tablet's changes were re-stamped near server time; nobody's are a year ahead.
    for (auto& t : world.tablets()) {
        INFO(t->name);
        auto own = t->replica->changesOfSite(t->replica->siteId(), 0, 1'000'000);
        REQUIRE(own.ok());
        REQUIRE(!own->empty());
        for (const Change& c : *own) CHECK(hlcMillis(c.hlc) < systemMillis() + 3600 * 1000);
        CHECK(sitesOutOfOrder(*t->replica).empty());
    }
    CHECK(fast.replica->refusedChanges()->empty());
    // The learned offset survives a restart of the app.
    REQUIRE(fast.open(world.baseUrl()));
    auto later = fast.write("petition", log.petitions.front(), "", {{"priority", "high"}});
    REQUIRE(later.ok());
    CHECK(std::llabs(hlcMillis(later->hlc) - systemMillis()) < 3600 * 1000);
    REQUIRE(log.record(later));
    REQUIRE(world.syncUntilQuiescent(rng));

    auto server = requireConverged(world, log);
    CHECK(sitesOutOfOrder(*server).empty());
}

TEST_CASE("a cancelled sync resumes from the stored cursor", "[e2e][resume]") {
    const std::uint64_t seed = testSeed("resume");
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    WorldOptions options;
    options.tablets = 2;
    options.client.pullPage = 40;
    World world(options);
    REQUIRE(world.setUp());
    Tablet& writer = world.tablet(0);
    Tablet& reader = world.tablet(1);
    WriteLog log;
    int n = 0;
    REQUIRE(writer.sync().ok());
    for (int k = 0; k < 300; ++k) REQUIRE(createPetition(writer, log, rng, ++n));
    REQUIRE(writer.sync().ok());

    auto pullUntilCancelled = [&](std::uint64_t stopAfter) {
        std::uint64_t received = 0;
        auto r = reader.sync([&](const SyncProgress& p) {
            if (p.phase == SyncProgress::Phase::Pulling) {
                received = p.done;
                if (p.done >= stopAfter) reader.client->cancel();
            }
        });
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "cancelled");
        return received;
    };
    auto pullToEnd = [&] {
        std::uint64_t received = 0;
        auto r = reader.sync([&](const SyncProgress& p) {
            if (p.phase == SyncProgress::Phase::Pulling) received = p.done;
        });
        REQUIRE(r.ok());
        return received;
    };

    SECTION("first sync (snapshot)") {
        const std::uint64_t first = pullUntilCancelled(100);
        CHECK(first >= 100);
        CHECK_FALSE(reader.replica->meta("pull_cursor").has_value());
        CHECK(reader.replica->changeCount() == first);
        const std::uint64_t second = pullToEnd();
        // Nothing fetched twice: every change received is a distinct stored one.
        CHECK(first + second == reader.replica->changeCount());
        CHECK(reader.replica->changeCount() >= 300);
    }
    SECTION("pull after the snapshot") {
        REQUIRE(reader.sync().ok());
        const std::uint64_t had = reader.replica->changeCount();
        for (int k = 0; k < 200; ++k) REQUIRE(editPetition(writer, log, rng, ++n));
        REQUIRE(writer.sync().ok());
        const auto cursorBefore = reader.replica->meta("pull_cursor");
        const std::uint64_t first = pullUntilCancelled(80);
        const auto cursorMid = reader.replica->meta("pull_cursor");
        REQUIRE(cursorMid);
        CHECK(std::stoull(*cursorMid) > std::stoull(*cursorBefore));
        const std::uint64_t second = pullToEnd();
        CHECK(first + second == 200);
        CHECK(reader.replica->changeCount() == had + 200);
    }
    REQUIRE(world.syncUntilQuiescent(rng));
    requireConverged(world, log);
}

TEST_CASE("push alone sends the unsent changes and pulls nothing", "[e2e][push]") {
    const std::uint64_t seed = testSeed("push-only");
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    WorldOptions options;
    options.tablets = 2;
    World world(options);
    REQUIRE(world.setUp());
    Tablet& a = world.tablet(0);
    Tablet& b = world.tablet(1);
    WriteLog log;
    int n = 0;
    REQUIRE(a.sync().ok());
    REQUIRE(b.sync().ok());
    for (int k = 0; k < 4; ++k) REQUIRE(createPetition(b, log, rng, ++n));
    REQUIRE(b.sync().ok());  // on the server now; `a` has not pulled it
    for (int k = 0; k < 5; ++k) REQUIRE(createPetition(a, log, rng, ++n));
    const std::uint64_t before = a.replica->changeCount();
    const auto cursor = a.replica->meta("pull_cursor");

    auto pushed = a.client->push();
    REQUIRE(pushed.ok());
    CHECK(pushed->pushed == 5);
    CHECK(pushed->pulled == 0);
    CHECK(a.replica->unsentCount() == 0);
    CHECK(a.replica->changeCount() == before);  // b's petitions not pulled
    CHECK(a.replica->meta("pull_cursor") == cursor);

    auto pulled = b.sync();  // the server has a's changes
    REQUIRE(pulled.ok());
    CHECK(pulled->pulled == 5);
    REQUIRE(world.syncUntilQuiescent(rng));
    requireConverged(world, log);
}

TEST_CASE("a sync with a bad token or without a server fails clearly and keeps unsent changes",
          "[e2e][errors]") {
    const std::uint64_t seed = testSeed("errors");
    std::mt19937_64 rng(seed);
    WorldOptions options;
    options.tablets = 1;
    options.client = fastRetries(2);
    World world(options);
    REQUIRE(world.setUp());
    Tablet& t = world.tablet(0);
    WriteLog log;
    REQUIRE(t.sync().ok());
    for (int k = 0; k < 3; ++k) REQUIRE(createPetition(t, log, rng, k));

    const std::string token = t.client->options().token;
    t.client->setToken("khong-hop-le");
    auto bad = t.sync();
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "unauthorized");
    CHECK(t.replica->unsentCount() == 3);

    t.client->setToken(token);
    world.server().kill9();
    std::vector<SyncProgress::Phase> phases;
    auto down = t.sync([&](const SyncProgress& p) { phases.push_back(p.phase); });
    REQUIRE_FALSE(down.ok());
    CHECK(down.error().code == "network");
    CHECK(phases.back() == SyncProgress::Phase::Failed);
    CHECK(t.replica->unsentCount() == 3);

    REQUIRE(world.server().start());
    phases.clear();
    auto up = t.sync([&](const SyncProgress& p) { phases.push_back(p.phase); });
    REQUIRE(up.ok());
    CHECK(up->pushed == 3);
    CHECK(phases.front() == SyncProgress::Phase::Connecting);
    CHECK(phases.back() == SyncProgress::Phase::Done);
    CHECK(t.replica->unsentCount() == 0);
    requireConverged(world, log);
}

TEST_CASE("a tablet's file copied onto a second tablet: the copy's changes under the same dots "
          "are refused at the original, which is told and keeps its own",
          "[e2e][proof]") {
    const std::uint64_t seed = testSeed("copied-key");
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    WorldOptions options;
    options.tablets = 1;
    World world(options);
    REQUIRE(world.setUp());
    Tablet& original = world.tablet(0);
    WriteLog log;
    REQUIRE(createPetition(original, log, rng, 1));
    REQUIRE(original.sync().ok());

    // Someone copies the tablet's data file (key included) and works on the copy.
    const std::string copyPath = world.tmp().file("copied.db");
    original.replica.reset();
    std::filesystem::copy_file(original.path, copyPath);
    REQUIRE(original.open(world.baseUrl()));
    Tablet copy;
    copy.name = "copy";
    copy.user = original.user;
    copy.path = copyPath;
    REQUIRE(copy.open(world.baseUrl()));
    REQUIRE(copy.replica->siteId() == original.replica->siteId());
    auto forged = copy.write("petition", "", kUnitsForTests[0],
                             {{"title", "Bản sao ghi"},
                              {"received_at", Json(std::int64_t{1740000000000})},
                              {"category", "other"},
                              {"status", "received"}});
    REQUIRE(forged.ok());
    REQUIRE(copy.login().ok());
    REQUIRE(copy.sync().ok());

    // The original writes its own next change: the same dot, other content.
    WriteLog mine;
    REQUIRE(createPetition(original, mine, rng, 2));
    const Change own = *original.replica->changesOfSite(original.replica->siteId(), forged->seq - 1, 1)->begin();
    REQUIRE(own.dot() == forged->dot());
    auto first = original.sync();
    REQUIRE(first.ok());
    CHECK(first->refused == 1);  // the server holds the copy's change under that dot
    auto refused = original.replica->refusedChanges();
    REQUIRE(refused->size() == 1);
    CHECK((*refused)[0].reason.code == "dot_conflict");
    CHECK((*refused)[0].change.set.at("title") == own.set.at("title"));  // kept, to write again
    // At the next sync the server tells it once.
    auto told = original.sync();
    REQUIRE(told.ok());
    CHECK(told->impersonatedSeqs == std::vector<std::uint64_t>{forged->seq});
    auto again = original.sync();
    REQUIRE(again.ok());
    CHECK(again->impersonatedSeqs.empty());
}

namespace {

/** Two tablets of one official of the city, the second running the previous version's app
 *  (previousSchema), each creating `perTablet` petitions, all synced. False when a step fails. */
bool setUpMixedVersions(World& world, WriteLog& log, std::mt19937_64& rng, int perTablet) {
    if (!world.setUp() || !world.addUser(world.userName(1), "official", "hcm") ||
        !world.addTablet(world.userName(1), {.schema = &previousSchema(), .encryptionKey = {}}))
        return false;
    for (int k = 0; k < perTablet; ++k)
        if (!createPetition(world.tablet(1), log, rng, k)) return false;
    for (int k = perTablet; k < 2 * perTablet; ++k)
        if (!createPetition(world.tablet(0), log, rng, k)) return false;
    return world.syncUntilQuiescent(rng);
}

}  // namespace

TEST_CASE(
    "a tablet a version behind and a current one sync both ways through the server "
    "without refusal or loss, and show the same once the older is updated",
    "[e2e][compat]") {
    const std::uint64_t seed = testSeed("mixed versions");
    std::mt19937_64 rng(seed);
    WorldOptions options;
    options.tablets = 1;
    options.client = fastRetries();
    World world(options);
    WriteLog log;
    REQUIRE(setUpMixedVersions(world, log, rng, 4));
    Tablet& current = world.tablet(0);
    Tablet& older = world.tablet(1);
    // What only the current app knows, on a petition the older one created.
    const std::string petition = log.petitions[0];
    const std::string unit = log.unitOf[petition];
    REQUIRE(log.record(
        current.write("petition", petition, "",
                      {{"resolution", "Đã lắp biển cấm dừng đỗ"}, {"channel", "online"}})));
    auto update = current.write("update", "", unit,
                                {{"parent_entity", "petition"},
                                 {"parent", petition},
                                 {"text", "Phường đã khảo sát, mời Sở Giao thông vận tải"}});
    REQUIRE(log.record(update));
    for (int k = 0; k < 12; ++k) {
        REQUIRE(editPetition(older, log, rng, 100 + k));
        REQUIRE(editPetition(current, log, rng, 200 + k));
    }
    REQUIRE(world.syncUntilQuiescent(rng));

    // The older tablet refused nothing and holds every change, shows what it knows.
    CHECK(older.replica->refusedChanges()->empty());
    CHECK(current.replica->refusedChanges()->empty());
    CHECK(older.replica->changeCount() == current.replica->changeCount());
    CHECK(missingWrites(*older.replica, log).empty());
    auto shown = older.replica->get("petition", petition);
    REQUIRE(shown.ok());
    REQUIRE(shown->has_value());
    CHECK_FALSE((*shown)->values.contains("resolution"));
    CHECK((*shown)->values["channel"] == "online");
    CHECK(older.replica->get("update", update->id).error().code == "unknown_entity");

    // It edits the record carrying a field it does not know; the field survives everywhere.
    REQUIRE(
        log.record(older.write("petition", petition, "", {{"title", "Xe khách đỗ trong hẻm 42"}})));
    auto pushed = World::syncWithRetries(older);
    REQUIRE(pushed.ok());
    CHECK(pushed->refused == 0);
    CHECK(pushed->rejected == 0);
    auto pulled = World::syncWithRetries(current);
    REQUIRE(pulled.ok());
    CHECK(pulled->refused == 0);
    auto both = current.replica->get("petition", petition);
    REQUIRE(both.ok());
    CHECK((*both)->values["title"] == "Xe khách đỗ trong hẻm 42");
    CHECK((*both)->values["resolution"] == "Đã lắp biển cấm dừng đỗ");

    // Updated: the older file, opened by the current app, shows what it kept.
    older.replicaOptions = {};
    REQUIRE(older.open(world.baseUrl()));
    CHECK(older.replica->search("bien cam dung", "petition")->size() == 1);
    auto kept = older.replica->get("update", update->id);
    REQUIRE(kept.ok());
    CHECK(kept->has_value());
    REQUIRE(world.syncUntilQuiescent(rng));
    requireConverged(world, log);
}

TEST_CASE(
    "an app older than the server accepts is told to update, one newer than the server "
    "to wait, and both keep their unsent changes",
    "[e2e][compat]") {
    const std::uint64_t seed = testSeed("too old");
    std::mt19937_64 rng(seed);
    WorldOptions options;
    options.tablets = 1;
    options.client = fastRetries(2);
    World world(options);
    REQUIRE(world.setUp());
    Tablet& t = world.tablet(0);
    WriteLog log;
    REQUIRE(t.sync().ok());
    for (int k = 0; k < 3; ++k) REQUIRE(createPetition(t, log, rng, k));
    const std::string token = t.client->options().token;

    // What the server answers: the oldest version in the state, 410 below it.
    httplib::Client http(world.baseUrl());
    const auto get = [&](std::optional<std::string> version) {
        httplib::Headers headers{{"Authorization", "Bearer " + token}};
        if (version) headers.emplace(kClientVersionHeader, *version);
        auto res = http.Get("/api/v1/sync/state", headers);
        REQUIRE(res);
        return std::make_pair(res->status, Json::parse(res->body, nullptr, false));
    };
    const auto [stateStatus, state] = get(std::to_string(kClientVersion));
    CHECK(stateStatus == 200);
    CHECK(state["minClientVersion"] == kMinClientVersion);
    // An app from before the header (5) is older than the oldest accepted (7).
    const auto [headerless, noHeader] = get(std::nullopt);
    CHECK(headerless == 410);
    CHECK(noHeader["error"]["code"] == "client_too_old");
    const auto [oldStatus, old] = get(std::to_string(kMinClientVersion - 1));
    CHECK(oldStatus == 410);
    CHECK(old["error"]["code"] == "client_too_old");
    const auto [badStatus, bad] = get("abc");
    CHECK(badStatus == 400);
    CHECK(bad["error"]["code"] == "invalid_request");

    // The app below the minimum: clear answer, nothing sent, nothing lost.
    t.clientOptions.clientVersion = kMinClientVersion - 1;
    REQUIRE(t.open(world.baseUrl()));
    auto refused = t.sync();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "client_too_old");
    CHECK(t.replica->unsentCount() == 3);
    CHECK(t.replica->refusedChanges()->empty());
    auto sites = serverSites(world.baseUrl(), token);
    REQUIRE(sites);
    CHECK(sites->count(t.replica->siteId()) == 0);
    auto login = t.login();
    REQUIRE_FALSE(login.ok());
    CHECK(login.error().code == "client_too_old");

    // An app newer than the server waits for the server's update, also sending nothing.
    t.clientOptions.clientVersion = kClientVersion + 1;
    REQUIRE(t.open(world.baseUrl()));
    auto early = t.sync();
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().code == "server_too_old");
    CHECK(t.replica->unsentCount() == 3);

    // Updated, it sends them all.
    t.clientOptions.clientVersion = kClientVersion;
    REQUIRE(t.open(world.baseUrl()));
    auto up = t.sync();
    REQUIRE(up.ok());
    CHECK(up->pushed == 3);
    CHECK(t.replica->unsentCount() == 0);
    requireConverged(world, log);
}

TEST_CASE(
    "after a restore a tablet a version behind re-pushes a newer tablet's fields and "
    "entities it cannot show, and the server takes them",
    "[e2e][compat][restore]") {
    const std::uint64_t seed = testSeed("mixed versions restore");
    std::mt19937_64 rng(seed);
    WorldOptions options;
    options.tablets = 1;
    options.client = fastRetries();
    World world(options);
    WriteLog log;
    REQUIRE(setUpMixedVersions(world, log, rng, 3));
    Tablet& current = world.tablet(0);
    Tablet& older = world.tablet(1);
    const std::string backup = world.tmp().file("backup.db");
    auto b = world.server().admin({"backup", backup});
    INFO(b.output);
    REQUIRE(b.exitCode == 0);

    // After the backup: the current tablet writes what only it knows; the older one pulls it.
    const std::string petition = log.petitions[3];
    REQUIRE(log.record(current.write("petition", petition, "",
                                     {{"resolution", "Đã chuyển Sở Giao thông vận tải"}})));
    REQUIRE(log.record(current.write(
        "update", "", log.unitOf[petition],
        {{"parent_entity", "petition"}, {"parent", petition}, {"text", "Đã có văn bản trả lời"}})));
    REQUIRE(World::syncWithRetries(current).ok());
    REQUIRE(World::syncWithRetries(older).ok());
    const std::uint64_t currentHigh = current.replica->siteVector()->at(current.replica->siteId());

    REQUIRE(world.server().stop());
    const std::string db = world.databasePath();
    std::filesystem::remove(db + "-wal");
    std::filesystem::remove(db + "-shm");
    std::filesystem::copy_file(backup, db, std::filesystem::copy_options::overwrite_existing);
    REQUIRE(world.server().start());

    // Only the older tablet syncs: it relays the current one's changes as they were written.
    auto relayed = World::syncWithRetries(older);
    REQUIRE(relayed.ok());
    CHECK(relayed->rejected == 0);
    CHECK(older.replica->refusedChanges()->empty());
    auto sites = serverSites(world.baseUrl(), older.client->options().token);
    REQUIRE(sites);
    CHECK((*sites)[current.replica->siteId()] == currentHigh);

    older.replicaOptions = {};
    REQUIRE(older.open(world.baseUrl()));
    REQUIRE(world.syncUntilQuiescent(rng));
    requireConverged(world, log);
}
