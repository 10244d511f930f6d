#pragma once
// Who may upload and who may read a blob (server/API.md "Blobs", proof of possession): the
// attachment records naming its hash in the user's scope, and the units that proved they hold
// its bytes. The blob routes and the dashboard's upload ask here; nobody decides it elsewhere.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store.h"

namespace nghedan::server {

/** What one user may do with one blob. */
struct BlobAccess {
    std::vector<BlobNaming> readableNamings;  ///< naming records in the user's scope (deleted too)
    std::vector<BlobNaming>
        writableNamings;           ///< live ones in units the user may write attachments of
    std::set<std::string> claims;  ///< units that proved they hold the bytes

    /** A record in the user's scope names the blob. */
    bool readable() const { return !readableNamings.empty(); }
    /** A unit of a readable record has claimed the blob: the user may get its bytes. */
    bool claimedForReading() const { return servedNaming() != nullptr; }
    /** A unit of a writable record has claimed the blob: a resend needs no bytes. */
    bool claimedForWriting() const;
    /** The sizes writable records declare (empty: the user may not upload it). */
    std::set<std::uint64_t> writableSizes() const;
    /** The units of writable records declaring `size`: the ones an upload claims for. */
    std::set<std::string> writableUnitsOfSize(std::uint64_t size) const;
    /** The readable, claimed record whose type and name the bytes are served with; null when
     *  none (the user may not get the bytes). */
    const BlobNaming* servedNaming() const;
};

/** Reads what `role` with scope `scopeUnit` may do with `hash`. Under the store's lock (short
 *  queries); an Error is a storage failure. */
Result<BlobAccess> blobAccess(Store& store, const std::string& role, const std::string& scopeUnit,
                              const std::string& hash);

}  // namespace nghedan::server
