#include "blob_tables.h"

#include "nghedan/replica.h"

namespace nghedan::server {

namespace {

/** SQL true when the parent record of attachment row `a` is deleted (a parent not held yet
 *  counts as live). */
std::string parentDeleted() {
    std::string sql;
    for (const char* parent : {"petition", "meeting", "directive"}) {
        if (!sql.empty()) sql += " OR ";
        sql += std::string("EXISTS(SELECT 1 FROM ") + materialisedTable(parent) +
               " p WHERE a.parent_entity='" + parent +
               "' AND p.id=a.parent AND coalesce(p.deleted,0)<>0)";
    }
    return "(" + sql + ")";
}

}  // namespace

Status BlobTables::ensureSchema() {
    return m_db.exec(R"sql(
CREATE TABLE IF NOT EXISTS srv_blob_claims(
  hash TEXT NOT NULL,
  unit TEXT NOT NULL,
  at   INTEGER NOT NULL,
  PRIMARY KEY (hash, unit)
) WITHOUT ROWID;
)sql");
}

Result<std::vector<BlobNaming>> BlobTables::namings(const std::string& hash) {
    const std::string table = materialisedTable("attachment");
    const std::string live = "coalesce(a.deleted,0)=0 AND NOT " + parentDeleted();
    auto lease = m_db.cached(
        "SELECT a.id, a.unit, a.size, a.mime, a.file_name, " + live + ", 0 FROM " + table +
        " a WHERE a.sha256=?1 UNION ALL SELECT a.id, a.unit, a.thumb_size, 'image/jpeg', "
        "a.file_name, " +
        live + ", 1 FROM " + table + " a WHERE a.thumb_sha256=?1");
    Stmt& st = *lease;
    st.bind(1, hash);
    std::vector<BlobNaming> out;
    while (st.step()) {
        BlobNaming n;
        n.attachment = st.text(0);
        n.unit = st.text(1);
        n.size = st.isNull(2) ? 0 : static_cast<std::uint64_t>(st.int64(2));
        n.mime = st.isNull(3) ? std::string() : st.text(3);
        n.fileName = st.isNull(4) ? std::string() : st.text(4);
        n.live = st.int64(5) != 0;
        n.thumbnail = st.int64(6) != 0;
        out.push_back(std::move(n));
    }
    if (st.error()) return *st.error();
    return out;
}

Result<std::vector<std::string>> BlobTables::claimUnits(const std::string& hash) {
    auto lease = m_db.cached("SELECT unit FROM srv_blob_claims WHERE hash=?");
    Stmt& st = *lease;
    st.bind(1, hash);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    if (st.error()) return *st.error();
    return out;
}

Status BlobTables::claim(const std::string& hash, const std::string& unit, std::int64_t nowMs) {
    return m_db.cached("INSERT OR IGNORE INTO srv_blob_claims(hash, unit, at) VALUES(?, ?, ?)")
        ->bind(1, hash)
        .bind(2, unit)
        .bind(3, nowMs)
        .run();
}

Status BlobTables::forget(const std::string& hash) {
    return m_db.cached("DELETE FROM srv_blob_claims WHERE hash=?")->bind(1, hash).run();
}

Result<std::vector<AttachmentSize>> BlobTables::liveAttachmentsOf(const std::string& parent) {
    auto lease = m_db.cached("SELECT id, coalesce(size,0) FROM " + materialisedTable("attachment") +
                             " WHERE parent=? AND coalesce(deleted,0)=0");
    Stmt& st = *lease;
    st.bind(1, parent);
    std::vector<AttachmentSize> out;
    while (st.step()) out.push_back({st.text(0), st.int64(1)});
    if (st.error()) return *st.error();
    return out;
}

}  // namespace nghedan::server
