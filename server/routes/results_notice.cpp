// The results notice of a neighbourhood ("Thông báo kết quả giải quyết kiến nghị"): its public
// petitions received in a period, with status and result, for the dashboard's A4 page
// (notice.html) and as the plain text officials paste into the neighbourhood's chat group.
// Only public petitions and public fields (public_view.h): it is posted on a notice board.
#include "nghedan/calendar.h"
#include "nghedan/labels.h"
#include "nghedan/public_view.h"
#include "read_model.h"

namespace nghedan::server {

namespace {

constexpr std::size_t kMaxItems = 500;  // a neighbourhood's notice; more is a wrong period

/** The URL of the public lookup page as the reader reached this server ("" when the origin
 *  the dashboard sent is not a plain http(s) origin). */
std::string lookupUrl(const std::string& origin) {
    if (origin.size() > 200 || !(origin.starts_with("http://") || origin.starts_with("https://")))
        return {};
    for (const char c : origin)
        if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == 0x7f) return {};
    return origin + "/tra-cuu";
}

void noticeRoute(Context& ctx, const httplib::Request& req, httplib::Response& res,
                 const User& user) {
    auto scopeResult = scopeOf(ctx, user);
    if (!scopeResult) return sendError(res, 403, "scope_unknown", scopeResult.error().message);
    const Scope& scope = **scopeResult;
    Params params(req, {"unit", "from", "to", "origin"});
    const std::string unit = params.text("unit");
    const std::string today = vietnamToday(*ctx.store);
    auto from = params.day("from");
    auto to = params.day("to");
    if (!params.ok()) return (void)params.reply(res);
    if (unit.empty()) {
        params.fail("Parameter \"unit\" is required");
        return (void)params.reply(res);
    }
    if (!scope.contains(unit)) return sendError(res, 404, "not_found", "No such unit in your scope");
    const std::int64_t toDay = to.value_or(*parseDay(today));
    const std::int64_t fromDay = from.value_or(toDay - 30);
    if (fromDay > toDay || toDay - fromDay > 366 * 2) {
        params.fail("The period must run forwards and last at most 2 years");
        return (void)params.reply(res);
    }

    ListQuery q = publicPetitionsQuery();
    q.unitRoot = unit;
    q.timeField = "received_at";
    q.from = vietnamDayStartMs(fromDay);
    q.to = vietnamDayStartMs(toDay + 1);
    q.sort = "received_at";
    q.descending = false;
    q.today = today;
    auto rows = listAll(*ctx.store, q, kMaxItems + 1);
    if (!rows) return sendError(res, 500, "internal", rows.error().message);
    if (rows->size() > kMaxItems)
        return sendError(res, 400, "too_many",
                         "More than " + std::to_string(kMaxItems) +
                             " public petitions in this period: choose a shorter one");

    const Directory& dir = directory(ctx);
    std::vector<NoticeItem> items;
    Json itemsJson = Json::array();
    for (const Json& row : *rows) {
        NoticeItem item{publicPetitionView(row), dir.unitName(row.value("unit", "")),
                        dir.agencyName(row.value("lead_agency", Json("")).is_string()
                                           ? row["lead_agency"].get<std::string>()
                                           : "")};
        Json j = item.view;
        j["unitName"] = item.unitName;
        j["agencyName"] = item.agencyName;
        itemsJson.push_back(std::move(j));
        items.push_back(std::move(item));
    }
    // "Khu phố 3, Phường Võ Thị Sáu": the unit and the ward (or commune) it belongs to.
    const Json lineage = lineageJson(dir, unit);
    std::string heading;
    for (std::size_t i = 0; i < lineage.size() && i < 2; ++i)
        if (i == 0 || lineage[i]["level"] != "city")
            heading += (heading.empty() ? "" : ", ") + lineage[i]["name"].get<std::string>();
    const std::string url = lookupUrl(params.text("origin"));
    sendJson(res, {{"unit", unit},
                   {"heading", heading},
                   {"lineage", lineage},
                   {"period", {{"from", formatDay(fromDay)}, {"to", formatDay(toDay)}}},
                   {"items", itemsJson},
                   {"lookupUrl", url},
                   {"text", resultsNoticeText(heading, formatDay(fromDay), formatDay(toDay),
                                              items, url)}});
}

}  // namespace

void registerNoticeRoutes(httplib::Server& server, Context& ctx) {
    server.Get("/api/v1/results-notice",
               guarded(ctx, [&ctx](const httplib::Request& req, httplib::Response& res,
                                   const User& user) { noticeRoute(ctx, req, res, user); }));
}

}  // namespace nghedan::server
