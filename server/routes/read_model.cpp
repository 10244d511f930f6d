#include "read_model.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <mutex>

#include "nghedan/policy.h"

namespace nghedan::server {

std::string vietnamToday(Store& store) { return vietnamDate(store.clock().wallMillis()); }

// ---- directory and scopes ------------------------------------------------------------

namespace {

struct ContextCache {
    std::string site;  ///< the replica the cache was built from
    Directory directory;
    std::map<std::string, Scope> scopes;  // scope root -> scope
    std::uint64_t scopeVersion = ~0ULL;
    OverviewIndex overview;
};

/** The cache of a context's replica (found under a process-wide lock; used under ctx.mutex).
 *  A new replica (another database at the same address, as in tests) starts a fresh cache. */
ContextCache& cacheOf(Context& ctx) {
    static std::mutex mapMutex;
    static std::map<const Context*, ContextCache> caches;
    std::lock_guard lock(mapMutex);
    ContextCache& cache = caches[&ctx];
    if (cache.site != ctx.store->siteId()) {
        cache = ContextCache{};
        cache.site = ctx.store->siteId();
    }
    return cache;
}

}  // namespace

std::string Directory::unitName(const std::string& id) const {
    auto it = units.find(id);
    return it == units.end() ? std::string() : it->second.name;
}

std::string Directory::agencyName(const std::string& id) const {
    auto it = agencies.find(id);
    return it == agencies.end() ? std::string() : it->second.name;
}

std::string Directory::unitPath(const std::string& id) const {
    std::string out;
    for (const UnitInfo* u : lineage(id)) {
        if (u->parent.empty() && u->id != id) break;  // the tree's root (the city) is implied
        out += (out.empty() ? "" : " — ") + u->name;
    }
    return out;
}

std::vector<const UnitInfo*> Directory::lineage(const std::string& id) const {
    std::vector<const UnitInfo*> out;
    std::string cur = id;
    while (!cur.empty() && out.size() < 16) {
        auto it = units.find(cur);
        if (it == units.end()) break;
        out.push_back(&it->second);
        cur = it->second.parent;
    }
    return out;
}

Json lineageJson(const Directory& dir, const std::string& unit) {
    Json out = Json::array();
    for (const UnitInfo* u : dir.lineage(unit))
        out.push_back({{"id", u->id}, {"name", u->name}, {"level", u->level}});
    return out;
}

std::vector<std::string> Directory::lineageLevels(const std::string& id) const {
    std::vector<std::string> out;
    for (const UnitInfo* u : lineage(id)) out.push_back(u->level);
    return out;
}

const Directory& directory(Context& ctx) {
    ContextCache& cache = cacheOf(ctx);
    const std::uint64_t version = ctx.store->lastCursor();
    if (cache.directory.version == version) return cache.directory;
    Directory dir;
    dir.version = version;
    if (auto units = ctx.store->liveUnits(); units)
        for (UnitEntry& u : *units) dir.units[u.id] = {u.id, u.parent, u.level, u.code, u.name};
    if (auto agencies = ctx.store->liveAgencies(); agencies)
        for (AgencyEntry& a : *agencies) dir.agencies[a.id] = {a.id, a.unit, a.level, a.name};
    cache.directory = std::move(dir);
    return cache.directory;
}

Result<const Scope*> scopeOf(Context& ctx, const User& user) {
    ContextCache& cache = cacheOf(ctx);
    const std::uint64_t version = ctx.store->lastCursor();
    if (cache.scopeVersion != version) {
        cache.scopes.clear();
        cache.scopeVersion = version;
    }
    auto it = cache.scopes.find(user.scopeUnit);
    if (it != cache.scopes.end()) return &it->second;
    auto subtree = ctx.store->unitSubtree(user.scopeUnit);
    if (!subtree) return subtree.error();
    if (subtree->empty()) return Error{"scope_unknown", "The user's scope unit does not exist"};
    Scope scope;
    scope.root = user.scopeUnit;
    Json ids = Json::array();
    for (const auto& id : *subtree) {
        scope.units.insert(id);
        ids.push_back(id);
    }
    scope.unitsJson = ids.dump();
    const Directory& dir = directory(ctx);
    std::size_t known = 0;
    for (const auto& [id, unit] : dir.units)
        if (scope.units.count(id)) ++known;
    scope.all = known == dir.units.size();
    return &cache.scopes.emplace(user.scopeUnit, std::move(scope)).first->second;
}

OverviewIndex& overviewIndex(Context& ctx) { return cacheOf(ctx).overview; }

// ---- parameters ----------------------------------------------------------------------

Params::Params(const httplib::Request& req, std::set<std::string> allowed)
    : m_req(req), m_allowed(std::move(allowed)) {
    for (const auto& [name, value] : req.params) {
        if (!m_allowed.count(name)) {
            fail("Unknown parameter \"" + name + "\"");
            break;
        }
        if (req.get_param_value_count(name) > 1) {
            fail("Parameter \"" + name + "\" is given more than once");
            break;
        }
    }
}

std::string Params::text(const std::string& name) {
    return m_req.has_param(name) ? m_req.get_param_value(name) : std::string();
}

std::vector<std::string> Params::list(const std::string& name,
                                      const std::vector<std::string>& allowed) {
    std::vector<std::string> out;
    const std::string value = text(name);
    std::size_t start = 0;
    while (start <= value.size() && !value.empty()) {
        std::size_t comma = value.find(',', start);
        if (comma == std::string::npos) comma = value.size();
        std::string item = value.substr(start, comma - start);
        if (!item.empty()) {
            if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), item) == allowed.end()) {
                fail("Parameter \"" + name + "\" has an unknown value \"" + item + "\"");
                return {};
            }
            out.push_back(item);
        }
        start = comma + 1;
    }
    return out;
}

std::optional<std::int64_t> Params::integer(const std::string& name, std::int64_t min,
                                            std::int64_t max,
                                            std::optional<std::int64_t> fallback) {
    const std::string value = text(name);
    if (value.empty()) return fallback;
    std::int64_t v = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || ptr != value.data() + value.size() || v < min || v > max) {
        fail("Parameter \"" + name + "\" must be an integer from " + std::to_string(min) + " to " +
             std::to_string(max));
        return fallback;
    }
    return v;
}

bool Params::flag(const std::string& name) {
    const std::string value = text(name);
    if (value.empty() || value == "0" || value == "false") return false;
    if (value == "1" || value == "true") return true;
    fail("Parameter \"" + name + "\" must be 1, 0, true or false");
    return false;
}

std::optional<std::int64_t> Params::day(const std::string& name) {
    const std::string value = text(name);
    if (value.empty()) return std::nullopt;
    auto d = parseDay(value);
    if (!d) fail("Parameter \"" + name + "\" must be a date YYYY-MM-DD");
    return d;
}

void Params::fail(const std::string& message) {
    if (m_error.empty()) m_error = message;
}

bool Params::reply(httplib::Response& res) const {
    sendError(res, 400, "invalid_parameter", m_error);
    return false;
}

std::optional<Period> readPeriod(Params& params, const std::string& today, bool required) {
    auto from = params.day("from");
    auto to = params.day("to");
    if (!params.ok()) return std::nullopt;
    if (!required && !from && !to) return std::nullopt;
    Period p;
    p.toDay = to ? *to : *parseDay(today);
    if (from) {
        p.fromDay = *from;
    } else {
        p.fromDay = *parseDay(formatDay(p.toDay).substr(0, 4) + "-01-01");
    }
    if (p.fromDay > p.toDay) {
        params.fail("Parameter \"from\" is after \"to\"");
        return std::nullopt;
    }
    if (p.toDay - p.fromDay > 366 * 20) {
        params.fail("The period is longer than 20 years");
        return std::nullopt;
    }
    p.fromMs = p.fromDay * kDayMs - kVietnamOffsetMs;
    p.toMs = (p.toDay + 1) * kDayMs - kVietnamOffsetMs;
    return p;
}

// ---- list requests -----------------------------------------------------------------

namespace {

const EntityDef& entityDef(const std::string& name) { return *findEntity(name); }

std::vector<std::string> enumValuesOf(const std::string& entity, const std::string& field) {
    const EntityDef* def = findEntity(entity);
    const FieldDef* f = def ? def->field(field) : nullptr;
    return f ? f->enumValues : std::vector<std::string>{};
}

/** Fields a list may be sorted by, per entity. */
std::vector<std::string> sortableFields(const std::string& entity) {
    std::vector<std::string> out = {"updated_hlc", "created_hlc", "conflicts"};
    for (const auto& f : entityDef(entity).fields) {
        if (f.type == FieldType::RefList || f.type == FieldType::People || f.name == "deleted" ||
            f.personal)
            continue;
        if (f.type == FieldType::Text && f.maxLength > 400) continue;  // long text
        out.push_back(f.name);
    }
    return out;
}

std::string timeFieldOf(const std::string& entity) {
    if (entity == "petition") return "received_at";
    if (entity == "meeting") return "held_at";
    return "";  // directives: period filters on due_date is not a time field; none
}

}  // namespace

std::optional<ListRequest> readListRequest(Context& ctx, const User& user, const Scope& scope,
                                           const std::string& entity,
                                           const httplib::Request& req, httplib::Response& res,
                                           int maxLimit,
                                           const std::set<std::string>& extraParams) {
    std::set<std::string> allowed = {"unit", "q", "sort", "order", "offset", "limit", "from", "to",
                                     "lang", "reason"};
    allowed.insert(extraParams.begin(), extraParams.end());
    if (entity == "petition") allowed.insert({"status", "category", "agency", "overdue", "meeting"});
    if (entity == "meeting") allowed.insert({"status"});
    if (entity == "directive") allowed.insert({"status", "agency", "overdue", "meeting", "petition"});
    Params params(req, allowed);
    ListRequest out;
    ListQuery& q = out.query;
    q.entity = entity;
    q.today = vietnamToday(*ctx.store);
    if (params.ok()) {
        if (allowed.count("status")) {
            auto v = params.list("status", enumValuesOf(entity, "status"));
            if (!v.empty()) q.equals["status"] = v;
        }
        if (entity == "petition") {
            auto v = params.list("category", enumValuesOf(entity, "category"));
            if (!v.empty()) q.equals["category"] = v;
        }
        for (const char* ref : {"meeting", "petition"}) {
            if (!allowed.count(ref)) continue;
            std::string v = params.text(ref);
            if (!v.empty()) q.equals[ref] = {v};
        }
        if (allowed.count("agency")) {
            q.agency = params.text("agency");
            if (!q.agency.empty() && !directory(ctx).agencies.count(q.agency))
                params.fail("Parameter \"agency\" names no known agency");
        }
        if (allowed.count("overdue")) q.overdueOnly = params.flag("overdue");
        q.search = params.text("q");
        if (q.search.size() > 200) params.fail("Parameter \"q\" is longer than 200 characters");
        // A search never matches on what the caller may not see (a name probed by an admin).
        q.searchPersonal = visiblePersonalFields(user.role, entity);
        const std::string sort = params.text("sort");
        if (!sort.empty()) {
            auto fields = sortableFields(entity);
            if (std::find(fields.begin(), fields.end(), sort) == fields.end())
                params.fail("Parameter \"sort\" cannot sort by \"" + sort + "\"");
            q.sort = sort;
        } else {
            q.sort = entity == "petition" ? "received_at"
                     : entity == "meeting" ? "held_at"
                                           : "due_date";
        }
        const std::string order = params.text("order");
        if (order.empty()) {
            q.descending = entity != "directive";
        } else if (order == "asc" || order == "desc") {
            q.descending = order == "desc";
        } else {
            params.fail("Parameter \"order\" must be asc or desc");
        }
        q.offset = static_cast<int>(params.integer("offset", 0, 10'000'000, 0).value_or(0));
        q.limit = static_cast<int>(params.integer("limit", 1, maxLimit, 50).value_or(50));
        const std::string lang = params.text("lang");
        if (!lang.empty() && lang != "vi" && lang != "en")
            params.fail("Parameter \"lang\" must be vi or en");
        if (params.ok()) {
            const std::string timeField = timeFieldOf(entity);
            auto period = readPeriod(params, q.today, false);
            if (period && timeField.empty()) {
                params.fail("Parameters \"from\"/\"to\" do not apply to this list");
            } else if (period) {
                q.timeField = timeField;
                q.from = period->fromMs;
                q.to = period->toMs;  // exclusive
            }
        }
        out.unitFilter = params.text("unit");
    }
    if (!params.ok()) {
        params.reply(res);
        return std::nullopt;
    }
    if (!out.unitFilter.empty()) {
        if (!scope.contains(out.unitFilter)) {
            sendError(res, 404, "not_found", "No such unit in your scope");
            return std::nullopt;
        }
        q.unitRoot = out.unitFilter;
    } else {
        q.unitRoot = scope.root;
    }
    (void)user;
    return out;
}

// ---- rows ----------------------------------------------------------------------------

const std::vector<std::string>& personalFields(const std::string& entity) {
    static std::map<std::string, std::vector<std::string>> byEntity = [] {
        std::map<std::string, std::vector<std::string>> m;
        for (const auto& e : entities())
            for (const auto& f : e.fields)
                if (f.personal) m[e.name].push_back(f.name);
        return m;
    }();
    static const std::vector<std::string> none;
    auto it = byEntity.find(entity);
    return it == byEntity.end() ? none : it->second;
}

bool hasPersonalValue(const std::string& entity, const Json& row) {
    for (const auto& f : personalFields(entity)) {
        auto it = row.find(f);
        if (it != row.end() && !it->is_null() && !(it->is_string() && it->get<std::string>().empty()))
            return true;
    }
    return false;
}

std::vector<RecordRef> recordsWithPersonal(const std::string& entity,
                                           const std::vector<Json>& rows) {
    std::vector<RecordRef> out;
    for (const Json& row : rows)
        if (hasPersonalValue(entity, row)) out.push_back({entity, row.value("id", "")});
    return out;
}

Json withoutPersonal(const std::string& entity, Json row) {
    for (const auto& f : personalFields(entity)) row.erase(f);
    return row;
}

Json shapeRow(Context& ctx, const User& user, const std::string& entity, Json row) {
    return shapeRow(directory(ctx), user, entity, std::move(row));
}

Json shapeRow(const Directory& dir, const User& user, const std::string& entity, Json row) {
    const EntityDef* def = findEntity(entity);
    if (def) {
        for (const auto& f : def->fields) {
            if (f.type != FieldType::RefList && f.type != FieldType::People) continue;
            auto it = row.find(f.name);
            if (it != row.end() && it->is_string()) {
                Json parsed = Json::parse(it->get<std::string>(), nullptr, false);
                *it = parsed.is_discarded() ? Json::array() : parsed;
            }
        }
    }
    for (const auto& f : personalFields(entity))
        if (!maySeePersonalField(user.role, f)) row.erase(f);
    if (row.contains("unit") && row["unit"].is_string()) {
        const std::string unit = row["unit"];
        row["unitName"] = dir.unitName(unit);
        // The ward (or the nearest unit above a neighbourhood), for lists and minutes.
        auto lineage = dir.lineage(unit);
        if (lineage.size() >= 2) row["parentUnitName"] = lineage[1]->name;
    }
    for (const char* field : {"lead_agency", "agency"}) {
        if (row.contains(field) && row[field].is_string()) {
            const std::string key = std::string(field) == "agency" ? "agencyName" : "leadAgencyName";
            row[key] = dir.agencyName(row[field]);
        }
    }
    if (row.contains("support_agencies") && row["support_agencies"].is_array()) {
        Json names = Json::array();
        for (const auto& a : row["support_agencies"])
            if (a.is_string()) names.push_back(dir.agencyName(a));
        row["supportAgencyNames"] = names;
    }
    if (row.contains("overdue") && !row["overdue"].is_boolean())
        row["overdue"] = row["overdue"].is_number() && row["overdue"].get<double>() != 0;
    return row;
}

std::optional<RecordView> visibleRecord(Context& ctx, const User& user, const std::string& entity,
                                        const std::string& id, httplib::Response& res) {
    auto scope = scopeOf(ctx, user);
    if (!scope) {
        sendError(res, 403, "scope_unknown", scope.error().message);
        return std::nullopt;
    }
    auto rec = ctx.store->get(entity, id);
    if (!rec) {
        sendError(res, 500, "internal", rec.error().message);
        return std::nullopt;
    }
    if (!rec->has_value() || !(*scope)->contains((*rec)->values.value("unit", std::string())) ||
        (*rec)->values.value("deleted", Json(false)) == true) {
        sendError(res, 404, "not_found", "No such " + entity + " in your scope");
        return std::nullopt;
    }
    return std::move(**rec);
}

Result<std::vector<Json>> listAll(Store& replica, ListQuery query, std::size_t cap) {
    std::vector<Json> out;
    query.offset = 0;
    query.limit = 1000;
    while (out.size() < cap) {
        auto page = replica.list(query);
        if (!page) return page.error();
        for (auto& row : page->rows) out.push_back(std::move(row));
        if (page->rows.size() < static_cast<std::size_t>(query.limit)) break;
        query.offset += query.limit;
    }
    if (out.size() > cap) out.resize(cap);
    return out;
}

// ---- labels ----------------------------------------------------------------------------

}  // namespace nghedan::server
