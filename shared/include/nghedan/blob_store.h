#pragma once
// The bytes of attachments (DESIGN.md "Domain model", server/API.md "Blobs"): content-addressed
// blobs, named by the SHA-256 of their bytes, stored once however many attachment records name
// them. A blob is written in order and may stop anywhere (a cut connection, a killed process):
// what was written and synced stays as an unfinished blob that the next writer continues from
// partialSize(). It becomes visible under its name only once finish() has checked every byte
// against the name, synced it to disk and moved it into place.
//
// The server and the tablet use the same interface; the server's storage sits behind it so that
// a later backend may keep blobs elsewhere (an object store).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <sodium.h>

#include "nghedan/status.h"

namespace nghedan {

/** SHA-256 over bytes given in pieces (libsodium). */
class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    /** The digest in lowercase hex; the hasher is spent afterwards. */
    std::string hexDigest();

private:
    crypto_hash_sha256_state m_state;
};

/** Appends to an unfinished blob, in order. Nothing is visible under the blob's name until
 *  BlobStore::finish(). One writer per blob at a time. */
class BlobWriter {
public:
    virtual ~BlobWriter() = default;
    virtual Status write(const char* data, std::size_t size) = 0;
    /** Makes what was written so far durable (fsync): after a crash, partialSize() counts it. */
    virtual Status sync() = 0;
    /** Bytes the unfinished blob holds now, this writer's included. */
    virtual std::uint64_t offset() const = 0;
};

/** Reads a complete blob at any offset (range requests, resumed downloads). */
class BlobReader {
public:
    virtual ~BlobReader() = default;
    virtual std::uint64_t size() const = 0;
    /** Up to `size` bytes at `offset` into `out`; 0 at the end. */
    virtual Result<std::size_t> read(std::uint64_t offset, char* out, std::size_t size) = 0;
};

class BlobStore {
public:
    struct Entry {
        std::string hash;
        std::uint64_t size = 0;
        std::int64_t modifiedMs = 0;  ///< last write (wall clock), for the collector's grace
    };

    virtual ~BlobStore() = default;
    /** The size of the complete blob `hash`; nullopt when it is not held. */
    virtual std::optional<std::uint64_t> size(const std::string& hash) = 0;
    /** Bytes of the unfinished blob `hash` kept so far; 0 when there is none. */
    virtual std::uint64_t partialSize(const std::string& hash) = 0;
    /** Continues the unfinished blob `hash` at `offset`, which must be its partialSize()
     *  (else Error{"offset_mismatch"}; 0 starts a new one). Error{"busy"} while another writer
     *  holds it. A blob that is complete already may be written again: finish() then checks
     *  the second copy and drops it (a proof that the sender holds the bytes). */
    virtual Result<std::unique_ptr<BlobWriter>> resume(const std::string& hash,
                                                       std::uint64_t offset) = 0;
    /** Completes the unfinished blob `hash` once it holds `size` bytes: checks their SHA-256
     *  against the name, syncs and moves it into place (its directory synced too) before it
     *  returns true. False while bytes are missing. Error{"hash_mismatch"} (or more bytes than
     *  `size`): the unfinished blob is discarded. True at once when the blob is complete and
     *  no second copy is being written. */
    virtual Result<bool> finish(const std::string& hash, std::uint64_t size) = 0;
    /** Reads the complete blob; Error{"not_found"} when it is not held. */
    virtual Result<std::unique_ptr<BlobReader>> open(const std::string& hash) = 0;
    /** Removes the blob, complete and unfinished; removing what is absent is no error. */
    virtual Status remove(const std::string& hash) = 0;
    /** Removes only the unfinished blob `hash` (an abandoned upload); Error{"busy"} while a
     *  writer holds it; removing what is absent is no error. */
    virtual Status removePartial(const std::string& hash) = 0;
    /** Every complete blob. */
    virtual Result<std::vector<Entry>> list() = 0;
    /** Every unfinished blob. */
    virtual Result<std::vector<Entry>> listPartial() = 0;
};

/** Blobs as files under `dir` (created when missing): complete ones at dir/ab/<hash> (the first
 *  two hex digits as a directory), unfinished ones at dir/partial/<hash>. Thread-safe. */
Result<std::unique_ptr<BlobStore>> openFileBlobStore(const std::filesystem::path& dir);

struct AddedBlob {
    std::string hash;
    std::uint64_t size = 0;
};
/** Stores the bytes of `file` in `store` (streamed: the file is never held in memory) and returns
 *  their name and size. A blob already held is not written again. */
Result<AddedBlob> addBlobFile(BlobStore& store, const std::filesystem::path& file);
/** The SHA-256 of a file's bytes (streamed). */
Result<AddedBlob> hashFile(const std::filesystem::path& file);

}  // namespace nghedan
