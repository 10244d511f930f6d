#pragma once
// The SQL of the access log of personal data (srv_access_log, srv_access_records), kept in the
// same SQLite file as the server's replica. Internal to the SQLite store.

#include <cstdint>

#include "nghedan/sqlite.h"
#include "nghedan/status.h"
#include "store.h"

namespace nghedan::server {

/** The access log's tables over a Database owned by someone else (the replica's): part of
 *  SqliteStore. Append-only: triggers refuse every UPDATE and DELETE of an entry, so not even a
 *  later mistake in the server's own code can rewrite what was logged. Not thread-safe. */
class AccessLogTable {
public:
    explicit AccessLogTable(Database& db) : m_db(db) {}

    /** Creates the tables and their guards when missing (idempotent). */
    Status ensureSchema();
    /** Appends an entry and its records in one transaction; returns the entry's id. */
    Result<std::int64_t> append(const AccessEntry& entry);
    /** A page of entries, newest first, each with at most `recordsPerEntry` of its records. */
    Result<AccessPage> read(const AccessQuery& query, std::size_t recordsPerEntry);

private:
    Database& m_db;
};

}  // namespace nghedan::server
