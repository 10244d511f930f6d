#pragma once
// The workflow of petitions and directives: their statuses, the steps between them, which
// steps need a written reason, what a step sets or clears, and where an escalation may go.
// The app's status buttons, the server's dashboard edits and the read API's open/overdue
// filters all come from here.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nghedan/change.h"
#include "nghedan/status.h"

namespace nghedan {

/** Petition statuses in workflow order. */
const std::vector<std::string>& petitionStatuses();
/** The statuses a person may move a petition to from `from` (the app offers only these). */
std::vector<std::string> allowedNextPetitionStatuses(std::string_view from);
/** True when moving a petition from `from` to `to` needs a written reason (kept in
 *  status_reason): escalation, not competent, withdrawn, and reopening a resolved or closed one. */
bool petitionStepNeedsReason(std::string_view from, std::string_view to);
/** True for statuses where the petition still needs work (counted as open / can be overdue). */
bool isOpenPetitionStatus(std::string_view status);
/** True for "resolved" and "closed": the petition was answered (counted as resolved). */
bool isResolvedPetitionStatus(std::string_view status);
/** Directive statuses; isOpenDirectiveStatus as above. */
const std::vector<std::string>& directiveStatuses();
bool isOpenDirectiveStatus(std::string_view status);
/** The open statuses of petitions or directives (empty for other entities), for list filters. */
const std::vector<std::string>& openStatuses(std::string_view entity);
/** isOpenPetitionStatus or isOpenDirectiveStatus by entity; false for other entities. */
bool isOpenStatus(std::string_view entity, std::string_view status);

/** A status step someone asks for: the new status, the reason they wrote and, for an
 *  escalation, the level that takes the petition over. */
struct StatusStep {
    std::string to;
    std::string reason;
    std::string level;  ///< escalation only: "district" or "city"
};

/** The fields a petition step writes, given the petition's current values (`current`, as
 *  materialised): status; status_reason when a reason was written (required, else Error
 *  "reason_required", by petitionStepNeedsReason); handling_level on escalation (one of
 *  `escalationTargets`, else "level_required" / "invalid_level"); resolved_at = nowMs when the
 *  petition becomes resolved or closed without one, and cleared when it is reopened. A step the
 *  workflow does not allow is Error "invalid_transition". Messages are English; the app shows
 *  its own by code. */
Result<std::map<std::string, Json>> petitionStepFields(const Json& current, const StatusStep& step,
                                                       std::int64_t nowMs,
                                                       const std::vector<std::string>& escalationTargets);

/** The fields a directive status change writes: status; completed_at = nowMs when it becomes
 *  done without one, cleared when it leaves done (reopened or cancelled). Any directive status may follow any
 *  other (the agency's work is reported, not gated); an unknown status is "invalid_value". */
Result<std::map<std::string, Json>> directiveStepFields(const Json& current, std::string_view to,
                                                        std::int64_t nowMs);

/** What the residents' verdict at a report-back ("satisfied" / "unsatisfied") does to the
 *  petition: "unsatisfied" with a resolved or closed petition reopens it (in_progress, with
 *  the note as its reason); anything else leaves the status as it is (nullopt). */
std::optional<StatusStep> reportBackStep(std::string_view petitionStatus, std::string_view verdict,
                                         const std::string& note);
/** True when an official reports a petition back at the next meeting of its neighbourhood: it
 *  is still being worked on, or it was answered (resolved or closed) and the residents have
 *  not accepted that answer since (`lastSatisfiedMs`: when they last said "satisfied"). */
bool dueForReportBack(const Json& petition, std::optional<std::int64_t> lastSatisfiedMs);

/** Where a petition of a unit may be escalated: the levels above the unit that handles it by
 *  default (its ward, commune or special zone), nearest first — "district" then "city" in a
 *  tree with districts, only "city" in today's two-tier tree. `lineageLevels` are the levels of
 *  the petition's unit and its ancestors, nearest first (e.g. neighbourhood, ward, city). */
std::vector<std::string> escalationTargets(const std::vector<std::string>& lineageLevels);
/** The levels a petition of the unit may be handled at (handling_level): the unit's own level
 *  and every level above it in its tree, nearest first; never a level the tree lacks. */
std::vector<std::string> handlingLevels(const std::vector<std::string>& lineageLevels);

}  // namespace nghedan
