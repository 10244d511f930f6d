// Writes from the dashboard: petition handling fields, directives and progress updates. Each
// becomes a change of the server's replica like any tablet's, with the signed-in user as author;
// tablets receive it through pull.
#include <algorithm>

#include "nghedan/policy.h"
#include "nghedan/workflow.h"
#include "read_model.h"

namespace nghedan::server {

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

/** Checks the role may write from the dashboard; writes 403 otherwise. */
bool mayWrite(const User& user, httplib::Response& res) {
    if (mayWriteFromDashboard(user.role)) return true;
    sendError(res, 403, "forbidden", "Your role cannot change records from the dashboard");
    return false;
}

/** Copies allowed body fields into `set`; 400 for unknown fields, 403 for fields the role
 *  may not set. */
bool takeFields(const Json& body, const std::string& entity, const std::vector<std::string>& allowed,
                std::map<std::string, Json>& set, httplib::Response& res) {
    if (!body.is_object()) {
        sendError(res, 400, "invalid_body", "The body must be a JSON object");
        return false;
    }
    const EntityDef* def = findEntity(entity);
    for (const auto& [name, value] : body.items()) {
        if (!def->field(name)) {
            sendError(res, 400, "unknown_field", "Unknown field \"" + name + "\" of " + entity);
            return false;
        }
        if (!contains(allowed, name)) {
            sendError(res, 403, "forbidden_field",
                      "The field \"" + name + "\" cannot be set from the dashboard");
            return false;
        }
        set[name] = value;
    }
    if (set.empty()) {
        sendError(res, 400, "invalid_body", "No field to set");
        return false;
    }
    return true;
}

/** Writes and answers with the record as the read API shows it. */
void writeAndReply(Context& ctx, const User& user, WriteRequest request, httplib::Response& res,
                   int status) {
    request.author = user.username;
    auto change = ctx.store->write(request);
    if (!change) {
        const int code = change.error().code == "io" ? 500 : 400;
        return sendError(res, code, change.error().code, change.error().message);
    }
    auto rec = ctx.store->get(request.entity, change->id);
    if (!rec || !rec->has_value()) return sendError(res, 500, "internal", "The record vanished");
    sendJson(res,
             {{request.entity, shapeRow(ctx, user, request.entity, (*rec)->values)},
              {"change", {{"site", change->site}, {"seq", change->seq}, {"hlc", change->hlc}}}},
             status);
}

void setPetitionHandling(Context& ctx, const httplib::Request& req, httplib::Response& res,
                         const User& user, const Json& json) {
    if (!mayWrite(user, res)) return;
    const Json* body = &json;
    const std::string id = req.matches[1];
    auto rec = visibleRecord(ctx, user, "petition", id, res);
    if (!rec) return;
    WriteRequest w;
    w.entity = "petition";
    w.id = id;
    if (!takeFields(*body, "petition", supervisorPetitionFields(), w.set, res)) return;
    const auto lineage = directory(ctx).lineageLevels(rec->values.value("unit", ""));
    if (auto level = w.set.find("handling_level");
        level != w.set.end() && level->second.is_string()) {
        const auto levels = handlingLevels(lineage);
        if (std::find(levels.begin(), levels.end(), level->second.get<std::string>()) == levels.end())
            return sendError(res, 400, "invalid_level",
                             "This petition's unit tree has no level \"" +
                                 level->second.get<std::string>() + "\"");
    }
    auto status = w.set.find("status");
    if (status != w.set.end() && status->second.is_string() &&
        status->second != rec->values.value("status", Json())) {
        // The workflow decides the step and what it sets (shared workflow.h); what the body
        // gives explicitly (e.g. a resolved_at) stays.
        const auto text = [&](const char* field) {
            auto it = w.set.find(field);
            const Json& v = it != w.set.end() ? it->second : rec->values.value(field, Json());
            return v.is_string() ? v.get<std::string>() : std::string();
        };
        StatusStep step{status->second.get<std::string>(), text("status_reason"), text("handling_level")};
        if (w.set.find("status_reason") == w.set.end()) step.reason.clear();  // a new reason
        auto fields = petitionStepFields(rec->values, step, ctx.store->clock().wallMillis(),
                                         escalationTargets(lineage));
        if (!fields) return sendError(res, 400, fields.error().code, fields.error().message);
        for (auto& [field, value] : *fields) w.set.try_emplace(field, std::move(value));
    }
    writeAndReply(ctx, user, std::move(w), res, 200);
}

const std::vector<std::string>& directiveFields() {
    static const std::vector<std::string> fields = {"meeting", "petition", "issued_by",
                                                    "agency", "instruction", "due_date", "status",
                                                    "result", "completed_at"};
    return fields;
}

void createDirective(Context& ctx, const httplib::Request&, httplib::Response& res,
                     const User& user, const Json& json) {
    if (!mayWrite(user, res)) return;
    Json fields = json;
    Json* body = &fields;
    WriteRequest w;
    w.entity = "directive";
    std::string unit;
    if (body->is_object() && body->contains("unit")) {
        // "unit" is the record's place, not a field: where a directive without parent belongs.
        if ((*body)["unit"].is_string()) unit = (*body)["unit"].get<std::string>();
        body->erase("unit");
    }
    if (!takeFields(*body, "directive", directiveFields(), w.set, res)) return;
    // The directive belongs where it was given (shared unitDecidingLinks): the petition's or
    // meeting's unit, else the one named.
    const std::string namedUnit = unit;
    unit.clear();
    for (const std::string& parent : unitDecidingLinks("directive")) {
        auto it = w.set.find(parent);
        if (it == w.set.end() || it->second.is_null()) continue;
        if (!it->second.is_string())
            return sendError(res, 400, "invalid_value", "\"" + parent + "\" must be an id");
        auto rec = visibleRecord(ctx, user, parent, it->second.get<std::string>(), res);
        if (!rec) return;
        if (unit.empty()) unit = rec->values.value("unit", "");
    }
    if (unit.empty()) unit = namedUnit;
    auto scope = scopeOf(ctx, user);
    if (!scope) return sendError(res, 403, "scope_unknown", scope.error().message);
    if (unit.empty()) unit = user.scopeUnit;
    if (!(*scope)->contains(unit)) return sendError(res, 404, "not_found", "No such unit in your scope");
    w.unit = unit;
    if (!w.set.count("issued_by")) w.set["issued_by"] = user.displayName.empty() ? user.username : user.displayName;
    if (!w.set.count("status") && !directiveStatuses().empty()) w.set["status"] = directiveStatuses().front();
    writeAndReply(ctx, user, std::move(w), res, 201);
}

void updateDirective(Context& ctx, const httplib::Request& req, httplib::Response& res,
                     const User& user, const Json& json) {
    if (!mayWrite(user, res)) return;
    const Json* body = &json;
    const std::string id = req.matches[1];
    auto rec = visibleRecord(ctx, user, "directive", id, res);
    if (!rec) return;
    WriteRequest w;
    w.entity = "directive";
    w.id = id;
    static const std::vector<std::string> editable = {"agency", "instruction", "due_date",
                                                      "status", "result", "completed_at"};
    if (!takeFields(*body, "directive", editable, w.set, res)) return;
    auto status = w.set.find("status");
    if (status != w.set.end() && status->second.is_string() &&
        status->second != rec->values.value("status", Json())) {
        auto fields = directiveStepFields(rec->values, status->second.get<std::string>(),
                                          ctx.store->clock().wallMillis());
        if (!fields) return sendError(res, 400, fields.error().code, fields.error().message);
        for (auto& [field, value] : *fields) w.set.try_emplace(field, std::move(value));
    }
    writeAndReply(ctx, user, std::move(w), res, 200);
}

void createUpdate(Context& ctx, const httplib::Request&, httplib::Response& res,
                  const User& user, const Json& json) {
    if (!mayWrite(user, res)) return;
    const Json* body = &json;
    WriteRequest w;
    w.entity = "update";
    if (!takeFields(*body, "update", {"parent", "text"}, w.set, res)) return;
    auto parent = w.set.find("parent");
    if (parent == w.set.end() || !parent->second.is_string())
        return sendError(res, 400, "invalid_value", "\"parent\" must name a petition or directive");
    const std::string parentId = parent->second.get<std::string>();
    std::string unit;
    for (const char* entity : {"petition", "directive"}) {
        auto rec = ctx.store->get(entity, parentId);
        if (rec && rec->has_value() && (*rec)->values.value("deleted", Json(false)) != true) {
            unit = (*rec)->values.value("unit", "");
            w.set["parent_entity"] = entity;
            break;
        }
    }
    auto scope = scopeOf(ctx, user);
    if (unit.empty() || !scope || !(*scope)->contains(unit))
        return sendError(res, 404, "not_found", "No such petition or directive in your scope");
    w.unit = unit;
    writeAndReply(ctx, user, std::move(w), res, 201);
}

}  // namespace

void registerSuperviseRoutes(httplib::Server& server, Context& ctx) {
    server.Post(R"(/api/v1/petitions/([0-9A-Za-z_-]{1,64})/handling)",
                guardedWrite(ctx,
                             [&ctx](const httplib::Request& req, httplib::Response& res,
                                    const User& user, const Json& body) {
                                 setPetitionHandling(ctx, req, res, user, body);
                             }));
    server.Post("/api/v1/directives",
                guardedWrite(ctx,
                             [&ctx](const httplib::Request& req, httplib::Response& res,
                                    const User& user, const Json& body) {
                                 createDirective(ctx, req, res, user, body);
                             }));
    server.Post(R"(/api/v1/directives/([0-9A-Za-z_-]{1,64}))",
                guardedWrite(ctx,
                             [&ctx](const httplib::Request& req, httplib::Response& res,
                                    const User& user, const Json& body) {
                                 updateDirective(ctx, req, res, user, body);
                             }));
    server.Post("/api/v1/updates",
                guardedWrite(ctx,
                             [&ctx](const httplib::Request& req, httplib::Response& res,
                                    const User& user, const Json& body) {
                                 createUpdate(ctx, req, res, user, body);
                             }));
}

}  // namespace nghedan::server
