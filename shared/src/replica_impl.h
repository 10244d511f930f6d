#pragma once
// Inside the Replica, private to shared/src: the merge state, the helpers its files share and
// Replica::Impl. Each rule has its file:
//   replica.cpp              opening and migrating a file, site and field ids, keys, meta
//   replica_origin.cpp       proof of origin: signatures, dots, forgeries
//   replica_merge.cpp        writing and applying changes: the per-field merge
//   replica_materialise.cpp  the materialised tables and the search index, derived from changes
//   replica_query.cpp        reading: records, history, lists, search, snapshots
//   replica_sync.cpp         sync paging and bookkeeping: unsent, acked, pages by scope, refusals

#include <algorithm>
#include <cctype>
#include <deque>
#include <charconv>
#include <ctime>
#include <limits>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "nghedan/calendar.h"
#include "nghedan/personal.h"
#include "nghedan/proof.h"
#include "nghedan/replica.h"
#include "nghedan/text_fold.h"

// Storage layout (one SQLite file):
//   meta(key, value)                 schema_version, site, acked_seq, clock_offset, sync state
//   sites(idx, site, max_seq)        every replica seen; max_seq = highest seq processed
//                                    contiguously (applied or refused)
//   fields(idx, entity, name)        stable small ids for field names
//   records(rid, entity, id, unit, state)   every record seen; its unit never changes; state
//                                    = its merge state (RecordState below)
//   changes(lseq, site_idx, seq, hlc, rid, author, body)   every change; lseq = arrival order;
//                                    the body is the only copy of the values a change wrote
//   refused(site, seq, code, message, body)    own changes the server refused (on the server:
//                                    pushed changes it refused, personal values withheld)
//   redacted(entity, id, field)      personal fields erased for good by a redaction change:
//                                    every stored copy of their values is withheld, and so is
//                                    every change that arrives later (the union of redactions)
//   site_keys(site, public_key, unsigned_through, valid_through)   what proves each site's
//                                    changes: its device's public key; changes up to
//                                    unsigned_through were stored before keys existed and are
//                                    valid unsigned; a revoked key (valid_through not null)
//                                    proves nothing after that seq
// Derived, rebuildable from `changes`: records.state, m_<entity>, search. meta schema_fields
// names the entities and fields they were built with (schemaFingerprint): opened with others,
// they are rebuilt. records and changes hold every entity and field a change named, known to
// this replica's schema or not (a newer version's: kept, merged and re-pushed, shown later).

namespace nghedan {

inline bool isIntegerColumn(FieldType t) {
    return t == FieldType::Integer || t == FieldType::Time || t == FieldType::Boolean;
}
inline bool isJsonColumn(FieldType t) { return t == FieldType::RefList || t == FieldType::People; }

/** The current row of a statement over a materialised table as JSON: typed values, lists
 *  parsed, "overdue" as a boolean. */
Json rowJson(Stmt& st, const EntityDef& e);

/** One value a change wrote: the field, the change's dot (site index, seq) and its time. */
struct Version {
    std::int64_t field = 0;
    std::int64_t site = 0;
    std::uint64_t seq = 0;
    HlcTime hlc = 0;

    bool sameAs(const Version& o) const {
        return field == o.field && site == o.site && seq == o.seq;
    }
};

/** The merge state of one record (DESIGN.md, "Replication model"): the versions no known
 *  change has superseded, and the versions named as bases before their change arrived (out of
 *  causal order), which are superseded the moment they come. Stored as text in records.state:
 *  "field,site,seq,hlc;..." then "|" and "field,site,seq;..." for the pending ones. */
struct RecordState {
    std::vector<Version> current;
    std::vector<Version> pending;

    bool isCurrent(std::int64_t site, std::uint64_t seq) const {
        return std::any_of(current.begin(), current.end(),
                           [&](const Version& v) { return v.site == site && v.seq == seq; });
    }
};

/** records.state text of a merge state, and back. */
std::string encodeState(const RecordState& state);
Result<RecordState> decodeState(std::string_view text);

/** What a batch did to one record, so materialisation does only the work needed. */
struct Touch {
    const Change* sole = nullptr;  ///< the record was created by this change, nothing else
    std::vector<const Change*> changes;  ///< the batch's changes of the record, in order
    RecordState state;             ///< valid when `loaded`
    bool loaded = false;
    bool dirty = false;            ///< state differs from records.state
    bool search = false;           ///< a searchable field (or deleted) changed: re-index
    bool all = false;              ///< rewrite every column (rebuild, migration, refusal)
    std::set<std::string> fields;  ///< fields written in this batch
};
using Touched = std::map<std::int64_t, Touch>;

/** True when writing these fields can change what search finds. */
bool touchesSearch(const EntityDef& e, const Change& c);

/** The SQL of a list query (see ListQuery): what Replica::list and a snapshot's rows read. */
struct ListSql {
    std::string table;    ///< the materialised table
    std::string columns;  ///< its columns, plus "overdue" for petitions and directives
    std::string from;     ///< the table, joined to the search hits when searching
    std::string where;    ///< " WHERE ..." with named parameters
    std::string order;    ///< " ORDER BY sort, id"
    std::vector<std::pair<std::string, std::string>> params;  ///< (":name", value)
    bool matchesNothing = false;  ///< a search without a word to look for

    void bind(Stmt& st) const {
        for (const auto& [name, value] : params)
            if (st.paramIndex(name.c_str())) st.bind(name.c_str(), value);
    }
};

/** The SQL of a list query over `schema`, with "today" for the overdue column. */
Result<ListSql> listSql(const std::vector<EntityDef>& schema, const ListQuery& q,
                        const std::string& today);

/** One page of a list query and its total, read from `db` (Replica::list, ReplicaSnapshot::list).
 */
Result<Page> listPage(Database& db, const std::vector<EntityDef>& schema, const ListQuery& q,
                      const std::string& today);

struct Replica::Impl {
    Replica& r;
    Database& db;
    const std::vector<EntityDef>& schema;                      ///< the entities this replica knows
    std::unordered_map<std::string, std::int64_t> siteIdx;     // site -> idx
    std::unordered_map<std::int64_t, std::string> siteById;    // idx -> site
    std::map<std::pair<std::string, std::string>, int> fieldIdx;  // (entity, name) -> idx
    std::unordered_map<int, std::pair<std::string, std::string>> fieldById;
    std::int64_t ownIdx = 0;

    explicit Impl(Replica& replica) : r(replica), db(replica.m_db), schema(*replica.m_schema) {}

    Result<std::int64_t> siteIndex(const std::string& site);

    const std::string& siteName(std::int64_t idx);

    Result<int> fieldIndex(const std::string& entity, const std::string& name);

    const std::pair<std::string, std::string>& fieldName(int idx);

    struct RecordRef {
        std::int64_t rid = 0;
        std::string unit;
    };
    std::optional<RecordRef> findRecord(const std::string& entity, const std::string& id);

    std::int64_t maxSeq(std::int64_t site);
    Status setMaxSeq(std::int64_t site, std::int64_t seq);
    /** Advances a site's max_seq over changes stored contiguously after it. */
    Status advanceMaxSeq(std::int64_t site);

    // ---- proof of origin -------------------------------------------------------------

    std::unordered_map<std::string, std::optional<SiteKey>> keyCache;  // site -> row

    const std::optional<SiteKey>& keyOf(const std::string& site);

    /** Checks the signatures of the batch's new changes against their sites' keys, spread over
     *  the machine's cores: verifying is pure CPU and the largest part of a big apply.
     *  valid[i] is changes[i]'s result (0 when it has no signature or its site no key). */
    std::vector<char> verifySignatures(const std::vector<Change>& changes,
                                       const std::vector<std::string>& checkedWith);

    /** Why a change does not prove it comes from its site's device, or nothing.
     *  `signatureChecked`: verifySignatures' result for it. */
    std::optional<Error> originRefusal(const Change& c, bool signatureChecked);

    /** Whether the stored change with this dot says the same as `c` (signatures and withheld
     *  personal values aside); nullopt when none is stored. */
    std::optional<bool> sameAsStored(std::int64_t site, const Change& c);

    /** Signs every own change stored (and every own refused one) with this replica's key:
     *  the migration to signed changes, on the device that wrote them. */
    Status signOwnChanges();

    /** The refusal of a change whose dot is stored with other content: a dot conflict when
     *  it proves its site (the device's key is in two places), else why it does not (a
     *  forgery, which says nothing about the device and raises no alarm there). */
    Error conflictOrForgery(const Change& c);

    bool changeKnown(std::int64_t site, std::uint64_t seq);

    /** Whether the change with this dot arrived before the one that arrived as `lseq`. */
    bool arrivedBefore(std::int64_t site, std::uint64_t seq, std::int64_t lseq);

    /** The merge rule for one checked change that arrived as `lseq` (kLatest: after every
     *  stored change): each value it writes is current unless a change that came earlier named
     *  it as a base; each base it names stops being current, or waits in `pending` while its
     *  change has not arrived. */
    static constexpr std::int64_t kLatest = std::numeric_limits<std::int64_t>::max();
    Status merge(RecordState& state, const Change& c, std::int64_t site, std::int64_t lseq);

    Result<RecordState> loadState(std::int64_t rid);

    /** The batch's entry for an existing record, with its state. */
    Result<Touch*> touchRecord(Touched& touched, std::int64_t rid);

    /** Stores one checked change: its record when new, the change row, the record's state. */
    Status storeChange(const Change& c, std::int64_t site, std::optional<RecordRef> record,
                       Touched& touched);

    // ---- redaction (personal.h) -----------------------------------------------------

    /** Copies of changes with redacted fields erased, alive for one write or apply (the batch's
     *  Touch entries point into it). */
    std::deque<Change> erasedCopies;
    /** Records whose stored copies a redaction of this batch erased: re-derived at its end. */
    std::set<std::int64_t> redactedRids;
    /** A redaction of this batch erased text the search index held (a searchable field). */
    bool compactSearch = false;
    bool deferCompaction = false;  ///< Replica::deferSearchCompaction
    bool compactionOwed = false;   ///< a deferred merge of the search index is due
    /** Whether any redaction is stored (most replicas: none, and nothing to look up). */
    std::optional<bool> anyRedaction;

    /** `c`, or a copy (in erasedCopies) with the fields redacted for its record erased. */
    Result<const Change*> erasedView(const Change& c);

    /** Stores what a redaction change erases and erases every stored copy of it (change
     *  bodies, refused bodies); the record is re-derived by finishRedactions. */
    Status registerRedaction(const Change& c);

    /** Re-derives the records redactions of this batch touched (materialised row, search) and
     *  compacts the search index so no erased word stays in it; call after materialiseAll. */
    Status finishRedactions();

    // ---- materialisation ------------------------------------------------------------

    Status createDerivedTables();

    Status dropDerivedTables();

    /** The earliest and latest change of a record by (hlc, site): (hlc, site, author). */
    void span(std::int64_t rid, std::tuple<HlcTime, std::string, std::string>& first,
              std::tuple<HlcTime, std::string, std::string>& last);

    using ParsedChanges = std::map<std::pair<std::int64_t, std::uint64_t>, Change>;

    /** The value a version holds: from a change of this batch, else from its stored change. */
    Result<const Json*> valueOf(const Version& v, const std::string& field, const Touch& touch,
                                ParsedChanges& parsed);

    /** Recomputes the materialised row (and, when `touch.search`, the search entry) of one
     *  record from its state; a record created by one change is taken from that change. */
    Status materialise(std::int64_t rid, const Touch& touch);

    /** Writes the batch's record states, then each record's materialised row. */
    Status materialiseAll(const Touched& touched);

    /** Re-derives one record's state from its stored changes in arrival order (after a change
     *  was taken out, or to rebuild), then its materialised row and search entry. */
    Status rederive(std::int64_t rid);

    /** Every record re-derived from the changes: after a migration or a rebuild. */
    Status rederiveAll();

    Result<std::vector<Change>> parseBodies(Stmt& st, int col);

    Status fillScope(const std::string& root);

    /** "SELECT `columns` FROM changes c JOIN records r ... WHERE `position` > ?", kept to the
     *  changes a scope sees: its unit subtree plus reference data (empty root: all). */
    Result<std::string> scopedChanges(const std::string& columns, const std::string& position,
                                      const std::string& root);

    Result<ChangeTextPage> pageOfTexts(std::uint64_t cursor, const std::string& root,
                                       PageSize size, const HeldChanges& held = {});

    /** Whole records of the scope in record order (rid after `afterRid`), each with all its
     *  changes in arrival order, until the page is full (it always holds at least one record,
     *  however large). The cursor is the last record's rid. */
    Result<ChangeTextPage> pageOfRecords(std::uint64_t afterRid, const std::string& root,
                                         PageSize size);

    Result<ChangePage> pageOfChanges(std::uint64_t cursor, const std::string& root,
                                     std::size_t limit);
};

}  // namespace nghedan
