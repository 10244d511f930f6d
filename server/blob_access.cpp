#include "blob_access.h"

#include <unordered_set>

#include "nghedan/policy.h"

namespace nghedan::server {

bool BlobAccess::claimedForWriting() const {
    for (const BlobNaming& n : writableNamings)
        if (claims.count(n.unit)) return true;
    return false;
}

std::set<std::uint64_t> BlobAccess::writableSizes() const {
    std::set<std::uint64_t> out;
    for (const BlobNaming& n : writableNamings)
        if (n.size > 0) out.insert(n.size);
    return out;
}

std::set<std::string> BlobAccess::writableUnitsOfSize(std::uint64_t size) const {
    std::set<std::string> out;
    for (const BlobNaming& n : writableNamings)
        if (n.size == size) out.insert(n.unit);
    return out;
}

const BlobNaming* BlobAccess::servedNaming() const {
    const BlobNaming* best = nullptr;
    for (const BlobNaming& n : readableNamings) {
        if (!claims.count(n.unit)) continue;
        if (!best || (n.live && !best->live)) best = &n;
    }
    return best;
}

Result<BlobAccess> blobAccess(Store& store, const std::string& role, const std::string& scopeUnit,
                              const std::string& hash) {
    BlobAccess access;
    if (scopeUnit.empty()) return access;
    auto namings = store.blobNamings(hash);
    if (!namings) return namings.error();
    if (namings->empty()) return access;
    auto subtree = store.unitSubtree(scopeUnit);
    if (!subtree) return subtree.error();
    const std::unordered_set<std::string> scope(subtree->begin(), subtree->end());
    const bool writes = roleMayCreate(role, "attachment");
    for (BlobNaming& n : *namings) {
        if (!scope.count(n.unit)) continue;
        if (writes && n.live) access.writableNamings.push_back(n);
        access.readableNamings.push_back(std::move(n));
    }
    if (access.readableNamings.empty()) return access;
    auto claims = store.blobClaimUnits(hash);
    if (!claims) return claims.error();
    access.claims.insert(claims->begin(), claims->end());
    return access;
}

}  // namespace nghedan::server
