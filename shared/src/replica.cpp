#include "nghedan/replica.h"

#include "nghedan/calendar.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <ctime>
#include <limits>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "nghedan/proof.h"
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
//   refused(site, seq, code, message, body)    own changes the server refused
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
namespace {

constexpr int kStorageVersion = kSchemaVersion;

const char* kCoreSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sites(idx INTEGER PRIMARY KEY, site TEXT NOT NULL UNIQUE,
                                 max_seq INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS fields(idx INTEGER PRIMARY KEY, entity TEXT NOT NULL,
                                  name TEXT NOT NULL, UNIQUE(entity, name));
CREATE TABLE IF NOT EXISTS records(rid INTEGER PRIMARY KEY, entity TEXT NOT NULL,
                                   id TEXT NOT NULL, unit TEXT NOT NULL,
                                   state TEXT NOT NULL DEFAULT '', UNIQUE(entity, id));
CREATE TABLE IF NOT EXISTS changes(lseq INTEGER PRIMARY KEY, site_idx INTEGER NOT NULL,
                                   seq INTEGER NOT NULL, hlc INTEGER NOT NULL,
                                   rid INTEGER NOT NULL, author TEXT NOT NULL,
                                   body TEXT NOT NULL, UNIQUE(site_idx, seq));
CREATE INDEX IF NOT EXISTS changes_rid ON changes(rid);
CREATE TABLE IF NOT EXISTS refused(site TEXT NOT NULL, seq INTEGER NOT NULL, code TEXT NOT NULL,
                                   message TEXT NOT NULL, body TEXT NOT NULL,
                                   PRIMARY KEY(site, seq));
CREATE TABLE IF NOT EXISTS site_keys(site TEXT PRIMARY KEY, public_key TEXT NOT NULL DEFAULT '',
                                     unsigned_through INTEGER NOT NULL DEFAULT 0,
                                     valid_through INTEGER);
)SQL";

/** The storage version that introduced signed changes and site keys. */
constexpr int kSignedChangesVersion = 5;

const std::string kMetaSchemaFields = "schema_fields";

/** What the materialised tables and the search index are made of: every entity, its title
 *  field, and each field's name, type and whether it is searched. */
std::string schemaFingerprint(const std::vector<EntityDef>& schema) {
    std::string out;
    for (const EntityDef& e : schema) {
        out += e.name + "(" + e.titleField + "):";
        for (const FieldDef& f : e.fields)
            out += f.name + "/" + std::to_string(static_cast<int>(f.type)) +
                   (f.searchable ? "s" : "") + ",";
        out += ";";
    }
    return out;
}

// Secondary indexes of the materialised tables, for the lists people filter.
const std::map<std::string, std::vector<std::string>> kIndexes = {
    {"unit", {"parent"}},
    {"agency", {"level"}},
    {"meeting", {"unit, held_at", "held_at"}},
    {"petition",
     {"unit", "status", "category", "due_date", "lead_agency", "received_at", "meeting",
      "updated_hlc"}},
    {"directive", {"unit", "agency", "status", "due_date", "meeting", "petition"}},
    {"update", {"parent"}},
};

bool isIntegerColumn(FieldType t) {
    return t == FieldType::Integer || t == FieldType::Time || t == FieldType::Boolean;
}
bool isJsonColumn(FieldType t) { return t == FieldType::RefList || t == FieldType::People; }

/** The current row of a statement over a materialised table as JSON: typed values, lists
 *  parsed, "overdue" as a boolean. */
Json rowJson(Stmt& st, const EntityDef& e) {
    Json row = Json::object();
    for (int c = 0; c < st.columnCount(); ++c) {
        const std::string name = st.columnName(c);
        if (st.isNull(c)) {
            row[name] = nullptr;
            continue;
        }
        const FieldDef* f = e.field(name);
        if (f && f->type == FieldType::Boolean) {
            row[name] = st.int64(c) != 0;
        } else if (f && isJsonColumn(f->type)) {
            row[name] = Json::parse(st.textView(c), nullptr, false);
        } else if (name == "overdue") {
            row[name] = st.int64(c) != 0;
        } else if ((f && isIntegerColumn(f->type)) || name == "conflicts" ||
                   name == "created_hlc" || name == "updated_hlc") {
            row[name] = st.int64(c);
        } else {
            row[name] = st.text(c);
        }
    }
    return row;
}



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

std::string encodeState(const RecordState& state) {
    std::string out;
    auto number = [&out](std::uint64_t n, char after) {
        char buf[24];
        out.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
        out += after;
    };
    for (const Version& v : state.current) {
        number(static_cast<std::uint64_t>(v.field), ',');
        number(static_cast<std::uint64_t>(v.site), ',');
        number(v.seq, ',');
        number(v.hlc, ';');
    }
    out += '|';
    for (const Version& v : state.pending) {
        number(static_cast<std::uint64_t>(v.field), ',');
        number(static_cast<std::uint64_t>(v.site), ',');
        number(v.seq, ';');
    }
    return out;
}

Result<RecordState> decodeState(std::string_view text) {
    RecordState state;
    const char* p = text.data();
    const char* const end = p + text.size();
    auto number = [&](std::uint64_t& n) {
        const auto [next, ec] = std::from_chars(p, end, n);
        if (ec != std::errc() || next == end) return false;
        p = next + 1;  // the separator
        return true;
    };
    bool pending = false;
    while (p != end) {
        if (*p == '|') {
            pending = true;
            ++p;
            continue;
        }
        std::uint64_t field = 0, site = 0, seq = 0, hlc = 0;
        if (!number(field) || !number(site) || !number(seq) || (!pending && !number(hlc)))
            return Error{"storage", "damaged record state '" + std::string(text) + "'"};
        const Version v{static_cast<std::int64_t>(field), static_cast<std::int64_t>(site), seq,
                        hlc};
        (pending ? state.pending : state.current).push_back(v);
    }
    return state;
}

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
bool touchesSearch(const EntityDef& e, const Change& c) {
    for (const auto& [name, value] : c.set) {
        const FieldDef* f = e.field(name);
        if (name == "deleted" || name == e.titleField || (f && f->searchable)) return true;
    }
    return false;
}

}  // namespace

std::string materialisedTable(const std::string& entity) { return "m_" + entity; }

namespace {

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

Result<ListSql> listSql(const std::vector<EntityDef>& schema, const ListQuery& q,
                        const std::string& today) {
    const EntityDef* e = findEntity(schema, q.entity);
    if (!e) return Error{"unknown_entity", "unknown entity '" + q.entity + "'"};
    ListSql out;
    const bool hasOverdue = q.entity == "petition" || q.entity == "directive";
    const std::string overdue =
        overdueSql(q.entity, ":today");
    std::string& where = out.where;
    where = " WHERE 1";
    int n = 0;
    auto param = [&](const std::string& value) {
        const std::string name = ":p" + std::to_string(n++);
        out.params.emplace_back(name, value);
        return name;
    };
    if (!q.includeDeleted) where += " AND deleted IS NOT 1";
    for (const auto& [field, values] : q.equals) {
        const FieldDef* f = e->field(field);
        if (!f && field != "id" && field != "unit")
            return Error{"unknown_field", "cannot filter " + q.entity + " by '" + field + "'"};
        if (values.empty()) continue;
        where += " AND \"" + field + "\" IN (";
        for (std::size_t i = 0; i < values.size(); ++i) where += (i ? ", " : "") + param(values[i]);
        where += ")";
    }
    if (!q.unitRoot.empty()) {
        where +=
            " AND unit IN (WITH RECURSIVE sub(id) AS (SELECT " + param(q.unitRoot) +
            " UNION SELECT u.id FROM m_unit u JOIN sub ON u.parent=sub.id) SELECT id FROM sub)";
    }
    if (!q.agency.empty()) {
        if (q.entity == "petition") {
            const std::string p = param(q.agency);
            where += " AND (lead_agency=" + p +
                     " OR EXISTS (SELECT 1 FROM json_each(support_agencies) WHERE value=" + p +
                     "))";
        } else if (q.entity == "directive") {
            where += " AND agency=" + param(q.agency);
        } else {
            return Error{"invalid_query", "only petitions and directives filter by agency"};
        }
    }
    if (q.overdueOnly) {
        if (!hasOverdue)
            return Error{"invalid_query", "only petitions and directives can be overdue"};
        where += " AND " + overdue;
    }
    const std::string table = materialisedTable(q.entity);
    out.table = table;
    // With a search, rows are found from the full-text index first: both CROSS JOINs fix
    // the loop order, or SQLite may run the MATCH once per record (minutes at 100,000).
    out.from = table;
    if (!q.search.empty()) {
        const std::string match = ftsQuery(q.search);
        if (match.empty()) {
            out.matchesNothing = true;
            return out;
        }
        out.from =
            "(SELECT r.id AS hit FROM search CROSS JOIN records r ON r.rid=search.rowid "
            "WHERE search MATCH " +
            param(match) + " AND r.entity=" + param(q.entity) + ") AS hits CROSS JOIN " + table +
            " ON " + table + ".id=hits.hit";
    }
    if (q.from || q.to) {
        const FieldDef* f = e->field(q.timeField);
        if (!f || f->type != FieldType::Time)
            return Error{"invalid_query",
                         "'" + q.timeField + "' is not a time field of " + q.entity};
        if (q.from) where += " AND \"" + q.timeField + "\" >= " + std::to_string(*q.from);
        if (q.to) where += " AND \"" + q.timeField + "\" < " + std::to_string(*q.to);
    }
    const std::string sort = q.sort.empty() ? "updated_hlc" : q.sort;
    if (!e->field(sort) && sort != "updated_hlc" && sort != "created_hlc" && sort != "id" &&
        sort != "unit" && sort != "conflicts")
        return Error{"invalid_query", "cannot sort " + q.entity + " by '" + sort + "'"};
    out.order =
        " ORDER BY \"" + sort + "\"" + (q.descending ? " DESC" : " ASC") + ", " + table + ".id";
    out.columns = table + ".*" + (hasOverdue ? ", " + overdue + " AS overdue" : "");
    out.params.emplace_back(":today", today);
    return out;
}

/** One page of a list query and its total, read from `db` (Replica::list, ReplicaSnapshot::list).
 */
Result<Page> listPage(Database& db, const std::vector<EntityDef>& schema, const ListQuery& q,
                      const std::string& today) {
    auto sql = listSql(schema, q, today);
    if (!sql) return sql.error();
    Page page;
    if (sql->matchesNothing) return page;
    if (q.limit < 0 || q.limit > 1000 || q.offset < 0)
        return Error{"invalid_query", "limit must be 0..1000 and offset non-negative"};
    {
        Stmt count = db.prepare("SELECT count(*) FROM " + sql->from + sql->where);
        sql->bind(count);
        if (!count.step()) return count.error().value_or(Error{"storage", "count failed"});
        page.total = count.int64(0);
    }
    Stmt st =
        db.prepare("SELECT " + sql->columns + " FROM " + sql->from + sql->where + sql->order +
                   " LIMIT " + std::to_string(q.limit) + " OFFSET " + std::to_string(q.offset));
    sql->bind(st);
    const EntityDef& e = *findEntity(schema, q.entity);
    while (st.step()) page.rows.push_back(rowJson(st, e));
    if (st.error()) return *st.error();
    return page;
}

}  // namespace

// ---- Impl ---------------------------------------------------------------------------

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

    Result<std::int64_t> siteIndex(const std::string& site) {
        if (auto it = siteIdx.find(site); it != siteIdx.end()) return it->second;
        auto ins = db.cached("INSERT OR IGNORE INTO sites(site) VALUES(?)");
        if (Status s = ins->bind(1, site).run(); !s) return s.error();
        auto sel = db.cached("SELECT idx FROM sites WHERE site=?");
        sel->bind(1, site);
        if (!sel->step()) return Error{"storage", "site index lost"};
        const std::int64_t idx = sel->int64(0);
        siteIdx[site] = idx;
        siteById[idx] = site;
        return idx;
    }

    const std::string& siteName(std::int64_t idx) {
        if (auto it = siteById.find(idx); it != siteById.end()) return it->second;
        auto sel = db.cached("SELECT site FROM sites WHERE idx=?");
        sel->bind(1, idx);
        std::string site = sel->step() ? sel->text(0) : std::string();
        siteIdx[site] = idx;
        return siteById[idx] = site;
    }

    Result<int> fieldIndex(const std::string& entity, const std::string& name) {
        const auto key = std::make_pair(entity, name);
        if (auto it = fieldIdx.find(key); it != fieldIdx.end()) return it->second;
        auto ins = db.cached("INSERT OR IGNORE INTO fields(entity, name) VALUES(?, ?)");
        if (Status s = ins->bind(1, entity).bind(2, name).run(); !s) return s.error();
        auto sel = db.cached("SELECT idx FROM fields WHERE entity=? AND name=?");
        sel->bind(1, entity).bind(2, name);
        if (!sel->step()) return Error{"storage", "field index lost"};
        const int idx = static_cast<int>(sel->int64(0));
        fieldIdx[key] = idx;
        fieldById[idx] = key;
        return idx;
    }

    const std::pair<std::string, std::string>& fieldName(int idx) {
        if (auto it = fieldById.find(idx); it != fieldById.end()) return it->second;
        auto sel = db.cached("SELECT entity, name FROM fields WHERE idx=?");
        sel->bind(1, static_cast<std::int64_t>(idx));
        std::pair<std::string, std::string> key;
        if (sel->step()) key = {sel->text(0), sel->text(1)};
        fieldIdx[key] = idx;
        return fieldById[idx] = key;
    }

    struct RecordRef {
        std::int64_t rid = 0;
        std::string unit;
    };
    std::optional<RecordRef> findRecord(const std::string& entity, const std::string& id) {
        auto sel = db.cached("SELECT rid, unit FROM records WHERE entity=? AND id=?");
        sel->bind(1, entity).bind(2, id);
        if (!sel->step()) return std::nullopt;
        return RecordRef{sel->int64(0), sel->text(1)};
    }

    std::int64_t maxSeq(std::int64_t site) {
        auto sel = db.cached("SELECT max_seq FROM sites WHERE idx=?");
        sel->bind(1, site);
        return sel->step() ? sel->int64(0) : 0;
    }
    Status setMaxSeq(std::int64_t site, std::int64_t seq) {
        return db.cached("UPDATE sites SET max_seq=? WHERE idx=?")->bind(1, seq).bind(2, site).run();
    }
    /** Advances a site's max_seq over changes stored contiguously after it. */
    Status advanceMaxSeq(std::int64_t site) {
        std::int64_t seq = maxSeq(site);
        for (;;) {
            auto sel = db.cached("SELECT 1 FROM changes WHERE site_idx=? AND seq=?");
            sel->bind(1, site).bind(2, seq + 1);
            if (!sel->step()) break;
            ++seq;
        }
        return setMaxSeq(site, seq);
    }

    // ---- proof of origin -------------------------------------------------------------

    std::unordered_map<std::string, std::optional<SiteKey>> keyCache;  // site -> row

    const std::optional<SiteKey>& keyOf(const std::string& site) {
        auto it = keyCache.find(site);
        if (it != keyCache.end()) return it->second;
        auto sel = db.cached(
            "SELECT public_key, unsigned_through, valid_through FROM site_keys WHERE site=?");
        sel->bind(1, site);
        std::optional<SiteKey> key;
        if (sel->step()) {
            key = SiteKey{site, sel->text(0), static_cast<std::uint64_t>(sel->int64(1)),
                          std::nullopt};
            if (!sel->isNull(2)) key->validThrough = static_cast<std::uint64_t>(sel->int64(2));
        }
        return keyCache.emplace(site, std::move(key)).first->second;
    }

    /** Checks the signatures of the batch's new changes against their sites' keys, spread over
     *  the machine's cores: verifying is pure CPU and the largest part of a big apply.
     *  valid[i] is changes[i]'s result (0 when it has no signature or its site no key). */
    std::vector<char> verifySignatures(const std::vector<Change>& changes,
                                       const std::vector<std::string>& checkedWith) {
        std::vector<const std::string*> keys(changes.size(), nullptr);
        for (std::size_t i = 0; i < changes.size(); ++i) {
            const Change& c = changes[i];
            if (c.sig.empty()) continue;
            if (auto idx = siteIdx.find(c.site); idx != siteIdx.end() && changeKnown(idx->second, c.seq))
                continue;  // a duplicate (or a dot conflict): never applied
            const std::optional<SiteKey>& key = keyOf(c.site);
            if (key && !key->publicKey.empty()) keys[i] = &key->publicKey;
        }
        std::vector<char> valid(changes.size(), 0);
        if (checkedWith.size() == changes.size()) {
            for (std::size_t i = 0; i < changes.size(); ++i) {
                if (keys[i] && !checkedWith[i].empty() && checkedWith[i] == *keys[i]) {
                    valid[i] = 1;
                    keys[i] = nullptr;  // done
                }
            }
        }
        auto work = [&](std::size_t first, std::size_t step) {
            for (std::size_t i = first; i < changes.size(); i += step)
                if (keys[i]) valid[i] = signatureValid(changes[i], *keys[i]) ? 1 : 0;
        };
        const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
        const std::size_t threads = changes.size() < 64 ? 1 : std::min<std::size_t>(cores, 8);
        std::vector<std::thread> helpers;
        try {
            for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work, t, threads);
        } catch (const std::system_error&) {
            // No thread to be had: the changes the helpers would have checked are checked here.
            for (std::size_t t = helpers.size() + 1; t < threads; ++t) work(t, threads);
        }
        work(0, threads);
        for (std::thread& h : helpers) h.join();
        return valid;
    }

    /** Why a change does not prove it comes from its site's device, or nothing.
     *  `signatureChecked`: verifySignatures' result for it. */
    std::optional<Error> originRefusal(const Change& c, bool signatureChecked) {
        const std::string dot = c.site + ":" + std::to_string(c.seq);
        const std::optional<SiteKey>& key = keyOf(c.site);
        if (key && c.sig.empty()) {
            if (c.seq <= key->unsignedThrough) return std::nullopt;  // stored before keys
            return Error{"unsigned_change", "change " + dot +
                                                " carries no signature of its device; please "
                                                "update the app"};
        }
        if (!key || key->publicKey.empty())
            return Error{"unknown_site_key", "no key is known for site " + c.site +
                                                 ": its device has never signed in here"};
        if (key->validThrough && c.seq > *key->validThrough)
            return Error{"key_revoked", "the key of site " + c.site + " was revoked after seq " +
                                            std::to_string(*key->validThrough)};
        if (!signatureChecked)
            return Error{"bad_signature", "change " + dot +
                                              " does not match its device's signature: it was "
                                              "altered or made elsewhere"};
        return std::nullopt;
    }

    /** Whether the stored change with this dot says the same as `c` (signatures aside);
     *  nullopt when none is stored. */
    std::optional<bool> sameAsStored(std::int64_t site, const Change& c) {
        auto sel = db.cached("SELECT body FROM changes WHERE site_idx=? AND seq=?");
        sel->bind(1, site).bind(2, c.seq);
        if (!sel->step()) return std::nullopt;
        auto stored = changeFromJson(Json::parse(sel->textView(0), nullptr, false));
        sel->reset();
        return stored && toJsonText(*stored, false) == toJsonText(c, false);
    }

    /** Signs every own change stored (and every own refused one) with this replica's key:
     *  the migration to signed changes, on the device that wrote them. */
    Status signOwnChanges() {
        for (const char* table : {"changes", "refused"}) {
            const bool log = std::string_view(table) == "changes";
            Stmt sel = db.prepare(log ? "SELECT rowid, body FROM changes WHERE site_idx=?"
                                      : "SELECT rowid, body FROM refused WHERE site=?");
            if (log)
                sel.bind(1, ownIdx);
            else
                sel.bind(1, r.m_site);
            std::vector<std::pair<std::int64_t, std::string>> signedBodies;
            while (sel.step()) {
                auto c = changeFromJson(Json::parse(sel.textView(1), nullptr, false));
                if (!c) return c.error();
                c->sig = signatureOf(*c, r.m_secretKey);
                signedBodies.emplace_back(sel.int64(0), toJsonText(*c));
            }
            if (sel.error()) return *sel.error();
            Stmt up = db.prepare(std::string("UPDATE ") + table + " SET body=? WHERE rowid=?");
            for (const auto& [rowid, body] : signedBodies) {
                if (Status s = up.bind(1, body).bind(2, rowid).run(); !s) return s;
                up.reset();
            }
        }
        return {};
    }

    /** The refusal of a change whose dot is stored with other content: a dot conflict when
     *  it proves its site (the device's key is in two places), else why it does not (a
     *  forgery, which says nothing about the device and raises no alarm there). */
    Error conflictOrForgery(const Change& c) {
        const std::optional<SiteKey>& key = keyOf(c.site);
        const bool signedBySite = key && !key->publicKey.empty() && !c.sig.empty() &&
                                  signatureValid(c, key->publicKey);
        if (auto err = originRefusal(c, signedBySite)) return *err;
        return {"dot_conflict", "a different change " + c.site + ":" + std::to_string(c.seq) +
                                    " is already stored: one dot never names two changes"};
    }

    bool changeKnown(std::int64_t site, std::uint64_t seq) {
        auto sel = db.cached("SELECT 1 FROM changes WHERE site_idx=? AND seq=?");
        sel->bind(1, site).bind(2, seq);
        return sel->step();
    }

    /** Whether the change with this dot arrived before the one that arrived as `lseq`. */
    bool arrivedBefore(std::int64_t site, std::uint64_t seq, std::int64_t lseq) {
        auto sel = db.cached("SELECT 1 FROM changes WHERE site_idx=? AND seq=? AND lseq<?");
        sel->bind(1, site).bind(2, seq).bind(3, lseq);
        return sel->step();
    }

    /** The merge rule for one checked change that arrived as `lseq` (kLatest: after every
     *  stored change): each value it writes is current unless a change that came earlier named
     *  it as a base; each base it names stops being current, or waits in `pending` while its
     *  change has not arrived. */
    static constexpr std::int64_t kLatest = std::numeric_limits<std::int64_t>::max();
    Status merge(RecordState& state, const Change& c, std::int64_t site, std::int64_t lseq) {
        for (const auto& [name, value] : c.set) {
            auto f = fieldIndex(c.entity, name);
            if (!f) return f.error();
            const Version v{*f, site, c.seq, c.hlc};
            const auto named = std::find_if(state.pending.begin(), state.pending.end(),
                                            [&](const Version& p) { return p.sameAs(v); });
            if (named != state.pending.end())
                state.pending.erase(named);
            else
                state.current.push_back(v);
        }
        for (const auto& [name, dots] : c.bases) {
            auto f = fieldIndex(c.entity, name);
            if (!f) return f.error();
            for (const Dot& d : dots) {
                auto bs = siteIndex(d.site);
                if (!bs) return bs.error();
                const Version base{*f, *bs, d.seq, 0};
                auto same = [&](const Version& v) { return v.sameAs(base); };
                const auto it = std::find_if(state.current.begin(), state.current.end(), same);
                if (it != state.current.end()) {
                    state.current.erase(it);
                } else if (std::none_of(state.pending.begin(), state.pending.end(), same) &&
                           !arrivedBefore(*bs, d.seq, lseq)) {
                    state.pending.push_back(base);
                }
            }
        }
        return {};
    }

    Result<RecordState> loadState(std::int64_t rid) {
        auto sel = db.cached("SELECT state FROM records WHERE rid=?");
        sel->bind(1, rid);
        if (!sel->step()) return Error{"storage", "record lost"};
        return decodeState(sel->textView(0));
    }

    /** The batch's entry for an existing record, with its state. */
    Result<Touch*> touchRecord(Touched& touched, std::int64_t rid) {
        Touch& t = touched[rid];
        if (!t.loaded) {
            auto state = loadState(rid);
            if (!state) return state.error();
            t.state = std::move(*state);
            t.loaded = true;
        }
        return &t;
    }

    /** Stores one checked change: its record when new, the change row, the record's state. */
    Status storeChange(const Change& c, std::int64_t site, std::optional<RecordRef> record,
                       Touched& touched) {
        Touch* t = nullptr;
        std::int64_t rid;
        if (record) {
            rid = record->rid;
            auto got = touchRecord(touched, rid);
            if (!got) return got.error();
            t = *got;
            if (Status s = merge(t->state, c, site, kLatest); !s) return s;
            t->dirty = true;
            t->sole = nullptr;
        } else {
            RecordState state;
            if (Status s = merge(state, c, site, kLatest); !s) return s;
            auto ins = db.cached("INSERT INTO records(entity, id, unit, state) VALUES(?, ?, ?, ?)");
            ins->bind(1, c.entity).bind(2, c.id).bind(3, c.unit).bind(4, encodeState(state));
            if (Status s = ins->run(); !s) return s;
            rid = db.lastInsertRowid();
            t = &touched[rid];
            t->state = std::move(state);
            t->loaded = true;
            t->sole = &c;
        }
        auto ins = db.cached(
            "INSERT INTO changes(site_idx, seq, hlc, rid, author, body) VALUES(?, ?, ?, ?, ?, ?)");
        ins->bind(1, site).bind(2, c.seq).bind(3, c.hlc).bind(4, rid).bind(5, c.author);
        ins->bind(6, toJsonText(c));
        if (Status s = ins->run(); !s) return s;
        t->changes.push_back(&c);
        const EntityDef* e = findEntity(schema, c.entity);
        t->search = t->search || !record || (e && touchesSearch(*e, c));
        // A record new in this batch gets its whole row written: no need for its fields.
        if (record) {
            for (const auto& [name, value] : c.set) t->fields.insert(name);
            for (const auto& [name, dots] : c.bases) t->fields.insert(name);
        }
        return {};
    }

    // ---- materialisation ------------------------------------------------------------

    Status createDerivedTables() {
        for (const EntityDef& e : schema) {
            const std::string table = materialisedTable(e.name);
            std::string sql = "CREATE TABLE IF NOT EXISTS " + table +
                              "(id TEXT PRIMARY KEY, unit TEXT NOT NULL";
            for (const FieldDef& f : e.fields)
                sql += ", \"" + f.name + "\" " + (isIntegerColumn(f.type) ? "INTEGER" : "TEXT");
            sql += ", conflicts INTEGER NOT NULL DEFAULT 0, created_hlc INTEGER, updated_hlc "
                   "INTEGER, created_by TEXT, updated_by TEXT)";
            if (Status s = db.exec(sql); !s) return s;
            int n = 0;
            const auto indexes = kIndexes.find(e.name);
            if (indexes == kIndexes.end()) continue;  // an entity of another version (tests)
            for (const std::string& cols : indexes->second) {
                const std::string name = table + "_i" + std::to_string(n++);
                if (Status s = db.exec("CREATE INDEX IF NOT EXISTS " + name + " ON " + table + "(" +
                                       cols + ")");
                    !s)
                    return s;
            }
        }
        return db.exec(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(entity UNINDEXED, label "
            "UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')");
    }

    Status dropDerivedTables() {
        for (const EntityDef& e : schema)
            if (Status s = db.exec("DROP TABLE IF EXISTS " + materialisedTable(e.name)); !s)
                return s;
        return db.exec("DROP TABLE IF EXISTS search");
    }

    /** The earliest and latest change of a record by (hlc, site): (hlc, site, author). */
    void span(std::int64_t rid, std::tuple<HlcTime, std::string, std::string>& first,
              std::tuple<HlcTime, std::string, std::string>& last) {
        auto st = db.cached(
            "SELECT c.hlc, s.site, c.author FROM changes c JOIN sites s ON s.idx=c.site_idx "
            "WHERE c.rid=?");
        st->bind(1, rid);
        bool any = false;
        while (st->step()) {
            std::tuple<HlcTime, std::string, std::string> t{static_cast<HlcTime>(st->int64(0)),
                                                            st->text(1), st->text(2)};
            if (!any || std::tie(std::get<0>(t), std::get<1>(t)) <
                            std::tie(std::get<0>(first), std::get<1>(first)))
                first = t;
            if (!any || std::tie(std::get<0>(t), std::get<1>(t)) >
                            std::tie(std::get<0>(last), std::get<1>(last)))
                last = t;
            any = true;
        }
    }

    using ParsedChanges = std::map<std::pair<std::int64_t, std::uint64_t>, Change>;

    /** The value a version holds: from a change of this batch, else from its stored change. */
    Result<const Json*> valueOf(const Version& v, const std::string& field, const Touch& touch,
                                ParsedChanges& parsed) {
        const Change* from = nullptr;
        for (const Change* c : touch.changes)
            if (c->seq == v.seq && c->site == siteName(v.site)) from = c;
        if (!from) {
            auto [it, fresh] = parsed.try_emplace({v.site, v.seq});
            if (fresh) {
                auto sel = db.cached("SELECT body FROM changes WHERE site_idx=? AND seq=?");
                sel->bind(1, v.site).bind(2, v.seq);
                if (!sel->step()) return Error{"storage", "the change of a current value is lost"};
                auto c = changeFromJson(Json::parse(sel->textView(0), nullptr, false));
                if (!c) return c.error();
                it->second = std::move(*c);
            }
            from = &it->second;
        }
        const auto it = from->set.find(field);
        if (it == from->set.end()) return Error{"storage", "a current value is lost: " + field};
        return &it->second;
    }

    /** Recomputes the materialised row (and, when `touch.search`, the search entry) of one
     *  record from its state; a record created by one change is taken from that change. */
    Status materialise(std::int64_t rid, const Touch& touch) {
        std::string entity, id, unit;
        if (!touch.changes.empty()) {  // entity, id and unit never change
            const Change* c = touch.changes.back();
            entity = c->entity;
            id = c->id;
            unit = c->unit;
        } else {
            auto rec = db.cached("SELECT entity, id, unit FROM records WHERE rid=?");
            rec->bind(1, rid);
            if (!rec->step()) return Error{"storage", "record lost"};
            entity = rec->text(0);
            id = rec->text(1);
            unit = rec->text(2);
        }
        const EntityDef* e = findEntity(schema, entity);
        if (!e) return {};  // a newer version's entity: kept, shown once the schema knows it
        const std::string table = materialisedTable(entity);
        if (touch.state.current.empty()) {
            // Every change of the record was refused: it does not exist here.
            if (Status s = db.cached("DELETE FROM " + table + " WHERE id=?")->bind(1, id).run(); !s)
                return s;
            return db.cached("DELETE FROM search WHERE rowid=?")->bind(1, rid).run();
        }

        // Each field shows its current version with the greatest (hlc, site); a field with
        // more than one current version is a conflict.
        struct Shown {
            const Version* version = nullptr;
            int count = 0;
        };
        std::map<std::string_view, Shown> shown;
        int conflicts = 0;
        std::tuple<HlcTime, std::string, std::string> first{~HlcTime(0), "", ""}, last{0, "", ""};
        if (const Change* c = touch.sole) {
            first = last = {c->hlc, c->site, c->author};
        } else {
            for (const Version& v : touch.state.current) {
                const std::string& name = fieldName(static_cast<int>(v.field)).second;
                if (!e->field(name)) continue;  // a newer version's field: not shown here
                Shown& s = shown[name];
                if (++s.count == 2) ++conflicts;
                if (!s.version || std::tie(v.hlc, siteName(v.site)) >
                                      std::tie(s.version->hlc, siteName(s.version->site)))
                    s.version = &v;
            }
            span(rid, first, last);
        }
        ParsedChanges parsed;
        std::map<std::string_view, const Json*> values;  // what each needed field shows
        auto need = [&](const std::string& name) -> Status {
            if (values.count(name)) return {};
            const Json* value = nullptr;
            if (const Change* c = touch.sole) {
                if (auto it = c->set.find(name); it != c->set.end()) value = &it->second;
            } else if (auto it = shown.find(name); it != shown.end()) {
                auto got = valueOf(*it->second.version, name, touch, parsed);
                if (!got) return got.error();
                value = *got;
            }
            values.emplace(name, value);
            return {};
        };
        auto bindField = [&](Stmt& st, int at, const FieldDef& f) {
            const auto it = values.find(f.name);
            if (it == values.end() || !it->second || it->second->is_null()) {
                st.bindNull(at);
                return;
            }
            const Json& v = *it->second;
            if (f.type == FieldType::Boolean) {
                st.bind(at, static_cast<std::int64_t>(v.get<bool>() ? 1 : 0));
            } else if (isIntegerColumn(f.type)) {
                st.bind(at, v.get<std::int64_t>());
            } else if (isJsonColumn(f.type)) {
                st.bind(at, v.dump());
            } else {
                st.bind(at, v.get_ref<const std::string&>());
            }
        };
        auto bindSpan = [&](Stmt& st, int at) {
            st.bind(at, static_cast<std::int64_t>(conflicts));
            st.bind(at + 1, static_cast<std::int64_t>(std::get<0>(first)));
            st.bind(at + 2, static_cast<std::int64_t>(std::get<0>(last)));
            st.bind(at + 3, std::get<2>(first)).bind(at + 4, std::get<2>(last));
        };

        // An existing row is updated in the columns this batch wrote, so only the indexes on
        // those columns change; otherwise the whole row is written.
        bool written = false;
        if (!touch.sole && !touch.all) {
            std::string sql = "UPDATE " + table + " SET ";
            std::vector<const FieldDef*> cols;
            for (const FieldDef& f : e->fields) {
                if (!touch.fields.count(f.name)) continue;
                if (Status s = need(f.name); !s) return s;
                sql += "\"" + f.name + "\"=?, ";
                cols.push_back(&f);
            }
            sql += "conflicts=?, created_hlc=?, updated_hlc=?, created_by=?, updated_by=? WHERE id=?";
            auto up = db.cached(sql);
            int at = 1;
            for (const FieldDef* f : cols) bindField(*up, at++, *f);
            bindSpan(*up, at);
            up->bind(at + 5, id);
            if (Status s = up->run(); !s) return s;
            written = db.changes() > 0;
        }
        if (!written) {
            std::string cols = "id, unit", params = "?, ?";
            for (const FieldDef& f : e->fields) {
                if (Status s = need(f.name); !s) return s;
                cols += ", \"" + f.name + "\"";
                params += ", ?";
            }
            auto up = db.cached("INSERT OR REPLACE INTO " + table + "(" + cols +
                                ", conflicts, created_hlc, updated_hlc, created_by, updated_by) "
                                "VALUES(" + params + ", ?, ?, ?, ?, ?)");
            up->bind(1, id).bind(2, unit);
            int at = 3;
            for (const FieldDef& f : e->fields) bindField(*up, at++, f);
            bindSpan(*up, at);
            if (Status s = up->run(); !s) return s;
        }

        if (!touch.search) return {};
        // Search text: the title, and the searchable fields in name order.
        std::string title, searchBody;
        bool deleted = false;
        for (const FieldDef& f : e->fields)
            if (f.name == "deleted" || f.name == e->titleField || f.searchable)
                if (Status s = need(f.name); !s) return s;
        for (const auto& [name, v] : values) {
            if (!v) continue;
            if (name == "deleted" && v->is_boolean()) deleted = v->get<bool>();
            if (!v->is_string()) continue;
            const FieldDef* f = e->field(std::string(name));
            if (name == e->titleField) {
                title = v->get<std::string>();
            } else if (f && f->searchable) {
                searchBody += v->get_ref<const std::string&>();
                searchBody += '\n';
            }
        }
        if (!touch.sole)
            if (Status s = db.cached("DELETE FROM search WHERE rowid=?")->bind(1, rid).run(); !s)
                return s;
        if (deleted) return {};
        auto fts = db.cached(
            "INSERT INTO search(rowid, entity, label, title, body) VALUES(?, ?, ?, ?, ?)");
        fts->bind(1, rid).bind(2, entity).bind(3, title).bind(4, foldForSearch(title));
        fts->bind(5, foldForSearch(searchBody));
        return fts->run();
    }

    /** Writes the batch's record states, then each record's materialised row. */
    Status materialiseAll(const Touched& touched) {
        for (const auto& [rid, touch] : touched) {
            if (touch.dirty)
                if (Status s = db.cached("UPDATE records SET state=? WHERE rid=?")
                                   ->bind(1, encodeState(touch.state)).bind(2, rid).run();
                    !s)
                    return s;
            if (Status s = materialise(rid, touch); !s) return s;
        }
        return {};
    }

    /** Re-derives one record's state from its stored changes in arrival order (after a change
     *  was taken out, or to rebuild), then its materialised row and search entry. */
    Status rederive(std::int64_t rid) {
        Touch t;
        t.loaded = t.dirty = t.search = t.all = true;
        {
            auto sel = db.cached("SELECT site_idx, lseq, body FROM changes WHERE rid=? ORDER BY lseq");
            sel->bind(1, rid);
            while (sel->step()) {
                auto c = changeFromJson(Json::parse(sel->textView(2), nullptr, false));
                if (!c) return c.error();
                if (Status s = merge(t.state, *c, sel->int64(0), sel->int64(1)); !s) return s;
            }
            if (sel->error()) return *sel->error();
        }
        Touched one;
        one.emplace(rid, std::move(t));
        return materialiseAll(one);
    }

    /** Every record re-derived from the changes: after a migration or a rebuild. */
    Status rederiveAll() {
        std::vector<std::int64_t> rids;
        {
            auto st = db.cached("SELECT rid FROM records ORDER BY rid");
            while (st->step()) rids.push_back(st->int64(0));
            if (st->error()) return *st->error();
        }
        for (std::int64_t rid : rids)
            if (Status s = rederive(rid); !s) return s;
        return {};
    }

    Result<std::vector<Change>> parseBodies(Stmt& st, int col) {
        std::vector<Change> out;
        while (st.step()) {
            auto c = changeFromJson(Json::parse(st.textView(col), nullptr, false));
            if (!c) return c.error();
            out.push_back(std::move(*c));
        }
        if (st.error()) return *st.error();
        return out;
    }

    Status fillScope(const std::string& root) {
        if (Status s = db.exec("CREATE TEMP TABLE IF NOT EXISTS scope_units(id TEXT PRIMARY KEY)");
            !s)
            return s;
        if (Status s = db.exec("DELETE FROM temp.scope_units"); !s) return s;
        return db
            .cached("INSERT OR IGNORE INTO temp.scope_units(id) WITH RECURSIVE sub(id) AS "
                    "(SELECT ? UNION SELECT u.id FROM m_unit u JOIN sub ON u.parent=sub.id) "
                    "SELECT id FROM sub")->bind(1, root)
            .run();
    }

    /** "SELECT `columns` FROM changes c JOIN records r ... WHERE `position` > ?", kept to the
     *  changes a scope sees: its unit subtree plus reference data (empty root: all). */
    Result<std::string> scopedChanges(const std::string& columns, const std::string& position,
                                      const std::string& root) {
        std::string sql = "SELECT " + columns +
                          " FROM changes c JOIN records r ON r.rid=c.rid WHERE " + position + " > ?";
        if (root.empty()) return sql;
        if (Status s = fillScope(root); !s) return s.error();
        return sql + " AND (r.entity IN ('unit','agency') OR r.unit IN (SELECT id FROM "
                     "temp.scope_units))";
    }

    Result<ChangeTextPage> pageOfTexts(std::uint64_t cursor, const std::string& root,
                                       PageSize size, const HeldChanges& held = {}) {
        const std::size_t limit = std::clamp<std::size_t>(size.changes, 1, 10'000);
        auto scoped = scopedChanges("c.lseq, c.body, c.site_idx", "c.lseq", root);
        if (!scoped) return scoped.error();
        std::string sql = std::move(*scoped);
        // The puller's own changes, up to what it holds (its site is known here if it pushed).
        std::int64_t heldSite = 0;
        if (!held.site.empty()) {
            auto sel = db.cached("SELECT idx FROM sites WHERE site=?");
            sel->bind(1, held.site);
            if (sel->step()) heldSite = sel->int64(0);
        }
        sql += " AND NOT (c.site_idx=? AND c.seq<=?) ORDER BY c.lseq LIMIT ?";
        auto st = db.cached(sql);
        st->bind(1, cursor).bind(2, heldSite).bind(3, held.seq);
        st->bind(4, static_cast<std::int64_t>(limit + 1));
        ChangeTextPage page;
        page.cursor = cursor;
        std::size_t bytes = 0;
        while (st->step()) {
            const std::string_view text = st->textView(1);
            if (page.changes.size() == limit ||
                (!page.changes.empty() && bytes + text.size() > size.bytes)) {
                page.more = true;
                break;
            }
            bytes += text.size();
            page.changes.emplace_back(text);
            page.sites.insert(siteName(st->int64(2)));
            page.cursor = static_cast<std::uint64_t>(st->int64(0));
        }
        if (st->error()) return *st->error();
        // Nothing more in scope: the cursor may skip past what the scope does not see.
        if (!page.more) page.cursor = std::max(page.cursor, r.lastCursor());
        return page;
    }

    /** Whole records of the scope in record order (rid after `afterRid`), each with all its
     *  changes in arrival order, until the page is full (it always holds at least one record,
     *  however large). The cursor is the last record's rid. */
    Result<ChangeTextPage> pageOfRecords(std::uint64_t afterRid, const std::string& root,
                                         PageSize size) {
        const std::size_t limit = std::clamp<std::size_t>(size.changes, 1, 10'000);
        auto scoped = scopedChanges("c.rid, c.body, c.site_idx", "c.rid", root);
        if (!scoped) return scoped.error();
        const std::string sql = *scoped + " ORDER BY c.rid, c.lseq";
        auto st = db.cached(sql);
        st->bind(1, afterRid);
        ChangeTextPage page;
        page.cursor = afterRid;
        std::size_t bytes = 0;
        std::vector<std::string> group;  // the changes of record `groupRid`
        std::set<std::int64_t> groupSites;
        std::size_t groupBytes = 0;
        std::uint64_t groupRid = 0;
        // Adds the record read so far to the page; false when the page is full without it.
        auto flush = [&] {
            if (group.empty()) return true;
            if (!page.changes.empty() && (page.changes.size() + group.size() > limit ||
                                          bytes + groupBytes > size.bytes))
                return false;
            for (std::string& text : group) page.changes.push_back(std::move(text));
            for (std::int64_t site : groupSites) page.sites.insert(siteName(site));
            groupSites.clear();
            bytes += groupBytes;
            page.cursor = groupRid;
            group.clear();
            groupBytes = 0;
            return true;
        };
        while (st->step()) {
            const auto rid = static_cast<std::uint64_t>(st->int64(0));
            if (rid != groupRid && !flush()) {
                page.more = true;
                break;
            }
            groupRid = rid;
            group.emplace_back(st->textView(1));
            groupSites.insert(st->int64(2));
            groupBytes += group.back().size();
        }
        if (st->error()) return *st->error();
        if (!page.more && !flush()) page.more = true;
        return page;
    }

    Result<ChangePage> pageOfChanges(std::uint64_t cursor, const std::string& root,
                                     std::size_t limit) {
        auto texts = pageOfTexts(cursor, root, PageSize{limit});
        if (!texts) return texts.error();
        ChangePage page;
        page.cursor = texts->cursor;
        page.more = texts->more;
        page.changes.reserve(texts->changes.size());
        for (const std::string& text : texts->changes) {
            auto c = changeFromJson(Json::parse(text, nullptr, false));
            if (!c) return c.error();
            page.changes.push_back(std::move(*c));
        }
        return page;
    }
};

// ---- open and migrate ---------------------------------------------------------------

Result<std::unique_ptr<Replica>> Replica::open(const std::string& path, ReplicaOptions options) {
    auto db = Database::open(path);
    if (!db) return db.error();
    std::unique_ptr<Replica> r(new Replica);
    r->m_db = std::move(*db);
    r->m_schema = options.schema ? options.schema : &entities();
    r->m_clock = Hlc(options.clockSource);
    r->m_impl = std::make_unique<Impl>(*r);
    Impl& impl = *r->m_impl;

    {
        Transaction tx(r->m_db);
        if (!tx.begun()) return tx.begun().error();
        if (Status s = r->m_db.exec(kCoreSchema); !s) return s.error();
        auto version = r->meta("schema_version");
        const int stored = version ? std::stoi(*version) : 0;
        if (stored > kStorageVersion)
            return Error{"newer_schema", "the data file " + path + " was written by a newer "
                                         "version (schema " + *version + "); please update"};
        // Materialised with other entities or fields (an older app's, which kept what it did
        // not know): rebuilt, like a migration, so that all of it shows. A file without the
        // mark was materialised by this build's schema.
        const std::string fingerprint = schemaFingerprint(*r->m_schema);
        const std::string builtWith =
            r->meta(kMetaSchemaFields).value_or(schemaFingerprint(entities()));
        const bool migrate = stored != 0 && (stored < kStorageVersion || builtWith != fingerprint);
        if (migrate) {
            // Derived tables are rebuilt from the changes: every change is kept.
            if (Status s = impl.dropDerivedTables(); !s) return s.error();
            if (stored < 3) {  // versions were rows; now each record keeps a merge state
                if (Status s = r->m_db.exec(
                        "ALTER TABLE records ADD COLUMN state TEXT NOT NULL DEFAULT ''; "
                        "DROP TABLE IF EXISTS versions; DROP TABLE IF EXISTS supersessions;");
                    !s)
                    return s.error();
            }
        }
        if (Status s = impl.createDerivedTables(); !s) return s.error();
        if (!r->meta("site")) {
            if (Status s = r->setMeta("site", newSiteId()); !s) return s.error();
        }
        r->m_site = *r->meta("site");
        auto own = impl.siteIndex(r->m_site);
        if (!own) return own.error();
        impl.ownIdx = *own;
        if (stored != 0 && stored < kSignedChangesVersion) {
            // Other sites' changes stored before keys existed stay valid unsigned.
            if (Status s = r->m_db.exec(
                    "INSERT OR IGNORE INTO site_keys(site, unsigned_through) SELECT s.site, "
                    "max(c.seq) FROM changes c JOIN sites s ON s.idx=c.site_idx GROUP BY s.site");
                !s)
                return s.error();
        }
        if (Status s = r->loadOrMakeKey(); !s) return s.error();
        if (stored != 0 && stored < kSignedChangesVersion) {
            // This replica's own changes, all still here, are signed now by its new key.
            if (Status s = impl.signOwnChanges(); !s) return s.error();
        }
        if (Status s = r->setMeta("schema_version", std::to_string(kStorageVersion)); !s)
            return s.error();
        if (r->meta(kMetaSchemaFields) != fingerprint)
            if (Status s = r->setMeta(kMetaSchemaFields, fingerprint); !s) return s.error();
        if (migrate) {
            if (Status s = impl.rederiveAll(); !s) return s.error();
        }
        if (Status s = tx.commit(); !s) return s.error();
    }
    if (auto offset = r->meta("clock_offset")) r->m_clock.setOffsetMs(std::stoll(*offset));
    Stmt st = r->m_db.prepare("SELECT max(hlc) FROM changes");
    if (st.step()) r->m_clock.observe(static_cast<HlcTime>(st.int64(0)));
    return r;
}

Replica::~Replica() {
    m_impl.reset();
}

// ---- writing ------------------------------------------------------------------------

Result<Change> Replica::write(const WriteRequest& req) {
    const EntityDef* e = findEntity(*m_schema, req.entity);
    if (!e) return Error{"unknown_entity", "unknown entity '" + req.entity + "'"};
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();

    Change c;
    c.entity = req.entity;
    c.id = req.id.empty() ? newRecordId() : req.id;
    c.author = req.author;
    c.set = req.set;
    const auto record = req.id.empty() ? std::nullopt : m_impl->findRecord(req.entity, req.id);
    if (record) {
        if (!req.unit.empty() && req.unit != record->unit)
            return Error{"unit_immutable", "a record's unit never changes (" + req.entity + " " +
                                               req.id + " belongs to " + record->unit + ")"};
        c.unit = record->unit;
        // The change supersedes what this replica shows as current in each field it writes.
        auto state = m_impl->loadState(record->rid);
        if (!state) return state.error();
        for (const auto& [name, value] : c.set) {
            auto f = m_impl->fieldIndex(c.entity, name);
            if (!f) return f.error();
            std::vector<Dot> dots;
            for (const Version& v : state->current)
                if (v.field == *f) dots.push_back({m_impl->siteName(v.site), v.seq});
            if (!dots.empty()) {
                std::sort(dots.begin(), dots.end());
                c.bases[name] = std::move(dots);
            }
        }
    } else {
        c.unit = req.unit;
    }
    if (c.author.empty()) return Error{"invalid_value", "a change needs an author"};
    if (Status s = validateChange(c, !record, *m_schema, Unknowns::Refuse); !s) return s.error();

    c.site = m_site;
    c.seq = static_cast<std::uint64_t>(m_impl->maxSeq(m_impl->ownIdx)) + 1;
    c.hlc = m_clock.now();
    c.sig = signatureOf(c, m_secretKey);
    Touched touched;
    if (Status s = m_impl->storeChange(c, m_impl->ownIdx, record, touched); !s) return s.error();
    if (Status s = m_impl->setMaxSeq(m_impl->ownIdx, static_cast<std::int64_t>(c.seq)); !s)
        return s.error();
    if (Status s = m_impl->materialiseAll(touched); !s) return s.error();
    if (Status s = tx.commit(); !s) return s.error();
    return c;
}

Result<ApplyReport> Replica::apply(const std::vector<Change>& changes,
                                   const ApplyOptions& options) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    m_impl->keyCache.clear();  // another process (the admin command) may have revoked a key
    ApplyReport report;
    Touched touched;
    std::map<std::int64_t, std::int64_t> contiguous;  // site -> max seq (requireContiguous)
    std::set<std::int64_t> blocked;                   // sites stopped by a retryable refusal
    std::set<std::int64_t> sitesSeen;
    const std::vector<char> sigChecked = m_impl->verifySignatures(changes, options.checkedWith);

    for (std::size_t index = 0; index < changes.size(); ++index) {
        const Change& c = changes[index];
        auto siteIdx = m_impl->siteIndex(c.site);
        if (!siteIdx) return siteIdx.error();
        const std::int64_t site = *siteIdx;
        sitesSeen.insert(site);
        auto refuse = [&](Error e) -> Status {
            if (options.requireContiguous) {
                const bool relayed = !options.sender.empty() && c.site != options.sender;
                if (isRetryableRefusal(e.code) || relayed) {
                    blocked.insert(site);
                } else {
                    contiguous[site] = static_cast<std::int64_t>(c.seq);
                    // Kept so that a resent change (its reply was lost) hears the same answer.
                    if (Status s = m_db.cached("INSERT OR REPLACE INTO refused(site, seq, code, "
                                               "message, body) VALUES(?, ?, ?, ?, ?)")
                                       ->bind(1, c.site).bind(2, c.seq).bind(3, e.code)
                                       .bind(4, e.message).bind(5, toJsonText(c)).run();
                        !s)
                        return s;
                }
            }
            report.refused.push_back({c.dot(), std::move(e)});
            return {};
        };
        if (site == m_impl->ownIdx && c.seq > static_cast<std::uint64_t>(m_impl->maxSeq(site))) {
            if (Status st = refuse({"foreign_own_site", "a change claims this replica's site but it did not write it"}); !st) return st.error();
            continue;
        }
        if (options.requireContiguous) {
            auto [it, inserted] = contiguous.try_emplace(site, 0);
            if (inserted) it->second = m_impl->maxSeq(site);
            if (c.seq <= static_cast<std::uint64_t>(it->second)) {
                const auto same = m_impl->sameAsStored(site, c);
                auto before = m_db.cached("SELECT code, message FROM refused WHERE site=? AND seq=?");
                before->bind(1, c.site).bind(2, c.seq);
                if (same && !*same) {
                    report.refused.push_back({c.dot(), m_impl->conflictOrForgery(c)});
                } else if (!same && before->step()) {
                    report.refused.push_back({c.dot(), {before->text(0), before->text(1)}});
                } else {
                    ++report.duplicates;
                }
                continue;
            }
            if (blocked.count(site) || c.seq != static_cast<std::uint64_t>(it->second) + 1) {
                blocked.insert(site);
                report.refused.push_back(
                    {c.dot(), {"seq_gap", "expected seq " + std::to_string(it->second + 1) +
                                              " of site " + c.site + ", got " +
                                              std::to_string(c.seq)}});
                continue;
            }
        } else if (const auto same = m_impl->sameAsStored(site, c)) {
            if (*same)
                ++report.duplicates;
            else
                report.refused.push_back({c.dot(), m_impl->conflictOrForgery(c)});
            continue;
        }
        if (auto err = m_impl->originRefusal(c, sigChecked[index] != 0)) {
            if (Status st = refuse(*err); !st) return st.error();
            continue;
        }
        const auto record = m_impl->findRecord(c.entity, c.id);
        if (record && record->unit != c.unit) {
            if (Status st = refuse({"unit_immutable", "record " + c.id + " belongs to unit " + record->unit +
                                          ", not " + c.unit}); !st) return st.error();
            continue;
        }
        const bool strict = options.validation == Validation::Strict;
        if (Status s = validateChange(c, strict && !record, *m_schema,
                                      strict ? Unknowns::Refuse : Unknowns::Keep);
            !s) {
            if (Status st = refuse(s.error()); !st) return st.error();
            continue;
        }
        if (options.authorize) {
            if (auto err = options.authorize(c, !record)) {
                if (Status st = refuse(*err); !st) return st.error();
                continue;
            }
        }
        if (Status s = m_impl->storeChange(c, site, record, touched); !s) return s.error();
        if (options.requireContiguous) contiguous[site] = static_cast<std::int64_t>(c.seq);
        m_clock.observe(c.hlc);
        ++report.applied;
    }

    for (std::int64_t site : sitesSeen) {
        if (options.requireContiguous && contiguous.count(site)) {
            if (Status s = m_impl->setMaxSeq(site, contiguous[site]); !s) return s.error();
        } else if (site != m_impl->ownIdx) {
            if (Status s = m_impl->advanceMaxSeq(site); !s) return s.error();
        }
        report.highestSeq[m_impl->siteName(site)] =
            static_cast<std::uint64_t>(m_impl->maxSeq(site));
    }
    if (Status s = m_impl->materialiseAll(touched); !s) return s.error();
    for (const auto& [key, value] : options.meta)
        if (Status s = setMeta(key, value); !s) return s.error();
    if (Status s = tx.commit(); !s) return s.error();
    return report;
}

// ---- reading ------------------------------------------------------------------------

Result<std::optional<RecordView>> Replica::get(const std::string& entity, const std::string& id) {
    const EntityDef* e = findEntity(*m_schema, entity);
    if (!e) return Error{"unknown_entity", "unknown entity '" + entity + "'"};
    Stmt st = m_db.prepare("SELECT * FROM " + materialisedTable(entity) + " WHERE id=?");
    st.bind(1, id);
    if (!st.step()) {
        if (st.error()) return *st.error();
        return std::optional<RecordView>();
    }
    RecordView view{entity, id, rowJson(st, *e), {}};
    if (view.values.value("conflicts", 0) > 0) {
        auto all = history(entity, id);
        if (!all) return all.error();
        std::map<std::string, std::vector<VersionView>> current;
        for (VersionView& v : *all)
            if (v.current && e->field(v.field)) current[v.field].push_back(std::move(v));
        for (auto& [field, versions] : current)
            if (versions.size() > 1) view.conflicts[field] = std::move(versions);
    }
    return std::optional<RecordView>(std::move(view));
}

Result<std::vector<VersionView>> Replica::history(const std::string& entity,
                                                  const std::string& id) {
    const auto record = m_impl->findRecord(entity, id);
    std::vector<VersionView> out;
    if (!record) return out;
    auto state = m_impl->loadState(record->rid);
    if (!state) return state.error();
    // Every value each stored change of the record wrote; the state says which are current.
    std::vector<std::pair<int, VersionView>> rows;  // (field index, version)
    Stmt st = m_db.prepare("SELECT site_idx, body FROM changes WHERE rid=?");
    st.bind(1, record->rid);
    while (st.step()) {
        auto c = changeFromJson(Json::parse(st.textView(1), nullptr, false));
        if (!c) return c.error();
        for (auto& [name, value] : c->set) {
            auto f = m_impl->fieldIndex(entity, name);
            if (!f) return f.error();
            const Version mine{*f, st.int64(0), c->seq, 0};
            const bool current = std::any_of(state->current.begin(), state->current.end(),
                                             [&](const Version& v) { return v.sameAs(mine); });
            rows.emplace_back(*f, VersionView{name, std::move(value), c->dot(), c->author, c->hlc,
                                              current, !c->sig.empty()});
        }
    }
    if (st.error()) return *st.error();
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return std::tie(a.second.hlc, a.second.dot.site, a.first) <
               std::tie(b.second.hlc, b.second.dot.site, b.first);
    });
    out.reserve(rows.size());
    for (auto& [field, v] : rows) out.push_back(std::move(v));
    return out;
}

Result<Page> Replica::list(const ListQuery& q) {
    return listPage(m_db, *m_schema, q,
                    q.today.empty() ? vietnamDate(m_clock.wallMillis()) : q.today);
}

Result<std::vector<SearchHit>> Replica::search(const std::string& typed, const std::string& entity,
                                               int limit) {
    std::vector<SearchHit> hits;
    const std::string match = ftsQuery(typed);
    if (match.empty()) return hits;
    Stmt st = m_db.prepare(
        "SELECT r.entity, r.id, search.label FROM search JOIN records r ON r.rid=search.rowid "
        "WHERE search MATCH ?1 AND (?2 = '' OR search.entity = ?2) ORDER BY search.rowid DESC "
        "LIMIT ?3");
    st.bind(1, match).bind(2, entity).bind(3, static_cast<std::int64_t>(std::clamp(limit, 1, 1000)));
    while (st.step()) hits.push_back({st.text(0), st.text(1), st.text(2)});
    if (st.error()) return *st.error();
    return hits;
}

Result<std::vector<std::string>> Replica::unitSubtree(const std::string& root) {
    Stmt st = m_db.prepare(
        "WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT u.id FROM m_unit u JOIN sub ON "
        "u.parent=sub.id) SELECT id FROM sub");
    st.bind(1, root);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    if (st.error()) return *st.error();
    return out;
}

Result<std::string> Replica::materialisedDump() {
    std::string out;
    for (const EntityDef& e : *m_schema) {
        Stmt st = m_db.prepare("SELECT * FROM " + materialisedTable(e.name) + " ORDER BY id");
        while (st.step()) {
            out += e.name + " " + rowJson(st, e).dump() + "\n";
        }
        if (st.error()) return *st.error();
    }
    return out;
}

std::uint64_t Replica::changeCount() {
    Stmt st = m_db.prepare("SELECT count(*) FROM changes");
    return st.step() ? static_cast<std::uint64_t>(st.int64(0)) : 0;
}

// ---- snapshots ----------------------------------------------------------------------

Result<std::unique_ptr<ReplicaSnapshot>> Replica::snapshot() {
    auto db = Database::open(m_db.path(), /*readOnly=*/true);
    if (!db) return db.error();
    std::unique_ptr<ReplicaSnapshot> snap(new ReplicaSnapshot);
    snap->m_db = std::move(*db);
    snap->m_schema = m_schema;
    snap->m_today = vietnamDate(m_clock.wallMillis());
    // Sorts as the replica's own connection does them (in memory, not in temporary files).
    if (Status s = snap->m_db.exec("PRAGMA temp_store=MEMORY;"); !s) return s.error();
    // A transaction takes its snapshot at its first read: read now, so that the view is this
    // moment's and not that of whenever the caller first asks.
    if (Status s = snap->m_db.exec("BEGIN; SELECT count(*) FROM meta;"); !s) return s.error();
    return snap;
}

ReplicaSnapshot::~ReplicaSnapshot() {
    if (m_db.handle()) (void)m_db.exec("ROLLBACK");
}

Result<Page> ReplicaSnapshot::list(const ListQuery& q) {
    return listPage(m_db, *m_schema, q, q.today.empty() ? m_today : q.today);
}

Result<std::map<std::string, std::int64_t>> ReplicaSnapshot::countBy(const ListQuery& q,
                                                                     const std::string& field) {
    const EntityDef* e = findEntity(*m_schema, q.entity);
    if (e && !e->field(field) && field != "unit" && field != "id")
        return Error{"unknown_field", "cannot count " + q.entity + " by '" + field + "'"};
    auto sql = listSql(*m_schema, q, q.today.empty() ? m_today : q.today);
    if (!sql) return sql.error();
    std::map<std::string, std::int64_t> out;
    if (sql->matchesNothing) return out;
    Stmt st = m_db.prepare("SELECT " + sql->table + ".\"" + field + "\", count(*) FROM " +
                           sql->from + sql->where + " GROUP BY 1");
    sql->bind(st);
    while (st.step()) out[st.isNull(0) ? std::string() : st.text(0)] = st.int64(1);
    if (st.error()) return *st.error();
    return out;
}

struct RowCursor::Impl {
    const EntityDef* entity = nullptr;
    Stmt ids;   ///< the ids of the matching rows, in the query's order
    Stmt byId;  ///< the rows of a JSON array of ids
    std::string today;
    bool done = false;
};

RowCursor::RowCursor(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
RowCursor::~RowCursor() = default;

Result<std::unique_ptr<RowCursor>> ReplicaSnapshot::rows(const ListQuery& q) {
    const std::string today = q.today.empty() ? m_today : q.today;
    auto sql = listSql(*m_schema, q, today);
    if (!sql) return sql.error();
    auto impl = std::make_unique<RowCursor::Impl>();
    impl->entity = findEntity(*m_schema, q.entity);
    impl->today = today;
    impl->done = sql->matchesNothing;
    if (!impl->done) {
        // Sorting only (sort key, id) and reading each page's rows by id keeps the sort small
        // whatever the rows hold; in one read transaction both see the same state.
        impl->ids = m_db.prepare("SELECT " + sql->table + ".id FROM " + sql->from + sql->where +
                                 sql->order);
        if (!impl->ids.valid()) return *impl->ids.error();
        sql->bind(impl->ids);
        impl->byId = m_db.prepare("SELECT " + sql->columns + " FROM " + sql->table +
                                  " WHERE id IN (SELECT value FROM json_each(:ids))");
        if (!impl->byId.valid()) return *impl->byId.error();
    }
    return std::unique_ptr<RowCursor>(new RowCursor(std::move(impl)));
}

Result<std::vector<Json>> RowCursor::next(std::size_t max) {
    Impl& c = *m_impl;
    std::vector<Json> rows;
    if (c.done || max == 0) return rows;
    Json ids = Json::array();
    while (ids.size() < max && c.ids.step()) ids.push_back(c.ids.text(0));
    if (c.ids.error()) return *c.ids.error();
    // Never step a finished statement again: SQLite would run it once more from the start.
    if (ids.size() < max) c.done = true;
    if (ids.empty()) return rows;
    c.byId.reset();
    c.byId.bind(":ids", ids.dump());
    if (c.byId.paramIndex(":today")) c.byId.bind(":today", c.today);
    std::unordered_map<std::string, Json> byKey;
    while (c.byId.step()) {
        Json row = rowJson(c.byId, *c.entity);
        std::string id = row.value("id", "");
        byKey.emplace(std::move(id), std::move(row));
    }
    if (c.byId.error()) return *c.byId.error();
    rows.reserve(ids.size());
    for (const Json& id : ids)
        if (auto it = byKey.find(id.get<std::string>()); it != byKey.end())
            rows.push_back(std::move(it->second));
    return rows;
}

Result<std::optional<Json>> ReplicaSnapshot::record(const std::string& entity,
                                                    const std::string& id) {
    const EntityDef* e = findEntity(*m_schema, entity);
    if (!e) return Error{"unknown_entity", "unknown entity '" + entity + "'"};
    auto st = m_db.cached("SELECT * FROM " + materialisedTable(entity) + " WHERE id=?");
    st->bind(1, id);
    if (!st->step()) {
        if (st->error()) return *st->error();
        return std::optional<Json>();
    }
    return std::optional<Json>(rowJson(*st, *e));
}

// ---- sync bookkeeping ---------------------------------------------------------------

Result<std::vector<Change>> Replica::unsent(std::size_t limit) {
    auto st = m_db.cached("SELECT body FROM changes WHERE site_idx=? AND seq>? ORDER BY seq LIMIT ?");
    st->bind(1, m_impl->ownIdx).bind(2, ackedSeq()).bind(3, static_cast<std::int64_t>(limit));
    return m_impl->parseBodies(*st, 0);
}

std::uint64_t Replica::unsentCount() {
    auto st = m_db.cached("SELECT count(*) FROM changes WHERE site_idx=? AND seq>?");
    st->bind(1, m_impl->ownIdx).bind(2, ackedSeq());
    return st->step() ? static_cast<std::uint64_t>(st->int64(0)) : 0;
}

Status Replica::markAcked(std::uint64_t seq) {
    if (seq <= ackedSeq()) return {};
    return setMeta("acked_seq", std::to_string(seq));
}

std::uint64_t Replica::ackedSeq() {
    auto v = meta("acked_seq");
    return v ? std::stoull(*v) : 0;
}

Result<ChangePage> Replica::changesAfter(std::uint64_t cursor, const std::string& scopeRoot,
                                         std::size_t limit) {
    return m_impl->pageOfChanges(cursor, scopeRoot, limit);
}

Result<ChangeTextPage> Replica::changeTextsAfter(std::uint64_t cursor,
                                                 const std::string& scopeRoot, PageSize size,
                                                 const HeldChanges& held) {
    return m_impl->pageOfTexts(cursor, scopeRoot, size, held);
}

Result<ChangeTextPage> Replica::recordTextsAfter(std::uint64_t afterRid,
                                                 const std::string& scopeRoot, PageSize size) {
    return m_impl->pageOfRecords(afterRid, scopeRoot, size);
}

std::uint64_t Replica::lastCursor() {
    auto st = m_db.cached("SELECT coalesce(max(lseq), 0) FROM changes");
    return st->step() ? static_cast<std::uint64_t>(st->int64(0)) : 0;
}

Result<std::vector<Change>> Replica::changesOfSite(const std::string& site, std::uint64_t after,
                                                   std::size_t limit) {
    Stmt st = m_db.prepare(
        "SELECT c.body FROM changes c JOIN sites s ON s.idx=c.site_idx WHERE s.site=? AND "
        "c.seq>? ORDER BY c.seq LIMIT ?");
    st.bind(1, site).bind(2, after).bind(3, static_cast<std::int64_t>(limit));
    return m_impl->parseBodies(st, 0);
}

Result<std::map<std::string, std::uint64_t>> Replica::siteVector() {
    std::map<std::string, std::uint64_t> out;
    Stmt st = m_db.prepare("SELECT site, max_seq FROM sites WHERE max_seq > 0");
    while (st.step()) out[st.text(0)] = static_cast<std::uint64_t>(st.int64(1));
    if (st.error()) return *st.error();
    return out;
}

Status Replica::markRefused(const Dot& dot, const Error& reason) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    auto site = m_impl->siteIndex(dot.site);
    if (!site) return site.error();
    Stmt sel = m_db.prepare("SELECT rid, body FROM changes WHERE site_idx=? AND seq=?");
    sel.bind(1, *site).bind(2, dot.seq);
    if (!sel.step()) return Error{"not_found", "no stored change " + dot.site + ":" +
                                                   std::to_string(dot.seq)};
    const std::int64_t rid = sel.int64(0);
    const std::string body = sel.text(1);
    if (Status s = m_db.prepare("INSERT OR REPLACE INTO refused(site, seq, code, message, body) "
                                "VALUES(?, ?, ?, ?, ?)")
                       .bind(1, dot.site).bind(2, dot.seq).bind(3, reason.code)
                       .bind(4, reason.message).bind(5, body).run();
        !s)
        return s;
    if (Status s = m_db.prepare("DELETE FROM changes WHERE site_idx=? AND seq=?")
                       .bind(1, *site).bind(2, dot.seq).run();
        !s)
        return s;
    if (Status s = m_impl->rederive(rid); !s) return s;
    return tx.commit();
}

Result<std::vector<RefusedChange>> Replica::refusedChanges() {
    std::vector<RefusedChange> out;
    Stmt st = m_db.prepare("SELECT code, message, body FROM refused ORDER BY site, seq");
    while (st.step()) {
        auto c = changeFromJson(Json::parse(st.textView(2), nullptr, false));
        if (!c) return c.error();
        out.push_back({std::move(*c), {st.text(0), st.text(1)}});
    }
    if (st.error()) return *st.error();
    return out;
}

Status Replica::forgetRefused(const Dot& dot) {
    return m_db.prepare("DELETE FROM refused WHERE site=? AND seq=?")
        .bind(1, dot.site)
        .bind(2, dot.seq)
        .run();
}

Status Replica::restampUnsent() {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    const std::uint64_t acked = ackedSeq();
    // Nobody has seen the unsent stamps: restart the clock from what others have seen.
    {
        Stmt st = m_db.prepare(
            "SELECT coalesce(max(hlc), 0) FROM changes WHERE NOT (site_idx=? AND seq>?)");
        st.bind(1, m_impl->ownIdx).bind(2, acked);
        m_clock.reset(st.step() ? static_cast<HlcTime>(st.int64(0)) : 0);
    }
    Stmt sel = m_db.prepare(
        "SELECT lseq, rid, body FROM changes WHERE site_idx=? AND seq>? ORDER BY seq");
    sel.bind(1, m_impl->ownIdx).bind(2, acked);
    std::vector<std::tuple<std::int64_t, std::int64_t, Change>> rows;
    while (sel.step()) {
        auto c = changeFromJson(Json::parse(sel.textView(2), nullptr, false));
        if (!c) return c.error();
        rows.emplace_back(sel.int64(0), sel.int64(1), std::move(*c));
    }
    // Only times change, but a new time can change which concurrent value each field shows.
    Touched touched;
    for (auto& [lseq, rid, c] : rows) {
        c.hlc = m_clock.now();
        c.sig = signatureOf(c, m_secretKey);
        if (Status s = m_db.cached("UPDATE changes SET hlc=?, body=? WHERE lseq=?")
                           ->bind(1, c.hlc).bind(2, toJsonText(c)).bind(3, lseq).run();
            !s)
            return s;
        auto t = m_impl->touchRecord(touched, rid);
        if (!t) return t.error();
        for (Version& v : (*t)->state.current)
            if (v.site == m_impl->ownIdx && v.seq == c.seq) v.hlc = c.hlc;
        (*t)->dirty = (*t)->all = (*t)->search = true;
    }
    if (Status s = m_impl->materialiseAll(touched); !s) return s;
    if (Status s = setMeta("clock_offset", std::to_string(m_clock.offsetMs())); !s) return s;
    return tx.commit();
}

Status Replica::renewSite() {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    const std::string site = newSiteId();
    if (Status s = setMeta("site", site); !s) return s;
    if (Status s = setMeta("acked_seq", "0"); !s) return s;
    if (Status s = setMeta("signing_key", ""); !s) return s;
    auto idx = m_impl->siteIndex(site);
    if (!idx) return idx.error();
    // On failure the replica stays as it was: old site, old key.
    const std::string oldSite = m_site, oldSecret = m_secretKey, oldPublic = m_publicKey;
    auto keepOld = [&](Status failed) {
        m_site = oldSite;
        m_secretKey = oldSecret;
        m_publicKey = oldPublic;
        m_impl->keyCache.clear();
        return failed;
    };
    m_site = site;
    if (Status s = loadOrMakeKey(); !s) return keepOld(s);
    if (Status s = tx.commit(); !s) return keepOld(s);
    m_impl->ownIdx = *idx;
    return {};
}

Status Replica::loadOrMakeKey() {
    auto secret = meta("signing_key");
    if (!secret || secret->empty()) {
        const KeyPair pair = newKeyPair();
        if (Status s = setMeta("signing_key", pair.secretKey); !s) return s;
        secret = pair.secretKey;
    }
    auto publicKey = publicKeyOf(*secret);
    if (!publicKey) return Error{"bad_key", "the replica's signing key is damaged"};
    m_secretKey = *secret;
    m_publicKey = *publicKey;
    // This replica's own key proves its own changes, here as everywhere.
    if (Status s = m_db.cached("INSERT INTO site_keys(site, public_key) VALUES(?, ?) ON "
                               "CONFLICT(site) DO UPDATE SET public_key=excluded.public_key")
                       ->bind(1, m_site).bind(2, m_publicKey).run();
        !s)
        return s;
    m_impl->keyCache.erase(m_site);
    return {};
}

// ---- site keys ----------------------------------------------------------------------

std::string Replica::keyProof(const std::string& username) const {
    return signMessage(keyProofMessage(m_site, username, m_publicKey), m_secretKey);
}

Result<std::optional<SiteKey>> Replica::siteKey(const std::string& site) {
    m_impl->keyCache.erase(site);
    return m_impl->keyOf(site);
}

Result<std::map<std::string, SiteKey>> Replica::siteKeys() {
    std::map<std::string, SiteKey> out;
    Stmt st = m_db.prepare(
        "SELECT site, public_key, unsigned_through, valid_through FROM site_keys");
    while (st.step()) {
        SiteKey k{st.text(0), st.text(1), static_cast<std::uint64_t>(st.int64(2)), std::nullopt};
        if (!st.isNull(3)) k.validThrough = static_cast<std::uint64_t>(st.int64(3));
        out.emplace(k.site, std::move(k));
    }
    if (st.error()) return *st.error();
    return out;
}

Status Replica::learnSiteKey(const SiteKey& key) {
    if (!isValidSiteId(key.site)) return Error{"invalid_value", "not a site id: " + key.site};
    if (!key.publicKey.empty() && !isValidPublicKey(key.publicKey))
        return Error{"invalid_value", "not a public key for site " + key.site};
    const std::optional<SiteKey> known = m_impl->keyOf(key.site);
    SiteKey next = known.value_or(SiteKey{key.site, "", 0, std::nullopt});
    if (!key.publicKey.empty()) {
        if (!next.publicKey.empty() && next.publicKey != key.publicKey)
            return Error{"key_mismatch", "site " + key.site + " is known with another key"};
        if (next.publicKey.empty()) {
            // First sight of the key: the record of changes made before keys comes with it.
            next.publicKey = key.publicKey;
            next.unsignedThrough = std::max(next.unsignedThrough, key.unsignedThrough);
        }
    } else if (next.publicKey.empty()) {
        next.unsignedThrough = std::max(next.unsignedThrough, key.unsignedThrough);
    }
    if (key.validThrough && (!next.validThrough || *key.validThrough < *next.validThrough))
        next.validThrough = key.validThrough;
    if (known && known->publicKey == next.publicKey &&
        known->unsignedThrough == next.unsignedThrough && known->validThrough == next.validThrough)
        return {};
    auto st = m_db.cached(
        "INSERT OR REPLACE INTO site_keys(site, public_key, unsigned_through, valid_through) "
        "VALUES(?, ?, ?, ?)");
    st->bind(1, next.site).bind(2, next.publicKey).bind(3, next.unsignedThrough);
    if (next.validThrough)
        st->bind(4, *next.validThrough);
    else
        st->bindNull(4);
    m_impl->keyCache.erase(key.site);
    return st->run();
}

Status Replica::revokeSiteKey(const std::string& site, std::uint64_t validThrough) {
    if (!m_impl->keyOf(site)) return Error{"not_found", "no key is known for site " + site};
    SiteKey revoked{site, "", 0, validThrough};
    return learnSiteKey(revoked);
}

std::optional<std::string> Replica::meta(const std::string& key) {
    auto st = m_db.cached("SELECT value FROM meta WHERE key=?");
    st->bind(1, key);
    if (!st->step()) return std::nullopt;
    return st->text(0);
}

Status Replica::setMeta(const std::string& key, const std::string& value) {
    return m_db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)")->bind(1, key)
        .bind(2, value)
        .run();
}

Status Replica::rebuildMaterialised() {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    if (Status s = m_impl->dropDerivedTables(); !s) return s;
    if (Status s = m_impl->createDerivedTables(); !s) return s;
    if (Status s = m_impl->rederiveAll(); !s) return s;
    return tx.commit();
}

}  // namespace nghedan
