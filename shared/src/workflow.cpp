#include "nghedan/workflow.h"

#include <algorithm>

#include "nghedan/schema.h"

namespace nghedan {
namespace {

const std::vector<std::string> kPetitionStatuses = {
    "received", "assigned", "in_progress", "resolved", "closed",
    "escalated", "not_competent", "withdrawn"};
// Statuses in which work is still owed: counted as open, and overdue once past due.
const std::vector<std::string> kOpenPetitionStatuses = {"received", "assigned", "in_progress",
                                                        "escalated"};
const std::vector<std::string> kOpenDirectiveStatuses = {"issued", "in_progress"};
const std::vector<std::string> kDirectiveStatuses = {"issued", "in_progress", "done",
                                                     "cancelled"};

bool contains(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string textOf(const Json& values, const char* field) {
    auto it = values.find(field);
    return it != values.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool hasTime(const Json& values, const char* field) {
    auto it = values.find(field);
    return it != values.end() && it->is_number();
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

const std::vector<std::string>& petitionStatuses() { return kPetitionStatuses; }
const std::vector<std::string>& directiveStatuses() { return kDirectiveStatuses; }

std::vector<std::string> allowedNextPetitionStatuses(std::string_view from) {
    if (from == "received") return {"assigned", "escalated", "not_competent", "withdrawn"};
    if (from == "assigned") return {"in_progress", "escalated", "not_competent", "withdrawn"};
    if (from == "in_progress") return {"resolved", "escalated", "withdrawn"};
    if (from == "resolved") return {"closed", "in_progress"};  // reopened when not done
    if (from == "escalated") return {"in_progress", "resolved", "not_competent"};
    if (from == "closed") return {"in_progress"};  // reopened: the residents were not satisfied
    if (from == "not_competent") return {"closed"};
    if (from == "withdrawn") return {"closed"};
    return {};
}

bool petitionStepNeedsReason(std::string_view from, std::string_view to) {
    if (to == "escalated" || to == "not_competent" || to == "withdrawn") return true;
    return (from == "resolved" || from == "closed") && to == "in_progress";
}

bool isOpenPetitionStatus(std::string_view s) { return contains(kOpenPetitionStatuses, s); }
bool isResolvedPetitionStatus(std::string_view s) { return s == "resolved" || s == "closed"; }
bool isOpenDirectiveStatus(std::string_view s) { return contains(kOpenDirectiveStatuses, s); }

const std::vector<std::string>& openStatuses(std::string_view entity) {
    static const std::vector<std::string> none;
    if (entity == "petition") return kOpenPetitionStatuses;
    if (entity == "directive") return kOpenDirectiveStatuses;
    return none;
}

bool isOpenStatus(std::string_view entity, std::string_view status) {
    return contains(openStatuses(entity), status);
}

Result<std::map<std::string, Json>> petitionStepFields(
    const Json& current, const StatusStep& step, std::int64_t nowMs,
    const std::vector<std::string>& escalationTargets) {
    const std::string from = textOf(current, "status");
    if (!contains(allowedNextPetitionStatuses(from), step.to))
        return Error{"invalid_transition",
                     "A petition cannot move from \"" + from + "\" to \"" + step.to + "\""};
    const std::string reason = trimmed(step.reason);
    if (reason.empty() && petitionStepNeedsReason(from, step.to))
        return Error{"reason_required", "Moving a petition from \"" + from + "\" to \"" + step.to +
                                            "\" needs a reason (status_reason)"};
    std::map<std::string, Json> set;
    set["status"] = step.to;
    if (!reason.empty()) set["status_reason"] = reason;
    if (step.to == "escalated") {
        if (step.level.empty())
            return Error{"level_required", "An escalation names the level that takes it over"};
        if (!contains(escalationTargets, step.level))
            return Error{"invalid_level", "A petition of this unit cannot be escalated to \"" +
                                              step.level + "\""};
        set["handling_level"] = step.level;
    }
    if (isResolvedPetitionStatus(step.to) && !hasTime(current, "resolved_at")) set["resolved_at"] = nowMs;
    if (isOpenPetitionStatus(step.to) && hasTime(current, "resolved_at"))
        set["resolved_at"] = nullptr;  // reopened: no longer resolved
    return set;
}

Result<std::map<std::string, Json>> directiveStepFields(const Json& current, std::string_view to,
                                                        std::int64_t nowMs) {
    if (!contains(kDirectiveStatuses, to))
        return Error{"invalid_value", "Unknown directive status \"" + std::string(to) + "\""};
    std::map<std::string, Json> set;
    set["status"] = std::string(to);
    const bool hasCompleted = hasTime(current, "completed_at");
    if (to == "done" && !hasCompleted) set["completed_at"] = nowMs;
    if (to != "done" && hasCompleted) set["completed_at"] = nullptr;
    return set;
}

std::vector<std::string> handlingLevels(const std::vector<std::string>& lineageLevels) {
    std::vector<std::string> out;
    for (const std::string& level : lineageLevels)
        if (!contains(out, level)) out.push_back(level);
    return out;
}

std::optional<StatusStep> reportBackStep(std::string_view petitionStatus, std::string_view verdict,
                                         const std::string& note) {
    if (verdict != "unsatisfied" || !isResolvedPetitionStatus(petitionStatus)) return std::nullopt;
    const std::string written = trimmed(note);
    return StatusStep{"in_progress",
                      "Người dân chưa hài lòng khi báo cáo lại" +
                          (written.empty() ? std::string() : ": " + written),
                      ""};
}

bool dueForReportBack(const Json& petition, std::optional<std::int64_t> lastSatisfiedMs) {
    const std::string status = textOf(petition, "status");
    if (isOpenPetitionStatus(status)) return true;
    if (!isResolvedPetitionStatus(status)) return false;
    const auto at = petition.find("resolved_at");
    const std::int64_t answered = at != petition.end() && at->is_number() ? at->get<std::int64_t>() : 0;
    return !lastSatisfiedMs || *lastSatisfiedMs < answered;
}

std::vector<std::string> escalationTargets(const std::vector<std::string>& lineageLevels) {
    // The handling unit is the nearest one that is not a neighbourhood; escalation goes to the
    // levels above it that the tree has.
    std::vector<std::string> out;
    bool handlerSeen = false;
    for (const std::string& level : lineageLevels) {
        if (level == "neighbourhood") continue;
        if (!handlerSeen) {
            handlerSeen = true;
            continue;
        }
        if (!contains(out, level)) out.push_back(level);
    }
    return out;
}

}  // namespace nghedan
