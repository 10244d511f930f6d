#include "nghedan/sqlite.h"

#include <sodium.h>
#include <sqlite3.h>

#include <filesystem>

#include "nghedan/encrypt_file.h"
#include "nghedan/encrypted_vfs.h"

#include <cstring>
#include <memory>
#include <unordered_map>

namespace nghedan {
namespace {
Error sqlError(sqlite3* db, std::string_view what) {
    return {"storage", std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "no database")};
}
}  // namespace

// ---- Stmt ---------------------------------------------------------------------------

Stmt::Stmt(sqlite3* db, std::string_view sql) : m_db(db) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr) !=
        SQLITE_OK) {
        m_error = sqlError(db, "prepare");
        m_stmt = nullptr;
    }
}

Stmt::Stmt(Stmt&& o) noexcept : m_db(o.m_db), m_stmt(o.m_stmt), m_error(std::move(o.m_error)) {
    o.m_stmt = nullptr;
}

Stmt& Stmt::operator=(Stmt&& o) noexcept {
    if (this != &o) {
        sqlite3_finalize(m_stmt);
        m_db = o.m_db;
        m_stmt = o.m_stmt;
        m_error = std::move(o.m_error);
        o.m_stmt = nullptr;
    }
    return *this;
}

Stmt::~Stmt() { sqlite3_finalize(m_stmt); }

Stmt& Stmt::bind(int i, std::int64_t v) {
    if (m_stmt) sqlite3_bind_int64(m_stmt, i, v);
    return *this;
}
Stmt& Stmt::bind(int i, double v) {
    if (m_stmt) sqlite3_bind_double(m_stmt, i, v);
    return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
    if (m_stmt)
        sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}
Stmt& Stmt::bindNull(int i) {
    if (m_stmt) sqlite3_bind_null(m_stmt, i);
    return *this;
}
int Stmt::paramIndex(const char* name) const {
    return m_stmt ? sqlite3_bind_parameter_index(m_stmt, name) : 0;
}
Stmt& Stmt::bind(const char* name, std::string_view v) { return bind(paramIndex(name), v); }
Stmt& Stmt::bind(const char* name, std::int64_t v) { return bind(paramIndex(name), v); }

bool Stmt::step() {
    if (!m_stmt) return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) m_error = sqlError(m_db, "step");
    return false;
}

Status Stmt::run() {
    if (!m_stmt) return m_error.value_or(Error{"storage", "statement not prepared"});
    while (step()) {
    }
    if (m_error) return *m_error;
    return {};
}

void Stmt::reset() {
    if (!m_stmt) return;
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_error.reset();
}

bool Stmt::isNull(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
std::int64_t Stmt::int64(int c) const { return sqlite3_column_int64(m_stmt, c); }
double Stmt::real(int c) const { return sqlite3_column_double(m_stmt, c); }
std::string_view Stmt::textView(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, c));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, c)))
             : std::string_view();
}
std::string Stmt::text(int c) const { return std::string(textView(c)); }
int Stmt::columnCount() const { return m_stmt ? sqlite3_column_count(m_stmt) : 0; }
std::string Stmt::columnName(int c) const { return sqlite3_column_name(m_stmt, c); }

// ---- Database -----------------------------------------------------------------------

struct Database::Cache {
    std::unordered_map<std::string, std::unique_ptr<Stmt>> statements;
};

Result<Database> Database::open(const std::string& path, bool readOnly,
                                const std::string& encryptionKey) {
    // Connections are never shared between threads: no allocator statistics (a global mutex).
    static const int configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return sqlite3_initialize();
    }();
    (void)configured;
    const bool encrypted = !encryptionKey.empty();
    if (encrypted && encryptionKey.size() != kDataKeyBytes)
        return Error{"wrong_key", "an encryption key has 32 bytes"};
    // Judged before SQLite opens anything: a file that does not open is never written.
    auto state = inspectReplicaFile(path, encryptionKey);
    if (!state) return state.error();
    if (encrypted && *state == ReplicaFileState::Plain)
        return Error{"wrong_key", path + " is a plain SQLite file, not an encrypted replica"};
    if (encrypted && *state == ReplicaFileState::Unreadable)
        return Error{"wrong_key", "wrong key or not an encrypted replica: " + path};
    if (!encrypted && *state == ReplicaFileState::Unreadable)
        return Error{"wrong_key", path + " is not a plain SQLite file (an encrypted replica "
                                         "opens only with its key)"};
    Database db;
    db.m_encrypted = encrypted;
    if (encrypted) {
        if (sodium_init() < 0) return Error{"storage", "libsodium failed to initialise"};
        auto* held = static_cast<unsigned char*>(sodium_malloc(kDataKeyBytes));
        if (!held) return Error{"storage", "no memory for the key"};
        std::memcpy(held, encryptionKey.data(), kDataKeyBytes);
        db.m_key = std::shared_ptr<unsigned char>(held, [](unsigned char* p) { sodium_free(p); });
    }
    const int flags = (readOnly ? SQLITE_OPEN_READONLY
                                : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) |
                      SQLITE_OPEN_NOMUTEX;
    const int rc = encrypted ? openEncryptedSqlite(path, encryptionKey, flags, &db.m_db)
                             : sqlite3_open_v2(path.c_str(), &db.m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error e = sqlError(db.m_db, "cannot open " + path);
        return e;
    }
    db.m_path = path;
    db.m_cache = new Cache;
    sqlite3_busy_timeout(db.m_db, 10'000);
    sqlite3_extended_result_codes(db.m_db, 1);
    if (encrypted && *state == ReplicaFileState::Missing && !readOnly) {
        // Room for each page's nonce and tag, set while the file is still empty.
        int reserve = kEncryptedReserveBytes;
        sqlite3_file_control(db.m_db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
        if (Status s = db.exec("PRAGMA page_size=" + std::to_string(kEncryptedPageSize)); !s)
            return s.error();
    }
    const char* pragmas = readOnly ? "PRAGMA query_only=1; PRAGMA temp_store=MEMORY;"
                                   : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                                     "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
                                     "PRAGMA cache_size=-65536;";
    if (Status s = db.exec(pragmas); !s) return s.error();
    if (encrypted) {
        int reserve = -1;  // a query: the reserve in force
        sqlite3_file_control(db.m_db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
        if (reserve < kEncryptedReserveBytes)
            return Error{"storage", path + " has no room for encryption in its pages"};
    }
    return db;
}

Database::Database(Database&& o) noexcept
    : m_db(o.m_db), m_encrypted(o.m_encrypted), m_key(std::move(o.m_key)),
      m_path(std::move(o.m_path)), m_cache(o.m_cache) {
    o.m_db = nullptr;
    o.m_cache = nullptr;
}

Database& Database::operator=(Database&& o) noexcept {
    if (this != &o) {
        // The members stay alive (the connection only is closed): no destructor call here.
        delete m_cache;
        if (m_db) sqlite3_close_v2(m_db);
        m_db = o.m_db;
        m_encrypted = o.m_encrypted;
        m_key = std::move(o.m_key);
        m_path = std::move(o.m_path);
        m_cache = o.m_cache;
        o.m_db = nullptr;
        o.m_cache = nullptr;
    }
    return *this;
}

Database::~Database() {
    delete m_cache;  // statements first: they must be finalised before the connection closes
    m_cache = nullptr;
    if (m_db) sqlite3_close_v2(m_db);
    m_db = nullptr;
}

Status Database::exec(std::string_view sql) {
    char* message = nullptr;
    if (sqlite3_exec(m_db, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        Error e{"storage", message ? message : "exec failed"};
        sqlite3_free(message);
        return e;
    }
    return {};
}

StmtLease Database::cached(const std::string& sql) {
    auto& slot = m_cache->statements[sql];
    if (!slot) slot = std::make_unique<Stmt>(m_db, sql);
    return StmtLease(*slot);
}

Result<Database> Database::openReader() const {
    if (!m_encrypted) return open(m_path, /*readOnly=*/true);
    std::string key(reinterpret_cast<const char*>(m_key.get()), kDataKeyBytes);
    auto reader = open(m_path, /*readOnly=*/true, key);
    sodium_memzero(key.data(), key.size());
    return reader;
}

std::int64_t Database::lastInsertRowid() const { return sqlite3_last_insert_rowid(m_db); }
int Database::changes() const { return sqlite3_changes(m_db); }

Status Database::backupTo(const std::string& path) {
    if (m_encrypted)
        return Error{"encrypted", "an encrypted database is not copied into a plain backup"};
    sqlite3* dest = nullptr;
    if (sqlite3_open(path.c_str(), &dest) != SQLITE_OK) {
        Error e = sqlError(dest, "cannot open backup file " + path);
        sqlite3_close(dest);
        return e;
    }
    sqlite3_backup* backup = sqlite3_backup_init(dest, "main", m_db, "main");
    if (!backup) {
        Error e = sqlError(dest, "backup");
        sqlite3_close(dest);
        return e;
    }
    int rc;
    do {
        rc = sqlite3_backup_step(backup, 1024);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    Status result;
    if (rc != SQLITE_DONE) result = sqlError(dest, "backup step");
    sqlite3_close(dest);
    return result;
}

Status encryptPlainFile(const std::string& path, const std::string& key) {
    auto state = inspectReplicaFile(path, key);
    if (!state) return state.error();
    if (*state == ReplicaFileState::Encrypted || *state == ReplicaFileState::Missing) return {};
    if (*state == ReplicaFileState::Unreadable)
        return Error{"wrong_key", "wrong key or not a replica: " + path};
    const std::string tmp = path + ".encrypting";
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(tmp + suffix, ec);
    {
        auto src = Database::open(path);
        if (!src) return src.error();
        // The plain file takes the encrypted layout first: 4096-byte pages with the reserve
        // (asked after page_size, which would reset it), made real by VACUUM.
        for (const char* sql : {"PRAGMA journal_mode=DELETE", "PRAGMA page_size=4096"})
            if (Status s = src->exec(sql); !s) return s;
        int reserve = kEncryptedReserveBytes;
        sqlite3_file_control(src->handle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
        if (Status s = src->exec("VACUUM"); !s) return s;
        auto dst = Database::open(tmp, false, key);
        if (!dst) return dst.error();
        sqlite3_backup* backup = sqlite3_backup_init(dst->handle(), "main", src->handle(), "main");
        if (!backup) return sqlError(dst->handle(), "encrypting copy");
        const int rc = sqlite3_backup_step(backup, -1);
        sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) return sqlError(dst->handle(), "encrypting copy");
        if (Status s = dst->exec("PRAGMA wal_checkpoint(TRUNCATE)"); !s) return s;
        auto check = dst->prepare("PRAGMA integrity_check");
        if (!check.step() || check.text(0) != "ok")
            return Error{"storage", "the encrypted copy of " + path + " is damaged"};
    }
    for (const char* suffix : {"-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
    std::filesystem::rename(tmp, path, ec);
    if (ec) return Error{"storage", "cannot replace " + path + ": " + ec.message()};
    for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(tmp + suffix, ec);
    return {};
}

// ---- Transaction --------------------------------------------------------------------

Transaction::Transaction(Database& db) : m_db(db), m_begun(db.exec("BEGIN IMMEDIATE")) {
    m_done = !m_begun.ok();
}

Transaction::~Transaction() {
    if (!m_done) (void)m_db.exec("ROLLBACK");
}

Status Transaction::commit() {
    if (m_done) return m_begun.ok() ? Status(Error{"storage", "transaction already ended"}) : m_begun;
    m_done = true;
    Status s = m_db.exec("COMMIT");
    if (!s) (void)m_db.exec("ROLLBACK");
    return s;
}

}  // namespace nghedan
