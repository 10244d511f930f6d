#pragma once
// The blob collector (server/API.md "Blobs"): a blob that no attachment record names any more
// (every naming record deleted, its parent deleted, or never named) and an unfinished upload,
// once untouched for the grace period, are removed. ServerApp runs it at start and every 6 hours.

#include <cstdint>
#include <mutex>

#include "nghedan/status.h"
#include "store.h"

namespace nghedan::server {

struct BlobCollection {
    std::size_t removed = 0;         ///< complete blobs removed
    std::size_t removedPartial = 0;  ///< unfinished uploads removed
    std::uint64_t bytesRemoved = 0;  ///< of both
    std::size_t kept = 0;            ///< complete blobs left
    std::uint64_t bytesKept = 0;     ///< their bytes
};

/** One pass at time `nowMs` with a grace of `graceDays` (last write older than that). Looks up
 *  the records under `storeLock` in short batches; lists and removes files outside it. A blob
 *  being written is left for the next pass. An Error is a storage failure; what was removed
 *  before it stays removed. */
Result<BlobCollection> collectBlobs(Store& store, std::mutex& storeLock, std::int64_t nowMs,
                                    int graceDays);

}  // namespace nghedan::server
