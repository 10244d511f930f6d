#include "sqlite_store.h"

#include <filesystem>

#include "access_log_table.h"
#include "account_tables.h"
#include "blob_tables.h"
#include "nghedan/clock.h"

namespace nghedan::server {

namespace {

std::string_view colView(Stmt& st, int col) {
    return st.isNull(col) ? std::string_view() : st.textView(col);
}

std::string colText(Stmt& st, int col) {
    return st.isNull(col) ? std::string() : st.text(col);
}

std::optional<std::int64_t> colInt(Stmt& st, int col) {
    return st.isNull(col) ? std::nullopt : std::optional<std::int64_t>(st.int64(col));
}

bool colDeleted(Stmt& st, int col) {
    return !st.isNull(col) && st.int64(col) != 0;
}

bool hasColumn(Database& db, const std::string& table, const std::string& column) {
    Stmt st = db.prepare("SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
    st.bind(1, table).bind(2, column);
    return st.step();
}

std::string notDeleted(Database& db, const std::string& table) {
    return hasColumn(db, table, "deleted") ? " WHERE COALESCE(deleted, 0) = 0" : "";
}

/** Runs `st` (with `id` bound when given) and calls `read` for each row. */
Status eachRow(Stmt& st, const std::optional<std::string>& id,
               const std::function<void(Stmt&)>& read) {
    if (id) st.bind(1, *id);
    while (st.step()) read(st);
    if (st.error()) return *st.error();
    return {};
}

}  // namespace

Result<std::unique_ptr<Store>> openSqliteStore(const std::string& path, ReplicaOptions options,
                                               const std::string& blobDir) {
    auto store = SqliteStore::open(path, std::move(options), blobDir);
    if (!store) return store.error();
    return std::unique_ptr<Store>(std::move(*store));
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path,
                                                       ReplicaOptions options,
                                                       const std::string& blobDir) {
    auto blobs = openFileBlobStore(
        blobDir.empty() ? std::filesystem::path(path).parent_path() / "blobs"
                        : std::filesystem::path(blobDir));
    if (!blobs) return blobs.error();
    auto replica = Replica::open(path, std::move(options));
    if (!replica) return replica.error();
    std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(*replica), std::move(*blobs)));
    if (Status s = AccountTables(store->db()).ensureSchema(); !s) return s.error();
    if (Status s = BlobTables(store->db()).ensureSchema(); !s) return s.error();
    if (Status s = AccessLogTable(store->db()).ensureSchema(); !s) return s.error();
    // The public endpoints (server/public_petitions.h) list public petitions by received time
    // and count them for Open311's total: without this covering index each such query reads
    // every petition of its window (about 30 ms at 100,000 petitions; 1 ms with it). Rebuilding
    // the materialised tables drops it; the next open makes it again.
    if (Status s = store->db().exec("CREATE INDEX IF NOT EXISTS srv_public_petitions ON " +
                                    materialisedTable("petition") +
                                    "(\"public\", received_at, deleted, status, category, unit)");
        !s)
        return s.error();
    return store;
}

SqliteStore::SqliteStore(std::unique_ptr<Replica> replica, std::unique_ptr<BlobStore> blobs)
    : m_replica(std::move(replica)), m_blobs(std::move(blobs)) {}
SqliteStore::~SqliteStore() = default;

Database& SqliteStore::db() {
    return m_replica->database(DatabaseAccess{});
}

// ---- the change log and records: the replica's own operations ---------------------------

const std::string& SqliteStore::siteId() {
    return m_replica->siteId();
}
Hlc& SqliteStore::clock() {
    return m_replica->clock();
}
Result<Change> SqliteStore::write(const WriteRequest& request) {
    return m_replica->write(request);
}
Result<ApplyReport> SqliteStore::apply(const std::vector<Change>& changes,
                                       const ApplyOptions& options) {
    return m_replica->apply(changes, options);
}
Result<std::optional<RecordView>> SqliteStore::get(const std::string& entity,
                                                   const std::string& id) {
    return m_replica->get(entity, id);
}
Result<std::vector<VersionView>> SqliteStore::history(const std::string& entity,
                                                      const std::string& id) {
    return m_replica->history(entity, id);
}
Result<Page> SqliteStore::list(const ListQuery& query) {
    return m_replica->list(query);
}
Result<std::vector<SearchHit>> SqliteStore::search(const std::string& typed,
                                                   const std::string& entity, int limit) {
    return m_replica->search(typed, entity, limit);
}
Result<std::vector<std::string>> SqliteStore::unitSubtree(const std::string& root) {
    return m_replica->unitSubtree(root);
}
Result<std::unique_ptr<ReplicaSnapshot>> SqliteStore::snapshot() {
    return m_replica->snapshot();
}
std::uint64_t SqliteStore::changeCount() {
    return m_replica->changeCount();
}
std::uint64_t SqliteStore::lastCursor() {
    return m_replica->lastCursor();
}
Result<ChangePage> SqliteStore::changesAfter(std::uint64_t cursor, const std::string& scopeRoot,
                                             std::size_t limit) {
    return m_replica->changesAfter(cursor, scopeRoot, limit);
}
Result<ChangeTextPage> SqliteStore::changeTextsAfter(std::uint64_t cursor,
                                                     const std::string& scopeRoot, PageSize size,
                                                     const HeldChanges& held) {
    return m_replica->changeTextsAfter(cursor, scopeRoot, size, held);
}
Result<ChangeTextPage> SqliteStore::recordTextsAfter(std::uint64_t afterRid,
                                                     const std::string& scopeRoot, PageSize size) {
    return m_replica->recordTextsAfter(afterRid, scopeRoot, size);
}
Result<std::map<std::string, std::uint64_t>> SqliteStore::siteVector() {
    return m_replica->siteVector();
}
Result<std::optional<SiteKey>> SqliteStore::siteKey(const std::string& site) {
    return m_replica->siteKey(site);
}
Status SqliteStore::learnSiteKey(const SiteKey& key) {
    return m_replica->learnSiteKey(key);
}
std::optional<std::string> SqliteStore::meta(const std::string& key) {
    return m_replica->meta(key);
}
Status SqliteStore::setMeta(const std::string& key, const std::string& value) {
    return m_replica->setMeta(key, value);
}
Status SqliteStore::renewSite() {
    return m_replica->renewSite();
}

// ---- dashboard reads ------------------------------------------------------------------

Status SqliteStore::petitionFacts(const std::optional<std::string>& id,
                                  const std::function<void(const PetitionFacts&)>& each) {
    const std::string sql =
        "SELECT id, unit, category, status, lead_agency, received_at, "
        "resolved_at, due_date, deleted, support_agencies FROM " +
        materialisedTable("petition");
    auto read = [&](Stmt& st) {
        PetitionFacts p;
        p.id = colView(st, 0);
        p.unit = colView(st, 1);
        p.category = colView(st, 2);
        p.status = colView(st, 3);
        p.leadAgency = colView(st, 4);
        p.receivedAt = colInt(st, 5);
        p.resolvedAt = colInt(st, 6);
        p.dueDate = colView(st, 7);
        p.deleted = colDeleted(st, 8);
        p.supportAgencies = colView(st, 9);
        each(p);
    };
    if (!id) {
        Stmt st = db().prepare(sql);
        return eachRow(st, id, read);
    }
    auto lease = db().cached(sql + " WHERE id = ?");
    return eachRow(*lease, id, read);
}

Status SqliteStore::meetingFacts(const std::optional<std::string>& id,
                                 const std::function<void(const MeetingFacts&)>& each) {
    const std::string sql =
        "SELECT id, unit, held_at, deleted FROM " + materialisedTable("meeting");
    auto read = [&](Stmt& st) {
        each({colView(st, 0), colView(st, 1), colInt(st, 2), colDeleted(st, 3)});
    };
    if (!id) {
        Stmt st = db().prepare(sql);
        return eachRow(st, id, read);
    }
    auto lease = db().cached(sql + " WHERE id = ?");
    return eachRow(*lease, id, read);
}

Status SqliteStore::reportBackFacts(const std::optional<std::string>& id,
                                    const std::function<void(const ReportBackFacts&)>& each) {
    const std::string sql = "SELECT id, unit, petition, verdict, created_hlc, deleted FROM " +
                            materialisedTable("report_back");
    auto read = [&](Stmt& st) {
        each({colView(st, 0), colView(st, 1), colView(st, 2), colView(st, 3),
              hlcMillis(static_cast<HlcTime>(colInt(st, 4).value_or(0))), colDeleted(st, 5)});
    };
    if (!id) {
        Stmt st = db().prepare(sql);
        return eachRow(st, id, read);
    }
    auto lease = db().cached(sql + " WHERE id = ?");
    return eachRow(*lease, id, read);
}

Status SqliteStore::directiveFacts(const std::optional<std::string>& id,
                                   const std::function<void(const DirectiveFacts&)>& each) {
    const std::string sql =
        "SELECT id, unit, status, due_date, deleted FROM " + materialisedTable("directive");
    auto read = [&](Stmt& st) {
        each({colView(st, 0), colView(st, 1), colView(st, 2), colView(st, 3), colDeleted(st, 4)});
    };
    if (!id) {
        Stmt st = db().prepare(sql);
        return eachRow(st, id, read);
    }
    auto lease = db().cached(sql + " WHERE id = ?");
    return eachRow(*lease, id, read);
}

Result<std::optional<PetitionSummary>> SqliteStore::petitionSummary(const std::string& id) {
    auto lease = db().cached("SELECT title, unit, lead_agency, due_date FROM " +
                             materialisedTable("petition") + " WHERE id = ?");
    Stmt& st = *lease;
    st.bind(1, id);
    if (!st.step()) {
        if (st.error()) return *st.error();
        return std::optional<PetitionSummary>();
    }
    return std::optional<PetitionSummary>(
        PetitionSummary{colText(st, 0), colText(st, 1), colText(st, 2), colText(st, 3)});
}

Result<std::vector<UnitEntry>> SqliteStore::liveUnits() {
    const std::string table = materialisedTable("unit");
    Stmt st = db().prepare("SELECT id, parent, level, code, name FROM " + table +
                           notDeleted(db(), table));
    std::vector<UnitEntry> out;
    while (st.step())
        out.push_back({st.text(0), colText(st, 1), colText(st, 2), colText(st, 3), colText(st, 4)});
    if (st.error()) return *st.error();
    return out;
}

Result<std::vector<AgencyEntry>> SqliteStore::liveAgencies() {
    const std::string table = materialisedTable("agency");
    Stmt st = db().prepare("SELECT id, unit, level, name FROM " + table + notDeleted(db(), table));
    std::vector<AgencyEntry> out;
    while (st.step()) out.push_back({st.text(0), colText(st, 1), colText(st, 2), colText(st, 3)});
    if (st.error()) return *st.error();
    return out;
}

Result<std::optional<std::string>> SqliteStore::unitParent(const std::string& unit) {
    Stmt st = db().prepare("SELECT parent FROM " + materialisedTable("unit") + " WHERE id=?");
    st.bind(1, unit);
    if (!st.step()) {
        if (st.error()) return *st.error();
        return std::optional<std::string>();
    }
    return std::optional<std::string>(colText(st, 0));
}

Result<std::vector<std::string>> SqliteStore::recordIdsWhere(const std::string& entity,
                                                             const std::string& field,
                                                             const std::string& value,
                                                             bool includeDeleted) {
    const EntityDef* def = findEntity(entity);
    if (!def) return Error{"invalid_entity", "unknown entity '" + entity + "'"};
    if (field != "id" && !def->field(field))
        return Error{"invalid_field", "unknown field '" + field + "' of " + entity};
    Stmt st = db().prepare("SELECT id FROM " + materialisedTable(entity) + " WHERE " + field +
                           "=?" + (includeDeleted ? "" : " AND coalesce(deleted,0)=0"));
    st.bind(1, value);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    if (st.error()) return *st.error();
    return out;
}

Result<std::map<std::string, RecordCounts>> SqliteStore::recordCounts() {
    std::map<std::string, RecordCounts> out;
    for (const EntityDef& e : entities()) {
        Stmt st = db().prepare("SELECT count(*), coalesce(sum(conflicts > 0), 0) FROM " +
                               materialisedTable(e.name) + " WHERE coalesce(deleted, 0) = 0");
        if (st.step()) out[e.name] = {st.int64(0), st.int64(1)};
        if (st.error()) return *st.error();
    }
    return out;
}

// ---- accounts, sessions, devices, audit -------------------------------------------------

Status SqliteStore::addUser(const Account& account, const std::string& passwordHash) {
    return AccountTables(db()).addUser(account, passwordHash);
}
Status SqliteStore::updateUser(const std::string& username,
                               const std::optional<std::string>& displayName,
                               const std::optional<std::string>& role,
                               const std::optional<std::string>& scopeUnit,
                               const std::optional<std::string>& passwordHash,
                               const std::optional<bool>& disabled) {
    return AccountTables(db()).updateUser(username, displayName, role, scopeUnit, passwordHash,
                                          disabled);
}
Result<std::optional<Account>> SqliteStore::findUser(const std::string& username) {
    return AccountTables(db()).findUser(username);
}
Result<std::optional<std::string>> SqliteStore::passwordHashOf(const std::string& username) {
    return AccountTables(db()).passwordHashOf(username);
}
Result<std::vector<Account>> SqliteStore::listUsers() {
    return AccountTables(db()).listUsers();
}
Status SqliteStore::createSession(const std::string& token, const std::string& username,
                                  const std::string& kind, const std::string& deviceSite,
                                  std::int64_t nowMs, std::int64_t expiresAtMs,
                                  const std::string& ip) {
    return AccountTables(db()).createSession(token, username, kind, deviceSite, nowMs, expiresAtMs,
                                             ip);
}
Result<std::optional<Session>> SqliteStore::findSession(const std::string& token) {
    return AccountTables(db()).findSession(token);
}
Status SqliteStore::deleteSession(const std::string& token) {
    return AccountTables(db()).deleteSession(token);
}
Result<int> SqliteStore::purgeExpiredSessions(std::int64_t nowMs) {
    return AccountTables(db()).purgeExpiredSessions(nowMs);
}
Result<bool> SqliteStore::userUsedDevice(const std::string& username, const std::string& site) {
    return AccountTables(db()).userUsedDevice(username, site);
}
Status SqliteStore::recordDotConflict(const std::string& site, std::uint64_t seq,
                                      std::int64_t nowMs, const std::string& pushedBy,
                                      const std::string& pushedFrom, const std::string& ip) {
    return AccountTables(db()).recordDotConflict(site, seq, nowMs, pushedBy, pushedFrom, ip);
}
Result<std::vector<DotConflict>> SqliteStore::takeDotConflicts(const std::string& site,
                                                               std::int64_t nowMs) {
    return AccountTables(db()).takeDotConflicts(site, nowMs);
}
Result<std::vector<DeviceUse>> SqliteStore::listDevices() {
    return AccountTables(db()).listDevices();
}

Result<std::uint64_t> SqliteStore::revokeDevice(const std::string& site, std::int64_t nowMs,
                                                const std::string& actor) {
    Transaction tx(db());
    if (!tx.begun()) return tx.begun().error();
    auto sites = m_replica->siteVector();
    if (!sites) return sites.error();
    const auto held = sites->find(site);
    const std::uint64_t through = held == sites->end() ? 0 : held->second;
    if (Status s = m_replica->revokeSiteKey(site, through); !s) return s.error();
    AccountTables accounts(db());
    if (Status s = accounts.endDeviceSessions(site); !s) return s.error();
    (void)accounts.audit(nowMs, actor, "device_revoke",
                         site + " valid through seq " + std::to_string(through));
    if (Status s = tx.commit(); !s) return s.error();
    return through;
}

Status SqliteStore::audit(std::int64_t nowMs, const std::string& actor, const std::string& action,
                          const std::string& detail, const std::string& ip) {
    return AccountTables(db()).audit(nowMs, actor, action, detail, ip);
}
Result<AccountCounts> SqliteStore::accountCounts(std::int64_t nowMs) {
    return AccountTables(db()).counts(nowMs);
}

// ---- maintenance ------------------------------------------------------------------------

Status SqliteStore::backupTo(const std::string& path) {
    return db().backupTo(path);
}

Status SqliteStore::deferSearchCompaction(bool on) {
    return m_replica->deferSearchCompaction(on);
}

Status SqliteStore::truncateJournal() {
    return db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

Status SqliteStore::setBulkLoad(bool on) {
    if (on) return db().exec("PRAGMA synchronous=OFF");
    if (Status s = db().exec("PRAGMA synchronous=FULL"); !s) return s;
    return db().exec("PRAGMA wal_checkpoint(FULL)");
}

// ---- access log of personal data --------------------------------------------------------

Result<std::int64_t> SqliteStore::logPersonalAccess(const AccessEntry& entry) {
    return AccessLogTable(db()).append(entry);
}
Result<AccessPage> SqliteStore::accessLog(const AccessQuery& query) {
    return AccessLogTable(db()).read(query, 1000);
}

// ---- remote wipe ------------------------------------------------------------------------

Status SqliteStore::orderDeviceWipe(const std::string& site, std::int64_t nowMs,
                                    const std::string& actor) {
    return AccountTables(db()).orderDeviceWipe(site, nowMs, actor);
}
Status SqliteStore::cancelDeviceWipe(const std::string& site, std::int64_t nowMs,
                                     const std::string& actor) {
    return AccountTables(db()).cancelDeviceWipe(site, nowMs, actor);
}
Result<int> SqliteStore::orderUserDeviceWipes(const std::string& username, std::int64_t nowMs,
                                              const std::string& actor) {
    return AccountTables(db()).orderUserDeviceWipes(username, nowMs, actor);
}
Result<std::string> SqliteStore::deviceWipeState(const std::string& site) {
    return AccountTables(db()).deviceWipeState(site);
}
Result<std::optional<Session>> SqliteStore::findWipeSession(const std::string& token) {
    return AccountTables(db()).findWipeSession(token);
}

Result<std::uint64_t> SqliteStore::confirmDeviceWipe(const std::string& site, std::int64_t nowMs,
                                                     const std::string& actor,
                                                     const std::string& ip) {
    Transaction tx(db());
    if (!tx.begun()) return tx.begun().error();
    AccountTables accounts(db());
    auto state = accounts.deviceWipeState(site);
    if (!state) return state.error();
    if (state->empty()) return Error{"not_ordered", "no wipe was ordered for device " + site};
    auto sites = m_replica->siteVector();
    if (!sites) return sites.error();
    const auto held = sites->find(site);
    const std::uint64_t through = held == sites->end() ? 0 : held->second;
    if (*state == "pending") {
        if (Status s = m_replica->revokeSiteKey(site, through); !s) return s.error();
        if (Status s = accounts.markDeviceWiped(site, nowMs); !s) return s.error();
        if (Status s = accounts.audit(nowMs, actor, "device_wiped",
                                      site + " key valid through seq " + std::to_string(through),
                                      ip);
            !s)
            return s.error();
    }
    if (Status s = tx.commit(); !s) return s.error();
    return through;
}

// ---- blobs ------------------------------------------------------------------------------

BlobStore& SqliteStore::blobs() {
    return *m_blobs;
}
Result<std::vector<BlobNaming>> SqliteStore::blobNamings(const std::string& hash) {
    return BlobTables(db()).namings(hash);
}
Result<std::vector<std::string>> SqliteStore::blobClaimUnits(const std::string& hash) {
    return BlobTables(db()).claimUnits(hash);
}
Status SqliteStore::claimBlob(const std::string& hash, const std::string& unit) {
    return BlobTables(db()).claim(hash, unit, systemMillis());
}
Status SqliteStore::forgetBlobClaims(const std::string& hash) {
    return BlobTables(db()).forget(hash);
}
Result<std::vector<AttachmentSize>> SqliteStore::liveAttachmentsOf(const std::string& parent) {
    return BlobTables(db()).liveAttachmentsOf(parent);
}

}  // namespace nghedan::server
