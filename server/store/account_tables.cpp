#include "account_tables.h"

#include "nghedan/clock.h"

namespace nghedan::server {
namespace {

Error dbError(const Stmt& stmt, const char* what) {
    if (stmt.error()) return {"io", std::string(what) + ": " + stmt.error()->message};
    return {"io", std::string(what) + ": statement failed"};
}

Account readAccount(const Stmt& s, int first) {
    Account a;
    a.username = s.text(first);
    a.displayName = s.text(first + 1);
    a.role = s.text(first + 2);
    a.scopeUnit = s.text(first + 3);
    a.disabled = s.int64(first + 4) != 0;
    a.createdAt = s.int64(first + 5);
    a.updatedAt = s.int64(first + 6);
    return a;
}

constexpr const char* kAccountColumns =
    "u.username, u.display_name, u.role, u.scope_unit, u.disabled, u.created_at, u.updated_at";

}  // namespace

Status AccountTables::ensureSchema() {
    return m_db.exec(R"sql(
CREATE TABLE IF NOT EXISTS srv_users(
  username      TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('official','supervisor','admin')),
  scope_unit    TEXT NOT NULL CHECK (scope_unit <> ''),
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS srv_sessions(
  token_hash  TEXT PRIMARY KEY,
  username    TEXT NOT NULL REFERENCES srv_users(username) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('bearer','cookie')),
  device_site TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS srv_sessions_user ON srv_sessions(username);
CREATE TABLE IF NOT EXISTS srv_devices(
  site          TEXT NOT NULL,
  username      TEXT NOT NULL,
  first_seen_at INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  last_ip       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (site, username)
);
CREATE TABLE IF NOT EXISTS srv_dot_conflicts(
  id          INTEGER PRIMARY KEY,
  site        TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  at          INTEGER NOT NULL,
  pushed_by   TEXT NOT NULL,
  pushed_from TEXT NOT NULL DEFAULT '',
  ip          TEXT NOT NULL DEFAULT '',
  told_at     INTEGER
);
CREATE INDEX IF NOT EXISTS srv_dot_conflicts_site ON srv_dot_conflicts(site, told_at);
CREATE TABLE IF NOT EXISTS srv_device_wipes(
  site       TEXT PRIMARY KEY,
  state      TEXT NOT NULL CHECK (state IN ('pending','wiped')),
  ordered_at INTEGER NOT NULL,
  ordered_by TEXT NOT NULL,
  wiped_at   INTEGER
);
CREATE TABLE IF NOT EXISTS srv_audit(
  id     INTEGER PRIMARY KEY,
  at     INTEGER NOT NULL,
  actor  TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  ip     TEXT NOT NULL DEFAULT ''
);
)sql");
}

Status AccountTables::addUser(const Account& a, const std::string& passwordHash) {
    if (a.username.empty() || a.username.size() > 64)
        return Error{"invalid_value", "username must be 1 to 64 characters"};
    if (!isValidRole(a.role))
        return Error{"invalid_value", "role must be official, supervisor or admin"};
    if (a.scopeUnit.empty()) return Error{"invalid_value", "scope unit is required"};
    auto existing = findUser(a.username);
    if (!existing) return existing.error();
    if (*existing) return Error{"user_exists", "user '" + a.username + "' already exists"};
    Stmt s = m_db.prepare(
        "INSERT INTO srv_users(username, display_name, role, scope_unit, password_hash, "
        "disabled, created_at, updated_at) VALUES(?,?,?,?,?,?,?,?)");
    s.bind(1, a.username)
        .bind(2, a.displayName.empty() ? a.username : a.displayName)
        .bind(3, a.role)
        .bind(4, a.scopeUnit)
        .bind(5, passwordHash)
        .bind(6, a.disabled ? 1 : 0)
        .bind(7, a.createdAt)
        .bind(8, a.createdAt);
    return s.run();
}

Status AccountTables::updateUser(const std::string& username,
                                 const std::optional<std::string>& displayName,
                                 const std::optional<std::string>& role,
                                 const std::optional<std::string>& scopeUnit,
                                 const std::optional<std::string>& passwordHash,
                                 const std::optional<bool>& disabled) {
    if (role && !isValidRole(*role))
        return Error{"invalid_value", "role must be official, supervisor or admin"};
    if (scopeUnit && scopeUnit->empty()) return Error{"invalid_value", "scope unit is required"};
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    auto existing = findUser(username);
    if (!existing) return existing.error();
    if (!*existing) return Error{"user_not_found", "no user '" + username + "'"};
    const Account& a = **existing;
    Stmt s = m_db.prepare(
        "UPDATE srv_users SET display_name=?, role=?, scope_unit=?, "
        "password_hash=COALESCE(?, password_hash), disabled=?, updated_at=? WHERE username=?");
    s.bind(1, displayName.value_or(a.displayName))
        .bind(2, role.value_or(a.role))
        .bind(3, scopeUnit.value_or(a.scopeUnit));
    if (passwordHash)
        s.bind(4, *passwordHash);
    else
        s.bindNull(4);
    s.bind(5, disabled.value_or(a.disabled) ? 1 : 0).bind(6, systemMillis()).bind(7, username);
    if (Status st = s.run(); !st) return st;
    const bool endSessions = passwordHash || (role && *role != a.role) ||
                             (scopeUnit && *scopeUnit != a.scopeUnit) ||
                             (disabled && *disabled && !a.disabled);
    if (endSessions) {
        // A tablet ordered to wipe keeps its token for its last push and its "wiped".
        Stmt del = m_db.prepare(
            "DELETE FROM srv_sessions WHERE username=? AND NOT (kind='bearer' AND device_site IN "
            "(SELECT site FROM srv_device_wipes WHERE state='pending'))");
        del.bind(1, username);
        if (Status st = del.run(); !st) return st;
    }
    return tx.commit();
}

Result<std::optional<Account>> AccountTables::findUser(const std::string& username) {
    auto lease = m_db.cached(std::string("SELECT ") + kAccountColumns +
                             " FROM srv_users u WHERE u.username=?");
    Stmt& s = *lease;
    s.bind(1, username);
    if (s.step()) {
        Account a = readAccount(s, 0);
        s.reset();
        return std::optional<Account>(std::move(a));
    }
    if (s.error()) return dbError(s, "reading user");
    return std::optional<Account>();
}

Result<std::optional<std::string>> AccountTables::passwordHashOf(const std::string& username) {
    auto lease = m_db.cached("SELECT password_hash FROM srv_users WHERE username=? AND disabled=0");
    Stmt& s = *lease;
    s.bind(1, username);
    if (s.step()) {
        std::string hash = s.text(0);
        s.reset();
        return std::optional<std::string>(std::move(hash));
    }
    if (s.error()) return dbError(s, "reading user");
    return std::optional<std::string>();
}

Result<std::vector<Account>> AccountTables::listUsers() {
    Stmt s = m_db.prepare(std::string("SELECT ") + kAccountColumns +
                          " FROM srv_users u ORDER BY u.username");
    std::vector<Account> out;
    while (s.step()) out.push_back(readAccount(s, 0));
    if (s.error()) return dbError(s, "listing users");
    return out;
}

Status AccountTables::createSession(const std::string& token, const std::string& username,
                                    const std::string& kind, const std::string& deviceSite,
                                    std::int64_t nowMs, std::int64_t expiresAtMs,
                                    const std::string& ip) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    Stmt s = m_db.prepare(
        "INSERT INTO srv_sessions(token_hash, username, kind, device_site, created_at, "
        "expires_at) VALUES(?,?,?,?,?,?)");
    s.bind(1, tokenHash(token)).bind(2, username).bind(3, kind).bind(4, deviceSite);
    s.bind(5, nowMs).bind(6, expiresAtMs);
    if (Status st = s.run(); !st) return st;
    if (!deviceSite.empty()) {
        Stmt d = m_db.prepare(
            "INSERT INTO srv_devices(site, username, first_seen_at, last_seen_at, last_ip) "
            "VALUES(?1,?2,?3,?3,?4) ON CONFLICT(site, username) DO UPDATE SET "
            "last_seen_at=excluded.last_seen_at, last_ip=excluded.last_ip");
        d.bind(1, deviceSite).bind(2, username).bind(3, nowMs).bind(4, ip);
        if (Status st = d.run(); !st) return st;
    }
    return tx.commit();
}

/** The session of `token` whose row also meets `joinAndWhere` (after the sessions and users). */
Result<std::optional<Session>> AccountTables::sessionWhere(const std::string& token,
                                                         const std::string& joinAndWhere) {
    auto lease = m_db.cached(std::string("SELECT ") + kAccountColumns +
                             ", s.token_hash, s.kind, s.device_site, s.created_at, s.expires_at"
                             " FROM srv_sessions s JOIN srv_users u ON u.username = s.username " +
                             joinAndWhere);
    Stmt& s = *lease;
    s.bind(1, tokenHash(token));
    if (s.step()) {
        Session session;
        session.account = readAccount(s, 0);
        session.tokenHash = s.text(7);
        session.kind = s.text(8);
        session.deviceSite = s.text(9);
        session.createdAt = s.int64(10);
        session.expiresAt = s.int64(11);
        s.reset();
        return std::optional<Session>(std::move(session));
    }
    if (s.error()) return dbError(s, "reading session");
    return std::optional<Session>();
}

Result<std::optional<Session>> AccountTables::findSession(const std::string& token) {
    return sessionWhere(token, "WHERE s.token_hash=? AND u.disabled=0");
}

Status AccountTables::deleteSession(const std::string& token) {
    auto lease = m_db.cached("DELETE FROM srv_sessions WHERE token_hash=?");
    Stmt& s = *lease;
    s.bind(1, tokenHash(token));
    return s.run();
}

Result<int> AccountTables::purgeExpiredSessions(std::int64_t nowMs) {
    Stmt s = m_db.prepare("DELETE FROM srv_sessions WHERE expires_at <= ?");
    s.bind(1, nowMs);
    if (Status st = s.run(); !st) return st.error();
    return m_db.changes();
}

Result<bool> AccountTables::userUsedDevice(const std::string& username, const std::string& site) {
    auto lease = m_db.cached("SELECT 1 FROM srv_devices WHERE site=? AND username=?");
    Stmt& s = *lease;
    s.bind(1, site).bind(2, username);
    const bool found = s.step();
    if (!found && s.error()) return dbError(s, "reading devices");
    s.reset();
    return found;
}

Result<std::vector<DeviceUse>> AccountTables::listDevices() {
    Stmt s = m_db.prepare(
        "SELECT site, username, first_seen_at, last_seen_at, last_ip FROM srv_devices "
        "ORDER BY last_seen_at DESC");
    std::vector<DeviceUse> out;
    while (s.step()) out.push_back({s.text(0), s.text(1), s.int64(2), s.int64(3), s.text(4)});
    if (s.error()) return dbError(s, "listing devices");
    return out;
}

Status AccountTables::endDeviceSessions(const std::string& site) {
    Stmt s = m_db.prepare("DELETE FROM srv_sessions WHERE device_site=?");
    s.bind(1, site);
    return s.run();
}

Status AccountTables::recordDotConflict(const std::string& site, std::uint64_t seq,
                                        std::int64_t nowMs, const std::string& pushedBy,
                                        const std::string& pushedFrom, const std::string& ip) {
    Stmt s = m_db.prepare(
        "INSERT INTO srv_dot_conflicts(site, seq, at, pushed_by, pushed_from, ip) "
        "VALUES(?,?,?,?,?,?)");
    s.bind(1, site).bind(2, seq).bind(3, nowMs).bind(4, pushedBy).bind(5, pushedFrom).bind(6, ip);
    return s.run();
}

Result<std::vector<DotConflict>> AccountTables::takeDotConflicts(const std::string& site,
                                                                 std::int64_t nowMs) {
    std::vector<DotConflict> out;
    Stmt s = m_db.prepare(
        "SELECT seq, at, pushed_by, id FROM srv_dot_conflicts WHERE site=? AND told_at IS NULL "
        "ORDER BY id LIMIT 100");
    s.bind(1, site);
    std::int64_t lastId = 0;
    while (s.step()) {
        out.push_back({static_cast<std::uint64_t>(s.int64(0)), s.int64(1), s.text(2)});
        lastId = s.int64(3);
    }
    if (s.error()) return dbError(s, "reading dot conflicts");
    if (out.empty()) return out;
    Stmt told = m_db.prepare(
        "UPDATE srv_dot_conflicts SET told_at=? WHERE site=? AND told_at IS NULL AND id<=?");
    told.bind(1, nowMs).bind(2, site).bind(3, lastId);
    if (Status st = told.run(); !st) return st.error();
    return out;
}

Status AccountTables::audit(std::int64_t nowMs, const std::string& actor, const std::string& action,
                            const std::string& detail, const std::string& ip) {
    auto lease =
        m_db.cached("INSERT INTO srv_audit(at, actor, action, detail, ip) VALUES(?,?,?,?,?)");
    Stmt& s = *lease;
    s.bind(1, nowMs).bind(2, actor).bind(3, action).bind(4, detail).bind(5, ip);
    return s.run();
}

Result<AccountCounts> AccountTables::counts(std::int64_t nowMs) {
    AccountCounts c;
    Stmt s = m_db.prepare(
        "SELECT (SELECT count(*) FROM srv_users), (SELECT count(*) FROM srv_users WHERE "
        "disabled=0), (SELECT count(*) FROM srv_sessions WHERE expires_at > ?), (SELECT "
        "count(DISTINCT site) FROM srv_devices), (SELECT count(*) FROM srv_audit)");
    s.bind(1, nowMs);
    if (!s.step()) return dbError(s, "counting");
    c.users = s.int64(0);
    c.activeUsers = s.int64(1);
    c.sessions = s.int64(2);
    c.devices = s.int64(3);
    c.auditEntries = s.int64(4);
    return c;
}

// ---- remote wipe ---------------------------------------------------------------------

Status AccountTables::orderDeviceWipe(const std::string& site, std::int64_t nowMs,
                                      const std::string& actor) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    Stmt known = m_db.prepare("SELECT 1 FROM srv_devices WHERE site=?");
    known.bind(1, site);
    if (!known.step()) {
        if (known.error()) return dbError(known, "reading devices");
        return Error{"device_not_found", "no device " + site + " has signed in"};
    }
    known.reset();
    auto state = deviceWipeState(site);
    if (!state) return state.error();
    if (*state == "wiped") return Error{"already_wiped", "device " + site + " is already wiped"};
    if (state->empty()) {
        Stmt s = m_db.prepare(
            "INSERT INTO srv_device_wipes(site, state, ordered_at, ordered_by) "
            "VALUES(?,'pending',?,?)");
        s.bind(1, site).bind(2, nowMs).bind(3, actor);
        if (Status st = s.run(); !st) return st;
        if (Status st = audit(nowMs, actor, "device_wipe_ordered", site); !st) return st;
    }
    return tx.commit();
}

Status AccountTables::cancelDeviceWipe(const std::string& site, std::int64_t nowMs,
                                       const std::string& actor) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    auto state = deviceWipeState(site);
    if (!state) return state.error();
    if (*state == "wiped")
        return Error{"already_wiped", "device " + site + " has wiped its data; it cannot be enabled"};
    if (*state == "pending") {
        Stmt s = m_db.prepare("DELETE FROM srv_device_wipes WHERE site=? AND state='pending'");
        s.bind(1, site);
        if (Status st = s.run(); !st) return st;
        if (Status st = audit(nowMs, actor, "device_wipe_cancelled", site); !st) return st;
    }
    return tx.commit();
}

Result<int> AccountTables::orderUserDeviceWipes(const std::string& username, std::int64_t nowMs,
                                                const std::string& actor) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    Stmt s = m_db.prepare(
        "INSERT INTO srv_device_wipes(site, state, ordered_at, ordered_by) "
        "SELECT DISTINCT site, 'pending', ?, ? FROM srv_devices WHERE username=? "
        "ON CONFLICT(site) DO NOTHING");
    s.bind(1, nowMs).bind(2, actor).bind(3, username);
    if (Status st = s.run(); !st) return st.error();
    const int added = m_db.changes();
    if (added > 0) {
        if (Status st = audit(nowMs, actor, "device_wipe_ordered",
                              std::to_string(added) + " devices of user " + username);
            !st)
            return st.error();
    }
    if (Status st = tx.commit(); !st) return st.error();
    return added;
}

Result<std::string> AccountTables::deviceWipeState(const std::string& site) {
    auto lease = m_db.cached("SELECT state FROM srv_device_wipes WHERE site=?");
    Stmt& s = *lease;
    s.bind(1, site);
    if (s.step()) {
        std::string state = s.text(0);
        s.reset();
        return state;
    }
    if (s.error()) return dbError(s, "reading device wipes");
    return std::string();
}

Status AccountTables::markDeviceWiped(const std::string& site, std::int64_t nowMs) {
    Stmt s = m_db.prepare(
        "UPDATE srv_device_wipes SET state='wiped', wiped_at=? WHERE site=? AND state='pending'");
    s.bind(1, nowMs).bind(2, site);
    return s.run();
}

Result<std::optional<Session>> AccountTables::findWipeSession(const std::string& token) {
    return sessionWhere(token, "JOIN srv_device_wipes w ON w.site = s.device_site"
                               " WHERE s.token_hash=? AND s.kind='bearer'");
}

}  // namespace nghedan::server
