// Reading: records, history, lists, search, unit subtrees and read snapshots (see replica_impl.h).
#include "replica_impl.h"

#include "nghedan/public_view.h"

namespace nghedan {

namespace {

/** `match` limited to the columns `personal` allows: the personal column (replica_materialise)
 *  counts only when every personal searchable field of the entity (any entity: `entity` empty)
 *  is allowed. */
std::string limitToVisible(const std::string& match, const std::vector<EntityDef>& schema,
                           const std::string& entity,
                           const std::optional<std::set<std::string>>& personal) {
    if (!personal) return match;
    for (const EntityDef& e : schema) {
        if (!entity.empty() && e.name != entity) continue;
        for (const FieldDef& f : e.fields)
            if (f.personal && f.searchable && !personal->count(f.name))
                return "{title body} : (" + match + ")";
    }
    return match;
}

}  // namespace

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

std::string materialisedTable(const std::string& entity) { return "m_" + entity; }

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
        if (!f && field != "id" && field != "unit" &&
            !(field == "receipt_code" && q.entity == "petition"))
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
    const auto code = q.entity == "petition" ? normaliseReceiptCode(q.search) : std::nullopt;
    if (code) {  // a receipt code typed into the search box finds its petition
        where += " AND receipt_code=" + param(*code);
    } else if (!q.search.empty()) {
        std::string match = ftsQuery(q.search);
        if (match.empty()) {
            out.matchesNothing = true;
            return out;
        }
        match = limitToVisible(match, schema, q.entity, q.searchPersonal);
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
    RecordView view{entity, id, rowJson(st, *e), {}, {}};
    {
        auto red = m_db.cached("SELECT field FROM redacted WHERE entity=? AND id=?");
        red->bind(1, entity).bind(2, id);
        while (red->step()) view.redacted.insert(red->text(0));
        if (red->error()) return *red->error();
    }
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
            const bool withheld = isWithheld(value);
            rows.emplace_back(*f, VersionView{name, withheld ? Json() : std::move(value), c->dot(),
                                              c->author, c->hlc, current, !c->sig.empty(),
                                              withheld});
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
                                               int limit,
                                               const std::optional<std::set<std::string>>& personal) {
    std::vector<SearchHit> hits;
    std::string match = ftsQuery(typed);
    if (match.empty()) return hits;
    match = limitToVisible(match, *m_schema, entity, personal);
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

// ---- snapshots ----------------------------------------------------------------------

Result<std::unique_ptr<ReplicaSnapshot>> Replica::snapshot() {
    auto db = m_db.openReader();
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

}  // namespace nghedan
