// Sync paging and bookkeeping: unsent and acked changes, pages by scope, refusals, re-stamping (see replica_impl.h).
#include "replica_impl.h"

namespace nghedan {

Result<std::vector<Change>> Replica::Impl::parseBodies(Stmt& st, int col) {
    std::vector<Change> out;
    while (st.step()) {
        auto c = changeFromJson(Json::parse(st.textView(col), nullptr, false));
        if (!c) return c.error();
        out.push_back(std::move(*c));
    }
    if (st.error()) return *st.error();
    return out;
}

Status Replica::Impl::fillScope(const std::string& root) {
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

Result<std::string> Replica::Impl::scopedChanges(const std::string& columns, const std::string& position,
                                  const std::string& root) {
    std::string sql = "SELECT " + columns +
                      " FROM changes c JOIN records r ON r.rid=c.rid WHERE " + position + " > ?";
    if (root.empty()) return sql;
    if (Status s = fillScope(root); !s) return s.error();
    return sql + " AND (r.entity IN ('unit','agency') OR r.unit IN (SELECT id FROM "
                 "temp.scope_units))";
}

Result<ChangeTextPage> Replica::Impl::pageOfTexts(std::uint64_t cursor, const std::string& root,
                                   PageSize size, const HeldChanges& held) {
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

Result<ChangeTextPage> Replica::Impl::pageOfRecords(std::uint64_t afterRid, const std::string& root,
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

Result<ChangePage> Replica::Impl::pageOfChanges(std::uint64_t cursor, const std::string& root,
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

std::uint64_t Replica::changeCount() {
    Stmt st = m_db.prepare("SELECT count(*) FROM changes");
    return st.step() ? static_cast<std::uint64_t>(st.int64(0)) : 0;
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

}  // namespace nghedan
