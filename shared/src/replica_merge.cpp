// Writing and applying changes: the per-field multi-value merge (see replica_impl.h).
#include "replica_impl.h"

namespace nghedan {

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

bool touchesSearch(const EntityDef& e, const Change& c) {
    for (const auto& [name, value] : c.set) {
        const FieldDef* f = e.field(name);
        if (name == "deleted" || name == e.titleField || (f && f->searchable)) return true;
    }
    return false;
}

Status Replica::Impl::merge(RecordState& state, const Change& c, std::int64_t site, std::int64_t lseq) {
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

Result<RecordState> Replica::Impl::loadState(std::int64_t rid) {
    auto sel = db.cached("SELECT state FROM records WHERE rid=?");
    sel->bind(1, rid);
    if (!sel->step()) return Error{"storage", "record lost"};
    return decodeState(sel->textView(0));
}

Result<Touch*> Replica::Impl::touchRecord(Touched& touched, std::int64_t rid) {
    Touch& t = touched[rid];
    if (!t.loaded) {
        auto state = loadState(rid);
        if (!state) return state.error();
        t.state = std::move(*state);
        t.loaded = true;
    }
    return &t;
}

Status Replica::Impl::storeChange(const Change& c, std::int64_t site, std::optional<RecordRef> record,
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
    if (c.entity == "redaction")
        if (Status s = registerRedaction(c); !s) return s;
    const EntityDef* e = findEntity(schema, c.entity);
    t->search = t->search || !record || (e && touchesSearch(*e, c));
    // A record new in this batch gets its whole row written: no need for its fields.
    if (record) {
        for (const auto& [name, value] : c.set) t->fields.insert(name);
        for (const auto& [name, dots] : c.bases) t->fields.insert(name);
    }
    return {};
}

// ---- redaction ----------------------------------------------------------------------

Result<const Change*> Replica::Impl::erasedView(const Change& c) {
    if (!anyRedaction) {
        auto any = db.cached("SELECT EXISTS(SELECT 1 FROM redacted)");
        anyRedaction = any->step() && any->int64(0) != 0;
    }
    if (!*anyRedaction || c.entity == "redaction") return &c;
    auto sel = db.cached("SELECT field FROM redacted WHERE entity=? AND id=?");
    sel->bind(1, c.entity).bind(2, c.id);
    std::set<std::string> fields;
    while (sel->step()) fields.insert(sel->text(0));
    if (sel->error()) return *sel->error();
    Change copy = c;
    if (fields.empty() || !erase(copy, fields)) return &c;
    return &erasedCopies.emplace_back(std::move(copy));
}

Status Replica::Impl::registerRedaction(const Change& c) {
    const auto target = c.set.find("target_entity");
    const auto targetId = c.set.find("target_id");
    const auto names = c.set.find("fields");
    if (target == c.set.end() || targetId == c.set.end() || names == c.set.end() ||
        !target->second.is_string() || !targetId->second.is_string() || !names->second.is_string())
        return {};  // not a redaction this replica can read: nothing it knows to erase
    const std::string entity = target->second.get<std::string>();
    const std::string id = targetId->second.get<std::string>();
    std::set<std::string> fresh;
    for (const std::string& field : redactionFields(names->second.get<std::string>())) {
        auto ins = db.cached("INSERT OR IGNORE INTO redacted(entity, id, field) VALUES(?, ?, ?)");
        if (Status s = ins->bind(1, entity).bind(2, id).bind(3, field).run(); !s) return s;
        if (db.changes() > 0) fresh.insert(field);
    }
    if (fresh.empty()) return {};
    anyRedaction = true;
    // Every stored copy of the record's values of those fields: its changes' bodies...
    if (const auto record = findRecord(entity, id)) {
        std::vector<std::pair<std::int64_t, std::string>> rewritten;
        auto sel = db.cached("SELECT lseq, body FROM changes WHERE rid=?");
        sel->bind(1, record->rid);
        while (sel->step()) {
            auto stored = changeFromJson(Json::parse(sel->textView(1), nullptr, false));
            if (!stored) return stored.error();
            if (erase(*stored, fresh)) rewritten.emplace_back(sel->int64(0), toJsonText(*stored));
        }
        if (sel->error()) return *sel->error();
        for (const auto& [lseq, body] : rewritten)
            if (Status s = db.cached("UPDATE changes SET body=? WHERE lseq=?")
                               ->bind(1, body).bind(2, lseq).run();
                !s)
                return s;
        redactedRids.insert(record->rid);
        if (const EntityDef* e = findEntity(schema, entity))
            for (const std::string& field : fresh)
                if (const FieldDef* f = e->field(field); f && f->searchable) compactSearch = true;
    }
    // ...and the refused ones.
    std::vector<std::pair<std::int64_t, std::string>> refusedBodies;
    {
        auto sel = db.cached("SELECT rowid, body FROM refused");
        while (sel->step()) {
            auto stored = changeFromJson(Json::parse(sel->textView(1), nullptr, false));
            if (!stored || stored->entity != entity || stored->id != id) continue;
            if (erase(*stored, fresh)) refusedBodies.emplace_back(sel->int64(0), toJsonText(*stored));
        }
        if (sel->error()) return *sel->error();
    }
    for (const auto& [rowid, body] : refusedBodies)
        if (Status s = db.cached("UPDATE refused SET body=? WHERE rowid=?")
                           ->bind(1, body).bind(2, rowid).run();
            !s)
            return s;
    return {};
}

Status Replica::Impl::finishRedactions() {
    if (redactedRids.empty()) return {};
    const std::set<std::int64_t> rids = std::move(redactedRids);
    redactedRids.clear();
    for (std::int64_t rid : rids)
        if (Status s = rederive(rid); !s) return s;
    if (!compactSearch) return {};
    compactSearch = false;
    if (deferCompaction) {
        compactionOwed = true;
        return {};
    }
    // FTS5 keeps a deleted row's words in its segments until they are merged: merge them all
    // (the whole index is rewritten: about 2 s at 100,000 petitions, once per batch).
    return db.exec("INSERT INTO search(search) VALUES('optimize')");
}

Status Replica::deferSearchCompaction(bool on) {
    m_impl->deferCompaction = on;
    if (on || !m_impl->compactionOwed) return {};
    m_impl->compactionOwed = false;
    return m_db.exec("INSERT INTO search(search) VALUES('optimize')");
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
    // Each personal value gets its salt, so that it can be withheld later (personal.h).
    saltPersonalValues(c, *m_schema);
    if (c.entity == "redaction" && !record) {
        // A redaction belongs to its target's unit: it goes wherever the record goes.
        const auto target = c.set.find("target_entity");
        const auto targetId = c.set.find("target_id");
        if (target != c.set.end() && targetId != c.set.end() && target->second.is_string() &&
            targetId->second.is_string()) {
            const auto t = m_impl->findRecord(target->second.get<std::string>(),
                                              targetId->second.get<std::string>());
            if (t) c.unit = t->unit;
        }
    }
    if (Status s = validateChange(c, !record, *m_schema, Unknowns::Refuse); !s) return s.error();

    c.site = m_site;
    c.seq = static_cast<std::uint64_t>(m_impl->maxSeq(m_impl->ownIdx)) + 1;
    c.hlc = m_clock.now();
    c.sig = signatureOf(c, m_secretKey);
    m_impl->erasedCopies.clear();
    m_impl->redactedRids.clear();
    m_impl->compactSearch = false;
    m_impl->anyRedaction.reset();
    auto stored = m_impl->erasedView(c);
    if (!stored) return stored.error();
    Touched touched;
    if (Status s = m_impl->storeChange(**stored, m_impl->ownIdx, record, touched); !s)
        return s.error();
    if (Status s = m_impl->setMaxSeq(m_impl->ownIdx, static_cast<std::int64_t>(c.seq)); !s)
        return s.error();
    if (Status s = m_impl->materialiseAll(touched); !s) return s.error();
    if (Status s = m_impl->finishRedactions(); !s) return s.error();
    if (Status s = tx.commit(); !s) return s.error();
    return **stored;
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

    m_impl->erasedCopies.clear();
    m_impl->redactedRids.clear();
    m_impl->compactSearch = false;
    m_impl->anyRedaction.reset();
    for (std::size_t index = 0; index < changes.size(); ++index) {
        // What a redaction erased never comes back: a later copy is erased before anything.
        auto view = m_impl->erasedView(changes[index]);
        if (!view) return view.error();
        const Change& c = **view;
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
                    // Kept so that a resent change (its reply was lost) hears the same answer;
                    // its personal values withheld: the refusal is all its author needs.
                    if (Status s = m_db.cached("INSERT OR REPLACE INTO refused(site, seq, code, "
                                               "message, body) VALUES(?, ?, ?, ?, ?)")
                                       ->bind(1, c.site).bind(2, c.seq).bind(3, e.code)
                                       .bind(4, e.message)
                                       .bind(5, toJsonText(withheldForm(c)))
                                       .run();
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
    if (Status s = m_impl->finishRedactions(); !s) return s.error();
    for (const auto& [key, value] : options.meta)
        if (Status s = setMeta(key, value); !s) return s.error();
    if (Status s = tx.commit(); !s) return s.error();
    return report;
}

}  // namespace nghedan
