// The access log of personal data: appending entries for the routes that show personal values,
// and the admins' read-only view and CSV export of it (server/API.md "Access log").
#include "access_log.h"

#include <mutex>

#include "../http_util.h"
#include "nghedan/calendar.h"
#include "nghedan/clock.h"
#include "nghedan/labels.h"

namespace nghedan::server {

namespace {

constexpr std::size_t kMaxReasonBytes = 500;
constexpr std::int64_t kMaxCsvEntries = 100000;

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

/** What people call an action (Vietnamese: the log is read by the ward's administrators). */
std::string actionLabel(const std::string& action) {
    static const std::map<std::string, std::string> labels = {
        {"petition_detail", "Xem chi tiết kiến nghị"},
        {"petition_list", "Xem danh sách kiến nghị"},
        {"meeting_detail", "Xem buổi họp"},
        {"export", "Xuất tệp"},
        {"print_minutes", "In biên bản"},
        {"sync_pull", "Đồng bộ về máy tính bảng"},
        {"sync_snapshot", "Tải dữ liệu ban đầu về máy tính bảng"},
        {"access_log_export", "Xuất nhật ký truy cập"},
    };
    auto it = labels.find(action);
    return it == labels.end() ? action : it->second;
}

Json entryJson(const AccessEntry& e) {
    Json records = Json::array();
    for (const auto& r : e.records) records.push_back({{"entity", r.entity}, {"id", r.id}});
    return {{"id", e.id},
            {"at", e.at},
            {"username", e.username},
            {"role", e.role},
            {"roleLabel", roleLabel(e.role, Lang::Vi)},
            {"device", e.device},
            {"action", e.action},
            {"actionLabel", actionLabel(e.action)},
            {"reason", e.reason},
            {"ip", e.ip},
            {"records", records},
            {"recordCount", e.recordCount}};
}

/** The admin's filters from the query; false (400 written) on a bad or unknown parameter. */
bool readQuery(const httplib::Request& req, httplib::Response& res, bool paged, AccessQuery& q) {
    for (const auto& [name, value] : req.params) {
        const bool known = name == "user" || name == "record" || name == "from" || name == "to" ||
                           name == "reason" || (paged && (name == "offset" || name == "limit"));
        if (!known) {
            sendError(res, 400, "invalid_parameter", "Unknown parameter \"" + name + "\"");
            return false;
        }
    }
    q.user = req.get_param_value("user");
    q.record = req.get_param_value("record");
    for (const char* name : {"from", "to"}) {
        const std::string text = req.get_param_value(name);
        if (text.empty()) continue;
        auto day = parseDay(text);
        if (!day) {
            sendError(res, 400, "invalid_parameter",
                      std::string("\"") + name + "\" must be a day YYYY-MM-DD");
            return false;
        }
        if (std::string(name) == "from")
            q.fromMs = vietnamDayStartMs(*day);
        else
            q.toMs = vietnamDayStartMs(*day + 1);
    }
    if (paged) {
        auto number = [&](const char* name, std::int64_t lo, std::int64_t hi, std::int64_t& out) {
            const std::string text = req.get_param_value(name);
            if (text.empty()) return true;
            try {
                std::size_t used = 0;
                const long long v = std::stoll(text, &used);
                if (used == text.size() && v >= lo && v <= hi) {
                    out = v;
                    return true;
                }
            } catch (...) {
            }
            sendError(res, 400, "invalid_parameter",
                      std::string("\"") + name + "\" must be " + std::to_string(lo) + ".." +
                          std::to_string(hi));
            return false;
        };
        if (!number("offset", 0, 10'000'000, q.offset) || !number("limit", 1, 500, q.limit))
            return false;
    }
    return true;
}

/** The admin of the request, or nullopt (401/403 written). Not under ctx.mutex: authentication
 *  takes it itself. */
std::optional<User> admin(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    auto user = ctx.authenticate(req, res);
    if (!user) return std::nullopt;
    if (user->role != "admin") {
        sendError(res, 403, "forbidden",
                  "Chỉ quản trị viên được xem nhật ký truy cập dữ liệu cá nhân.");
        return std::nullopt;
    }
    return user;
}

/** Limits the query to the users of the admin's scope unit subtree. Under ctx.mutex; false
 *  (500 written) when storage failed. */
bool limitToScope(Context& ctx, const User& admin, httplib::Response& res, AccessQuery& q) {
    auto units = ctx.store->unitSubtree(admin.scopeUnit);
    if (!units) {
        sendError(res, 500, "internal", units.error().message);
        return false;
    }
    q.scopeUnits = std::move(*units);
    if (q.scopeUnits.empty()) q.scopeUnits.push_back(admin.scopeUnit);
    return true;
}

/** RFC 4180 field; a cell a spreadsheet would run as a formula is prefixed with '. */
void appendCsvField(std::string& out, std::string text) {
    if (!text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos)
        text.insert(text.begin(), '\'');
    if (text.find_first_of(",\"\r\n") != std::string::npos) {
        out.push_back('"');
        for (char c : text) {
            if (c == '"') out.push_back('"');
            out.push_back(c);
        }
        out.push_back('"');
    } else {
        out += text;
    }
}

void methodNotAllowed(const httplib::Request&, httplib::Response& res) {
    res.set_header("Allow", "GET");
    sendError(res, 405, "method_not_allowed",
              "Nhật ký truy cập chỉ để đọc: không thể thêm, sửa hay xoá qua API.");
}

}  // namespace

std::size_t characterCount(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string accessReason(const httplib::Request& req, const std::string& fallback) {
    std::string reason = req.get_param_value("reason");
    if (reason.empty() && req.has_header("X-Access-Reason"))
        reason = httplib::detail::decode_url(req.get_header_value("X-Access-Reason"), false);
    reason = trim(reason);
    if (reason.size() > kMaxReasonBytes) {
        std::size_t cut = kMaxReasonBytes;
        while (cut > 0 && (static_cast<unsigned char>(reason[cut]) & 0xC0) == 0x80) --cut;
        reason.resize(cut);
    }
    return reason.empty() ? fallback : reason;
}

Status logPersonalAccess(Context& ctx, const User& user, const httplib::Request& req,
                         const std::string& action, std::vector<RecordRef> records,
                         const std::string& reason) {
    AccessEntry e;
    e.at = systemMillis();
    e.username = user.username;
    e.role = user.role;
    e.scopeUnit = user.scopeUnit;
    e.device = user.deviceSite.empty() ? "dashboard" : user.deviceSite;
    e.action = action;
    e.reason = reason;
    e.ip = clientAddress(ctx, req);
    e.records = std::move(records);
    auto id = ctx.store->logPersonalAccess(e);
    if (!id) {
        logLine(LogLevel::Error, "access log: " + id.error().message);
        return id.error();
    }
    return {};
}

void registerAccessLogRoutes(httplib::Server& server, Context& ctx) {
    server.Get("/api/v1/access-log", [&ctx](const httplib::Request& req, httplib::Response& res) {
        auto user = admin(ctx, req, res);
        if (!user) return;
        AccessQuery q;
        if (!readQuery(req, res, true, q)) return;
        std::lock_guard lock(ctx.mutex);
        if (!limitToScope(ctx, *user, res, q)) return;
        auto page = ctx.store->accessLog(q);
        if (!page) return sendError(res, 500, "internal", page.error().message);
        Json rows = Json::array();
        for (const auto& e : page->entries) rows.push_back(entryJson(e));
        res.set_header("Cache-Control", "no-store");
        sendJson(
            res,
            {{"rows", rows}, {"total", page->total}, {"offset", q.offset}, {"limit", q.limit}});
    });

    server.Get(R"(/api/v1/access-log/([0-9]{1,18}))",
               [&ctx](const httplib::Request& req, httplib::Response& res) {
                   auto user = admin(ctx, req, res);
                   if (!user) return;
                   AccessQuery q;
                   if (!readQuery(req, res, false, q)) return;
                   q.id = std::stoll(req.matches[1]);
                   q.limit = 1;
                   std::lock_guard lock(ctx.mutex);
                   if (!limitToScope(ctx, *user, res, q)) return;
                   auto page = ctx.store->accessLog(q);
                   if (!page) return sendError(res, 500, "internal", page.error().message);
                   if (page->entries.empty())
                       return sendError(res, 404, "not_found", "No such entry in your scope");
                   res.set_header("Cache-Control", "no-store");
                   sendJson(res, {{"entry", entryJson(page->entries.front())}});
               });

    server.Get(
        "/api/v1/access-log.csv", [&ctx](const httplib::Request& req, httplib::Response& res) {
            auto user = admin(ctx, req, res);
            if (!user) return;
            AccessQuery q;
            if (!readQuery(req, res, false, q)) return;
            q.limit = kMaxCsvEntries;
            std::lock_guard lock(ctx.mutex);
            if (!limitToScope(ctx, *user, res, q)) return;
            auto page = ctx.store->accessLog(q);
            if (!page) return sendError(res, 500, "internal", page.error().message);
            // Who exported the log, and why, is itself in the log (before the file leaves).
            if (!logPersonalAccess(ctx, *user, req, "access_log_export", {},
                                   accessReason(req, "xuất nhật ký truy cập")))
                return sendError(res, 500, "internal", "the access log could not be written");
            std::string out = "\xEF\xBB\xBF";
            const char* header[] = {"Mã",        "Thời điểm", "Người xem", "Vai trò", "Thiết bị",
                                    "Hành động", "Hồ sơ",     "Số hồ sơ",  "Lý do",   "Địa chỉ"};
            for (std::size_t i = 0; i < std::size(header); ++i) {
                if (i) out.push_back(',');
                appendCsvField(out, header[i]);
            }
            out += "\r\n";
            for (const auto& e : page->entries) {
                std::string records;
                for (const auto& r : e.records)
                    records += (records.empty() ? "" : "; ") + r.entity + "/" + r.id;
                if (e.recordCount > static_cast<std::int64_t>(e.records.size())) records += "; …";
                const std::string cells[] = {std::to_string(e.id),
                                             formatVietnamTime(e.at),
                                             e.username,
                                             roleLabel(e.role, Lang::Vi),
                                             e.device == "dashboard" ? "Trang quản lý" : e.device,
                                             actionLabel(e.action),
                                             records,
                                             std::to_string(e.recordCount),
                                             e.reason,
                                             e.ip};
                for (std::size_t i = 0; i < std::size(cells); ++i) {
                    if (i) out.push_back(',');
                    appendCsvField(out, cells[i]);
                }
                out += "\r\n";
            }
            res.set_header("Content-Disposition", "attachment; filename=\"nhat-ky-truy-cap-" +
                                                      vietnamDate(systemMillis()) + ".csv\"");
            res.set_header("Cache-Control", "no-store");
            res.set_content(out, "text/csv; charset=utf-8");
        });

    for (const char* path :
         {"/api/v1/access-log", "/api/v1/access-log.csv", R"(/api/v1/access-log/([^/]*))"}) {
        server.Post(path, methodNotAllowed);
        server.Put(path, methodNotAllowed);
        server.Patch(path, methodNotAllowed);
        server.Delete(path, methodNotAllowed);
    }
}

}  // namespace nghedan::server
