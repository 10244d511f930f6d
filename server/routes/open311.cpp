// Open311 GeoReport v2, read side, at /open311/v2/ (server/OPEN311.md): public petitions as
// service requests, so that city portals and civic apps can show what was asked and done.
// Only public petitions and only their public fields; never coordinates, addresses of
// people, the petitioner's words or media.
#include <algorithm>
#include <set>

#include "context.h"
#include "http_util.h"
#include "markup.h"
#include "nghedan/calendar.h"
#include "nghedan/labels.h"
#include "nghedan/schema.h"
#include "nghedan/workflow.h"
#include "public_petitions.h"
#include "rate_limit.h"

namespace nghedan::server {
namespace {

/** When this endpoint's behaviour last changed (discovery's changeset). */
constexpr const char* kChangeset = "2026-12-02T00:00:00+07:00";
/** The default window of requests.json, as GeoReport v2 recommends. */
constexpr std::int64_t kDefaultDays = 90;
/** Deepest row a page may start at: deeper paging costs the database more than it serves;
 *  a client narrows the dates instead. */
constexpr int kMaxOffset = 10'000;

enum class Format { Json, Xml };

Format formatOf(const std::string& ext) {
    return ext == "xml" ? Format::Xml : Format::Json;
}

void sendBody(httplib::Response& res, Format f, std::string body, int status = 200) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    // Public data for any site's scripts to read; no credentials are involved.
    res.set_header("Access-Control-Allow-Origin", "*");
    res.set_content(std::move(body), f == Format::Xml ? "text/xml; charset=utf-8"
                                                      : "application/json; charset=utf-8");
}

/** GeoReport v2's error format, with the matching HTTP status. */
void sendOpen311Error(httplib::Response& res, Format f, int status,
                      const std::string& description) {
    if (f == Format::Xml)
        sendBody(res, f,
                 "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<errors><error><code>" +
                     std::to_string(status) + "</code><description>" + xmlEscape(description) +
                     "</description></error></errors>\n",
                 status);
    else
        sendBody(res, f, Json::array({{{"code", status}, {"description", description}}}).dump(),
                 status);
}

/** Takes the client's token; false (429 written) when it has none left. */
bool admitted(Context& ctx, const httplib::Request& req, httplib::Response& res, Format f) {
    const auto wait = ctx.publicLimiter->take(clientAddress(ctx, req));
    if (!wait) return true;
    res.set_header("Retry-After", std::to_string(*wait));
    sendOpen311Error(
        res, f, 429,
        "too many requests from this address; retry after " + std::to_string(*wait) + " s");
    return false;
}

std::string tag(const std::string& name, const std::string& value) {
    return "<" + name + ">" + xmlEscape(value) + "</" + name + ">";
}

std::vector<std::string> splitCommas(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        std::string part = text.substr(start, comma - start);
        while (!part.empty() && part.front() == ' ') part.erase(0, 1);
        while (!part.empty() && part.back() == ' ') part.pop_back();
        if (!part.empty()) out.push_back(part);
        start = comma + 1;
    }
    return out;
}

int digitsAt(const std::string& s, std::size_t at, std::size_t n) {
    if (at + n > s.size()) return -1;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/** An ISO 8601 / W3C time: "YYYY-MM-DD" (the Vietnam day's start) or
 *  "YYYY-MM-DDTHH:MM[:SS[.fff]]" with "Z", "±HH:MM" or "±HHMM" (none: Vietnam time). A '+'
 *  arrives as a space when the client did not percent-encode it, and is taken as one. */
std::optional<std::int64_t> parseIsoTime(const std::string& text) {
    const auto day = parseDay(text.substr(0, 10));
    if (!day) return std::nullopt;
    if (text.size() == 10) return vietnamDayStartMs(*day);
    if (text[10] != 'T' && text[10] != 't') return std::nullopt;
    const int hh = digitsAt(text, 11, 2), mm = digitsAt(text, 14, 2);
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || text.size() < 16 || text[13] != ':')
        return std::nullopt;
    std::size_t at = 16;
    int ss = 0;
    if (at < text.size() && text[at] == ':') {
        ss = digitsAt(text, at + 1, 2);
        if (ss < 0 || ss > 59) return std::nullopt;
        at += 3;
        if (at < text.size() && text[at] == '.') {
            ++at;
            const std::size_t digits = at;
            while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
            if (at == digits) return std::nullopt;
        }
    }
    std::int64_t offsetMs = kVietnamOffsetMs;
    if (at < text.size()) {
        const char sign = text[at];
        if ((sign == 'Z' || sign == 'z') && at + 1 == text.size()) {
            offsetMs = 0;
        } else if (sign == '+' || sign == '-' || sign == ' ') {
            const int oh = digitsAt(text, at + 1, 2);
            const std::size_t minutesAt =
                at + 3 < text.size() && text[at + 3] == ':' ? at + 4 : at + 3;
            const int om = digitsAt(text, minutesAt, 2);
            if (oh < 0 || oh > 14 || om < 0 || om > 59 || minutesAt + 2 != text.size())
                return std::nullopt;
            offsetMs = (oh * 60LL + om) * 60'000 * (sign == '-' ? -1 : 1);
        } else {
            return std::nullopt;
        }
    }
    return (*day * 86'400LL + hh * 3600LL + mm * 60LL + ss) * 1000 - offsetMs;
}

/** A page parameter: 1..max, or the fallback when absent; nullopt when malformed. */
std::optional<int> positive(const httplib::Request& req, const char* name, int fallback, int max) {
    if (!req.has_param(name)) return fallback;
    const std::string v = req.get_param_value(name);
    if (v.empty() || v.size() > 7 || v.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    const int n = std::stoi(v);
    if (n < 1) return std::nullopt;
    return std::min(n, max);
}

/** The jurisdiction_id rule (OPEN311.md): absent or empty is the whole server; otherwise it
 *  must be a live unit's id and limits the answer to that unit's subtree. */
std::optional<std::string> jurisdiction(Context& ctx, const httplib::Request& req,
                                        httplib::Response& res, Format f, bool& ok) {
    ok = true;
    const std::string id = req.get_param_value("jurisdiction_id");
    if (id.empty()) return std::string();
    if (id.size() > 64) {
        ok = false;
        sendOpen311Error(res, f, 400, "jurisdiction_id is not a unit id");
        return std::nullopt;
    }
    std::lock_guard lock(ctx.mutex);
    auto name = liveUnitName(*ctx.store, id);
    if (!name || !*name) {
        ok = false;
        sendOpen311Error(res, f, name ? 400 : 500,
                         name ? "unknown jurisdiction_id '" + id + "'" : "internal error");
        return std::nullopt;
    }
    return id;
}

/** One request as GeoReport v2 fields, in its order; null where the petition has no value. */
std::vector<std::pair<std::string, Json>> requestFields(const PublicPetition& p) {
    const Json& v = p.view;
    auto str = [&](const char* name) -> Json {
        const auto it = v.find(name);
        return it != v.end() && it->is_string() && !it->get<std::string>().empty() ? *it : Json();
    };
    auto time = [&](const char* name) -> Json {
        const auto it = v.find(name);
        return it != v.end() && it->is_number_integer() ? Json(isoVietnamTime(*it)) : Json();
    };
    auto plain = [&](const char* name) {  // "" for a missing or null value
        const Json s = str(name);
        return s.is_string() ? s.get<std::string>() : std::string();
    };
    const std::string category = plain("category");
    Json expected;  // due by the end of the due day
    if (const auto due = parseDay(plain("due_date")))
        expected = isoVietnamTime(vietnamDayStartMs(*due + 1) - 1000);
    return {{"service_request_id", plain("receipt_code")},
            {"status", open311Status(plain("status"))},
            {"status_notes", str("public_note")},
            {"service_name", enumLabel("petition", "category", category, Lang::Vi)},
            {"service_code", category},
            {"description", str("title")},
            {"agency_responsible", p.agencyName.empty() ? Json() : Json(p.agencyName)},
            {"service_notice", Json()},
            {"requested_datetime", time("received_at")},
            {"updated_datetime", p.updatedMs ? Json(isoVietnamTime(p.updatedMs)) : Json()},
            {"expected_datetime", expected},
            {"address", p.unitName.empty() ? Json() : Json(p.unitName)},
            {"zipcode", ""}};
}

void sendRequests(httplib::Response& res, Format f, const std::vector<PublicPetition>& items) {
    if (f == Format::Json) {
        Json list = Json::array();
        for (const PublicPetition& p : items) {
            Json one = Json::object();
            for (auto& [k, value] : requestFields(p)) one[k] = std::move(value);
            list.push_back(std::move(one));
        }
        sendBody(res, f, list.dump());
        return;
    }
    std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<service_requests>";
    for (const PublicPetition& p : items) {
        xml += "<request>";
        for (const auto& [k, value] : requestFields(p))
            xml += value.is_string() ? tag(k, value.get<std::string>()) : "<" + k + "/>";
        xml += "</request>";
    }
    sendBody(res, f, xml + "</service_requests>\n");
}

void discovery(Context& ctx, const httplib::Request& req, httplib::Response& res, Format f) {
    const std::string url = requestOrigin(ctx, req) + "/open311/v2/";
    const std::string contact =
        "Bộ phận tiếp công dân của ủy ban nhân dân phường, xã nơi gửi kiến nghị";
    const std::string keyService = "Không cần khóa API: chỉ đọc, dữ liệu công khai";
    if (f == Format::Json) {
        Json d = {{"changeset", kChangeset},
                  {"contact", contact},
                  {"key_service", keyService},
                  {"endpoints",
                   Json::array({{{"specification", "http://wiki.open311.org/GeoReport_v2"},
                                 {"url", url},
                                 {"changeset", kChangeset},
                                 {"type", "production"},
                                 {"formats", Json::array({"text/xml", "application/json"})}}})}};
        sendBody(res, f, d.dump());
        return;
    }
    sendBody(res, f,
             "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<discovery>" +
                 tag("changeset", kChangeset) + tag("contact", contact) +
                 tag("key_service", keyService) + "<endpoints><endpoint>" +
                 tag("specification", "http://wiki.open311.org/GeoReport_v2") + tag("url", url) +
                 tag("changeset", kChangeset) + tag("type", "production") +
                 "<formats><format>text/xml</format><format>application/json</format></formats>"
                 "</endpoint></endpoints></discovery>\n");
}

void services(Context& ctx, const httplib::Request& req, httplib::Response& res, Format f) {
    bool ok = true;
    jurisdiction(ctx, req, res, f, ok);
    if (!ok) return;
    const std::string group = entityLabel("petition", Lang::Vi);
    Json list = Json::array();
    std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<services>";
    for (const std::string& code : petitionCategories()) {
        const std::string vi = enumLabel("petition", "category", code, Lang::Vi);
        const std::string en = enumLabel("petition", "category", code, Lang::En);
        list.push_back({{"service_code", code},
                        {"service_name", vi},
                        {"description", vi + " (" + en + ")"},
                        {"metadata", false},
                        {"type", "realtime"},
                        {"keywords", en},
                        {"group", group}});
        xml += "<service>" + tag("service_code", code) + tag("service_name", vi) +
               tag("description", vi + " (" + en + ")") + tag("metadata", "false") +
               tag("type", "realtime") + tag("keywords", en) + tag("group", group) + "</service>";
    }
    sendBody(res, f, f == Format::Json ? list.dump() : xml + "</services>\n");
}

/** The petition statuses Open311's `status` values stand for. */
std::vector<std::string> statusesOf(const std::set<std::string>& open311) {
    std::vector<std::string> out;
    for (const std::string& s : petitionStatuses())
        if (open311.count(open311Status(s))) out.push_back(s);
    return out;
}

void requests(Context& ctx, const httplib::Request& req, httplib::Response& res, Format f) {
    const int maxPage = std::clamp(ctx.settings.open311MaxPageSize, 1, 1000);
    PublicFilter filter;
    bool ok = true;
    const auto root = jurisdiction(ctx, req, res, f, ok);
    if (!ok) return;
    filter.unitRoot = *root;
    const auto page = positive(req, "page", 1, kMaxOffset + 1);
    const auto size =
        positive(req, "page_size", std::clamp(ctx.settings.open311PageSize, 1, maxPage), maxPage);
    if (!page || !size)
        return sendOpen311Error(res, f, 400, "page and page_size must be positive whole numbers");
    if (static_cast<std::int64_t>(*page - 1) * *size > kMaxOffset)
        return sendOpen311Error(res, f, 400,
                                "page is too deep (at most " + std::to_string(kMaxOffset) +
                                    " requests are skipped); narrow start_date/end_date instead");
    filter.limit = *size;
    filter.offset = (*page - 1) * *size;

    if (req.has_param("service_request_id")) {
        // GeoReport v2: the ids override every other filter.
        for (const std::string& typed : splitCommas(req.get_param_value("service_request_id"))) {
            const auto code = normaliseReceiptCode(typed);
            if (!code)
                return sendOpen311Error(res, f, 400,
                                        "service_request_id '" + typed.substr(0, 40) +
                                            "' is not a receipt code (KN-XXXX-XXXX-XXXX)");
            filter.codes.push_back(*code);
        }
        if (filter.codes.empty() || filter.codes.size() > static_cast<std::size_t>(maxPage))
            return sendOpen311Error(res, f, 400,
                                    "service_request_id takes 1 to " + std::to_string(maxPage) +
                                        " comma-separated receipt codes");
        filter.unitRoot.clear();
        filter.offset = 0;
        filter.limit = maxPage;
    } else {
        for (const std::string& code : splitCommas(req.get_param_value("service_code"))) {
            const auto& known = petitionCategories();
            if (std::find(known.begin(), known.end(), code) == known.end())
                return sendOpen311Error(res, f, 400,
                                        "unknown service_code '" + code.substr(0, 40) +
                                            "' (see services." +
                                            (f == Format::Xml ? "xml" : "json") + ")");
            filter.categories.push_back(code);
        }
        if (req.has_param("status")) {
            std::set<std::string> wanted;
            for (const std::string& s : splitCommas(req.get_param_value("status"))) {
                if (s != "open" && s != "closed")
                    return sendOpen311Error(res, f, 400,
                                            "status must be open, closed or open,closed");
                wanted.insert(s);
            }
            if (wanted.empty())
                return sendOpen311Error(res, f, 400, "status must be open, closed or open,closed");
            if (wanted.size() == 1) filter.statuses = statusesOf(wanted);
        }
        std::optional<std::int64_t> from, to;
        for (const auto& [name, target] :
             {std::pair{"start_date", &from}, std::pair{"end_date", &to}}) {
            if (!req.has_param(name)) continue;
            const std::string v = req.get_param_value(name);
            *target = v.size() <= 40 ? parseIsoTime(v) : std::nullopt;
            if (!*target)
                return sendOpen311Error(
                    res, f, 400,
                    std::string(name) +
                        " must be an ISO 8601 time, e.g. 2026-11-05T09:30:00+07:00 or 2026-11-05");
        }
        if (from && to && *from > *to)
            return sendOpen311Error(res, f, 400, "start_date is after end_date");
        // Neither given: the last 90 days; only an end: the 90 days before it.
        if (!from) from = (to ? *to : serverNowMs()) - kDefaultDays * kDayMs;
        filter.from = from;
        if (to) filter.to = *to + 1;  // end_date is inclusive
    }
    Result<PublicPage> result = Error{"", ""};
    {
        std::lock_guard lock(ctx.mutex);
        result = listPublicPetitions(*ctx.store, *ctx.publicNames, filter);
    }
    if (!result) {
        logLine(LogLevel::Error, "open311 requests: " + result.error().message);
        return sendOpen311Error(res, f, 500, "internal error");
    }
    res.set_header("X-Total-Count", std::to_string(result->total));
    sendRequests(res, f, result->items);
}

void oneRequest(Context& ctx, const std::string& id, httplib::Response& res, Format f) {
    Result<std::optional<PublicPetition>> found = Error{"", ""};
    {
        std::lock_guard lock(ctx.mutex);
        found = findPublicPetition(*ctx.store, *ctx.publicNames, id);
    }
    if (!found) {
        logLine(LogLevel::Error, "open311 request: " + found.error().message);
        return sendOpen311Error(res, f, 500, "internal error");
    }
    // Malformed, unknown and not public answer alike (findPublicPetition).
    if (!*found) return sendOpen311Error(res, f, 404, "no public service request with this id");
    sendRequests(res, f, {**found});
}

}  // namespace

void registerOpen311Routes(httplib::Server& server, Context& ctx) {
    server.Get(R"(/open311/v2/(discovery|services|requests)\.(json|xml))",
               [&ctx](const httplib::Request& req, httplib::Response& res) {
                   const Format f = formatOf(req.matches[2]);
                   if (!admitted(ctx, req, res, f)) return;
                   const std::string what = req.matches[1];
                   if (what == "discovery")
                       discovery(ctx, req, res, f);
                   else if (what == "services")
                       services(ctx, req, res, f);
                   else
                       requests(ctx, req, res, f);
               });
    server.Get(R"(/open311/v2/requests/([^/]{1,64})\.(json|xml))",
               [&ctx](const httplib::Request& req, httplib::Response& res) {
                   const Format f = formatOf(req.matches[2]);
                   if (!admitted(ctx, req, res, f)) return;
                   oneRequest(ctx, req.matches[1], res, f);
               });
    // Anything else under /open311 (another version, a service definition, a typo): 404 in
    // the spec's format rather than the API's.
    server.Get(R"(/open311(/.*)?)", [&ctx](const httplib::Request& req, httplib::Response& res) {
        const Format f =
            req.path.size() > 4 && req.path.compare(req.path.size() - 4, 4, ".xml") == 0
                ? Format::Xml
                : Format::Json;
        if (!admitted(ctx, req, res, f)) return;
        sendOpen311Error(res, f, 404, "no such Open311 resource: " + req.path.substr(0, 120));
    });
}

}  // namespace nghedan::server
