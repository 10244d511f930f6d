// Blob sync end to end (server/API.md "Blobs"): tablets with real replica files and encrypted
// blob stores, BlobSync against the real nghedan-server through a proxy that cuts requests and
// replies, records synced first and never waiting for a blob.

#include <catch2/catch.hpp>

#include <filesystem>
#include <mutex>
#include <thread>

#include "blob_test_util.h"
#include "e2e_util.h"
#include "faulty_proxy.h"
#include "nghedan/blob_sync.h"
#include "nghedan/encrypted_blob_store.h"
#include "nghedan/local_key.h"

using namespace nghedan;
using namespace nghedan::test;

namespace {

SyncClientOptions fastRetries(int attempts) {
    SyncClientOptions o;
    o.maxAttempts = attempts;
    o.timeoutSeconds = 10;
    return o;
}

/** A directory for the tablets' blob stores: in memory (/dev/shm) when there is one, as the
 *  shared tests keep their files, so that thousands of local fsyncs do not dominate a test
 *  about the wire; the server's blobs stay on disk. */
class StoreDir {
public:
    StoreDir() {
        namespace fs = std::filesystem;
        const fs::path base =
            fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
        std::random_device rd;
        m_path = base / ("nghedan-e2e-blobs-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(m_path);
    }
    ~StoreDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    std::string forTablet(const Tablet& t) const {
        return blobDirPath((m_path / std::filesystem::path(t.path).filename()).string());
    }

private:
    std::filesystem::path m_path;
};

/** Runs fn(i) for i in [0, n) on n threads at once (each tablet on its own). */
template <class Fn>
void inParallel(std::size_t n, Fn&& fn) {
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < n; ++i) threads.emplace_back([&fn, i] { fn(i); });
    for (auto& t : threads) t.join();
}

std::unique_ptr<BlobStore> tabletStore(const std::string& dir) {
    std::string key(32, '\0');
    randombytes_buf(key.data(), key.size());
    auto store = openEncryptedBlobStore(dir, key);
    REQUIRE(store.ok());
    return std::move(*store);
}

struct Photo {
    std::string hash, thumb;
    std::uint64_t size = 0, thumbSize = 0;
};

/** Runs `step` (an upload or fetch run) until one returns with no refused blob, signing in
 *  again when the token was refused; the last result. */
template <class Step>
Result<BlobSyncResult> untilClean(Tablet& t, BlobSync& sync, Step&& step, int tries = 12) {
    Result<BlobSyncResult> last = Error{"none", "not tried"};
    for (int i = 0; i < tries; ++i) {
        last = step();
        if (last && last->failures.empty()) return last;
        if (!last && last.error().code == "unauthorized") {
            if (auto token = t.login()) sync.setToken(*token);
        }
    }
    return last;
}

std::string describe(const Result<BlobSyncResult>& r) {
    if (!r) return r.error().code + ": " + r.error().message;
    if (r->failures.empty()) return "ok";
    return std::to_string(r->failures.size()) + " refused, first " + r->failures.front().error.code;
}

}  // namespace

TEST_CASE(
    "through a proxy that cuts requests and replies photos from 5 tablets reach the server "
    "once and every tablet byte for byte",
    "[e2e][blobs][load]") {
    const std::uint64_t seed = testSeed("blobs through a faulty proxy");
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    WorldOptions options;
    options.tablets = 5;
    options.client = fastRetries(8);
    // Five tablets at once from one loopback address.
    options.serverArgs = {"--connections-per-address", "1000", "--requests-per-address", "100000"};
    World world(options);
    REQUIRE(world.setUp());
    StoreDir storeDir;
    FaultyProxy proxy(world.server().port());
    REQUIRE(proxy.ok());
    world.setBaseUrl(proxy.url());
    for (auto& t : world.tablets()) REQUIRE(World::syncWithRetries(*t).ok());

    // 200 photos: every 20th of 1.5 to 3.5 MB (several pieces each), the others 30 to 250 KB,
    // each with a thumbnail of 2 to 6 KB. (Smaller than field photos of 0.5 to 4 MB so that the
    // test stays within a minute on two cores; the benchmark sends 2 MB photos.)
    constexpr int kPetitionsPerTablet = 8;
    constexpr int kPhotosPerTablet = 40;
    std::vector<std::unique_ptr<BlobStore>> stores;
    std::vector<Photo> photos;
    WriteLog log;
    int n = 0;
    std::uint64_t blobBytes = 0;
    for (auto& t : world.tablets()) {
        stores.push_back(tabletStore(storeDir.forTablet(*t)));
        const std::size_t firstPetition = log.petitions.size();
        for (int k = 0; k < kPetitionsPerTablet; ++k) REQUIRE(createPetition(*t, log, rng, ++n));
        for (int k = 0; k < kPhotosPerTablet; ++k) {
            const bool large = photos.size() % 20 == 0;
            Photo p;
            p.size = large ? 1'500'000 + rng() % 2'000'000 : 30'000 + rng() % 220'000;
            p.thumbSize = 2'000 + rng() % 4'000;
            auto full = storePhoto(*stores.back(), rng(), p.size);
            auto thumb = storePhoto(*stores.back(), rng(), p.thumbSize);
            REQUIRE(full.ok());
            REQUIRE(thumb.ok());
            p.hash = *full;
            p.thumb = *thumb;
            blobBytes += p.size + p.thumbSize;
            const std::string parent = log.petitions[firstPetition + k % kPetitionsPerTablet];
            REQUIRE(log.record(writePhotoRecord(*t, parent, log.unitOf[parent], p.hash, p.size,
                                                p.thumb, p.thumbSize, ++n)));
            photos.push_back(p);
        }
    }
    std::cout << "blobs through a faulty proxy: " << photos.size() << " photos, "
              << blobBytes / 1'000'000.0 << " MB with thumbnails\n";

    // Records first, without faults so that the counts are exact: every tablet pushes its own
    // changes and pulls every other tablet's while the server holds no blob at all.
    const std::uint64_t own = kPetitionsPerTablet + kPhotosPerTablet;
    std::vector<std::uint64_t> pulled(world.tablets().size(), 0);
    for (int round = 0; round < 2; ++round) {
        for (std::size_t i = 0; i < world.tablets().size(); ++i) {
            auto r = world.tablet(i).sync();
            INFO(world.tablet(i).name << " round " << round << ": "
                                      << (r ? "" : r.error().message));
            REQUIRE(r.ok());
            CHECK(r->pushed == (round == 0 ? own : 0));
            CHECK(r->refused == 0);
            pulled[i] += r->pulled;
        }
    }
    for (std::size_t i = 0; i < pulled.size(); ++i) CHECK(pulled[i] == own * (pulled.size() - 1));
    CHECK(serverBlobFiles(world.server().dataDir()) == 0);

    // Then the blobs, every tablet at once, through a proxy that cuts and replays.
    proxy.setFaults({0.05, 0.05, 0.02, seed});
    std::mutex mutex;
    std::vector<std::string> outcomes(world.tablets().size());
    inParallel(world.tablets().size(), [&](std::size_t i) {
        Tablet& t = world.tablet(i);
        BlobSync sync(*t.replica, *stores[i], t.client->options());
        auto r = untilClean(t, sync, [&] { return sync.uploadPending(); });
        std::lock_guard lock(mutex);
        outcomes[i] = describe(r);
    });
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        INFO(world.tablet(i).name << " upload");
        CHECK(outcomes[i] == "ok");
    }
    std::uint64_t onServerBytes = 0;
    CHECK(serverBlobFiles(world.server().dataDir(), &onServerBytes) == 2 * photos.size());
    CHECK(onServerBytes == blobBytes);

    inParallel(world.tablets().size(), [&](std::size_t i) {
        Tablet& t = world.tablet(i);
        BlobSync sync(*t.replica, *stores[i], t.client->options());
        auto r = untilClean(t, sync, [&] { return sync.fetchMissing(FetchWhich::Everything); });
        std::lock_guard lock(mutex);
        outcomes[i] = describe(r);
    });
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        INFO(world.tablet(i).name << " fetch");
        CHECK(outcomes[i] == "ok");
    }
    INFO("proxy: " << proxy.requests() << " requests, " << proxy.cutRequests() << " cut requests, "
                   << proxy.cutResponses() << " cut responses, " << proxy.replays() << " replays");
    CHECK(proxy.cutRequests() > 0);
    CHECK(proxy.cutResponses() > 0);

    for (std::size_t i = 0; i < world.tablets().size(); ++i) {
        INFO(world.tablet(i).name);
        std::size_t wrong = 0;
        for (const Photo& p : photos) {
            if (rehash(*stores[i], p.hash) != p.hash) ++wrong;
            if (rehash(*stores[i], p.thumb) != p.thumb) ++wrong;
        }
        CHECK(wrong == 0);
        auto listed = stores[i]->list();
        REQUIRE(listed.ok());
        CHECK(listed->size() == 2 * photos.size());
    }
    // Still once each, and nothing unfinished left behind.
    CHECK(serverBlobFiles(world.server().dataDir()) == 2 * photos.size());
    std::size_t partial = 0;
    std::error_code ec;
    for ([[maybe_unused]] const auto& f :
         std::filesystem::directory_iterator(world.server().dataDir() + "/blobs/partial", ec))
        ++partial;
    CHECK(partial == 0);

    // The marks hold: a second run sends nothing (the fetched ones are asked about once).
    proxy.setFaults({0, 0, 0, seed});
    for (std::size_t i = 0; i < world.tablets().size(); ++i) {
        Tablet& t = world.tablet(i);
        BlobSync sync(*t.replica, *stores[i], t.client->options());
        for (int run = 0; run < 2; ++run) {
            auto r = sync.uploadPending();
            REQUIRE(r.ok());
            CHECK(r->sent == 0);
            CHECK(r->bytesSent == 0);
            if (run == 1) CHECK(r->alreadyThere == 0);
        }
        CHECK(sync.pendingUploadCount().value() == 0);
    }
    proxy.stop();
}

TEST_CASE("a blob the server refuses is reported alone and the login tells the attachment limits",
          "[e2e][blobs]") {
    WorldOptions options;
    options.tablets = 2;
    options.client = fastRetries(3);
    options.serverArgs = {"--blob-max-bytes", "3000000"};
    World world(options);
    REQUIRE(world.setUp());
    Tablet& a = world.tablet(0);
    Tablet& b = world.tablet(1);
    auto who = a.client->login(a.user, kTestPassword);
    REQUIRE(who.ok());
    CHECK(who->attachmentLimits.maxFileBytes == 3'000'000);
    CHECK(who->attachmentLimits.maxPerRecord == AttachmentLimits{}.maxPerRecord);
    REQUIRE(a.sync().ok());

    StoreDir storeDir;
    auto store = tabletStore(storeDir.forTablet(a));
    WriteLog log;
    std::mt19937_64 rng(5);
    REQUIRE(createPetition(a, log, rng, 1));
    const std::string petition = log.petitions.front();
    const std::string unit = log.unitOf[petition];
    auto good = storePhoto(*store, 1, 400'000);
    auto goodThumb = storePhoto(*store, 2, 3'000);
    auto wrongSize = storePhoto(*store, 3, 200'000);
    auto wrongThumb = storePhoto(*store, 4, 3'000);
    REQUIRE((good && goodThumb && wrongSize && wrongThumb));
    auto goodRecord = writePhotoRecord(a, petition, unit, *good, 400'000, *goodThumb, 3'000, 1);
    REQUIRE(goodRecord.ok());
    // This record declares one byte more than its file holds: the server refuses those bytes.
    REQUIRE(writePhotoRecord(a, petition, unit, *wrongSize, 200'001, *wrongThumb, 3'000, 2).ok());
    auto records = a.sync();
    REQUIRE(records.ok());
    CHECK(records->refused == 0);

    BlobSync sync(*a.replica, *store, a.client->options());
    std::vector<BlobSyncProgress> seen;
    auto r = sync.uploadPending([&](const BlobSyncProgress& p) { seen.push_back(p); });
    INFO(describe(r));
    REQUIRE(r.ok());
    CHECK(r->sent == 3);
    REQUIRE(r->failures.size() == 1);
    CHECK(r->failures.front().hash == *wrongSize);
    CHECK(r->failures.front().error.code == "size_mismatch");
    REQUIRE_FALSE(seen.empty());
    CHECK(seen.back().phase == BlobSyncProgress::Phase::Done);
    CHECK(seen.back().filesDone == 4);
    CHECK(seen.back().filesTotal == 4);
    CHECK(seen.back().bytesTotal == 400'000 + 3'000 + 200'000 + 3'000);
    CHECK(sync.pendingUploadCount().value() == 1);  // tried again next time, not in a loop

    // The other tablet: the thumbnail alone first, then the photo; a hash nobody sent is not found.
    REQUIRE(b.sync().ok());
    auto bStore = tabletStore(storeDir.forTablet(b));
    BlobSync bSync(*b.replica, *bStore, b.client->options());
    auto thumb = bSync.fetchThumbnail(goodRecord->id);
    REQUIRE(thumb.ok());
    CHECK(*thumb == *goodThumb);
    CHECK(bStore->size(*goodThumb) == 3'000u);
    CHECK_FALSE(bStore->size(*good).has_value());
    auto full = bSync.fetchFull(goodRecord->id);
    REQUIRE(full.ok());
    CHECK(rehash(*bStore, *good) == *good);
    Status missing = bSync.fetch(*wrongSize, 200'001);
    REQUIRE_FALSE(missing.ok());
    CHECK((missing.error().code == "blob_pending" || missing.error().code == "blob_not_found"));
    CHECK_FALSE(bStore->size(*wrongSize).has_value());
}

TEST_CASE("a cancelled upload or download keeps what arrived and the next run moves only the rest",
          "[e2e][blobs]") {
    WorldOptions options;
    options.tablets = 1;
    options.client = fastRetries(3);
    World world(options);
    REQUIRE(world.setUp());
    Tablet& t = world.tablet(0);
    REQUIRE(t.sync().ok());
    StoreDir storeDir;
    auto store = tabletStore(storeDir.forTablet(t));
    WriteLog log;
    std::mt19937_64 rng(9);
    REQUIRE(createPetition(t, log, rng, 1));
    const std::string petition = log.petitions.front();
    constexpr std::uint64_t kSize = 3 * kBlobPiece + 12345;
    constexpr std::uint64_t kThumb = 4000;
    auto photo = storePhoto(*store, 21, kSize);
    auto thumb = storePhoto(*store, 22, kThumb);
    REQUIRE((photo && thumb));
    REQUIRE(
        writePhotoRecord(t, petition, log.unitOf[petition], *photo, kSize, *thumb, kThumb, 1).ok());
    REQUIRE(t.sync().ok());

    BlobSync sync(*t.replica, *store, t.client->options());
    // The thumbnail goes first; cancelled once the server acknowledged the photo's first piece.
    auto first = sync.uploadPending([&](const BlobSyncProgress& p) {
        if (p.bytesDone >= kThumb + kBlobPiece) sync.cancel();
    });
    REQUIRE_FALSE(first.ok());
    CHECK(first.error().code == "cancelled");
    CHECK(sync.pendingUploadCount().value() == 1);
    CHECK(serverBlobFiles(world.server().dataDir()) == 1);

    auto second = sync.uploadPending();
    INFO(describe(second));
    REQUIRE(second.ok());
    CHECK(second->sent == 1);
    CHECK(second->bytesSent == kSize - kBlobPiece);
    CHECK(sync.pendingUploadCount().value() == 0);
    CHECK(serverBlobFiles(world.server().dataDir()) == 2);

    // A second store of the same tablet fetches: cancelled in the middle of the photo, then
    // continued with Range from the bytes it kept.
    auto other = tabletStore(storeDir.forTablet(t) + "-2");
    BlobSync fetching(*t.replica, *other, t.client->options());
    auto cut = fetching.fetchMissing(FetchWhich::Everything, [&](const BlobSyncProgress& p) {
        if (p.bytesDone >= kThumb + kBlobPiece) fetching.cancel();
    });
    REQUIRE_FALSE(cut.ok());
    CHECK(cut.error().code == "cancelled");
    const std::uint64_t kept = other->partialSize(*photo);
    CHECK(kept >= kBlobPiece);
    CHECK(kept < kSize);
    CHECK(other->size(*thumb) == kThumb);
    auto rest = fetching.fetchMissing(FetchWhich::Everything);
    REQUIRE(rest.ok());
    CHECK(rest->fetched == 1);
    CHECK(rest->bytesFetched == kSize - kept);
    CHECK(rehash(*other, *photo) == *photo);
}
