// The dashboard's read API: overview, lists and records of the user's scope (see API.md).
#include <algorithm>
#include <cmath>
#include <mutex>

#include "../http_util.h"
#include "../users.h"
#include "nghedan/policy.h"
#include "access_log.h"
#include "attachments_web.h"
#include "read_model.h"

namespace nghedan::server {

namespace {

Json pageJson(std::vector<Json> rows, std::int64_t total, int offset, int limit) {
    return {{"rows", std::move(rows)}, {"total", total}, {"offset", offset}, {"limit", limit}};
}


Json versionJson(const VersionView& v, const User& user, const std::string& entity,
                 const std::string& serverSite) {
    const auto& personal = personalFields(entity);
    const bool hidden = !maySeePersonalField(user.role, v.field) &&
                        std::find(personal.begin(), personal.end(), v.field) != personal.end();
    return {{"field", v.field},
            {"value", hidden ? Json() : v.value},
            {"hidden", hidden},
            {"site", v.dot.site},
            {"seq", v.dot.seq},
            {"author", v.author},
            {"at", hlcMillis(v.hlc)},
            {"current", v.current},
            {"fromServer", v.dot.site == serverSite},
            {"proven", v.proven}};
}

Json conflictsJson(const RecordView& rec, const User& user, const std::string& serverSite) {
    Json out = Json::object();
    for (const auto& [field, versions] : rec.conflicts) {
        Json list = Json::array();
        for (const auto& v : versions)
            list.push_back(versionJson(v, user, rec.entity, serverSite));
        out[field] = list;
    }
    return out;
}

/** Rows of `entity` whose `field` equals `id`, in the scope, oldest first. */
std::vector<Json> relatedRows(Context& ctx, const User& user, const Scope& scope,
                              const std::string& entity, const std::string& field,
                              const std::string& id) {
    ListQuery q;
    q.entity = entity;
    q.equals[field] = {id};
    q.unitRoot = scope.root;
    q.today = vietnamToday(*ctx.store);
    q.sort = "created_hlc";
    q.descending = false;
    auto rows = listAll(*ctx.store, q, 5000);
    std::vector<Json> out;
    if (!rows) return out;
    for (auto& r : *rows) out.push_back(shapeRow(ctx, user, entity, std::move(r)));
    return out;
}

// ---- overview ------------------------------------------------------------------------

struct Tally {
    std::int64_t received = 0, resolved = 0, open = 0, overdue = 0, meetings = 0;
    std::int64_t satisfied = 0, unsatisfied = 0;  ///< residents' verdicts at report-backs
    Json json() const {
        return {{"received", received}, {"resolved", resolved},   {"open", open},
                {"overdue", overdue},   {"meetings", meetings},   {"satisfied", satisfied},
                {"unsatisfied", unsatisfied}};
    }
    void verdict(bool isSatisfied) { ++(isSatisfied ? satisfied : unsatisfied); }
};

void overview(Context& ctx, const httplib::Request& req, httplib::Response& res, const User& user) {
    auto scopeResult = scopeOf(ctx, user);
    if (!scopeResult) return sendError(res, 403, "scope_unknown", scopeResult.error().message);
    const Scope& scope = **scopeResult;
    Params params(req, {"from", "to", "unit", "limit"});
    const std::string today = vietnamToday(*ctx.store);
    auto period = readPeriod(params, today, true);
    const int oldestLimit = static_cast<int>(params.integer("limit", 1, 100, 10).value_or(10));
    const std::string unitFilter = params.text("unit");
    if (!params.ok() || !period) return (void)params.reply(res);
    if (period->toDay - period->fromDay > 366 * 5) {
        params.fail("The overview period is longer than 5 years");
        return (void)params.reply(res);
    }
    if (!unitFilter.empty() && !scope.contains(unitFilter))
        return sendError(res, 404, "not_found", "No such unit in your scope");
    const std::string root = unitFilter.empty() ? scope.root : unitFilter;
    std::unordered_set<std::string> subtree;
    if (!unitFilter.empty()) {
        auto sub = ctx.store->unitSubtree(unitFilter);
        if (!sub) return sendError(res, 500, "internal", sub.error().message);
        subtree.insert(sub->begin(), sub->end());
    }
    const std::unordered_set<std::string>& units = unitFilter.empty() ? scope.units : subtree;
    const Directory& dir = directory(ctx);
    OverviewIndex& index = overviewIndex(ctx);
    if (Status s = index.refresh(*ctx.store); !s) return sendError(res, 500, "internal", s.error().message);

    // Per interned name: the group (child of the root) of a unit in the subtree, and the
    // meaning of a status. Names are few (units, categories, statuses, agencies).
    const std::size_t names = index.nameCount();
    std::vector<int> groupOf(names, -1);  // index into `groups`, -1: not in the subtree
    std::vector<std::string> groups;
    std::unordered_map<std::string, int> groupAt;
    std::vector<char> open(names, 0), resolved(names, 0), directiveOpen(names, 0);
    for (std::size_t i = 0; i < names; ++i) {
        const std::string& name = index.name(static_cast<int>(i));
        open[i] = isOpenPetitionStatus(name);
        resolved[i] = isResolvedPetitionStatus(name);
        directiveOpen[i] = isOpenDirectiveStatus(name);
        if (!units.count(name)) continue;
        std::string group = name;
        auto lineage = dir.lineage(name);
        for (std::size_t k = 0; k + 1 < lineage.size(); ++k)
            if (lineage[k + 1]->id == root) {
                group = lineage[k]->id;
                break;
            }
        auto [it, added] = groupAt.emplace(group, static_cast<int>(groups.size()));
        if (added) groups.push_back(group);
        groupOf[i] = it->second;
    }
    auto inScope = [&](int unit) { return unit >= 0 && groupOf[static_cast<std::size_t>(unit)] >= 0; };

    const std::int64_t firstMonday = weekStartDay(period->fromDay);
    const std::int64_t weeks = (period->toDay - firstMonday) / 7 + 1;
    std::vector<std::int64_t> weekMeetings(weeks, 0), weekPetitions(weeks, 0);
    std::vector<Tally> byGroup(groups.size());

    // Meetings held in the period and the distinct units (neighbourhoods) visited.
    std::int64_t meetingsHeld = 0;
    std::vector<char> visited(names, 0);
    for (const auto& m : index.meetings()) {
        if (!m.live || !inScope(m.unit) || m.heldAt < period->fromMs || m.heldAt >= period->toMs) continue;
        ++meetingsHeld;
        visited[static_cast<std::size_t>(m.unit)] = 1;
        byGroup[static_cast<std::size_t>(groupOf[static_cast<std::size_t>(m.unit)])].meetings++;
        const std::int64_t w = (vietnamDay(m.heldAt) - firstMonday) / 7;
        if (w >= 0 && w < weeks) weekMeetings[w]++;
    }

    // Petitions received in the period. Categories and agencies are tallied by name index.
    const int todayKey = OverviewIndex::dayKey(today);
    Tally total;
    std::vector<char> isCategory(names, 0), isAgency(names, 0);
    std::vector<double> daysToResolve;
    std::vector<std::pair<int, std::size_t>> overdueItems;  // (due key, petition position)
    const auto& petitions = index.petitions();
    for (std::size_t i = 0; i < petitions.size(); ++i) {
        const auto& p = petitions[i];
        if (!p.live || !inScope(p.unit) || p.receivedAt < period->fromMs || p.receivedAt >= period->toMs)
            continue;
        const bool isOpen = p.status >= 0 && open[static_cast<std::size_t>(p.status)];
        const bool isResolved = p.status >= 0 && resolved[static_cast<std::size_t>(p.status)];
        const bool overdue = isOverdueDay(isOpen, p.dueKey != 0, p.dueKey, todayKey);
        if (p.category >= 0) isCategory[static_cast<std::size_t>(p.category)] = 1;
        if (p.agency >= 0) isAgency[static_cast<std::size_t>(p.agency)] = 1;
        Tally* group = &byGroup[static_cast<std::size_t>(groupOf[static_cast<std::size_t>(p.unit)])];
        for (Tally* t : {&total, group}) {
            t->received++;
            t->resolved += isResolved;
            t->open += isOpen;
            t->overdue += overdue;
        }
        if (isResolved && p.resolvedAt >= 0)
            daysToResolve.push_back(static_cast<double>(p.resolvedAt - p.receivedAt) / kDayMs);
        if (overdue) overdueItems.emplace_back(p.dueKey, i);
        const std::int64_t w = (vietnamDay(p.receivedAt) - firstMonday) / 7;
        if (w >= 0 && w < weeks) weekPetitions[w]++;
    }
    // By category and by lead agency: a second pass with one tally vector each (names are
    // interned together, so a category and an agency could share a spelling).
    std::vector<Tally> byCategoryIdx(names + 1), byAgencyIdx(names + 1);
    for (const auto& p : petitions) {
        if (!p.live || !inScope(p.unit) || p.receivedAt < period->fromMs || p.receivedAt >= period->toMs)
            continue;
        const bool isOpen = p.status >= 0 && open[static_cast<std::size_t>(p.status)];
        const bool isResolved = p.status >= 0 && resolved[static_cast<std::size_t>(p.status)];
        const bool overdue = isOverdueDay(isOpen, p.dueKey != 0, p.dueKey, todayKey);
        for (Tally* t : {&byCategoryIdx[p.category >= 0 ? static_cast<std::size_t>(p.category) : names],
                         &byAgencyIdx[p.agency >= 0 ? static_cast<std::size_t>(p.agency) : names]}) {
            t->received++;
            t->resolved += isResolved;
            t->open += isOpen;
            t->overdue += overdue;
        }
    }

    // Residents' verdicts recorded in the period, by unit and by the petition's lead agency.
    for (const auto& r : index.reportBacks()) {
        if (!r.live || !inScope(r.unit) || r.recordedAt < period->fromMs || r.recordedAt >= period->toMs)
            continue;
        const OverviewIndex::Petition* p = index.petition(r.petition);
        const std::size_t agency =
            p && p->agency >= 0 ? static_cast<std::size_t>(p->agency) : names;
        if (agency < names) isAgency[agency] = 1;
        for (Tally* t : {&total, &byGroup[static_cast<std::size_t>(groupOf[static_cast<std::size_t>(r.unit)])],
                         &byAgencyIdx[agency]})
            t->verdict(r.satisfied);
    }

    // Directives of the scope now (not limited to the period): open, overdue, total.
    std::int64_t dirOpen = 0, dirOverdue = 0, dirTotal = 0;
    for (const auto& d : index.directives()) {
        if (!d.live || !inScope(d.unit)) continue;
        ++dirTotal;
        const bool isOpen = d.status >= 0 && directiveOpen[static_cast<std::size_t>(d.status)];
        dirOpen += isOpen;
        dirOverdue += isOverdueDay(isOpen, d.dueKey != 0, d.dueKey, todayKey);
    }

    Json median = nullptr;
    if (!daysToResolve.empty()) {
        std::sort(daysToResolve.begin(), daysToResolve.end());
        const std::size_t n = daysToResolve.size();
        const double m = n % 2 ? daysToResolve[n / 2]
                               : (daysToResolve[n / 2 - 1] + daysToResolve[n / 2]) / 2;
        median = std::round(m * 10) / 10;
    }
    Json summary = total.json();
    summary["resolutionRate"] =
        total.received ? Json(static_cast<double>(total.resolved) / total.received) : Json();
    summary["medianDaysToResolve"] = median;

    auto sorted = [](std::vector<std::pair<Json, Tally>> v, const char* key, auto nameOf) {
        std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
            return a.second.received != b.second.received ? a.second.received > b.second.received
                                                          : a.second.meetings > b.second.meetings;
        });
        Json out = Json::array();
        for (const auto& [k, t] : v) {
            Json j = t.json();
            j[key] = k;
            j["name"] = nameOf(k);
            out.push_back(j);
        }
        return out;
    };
    std::vector<std::pair<Json, Tally>> cats, agencies, groupRows;
    for (std::size_t i = 0; i < names; ++i) {
        if (isCategory[i]) cats.emplace_back(index.name(static_cast<int>(i)), byCategoryIdx[i]);
        if (isAgency[i]) agencies.emplace_back(index.name(static_cast<int>(i)), byAgencyIdx[i]);
    }
    auto any = [](const Tally& t) {
        return t.received || t.meetings || t.satisfied || t.unsatisfied;
    };
    if (any(byAgencyIdx[names])) agencies.emplace_back(Json(), byAgencyIdx[names]);
    for (std::size_t g = 0; g < groups.size(); ++g)
        if (any(byGroup[g])) groupRows.emplace_back(groups[g], byGroup[g]);
    auto noName = [](const Json&) { return Json(); };
    auto unitName = [&](const Json& k) { return Json(dir.unitName(k.get<std::string>())); };
    auto agencyName = [&](const Json& k) { return k.is_null() ? Json("") : Json(dir.agencyName(k.get<std::string>())); };

    Json weekly = Json::array();
    for (std::int64_t w = 0; w < weeks; ++w)
        weekly.push_back({{"week", formatDay(firstMonday + 7 * w)},
                          {"meetings", weekMeetings[w]},
                          {"petitions", weekPetitions[w]}});

    // The oldest overdue: smallest due dates first; their titles read from the table.
    const std::size_t keep = std::min(overdueItems.size(), static_cast<std::size_t>(oldestLimit));
    std::partial_sort(overdueItems.begin(), overdueItems.begin() + static_cast<long>(keep), overdueItems.end(),
                      [&](const auto& a, const auto& b) {
                          return a.first != b.first ? a.first < b.first
                                                    : index.petitionIds()[a.second] < index.petitionIds()[b.second];
                      });
    Json oldest = Json::array();
    const auto todayDay = *parseDay(today);
    for (std::size_t i = 0; i < keep; ++i) {
        const std::string& id = index.petitionIds()[overdueItems[i].second];
        auto summary = ctx.store->petitionSummary(id);
        if (!summary || !*summary) continue;
        const std::string& unit = (*summary)->unit;
        const std::string& agency = (*summary)->leadAgency;
        const std::string& due = (*summary)->dueDate;
        auto dueDay = parseDay(due);
        oldest.push_back({{"id", id},
                          {"title", (*summary)->title},
                          {"unit", unit},
                          {"unitName", dir.unitName(unit)},
                          {"lead_agency", agency.empty() ? Json() : Json(agency)},
                          {"leadAgencyName", dir.agencyName(agency)},
                          {"due_date", due},
                          {"daysOverdue", dueDay ? todayDay - *dueDay : 0}});
    }
    std::int64_t neighbourhoods = 0;
    for (char v : visited) neighbourhoods += v;
    sendJson(res, {{"period", {{"from", formatDay(period->fromDay)}, {"to", formatDay(period->toDay)}}},
                   {"today", today},
                   {"unit", root},
                   {"unitName", dir.unitName(root)},
                   {"meetings", {{"held", meetingsHeld}, {"neighbourhoods", neighbourhoods}}},
                   {"petitions", summary},
                   {"directives", {{"open", dirOpen}, {"overdue", dirOverdue}, {"total", dirTotal}}},
                   {"byCategory", sorted(cats, "category", noName)},
                   {"byUnit", sorted(groupRows, "unit", unitName)},
                   {"byAgency", sorted(agencies, "agency", agencyName)},
                   {"weekly", weekly},
                   {"oldestOverdue", oldest}});
}

// ---- lists and records ----------------------------------------------------------------

/** The directives of a list query (the first `cap`), overdue first, then by due date (none
 *  last), then in the query's order (due date, id). */
Result<std::vector<Json>> directivesOverdueFirst(ReplicaSnapshot& snapshot, const ListQuery& q,
                                                 std::size_t cap) {
    auto cursor = snapshot.rows(q);
    if (!cursor) return cursor.error();
    std::vector<Json> all;
    while (all.size() < cap) {
        auto page = (*cursor)->next(1000);
        if (!page) return page.error();
        if (page->empty()) break;
        for (Json& row : *page) all.push_back(std::move(row));
    }
    if (all.size() > cap) all.resize(cap);
    std::stable_sort(all.begin(), all.end(), [](const Json& a, const Json& b) {
        const bool oa = a.value("overdue", Json(false)) == true,
                   ob = b.value("overdue", Json(false)) == true;
        if (oa != ob) return oa;
        const std::string da =
            a.value("due_date", Json()).is_string() ? a["due_date"].get<std::string>() : "9999";
        const std::string db =
            b.value("due_date", Json()).is_string() ? b["due_date"].get<std::string>() : "9999";
        return da < db;
    });
    return all;
}

/** A page of a list. Petitions without a search come from the overview index, in memory under
 *  the lock (milliseconds). Other lists (searches, other sorts, meetings, directives) may read
 *  for seconds at 100,000 records: they read a snapshot of the replica once the lock is
 *  released, as exports do (see exports.cpp), so that no push or pull waits for them. */
/** Logs a list page that shows personal values (its records that hold them); nothing when
 *  none does. Under ctx.mutex. False when the log could not be written. */
bool logListPage(Context& ctx, const User& user, const httplib::Request& req,
                 const std::string& entity, const std::vector<Json>& rows) {
    auto records = recordsWithPersonal(entity, rows);
    if (records.empty()) return true;
    return static_cast<bool>(logPersonalAccess(ctx, user, req, entity + "_list", std::move(records),
                                               accessReason(req, entity == "petition" ? "xem danh sách kiến nghị"
                                                                        : "xem danh sách")));
}

void listRoute(Context& ctx, const std::string& entity, const httplib::Request& req,
               httplib::Response& res) {
    auto user = ctx.authenticate(req, res);
    if (!user) return;
    const bool overdueFirst = entity == "directive" && !req.has_param("sort");
    std::optional<ListRequest> lr;
    std::unique_ptr<ReplicaSnapshot> snapshot;
    Directory dir;
    {
        std::lock_guard lock(ctx.mutex);
        auto scope = scopeOf(ctx, *user);
        if (!scope) return sendError(res, 403, "scope_unknown", scope.error().message);
        lr = readListRequest(ctx, *user, **scope, entity, req, res, 200);
        if (!lr) return;
        if (auto page = overdueFirst ? std::nullopt : indexedPage(ctx, lr->query)) {
            if (!*page) return sendError(res, 400, page->error().code, page->error().message);
            std::vector<Json> rows;
            for (auto& r : (*page)->rows)
                rows.push_back(shapeRow(ctx, *user, entity, std::move(r)));
            if (!logListPage(ctx, *user, req, entity, rows))
                return sendError(res, 500, "internal", "the access log could not be written");
            return sendJson(
                res, pageJson(std::move(rows), (*page)->total, lr->query.offset, lr->query.limit));
        }
        auto snap = ctx.store->snapshot();
        if (!snap) return sendError(res, 500, "internal", snap.error().message);
        snapshot = std::move(*snap);
        dir = directory(ctx);  // guarded by the lock: a copy goes out with the snapshot
    }
    const ListQuery& q = lr->query;
    std::vector<Json> rows;
    std::int64_t total = 0;
    if (overdueFirst) {
        auto all = directivesOverdueFirst(*snapshot, q, 200000);
        if (!all) return sendError(res, 500, "internal", all.error().message);
        total = static_cast<std::int64_t>(all->size());
        for (std::size_t i = q.offset; i < all->size() && rows.size() < static_cast<std::size_t>(q.limit); ++i)
            rows.push_back(shapeRow(dir, *user, entity, std::move((*all)[i])));
    } else {
        auto page = snapshot->list(q);
        if (!page) return sendError(res, 400, page.error().code, page.error().message);
        total = page->total;
        for (auto& r : page->rows) rows.push_back(shapeRow(dir, *user, entity, std::move(r)));
    }
    if (entity == "meeting" && !rows.empty()) {
        // How many petitions each meeting raised.
        ListQuery raised;
        raised.entity = "petition";
        for (const auto& r : rows) raised.equals["meeting"].push_back(r.value("id", ""));
        auto counts = snapshot->countBy(raised, "meeting");
        if (!counts) return sendError(res, 500, "internal", counts.error().message);
        for (auto& r : rows) r["petitionCount"] = (*counts)[r.value("id", "")];
    }
    {
        std::lock_guard lock(ctx.mutex);
        if (!logListPage(ctx, *user, req, entity, rows))
            return sendError(res, 500, "internal", "the access log could not be written");
    }
    sendJson(res, pageJson(std::move(rows), total, q.offset, q.limit));
}

void petitionRoute(Context& ctx, const httplib::Request& req, httplib::Response& res,
                   const User& user) {
    const std::string id = req.matches[1];
    auto rec = visibleRecord(ctx, user, "petition", id, res);
    if (!rec) return;
    const Scope& scope = **scopeOf(ctx, user);
    const std::string serverSite = ctx.store->siteId();
    auto hist = ctx.store->history("petition", id);
    if (!hist) return sendError(res, 500, "internal", hist.error().message);
    Json history = Json::array();
    for (const auto& v : *hist) history.push_back(versionJson(v, user, "petition", serverSite));

    // The row as lists show it (with "overdue"), falling back to the record's values.
    Json values = rec->values;
    {
        ListQuery q;
        q.entity = "petition";
        q.equals["id"] = {id};
        q.unitRoot = scope.root;
        q.today = vietnamToday(*ctx.store);
        q.limit = 1;
        auto page = ctx.store->list(q);
        if (page && !page->rows.empty()) values["overdue"] = page->rows[0].value("overdue", Json(false));
    }
    const auto lineage = directory(ctx).lineageLevels(values.value("unit", ""));
    Json meeting = nullptr;
    if (values.value("meeting", Json()).is_string()) {
        auto m = ctx.store->get("meeting", values["meeting"].get<std::string>());
        if (m && m->has_value() && scope.contains((*m)->values.value("unit", "")))
            meeting = {{"id", (*m)->id}, {"title", (*m)->values.value("title", Json())},
                       {"held_at", (*m)->values.value("held_at", Json())}};
    }
    Json petition = shapeRow(ctx, user, "petition", values);
    Json conflicts = conflictsJson(*rec, user, serverSite);
    const auto& personal = personalFields("petition");
    auto isPersonal = [&](const Json& version) {
        return std::find(personal.begin(), personal.end(), version.value("field", "")) !=
               personal.end();
    };
    // `personal=0`: the petition without its petitioner (a receipt slip needs none).
    if (req.get_param_value("personal") == "0") {
        petition = withoutPersonal("petition", std::move(petition));
        auto hide = [&](Json& version) {
            if (!isPersonal(version)) return;
            version["value"] = nullptr;
            version["hidden"] = true;
        };
        for (auto& v : history) hide(v);
        for (auto& [field, versions] : conflicts.items())
            for (auto& v : versions) hide(v);
    }
    // The answer shows personal values (the record's, or in its history or conflicts): log it.
    bool personalShown = hasPersonalValue("petition", petition);
    auto showsPersonal = [&](const Json& version) {
        return isPersonal(version) && !version.value("hidden", false) &&
               !version.value("value", Json()).is_null();
    };
    for (const auto& v : history) personalShown = personalShown || showsPersonal(v);
    for (const auto& [field, versions] : conflicts.items())
        for (const auto& v : versions) personalShown = personalShown || showsPersonal(v);
    if (personalShown &&
        !logPersonalAccess(ctx, user, req, "petition_detail", {{"petition", id}},
                           accessReason(req, "xem chi tiết kiến nghị")))
        return sendError(res, 500, "internal", "the access log could not be written");
    sendJson(res, {{"petition", std::move(petition)},
                   {"conflicts", std::move(conflicts)},
                   {"history", history},
                   {"updates", relatedRows(ctx, user, scope, "update", "parent", id)},
                   {"directives", relatedRows(ctx, user, scope, "directive", "petition", id)},
                   {"reportBacks", relatedRows(ctx, user, scope, "report_back", "petition", id)},
                   {"attachments", attachmentsJson(ctx, scope, "petition", id)},
                   {"meeting", meeting},
                   {"serverSite", serverSite},
                   {"lineage", lineageJson(directory(ctx), values.value("unit", ""))},
                   {"handlingLevels", handlingLevels(lineage)},
                   {"escalationLevels", escalationTargets(lineage)},
                   {"canSeePersonal", maySeeAllPersonal(user.role)},
                   {"canWrite", mayWriteFromDashboard(user.role)}});
}

/** Who signs the minutes as secretary: the meeting's `secretary`, else the display name of the
 *  recorder (`recorded_by`, else the record's creator, looked up among the accounts). A
 *  username is never returned; empty when no name is known. */
std::string secretaryOf(Context& ctx, const Json& meeting) {
    auto text = [&](const char* key) {
        const Json v = meeting.value(key, Json());
        return v.is_string() ? v.get<std::string>() : std::string();
    };
    if (std::string s = text("secretary"); !s.empty()) return s;
    Store& accounts = *ctx.store;
    for (const char* field : {"recorded_by", "created_by"}) {
        const std::string who = text(field);
        if (who.empty()) continue;
        auto account = accounts.findUser(who);
        if (account && *account && !(*account)->displayName.empty()) return (*account)->displayName;
        // Not an account: a person's name typed in (usernames have no spaces).
        if (std::string(field) == "recorded_by" && who.find(' ') != std::string::npos) return who;
    }
    return {};
}

void meetingRoute(Context& ctx, const httplib::Request& req, httplib::Response& res,
                  const User& user) {
    const std::string id = req.matches[1];
    auto rec = visibleRecord(ctx, user, "meeting", id, res);
    if (!rec) return;
    const Scope& scope = **scopeOf(ctx, user);
    const Directory& dir = directory(ctx);
    Json meeting = shapeRow(ctx, user, "meeting", rec->values);
    // The place line of the minutes names the ward (the unit above a neighbourhood).
    const Json lineage = lineageJson(dir, meeting.value("unit", ""));
    meeting["secretaryName"] = secretaryOf(ctx, rec->values);
    // `personal=0`: the petitions without their petitioners (the minutes for the notice board).
    // `print=1`: the printed minutes; with personal values they need a reason.
    const bool personal = req.get_param_value("personal") != "0";
    const bool print = req.get_param_value("print") == "1";
    std::vector<Json> petitions = relatedRows(ctx, user, scope, "petition", "meeting", id);
    if (!personal)
        for (auto& p : petitions) p = withoutPersonal("petition", std::move(p));
    if (auto records = recordsWithPersonal("petition", petitions); !records.empty()) {
        const std::string reason = accessReason(req, print ? "" : "xem buổi họp");
        if (characterCount(reason) < 5)
            return sendError(res, 400, "access_reason_required",
                             "Cần ghi lý do (ít nhất 5 ký tự) khi in biên bản kèm thông tin "
                             "người kiến nghị.");
        if (!logPersonalAccess(ctx, user, req, print ? "print_minutes" : "meeting_detail",
                               std::move(records), reason))
            return sendError(res, 500, "internal", "the access log could not be written");
    }
    // Each petition with its photos and documents (the annex of the printed minutes).
    for (auto& p : petitions) p["attachments"] = attachmentsJson(ctx, scope, "petition", p.value("id", ""));
    sendJson(res, {{"meeting", meeting},
                   {"lineage", lineage},
                   {"attachments", attachmentsJson(ctx, scope, "meeting", id)},
                   {"conflicts", conflictsJson(*rec, user, ctx.store->siteId())},
                   {"petitions", petitions},
                   {"directives", relatedRows(ctx, user, scope, "directive", "meeting", id)},
                   {"canWrite", mayWriteFromDashboard(user.role)}});
}

void directiveRoute(Context& ctx, const httplib::Request& req, httplib::Response& res,
                    const User& user) {
    const std::string id = req.matches[1];
    auto rec = visibleRecord(ctx, user, "directive", id, res);
    if (!rec) return;
    const Scope& scope = **scopeOf(ctx, user);
    auto hist = ctx.store->history("directive", id);
    Json history = Json::array();
    if (hist)
        for (const auto& v : *hist)
            history.push_back(versionJson(v, user, "directive", ctx.store->siteId()));
    sendJson(res, {{"directive", shapeRow(ctx, user, "directive", rec->values)},
                   {"conflicts", conflictsJson(*rec, user, ctx.store->siteId())},
                   {"history", history},
                   {"updates", relatedRows(ctx, user, scope, "update", "parent", id)},
                   {"attachments", attachmentsJson(ctx, scope, "directive", id)},
                   {"canWrite", mayWriteFromDashboard(user.role)}});
}

// ---- reference data -----------------------------------------------------------------------

/** {entity: [personal fields the role may see]} for the entities that have some (the dashboard
 *  offers personal exports and printouts only where this is not empty). */
Json personalFieldsSeenBy(const std::string& role) {
    Json out = Json::object();
    for (const auto& e : entities()) {
        Json seen = Json::array();
        for (const auto& f : personalFields(e.name))
            if (maySeePersonalField(role, f)) seen.push_back(f);
        if (!seen.empty()) out[e.name] = seen;
    }
    return out;
}

std::string fieldTypeName(FieldType t) {
    switch (t) {
    case FieldType::Text: return "text";
    case FieldType::Integer: return "integer";
    case FieldType::Boolean: return "boolean";
    case FieldType::Time: return "time";
    case FieldType::Date: return "date";
    case FieldType::Enum: return "enum";
    case FieldType::Ref: return "ref";
    case FieldType::RefList: return "reflist";
    case FieldType::People: return "people";
    }
    return "text";
}

}  // namespace

httplib::Server::Handler guarded(Context& ctx, GuardedHandler f) {
    return [&ctx, f = std::move(f)](const httplib::Request& req, httplib::Response& res) {
        auto user = ctx.authenticate(req, res);
        if (!user) return;
        std::lock_guard lock(ctx.mutex);
        f(req, res, *user);
    };
}

httplib::Server::HandlerWithContentReader guardedWrite(Context& ctx, GuardedWriteHandler f) {
    return [&ctx, f = std::move(f)](const httplib::Request& req, httplib::Response& res,
                                              const httplib::ContentReader& reader) {
        auto user = ctx.authenticate(req, res);
        if (!user) return;  // its body stays unread: the connection closes (GuardedServer)
        auto body = readJsonObject(ctx, req, res, reader);
        if (!body) return;
        std::lock_guard lock(ctx.mutex);
        f(req, res, *user, *body);
    };
}

void registerReadRoutes(httplib::Server& server, Context& ctx) {
    server.Get("/api/v1/me", guarded(ctx, [&ctx](const httplib::Request&, httplib::Response& res,
                                                 const User& user) {
        const Directory& dir = directory(ctx);
        sendJson(res, {{"user",
                        {{"username", user.username},
                         {"displayName", user.displayName},
                         {"role", user.role},
                         {"scopeUnit", user.scopeUnit},
                         {"scopeUnitName", dir.unitName(user.scopeUnit)}}},
                       {"canSeePersonal", maySeeAllPersonal(user.role)},
                       {"personalFields", personalFieldsSeenBy(user.role)},
                       {"canWrite", mayWriteFromDashboard(user.role)},
                       {"attachmentLimits",
                        {{"max_file_bytes", ctx.settings.attachmentLimits.maxFileBytes},
                         {"max_per_record", ctx.settings.attachmentLimits.maxPerRecord},
                         {"max_record_bytes", ctx.settings.attachmentLimits.maxRecordBytes}}},
                       {"today", vietnamToday(*ctx.store)},
                       {"serverSite", ctx.store->siteId()}});
    }));

    server.Get("/api/v1/schema", guarded(ctx, [](const httplib::Request&, httplib::Response& res,
                                                 const User&) {
        Json ents = Json::object();
        for (const auto& e : entities()) {
            Json fields = Json::array();
            for (const auto& f : e.fields)
                fields.push_back({{"name", f.name},
                                  {"type", fieldTypeName(f.type)},
                                  {"required", f.required},
                                  {"personal", f.personal},
                                  {"enum", f.enumValues},
                                  {"ref", f.refEntity},
                                  {"maxLength", f.maxLength}});
            ents[e.name] = {{"fields", fields}};
        }
        const Json open = openStatuses("petition");
        Json transitions = Json::object();
        for (const auto& s : petitionStatuses()) transitions[s] = allowedNextPetitionStatuses(s);
        sendJson(res, {{"entities", ents},
                       {"petitionTransitions", transitions},
                       {"petitionStatuses", petitionStatuses()},
                       {"openPetitionStatuses", open},
                       {"directiveStatuses", directiveStatuses()},
                       {"categories", petitionCategories()},
                       {"handlingFields", supervisorPetitionFields()},
                       {"labels", labelTable()},
                       {"calendar", {{"utcOffsetMinutes", kVietnamOffsetMs / 60000},
                                     {"weekStartsOn", "monday"}}}});
    }));

    server.Get("/api/v1/units", guarded(ctx, [&ctx](const httplib::Request& req,
                                                    httplib::Response& res, const User& user) {
        Params params(req, {});
        if (!params.ok()) return (void)params.reply(res);
        auto scope = scopeOf(ctx, user);
        if (!scope) return sendError(res, 403, "scope_unknown", scope.error().message);
        const Directory& dir = directory(ctx);
        Json rows = Json::array();
        for (const auto& [id, u] : dir.units) {
            if (!(*scope)->contains(id)) continue;
            int depth = 0;
            for (const auto* a : dir.lineage(id)) {
                if (a->id == (*scope)->root) break;
                ++depth;
            }
            rows.push_back({{"id", id},
                            {"parent", u.parent.empty() ? Json() : Json(u.parent)},
                            {"level", u.level},
                            {"code", u.code},
                            {"name", u.name},
                            {"depth", depth},
                            {"path", dir.unitPath(id)}});
        }
        std::sort(rows.begin(), rows.end(), [](const Json& a, const Json& b) {
            return std::make_tuple(a["depth"].get<int>(), a["code"].get<std::string>(), a["name"].get<std::string>()) <
                   std::make_tuple(b["depth"].get<int>(), b["code"].get<std::string>(), b["name"].get<std::string>());
        });
        sendJson(res, {{"rows", rows}, {"total", rows.size()}, {"root", (*scope)->root}});
    }));

    server.Get("/api/v1/agencies", guarded(ctx, [&ctx](const httplib::Request& req,
                                                       httplib::Response& res, const User&) {
        Params params(req, {});
        if (!params.ok()) return (void)params.reply(res);
        const Directory& dir = directory(ctx);
        Json rows = Json::array();
        for (const auto& [id, a] : dir.agencies)
            rows.push_back({{"id", id}, {"name", a.name}, {"unit", a.unit}, {"level", a.level},
                            {"unitName", dir.unitName(a.unit)}});
        std::sort(rows.begin(), rows.end(), [](const Json& a, const Json& b) {
            return a["name"].get<std::string>() < b["name"].get<std::string>();
        });
        sendJson(res, {{"rows", rows}, {"total", rows.size()}});
    }));

    server.Get("/api/v1/overview", guarded(ctx, [&ctx](const httplib::Request& req,
                                                       httplib::Response& res, const User& user) {
        overview(ctx, req, res, user);
    }));
    for (const std::string entity : {"petition", "meeting", "directive"}) {
        server.Get("/api/v1/" + entity + "s",
                   [&ctx, entity](const httplib::Request& req, httplib::Response& res) {
                       listRoute(ctx, entity, req, res);
                   });
    }
    server.Get(R"(/api/v1/petitions/([0-9A-Za-z_-]{1,64}))",
               guarded(ctx, [&ctx](const httplib::Request& req, httplib::Response& res,
                                   const User& user) { petitionRoute(ctx, req, res, user); }));
    server.Get(R"(/api/v1/meetings/([0-9A-Za-z_-]{1,64}))",
               guarded(ctx, [&ctx](const httplib::Request& req, httplib::Response& res,
                                   const User& user) { meetingRoute(ctx, req, res, user); }));
    server.Get(R"(/api/v1/directives/([0-9A-Za-z_-]{1,64}))",
               guarded(ctx, [&ctx](const httplib::Request& req, httplib::Response& res,
                                   const User& user) { directiveRoute(ctx, req, res, user); }));
    registerSuperviseRoutes(server, ctx);
    registerAttachmentWebRoutes(server, ctx);
    registerNoticeRoutes(server, ctx);
    registerPrivacyRoutes(server, ctx);
}

}  // namespace nghedan::server
