#include "blob_collector.h"

#include <algorithm>
#include <set>

namespace nghedan::server {

namespace {
constexpr std::size_t kBatch = 256;  ///< blobs looked up per hold of the store lock
}

Result<BlobCollection> collectBlobs(Store& store, std::mutex& storeLock, std::int64_t nowMs,
                                    int graceDays) {
    BlobStore& blobs = store.blobs();
    const std::int64_t cutoff = nowMs - static_cast<std::int64_t>(graceDays) * 24 * 3600 * 1000;
    BlobCollection out;

    auto partial = blobs.listPartial();
    if (!partial) return partial.error();
    for (const BlobStore::Entry& e : *partial) {
        if (e.modifiedMs >= cutoff) continue;
        if (Status s = blobs.removePartial(e.hash); !s) {
            if (s.error().code == "busy") continue;
            return s.error();
        }
        ++out.removedPartial;
        out.bytesRemoved += e.size;
    }

    auto complete = blobs.list();
    if (!complete) return complete.error();
    for (std::size_t from = 0; from < complete->size(); from += kBatch) {
        const std::size_t to = std::min(complete->size(), from + kBatch);
        std::vector<const BlobStore::Entry*> unnamed;
        {
            std::lock_guard lock(storeLock);
            for (std::size_t i = from; i < to; ++i) {
                const BlobStore::Entry& e = (*complete)[i];
                if (e.modifiedMs >= cutoff) continue;
                auto namings = store.blobNamings(e.hash);
                if (!namings) return namings.error();
                bool named = false;
                for (const BlobNaming& n : *namings) named = named || n.live;
                if (!named) unnamed.push_back(&e);
            }
        }
        std::set<const BlobStore::Entry*> gone;
        for (const BlobStore::Entry* e : unnamed) {
            if (Status s = blobs.remove(e->hash); !s) {
                if (s.error().code == "busy") continue;
                return s.error();
            }
            gone.insert(e);
            ++out.removed;
            out.bytesRemoved += e->size;
        }
        if (!gone.empty()) {
            std::lock_guard lock(storeLock);
            for (const BlobStore::Entry* e : gone)
                if (Status s = store.forgetBlobClaims(e->hash); !s) return s.error();
        }
        for (std::size_t i = from; i < to; ++i)
            if (!gone.count(&(*complete)[i])) {
                ++out.kept;
                out.bytesKept += (*complete)[i].size;
            }
    }
    return out;
}

}  // namespace nghedan::server
