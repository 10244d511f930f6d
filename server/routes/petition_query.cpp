// Lists of petitions without a text search, answered from the overview index:
// filtering and sorting 100,000 petitions in memory takes milliseconds, where the replica's
// list() sorts wide rows (seconds at that size). Rows are then read by id through
// Replica::list, so they are the same rows lists always show. Searches, other sorts and other
// entities are not answered here (read.cpp lists them from a snapshot of the replica).
#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "read_model.h"

namespace nghedan::server {

namespace {

/** Positions (in the index) of the petitions matching `q`, in its order; nullopt when the
 *  index cannot answer this query. */
std::optional<std::vector<std::size_t>> indexedPetitions(Context& ctx, const ListQuery& q) {
    static const std::set<std::string> kSorts = {"received_at", "due_date", "status", "category"};
    if (q.entity != "petition" || !q.search.empty() || q.includeDeleted || !kSorts.count(q.sort))
        return std::nullopt;
    for (const auto& [field, values] : q.equals)
        if (field != "status" && field != "category") return std::nullopt;
    if ((q.from || q.to) && q.timeField != "received_at") return std::nullopt;
    OverviewIndex& index = overviewIndex(ctx);
    if (!index.refresh(*ctx.store)) return std::nullopt;

    const std::size_t names = index.nameCount();
    std::vector<char> inUnit(names, 0);
    if (q.unitRoot.empty()) {
        std::fill(inUnit.begin(), inUnit.end(), 1);
    } else {
        auto subtree = ctx.store->unitSubtree(q.unitRoot);
        if (!subtree) return std::nullopt;
        for (const auto& u : *subtree)
            if (int i = index.find(u); i != OverviewIndex::kNone) inUnit[static_cast<std::size_t>(i)] = 1;
    }
    auto allowedOf = [&](const char* field) -> std::optional<std::vector<char>> {
        auto it = q.equals.find(field);
        if (it == q.equals.end() || it->second.empty()) return std::nullopt;
        std::vector<char> allowed(names, 0);
        for (const auto& v : it->second)
            if (int i = index.find(v); i != OverviewIndex::kNone) allowed[static_cast<std::size_t>(i)] = 1;
        return allowed;
    };
    const auto statusAllowed = allowedOf("status");
    const auto categoryAllowed = allowedOf("category");
    int agency = OverviewIndex::kNone;
    if (!q.agency.empty()) {
        agency = index.find(q.agency);
        if (agency == OverviewIndex::kNone) return std::vector<std::size_t>{};
    }
    const int todayKey = OverviewIndex::dayKey(q.today);
    std::vector<char> open(names, 0);
    for (std::size_t i = 0; i < names; ++i) open[i] = isOpenPetitionStatus(index.name(static_cast<int>(i)));

    const auto& ps = index.petitions();
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < ps.size(); ++i) {
        const auto& p = ps[i];
        if (!p.live || p.unit < 0 || !inUnit[static_cast<std::size_t>(p.unit)]) continue;
        auto allowed = [](const std::optional<std::vector<char>>& a, int v) {
            return !a || (v >= 0 && (*a)[static_cast<std::size_t>(v)]);
        };
        if (!allowed(statusAllowed, p.status) || !allowed(categoryAllowed, p.category)) continue;
        if (agency != OverviewIndex::kNone && p.agency != agency &&
            std::find(p.support.begin(), p.support.end(), agency) == p.support.end())
            continue;
        if (q.overdueOnly &&
            !isOverdueDay(p.status >= 0 && open[static_cast<std::size_t>(p.status)],
                          p.dueKey != 0, p.dueKey, todayKey))
            continue;
        if (q.from && p.receivedAt < *q.from) continue;
        if (q.to && p.receivedAt >= *q.to) continue;
        out.push_back(i);
    }
    // ORDER BY field (NULLs first ascending, last descending, as SQLite), then id: each
    // candidate gets an integer key (the rank of its name for status/category) once.
    const auto& ids = index.petitionIds();
    enum class By { Received, Due, Status, Category } by =
        q.sort == "received_at" ? By::Received : q.sort == "due_date" ? By::Due
        : q.sort == "status" ? By::Status : By::Category;
    std::vector<std::int64_t> rank(names, 0);
    if (by == By::Status || by == By::Category) {
        std::vector<int> order(names);
        for (std::size_t i = 0; i < names; ++i) order[i] = static_cast<int>(i);
        std::sort(order.begin(), order.end(), [&](int a, int b) { return index.name(a) < index.name(b); });
        for (std::size_t r = 0; r < names; ++r) rank[static_cast<std::size_t>(order[r])] = static_cast<std::int64_t>(r) + 1;
    }
    struct Keyed {
        std::int64_t key;
        std::size_t pos;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(out.size());
    for (std::size_t pos : out) {
        const auto& p = ps[pos];
        std::int64_t key = 0;
        switch (by) {
        case By::Received: key = p.receivedAt; break;
        case By::Due: key = p.dueKey; break;  // 0 (none) sorts first, like NULL
        case By::Status: key = p.status < 0 ? 0 : rank[static_cast<std::size_t>(p.status)]; break;
        case By::Category: key = p.category < 0 ? 0 : rank[static_cast<std::size_t>(p.category)]; break;
        }
        keyed.push_back({key, pos});
    }
    const bool desc = q.descending;
    std::sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
        if (a.key != b.key) return desc ? a.key > b.key : a.key < b.key;
        return ids[a.pos] < ids[b.pos];
    });
    for (std::size_t i = 0; i < keyed.size(); ++i) out[i] = keyed[i].pos;
    return out;
}

/** The rows of these petitions (in this order) as Replica::list gives them, read by primary
 *  key. The ids come from the index already limited to the scope; the unit is checked again
 *  here rather than in the query, because with a unit condition SQLite may prefer the unit
 *  index to the primary key and scan every petition of the scope for each chunk. */
Result<std::vector<Json>> rowsOf(Context& ctx, const ListQuery& q, const std::vector<std::string>& ids) {
    constexpr std::size_t kChunk = 200;
    std::unordered_set<std::string> units;
    if (!q.unitRoot.empty()) {
        auto subtree = ctx.store->unitSubtree(q.unitRoot);
        if (!subtree) return subtree.error();
        units.insert(subtree->begin(), subtree->end());
    }
    std::vector<Json> out;
    out.reserve(ids.size());
    for (std::size_t at = 0; at < ids.size(); at += kChunk) {
        const std::size_t end = std::min(ids.size(), at + kChunk);
        ListQuery byId;
        byId.entity = "petition";
        byId.today = q.today;
        byId.equals["id"] = std::vector<std::string>(ids.begin() + static_cast<long>(at),
                                                     ids.begin() + static_cast<long>(end));
        byId.sort = "id";
        byId.limit = 1000;
        auto page = ctx.store->list(byId);
        if (!page) return page.error();
        std::unordered_map<std::string, Json*> byKey;
        for (auto& row : page->rows) {
            const Json unit = row.value("unit", Json());
            if (!units.empty() && !(unit.is_string() && units.count(unit.get<std::string>()))) continue;
            byKey[row.value("id", "")] = &row;
        }
        for (std::size_t k = at; k < end; ++k) {
            auto it = byKey.find(ids[k]);
            if (it != byKey.end()) out.push_back(std::move(*it->second));
        }
    }
    return out;
}

}  // namespace

std::optional<Result<Page>> indexedPage(Context& ctx, const ListQuery& q) {
    auto positions = indexedPetitions(ctx, q);
    if (!positions) return std::nullopt;
    Page page;
    page.total = static_cast<std::int64_t>(positions->size());
    std::vector<std::string> ids;
    const auto& all = overviewIndex(ctx).petitionIds();
    for (std::size_t i = static_cast<std::size_t>(q.offset);
         i < positions->size() && ids.size() < static_cast<std::size_t>(q.limit); ++i)
        ids.push_back(all[(*positions)[i]]);
    auto rows = rowsOf(ctx, q, ids);
    if (!rows) return Result<Page>(rows.error());
    page.rows = std::move(*rows);
    return Result<Page>(std::move(page));
}

}  // namespace nghedan::server
