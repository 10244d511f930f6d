#pragma once
// The tablet's data key, kept next to its replica wrapped by a key derived from a PIN.
//
// The replica file is encrypted under a random 32-byte data key (encrypted_vfs.h). That key
// is stored in a small JSON file (by convention keyFilePath(replica)), encrypted with
// XChaCha20-Poly1305 under a wrapping key that Argon2id (crypto_pwhash, ALG_ARGON2ID13)
// derives from the PIN and a random salt; the Argon2id parameters are stored in the file, so
// they can be raised later without breaking old files. Changing the PIN rewraps the same data
// key: the replica is not rewritten.

#include <string>

#include "nghedan/status.h"

namespace nghedan {

/** Argon2id cost of new key files: one unlock takes ~0.4 s on a 2-core build machine. */
inline constexpr unsigned long long kPinOpsLimit = 3;
inline constexpr std::size_t kPinMemLimit = 64u << 20;

/** The key file of a replica file: "<replica>.key". */
std::string keyFilePath(const std::string& replicaPath);

/** The blob directory of a replica file (its attachments' bytes, encrypted_blob_store.h):
 *  "<replica>.blobs". */
std::string blobDirPath(const std::string& replicaPath);

/** True for 6 to 12 digits (what the tablet accepts as a PIN). */
bool pinAcceptable(const std::string& pin);

/** Makes a new random data key, stores it wrapped by `pin` at `path` (replacing any file
 *  there atomically: temp file, fsync, rename) and returns it (32 raw bytes). Error
 *  "weak_pin": not 6–12 digits, nothing written; "storage": the file could not be written. */
Result<std::string> createKeyFile(const std::string& path, const std::string& pin);

/** The data key stored at `path` (32 raw bytes). Error "wrong_pin": the PIN does not unwrap
 *  it; "no_key": no key file; "bad_key_file": the file is not one of ours. Takes ~0.4 s. */
Result<std::string> unlockKeyFile(const std::string& path, const std::string& pin);

/** Rewraps the same data key under `newPin` (atomically, new salt). Errors as unlockKeyFile
 *  for `oldPin`, "weak_pin" for `newPin`; on any error the file is unchanged. */
Status changePin(const std::string& path, const std::string& oldPin, const std::string& newPin);

/** True when a key file exists at `path`. */
bool keyFileExists(const std::string& path);

/** Removes the replica file, its -wal, -shm and -journal, its key file (keyFilePath) and its
 *  blob directory (blobDirPath) with everything in it; a file already absent is no error. Files are unlinked, not overwritten: on flash storage an
 *  overwrite lands on other cells (wear levelling) and proves nothing; what protects the
 *  remains is that they are ciphertext and the wrapped key is gone. */
Status wipeLocalFiles(const std::string& replicaPath);

}  // namespace nghedan
