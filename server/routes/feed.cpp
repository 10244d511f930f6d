// GET /feed/<unitId>.atom: the newest resolved public petitions of a unit and its subtree as
// an Atom 1.0 feed, for neighbourhood chat groups, news readers and local news sites.
#include <algorithm>
#include <cctype>

#include "context.h"
#include "http_util.h"
#include "markup.h"
#include "nghedan/labels.h"
#include "nghedan/workflow.h"
#include "public_petitions.h"
#include "rate_limit.h"

namespace nghedan::server {
namespace {

/** Entries in a feed: readers poll it, so it holds what is new, not the archive. */
constexpr int kFeedEntries = 50;

void sendText(httplib::Response& res, int status, const std::string& text) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(text + "\n", "text/plain; charset=utf-8");
}

std::int64_t millis(const Json& view, const char* name) {
    const auto it = view.find(name);
    return it != view.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

/** RFC 3986 percent-encoding of anything but unreserved characters (unit ids in URNs). */
std::string percentEncoded(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string entry(const PublicPetition& p, const std::string& origin) {
    const Json& v = p.view;
    const std::string code = textOf(v, "receipt_code");
    const std::int64_t resolved = millis(v, "resolved_at") ? millis(v, "resolved_at") : p.updatedMs;
    std::string summary = fieldLabel("petition", "status", Lang::Vi) + ": " +
                          enumLabel("petition", "status", textOf(v, "status"), Lang::Vi);
    if (!p.agencyName.empty())
        summary += ". " + fieldLabel("petition", "lead_agency", Lang::Vi) + ": " + p.agencyName;
    if (const std::string r = textOf(v, "resolution"); !r.empty())
        summary += ". " + fieldLabel("petition", "resolution", Lang::Vi) + ": " + r;
    if (const std::string note = textOf(v, "public_note"); !note.empty())
        summary += ". " + fieldLabel("petition", "public_note", Lang::Vi) + ": " + note;
    const std::string category = textOf(v, "category");
    return "<entry><id>urn:nghedan:receipt:" + xmlEscape(code) + "</id><title>" +
           xmlEscape(textOf(v, "title")) + "</title><updated>" + isoVietnamTime(resolved) +
           "</updated><published>" + isoVietnamTime(millis(v, "received_at")) +
           "</published><link rel=\"alternate\" type=\"text/html\" href=\"" +
           xmlEscape(origin + "/tra-cuu?ma=" + code) + "\"/><category term=\"" +
           xmlEscape(category) + "\" label=\"" +
           xmlEscape(enumLabel("petition", "category", category, Lang::Vi)) +
           "\"/><summary type=\"text\">" + xmlEscape(summary) + "</summary></entry>";
}

}  // namespace

void registerFeedRoutes(httplib::Server& server, Context& ctx) {
    server.Get(
        R"(/feed/([^/]{1,64})\.atom)", [&ctx](const httplib::Request& req, httplib::Response& res) {
            if (auto wait = ctx.publicLimiter->take(clientAddress(ctx, req))) {
                res.set_header("Retry-After", std::to_string(*wait));
                return sendText(res, 429,
                                "Quá nhiều yêu cầu từ địa chỉ này; xin thử lại sau " +
                                    std::to_string(*wait) + " giây.");
            }
            const std::string unit = req.matches[1];
            PublicFilter filter;
            filter.unitRoot = unit;
            for (const std::string& s : petitionStatuses())
                if (isResolvedPetitionStatus(s)) filter.statuses.push_back(s);
            filter.sort = "resolved_at";
            filter.limit = kFeedEntries;
            std::optional<std::string> unitName;
            Result<PublicPage> page = Error{"", ""};
            {
                std::lock_guard lock(ctx.mutex);
                auto name = liveUnitName(*ctx.store, unit);
                if (!name) {
                    logLine(LogLevel::Error, "feed: " + name.error().message);
                    return sendText(res, 500, "Lỗi máy chủ; xin thử lại sau.");
                }
                unitName = *name;
                if (unitName) page = listPublicPetitions(*ctx.store, *ctx.publicNames, filter);
            }
            if (!unitName) return sendText(res, 404, "Không có đơn vị này.");
            if (!page) {
                logLine(LogLevel::Error, "feed: " + page.error().message);
                return sendText(res, 500, "Lỗi máy chủ; xin thử lại sau.");
            }
            const std::string origin = requestOrigin(ctx, req);
            std::int64_t updated = 0;
            std::string entries;
            for (const PublicPetition& p : page->items) {
                const std::int64_t at =
                    millis(p.view, "resolved_at") ? millis(p.view, "resolved_at") : p.updatedMs;
                updated = std::max(updated, at);
                entries += entry(p, origin);
            }
            // An empty feed has changed, at the latest, now.
            if (updated == 0) updated = serverNowMs();
            std::string xml =
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">";
            xml += "<id>urn:nghedan:feed:" + xmlEscape(percentEncoded(unit)) + "</id>";
            xml += "<title>" + xmlEscape("Kiến nghị đã giải quyết: " + *unitName) + "</title>";
            xml += "<subtitle>Kiến nghị công khai đã có kết quả giải quyết</subtitle>";
            xml += "<updated>" + isoVietnamTime(updated) + "</updated>";
            xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" +
                   xmlEscape(origin + "/feed/" + percentEncoded(unit) + ".atom") + "\"/>";
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"" +
                   xmlEscape(origin + "/tra-cuu") + "\"/>";
            xml += "<author><name>" + xmlEscape(*unitName) + "</name></author>";
            xml += "<generator>NgheDan</generator>";
            xml += entries + "</feed>\n";
            res.set_header("Cache-Control", "no-store");
            res.set_header("X-Content-Type-Options", "nosniff");
            res.set_content(std::move(xml), "application/atom+xml; charset=utf-8");
        });
}

}  // namespace nghedan::server
