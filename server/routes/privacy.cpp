// A person's requests about their personal data, answered by an admin: find every record that
// names them, give them a copy, erase their personal fields (server/privacy.h). Admins see no
// personal field anywhere else; here they do, for the request they name: every call states the
// request it serves (`reason`, e.g. "Đơn số 12/2026 của ông A") and is recorded in the access
// log with the records it showed.
#include "../privacy.h"
#include "access_log.h"
#include "read_model.h"

namespace nghedan::server {

namespace {

constexpr std::size_t kMaxMatches = 500;     // one person: more means the query is too loose
constexpr std::size_t kMaxScanned = 2'000'000;

bool isAdmin(const User& user, httplib::Response& res) {
    if (user.role == "admin") return true;
    sendError(res, 403, "forbidden", "Only an admin answers a person's data requests");
    return false;
}

/** The request a call serves: 5 to 300 characters; writes 400 otherwise. */
std::optional<std::string> reasonOf(const std::string& reason, httplib::Response& res) {
    if (reason.size() < 5 || reason.size() > 300) {
        sendError(res, 400, "access_reason_required",
                  "Ghi rõ yêu cầu của người dân (số đơn, ngày nhận) — từ 5 đến 300 ký tự");
        return std::nullopt;
    }
    return reason;
}

struct Match {
    std::string entity;
    Json row;
    std::vector<std::string> fields;
};

/** Every live or deleted record in the admin's scope whose personal fields name the person. */
Result<std::vector<Match>> findPerson(Context& ctx, const Scope& scope, const PersonQuery& query) {
    std::vector<Match> out;
    for (const EntityDef& e : entities()) {
        if (personalFieldsOf(e.name).empty()) continue;
        ListQuery q;
        q.entity = e.name;
        q.unitRoot = scope.root;
        q.includeDeleted = true;
        q.sort = "created_hlc";
        auto rows = listAll(*ctx.store, q, kMaxScanned);
        if (!rows) return rows.error();
        for (Json& row : *rows) {
            auto fields = personMatchedFields(query, e.name, row);
            if (fields.empty()) continue;
            out.push_back({e.name, std::move(row), std::move(fields)});
            if (out.size() > kMaxMatches) return out;
        }
    }
    return out;
}

/** A person's request as a GET states it (`q`, `reason`) and the records in the admin's scope
 *  that name the person; nullopt when an answer (an error) is already written. */
struct PersonRequest {
    std::string q, reason;
    std::vector<Match> matches;
};
std::optional<PersonRequest> readPersonRequest(Context& ctx, const httplib::Request& req,
                                               httplib::Response& res, const User& user) {
    if (!isAdmin(user, res)) return std::nullopt;
    Params params(req, {"q", "reason"});
    if (!params.ok()) {
        params.reply(res);
        return std::nullopt;
    }
    PersonRequest out{params.text("q"), params.text("reason"), {}};
    auto query = personQuery(out.q);
    if (!query) {
        sendError(res, 400, "invalid_query",
                  "Nhập họ tên (ít nhất một từ) hoặc số điện thoại (ít nhất 6 chữ số)");
        return std::nullopt;
    }
    auto why = reasonOf(out.reason, res);
    if (!why) return std::nullopt;
    auto scope = scopeOf(ctx, user);
    if (!scope) {
        sendError(res, 403, "scope_unknown", scope.error().message);
        return std::nullopt;
    }
    auto matches = findPerson(ctx, **scope, *query);
    if (!matches) {
        sendError(res, 500, "internal", matches.error().message);
        return std::nullopt;
    }
    out.matches = std::move(*matches);
    return out;
}

/** A materialised row's "deleted" (a boolean or a 0/1 column). */
bool isDeleted(const Json& row) {
    const auto d = row.find("deleted");
    if (d == row.end()) return false;
    return d->is_boolean() ? d->get<bool>() : d->is_number() && d->get<double>() != 0;
}

Json matchJson(Context& ctx, const Match& m) {
    const Directory& dir = directory(ctx);
    Json j{{"entity", m.entity},
           {"id", m.row.value("id", "")},
           {"unit", m.row.value("unit", "")},
           {"unitName", dir.unitName(m.row.value("unit", ""))},
           {"matched", m.fields},
           {"deleted", isDeleted(m.row)}};
    const EntityDef* def = findEntity(m.entity);
    if (def && m.row.contains(def->titleField)) j["title"] = m.row[def->titleField];
    for (const char* f : {"status", "received_at", "receipt_code"})
        if (m.row.contains(f)) j[f] = m.row[f];
    for (const std::string& f : personalFieldsOf(m.entity))
        if (m.row.contains(f)) j[f] = m.row[f];
    return j;
}

std::vector<RecordRef> recordRefs(const std::vector<Match>& matches) {
    std::vector<RecordRef> refs;
    for (const Match& m : matches) refs.push_back({m.entity, m.row.value("id", "")});
    return refs;
}

/** Logs the look before the values leave; false (500 written) when it could not be logged. */
bool logged(Context& ctx, const httplib::Request& req, httplib::Response& res, const User& user,
            const std::string& action, std::vector<RecordRef> records, const std::string& reason) {
    if (Status s = logPersonalAccess(ctx, user, req, action, std::move(records), reason); !s) {
        sendError(res, 500, "internal", "the access could not be logged; nothing was shown");
        return false;
    }
    return true;
}

void searchRoute(Context& ctx, const httplib::Request& req, httplib::Response& res, const User& user) {
    auto request = readPersonRequest(ctx, req, res, user);
    if (!request) return;
    std::vector<Match>* matches = &request->matches;
    Json items = Json::array();
    const bool truncated = matches->size() > kMaxMatches;
    if (truncated) matches->resize(kMaxMatches);
    for (const Match& m : *matches) items.push_back(matchJson(ctx, m));
    if (!logged(ctx, req, res, user, "privacy_search", recordRefs(*matches), request->reason)) return;
    sendJson(res, {{"items", std::move(items)}, {"truncated", truncated}});
}

void exportRoute(Context& ctx, const httplib::Request& req, httplib::Response& res, const User& user) {
    auto request = readPersonRequest(ctx, req, res, user);
    if (!request) return;
    const std::vector<Match>* matches = &request->matches;
    if (matches->size() > kMaxMatches)
        return sendError(res, 400, "too_many", "Quá nhiều hồ sơ khớp: hãy nhập đủ họ tên hoặc số điện thoại");
    Json records = Json::array();
    for (const Match& m : *matches) {
        Json rec = matchJson(ctx, m);
        rec["fields"] = shapeRow(ctx, User{user.username, user.displayName, "official", user.scopeUnit, {}},
                                 m.entity, m.row);
        auto versions = ctx.store->history(m.entity, m.row.value("id", ""));
        if (!versions) return sendError(res, 500, "internal", versions.error().message);
        Json history = Json::array();
        for (const VersionView& v : *versions)
            history.push_back({{"field", v.field},
                               {"value", v.withheld ? Json() : v.value},
                               {"at", hlcMillis(v.hlc)},
                               {"author", v.author},
                               {"current", v.current}});
        rec["history"] = std::move(history);
        records.push_back(std::move(rec));
    }
    if (!logged(ctx, req, res, user, "privacy_export", recordRefs(*matches), request->reason)) return;
    const Json body{{"title", "Dữ liệu cá nhân được lưu trong hệ thống NgheDan"},
                    {"generatedAt", systemMillis()},
                    {"request", request->reason},
                    {"query", request->q},
                    {"records", std::move(records)}};
    res.set_header("Content-Disposition", "attachment; filename=\"du-lieu-ca-nhan.json\"");
    res.set_header("Cache-Control", "no-store");
    sendJson(res, body);
}

void eraseRoute(Context& ctx, const httplib::Request& req, httplib::Response& res, const User& user,
                const Json& body) {
    if (!isAdmin(user, res)) return;
    if (!body.is_object() || !body.contains("records") || !body["records"].is_array() ||
        body["records"].empty() || body["records"].size() > kMaxMatches ||
        !body.value("reason", Json()).is_string())
        return sendError(res, 400, "invalid_body",
                         "The body must be {\"records\":[{\"entity\",\"id\"}...], \"reason\":\"...\"}");
    auto why = reasonOf(body["reason"].get<std::string>(), res);
    if (!why) return;
    auto scope = scopeOf(ctx, user);
    if (!scope) return sendError(res, 403, "scope_unknown", scope.error().message);
    // Check every record first: one outside the scope refuses the whole request.
    std::vector<std::tuple<std::string, std::string, std::string>> targets;
    for (const Json& r : body["records"]) {
        if (!r.is_object() || !r.value("entity", Json()).is_string() || !r.value("id", Json()).is_string())
            return sendError(res, 400, "invalid_body", "Each record is {\"entity\":..., \"id\":...}");
        const std::string entity = r["entity"], id = r["id"];
        if (personalFieldsOf(entity).empty())
            return sendError(res, 400, "invalid_body", "Records of \"" + entity + "\" hold no personal field");
        auto rec = ctx.store->get(entity, id);
        if (!rec) return sendError(res, 500, "internal", rec.error().message);
        const std::string unit = *rec ? (*rec)->values.value("unit", "") : std::string();
        if (!*rec || !(*scope)->contains(unit))
            return sendError(res, 404, "not_found", "No such record in your scope: " + entity + "/" + id);
        targets.emplace_back(entity, id, unit);
    }
    std::vector<RecordRef> refs;
    for (const auto& [entity, id, unit] : targets) refs.push_back({entity, id});
    if (!logged(ctx, req, res, user, "privacy_erase", refs, *why)) return;
    auto erased = redactAll(*ctx.store, targets, user.username, *why);
    if (!erased) return sendError(res, 500, "internal", erased.error().message);
    sendJson(res, {{"erased", *erased}, {"unchanged", targets.size() - *erased}});
}

}  // namespace

void registerPrivacyRoutes(httplib::Server& server, Context& ctx) {
    server.Get("/api/v1/privacy/person",
               guarded(ctx, [&ctx](const httplib::Request& req, httplib::Response& res,
                                   const User& user) { searchRoute(ctx, req, res, user); }));
    server.Get("/api/v1/privacy/person/export",
               guarded(ctx, [&ctx](const httplib::Request& req, httplib::Response& res,
                                   const User& user) { exportRoute(ctx, req, res, user); }));
    server.Post("/api/v1/privacy/erase",
                guardedWrite(ctx, [&ctx](const httplib::Request& req, httplib::Response& res,
                                         const User& user, const Json& body) {
                    eraseRoute(ctx, req, res, user, body);
                }));
}

}  // namespace nghedan::server
