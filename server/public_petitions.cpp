#include "public_petitions.h"

#include <map>

#include "nghedan/calendar.h"
#include "nghedan/clock.h"
#include "nghedan/policy.h"

namespace nghedan::server {
namespace {

/** A receipt code no petition has: '0' is not in kReceiptAlphabet. */
constexpr const char* kNoSuchCode = "KN-0000-0000-0000";

Result<PublicPetition> reduce(Store& store, PublicNames& names, const Json& row) {
    PublicPetition p;
    p.view = publicPetitionView(row);
    auto unit = names.of(store, "unit", textOf(row, "unit"));
    if (!unit) return unit.error();
    auto agency = names.of(store, "agency", textOf(row, "lead_agency"));
    if (!agency) return agency.error();
    p.unitName = std::move(*unit);
    p.agencyName = std::move(*agency);
    if (const auto it = row.find("updated_hlc"); it != row.end() && it->is_number_integer())
        p.updatedMs = hlcMillis(it->get<HlcTime>());
    return p;
}

}  // namespace

Result<std::string> PublicNames::of(Store& store, const std::string& entity,
                                    const std::string& id) {
    if (id.empty()) return std::string();
    if (const std::uint64_t cursor = store.lastCursor(); cursor != m_cursor) {
        m_names.clear();  // a rename may be among the new changes
        m_cursor = cursor;
    }
    auto key = std::make_pair(entity, id);
    if (auto it = m_names.find(key); it != m_names.end()) return it->second;
    auto record = store.get(entity, id);
    if (!record) return record.error();
    std::string name = *record ? textOf((*record)->values, "name") : std::string();
    // "Khu phố 5, Phường 4": a neighbourhood's name alone repeats in every ward.
    if (*record && entity == "unit" && textOf((*record)->values, "level") == "neighbourhood") {
        auto ward = of(store, "unit", textOf((*record)->values, "parent"));
        if (!ward) return ward.error();
        if (!ward->empty()) name += ", " + *ward;
    }
    if (m_names.size() >= kMaxNames) m_names.clear();
    m_names.emplace(std::move(key), name);
    return name;
}

Result<std::optional<PublicPetition>> findPublicPetition(Store& store, PublicNames& names,
                                                         std::string_view typed) {
    const std::optional<std::string> code = normaliseReceiptCode(typed);
    ListQuery q = publicPetitionsQuery(code ? *code : kNoSuchCode);
    q.limit = 2;
    auto page = store.list(q);
    if (!page) return page.error();
    // Two rows of one code would be a SHA-256 collision between record ids (public_view.h):
    // neither is shown rather than the wrong one.
    if (page->rows.size() != 1 || !isPublicPetition(page->rows.front()))
        return std::optional<PublicPetition>();
    const Json& row = page->rows.front();
    auto p = reduce(store, names, row);
    if (!p) return p.error();
    auto history = store.history("petition", textOf(row, "id"));
    if (!history) return history.error();
    p->steps = publicStatusSteps(*history);
    return std::optional<PublicPetition>(std::move(*p));
}

Result<PublicPage> listPublicPetitions(Store& store, PublicNames& names,
                                       const PublicFilter& filter) {
    ListQuery q = publicPetitionsQuery();
    if (!filter.codes.empty()) q.equals["receipt_code"] = filter.codes;
    if (!filter.categories.empty()) q.equals["category"] = filter.categories;
    if (!filter.statuses.empty()) q.equals["status"] = filter.statuses;
    q.unitRoot = filter.unitRoot;
    if (filter.from || filter.to) {
        q.timeField = "received_at";
        q.from = filter.from;
        q.to = filter.to;
    }
    q.sort = filter.sort;
    q.descending = true;
    q.offset = filter.offset;
    q.limit = filter.limit;
    auto page = store.list(q);
    if (!page) return page.error();
    PublicPage out;
    out.total = page->total;
    for (const Json& row : page->rows) {
        if (!isPublicPetition(row)) continue;  // the query's filter, checked by the rule itself
        auto p = reduce(store, names, row);
        if (!p) return p.error();
        out.items.push_back(std::move(*p));
    }
    return out;
}

Result<std::optional<std::string>> liveUnitName(Store& store, const std::string& unitId) {
    auto record = store.get("unit", unitId);
    if (!record) return record.error();
    if (!*record) return std::optional<std::string>();
    const Json& values = (*record)->values;
    if (const auto it = values.find("deleted"); it != values.end() && it->is_boolean() && *it)
        return std::optional<std::string>();
    return std::optional<std::string>(textOf(values, "name"));
}

std::string textOf(const Json& row, const char* field) {
    const auto it = row.find(field);
    return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string isoVietnamTime(std::int64_t ms) {
    const std::int64_t local = ms + kVietnamOffsetMs;
    std::int64_t inDay = local % kDayMs;
    if (inDay < 0) inDay += kDayMs;
    const std::int64_t seconds = inDay / 1000;
    char clock[16];
    std::snprintf(clock, sizeof clock, "T%02d:%02d:%02d", static_cast<int>(seconds / 3600),
                  static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
    return vietnamDate(ms) + clock + "+07:00";
}

std::string viDay(const std::string& isoDay) {
    if (!parseDay(isoDay)) return isoDay;
    return isoDay.substr(8, 2) + "/" + isoDay.substr(5, 2) + "/" + isoDay.substr(0, 4);
}

std::string viDay(std::int64_t ms) {
    return viDay(vietnamDate(ms));
}

}  // namespace nghedan::server
