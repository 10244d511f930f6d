#pragma once
// The tablet's replica encrypted at rest: a SQLite VFS that encrypts every page.
//
// Why a VFS: Debian 12's SQLCipher is 3.4.1 (2016), whose SQLite has no FTS5
// `remove_diacritics 2`, which our search needs; and encrypting fields one by one would leave
// the search index, the history, the change bodies and the refused list to be handled each
// on its own. Below SQLite, everything in the file, its WAL and its rollback journal is
// ciphertext, and SQL, FTS and search work unchanged.
//
// Layout: pages are 4096 bytes and the database reserves the last 40 bytes of each
// (SQLITE_FCNTL_RESERVE_BYTES, set on the new empty file before anything is written). The
// first 4056 bytes of a page are encrypted with XChaCha20-Poly1305 (IETF, libsodium) under the
// 32-byte data key; the last 40 hold a random 24-byte nonce and the 16-byte tag. The same
// holds for page images in the WAL (its 32-byte header and 24-byte frame headers stay clear:
// page numbers, salts and checksums, no content) and in the rollback journal (its headers,
// page numbers and checksums stay clear). The main file's pages are bound to their page
// number (associated data), so pages cannot be swapped unnoticed. A page all zero on disk
// reads as zeros (space SQLite has not written yet).
//
// Safety: a write is refused (SQLITE_IOERR_WRITE) unless it is a whole 4096-byte page whose
// reserved 40 bytes are zero, and page 1 must declare a 4096-byte page with at least 40
// reserved bytes: a misconfigured database can never have content overwritten by a nonce.
// Reads of a page whose tag fails give SQLITE_IOERR_DATA (SQLITE_NOTADB for page 1) — except
// while SQLite scans whole WAL frames (recovery after a crash), where a torn frame reads as
// zeros so that SQLite's own frame checksum rejects it, as it would a torn plain frame.
// Memory-mapped I/O is not offered (SQLite would read ciphertext). Every other file SQLite
// may ask for (temporary databases, statement journals, sorter spills, super-journals) is
// refused (SQLITE_CANTOPEN): connections use temp_store=MEMORY, which keeps them in memory,
// so a refusal is an error to see, never plaintext on disk.

#include <sqlite3.h>

#include <string>

#include "nghedan/status.h"

namespace nghedan {

inline constexpr const char* kEncryptedVfsName = "nghedan-xchacha20";
inline constexpr int kEncryptedPageSize = 4096;
inline constexpr int kEncryptedReserveBytes = 40;
inline constexpr std::size_t kDataKeyBytes = 32;

/** What is at a path, judged from its first page without SQLite touching it. */
enum class ReplicaFileState {
    Missing,    ///< no file, or an empty one: a new database
    Plain,      ///< a plain SQLite file
    Encrypted,  ///< page 1 opens with the given key
    Unreadable  ///< neither: another key, or not a replica at all
};

/** Classifies `path` for `key` (32 raw bytes; empty: only Missing/Plain/Unreadable). Reads
 *  only; an Error means the file could not be read. */
Result<ReplicaFileState> inspectReplicaFile(const std::string& path, const std::string& key);

/** Opens `path` through the encrypting VFS (registered on first use, never the default)
 *  under `key` (32 raw bytes): sqlite3_open_v2 with these flags, its result code. The key is
 *  copied into the file objects, which wipe it when closed. Thread-safe. */
int openEncryptedSqlite(const std::string& path, const std::string& key, int flags, sqlite3** db);

}  // namespace nghedan
