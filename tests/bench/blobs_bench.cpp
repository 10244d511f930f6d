// blobs: tablets sending photos over slow links to one real nghedan-server on loopback. Each
// tablet has its own replica file, its own encrypted blob store and its own link (a proxy
// passing at most --rate bytes per second each way). Prints how long a week's records take to
// sync with and without photos queued (records never wait for blobs), how long the photos take
// against size / bandwidth, the peak memory of the server and of the tablets' process, and the
// bytes on the wire against the blob bytes.
//
// usage: nghedan-bench-blobs [--tablets 5] [--photos 100] [--photo-bytes 2000000]
//                            [--rate 2000000] [--records 60]
// The full run sends 5 x 100 photos of 2 MB at 2 MB/s per tablet: about 3.5 minutes on two
// cores (a minute of it storing the photos encrypted on the tablets, two sending them);
// `--photos 10` takes about 30 s.

#include <cstdio>
#include <iostream>
#include <thread>

#include "../e2e/blob_test_util.h"
#include "../e2e/e2e_util.h"
#include "../e2e/faulty_proxy.h"
#include "nghedan/blob_sync.h"
#include "nghedan/encrypted_blob_store.h"
#include "nghedan/local_key.h"
#include "sync_bench_util.h"

using namespace nghedan;
using namespace nghedan::test;
using namespace nghedan::bench;

namespace {

long long intArg(int argc, char** argv, const std::string& name, long long fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == name) return std::atoll(argv[i + 1]);
    return fallback;
}

long selfPeakRssKb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
    return 0;
}

/** A week of field work on one tablet: new petitions (a third) and edits of them. */
bool writeWeek(Tablet& t, WriteLog& log, std::mt19937_64& rng, int records, int& n) {
    const std::size_t first = log.petitions.size();
    const int created = std::max(1, records / 3);
    for (int k = 0; k < created; ++k)
        if (!createPetition(t, log, rng, ++n)) return false;
    static const std::vector<std::string> statuses = {"assigned", "in_progress", "resolved"};
    for (int k = created; k < records; ++k) {
        const std::string& id = log.petitions[first + rng() % static_cast<std::size_t>(created)];
        if (!log.record(t.write("petition", id, "",
                                {{"status", statuses[rng() % statuses.size()]},
                                 {"households", static_cast<int>(rng() % 50)}})))
            return false;
        ++n;
    }
    return true;
}

struct Timed {
    double seconds = 0;
    std::uint64_t pushed = 0, pulled = 0;
    bool ok = true;
};

/** Every tablet syncs its records at once, each on its own link; then once more so everyone
 *  has pulled everything. Wall time of the whole. */
Timed syncAll(World& world) {
    Timed out;
    const auto start = Clock::now();
    for (int round = 0; round < 2; ++round) {
        std::vector<std::thread> threads;
        std::mutex mutex;
        for (auto& t : world.tablets()) {
            threads.emplace_back([&, tablet = t.get()] {
                auto r = World::syncWithRetries(*tablet, 3);
                std::lock_guard lock(mutex);
                if (!r) {
                    std::cerr << tablet->name << " sync failed: " << r.error().message << "\n";
                    out.ok = false;
                    return;
                }
                out.pushed += r->pushed;
                out.pulled += r->pulled;
            });
        }
        for (auto& th : threads) th.join();
    }
    out.seconds = secondsSince(start);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const int tablets = static_cast<int>(intArg(argc, argv, "--tablets", 5));
    const int photos = static_cast<int>(intArg(argc, argv, "--photos", 100));
    const std::uint64_t photoBytes =
        static_cast<std::uint64_t>(intArg(argc, argv, "--photo-bytes", 2'000'000));
    const std::uint64_t rate = static_cast<std::uint64_t>(intArg(argc, argv, "--rate", 2'000'000));
    const int records = static_cast<int>(intArg(argc, argv, "--records", 60));
    constexpr std::uint64_t kThumbBytes = 12'000;
    std::printf(
        "blobs: %d tablets x %d photos of %s (+ thumbnails of %llu bytes), links of %s/s "
        "each way per tablet, %d records per tablet per week\n",
        tablets, photos, mib(static_cast<double>(photoBytes)).c_str(),
        static_cast<unsigned long long>(kThumbBytes), mib(static_cast<double>(rate)).c_str(),
        records);

    WorldOptions options;
    options.tablets = tablets;
    options.client.maxAttempts = 5;
    options.client.timeoutSeconds = 60;
    options.serverArgs = tabletsFromOneAddress({});
    World world(options, "nghedan-bench-blobs");
    if (!world.setUp()) return 1;
    std::vector<std::unique_ptr<FaultyProxy>> links;
    std::vector<std::unique_ptr<BlobStore>> stores;
    for (auto& t : world.tablets()) {
        links.push_back(std::make_unique<FaultyProxy>(world.server().port()));
        links.back()->setRateLimit(rate);
        if (!t->open(links.back()->url())) return 1;
        std::string key(32, '\0');
        randombytes_buf(key.data(), key.size());
        auto store = openEncryptedBlobStore(blobDirPath(t->path), key);
        if (!store) return 1;
        stores.push_back(std::move(*store));
    }
    if (!syncAll(world).ok) return 1;

    std::mt19937_64 rng(42);
    WriteLog log;
    int n = 0;
    // Week 1: records only.
    for (auto& t : world.tablets())
        if (!writeWeek(*t, log, rng, records, n)) return 1;
    const Timed plain = syncAll(world);
    if (!plain.ok) return 1;

    // Week 2: the same amount of records, and photos (with their attachment records) queued.
    std::uint64_t blobBytes = 0;
    const auto storing = Clock::now();
    for (std::size_t i = 0; i < world.tablets().size(); ++i) {
        Tablet& t = world.tablet(i);
        const std::size_t first = log.petitions.size();
        if (!writeWeek(t, log, rng, records, n)) return 1;
        for (int k = 0; k < photos; ++k) {
            auto full = storePhoto(*stores[i], rng(), photoBytes);
            auto thumb = storePhoto(*stores[i], rng(), kThumbBytes);
            if (!full || !thumb) return 1;
            const std::size_t p =
                first + static_cast<std::size_t>(k) % std::max<std::size_t>(1, records / 3);
            const std::string parent = log.petitions.at(std::min(p, log.petitions.size() - 1));
            if (!writePhotoRecord(t, parent, log.unitOf[parent], *full, photoBytes, *thumb,
                                  kThumbBytes, ++n))
                return 1;
            blobBytes += photoBytes + kThumbBytes;
        }
    }
    const double storeSeconds = secondsSince(storing);
    const Timed queued = syncAll(world);
    if (!queued.ok) return 1;
    std::printf(
        "records of a week, no photos:          %6.2f s  (%llu changes pushed, %llu pulled)\n",
        plain.seconds, static_cast<unsigned long long>(plain.pushed),
        static_cast<unsigned long long>(plain.pulled));
    std::printf(
        "records of a week, %4d photos queued: %6.2f s  (%llu changes pushed, %llu pulled; "
        "the %d attachment records included)\n",
        photos * tablets, queued.seconds, static_cast<unsigned long long>(queued.pushed),
        static_cast<unsigned long long>(queued.pulled), photos * tablets);
    std::printf("storing the photos encrypted on the tablets: %.2f s for %s\n", storeSeconds,
                mib(static_cast<double>(blobBytes)).c_str());

    // The photos: every tablet uploads on its own link at once.
    std::uint64_t wireBefore = 0;
    for (auto& l : links) wireBefore += l->bytesUp() + l->bytesDown();
    std::vector<double> perTablet(world.tablets().size(), 0);
    std::vector<std::string> errors(world.tablets().size());
    std::atomic<long> tabletPeak{0};
    const auto uploading = Clock::now();
    {
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < world.tablets().size(); ++i) {
            threads.emplace_back([&, i] {
                Tablet& t = world.tablet(i);
                BlobSync sync(*t.replica, *stores[i], t.client->options());
                const auto start = Clock::now();
                auto r = sync.uploadPending();
                perTablet[i] = secondsSince(start);
                if (!r)
                    errors[i] = r.error().code + ": " + r.error().message;
                else if (!r->failures.empty())
                    errors[i] = r->failures.front().error.code;
            });
        }
        std::atomic<bool> done{false};
        std::thread sampler([&] {
            while (!done) {
                tabletPeak = std::max(tabletPeak.load(), selfPeakRssKb());
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
            }
        });
        for (auto& th : threads) th.join();
        done = true;
        sampler.join();
    }
    const double uploadSeconds = secondsSince(uploading);
    for (std::size_t i = 0; i < errors.size(); ++i)
        if (!errors[i].empty())
            std::printf("  %s: %s\n", world.tablet(i).name.c_str(), errors[i].c_str());
    std::uint64_t wireAfter = 0;
    for (auto& l : links) wireAfter += l->bytesUp() + l->bytesDown();
    const double perTabletBytes = static_cast<double>(blobBytes) / tablets;
    const double ideal = perTabletBytes / static_cast<double>(rate);
    double slowest = 0;
    for (double s : perTablet) slowest = std::max(slowest, s);
    std::printf(
        "photos: %s per tablet in %.2f s (slowest tablet %.2f s); size / bandwidth = %.2f s "
        "(%.1f %% of the link used)\n",
        mib(perTabletBytes).c_str(), uploadSeconds, slowest, ideal,
        100.0 * ideal / std::max(slowest, 1e-9));
    const std::uint64_t wire = wireAfter - wireBefore;
    std::printf("bytes on the wire: %s for %s of blobs (+%.2f %%)\n",
                mib(static_cast<double>(wire)).c_str(), mib(static_cast<double>(blobBytes)).c_str(),
                100.0 * (static_cast<double>(wire) - static_cast<double>(blobBytes)) /
                    static_cast<double>(blobBytes));
    std::uint64_t onServer = 0;
    const std::size_t files = serverBlobFiles(world.server().dataDir(), &onServer);
    std::printf("server holds %zu blobs, %s\n", files, mib(static_cast<double>(onServer)).c_str());
    std::printf(
        "peak RSS: server %ld KiB, tablets' process (%d tablets, their links and the "
        "benchmark) %ld KiB\n",
        world.server().peakRssKb(), tablets, std::max(tabletPeak.load(), selfPeakRssKb()));
    for (auto& l : links) l->stop();
    return files == static_cast<std::size_t>(2 * photos * tablets) ? 0 : 1;
}
