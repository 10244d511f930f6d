// many-tablets: 1,000 simulated tablets (each its own device id, token, seq counter and pull
// cursor; no local replica) pushing small batches and pulling their ward's changes
// concurrently against one real nghedan-server over loopback. Prints syncs/s, p50/p99
// latency of a sync (push + pull until caught up) and errors.
//
// usage: nghedan-bench-many-tablets [--tablets N] [--rounds R] [--threads T] [--batch B]

#include <atomic>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>

#include "../e2e/e2e_world.h"
#include "sync_bench_util.h"
#include "sync_bench_wire.h"

using namespace nghedan;
using namespace nghedan::test;
using namespace nghedan::bench;

namespace {

struct SimTablet {
    std::mutex mutex;
    std::string site;
    KeyPair key = newKeyPair();  ///< the device's, as a real tablet makes one
    std::string user;
    std::string unit;  ///< neighbourhood it records in
    std::string token;
    std::uint64_t seq = 0;
    std::uint64_t cursor = 0;
    std::vector<std::pair<std::string, Dot>> statusOf;  ///< own petitions: id, dot of status
};

int intArg(int argc, char** argv, const std::string& name, int fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == name) return std::atoi(argv[i + 1]);
    return fallback;
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            std::cout << "usage: " << argv[0]
                      << " [--tablets 1000] [--rounds 5] [--threads 64] [--batch 5]\n";
            return 0;
        }
    }
    const int tabletCount = intArg(argc, argv, "--tablets", 1000);
    const int rounds = intArg(argc, argv, "--rounds", 5);
    const int threads = intArg(argc, argv, "--threads", 64);
    const int batch = intArg(argc, argv, "--batch", 5);
    const int kWards = std::max(1, tabletCount / 20);  // about 20 tablets per ward

    WorldOptions options;
    options.tablets = 0;
    options.wards = kWards;
    options.neighbourhoods = 2;
    options.serverArgs = tabletsFromOneAddress({"--log-level", "warn", "--threads", "64"});
    World world(options, "nghedan-bench-many");
    const auto setupStart = Clock::now();
    if (!world.setUp()) return 1;
    for (int w = 1; w <= kWards; ++w) {
        if (!world.addUser("phuong" + std::to_string(w), "official", "q3-p" + std::to_string(w)))
            return 1;
    }
    std::printf("many-tablets: %d tablets x %d syncs, batch %d, %d client threads, server %s\n",
                tabletCount, rounds, batch, threads, world.server().url().c_str());
    std::printf("  setup (server, %d users): %.2f s\n", kWards, secondsSince(setupStart));

    std::vector<std::unique_ptr<SimTablet>> tablets;
    for (int i = 0; i < tabletCount; ++i) {
        auto t = std::make_unique<SimTablet>();
        const int ward = 1 + i % kWards;
        t->site = newSiteId();
        t->user = "phuong" + std::to_string(ward);
        t->unit = "q3-p" + std::to_string(ward) + "-kp" + std::to_string(1 + (i / kWards) % 2);
        tablets.push_back(std::move(t));
    }

    // Logins (Argon2id on the server: slow on purpose), in parallel.
    const auto loginStart = Clock::now();
    std::atomic<int> next{0}, loginErrors{0};
    {
        std::vector<std::thread> pool;
        for (int k = 0; k < std::min(threads, 4); ++k) {
            pool.emplace_back([&] {
                httplib::Client http(world.server().url());
                http.set_read_timeout(60);
                for (int i; (i = next++) < tabletCount;) {
                    std::string error;
                    tablets[i]->token =
                        login(http, tablets[i]->user, kTestPassword, tablets[i]->site,
                              tablets[i]->key, &error);
                    if (tablets[i]->token.empty()) {
                        if (loginErrors++ < 3) std::cerr << "login failed: " << error << "\n";
                    }
                }
            });
        }
        for (auto& th : pool) th.join();
    }
    std::printf("  logins: %d in %.2f s (%d errors)\n", tabletCount, secondsSince(loginStart),
                loginErrors.load());

    // Syncs: task k is tablet k % N's (k / N)-th sync.
    const int totalSyncs = tabletCount * rounds;
    std::vector<double> latencies(static_cast<std::size_t>(totalSyncs), -1);
    std::atomic<int> task{0}, errors{0}, retries{0};
    std::atomic<std::uint64_t> pushed{0}, pulled{0};
    const auto start = Clock::now();
    const double serverCpuStart = cpuSeconds(world.server().pid());
    {
        std::vector<std::thread> pool;
        for (int k = 0; k < threads; ++k) {
            pool.emplace_back([&, k] {
                std::mt19937_64 rng(static_cast<std::uint64_t>(k) * 7919 + 17);
                for (int j; (j = task++) < totalSyncs;) {
                    SimTablet& t = *tablets[static_cast<std::size_t>(j % tabletCount)];
                    std::lock_guard lock(t.mutex);
                    const auto began = Clock::now();
                    httplib::Client http(world.server().url());
                    http.set_keep_alive(true);
                    http.set_read_timeout(30);
                    // Push: new petitions, or status steps on own ones.
                    std::vector<Change> changes;
                    for (int b = 0; b < batch; ++b) {
                        if (t.statusOf.empty() || rng() % 2 == 0) {
                            Change c = petitionCreate(t.site, ++t.seq, t.unit, t.user, rng, j,
                                                      t.key.secretKey);
                            changes.push_back(c);
                            t.statusOf.push_back({c.id, c.dot()});
                        } else {
                            auto& [id, dot] = t.statusOf[rng() % t.statusOf.size()];
                            Change c = statusStep(t.site, ++t.seq, id, t.unit, t.user,
                                                  rng() % 2 ? "assigned" : "in_progress", dot,
                                                  t.key.secretKey);
                            dot = c.dot();
                            changes.push_back(c);
                        }
                    }
                    // Like SyncClient: a connection error or 5xx is retried (3 attempts,
                    // backoff); the sync counts as an error only when every attempt failed.
                    auto call = [&](const std::string& path, const Json& body) {
                        Reply r;
                        for (int attempt = 0; attempt < 3; ++attempt) {
                            if (attempt > 0) {
                                ++retries;
                                std::this_thread::sleep_for(
                                    std::chrono::milliseconds(100 << attempt));
                            }
                            r = postJson(http, path, body, t.token);
                            if (r.status != 0 && r.status < 500) break;
                        }
                        return r;
                    };
                    bool ok = true;
                    auto r = call("/api/v1/sync/push", pushBody(changes));
                    if (!r.ok() || !r.body["refused"].empty()) {
                        ok = false;
                        if (errors.load() < 3)
                            std::cerr
                                << "push: " << r.status << " " << r.error << " "
                                << (r.body.is_object() ? r.body.value("refused", Json()).dump()
                                                       : "")
                                << "\n";
                    } else {
                        pushed += changes.size();
                    }
                    // Pull until caught up.
                    for (int page = 0; ok && page < 100; ++page) {
                        auto p = call("/api/v1/sync/pull", {{"cursor", t.cursor}, {"limit", 1000}});
                        if (!p.ok()) {
                            ok = false;
                            if (errors.load() < 3)
                                std::cerr << "pull: " << p.status << " " << p.error << "\n";
                            break;
                        }
                        pulled += p.body["changes"].size();
                        t.cursor = p.body.value("cursor", t.cursor);
                        if (!p.body.value("more", false)) break;
                    }
                    if (!ok) {
                        ++errors;
                        continue;
                    }
                    latencies[static_cast<std::size_t>(j)] = secondsSince(began);
                }
            });
        }
        for (auto& th : pool) th.join();
    }
    const double wall = secondsSince(start);
    const double serverCpu = cpuSeconds(world.server().pid()) - serverCpuStart;
    std::vector<double> done;
    for (double l : latencies)
        if (l >= 0) done.push_back(l);
    std::sort(done.begin(), done.end());
    std::printf(
        "  syncs: %zu ok, %d errors in %.2f s: %.0f syncs/s (%d requests retried after "
        "a connection error or 5xx)\n",
        done.size(), errors.load(), wall, static_cast<double>(done.size()) / wall, retries.load());
    std::printf(
        "  latency per sync (push %d + pull): p50 %.1f ms, p99 %.1f ms, max %.1f ms "
        "(target: 0 errors, p99 < 1 s)\n",
        batch, percentile(done, 0.5) * 1000, percentile(done, 0.99) * 1000,
        done.empty() ? 0.0 : done.back() * 1000);
    std::printf("  changes: %llu pushed (%.0f/s), %llu pulled\n",
                static_cast<unsigned long long>(pushed.load()),
                static_cast<double>(pushed.load()) / wall,
                static_cast<unsigned long long>(pulled.load()));
    std::printf("  server CPU during the syncs: %.1f s = %.0f ms per 1,000 pushed changes "
                "(each verified; the pulls' cost included)\n",
                serverCpu, pushed.load() ? serverCpu * 1e6 / static_cast<double>(pushed.load()) : 0.0);
    std::printf("  peak RSS: server %.1f MiB, bench process %.1f MiB\n",
                world.server().peakRssKb() / 1024.0, peakRssKb() / 1024.0);
    const bool ok = errors == 0 && loginErrors == 0 && percentile(done, 0.99) < 1.0;
    std::printf("  result: %s\n", ok ? "OK" : "FAILED");
    return ok ? 0 : 1;
}
