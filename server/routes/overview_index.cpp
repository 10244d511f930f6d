#include "overview_index.h"

#include <set>

namespace nghedan::server {

namespace {

/** Beyond this many new changes a full rebuild is cheaper than re-reading record by record. */
constexpr std::uint64_t kRebuildGap = 20000;

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

OverviewIndex::ReportBack OverviewIndex::reportBackOf(const ReportBackFacts& f) {
    return {intern(f.unit), std::string(f.petition), f.verdict == "satisfied", f.recordedAt,
            !f.deleted};
}

OverviewIndex::Petition OverviewIndex::petitionOf(const PetitionFacts& f) {
    Petition p;
    p.unit = intern(f.unit);
    p.category = intern(f.category);
    p.status = intern(f.status);
    p.agency = intern(f.leadAgency);
    p.receivedAt = f.receivedAt.value_or(0);
    p.resolvedAt = f.resolvedAt.value_or(-1);
    p.dueKey = dayKey(f.dueDate);
    p.live = !f.deleted;
    p.support = internList(f.supportAgencies);
    return p;
}

Status OverviewIndex::refresh(Store& store) {
    const std::uint64_t last = store.lastCursor();
    if (!m_built || m_site != store.siteId() || last < m_cursor || last - m_cursor > kRebuildGap)
        return rebuild(store);
    while (m_cursor < last) {
        auto page = store.changesAfter(m_cursor, "", 2000);
        if (!page) return page.error();
        std::set<std::pair<std::string, std::string>> touched;
        for (const Change& c : page->changes)
            if (c.entity == "petition" || c.entity == "meeting" || c.entity == "directive" ||
                c.entity == "report_back")
                touched.emplace(c.entity, c.id);
        for (const auto& [entity, id] : touched)
            if (Status s = reload(store, entity, id); !s) return s;
        if (page->cursor <= m_cursor) break;  // no progress: stop rather than loop
        m_cursor = page->cursor;
        if (!page->more) break;
    }
    m_cursor = std::max(m_cursor, last);
    return {};
}

Status OverviewIndex::rebuild(Store& store) {
    *this = OverviewIndex{};
    m_site = store.siteId();
    m_cursor = store.lastCursor();
    Status s = store.petitionFacts(std::nullopt, [&](const PetitionFacts& f) {
        Petition p = petitionOf(f);
        m_petitionAt.emplace(std::string(f.id), m_petitions.size());
        m_petitionIds.emplace_back(f.id);
        m_petitions.push_back(std::move(p));
    });
    if (!s) return s;
    s = store.meetingFacts(std::nullopt, [&](const MeetingFacts& f) {
        m_meetingAt.emplace(std::string(f.id), m_meetings.size());
        m_meetings.push_back({intern(f.unit), f.heldAt.value_or(0), !f.deleted});
    });
    if (!s) return s;
    s = store.directiveFacts(std::nullopt, [&](const DirectiveFacts& f) {
        m_directiveAt.emplace(std::string(f.id), m_directives.size());
        m_directives.push_back({intern(f.unit), intern(f.status), dayKey(f.dueDate), !f.deleted});
    });
    if (!s) return s;
    s = store.reportBackFacts(std::nullopt, [&](const ReportBackFacts& f) {
        m_reportBackAt.emplace(std::string(f.id), m_reportBacks.size());
        m_reportBacks.push_back(reportBackOf(f));
    });
    if (!s) return s;
    m_built = true;
    return {};
}

Status OverviewIndex::reload(Store& store, const std::string& entity, const std::string& id) {
    if (entity == "petition") {
        Petition p;
        if (Status s = store.petitionFacts(id, [&](const PetitionFacts& f) { p = petitionOf(f); });
            !s)
            return s;
        auto it = m_petitionAt.find(id);
        if (it != m_petitionAt.end()) {
            m_petitions[it->second] = p;
        } else {
            m_petitionAt.emplace(id, m_petitions.size());
            m_petitionIds.push_back(id);
            m_petitions.push_back(p);
        }
    } else if (entity == "meeting") {
        Meeting m;
        if (Status s = store.meetingFacts(id, [&](const MeetingFacts& f) {
                m = {intern(f.unit), f.heldAt.value_or(0), !f.deleted};
            });
            !s)
            return s;
        auto it = m_meetingAt.find(id);
        if (it != m_meetingAt.end()) {
            m_meetings[it->second] = m;
        } else {
            m_meetingAt.emplace(id, m_meetings.size());
            m_meetings.push_back(m);
        }
    } else if (entity == "report_back") {
        ReportBack r;
        if (Status s = store.reportBackFacts(id, [&](const ReportBackFacts& f) { r = reportBackOf(f); });
            !s)
            return s;
        auto it = m_reportBackAt.find(id);
        if (it != m_reportBackAt.end()) {
            m_reportBacks[it->second] = r;
        } else {
            m_reportBackAt.emplace(id, m_reportBacks.size());
            m_reportBacks.push_back(r);
        }
    } else {
        Directive d;
        if (Status s = store.directiveFacts(id, [&](const DirectiveFacts& f) {
                d = {intern(f.unit), intern(f.status), dayKey(f.dueDate), !f.deleted};
            });
            !s)
            return s;
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
