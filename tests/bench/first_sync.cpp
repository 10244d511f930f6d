// first-sync: a new tablet whose ward scope holds 100,000 records signs in and syncs; prints
// the seconds until it is usable (its lists answer from the local replica), the bytes on the
// wire and memory. The server is seeded through the real push API first; with --steps K every
// petition then goes through K status steps, each superseding the one before, so the ward has
// a history (a first sync downloads all of it).
//
// usage: nghedan-bench-first-sync [--records N] [--steps K]

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "../e2e/e2e_world.h"
#include "../e2e/faulty_proxy.h"
#include "sync_bench_util.h"
#include "sync_bench_wire.h"

using namespace nghedan;
using namespace nghedan::test;
using namespace nghedan::bench;

int main(int argc, char** argv) {
    int records = 100'000, steps = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--records" && i + 1 < argc) {
            records = std::atoi(argv[++i]);
        } else if (a == "--steps" && i + 1 < argc) {
            steps = std::atoi(argv[++i]);
        } else {
            std::cout << "usage: " << argv[0] << " [--records 100000] [--steps 0]\n";
            return a == "--help" || a == "-h" ? 0 : 2;
        }
    }
    WorldOptions options;
    options.tablets = 0;
    options.wards = 2;
    options.neighbourhoods = 5;
    options.serverArgs = {"--log-level", "warn"};
    World world(options, "nghedan-bench-first");
    if (!world.setUp()) return 1;
    if (!world.addUser("nguoinhap", "official", "q3-p1")) return 1;
    if (!world.addUser("maytinhbang", "official", "q3-p1")) return 1;
    std::printf("first-sync: a new tablet for ward q3-p1 holding %d records, %d status steps "
                "each\n",
                records, steps);

    // Seed: one device pushes the records in batches of 2,000.
    const auto seedStart = Clock::now();
    {
        httplib::Client http(world.server().url());
        http.set_read_timeout(300);
        http.set_keep_alive(true);
        const std::string site = newSiteId();
        const KeyPair key = newKeyPair();
        std::string error;
        const std::string token = login(http, "nguoinhap", kTestPassword, site, key, &error);
        if (token.empty()) {
            std::cerr << "seed login failed: " << error << "\n";
            return 1;
        }
        std::mt19937_64 rng(20250303);
        std::uint64_t seq = 0;
        std::vector<Change> latest;  // each petition's latest change of its status
        latest.reserve(static_cast<std::size_t>(records));
        auto push = [&](const std::vector<Change>& changes) {
            auto r = postJson(http, "/api/v1/sync/push", pushBody(changes), token);
            if (r.ok() && r.body["refused"].empty()) return true;
            std::cerr << "seed push failed: " << r.status << " " << r.error.substr(0, 500) << "\n";
            return false;
        };
        for (int done = 0; done < records;) {
            std::vector<Change> changes;
            for (; done < records && changes.size() < 2000; ++done) {
                const std::string unit = "q3-p1-kp" + std::to_string(1 + done % 5);
                changes.push_back(
                    petitionCreate(site, ++seq, unit, "nguoinhap", rng, done, key.secretKey));
                latest.push_back(changes.back());
            }
            if (!push(changes)) return 1;
        }
        for (int step = 0; step < steps; ++step) {
            const std::string status = step % 2 ? "in_progress" : "assigned";
            for (std::size_t done = 0; done < latest.size();) {
                std::vector<Change> changes;
                for (; done < latest.size() && changes.size() < 2000; ++done) {
                    Change& c = latest[done];
                    c = statusStep(site, ++seq, c.id, c.unit, "nguoinhap", status, c.dot(),
                                   key.secretKey);
                    changes.push_back(c);
                }
                if (!push(changes)) return 1;
            }
        }
    }
    const double seedSeconds = secondsSince(seedStart);
    std::printf("  seeding through push: %.2f s (%.0f changes/s); server database %s\n",
                seedSeconds, records * (1.0 + steps) / seedSeconds,
                mib(static_cast<double>(std::filesystem::file_size(world.databasePath()))).c_str());

    FaultyProxy proxy(world.server().port());
    world.setBaseUrl(proxy.url());
    const long rssBefore = peakRssKb();
    const double serverCpu0 = cpuSeconds(world.server().pid()), selfCpu0 = cpuSeconds();
    const auto start = Clock::now();
    if (!world.addTablet("maytinhbang")) return 1;
    const double loginSeconds = secondsSince(start);
    Tablet& tablet = world.tablet(0);
    std::uint64_t pages = 0;
    auto synced = tablet.sync([&](const SyncProgress& p) {
        if (p.phase == SyncProgress::Phase::Pulling) ++pages;
    });
    if (!synced) {
        std::cerr << "sync failed: " << synced.error().code << " " << synced.error().message
                  << "\n";
        return 1;
    }
    ListQuery q;
    q.entity = "petition";
    q.limit = 50;
    auto page = tablet.replica->list(q);
    const double usable = secondsSince(start);
    const double serverCpu = cpuSeconds(world.server().pid()) - serverCpu0;
    const double tabletCpu = cpuSeconds() - selfCpu0;
    // The history arrives whole: no petition may show a conflict the server does not have.
    ListQuery byConflicts = q;
    byConflicts.sort = "conflicts";
    byConflicts.limit = 1;
    auto worst = tablet.replica->list(byConflicts);
    const bool ok = page && page->total == records && page->rows.size() == 50 && worst &&
                    !worst->rows.empty() && worst->rows[0]["conflicts"] == 0;
    std::printf(
        "  login %.2f s; sync %.2f s (%llu changes pulled, %llu pages); usable after %.2f s "
        "(target < 10 s)\n",
        loginSeconds, usable - loginSeconds, static_cast<unsigned long long>(synced->pulled),
        static_cast<unsigned long long>(pages > 0 ? pages - 1 : 0), usable);
    std::printf("  cpu during login + sync: server %.2f s, tablet %.2f s\n", serverCpu, tabletCpu);
    std::printf("  wire: up %s, down %s; tablet database %s\n",
                mib(static_cast<double>(proxy.bytesUp())).c_str(),
                mib(static_cast<double>(proxy.bytesDown())).c_str(),
                mib(static_cast<double>(std::filesystem::file_size(tablet.path))).c_str());
    std::printf("  peak RSS: server %.1f MiB, tablet process %.1f MiB (before sync %.1f MiB)\n",
                world.server().peakRssKb() / 1024.0, peakRssKb() / 1024.0, rssBefore / 1024.0);
    std::printf("  list: %lld petitions visible, most conflicts on one: %lld\n",
                page ? static_cast<long long>(page->total) : -1LL,
                worst && !worst->rows.empty() ? worst->rows[0]["conflicts"].get<long long>() : -1LL);
    std::printf("  result: %s\n", ok ? "OK" : "FAILED");
    proxy.stop();
    return ok ? 0 : 1;
}
