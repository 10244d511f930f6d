#pragma once
// What the fuzz targets share: a replica in a temporary file that lives for the whole run, and
// turning fuzz input into signed changes so that apply() goes past the signature check into
// the merge (a random change never carries a valid signature).

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <unistd.h>

#include "nghedan/proof.h"
#include "nghedan/replica.h"

namespace nghedan::fuzz {

/** A replica file of its own under the temp directory, opened once per process. */
inline Replica& scratchReplica(const char* name) {
    static std::unique_ptr<Replica> replica = [name] {
        const auto dir = std::filesystem::temp_directory_path() /
                         ("nghedan-fuzz-" + std::string(name) + "-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        auto r = Replica::open((dir / "replica.db").string());
        if (!r) std::abort();
        return std::move(*r);
    }();
    return *replica;
}

/** Signs the change with its site's fuzz key (derived from the site id), registering that key
 *  with the replica the first time the site is seen. */
inline void signForFuzzing(Replica& replica, Change& change) {
    static std::set<std::string> known;
    if (!isValidSiteId(change.site)) return;
    const KeyPair key = keyPairFromSeed(change.site);
    if (known.insert(change.site).second) (void)replica.learnSiteKey({change.site, key.publicKey, 0, {}});
    change.sig = signatureOf(change, key.secretKey);
}

}  // namespace nghedan::fuzz
