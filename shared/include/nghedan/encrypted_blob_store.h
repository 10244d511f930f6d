#pragma once
// The tablet's blobs encrypted at rest (residents' photos travel on tablets that get lost).
//
// A BlobStore (blob_store.h) over files under one directory (by convention blobDirPath() of
// the replica, local_key.h) whose content is XChaCha20-Poly1305 (IETF, libsodium) in chunks
// of kEncryptedBlobChunk plaintext bytes, each with its own random nonce and tag and bound to
// its file, its blob and its index (associated data), so any chunk is read on its own (a
// resumed upload reads at an offset) and a chunk altered, swapped or moved is detected. The
// header holds the blob's name and, once complete, its size, encrypted too: truncation is
// detected. Both keys are derived from the replica's data key (crypto_kdf): one encrypts, the
// other names the files by a keyed hash (BLAKE2b) of the blob's SHA-256, so neither a file's
// name nor its content tells which photo it is. The directory holds a key check: another key
// is refused when the store is opened.
//
// Layout of a blob file: "NDBLOB01" | file id (16 random bytes) | nonce (24) | sealed header
// (SHA-256 raw 32 + plaintext size u64 LE, 0 while unfinished; tag 16) | chunks, each nonce
// (24) | ciphertext | tag (16). Unfinished blobs are written a chunk at a time; a chunk still
// short is written at sync() and rewritten when more comes (a crash tearing that rewrite costs
// at most that last chunk: partialSize() then counts from the chunk before).

#include <filesystem>
#include <memory>
#include <string>

#include "nghedan/blob_store.h"
#include "nghedan/status.h"

namespace nghedan {

/** Plaintext bytes per encrypted chunk. */
inline constexpr std::size_t kEncryptedBlobChunk = 64 * 1024;

/** Opens (creating when missing) the encrypted blob store in `dir` under `dataKey` (the
 *  replica's 32-byte data key, local_key.h; sub-keys are derived from it). Error "wrong_key":
 *  the directory was made under another key (nothing is changed); "invalid_key": not 32 bytes;
 *  "io". Thread-safe like openFileBlobStore. A blob whose file was altered reads as
 *  Error{"damaged"}; finish() refuses it ("hash_mismatch") and drops it. */
Result<std::unique_ptr<BlobStore>> openEncryptedBlobStore(const std::filesystem::path& dir,
                                                          const std::string& dataKey);

}  // namespace nghedan
