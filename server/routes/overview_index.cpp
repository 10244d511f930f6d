#include "overview_index.h"

#include <set>

namespace nghedan::server {

namespace {

/** Beyond this many new changes a full rebuild is cheaper than re-reading record by record. */
constexpr std::uint64_t kRebuildGap = 20000;

std::string_view colView(Stmt& st, int col) {
    return st.isNull(col) ? std::string_view() : st.textView(col);
}

}  // namespace

int OverviewIndex::dayKey(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return 0;
    int key = 0;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (t[i] < '0' || t[i] > '9') return 0;
        key = key * 10 + (t[i] - '0');
    }
    return key;
}

int OverviewIndex::intern(std::string_view s) {
    if (s.empty()) return kNone;
    auto it = m_nameIndex.find(std::string(s));
    if (it != m_nameIndex.end()) return it->second;
    const int index = static_cast<int>(m_names.size());
    m_names.emplace_back(s);
    m_nameIndex.emplace(m_names.back(), index);
    return index;
}

std::vector<int> OverviewIndex::internList(std::string_view jsonText) {
    std::vector<int> out;
    if (jsonText.empty()) return out;
    const Json list = Json::parse(jsonText, nullptr, false);
    if (!list.is_array()) return out;
    for (const Json& v : list)
        if (v.is_string()) out.push_back(intern(v.get<std::string>()));
    return out;
}

Status OverviewIndex::refresh(Replica& replica) {
    const std::uint64_t last = replica.lastCursor();
    if (!m_built || m_site != replica.siteId() || last < m_cursor || last - m_cursor > kRebuildGap)
        return rebuild(replica);
    while (m_cursor < last) {
        auto page = replica.changesAfter(m_cursor, "", 2000);
        if (!page) return page.error();
        std::set<std::pair<std::string, std::string>> touched;
        for (const Change& c : page->changes)
            if (c.entity == "petition" || c.entity == "meeting" || c.entity == "directive")
                touched.emplace(c.entity, c.id);
        for (const auto& [entity, id] : touched)
            if (Status s = reload(replica, entity, id); !s) return s;
        if (page->cursor <= m_cursor) break;  // no progress: stop rather than loop
        m_cursor = page->cursor;
        if (!page->more) break;
    }
    m_cursor = std::max(m_cursor, last);
    return {};
}

Status OverviewIndex::rebuild(Replica& replica) {
    *this = OverviewIndex{};
    m_site = replica.siteId();
    m_cursor = replica.lastCursor();
    Database& db = replica.database();
    {
        Stmt st = db.prepare("SELECT id, unit, category, status, lead_agency, received_at, resolved_at, "
                             "due_date, deleted, support_agencies FROM " + materialisedTable("petition"));
        while (st.step()) {
            Petition p;
            p.unit = intern(colView(st, 1));
            p.category = intern(colView(st, 2));
            p.status = intern(colView(st, 3));
            p.agency = intern(colView(st, 4));
            p.receivedAt = st.isNull(5) ? 0 : st.int64(5);
            p.resolvedAt = st.isNull(6) ? -1 : st.int64(6);
            p.dueKey = dayKey(colView(st, 7));
            p.live = st.isNull(8) || st.int64(8) == 0;
            p.support = internList(colView(st, 9));
            m_petitionAt.emplace(st.text(0), m_petitions.size());
            m_petitionIds.push_back(st.text(0));
            m_petitions.push_back(p);
        }
        if (st.error()) return *st.error();
    }
    {
        Stmt st = db.prepare("SELECT id, unit, held_at, deleted FROM " + materialisedTable("meeting"));
        while (st.step()) {
            m_meetingAt.emplace(st.text(0), m_meetings.size());
            m_meetings.push_back({intern(colView(st, 1)), st.isNull(2) ? 0 : st.int64(2),
                                  st.isNull(3) || st.int64(3) == 0});
        }
        if (st.error()) return *st.error();
    }
    {
        Stmt st = db.prepare("SELECT id, unit, status, due_date, deleted FROM " +
                             materialisedTable("directive"));
        while (st.step()) {
            m_directiveAt.emplace(st.text(0), m_directives.size());
            m_directives.push_back({intern(colView(st, 1)), intern(colView(st, 2)),
                                    dayKey(colView(st, 3)), st.isNull(4) || st.int64(4) == 0});
        }
        if (st.error()) return *st.error();
    }
    m_built = true;
    return {};
}

Status OverviewIndex::reload(Replica& replica, const std::string& entity, const std::string& id) {
    Database& db = replica.database();
    if (entity == "petition") {
        auto lease = db.cached("SELECT unit, category, status, lead_agency, received_at, resolved_at, "
                             "due_date, deleted, support_agencies FROM " + materialisedTable("petition") + " WHERE id = ?");
        Stmt& st = *lease;
        st.bind(1, id);
        Petition p;
        if (st.step()) {
            p.unit = intern(colView(st, 0));
            p.category = intern(colView(st, 1));
            p.status = intern(colView(st, 2));
            p.agency = intern(colView(st, 3));
            p.receivedAt = st.isNull(4) ? 0 : st.int64(4);
            p.resolvedAt = st.isNull(5) ? -1 : st.int64(5);
            p.dueKey = dayKey(colView(st, 6));
            p.live = st.isNull(7) || st.int64(7) == 0;
            p.support = internList(colView(st, 8));
        }
        if (st.error()) return *st.error();
        auto it = m_petitionAt.find(id);
        if (it != m_petitionAt.end()) {
            m_petitions[it->second] = p;
        } else {
            m_petitionAt.emplace(id, m_petitions.size());
            m_petitionIds.push_back(id);
            m_petitions.push_back(p);
        }
    } else if (entity == "meeting") {
        auto lease = db.cached("SELECT unit, held_at, deleted FROM " + materialisedTable("meeting") +
                             " WHERE id = ?");
        Stmt& st = *lease;
        st.bind(1, id);
        Meeting m;
        if (st.step())
            m = {intern(colView(st, 0)), st.isNull(1) ? 0 : st.int64(1), st.isNull(2) || st.int64(2) == 0};
        if (st.error()) return *st.error();
        auto it = m_meetingAt.find(id);
        if (it != m_meetingAt.end()) {
            m_meetings[it->second] = m;
        } else {
            m_meetingAt.emplace(id, m_meetings.size());
            m_meetings.push_back(m);
        }
    } else {
        auto lease = db.cached("SELECT unit, status, due_date, deleted FROM " +
                             materialisedTable("directive") + " WHERE id = ?");
        Stmt& st = *lease;
        st.bind(1, id);
        Directive d;
        if (st.step())
            d = {intern(colView(st, 0)), intern(colView(st, 1)), dayKey(colView(st, 2)),
                 st.isNull(3) || st.int64(3) == 0};
        if (st.error()) return *st.error();
        auto it = m_directiveAt.find(id);
        if (it != m_directiveAt.end()) {
            m_directives[it->second] = d;
        } else {
            m_directiveAt.emplace(id, m_directives.size());
            m_directives.push_back(d);
        }
    }
    return {};
}

}  // namespace nghedan::server
