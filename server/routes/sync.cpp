// /api/v1/sync/*: push (validated and authorised per change), pull, snapshot and state.
// The protocol is server/API.md; shared/src/sync_client.cpp is the other side.

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "../context.h"
#include "../http_util.h"
#include "../users.h"
#include "access_log.h"
#include "nghedan/client_version.h"
#include "nghedan/personal.h"
#include "nghedan/policy.h"
#include "nghedan/sealed.h"

namespace nghedan::server {
namespace {

std::string wireString(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool isReferenceEntity(const std::string& entity) {
    return entity == "unit" || entity == "agency";
}

/** Authorisation of one push: caches the users and scope subtrees it looks up. Runs inside
 *  Replica::apply's transaction (same connection, under ctx.mutex). */
class PushAuthorizer {
public:
    PushAuthorizer(Context& ctx, const User& pusher, std::int64_t nowMs)
        : m_ctx(ctx), m_users(*ctx.store), m_pusher(pusher), m_now(nowMs) {}

    std::optional<Error> operator()(const Change& c, bool creates) {
        if (hlcMillis(c.hlc) > m_now + m_ctx.settings.maxClockAheadMs)
            return Error{"clock_ahead",
                         "the change is stamped " +
                             std::to_string((hlcMillis(c.hlc) - m_now) / 1000) +
                             " s ahead of server time; re-stamp it with the server's time"};

        const Account* author = nullptr;
        if (!m_pusher.deviceSite.empty() && c.site == m_pusher.deviceSite) {
            if (c.author != m_pusher.username) {
                // A tablet handed over from one user to another still sends the first one's
                // changes: accepted when that user has logged in on this device.
                auto used = m_users.userUsedDevice(c.author, c.site);
                if (!used || !*used)
                    return Error{"author_mismatch", "the change's author '" + c.author +
                                                        "' is not the signed-in user of device " +
                                                        c.site};
            }
            author = account(c.author);
            if (!author) return Error{"unknown_author", "no user '" + c.author + "'"};
        } else {
            return relayed(c, creates);
        }
        return checkRoleAndScope(*author, c, creates);
    }

private:
    /** Another site's change relayed by this device (after a server restore): its author must
     *  be a known user allowed to write it, and the relaying user must be allowed to see it.
     *  A relay is never refused for good (ApplyOptions::sender keeps its site's seq where it
     *  was): "not_relayed" tells the relaying tablet its author's device sends it. */
    std::optional<Error> relayed(const Change& c, bool creates) {
        std::optional<Error> refusal;
        const Account* author = account(c.author);
        if (!author) {
            refusal = Error{"unknown_author", "no user '" + c.author + "'"};
        } else if (!isReferenceEntity(c.entity) && !inScope(m_pusher.scopeUnit, c.unit)) {
            refusal = Error{"out_of_scope",
                            "unit " + c.unit + " is outside the scope of " + m_pusher.username};
        } else {
            refusal = checkRoleAndScope(*author, c, creates);
        }
        if (!refusal) return std::nullopt;
        return Error{"not_relayed", "not taken from a relaying device (" + refusal->code + ": " +
                                        refusal->message + "); its author's device sends it"};
    }

    std::optional<Error> checkRoleAndScope(const Account& a, const Change& c, bool creates) {
        const std::string who = a.username + " (" + a.role + ")";
        std::vector<std::string> fields;
        for (const auto& [field, value] : c.set) fields.push_back(field);
        if (auto refusal = roleWriteRefusal(a.role, c.entity, creates, fields))
            return Error{refusal->code, who + ": " + refusal->message};
        if (isReferenceEntity(c.entity)) return checkReferenceScope(a, c, creates);
        if (!inScope(a.scopeUnit, c.unit))
            return Error{"out_of_scope", "unit " + c.unit + " is outside the scope of " + who};
        if (c.entity == "redaction" && creates) return checkRedactionTarget(c);
        if (c.entity == "attachment") return checkAttachmentLimits(c, creates);
        return std::nullopt;
    }

    /** What an attachment record will be once a change is applied (the limits' part of it). */
    struct AttachmentState {
        std::string parent;
        long long size = 0;
        bool deleted = false;
    };

    /** The limits per file and per record (Settings::attachmentLimits, policy.h): a change that
     *  adds an attachment, or makes one larger, must keep its record within them. Removing one,
     *  or editing its caption, always passes. This push's earlier attachments count too (the
     *  materialised rows follow only at commit). */
    std::optional<Error> checkAttachmentLimits(const Change& c, bool creates) {
        AttachmentState state;
        if (!creates) {
            if (auto known = m_attachments.find(c.id); known != m_attachments.end()) {
                state = known->second;
            } else {
                auto row = m_users.get("attachment", c.id);
                if (!row) return Error{"storage", row.error().message};
                if (*row) {
                    const Json& v = (*row)->values;
                    if (v.contains("parent") && v["parent"].is_string()) state.parent = v["parent"];
                    if (v.contains("size") && v["size"].is_number_integer()) state.size = v["size"];
                    state.deleted = v.contains("deleted") && v["deleted"].is_boolean() &&
                                    v["deleted"].get<bool>();
                }
            }
        }
        const bool wasDeleted = !creates && state.deleted;
        auto set = [&c](const char* field) -> const Json* {
            const auto it = c.set.find(field);
            return it == c.set.end() ? nullptr : &it->second;
        };
        if (const Json* v = set("parent"); v && v->is_string())
            state.parent = v->get<std::string>();
        if (const Json* v = set("size"); v && v->is_number_integer())
            state.size = v->get<long long>();
        if (const Json* v = set("deleted")) state.deleted = v->is_boolean() && v->get<bool>();
        const bool adds = !state.deleted && (creates || set("size") || set("parent") ||
                                             (set("deleted") && wasDeleted));
        if (adds) {
            auto others = m_users.liveAttachmentsOf(state.parent);
            if (!others) return Error{"storage", others.error().message};
            int count = 0;
            long long bytes = 0;
            for (const AttachmentSize& a : *others) {
                if (a.id == c.id || m_attachments.count(a.id)) continue;
                ++count;
                bytes += a.size;
            }
            for (const auto& [id, other] : m_attachments) {
                if (id == c.id || other.deleted || other.parent != state.parent) continue;
                ++count;
                bytes += other.size;
            }
            if (auto refusal = attachmentLimitRefusal(m_ctx.settings.attachmentLimits, state.size,
                                                      count, bytes))
                return refusal;
        }
        m_attachments[c.id] = state;
        return std::nullopt;
    }

    /** A redaction lies in its target record's unit: the scope checked above is the target's,
     *  and the redaction reaches exactly the replicas that hold the record. */
    std::optional<Error> checkRedactionTarget(const Change& c) {
        const auto entity = c.set.find("target_entity");
        const auto id = c.set.find("target_id");
        if (entity == c.set.end() || id == c.set.end() || !entity->second.is_string() ||
            !id->second.is_string())
            return std::nullopt;  // the schema's check refuses it
        auto target = m_users.get(entity->second.get<std::string>(), id->second.get<std::string>());
        if (!target) return Error{"storage", target.error().message};
        if (!*target || (*target)->values.value("unit", "") != c.unit)
            return Error{"redaction_unit",
                         "a redaction must lie in the unit of an existing record it erases"};
        return std::nullopt;
    }

    std::optional<Error> checkReferenceScope(const Account& a, const Change& c, bool creates) {
        if (c.entity == "agency") {
            if (inScope(a.scopeUnit, c.unit)) return std::nullopt;
            return Error{"out_of_scope",
                         "agency unit " + c.unit + " is outside the scope of " + a.username};
        }
        // unit: an existing unit must be in the admin's subtree; a new one hangs below it.
        if (!creates) {
            if (inScope(a.scopeUnit, c.id)) return std::nullopt;
            return Error{"out_of_scope", "unit " + c.id + " is outside the scope of " + a.username};
        }
        const auto parent = c.set.find("parent");
        if (parent != c.set.end() && parent->second.is_string()) {
            if (inScope(a.scopeUnit, parent->second.get<std::string>())) return std::nullopt;
            return Error{"out_of_scope", "parent unit " + parent->second.get<std::string>() +
                                             " is outside the scope of " + a.username};
        }
        // A new root unit: only an admin whose own scope is a root.
        if (isRootUnit(a.scopeUnit)) return std::nullopt;
        return Error{"out_of_scope", "only an admin of the whole tree may add a root unit"};
    }

    const Account* account(const std::string& username) {
        auto it = m_accounts.find(username);
        if (it == m_accounts.end()) {
            std::optional<Account> found;
            if (username == m_pusher.username) {
                Account a;
                a.username = m_pusher.username;
                a.displayName = m_pusher.displayName;
                a.role = m_pusher.role;
                a.scopeUnit = m_pusher.scopeUnit;
                found = a;
            } else if (auto r = m_users.findUser(username); r) {
                found = *r;
            }
            it = m_accounts.emplace(username, std::move(found)).first;
        }
        return it->second ? &*it->second : nullptr;
    }

    bool inScope(const std::string& root, const std::string& unit) {
        auto it = m_subtrees.find(root);
        if (it == m_subtrees.end()) {
            std::unordered_set<std::string> units;
            if (auto sub = m_ctx.store->unitSubtree(root); sub)
                units.insert(sub->begin(), sub->end());
            it = m_subtrees.emplace(root, std::move(units)).first;
        }
        return it->second.count(unit) > 0;
    }

    bool isRootUnit(const std::string& unit) {
        auto parent = m_ctx.store->unitParent(unit);
        return !parent || !*parent || (*parent)->empty();  // no such unit yet: an empty tree
    }

    Context& m_ctx;
    Store& m_users;
    const User& m_pusher;
    std::int64_t m_now;
    std::unordered_map<std::string, std::optional<Account>> m_accounts;
    std::unordered_map<std::string, std::unordered_set<std::string>> m_subtrees;
    /** Attachments this push has changed so far, by id. */
    std::unordered_map<std::string, AttachmentState> m_attachments;
};

/** The user of a device session: the sync routes serve tablets only (a dashboard cookie
 *  has no device, no key and nothing to sync), and only app versions this server takes
 *  (client_version.h: any other hears why before anything is read). */
std::optional<User> deviceUser(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    if (auto refused = clientVersionRefusal(req.get_header_value(kClientVersionHeader))) {
        sendError(res, versionRefusalStatus(refused->code), refused->code, refused->message);
        return std::nullopt;
    }
    auto user = ctx.authenticate(req, res);
    if (user && user->deviceSite.empty()) {
        sendError(res, 403, "device_required", "sync is for a tablet's device session");
        user.reset();
    }
    // Checked from the headers before the body is read: a refused request's body stays unread,
    // so its connection ends with the answer (GuardedServer).
    return user;
}

/** The first change of the pusher's own device that carries no signature although it was
 *  made after the device had a key: the app is too old to sign (nothing is refused, so
 *  nothing is lost; the updated app signs and sends them again). */
const Change* unsignedOwnChange(Context& ctx, const User& pusher, const std::vector<Change>& changes,
                                const std::map<Dot, Error>& malformed) {
    auto key = ctx.store->siteKey(pusher.deviceSite);
    const std::uint64_t legacy = key && *key ? (*key)->unsignedThrough : 0;
    for (const Change& c : changes)
        if (c.site == pusher.deviceSite && c.sig.empty() && c.seq > legacy &&
            !malformed.count(c.dot()))
            return &c;
    return nullptr;
}

/** The keys that prove the changes of these sites, as the pull and snapshot replies carry
 *  them: {site: {"key", "unsignedThrough", "validThrough"?}}. */
Json keysOf(Context& ctx, const std::set<std::string>& sites) {
    Json keys = Json::object();
    for (const std::string& site : sites) {
        auto key = ctx.store->siteKey(site);
        if (!key || !*key) continue;
        Json k{{"key", (*key)->publicKey}, {"unsignedThrough", (*key)->unsignedThrough}};
        if ((*key)->validThrough) k["validThrough"] = *(*key)->validThrough;
        keys[site] = std::move(k);
    }
    return keys;
}

/** Site and seq of a change that failed to parse, when they can be read. */
std::optional<Dot> dotOf(const Json& j) {
    if (!j.is_object()) return std::nullopt;
    const auto site = j.find("site");
    const auto seq = j.find("seq");
    if (site == j.end() || seq == j.end() || !site->is_string() || !seq->is_number_unsigned())
        return std::nullopt;
    Dot d{site->get<std::string>(), seq->get<std::uint64_t>()};
    if (!isValidSiteId(d.site) || d.seq == 0) return std::nullopt;
    return d;
}

/** A dot pushed again with other content is never a duplicate: it is logged and kept for its
 *  owner device, which hears of it at its next sync (/sync/state). Under ctx.mutex. */
void recordDotConflicts(Context& ctx, const User& pusher, const std::string& ip,
                        const ApplyReport& report) {
    Store& users = *ctx.store;
    for (const Refusal& r : report.refused) {
        if (r.error.code != "dot_conflict") continue;
        logLine(LogLevel::Warn, "dot conflict: " + r.dot.site + ":" + std::to_string(r.dot.seq) +
                                    " pushed again with other content by " + pusher.username +
                                    " (device " + pusher.deviceSite + ") from " + ip);
        (void)users.recordDotConflict(r.dot.site, r.dot.seq, serverNowMs(), pusher.username,
                                      pusher.deviceSite, ip);
    }
}

/** Applies a push body's changes as sent by `user`'s device (validated, authorised, one
 *  transaction) and returns the reply; nullopt when it answered an error into `res`. */
std::optional<Json> applyPush(Context& ctx, const User& pusher, const Json& body,
                              const std::string& ip, httplib::Response& res) {
    const User* user = &pusher;
    const auto list = body.find("changes");
    if (list == body.end() || !list->is_array()) {
        sendError(res, 400, "invalid_request", "the body needs \"changes\": an array of changes");
        return std::nullopt;
    }
    if (list->size() > ctx.settings.maxChangesPerPush) {
        sendError(res, 413, "too_many_changes",
                  "at most " + std::to_string(ctx.settings.maxChangesPerPush) +
                      " changes per push; send the rest in the next batch");
        return std::nullopt;
    }
    // Parse every change. One that cannot be read but names its dot is refused like any other
    // (so it does not block its site's later changes); one without a readable dot fails the
    // whole request, as nothing could tell the tablet which change was wrong.
    std::vector<Change> changes;
    changes.reserve(list->size());
    std::map<Dot, Error> malformed;
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto parsed = changeFromJson((*list)[i]);
        if (parsed) {
            changes.push_back(std::move(*parsed));
            continue;
        }
        const auto dot = dotOf((*list)[i]);
        if (!dot) {
            sendError(res, 400, parsed.error().code,
                      "change #" + std::to_string(i) + ": " + parsed.error().message);
            return std::nullopt;
        }
        Change placeholder;
        placeholder.site = dot->site;
        placeholder.seq = dot->seq;
        placeholder.entity = "?";
        placeholder.id = "?";
        placeholder.unit = "?";
        placeholder.author = "?";
        changes.push_back(std::move(placeholder));
        malformed.emplace(*dot, parsed.error());
    }

    ApplyReport report;
    {
        std::lock_guard lock(ctx.mutex);
        if (const Change* c = unsignedOwnChange(ctx, *user, changes, malformed)) {
            sendError(res, 410, "update_required",
                      "change " + std::to_string(c->seq) +
                          " carries no signature: this app version is too old; please update it");
            return std::nullopt;
        }
        PushAuthorizer authorizer(ctx, *user, serverNowMs());
        ApplyOptions options;
        options.validation = Validation::Strict;
        options.requireContiguous = true;
        options.sender = user->deviceSite;
        options.authorize = [&](const Change& c, bool creates) -> std::optional<Error> {
            if (auto it = malformed.find(c.dot()); it != malformed.end()) return it->second;
            return authorizer(c, creates);
        };
        auto applied = ctx.store->apply(changes, options);
        if (!applied) {
            logLine(LogLevel::Error,
                    "push: " + applied.error().code + ": " + applied.error().message);
            sendError(res, 503, "storage_error", "the changes could not be stored; retry later");
            return std::nullopt;
        }
        report = std::move(*applied);
        recordDotConflicts(ctx, *user, ip, report);
    }
    // A malformed change may have been refused by the schema check before the authorizer saw
    // it: report the parse error, which says what is wrong.
    std::map<std::string, std::size_t> refusedByCode;
    Json refused = Json::array();
    for (Refusal& r : report.refused) {
        if (auto it = malformed.find(r.dot); it != malformed.end() && r.error.code != "seq_gap")
            r.error = it->second;
        ++refusedByCode[r.error.code];
        refused.push_back(Json{{"site", r.dot.site},
                               {"seq", r.dot.seq},
                               {"code", r.error.code},
                               {"message", r.error.message}});
    }
    if (ctx.metrics) ctx.metrics->recordChanges(report.applied, report.duplicates, refusedByCode);
    if (!report.refused.empty())
        logLine(LogLevel::Debug, "push by " + user->username + ": " +
                                     std::to_string(report.refused.size()) + " refused");
    Json highest = Json::object();
    for (const auto& [site, seq] : report.highestSeq) highest[site] = seq;
    return Json{{"accepted", report.applied},
                {"duplicates", report.duplicates},
                {"refused", std::move(refused)},
                {"highestSeq", std::move(highest)},
                {"epoch", ctx.epoch},
                {"serverTime", serverNowMs()}};
}

void handlePush(Context& ctx, const httplib::Request& req, httplib::Response& res,
                const httplib::ContentReader& reader) {
    const auto user = deviceUser(ctx, req, res);
    if (!user) return;
    auto body = readJsonObject(ctx, req, res, reader);
    if (!body) return;
    const std::string ip = clientAddress(ctx, req);
    auto reply = applyPush(ctx, *user, *body, ip, res);
    if (!reply) return;
    // A device ordered to wipe hears it with every push it still makes.
    std::string wipe;
    {
        std::lock_guard lock(ctx.mutex);
        if (auto state = ctx.store->deviceWipeState(user->deviceSite); state) wipe = *state;
        if (wipe == "pending")
            (void)ctx.store->audit(serverNowMs(), user->username, "device_wipe_push",
                                   user->deviceSite + ": " +
                                       std::to_string(reply->value("accepted", 0)) + " accepted",
                                   ip);
    }
    if (wipe == "pending") {
        (*reply)["wipe"] = true;
        logLine(LogLevel::Info, "push from device " + user->deviceSite +
                                    " ordered to wipe: told to wipe");
    }
    sendJson(res, *reply);
}

/** POST /sync/wiped: the device ordered to wipe has pushed and wiped; its key is revoked
 *  through the highest seq held. */
void handleWiped(Context& ctx, const httplib::Request& req, httplib::Response& res,
                 const httplib::ContentReader& reader) {
    const auto user = deviceUser(ctx, req, res);
    if (!user) return;
    if (!readBody(ctx, req, res, reader)) return;
    const std::string ip = clientAddress(ctx, req);
    Result<std::uint64_t> through = std::uint64_t(0);
    {
        std::lock_guard lock(ctx.mutex);
        through = ctx.store->confirmDeviceWipe(user->deviceSite, serverNowMs(), user->username, ip);
    }
    if (!through) {
        if (through.error().code == "not_ordered") {
            sendError(res, 409, "not_ordered", "no wipe was ordered for this device");
            return;
        }
        logLine(LogLevel::Error, "wiped: " + through.error().message);
        sendError(res, 503, "storage_error", "could not record the wipe; retry later");
        return;
    }
    logLine(LogLevel::Info, "device " + user->deviceSite + " wiped; key valid through seq " +
                                std::to_string(*through));
    sendJson(res, Json{{"ok", true},
                       {"validThrough", *through},
                       {"epoch", ctx.epoch},
                       {"serverTime", serverNowMs()}});
}

/** Most a sealed box may be (base64url text): a few thousand changes of a tablet's outbox. */
constexpr std::size_t kMaxSealedBytes = 6u << 20;

/** POST /sync/sealed: {"sealed": box} with {"site", "changes"} sealed to this server's key
 *  (sealed.h) by a tablet of the same user before its data was wiped; applied like a push
 *  from that site. */
void handleSealed(Context& ctx, const httplib::Request& req, httplib::Response& res,
                  const httplib::ContentReader& reader) {
    const auto user = deviceUser(ctx, req, res);
    if (!user) return;
    auto body = readJsonObject(ctx, req, res, reader);
    if (!body) return;
    const auto box = body->find("sealed");
    if (box == body->end() || !box->is_string() || box->get_ref<const std::string&>().empty()) {
        sendError(res, 400, "invalid_request", "the body needs \"sealed\": a sealed box (base64url)");
        return;
    }
    if (box->get_ref<const std::string&>().size() > kMaxSealedBytes) {
        sendError(res, 413, "too_large", "the sealed box is larger than the server takes");
        return;
    }
    SealKeyPair keys;
    {
        std::lock_guard lock(ctx.mutex);
        keys.publicKey = ctx.store->meta("seal_public_key").value_or("");
        keys.secretKey = ctx.store->meta("seal_secret_key").value_or("");
    }
    if (keys.secretKey.empty()) {
        sendError(res, 503, "no_seal_key", "this server has no seal key yet");
        return;
    }
    auto opened = openSealed(keys, box->get<std::string>());
    if (!opened) {
        sendError(res, 400, "invalid_sealed", "the box was not sealed to this server or was altered");
        return;
    }
    const Json sealed = Json::parse(*opened, nullptr, false);
    const std::string site = sealed.is_object() ? wireString(sealed, "site") : std::string();
    if (!sealed.is_object() || !isValidSiteId(site)) {
        sendError(res, 400, "invalid_sealed", "the sealed content needs \"site\" and \"changes\"");
        return;
    }
    const std::string ip = clientAddress(ctx, req);
    {
        std::lock_guard lock(ctx.mutex);
        auto used = ctx.store->userUsedDevice(user->username, site);
        if (!used || !*used) {
            (void)ctx.store->audit(serverNowMs(), user->username, "sealed_refused",
                                   "site " + site + " is not a device of the user", ip);
            sendError(res, 403, "not_your_device",
                      "the sealed changes come from a device this user never signed in on");
            return;
        }
    }
    User sender = *user;
    sender.deviceSite = site;
    const auto list = sealed.find("changes");
    if (list == sealed.end() || !list->is_array()) {
        sendError(res, 400, "invalid_sealed", "the sealed content needs \"site\" and \"changes\"");
        return;
    }
    // An outbox of weeks offline may hold more than one push takes: applied batch by batch,
    // in seq order as sealed, the answers added up.
    std::optional<Json> reply;
    const std::size_t batch = std::max<std::size_t>(1, ctx.settings.maxChangesPerPush);
    for (std::size_t from = 0; from == 0 || from < list->size(); from += batch) {
        Json part{{"changes", Json::array()}};
        for (std::size_t i = from; i < std::min(list->size(), from + batch); ++i)
            part["changes"].push_back((*list)[i]);
        auto answer = applyPush(ctx, sender, part, ip, res);
        if (!answer) return;
        if (!reply) {
            reply = std::move(answer);
            continue;
        }
        (*reply)["accepted"] = (*reply)["accepted"].get<std::uint64_t>() + (*answer)["accepted"].get<std::uint64_t>();
        (*reply)["duplicates"] = (*reply)["duplicates"].get<std::uint64_t>() + (*answer)["duplicates"].get<std::uint64_t>();
        for (Json& r : (*answer)["refused"]) (*reply)["refused"].push_back(std::move(r));
        (*reply)["highestSeq"] = (*answer)["highestSeq"];
    }
    const std::uint64_t accepted = reply->value("accepted", std::uint64_t(0));
    const std::size_t refusedCount = reply->contains("refused") ? (*reply)["refused"].size() : 0;
    {
        std::lock_guard lock(ctx.mutex);
        (void)ctx.store->audit(serverNowMs(), user->username, "sealed_applied",
                               "from site " + site + " by device " + user->deviceSite + ": " +
                                   std::to_string(accepted) + " accepted, " +
                                   std::to_string(refusedCount) + " refused",
                               ip);
    }
    logLine(LogLevel::Info, "sealed changes of site " + site + " applied: " +
                                std::to_string(accepted) + " accepted, " +
                                std::to_string(refusedCount) + " refused");
    (*reply)["site"] = site;
    sendJson(res, *reply);
}

/** A snapshot cursor names the last record sent, with this bit set. A cursor without it is
 *  a log position from before snapshots went record by record: that snapshot goes on in log
 *  order, so a tablet that was half-way through one loses nothing. */
constexpr std::uint64_t kRecordCursor = std::uint64_t(1) << 62;

/** pull: the scope's log after a cursor, page by page. snapshot: the scope's records one after
 *  another, each with all its changes (every one of them: a subset cannot reproduce the
 *  merge, since a value whose superseding change is left out would come back as a conflict),
 *  and the log cursor to continue from with pull. */
void handlePage(Context& ctx, const httplib::Request& req, httplib::Response& res,
                const httplib::ContentReader& reader, bool snapshot) {
    const auto user = deviceUser(ctx, req, res);
    if (!user) return;
    auto body = readJsonObject(ctx, req, res, reader);
    if (!body) return;
    std::uint64_t cursor = 0, limit = 0;
    if (!readUnsigned(*body, "cursor", 0, cursor, res) ||
        !readUnsigned(*body, "limit", ctx.settings.defaultPageLimit, limit, res))
        return;
    if (limit == 0) {
        sendError(res, 400, "invalid_request", "'limit' must be at least 1");
        return;
    }
    limit = std::min<std::uint64_t>(limit, ctx.settings.maxPageLimit);
    // A tablet names its site and how far it holds its own changes: those are not sent back.
    HeldChanges held;
    if (const auto site = body->find("site"); site != body->end()) {
        if (!site->is_string() || !isValidSiteId(site->get<std::string>())) {
            sendError(res, 400, "invalid_request", "'site' must be a site id (32 hex digits)");
            return;
        }
        held.site = site->get<std::string>();
        if (!readUnsigned(*body, "seq", 0, held.seq, res)) return;
    }
    if (user->scopeUnit.empty()) {  // never "everything" by accident
        sendError(res, 403, "no_scope", "the user has no scope unit");
        return;
    }
    // The stored changes are canonical JSON already: they are spliced into the reply as is.
    std::string out;
    {
        std::lock_guard lock(ctx.mutex);
        const std::uint64_t logCursor = ctx.store->lastCursor();
        const PageSize size{limit, ctx.settings.maxPageBytes};
        const bool byRecord = snapshot && (cursor == 0 || (cursor & kRecordCursor));
        auto page = byRecord
                        ? ctx.store->recordTextsAfter(cursor & ~kRecordCursor, user->scopeUnit,
                                                        size)
                        : ctx.store->changeTextsAfter(cursor, user->scopeUnit, size, held);
        if (page && byRecord) page->cursor |= kRecordCursor;
        if (!page) {
            logLine(LogLevel::Error,
                    std::string(snapshot ? "snapshot: " : "pull: ") + page.error().message);
            sendError(res, 503, "storage_error", "the changes could not be read; retry later");
            return;
        }
        std::size_t replySize = 128;
        for (const std::string& c : page->changes) replySize += c.size() + 1;
        out.reserve(replySize);
        // Personal values the user may not see are withheld (personal.h): the change still
        // proves its device. Only texts with salts are parsed; the rest are spliced as is.
        const WithholdRule hide = [&user](const std::string&, const std::string& field) {
            return !maySeePersonalField(user->role, field);
        };
        out += "{\"changes\":[";
        // Records whose personal values this page shows the user: the access log's entry.
        std::set<std::pair<std::string, std::string>> shown;
        for (std::size_t i = 0; i < page->changes.size(); ++i) {
            if (i) out += ',';
            if (!hasSalts(page->changes[i])) {
                out += page->changes[i];
                continue;
            }
            std::string sent = withholdChangeText(page->changes[i], hide);
            if (hasSalts(sent)) {  // a value is still there in full: the user sees it
                const Json c = Json::parse(sent, nullptr, false);
                if (c.is_object()) shown.emplace(c.value("entity", ""), c.value("id", ""));
            }
            out += sent;
        }
        if (!shown.empty()) {
            std::vector<RecordRef> records;
            for (const auto& [entity, id] : shown) records.push_back({entity, id});
            if (Status s = logPersonalAccess(ctx, *user, req, snapshot ? "sync_snapshot" : "sync_pull",
                                             std::move(records), accessReason(req, "đồng bộ dữ liệu"));
                !s) {
                sendError(res, 500, "internal", "the access log could not be written");
                return;
            }
        }
        out += "],\"keys\":" + keysOf(ctx, page->sites).dump();
        out += ",\"cursor\":" + std::to_string(page->cursor);
        out += std::string(",\"more\":") + (page->more ? "true" : "false");
        if (snapshot) out += ",\"logCursor\":" + std::to_string(logCursor);
    }
    out += ",\"epoch\":" + Json(ctx.epoch).dump();
    out += ",\"serverTime\":" + std::to_string(serverNowMs()) + "}";
    res.status = 200;
    res.set_content(std::move(out), "application/json");
}

}  // namespace

void registerSyncRoutes(httplib::Server& server, Context& ctx) {
    server.Post("/api/v1/sync/push", [&ctx](const httplib::Request& req, httplib::Response& res,
                                            const httplib::ContentReader& reader) {
        handlePush(ctx, req, res, reader);
    });
    server.Post("/api/v1/sync/wiped", [&ctx](const httplib::Request& req, httplib::Response& res,
                                             const httplib::ContentReader& reader) {
        handleWiped(ctx, req, res, reader);
    });
    server.Post("/api/v1/sync/sealed", [&ctx](const httplib::Request& req, httplib::Response& res,
                                              const httplib::ContentReader& reader) {
        handleSealed(ctx, req, res, reader);
    });
    server.Post("/api/v1/sync/pull", [&ctx](const httplib::Request& req, httplib::Response& res,
                                            const httplib::ContentReader& reader) {
        handlePage(ctx, req, res, reader, false);
    });
    server.Post("/api/v1/sync/snapshot", [&ctx](const httplib::Request& req, httplib::Response& res,
                                                const httplib::ContentReader& reader) {
        handlePage(ctx, req, res, reader, true);
    });
    server.Get("/api/v1/sync/state", [&ctx](const httplib::Request& req, httplib::Response& res) {
        const auto user = deviceUser(ctx, req, res);
        if (!user) return;
        Json sites = Json::object();
        Json conflicts = Json::array();
        {
            std::lock_guard lock(ctx.mutex);
            auto vector = ctx.store->siteVector();
            if (!vector) {
                sendError(res, 503, "storage_error", "could not read the state; retry later");
                return;
            }
            for (const auto& [site, seq] : *vector) sites[site] = seq;
            // What was pushed in this device's name with other content, told once.
            auto told = ctx.store->takeDotConflicts(user->deviceSite, serverNowMs());
            if (told) {
                for (const auto& d : *told)
                    conflicts.push_back(
                        Json{{"seq", d.seq}, {"at", d.at}, {"by", d.pushedBy}});
            }
        }
        sendJson(res, Json{{"epoch", ctx.epoch},
                           {"minClientVersion", kMinClientVersion},
                           {"serverTime", serverNowMs()},
                           {"sites", std::move(sites)},
                           {"dotConflicts", std::move(conflicts)}});
    });
}

}  // namespace nghedan::server
