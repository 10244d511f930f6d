#pragma once
// What the read API, the exports and the supervisor writes share: the reader's scope, the
// names of units and agencies, query-parameter parsing, period arithmetic (Vietnam time) and
// the shaping of materialised rows for people (names added, personal data removed).
// Everything here runs while the caller holds ctx.mutex.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <httplib.h>

#include "../context.h"
#include "overview_index.h"
#include "nghedan/calendar.h"
#include "nghedan/labels.h"
#include "nghedan/policy.h"
#include "nghedan/replica.h"

namespace nghedan::server {

/** Today's date in Vietnam by the replica's (server-corrected) clock. */
std::string vietnamToday(Store& replica);

struct UnitInfo {
    std::string id, parent, level, code, name;
};
struct AgencyInfo {
    std::string id, unit, level, name;
};

/** Units and agencies by id (reference data, small), reloaded when the replica changes. */
struct Directory {
    std::unordered_map<std::string, UnitInfo> units;
    std::unordered_map<std::string, AgencyInfo> agencies;
    std::uint64_t version = ~0ULL;

    std::string unitName(const std::string& id) const;
    std::string agencyName(const std::string& id) const;
    /** "Khu phố 1 — Phường 4 — Quận 3": the unit and its ancestors, nearest first, without
     *  the tree's root (the city) unless the unit is the root. Empty when unknown. */
    std::string unitPath(const std::string& id) const;
    /** The unit and its ancestors, nearest first. */
    std::vector<const UnitInfo*> lineage(const std::string& id) const;
    /** The levels of the unit and its ancestors, nearest first (for escalationTargets). */
    std::vector<std::string> lineageLevels(const std::string& id) const;
};

/** The unit and its ancestors, nearest first, as [{id, name, level}] (the headers of printed
 *  documents name the ward and the body above it). */
Json lineageJson(const Directory& dir, const std::string& unit);

/** The units a user reads: their scope unit's subtree. */
struct Scope {
    std::string root;
    std::unordered_set<std::string> units;
    /** JSON array text of the unit ids, for `IN (SELECT value FROM json_each(?))`. */
    std::string unitsJson;
    bool all = false;  ///< the scope is the whole tree (no unit condition needed)
    bool contains(const std::string& unit) const { return units.count(unit) > 0; }
};

/** Per-context cache of the directory and of scopes; valid while the replica is unchanged. */
const Directory& directory(Context& ctx);
/** The scope of a user, or an Error when the scope unit is unknown. */
Result<const Scope*> scopeOf(Context& ctx, const User& user);

/** The context's overview index (not refreshed: call refresh()). */
OverviewIndex& overviewIndex(Context& ctx);

/** Reads query parameters, remembering errors; unknown parameters are an error too. */
class Params {
public:
    Params(const httplib::Request& req, std::set<std::string> allowed);
    /** The value or empty; `name` must be among the allowed ones. */
    std::string text(const std::string& name);
    /** Comma-separated values, each checked against `allowed` when it is not empty. */
    std::vector<std::string> list(const std::string& name,
                                  const std::vector<std::string>& allowed = {});
    std::optional<std::int64_t> integer(const std::string& name, std::int64_t min,
                                        std::int64_t max, std::optional<std::int64_t> fallback);
    /** "1"/"true"/"0"/"false"/absent (false). */
    bool flag(const std::string& name);
    /** A YYYY-MM-DD day (days since epoch) or nullopt when absent. */
    std::optional<std::int64_t> day(const std::string& name);
    void fail(const std::string& message);
    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }
    /** Writes the 400 invalid_parameter error; returns false so callers can `return`. */
    bool reply(httplib::Response& res) const;

private:
    const httplib::Request& m_req;
    std::set<std::string> m_allowed;
    std::string m_error;
};

/** A period of whole Vietnam days [fromDay, toDay] as UTC milliseconds [fromMs, toMs). */
struct Period {
    std::int64_t fromDay = 0, toDay = 0;
    std::int64_t fromMs = 0, toMs = 0;
};
/** `from`/`to` parameters; defaults: `to` today, `from` 1 January of `to`'s year. */
std::optional<Period> readPeriod(Params& params, const std::string& today, bool required);

/** Parsed filters of a list of petitions, meetings or directives (also used by exports). */
struct ListRequest {
    ListQuery query;
    std::string unitFilter;
};

/** Builds the Replica query of a list endpoint from the request. `entity` is petition, meeting
 *  or directive; on a bad parameter writes 400 and returns nullopt; on a unit outside the scope
 *  writes 404 and returns nullopt. `maxLimit` bounds `limit` (exports pass a larger one);
 *  `extraParams` are further parameters the caller reads itself ("reason" is always allowed). */
std::optional<ListRequest> readListRequest(Context& ctx, const User& user, const Scope& scope,
                                           const std::string& entity,
                                           const httplib::Request& req, httplib::Response& res,
                                           int maxLimit,
                                           const std::set<std::string>& extraParams = {});

/** A materialised row made fit for the reader: list fields parsed, names of the unit and
 *  agencies added ("unitName", "leadAgencyName", "agencyName", "wardName"), personal fields
 *  removed unless the role allows them. */
Json shapeRow(Context& ctx, const User& user, const std::string& entity, Json row);
/** shapeRow with the names from `dir` (a copy of the directory, for work outside the lock). */
Json shapeRow(const Directory& dir, const User& user, const std::string& entity, Json row);

/** The names of personal fields of an entity (from the schema). */
const std::vector<std::string>& personalFields(const std::string& entity);

/** Whether a shaped row holds a value (not null, not "") in a personal field. */
bool hasPersonalValue(const std::string& entity, const Json& row);
/** The records among shaped rows of `entity` that hold a personal value (for the access log). */
std::vector<RecordRef> recordsWithPersonal(const std::string& entity, const std::vector<Json>& rows);
/** The row without its personal fields (a printout for the notice board, a default export). */
Json withoutPersonal(const std::string& entity, Json row);

/** A record of `entity` visible to the user, or nullopt (then 404 was written). */
std::optional<RecordView> visibleRecord(Context& ctx, const User& user, const std::string& entity,
                                        const std::string& id, httplib::Response& res);

/** One page of a list query and its total from the overview index (routes/petition_query.cpp),
 *  as Replica::list would give it; nullopt when the index does not answer this query (searches,
 *  other sorts and filters, other entities). */
std::optional<Result<Page>> indexedPage(Context& ctx, const ListQuery& query);

/** Lists all rows of a query page by page (limit 1000 per call) up to `cap` rows. */
Result<std::vector<Json>> listAll(Store& replica, ListQuery query, std::size_t cap);

using GuardedHandler =
    std::function<void(const httplib::Request&, httplib::Response&, const User&)>;
/** Authenticates the request (outside the lock: auth keeps its own state), then runs `f`
 *  under ctx.mutex with the user. */
httplib::Server::Handler guarded(Context& ctx, GuardedHandler f);

using GuardedWriteHandler = std::function<void(const httplib::Request&, httplib::Response&,
                                               const User&, const Json& body)>;
/** A dashboard write route: authenticates from the headers first — a request without a valid
 *  session is answered, and its connection closed, before a byte of its body is read — then
 *  reads the JSON body up to `maxBytes` (raw, chunked or inflated, stopped while reading) and
 *  runs `f` under ctx.mutex with the user and the body. */
httplib::Server::HandlerWithContentReader guardedWrite(Context& ctx,
                                                       GuardedWriteHandler f);

/** Supervisor write routes: petition handling fields, directives, updates (routes/supervise.cpp). */
void registerSuperviseRoutes(httplib::Server& server, Context& ctx);
/** GET /api/v1/results-notice (results_notice.cpp). */
void registerNoticeRoutes(httplib::Server& server, Context& ctx);
/** A person's data requests: find, copy, erase (routes/privacy.cpp; admins). */
void registerPrivacyRoutes(httplib::Server& server, Context& ctx);
/** CSV/XLSX exports of filtered lists (routes/exports.cpp). */
void registerExportRoutes(httplib::Server& server, Context& ctx);

}  // namespace nghedan::server
