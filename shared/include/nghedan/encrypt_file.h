#pragma once
// Turning a tablet's plain replica file into an encrypted one (encrypted_vfs.h), for the
// official who sets a PIN after the replica was made (at the first sign-in).

#include <string>

#include "nghedan/status.h"

namespace nghedan {

/** Turns the plain SQLite file at `path` into an encrypted one under `key` (32 raw bytes), in
 *  place: the plain file gets room for the nonce and tag in each page (VACUUM), is copied page
 *  by page into a new encrypted file (the backup API, through the VFS), which then replaces it;
 *  the plain file and its WAL are gone. Nothing to do for a missing or already encrypted file
 *  ("wrong_key" when encrypted under another key). The file must not be open elsewhere. */
Status encryptPlainFile(const std::string& path, const std::string& key);

}  // namespace nghedan
