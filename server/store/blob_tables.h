#pragma once
// The SQL behind blobs (server/API.md "Blobs"): which attachment records name a blob, which units
// have proven they hold its bytes (srv_blob_claims), and a record's attachments for the limits.
// Internal to the SQLite store.

#include <string>
#include <vector>

#include "nghedan/sqlite.h"
#include "nghedan/status.h"
#include "store.h"

namespace nghedan::server {

/** srv_blob_claims and the queries over the materialised attachments, over a Database owned by
 *  the replica. Not thread-safe: callers hold the store's lock. */
class BlobTables {
public:
    explicit BlobTables(Database& db) : m_db(db) {}

    /** Creates srv_blob_claims when missing (idempotent). */
    Status ensureSchema();
    /** Every attachment record naming `hash` as its file or its thumbnail. */
    Result<std::vector<BlobNaming>> namings(const std::string& hash);
    /** Units that have claimed `hash`. */
    Result<std::vector<std::string>> claimUnits(const std::string& hash);
    /** Records that `unit` proved it holds `hash` (idempotent). */
    Status claim(const std::string& hash, const std::string& unit, std::int64_t nowMs);
    /** Forgets every claim of `hash` (its bytes were removed). */
    Status forget(const std::string& hash);
    /** The attachments of `parent` that are not deleted. */
    Result<std::vector<AttachmentSize>> liveAttachmentsOf(const std::string& parent);

private:
    Database& m_db;
};

}  // namespace nghedan::server
