#pragma once
// A compact in-memory copy of what the overview counts: for every petition, meeting and
// directive its unit, category, status, agency, dates — a few dozen bytes each, so the
// overview of 100,000 petitions is a loop over memory instead of a scan of wide SQLite rows.
// It follows the replica's change log: each refresh re-reads only the records changed since
// the last one (from the materialised tables, so it always agrees with them) and rebuilds
// from scratch when far behind or on first use.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "../store.h"

namespace nghedan::server {

/** Used only while holding ctx.mutex (like the store it reads). */
class OverviewIndex {
public:
    static constexpr int kNone = -1;

    struct Petition {
        int unit = kNone, category = kNone, status = kNone, agency = kNone;
        std::int64_t receivedAt = 0;
        std::int64_t resolvedAt = -1;  ///< -1: none
        int dueKey = 0;                ///< YYYYMMDD of due_date as written (0: none)
        bool live = false;             ///< exists and is not deleted
        std::vector<int> support;      ///< supporting agencies
    };
    struct Meeting {
        int unit = kNone;
        std::int64_t heldAt = 0;
        bool live = false;
    };
    struct Directive {
        int unit = kNone, status = kNone;
        int dueKey = 0;
        bool live = false;
    };
    /** Residents' verdict on a petition's answer at a report-back. */
    struct ReportBack {
        int unit = kNone;
        std::string petition;  ///< its petition's id (the agency is the petition's)
        bool satisfied = false;
        std::int64_t recordedAt = 0;
        bool live = false;
    };

    /** Brings the index up to the store's newest change. */
    Status refresh(Store& store);

    /** The index of an interned string, or kNone when it was never seen. */
    int find(const std::string& s) const {
        auto it = m_nameIndex.find(s);
        return it == m_nameIndex.end() ? kNone : it->second;
    }

    /** Interned strings (units, categories, statuses, agencies share one table). */
    const std::string& name(int index) const { return m_names[static_cast<std::size_t>(index)]; }
    std::size_t nameCount() const { return m_names.size(); }

    const std::vector<Petition>& petitions() const { return m_petitions; }
    const std::vector<std::string>& petitionIds() const { return m_petitionIds; }
    const std::vector<Meeting>& meetings() const { return m_meetings; }
    const std::vector<Directive>& directives() const { return m_directives; }
    const std::vector<ReportBack>& reportBacks() const { return m_reportBacks; }
    /** The petition of an id, or nullptr when the index has none. */
    const Petition* petition(const std::string& id) const {
        auto it = m_petitionAt.find(id);
        return it == m_petitionAt.end() ? nullptr : &m_petitions[it->second];
    }

    /** YYYYMMDD of a "YYYY-MM-DD" text (0 when not of that shape). Orders like the text. */
    static int dayKey(std::string_view text);

private:
    int intern(std::string_view s);
    std::vector<int> internList(std::string_view jsonText);
    Status rebuild(Store& store);
    Status reload(Store& store, const std::string& entity, const std::string& id);
    Petition petitionOf(const PetitionFacts& f);
    ReportBack reportBackOf(const ReportBackFacts& f);

    std::vector<std::string> m_names;
    std::unordered_map<std::string, int> m_nameIndex;
    std::vector<Petition> m_petitions;
    std::vector<std::string> m_petitionIds;
    std::unordered_map<std::string, std::size_t> m_petitionAt;
    std::vector<Meeting> m_meetings;
    std::unordered_map<std::string, std::size_t> m_meetingAt;
    std::vector<Directive> m_directives;
    std::unordered_map<std::string, std::size_t> m_directiveAt;
    std::vector<ReportBack> m_reportBacks;
    std::unordered_map<std::string, std::size_t> m_reportBackAt;
    std::uint64_t m_cursor = 0;
    std::string m_site;  ///< the store (its site) the index was built from
    bool m_built = false;
};

}  // namespace nghedan::server
