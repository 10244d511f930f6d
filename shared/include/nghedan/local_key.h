#pragma once
// The tablet's data key, kept in a key file wrapped by the official's PIN.

#include <string>

#include "nghedan/status.h"

namespace nghedan {

/** Makes a new random 32-byte data key, stores it at `path` wrapped by `pin` and returns it
 *  (raw bytes); "weak_pin" unless the PIN is 6 to 12 digits. */
Result<std::string> createKeyFile(const std::string& path, const std::string& pin);
/** The data key of the key file at `path`; "wrong_pin", "no_key" (no such file). */
Result<std::string> unlockKeyFile(const std::string& path, const std::string& pin);
/** Wraps the same data key by `newPin`; "wrong_pin", "weak_pin", "no_key". */
Status changePin(const std::string& path, const std::string& oldPin, const std::string& newPin);
/** True when a key file exists at `path`. */
bool keyFileExists(const std::string& path);
/** Removes the replica at `replicaPath` with its -wal, -shm, -journal files and its key file. */
Status wipeLocalFiles(const std::string& replicaPath);

}  // namespace nghedan
