#pragma once
// Who may write what: the one rule the server enforces on every pushed change and the app
// asks before it offers an edit, and where a new record belongs.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "nghedan/change.h"
#include "nghedan/status.h"

namespace nghedan {

/** Roles of a user: "official", "supervisor", "admin". */
bool isKnownRole(std::string_view role);

/** Petition fields a supervisor may write (its handling, not the resident's account). */
const std::vector<std::string>& supervisorPetitionFields();

/** Nullopt when `role` may write `fields` of an `entity` record (`creates`: the change makes
 *  the record), else Error{"forbidden", English reason}. Scope is the caller's part: the unit
 *  must lie in the user's subtree. Reference data (unit, agency) is the admin's; records are
 *  officials'; supervisors create directives, updates and attachments (the agency's written
 *  answer to a directive) and change petitions' handling;
 *  admins create redactions (erasure of personal fields), which nobody changes afterwards. */
std::optional<Error> roleWriteRefusal(std::string_view role, std::string_view entity, bool creates,
                                      const std::vector<std::string>& fields);

/** True when `role` may write `field` of an existing `entity` record. */
bool roleMayEdit(std::string_view role, std::string_view entity, std::string_view field);
/** True when `role` may create `entity` records. */
bool roleMayCreate(std::string_view role, std::string_view entity);

/** Whether `role` sees a personal field (schema `personal`): officials see all; supervisors see
 *  people's names (fields ending in "_name") but not their contact details; admins see none.
 *  Pages, history, exports and the read API all follow this. */
bool maySeePersonalField(std::string_view role, std::string_view field);
/** The personal fields of `entity` (every entity: empty) that `role` sees: what its search may
 *  match (ListQuery::searchPersonal). */
std::set<std::string> visiblePersonalFields(std::string_view role, std::string_view entity = {});
/** True when `role` sees every personal field (officials of the scope). */
bool maySeeAllPersonal(std::string_view role);
/** True when `role` may write from the dashboard (supervisors and officials; admins manage
 *  reference data and accounts from the command line). */
bool mayWriteFromDashboard(std::string_view role);

/** The petition fields anyone may read once the petition is public: what it is about, where
 *  and when it was received, its status, who handles it, by when, the result and the public
 *  note. Never a field the schema marks personal, the description (residents' own words often
 *  name them), status_reason or anything else written for officials. The lookup page, the
 *  results notice, the feed and Open311 show these and nothing else. */
const std::vector<std::string>& publicPetitionFields();
/** True when a materialised petition row may be shown to the public: an official or a
 *  supervisor set `public` (a field with history, like any other) and it is not deleted. */
bool isPublicPetition(const Json& row);

/** The records a new record hangs from, in the order that decides its unit: a directive or an
 *  update belongs to the unit of the petition or meeting it is linked to (never a default or
 *  a picked unit), so that it is visible and writable wherever its parent is. */
const std::vector<std::string>& unitDecidingLinks(std::string_view entity);

/** How much a record may carry in attachments (server settings, told to tablets at login). The
 *  tablet checks before it stores a file, the server when a record arrives and again while it
 *  reads the blob's bytes. */
struct AttachmentLimits {
    long long maxFileBytes = 20LL << 20;     ///< one file (after a photo is scaled)
    int maxPerRecord = 30;                   ///< attachments of one record, removed ones aside
    long long maxRecordBytes = 200LL << 20;  ///< all of one record's attachments together
};
/** Nullopt when one more attachment of `size` bytes fits beside the record's `count` other
 *  attachments of `bytes` together; else Error{"file_too_large" | "too_many_attachments" |
 *  "record_attachments_too_large", a Vietnamese sentence with the figures} for the person. */
std::optional<Error> attachmentLimitRefusal(const AttachmentLimits& limits, long long size,
                                            int count, long long bytes);

}  // namespace nghedan
