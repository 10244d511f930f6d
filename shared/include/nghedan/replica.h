#pragma once
// The local replica: every change ever seen, per-field multi-value registers, the
// materialised tables derived from them, full-text search and the sync bookkeeping,
// all in one SQLite file. Used by the tablet app and by the server alike. Its SQLite
// connection is reachable only by the server's SQLite store (DatabaseAccess below), which
// keeps the server's tables in the same file; nobody else runs SQL on a replica's file.

#include <cstdint>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "nghedan/change.h"
#include "nghedan/clock.h"
#include "nghedan/schema.h"
#include "nghedan/sqlite.h"
#include "nghedan/status.h"

namespace nghedan {

/** A local write: set fields of one record. Empty id creates a record (an id is generated
 *  and `unit` is required); otherwise the record's unit is kept ("unit_immutable" if a
 *  different one is given). Bases are the dots of every current value of each set field,
 *  so a write also resolves a conflict on that field. */
struct WriteRequest {
    std::string entity;
    std::string id;
    std::string unit;
    std::string author;
    std::map<std::string, Json> set;
};

/** How strictly apply() checks remote changes. */
enum class Validation {
    /** A tablet applying what the server sent, which a newer version may have written
     *  (Unknowns::Keep): an entity or field its schema lacks, or a value its schema does not
     *  allow yet, is stored and merged like any other (kept in the log and the record's merge
     *  state, passed on when re-pushed), not shown until the replica is opened with a schema
     *  that knows it; a known field's value must only have its field's type. */
    Shape,
    /** The server: every entity, field and value known and allowed (Unknowns::Refuse), and
     *  required fields when the record is new here. */
    Strict,
};

/** What proves a site's changes (proof.h). A key, once known, never changes; changes with
 *  seq <= unsignedThrough were stored before keys existed and are valid unsigned; a revoked
 *  key proves nothing after validThrough. */
struct SiteKey {
    std::string site;
    std::string publicKey;  ///< empty: only its changes from before keys are known
    std::uint64_t unsignedThrough = 0;
    std::optional<std::uint64_t> validThrough;
};

struct ApplyOptions {
    Validation validation = Validation::Shape;
    /** The site of the device that sent the batch (the server's push). A refused change of
     *  another site (relayed) never settles its dot: its site's seq stays where it was and the
     *  refusal is not kept, so a forgery cannot use up a dot that its device will send. */
    std::string sender;
    /** Refuse a change whose seq is not the next one for its site ("seq_gap"); the server's
     *  push. Without it changes apply in any order. */
    bool requireContiguous = false;
    /** Extra check per change (scope, role, clock); an Error refuses that change only.
     *  A final refusal still counts as processed for the site's highest seq; a retryable one
     *  (isRetryableRefusal) does not, and the site's later changes in the batch are then
     *  refused with "seq_gap". */
    std::function<std::optional<Error>(const Change&, bool createsRecord)> authorize;
    /** Meta values stored in the same transaction (e.g. the pull cursor). */
    std::map<std::string, std::string> meta;
    /** Optional, one per change: the public key its signature was already found valid with
     *  (empty: not checked). A change is taken as signed only when that is the key this
     *  replica holds for its site; otherwise apply checks it itself. Lets a caller verify on
     *  another thread (SyncClient does it while the page before is applied). */
    std::vector<std::string> checkedWith;
};

struct Refusal {
    Dot dot;
    Error error;
};

struct ApplyReport {
    std::size_t applied = 0;     ///< new changes stored
    std::size_t duplicates = 0;  ///< already known: skipped
    std::vector<Refusal> refused;
    /** For each site in the batch: the highest seq this replica has processed contiguously
     *  (applied or refused) for it. */
    std::map<std::string, std::uint64_t> highestSeq;
};

/** One value a field had: who wrote it, when, from which replica, and whether it is still
 *  current (not replaced by a change whose author had seen it). */
struct VersionView {
    std::string field;
    Json value;
    Dot dot;
    std::string author;
    HlcTime hlc = 0;
    bool current = false;
    /** Its change carries its device's signature (false: stored before devices had keys). */
    bool proven = true;
    /** A personal value this replica holds only as its hash (personal.h): withheld from this
     *  device's user, or erased by a redaction (RecordView::redacted says which); `value` is
     *  null. */
    bool withheld = false;
};

/** A record as people see it: the display value of every field (greatest (hlc, site) among
 *  current values), plus every field that has more than one current value. */
struct RecordView {
    std::string entity;
    std::string id;
    Json values;  ///< object: id, unit, fields..., conflicts, created_*, updated_*
    std::map<std::string, std::vector<VersionView>> conflicts;
    /** Personal fields a redaction erased for good: empty now and forever, history included. */
    std::set<std::string> redacted;
};

/** Filters for list(); empty members do not filter. */
struct ListQuery {
    std::string entity = "petition";
    std::map<std::string, std::vector<std::string>> equals;  ///< field -> any of these values
    std::string unitRoot;       ///< records in this unit's subtree
    std::string agency;         ///< petition: lead or supporting; directive: agency
    bool overdueOnly = false;   ///< petition/directive: open and due before `today`
    std::string today;          ///< YYYY-MM-DD; defaults to the clock's date
    std::string search;         ///< full-text, diacritics ignored
    /** The personal fields whose text `search` may match (the searcher's right to see them,
     *  policy.h visiblePersonalFields); nullopt: every field. */
    std::optional<std::set<std::string>> searchPersonal;
    std::string timeField;      ///< with from/to (ms): received_at, held_at...
    std::optional<std::int64_t> from, to;
    std::string sort;           ///< a field or updated_hlc/created_hlc; default updated_hlc
    bool descending = true;
    bool includeDeleted = false;
    int offset = 0;
    int limit = 50;             ///< at most 1000
};

struct Page {
    std::vector<Json> rows;   ///< materialised rows (+ "overdue" for petitions/directives)
    std::int64_t total = 0;   ///< rows matching, ignoring offset/limit
};

struct SearchHit {
    std::string entity;
    std::string id;
    std::string title;
};

/** Changes after a cursor in arrival order, for pull and for re-pushing. */
struct ChangePage {
    std::vector<Change> changes;
    std::uint64_t cursor = 0;  ///< pass back to continue
    bool more = false;
};

/** The same page as each change's stored canonical JSON text (`toJsonText`), which the
 *  server sends as is instead of parsing and printing every change again. */
struct ChangeTextPage {
    std::vector<std::string> changes;
    std::set<std::string> sites;  ///< the sites of these changes (whose keys prove them)
    std::uint64_t cursor = 0;
    bool more = false;
};

/** How much one page of changes may hold: at most `changes` changes and, once it holds one,
 *  no more than `bytes` of change text. */
struct PageSize {
    std::size_t changes = 1000;
    std::size_t bytes = SIZE_MAX;
};

/** A puller's own changes, which it holds up to `seq`: a pull leaves them out. */
struct HeldChanges {
    std::string site;       ///< empty: leave nothing out
    std::uint64_t seq = 0;
};

/** A change the server refused: kept out of the state, shown to people with the reason. */
struct RefusedChange {
    Change change;
    Error reason;
};

struct ReplicaOptions {
    Hlc::Source clockSource = systemMillis;  ///< physical clock (tests move it)
    /** The entities this replica knows: what it materialises, searches and lets write. Null:
     *  entities(), this build's. Another list poses as another version of the app (tests);
     *  it must outlive the replica and its snapshots. */
    const std::vector<EntityDef>* schema = nullptr;
    /** 32 raw bytes: the file is encrypted at rest under this data key (encrypted_vfs.h,
     *  local_key.h). Empty: a plain file. A key that does not fit the file: Error "wrong_key". */
    std::string encryptionKey;
};

class ReplicaSnapshot;

namespace server {
class SqliteStore;
}

/** The right to reach a replica's SQLite connection: only the server's SQLite store
 *  (server/store/sqlite_store.cpp) can make one. It runs the server's own tables and reads
 *  (accounts, dashboard aggregates, backup) in the same file; everyone else goes through
 *  Replica's named operations. */
class DatabaseAccess {
    friend class server::SqliteStore;
    DatabaseAccess() = default;
};

/** The replica over one SQLite file (WAL, synchronous=FULL). Every public write commits
 *  durably before it returns. Not thread-safe: callers serialise access. */
class Replica {
public:
    /** Opens or creates the file; migrates older schema versions keeping every change. When
     *  the file was last materialised with other entities or fields (an updated app: its
     *  schema knows what an older one only kept), the materialised tables and the search
     *  index are rebuilt from the changes, so what was kept unknown is shown now. */
    static Result<std::unique_ptr<Replica>> open(const std::string& path,
                                                 ReplicaOptions options = {});
    ~Replica();

    const std::string& siteId() const { return m_site; }
    /** This replica's public key: its device's proof of origin (the secret half is kept in
     *  the replica file and signs every write). */
    const std::string& publicKey() const { return m_publicKey; }
    /** This device's proof, for signing in as `username`, that it holds its key
     *  (keyProofMessage signed by the secret half). */
    std::string keyProof(const std::string& username) const;
    Hlc& clock() { return m_clock; }
    /** The replica's connection, for the server's SQLite store only (DatabaseAccess). */
    Database& database(DatabaseAccess) { return m_db; }

    // ---- writing ----------------------------------------------------------------
    /** Validates and records a local write; returns the stored change. */
    Result<Change> write(const WriteRequest& request);
    /** Applies remote changes in one transaction: idempotent, any order, refusals per change.
     *  Each new change must prove its site ("unknown_site_key", "unsigned_change",
     *  "key_revoked", "bad_signature"); a dot already stored with other content is refused
     *  ("dot_conflict"), never counted as a duplicate. An Error means nothing was stored
     *  (I/O), not that some change was refused. */
    Result<ApplyReport> apply(const std::vector<Change>& changes, const ApplyOptions& options = {});

    // ---- reading ----------------------------------------------------------------
    Result<std::optional<RecordView>> get(const std::string& entity, const std::string& id);
    /** Every value every field of the record ever had, oldest first. */
    Result<std::vector<VersionView>> history(const std::string& entity, const std::string& id);
    Result<Page> list(const ListQuery& query);
    /** Records whose text matches every typed word (diacritics ignored), newest first; with
     *  `personal`, only those personal fields' text counts (ListQuery::searchPersonal). */
    Result<std::vector<SearchHit>> search(const std::string& typed, const std::string& entity = {},
                                          int limit = 50,
                                          const std::optional<std::set<std::string>>& personal = {});
    /** The unit and all units below it (ids). */
    Result<std::vector<std::string>> unitSubtree(const std::string& root);
    /** A read-only view of this replica as it is now, for a long read that must not hold up
     *  writes (see ReplicaSnapshot). It shows the state at this call: make it where writes are
     *  serialised, then use it anywhere. */
    Result<std::unique_ptr<ReplicaSnapshot>> snapshot();
    /** Canonical text of all materialised rows (sorted); equal on replicas with equal state. */
    Result<std::string> materialisedDump();
    std::uint64_t changeCount();
    /** The entities this replica knows (ReplicaOptions::schema). */
    const std::vector<EntityDef>& schema() const { return *m_schema; }

    // ---- sync bookkeeping -------------------------------------------------------
    /** This replica's own changes the server has not acknowledged, in seq order. */
    Result<std::vector<Change>> unsent(std::size_t limit);
    std::uint64_t unsentCount();
    /** Records that the server holds this site's changes up to `seq`. */
    Status markAcked(std::uint64_t seq);
    std::uint64_t ackedSeq();
    /** Changes stored after `cursor` (this replica's arrival order), for records in the
     *  subtree of `scopeRoot` plus reference data (units, agencies); empty root = all. */
    Result<ChangePage> changesAfter(std::uint64_t cursor, const std::string& scopeRoot,
                                    std::size_t limit);
    /** changesAfter as stored text, limited in bytes too; `held` changes are left out. */
    Result<ChangeTextPage> changeTextsAfter(std::uint64_t cursor, const std::string& scopeRoot,
                                            PageSize size, const HeldChanges& held = {});
    /** For a first sync: whole records of the scope in record order after `afterRid` (the
     *  cursor of the page before, 0 to start), each with all its changes in arrival order.
     *  A record's changes arrive together, so a new replica materialises it once per page. */
    Result<ChangeTextPage> recordTextsAfter(std::uint64_t afterRid, const std::string& scopeRoot,
                                            PageSize size);
    /** The arrival position of the newest stored change (0 when empty). */
    std::uint64_t lastCursor();
    /** Changes of `site` with seq > after, in seq order (to re-push what a server lacks). */
    Result<std::vector<Change>> changesOfSite(const std::string& site, std::uint64_t after,
                                              std::size_t limit);
    /** Highest seq processed contiguously per site ("site" -> seq). */
    Result<std::map<std::string, std::uint64_t>> siteVector();
    /** Takes an unsent own change out of the state and keeps it in the refused list. */
    Status markRefused(const Dot& dot, const Error& reason);
    Result<std::vector<RefusedChange>> refusedChanges();
    /** The person dealt with a refused change (resent it corrected, or discarded it): it
     *  leaves the refused list. Its dot stays used; nothing else changes. */
    Status forgetRefused(const Dot& dot);
    /** Gives every unsent own change a new timestamp from the (corrected) clock, in seq order. */
    Status restampUnsent();

    /** Gives this replica a new site id. For a file restored from a backup: its old site's
     *  later changes may exist elsewhere, so it must never write those dots again; they can
     *  now come back from other replicas like anyone else's. */
    Status renewSite();

    // ---- site keys ----------------------------------------------------------------
    Result<std::optional<SiteKey>> siteKey(const std::string& site);
    /** Every site key this replica holds, by site. */
    Result<std::map<std::string, SiteKey>> siteKeys();
    /** Takes what is known of a site's key: a key differing from the one known is refused
     *  ("key_mismatch"); the pre-key mark is taken only with the first key (or while none is
     *  known); a revocation only ever moves earlier. */
    Status learnSiteKey(const SiteKey& key);
    /** The site's changes after `validThrough` prove nothing any more ("not_found" when no
     *  key of the site is known). */
    Status revokeSiteKey(const std::string& site, std::uint64_t validThrough);

    std::optional<std::string> meta(const std::string& key);
    Status setMeta(const std::string& key, const std::string& value);

    /** Rebuilds the materialised tables and the search index from the changes. */
    Status rebuildMaterialised();
    /** While on, redactions leave the search index's merge (which rewrites the whole index,
     *  ~2 s at 100,000 petitions) for later; turning it off does it once if one is owed. For a
     *  batch of redactions (retention, a person's request over many records). */
    Status deferSearchCompaction(bool on);

private:
    Replica() = default;
    /** Reads this site's signing key from meta (making one when missing) and records its
     *  public key among the site keys. */
    Status loadOrMakeKey();
    struct Impl;
    friend struct Impl;
    Database m_db;
    const std::vector<EntityDef>* m_schema = nullptr;
    std::string m_site;
    std::string m_secretKey;
    std::string m_publicKey;
    Hlc m_clock;
    std::unique_ptr<Impl> m_impl;
};

/** The rows of a list query read from a snapshot a page at a time (ReplicaSnapshot::rows).
 *  Must not outlive its snapshot. */
class RowCursor {
public:
    ~RowCursor();
    RowCursor(const RowCursor&) = delete;
    RowCursor& operator=(const RowCursor&) = delete;
    /** Up to `max` further rows in the query's order, as Replica::list gives them (with
     *  "overdue"); none at the end. */
    Result<std::vector<Json>> next(std::size_t max);

private:
    friend class ReplicaSnapshot;
    struct Impl;
    explicit RowCursor(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/** A replica file as it was at one moment (Replica::snapshot): a second, read-only SQLite
 *  connection holding one read transaction. In WAL mode the replica goes on writing meanwhile,
 *  neither waiting for the snapshot nor seen by it. Not thread-safe: one owner at a time, on
 *  any thread; independent of the Replica object once made. While it lives, checkpoints cannot
 *  pass its moment, so the WAL file grows by what is written meanwhile: keep it for one long
 *  read (an export), then drop it. */
class ReplicaSnapshot {
public:
    ~ReplicaSnapshot();
    ReplicaSnapshot(const ReplicaSnapshot&) = delete;
    ReplicaSnapshot& operator=(const ReplicaSnapshot&) = delete;

    /** One page of a list query and its total, as Replica::list gives it. */
    Result<Page> list(const ListQuery& query);
    /** How many rows of a list query hold each value of `field` ("unit", "id" or a field of
     *  the entity; "" counts those without one), offset and limit ignored. */
    Result<std::map<std::string, std::int64_t>> countBy(const ListQuery& query,
                                                        const std::string& field);
    /** Every row of a list query, in its order (offset and limit ignored), read as the cursor
     *  is asked for them: memory is bounded by the page asked for, not by the list. */
    Result<std::unique_ptr<RowCursor>> rows(const ListQuery& query);
    /** The materialised row of a record, deleted or not (RecordView::values, no conflicts);
     *  nullopt when there is none. */
    Result<std::optional<Json>> record(const std::string& entity, const std::string& id);

private:
    friend class Replica;
    ReplicaSnapshot() = default;
    Database m_db;
    const std::vector<EntityDef>* m_schema = nullptr;  ///< the replica's
    std::string m_today;  ///< the replica's Vietnam date when made: ListQuery::today's default
};

/** Name of the materialised table of an entity: "m_petition". Columns: id, unit, every schema
 *  field (TEXT/INTEGER; lists as JSON text), conflicts, created_hlc, updated_hlc, created_by,
 *  updated_by. Read-only for everyone but the replica. */
std::string materialisedTable(const std::string& entity);

}  // namespace nghedan
