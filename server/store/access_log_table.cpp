#include "access_log_table.h"

#include <nlohmann/json.hpp>

namespace nghedan::server {
namespace {

Error dbError(const Stmt& stmt, const char* what) {
    if (stmt.error()) return {"io", std::string(what) + ": " + stmt.error()->message};
    return {"io", std::string(what) + ": statement failed"};
}

}  // namespace

Status AccessLogTable::ensureSchema() {
    return m_db.exec(R"sql(
CREATE TABLE IF NOT EXISTS srv_access_log(
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  username   TEXT NOT NULL,
  role       TEXT NOT NULL,
  scope_unit TEXT NOT NULL DEFAULT '',
  device     TEXT NOT NULL,
  action     TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  ip         TEXT NOT NULL DEFAULT '',
  records    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS srv_access_log_at ON srv_access_log(at);
CREATE INDEX IF NOT EXISTS srv_access_log_user ON srv_access_log(username, at);
CREATE TABLE IF NOT EXISTS srv_access_records(
  entry  INTEGER NOT NULL REFERENCES srv_access_log(id),
  entity TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS srv_access_records_entry ON srv_access_records(entry);
CREATE INDEX IF NOT EXISTS srv_access_records_record ON srv_access_records(record, entry);
CREATE TRIGGER IF NOT EXISTS srv_access_log_no_update BEFORE UPDATE ON srv_access_log
  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS srv_access_log_no_delete BEFORE DELETE ON srv_access_log
  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS srv_access_records_no_update BEFORE UPDATE ON srv_access_records
  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS srv_access_records_no_delete BEFORE DELETE ON srv_access_records
  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
)sql");
}

Result<std::int64_t> AccessLogTable::append(const AccessEntry& e) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    {
        auto lease = m_db.cached(
            "INSERT INTO srv_access_log(at, username, role, scope_unit, device, action, reason, "
            "ip, records) VALUES(?,?,?,?,?,?,?,?,?)");
        Stmt& s = *lease;
        s.bind(1, e.at).bind(2, e.username).bind(3, e.role).bind(4, e.scopeUnit);
        s.bind(5, e.device).bind(6, e.action).bind(7, e.reason).bind(8, e.ip);
        s.bind(9, static_cast<std::int64_t>(e.records.size()));
        if (Status st = s.run(); !st) return st.error();
    }
    const std::int64_t id = m_db.lastInsertRowid();
    {
        auto lease =
            m_db.cached("INSERT INTO srv_access_records(entry, entity, record) VALUES(?,?,?)");
        Stmt& s = *lease;
        for (const RecordRef& r : e.records) {
            s.bind(1, id).bind(2, r.entity).bind(3, r.id);
            if (Status st = s.run(); !st) return st.error();
            s.reset();
        }
    }
    if (Status st = tx.commit(); !st) return st.error();
    return id;
}

Result<AccessPage> AccessLogTable::read(const AccessQuery& q, std::size_t recordsPerEntry) {
    std::string where = " WHERE 1=1";
    std::vector<std::pair<bool, std::string>> binds;  // (is number, value)
    if (!q.scopeUnits.empty()) {
        where += " AND a.scope_unit IN (SELECT value FROM json_each(?))";
        binds.push_back({false, nlohmann::json(q.scopeUnits).dump()});
    }
    if (q.id != 0) {
        where += " AND a.id = ?";
        binds.push_back({true, std::to_string(q.id)});
    }
    if (!q.user.empty()) {
        where += " AND a.username = ?";
        binds.push_back({false, q.user});
    }
    if (!q.record.empty()) {
        where +=
            " AND EXISTS (SELECT 1 FROM srv_access_records r WHERE r.record = ? AND "
            "r.entry = a.id)";
        binds.push_back({false, q.record});
    }
    if (q.fromMs) {
        where += " AND a.at >= ?";
        binds.push_back({true, std::to_string(*q.fromMs)});
    }
    if (q.toMs) {
        where += " AND a.at < ?";
        binds.push_back({true, std::to_string(*q.toMs)});
    }
    auto bindAll = [&](Stmt& s) {
        int i = 1;
        for (const auto& [number, v] : binds) {
            if (number)
                s.bind(i++, static_cast<std::int64_t>(std::stoll(v)));
            else
                s.bind(i++, v);
        }
        return i;
    };
    AccessPage page;
    {
        Stmt s = m_db.prepare("SELECT count(*) FROM srv_access_log a" + where);
        bindAll(s);
        if (!s.step()) return dbError(s, "counting the access log");
        page.total = s.int64(0);
    }
    Stmt s = m_db.prepare(
        "SELECT a.id, a.at, a.username, a.role, a.scope_unit, a.device, a.action, a.reason, a.ip, "
        "a.records "
        "FROM srv_access_log a" +
        where + " ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?");
    const int next = bindAll(s);
    s.bind(next, q.limit).bind(next + 1, q.offset);
    while (s.step()) {
        AccessEntry e;
        e.id = s.int64(0);
        e.at = s.int64(1);
        e.username = s.text(2);
        e.role = s.text(3);
        e.scopeUnit = s.text(4);
        e.device = s.text(5);
        e.action = s.text(6);
        e.reason = s.text(7);
        e.ip = s.text(8);
        e.recordCount = s.int64(9);
        page.entries.push_back(std::move(e));
    }
    if (s.error()) return dbError(s, "reading the access log");
    auto lease = m_db.cached(
        "SELECT entity, record FROM srv_access_records WHERE entry = ? ORDER BY rowid LIMIT ?");
    Stmt& r = *lease;
    for (AccessEntry& e : page.entries) {
        r.bind(1, e.id).bind(2, static_cast<std::int64_t>(recordsPerEntry));
        while (r.step()) e.records.push_back({r.text(0), r.text(1)});
        if (r.error()) return dbError(r, "reading the access log's records");
        r.reset();
    }
    return page;
}

}  // namespace nghedan::server
