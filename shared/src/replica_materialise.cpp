// The materialised tables m_<entity> and the search index, derived from the changes (see replica_impl.h).
#include "replica_impl.h"

#include "nghedan/public_view.h"

namespace nghedan {

namespace {

// Secondary indexes of the materialised tables, for the lists people filter.
const std::map<std::string, std::vector<std::string>> kIndexes = {
    {"unit", {"parent"}},
    {"agency", {"level"}},
    {"meeting", {"unit, held_at", "held_at"}},
    {"petition",
     {"unit", "status", "category", "due_date", "lead_agency", "received_at", "meeting",
      "updated_hlc", "receipt_code"}},
    {"directive", {"unit", "agency", "status", "due_date", "meeting", "petition"}},
    {"update", {"parent"}},
    {"report_back", {"petition", "meeting"}},
    {"attachment", {"parent", "sha256", "thumb_sha256"}},
};

/** A petition's receipt code is derived from its id (public_view.h), kept in its row so that a
 *  code finds its petition through an index; no change ever writes it. */
bool hasReceiptCode(const std::string& entity) { return entity == "petition"; }

}  // namespace

Status Replica::Impl::createDerivedTables() {
    for (const EntityDef& e : schema) {
        const std::string table = materialisedTable(e.name);
        std::string sql = "CREATE TABLE IF NOT EXISTS " + table +
                          "(id TEXT PRIMARY KEY, unit TEXT NOT NULL";
        for (const FieldDef& f : e.fields)
            sql += ", \"" + f.name + "\" " + (isIntegerColumn(f.type) ? "INTEGER" : "TEXT");
        if (hasReceiptCode(e.name)) sql += ", receipt_code TEXT";
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
        "UNINDEXED, title, body, personal, tokenize='unicode61 remove_diacritics 2')");
}

Status Replica::Impl::dropDerivedTables() {
    for (const EntityDef& e : schema)
        if (Status s = db.exec("DROP TABLE IF EXISTS " + materialisedTable(e.name)); !s)
            return s;
    return db.exec("DROP TABLE IF EXISTS search");
}

void Replica::Impl::span(std::int64_t rid, std::tuple<HlcTime, std::string, std::string>& first,
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

Result<const Json*> Replica::Impl::valueOf(const Version& v, const std::string& field, const Touch& touch,
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

Status Replica::Impl::materialise(std::int64_t rid, const Touch& touch) {
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
        // A withheld personal value (personal.h) shows as nothing, never as its marker.
        if (it == values.end() || !it->second || it->second->is_null() ||
            isWithheld(*it->second)) {
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
        const bool coded = hasReceiptCode(entity);
        if (coded) {
            cols += ", receipt_code";
            params += ", ?";
        }
        auto up = db.cached("INSERT OR REPLACE INTO " + table + "(" + cols +
                            ", conflicts, created_hlc, updated_hlc, created_by, updated_by) "
                            "VALUES(" + params + ", ?, ?, ?, ?, ?)");
        up->bind(1, id).bind(2, unit);
        int at = 3;
        for (const FieldDef& f : e->fields) bindField(*up, at++, f);
        if (coded) up->bind(at++, receiptCode(id));
        bindSpan(*up, at);
        if (Status s = up->run(); !s) return s;
    }

    if (!touch.search) return {};
    // Search text: the title, and the searchable fields in name order; personal ones in their
    // own column, which a search by someone who may not see them leaves out (ftsColumns).
    std::string title, searchBody, personalText;
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
            std::string& into = f->personal ? personalText : searchBody;
            into += v->get_ref<const std::string&>();
            into += '\n';
        }
    }
    if (!touch.sole)
        if (Status s = db.cached("DELETE FROM search WHERE rowid=?")->bind(1, rid).run(); !s)
            return s;
    if (deleted) return {};
    auto fts = db.cached(
        "INSERT INTO search(rowid, entity, label, title, body, personal) VALUES(?, ?, ?, ?, ?, ?)");
    fts->bind(1, rid).bind(2, entity).bind(3, title).bind(4, foldForSearch(title));
    fts->bind(5, foldForSearch(searchBody)).bind(6, foldForSearch(personalText));
    return fts->run();
}

Status Replica::Impl::materialiseAll(const Touched& touched) {
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

Status Replica::Impl::rederive(std::int64_t rid) {
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

Status Replica::Impl::rederiveAll() {
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

Status Replica::rebuildMaterialised() {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    if (Status s = m_impl->dropDerivedTables(); !s) return s;
    if (Status s = m_impl->createDerivedTables(); !s) return s;
    if (Status s = m_impl->rederiveAll(); !s) return s;
    return tx.commit();
}

}  // namespace nghedan
