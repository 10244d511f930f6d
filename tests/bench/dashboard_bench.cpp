// Dashboard benchmark: prints figures, asserts nothing. Run:
//   build/tests/bench/nghedan-bench-dashboard [--dir DIR] [--petitions N] [--requests N] [--reuse]
// (--reuse: measure an existing DIR built by an earlier run instead of building it again)
//
// Builds a server data directory holding 100,000 petitions made by 1,000,000 changes (each
// petition created by a tablet, then edited 9 times with bases: assignment, progress, notes,
// resolution), 5,000 meetings and a district supervisor, starts the real server in process on
// a free loopback port, and measures over HTTP (bearer token, gzip off):
//   1. GET /api/v1/overview for one year of the district (p50/p99)
//   2. GET /api/v1/petitions with filters (status, category, ward, agency, overdue, search,
//      sort, deep offsets) (p50/p99)
//   3. GET /api/v1/exports/petitions.csv of all 100,000 rows, and .xlsx: time, size, and the
//      process's resident memory before and at its peak during each export (the client counts
//      the bytes and drops them)
//   4. 20 tablets (simulated, of a ward outside the district) syncing every 150-250 ms each
//      (push two petitions, pull): sync time p50/p90/p99 without an export and during the CSV
//      and XLSX exports of 3., run again

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "app.h"
#include "bench_stats.h"
#include "nghedan/proof.h"
#include "nghedan/replica.h"
#include "test_server.h"
#include "users.h"

using namespace nghedan;
using namespace nghedan::bench;

namespace {

const std::vector<std::string> kWords = {
    "Đức", "phường", "kiến nghị", "đường", "hẻm", "ngập", "nước", "căn cước", "gắn chip",
    "bảo hiểm", "y tế", "xe khách", "dừng đỗ", "rác", "vệ sinh", "an ninh", "trật tự",
    "chiếu sáng", "cây xanh", "hộ nghèo", "Phú Nhuận", "Thới An", "khu phố", "cử tri"};

std::string sentence(std::mt19937_64& rng, int words) {
    std::string s;
    for (int i = 0; i < words; ++i) {
        if (i) s += ' ';
        s += kWords[rng() % kWords.size()];
    }
    return s;
}

std::string isoDay(std::int64_t ms) {
    const std::time_t t = static_cast<std::time_t>((ms + 7 * 3600 * 1000) / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

struct Writer {
    std::vector<std::string> sites;
    std::vector<KeyPair> keys;  ///< each site's, as its tablet would have made
    std::vector<std::uint64_t> seqs;
    std::vector<Change> batch;
    server::Store* replica = nullptr;
    std::size_t applied = 0;
    HlcTime lastHlc = 0;

    Dot add(std::size_t siteIndex, std::int64_t ms, const std::string& entity, const std::string& id,
            const std::string& unit, std::map<std::string, Json> set,
            std::map<std::string, std::vector<Dot>> bases = {}) {
        Change c;
        c.site = sites[siteIndex];
        c.seq = ++seqs[siteIndex];
        c.hlc = hlcPack(ms, static_cast<std::uint32_t>(c.seq & 0xffff));
        c.entity = entity;
        c.id = id;
        c.unit = unit;
        c.author = "canbo." + std::to_string(siteIndex);
        c.set = std::move(set);
        c.bases = std::move(bases);
        c.sig = signatureOf(c, keys[siteIndex].secretKey);
        batch.push_back(std::move(c));
        if (batch.size() == 2000) flush();
        return {sites[siteIndex], seqs[siteIndex]};
    }
    void flush() {
        if (batch.empty()) return;
        auto r = replica->apply(batch);
        if (!r || !r->refused.empty()) {
            std::fprintf(stderr, "apply failed: %s\n",
                         !r ? r.error().message.c_str() : r->refused[0].error.message.c_str());
            std::exit(1);
        }
        applied += batch.size();
        batch.clear();
    }
};

struct Timing {
    std::vector<double> ms;
    std::size_t bytes = 0;
};

}  // namespace

int main(int argc, char** argv) {
    std::string dir;
    int petitions = 100000, requests = 200;
    bool reuse = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--reuse") reuse = true;
        else if (i + 1 >= argc) break;
        else if (a == "--dir") dir = argv[++i];
        else if (a == "--petitions") petitions = std::stoi(argv[++i]);
        else if (a == "--requests") requests = std::stoi(argv[++i]);
    }
    const bool ownDir = dir.empty();
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    if (ownDir)
        dir = (std::filesystem::temp_directory_path() / ("nghedan-dash-bench-" + std::to_string(::getpid()))).string();
    std::filesystem::create_directories(dir);
    std::mt19937_64 rng(20230310);
    const std::int64_t now = systemMillis();
    const std::int64_t yearAgo = now - 365LL * 86400000;

    // ---- build the data directory -------------------------------------------------------
    std::size_t totalChanges = 0;
    if (reuse && std::filesystem::exists(server::databasePath(dir))) {
        std::printf("data: reusing %s\n", dir.c_str());
    } else {
        auto opened = server::openDataDir(dir);
        if (!opened) return std::fprintf(stderr, "open: %s\n", opened.error().message.c_str()), 1;
        server::Store& r = **opened;
        auto unit = [&](const std::string& id, const std::string& parent, const std::string& level, const std::string& name) {
            std::map<std::string, Json> set{{"level", level}, {"name", name}};
            if (!parent.empty()) set["parent"] = parent;
            if (auto w = r.write({"unit", id, id, "admin", set}); !w) std::exit(1);
        };
        unit("hcm", "", "city", "Thành phố Hồ Chí Minh");
        unit("q3", "hcm", "district", "Quận 3");
        std::vector<std::string> neighbourhoods, wards;
        for (int w = 1; w <= 10; ++w) {
            const std::string ward = "q3-p" + std::to_string(w);
            wards.push_back(ward);
            unit(ward, "q3", "ward", "Phường " + std::to_string(w));
            for (int k = 1; k <= 5; ++k) {
                const std::string kp = ward + "-kp" + std::to_string(k);
                unit(kp, ward, "neighbourhood", "Khu phố " + std::to_string(k));
                neighbourhoods.push_back(kp);
            }
        }
        std::vector<std::string> agencies;
        for (int a = 0; a < 20; ++a) {
            const std::string id = "ag" + std::to_string(a);
            agencies.push_back(id);
            if (auto w = r.write({"agency", id, "q3", "admin", {{"name", "Cơ quan " + std::to_string(a)}, {"level", "district"}}}); !w)
                std::exit(1);
        }
        server::Store& users = r;
        server::Account acc;
        acc.username = "giamsat.q3";
        acc.displayName = "Giám sát Quận 3";
        acc.role = "supervisor";
        acc.scopeUnit = "q3";
        acc.createdAt = now;
        if (Status s = users.addUser(acc, *server::hashPassword("bench-password")); !s) std::exit(1);

        Writer w;
        w.replica = &r;
        for (int s = 0; s < 200; ++s) {
            w.sites.push_back(newSiteId());
            w.keys.push_back(newKeyPair());
            if (!r.learnSiteKey({w.sites.back(), w.keys.back().publicKey, 0, {}})) std::exit(1);
        }
        w.seqs.assign(w.sites.size(), 0);
        const auto t = Clock::now();
        std::vector<std::string> meetingIds;
        for (int m = 0; m < 5000; ++m) {
            const std::string id = newRecordId();
            const std::int64_t at = yearAgo + static_cast<std::int64_t>(rng() % (365ULL * 86400000));
            w.add(m % 200, at, "meeting", id, neighbourhoods[rng() % neighbourhoods.size()],
                  {{"held_at", at}, {"title", "Mỗi tuần một khu phố " + std::to_string(m)},
                   {"location", sentence(rng, 3)}, {"status", "finalised"}, {"minutes", sentence(rng, 40)}});
            meetingIds.push_back(id);
        }
        const std::vector<std::string> categories = petitionCategories();
        struct P {
            std::string id, unit;
            std::size_t site;
            std::int64_t received;
            std::map<std::string, Dot> last;
        };
        std::vector<P> ps(static_cast<std::size_t>(petitions));
        for (auto& p : ps) {
            p.id = newRecordId();
            p.unit = neighbourhoods[rng() % neighbourhoods.size()];
            p.site = rng() % 200;
            p.received = yearAgo + static_cast<std::int64_t>(rng() % (365ULL * 86400000));
            std::map<std::string, Json> set = {
                {"received_at", p.received}, {"category", categories[rng() % categories.size()]},
                {"title", sentence(rng, 6)}, {"description", sentence(rng, 25)},
                {"status", "received"}, {"channel", "meeting"}, {"meeting", meetingIds[rng() % meetingIds.size()]},
                {"petitioner_name", "Nguyễn Văn " + std::to_string(rng() % 1000)},
                {"petitioner_contact", "0909" + std::to_string(100000 + rng() % 900000)},
                {"location", sentence(rng, 3)}};
            const Dot d = w.add(p.site, p.received, "petition", p.id, p.unit, set);
            for (const auto& [k, v] : set) p.last[k] = d;
        }
        // Nine edits per petition, each replacing what the author saw.
        auto edit = [&](P& p, std::int64_t at, std::map<std::string, Json> set) {
            std::map<std::string, std::vector<Dot>> bases;
            for (const auto& [k, v] : set)
                if (p.last.count(k)) bases[k] = {p.last[k]};
            const Dot d = w.add(p.site, at, "petition", p.id, p.unit, set, bases);
            for (const auto& [k, v] : set) p.last[k] = d;
        };
        for (int round = 0; round < 9; ++round) {
            for (auto& p : ps) {
                const std::int64_t at = std::min<std::int64_t>(now - 60000, p.received + (round + 1) * 2 * std::int64_t{86400000});
                switch (round) {
                case 0:
                    edit(p, at, {{"status", "assigned"}, {"lead_agency", agencies[rng() % agencies.size()]},
                                 {"due_date", isoDay(p.received + static_cast<std::int64_t>(10 + rng() % 60) * 86400000)}});
                    break;
                case 1: edit(p, at, {{"priority", rng() % 4 == 0 ? "high" : "normal"}}); break;
                case 2: edit(p, at, {{"handling_level", rng() % 3 == 0 ? "district" : "ward"}}); break;
                case 3: edit(p, at, {{"description", sentence(rng, 30)}}); break;
                case 4: edit(p, at, {{"status", "in_progress"}}); break;
                case 5: edit(p, at, {{"support_agencies", Json::array({agencies[rng() % agencies.size()]})}}); break;
                case 6: edit(p, at, {{"location", sentence(rng, 4)}}); break;
                case 7: edit(p, at, {{"households", static_cast<int>(rng() % 30)}}); break;
                default:
                    if (rng() % 10 < 6)
                        edit(p, at, {{"status", "resolved"}, {"resolution", sentence(rng, 10)}, {"resolved_at", at}});
                    else
                        edit(p, at, {{"status_reason", sentence(rng, 6)}});
                }
            }
        }
        w.flush();
        totalChanges = r.changeCount();
        std::printf("data: %d petitions, 5,000 meetings, %zu changes applied in %.1f s (%zu in the replica)\n",
                    petitions, w.applied, msSince(t) / 1000, totalChanges);
    }

    // ---- serve and measure -------------------------------------------------------------------
    server::ServerOptions so;
    so.address = "127.0.0.1";
    so.port = 0;
    so.dataDir = dir;
    so.connections.workers = 8;
    so.logFile = dir + "/server.log";
    server::ServerApp app(so);
    if (Status s = app.open(); !s) return std::fprintf(stderr, "server: %s\n", s.error().message.c_str()), 1;
    // The tablets of 4.: an official of Thới An (outside the district the exports read).
    const std::string tabletPassword = *server::hashPassword("bench-password");
    {
        auto& ctx = app.context();
        std::lock_guard lock(ctx.mutex);
        server::Store& r = *ctx.store;
        for (const auto& [id, parent, level, name] :
             std::vector<std::array<std::string, 4>>{{"q12", "hcm", "district", "Quận 12"},
                                                     {"q12-ta", "q12", "ward", "Phường Thới An"}})
            if (auto u = r.get("unit", id); u && !u->has_value())
                if (!r.write({"unit",
                              id,
                              id,
                              "admin",
                              {{"parent", parent}, {"level", level}, {"name", name}}}))
                    return std::fprintf(stderr, "unit %s\n", id.c_str()), 1;
        server::Store& users = r;
        if (auto u = users.findUser("canbo.q12"); u && !u->has_value()) {
            server::Account a;
            a.username = a.displayName = "canbo.q12";
            a.role = "official";
            a.scopeUnit = "q12-ta";
            a.createdAt = now;
            if (!users.addUser(a, tabletPassword))
                return std::fprintf(stderr, "user canbo.q12\n"), 1;
        }
    }
    if (auto port = app.start(); !port) return std::fprintf(stderr, "start: %s\n", port.error().message.c_str()), 1;
    httplib::Client cli(app.baseUrl());
    cli.set_read_timeout(300, 0);
    const std::string device = newSiteId();
    const KeyPair deviceKey = newKeyPair();
    auto login = cli.Post(
        "/api/v1/auth/login",
        Json{{"username", "giamsat.q3"},
             {"password", "bench-password"},
             {"device", device},
             {"publicKey", deviceKey.publicKey},
             {"keyProof", signMessage(keyProofMessage(device, "giamsat.q3", deviceKey.publicKey),
                                      deviceKey.secretKey)}}
            .dump(),
        "application/json");
    if (!login || login->status != 200) return std::fprintf(stderr, "login failed\n"), 1;
    const httplib::Headers auth = {{"Authorization", "Bearer " + Json::parse(login->body)["token"].get<std::string>()}};

    auto measure = [&](const std::vector<std::string>& paths, int n) {
        Timing t;
        for (int i = 0; i < n; ++i) {
            const std::string& path = paths[static_cast<std::size_t>(i) % paths.size()];
            const auto start = Clock::now();
            auto r = cli.Get(path.c_str(), auth);
            t.ms.push_back(msSince(start));
            if (!r || r->status != 200) {
                std::fprintf(stderr, "%s -> %d %s\n", path.c_str(), r ? r->status : 0, r ? r->body.c_str() : "");
                std::exit(1);
            }
            t.bytes = r->body.size();
        }
        return t;
    };
    const std::string from = isoDay(yearAgo), to = isoDay(now);
    // The first overview builds the in-memory overview index from the tables (once per start).
    const Timing first = measure({"/api/v1/overview?from=" + from + "&to=" + to}, 1);
    std::printf("first overview after start (builds the overview index): %.0f ms\n", first.ms[0]);
    measure({"/api/v1/overview?from=" + from + "&to=" + to}, 2);
    const Timing overview = measure({"/api/v1/overview?from=" + from + "&to=" + to}, requests);
    std::printf("overview (district, 1 year, %d petitions): p50 %.1f ms, p99 %.1f ms, %zu bytes\n",
                petitions, percentile(overview.ms, 0.5), percentile(overview.ms, 0.99), overview.bytes);
    const Timing overviewWard = measure({"/api/v1/overview?from=" + from + "&to=" + to + "&unit=q3-p3"}, requests);
    std::printf("overview (one ward): p50 %.1f ms, p99 %.1f ms\n", percentile(overviewWard.ms, 0.5),
                percentile(overviewWard.ms, 0.99));

    std::vector<std::string> lists;
    const std::vector<std::string> cats = petitionCategories();
    for (int i = 0; i < 40; ++i) {
        std::string q;
        switch (i % 8) {
        case 0: q = "status=in_progress&sort=received_at"; break;
        case 1: q = "category=" + cats[static_cast<std::size_t>(i) % cats.size()] + "&sort=due_date&order=asc"; break;
        case 2: q = "unit=q3-p" + std::to_string(1 + i % 10) + "&status=resolved,closed"; break;
        case 3: q = "agency=ag" + std::to_string(i % 20); break;
        case 4: q = "overdue=1&sort=due_date&order=asc"; break;
        case 5: q = "q=" + std::string(i % 2 ? "duong ngap nuoc" : "xe khach dung do"); break;
        case 6: q = "from=" + isoDay(now - 30LL * 86400000) + "&to=" + to; break;
        default: q = "offset=" + std::to_string(25 * (rng() % 2000)); break;
        }
        lists.push_back("/api/v1/petitions?limit=25&" + q);
    }
    measure(lists, static_cast<int>(lists.size()));
    const Timing list = measure(lists, requests);
    std::printf("filtered petition list (25 rows; status/category/ward/agency/overdue/search/period/deep offset): "
                "p50 %.1f ms, p99 %.1f ms\n", percentile(list.ms, 0.5), percentile(list.ms, 0.99));
    for (std::size_t k = 0; k < 8; ++k) {
        Timing one = measure({lists[k]}, std::max(10, requests / 10));
        std::printf("  %-70s p50 %.1f ms, p99 %.1f ms\n", lists[k].substr(16).c_str(), percentile(one.ms, 0.5),
                    percentile(one.ms, 0.99));
    }

    // ---- exports: time and memory ----------------------------------------------------------
    struct Export {
        double ms = 0;
        std::size_t bytes = 0, lines = 0;
        long rssBeforeKb = 0, rssPeakKb = 0;
    };
    std::printf("process peak RSS before the exports: %.0f MB\n",
                static_cast<double>(peakRssKb()) / 1024);
    auto exportOnce = [&](const std::string& path) {
        Export e;
        httplib::Client http(app.baseUrl());
        http.set_read_timeout(300, 0);
        const bool peakReset = resetPeakRss();
        e.rssBeforeKb = rssKb();
        const auto start = Clock::now();
        auto r = http.Get(path.c_str(), auth, [&](const char* data, std::size_t n) {
            e.bytes += n;
            e.lines += static_cast<std::size_t>(std::count(data, data + n, '\n'));
            return true;
        });
        e.ms = msSince(start);
        if (!r || r->status != 200) {
            std::fprintf(stderr, "%s failed: %d\n", path.c_str(), r ? r->status : 0);
            std::exit(1);
        }
        e.rssPeakKb = peakReset ? peakRssKb() : 0;
        return e;
    };
    auto printExport = [](const char* what, const Export& e, bool csv) {
        const std::string lines =
            csv ? ", " + std::to_string(e.lines) + " lines (header + rows)" : "";
        std::printf("%s: %.0f ms, %.1f MB%s; RSS %.0f MB before, peak %.0f MB (+%.0f MB)\n", what,
                    e.ms, static_cast<double>(e.bytes) / 1e6, lines.c_str(),
                    static_cast<double>(e.rssBeforeKb) / 1024,
                    static_cast<double>(e.rssPeakKb) / 1024,
                    static_cast<double>(e.rssPeakKb - e.rssBeforeKb) / 1024);
    };
    printExport("CSV export of all petitions", exportOnce("/api/v1/exports/petitions.csv"), true);
    printExport("XLSX export of all petitions", exportOnce("/api/v1/exports/petitions.xlsx"),
                false);

    // ---- syncs during the exports --------------------------------------------------------------
    constexpr int kTablets = 20;
    std::vector<std::unique_ptr<testing::TabletSession>> tablets;
    for (int i = 0; i < kTablets; ++i) {
        tablets.push_back(std::make_unique<testing::TabletSession>(app.baseUrl(), "canbo.q12",
                                                                   "bench-password", "q12-ta"));
        tablets.back()->pullAll();
    }
    struct Sample {
        double ms;
        bool duringExport;
    };
    std::mutex samplesMutex;
    std::vector<Sample> samples;
    std::atomic<bool> stop{false}, exporting{false};
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kTablets; ++i) {
        threads.emplace_back([&, i] {
            std::mt19937 jitter(static_cast<unsigned>(i));
            std::this_thread::sleep_for(std::chrono::milliseconds(jitter() % 200));
            while (!stop) {
                const bool during = exporting;
                const auto start = Clock::now();
                try {
                    tablets[static_cast<std::size_t>(i)]->sync();
                } catch (const std::exception& e) {
                    if (failures++ == 0) std::fprintf(stderr, "sync failed: %s\n", e.what());
                    return;
                }
                const double ms = msSince(start);
                {
                    std::lock_guard lock(samplesMutex);
                    if (during == exporting) samples.push_back({ms, during});
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(150 + jitter() % 100));
            }
        });
    }
    auto countSamples = [&](bool during) {
        std::lock_guard lock(samplesMutex);
        return std::count_if(samples.begin(), samples.end(),
                             [&](const Sample& x) { return x.duringExport == during; });
    };
    while (countSamples(false) < 100 && !failures)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    {
        std::lock_guard lock(samplesMutex);
        samples.clear();  // the warm-up
    }
    while (countSamples(false) < 1000 && !failures)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    exporting = true;
    const Export csvLoaded = exportOnce("/api/v1/exports/petitions.csv");
    const Export xlsxLoaded = exportOnce("/api/v1/exports/petitions.xlsx");
    exporting = false;
    stop = true;
    for (auto& t : threads) t.join();
    if (failures) return std::fprintf(stderr, "%d tablets failed\n", failures.load()), 1;
    std::vector<double> without, during;
    for (const Sample& x : samples) (x.duringExport ? during : without).push_back(x.ms);
    std::printf("exports while %d tablets sync: CSV %.0f ms, XLSX %.0f ms\n", kTablets,
                csvLoaded.ms, xlsxLoaded.ms);
    std::printf(
        "syncs (push 2 + pull) without an export: %zu, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms\n",
        without.size(), percentile(without, 0.5), percentile(without, 0.9),
        percentile(without, 0.99));
    std::printf(
        "syncs (push 2 + pull) during the exports: %zu, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms\n",
        during.size(), percentile(during, 0.5), percentile(during, 0.9), percentile(during, 0.99));
    std::printf("database %.0f MB\n",
                static_cast<double>(std::filesystem::file_size(server::databasePath(dir))) / 1e6);
    app.stop();
    if (ownDir) std::filesystem::remove_all(dir);
    return 0;
}
