#pragma once
// Thin RAII wrapper over SQLite used by the replica and by the server's own tables.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "nghedan/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace nghedan {

/** A prepared statement. Bind with 1-based indexes or ":name"; step() until it returns false.
 *  Errors are kept in error() (step() returns false); the owner checks them. */
class Stmt {
public:
    Stmt() = default;
    Stmt(sqlite3* db, std::string_view sql);
    Stmt(Stmt&& other) noexcept;
    Stmt& operator=(Stmt&& other) noexcept;
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    ~Stmt();

    bool valid() const { return m_stmt != nullptr; }
    Stmt& bind(int index, std::int64_t v);
    Stmt& bind(int index, int v) { return bind(index, static_cast<std::int64_t>(v)); }
    Stmt& bind(int index, std::uint64_t v) { return bind(index, static_cast<std::int64_t>(v)); }
    Stmt& bind(int index, double v);
    Stmt& bind(int index, std::string_view v);
    Stmt& bind(int index, const char* v) { return bind(index, std::string_view(v)); }
    Stmt& bind(int index, const std::string& v) { return bind(index, std::string_view(v)); }
    Stmt& bindNull(int index);
    Stmt& bind(const char* name, std::string_view v);
    Stmt& bind(const char* name, std::int64_t v);
    int paramIndex(const char* name) const;

    /** Advances; true while a row is available. */
    bool step();
    /** Runs to completion; the error, if any. */
    Status run();
    void reset();

    bool isNull(int col) const;
    std::int64_t int64(int col) const;
    double real(int col) const;
    std::string text(int col) const;
    std::string_view textView(int col) const;
    int columnCount() const;
    std::string columnName(int col) const;

    const std::optional<Error>& error() const { return m_error; }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    std::optional<Error> m_error;
};

/** A cached statement borrowed for one use: reset (bindings cleared, read lock released)
 *  when the lease ends, so no statement keeps a transaction open between calls. */
class StmtLease {
public:
    explicit StmtLease(Stmt& stmt) : m_stmt(&stmt) {}
    StmtLease(const StmtLease&) = delete;
    StmtLease& operator=(const StmtLease&) = delete;
    ~StmtLease() { m_stmt->reset(); }
    Stmt& operator*() const { return *m_stmt; }
    Stmt* operator->() const { return m_stmt; }

private:
    Stmt* m_stmt;
};

/** One SQLite connection (WAL, synchronous=FULL, foreign keys, busy timeout).
 *  Not thread-safe: one owner at a time. */
class Database {
public:
    /** Opens or creates `path`. A non-empty `encryptionKey` (32 raw bytes) opens it through
     *  the encrypting VFS (encrypted_vfs.h; a new file is created encrypted, temp_store=MEMORY).
     *  Error "wrong_key": a plain file opened with a key, an encrypted one without it or with
     *  another key (the file is then not touched). */
    static Result<Database> open(const std::string& path, bool readOnly = false,
                                 const std::string& encryptionKey = {});
    Database() = default;
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    Status exec(std::string_view sql);
    Stmt prepare(std::string_view sql) { return Stmt(m_db, sql); }
    /** A cached prepared statement for hot paths, reset when the lease ends. */
    StmtLease cached(const std::string& sql);
    std::int64_t lastInsertRowid() const;
    int changes() const;
    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }
    /** Online backup of this database into a file (SQLite backup API). Refused
     *  ("encrypted") for an encrypted database, whose backup would be plaintext. */
    Status backupTo(const std::string& path);
    bool encrypted() const { return m_encrypted; }
    /** Another, read-only connection to the same file (with the same key if encrypted). */
    Result<Database> openReader() const;

private:
    sqlite3* m_db = nullptr;
    bool m_encrypted = false;
    std::shared_ptr<unsigned char> m_key;  // sodium_malloc'd (locked, wiped when freed)
    std::string m_path;
    struct Cache;
    Cache* m_cache = nullptr;
};

/** A transaction that rolls back in its destructor unless commit() succeeded.
 *  BEGIN IMMEDIATE: takes the write lock up front. */
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    const Status& begun() const { return m_begun; }
    Status commit();

private:
    Database& m_db;
    Status m_begun;
    bool m_done = false;
};

}  // namespace nghedan
