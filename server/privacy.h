#pragma once
// A person's rights over their personal data (Law on Personal Data Protection, Decree 13/2023):
// finding every record that names them, and erasing their personal fields by a redaction —
// the one mechanism behind both a person's request and the retention period. A redaction is a
// change like any other (entity "redaction", see shared/include/nghedan/personal.h): it travels
// to every tablet that holds the record and the merge treats it as final. The record itself,
// its status and its handling history stay, so the statistics do not move.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "nghedan/change.h"
#include "nghedan/status.h"
#include "store.h"

namespace nghedan::server {

/** What a person's request is searched by: the words of a name (diacritics and case ignored,
 *  each a whole word of the name) and/or a phone number (at least 6 digits; +84/84 counts as
 *  a leading 0). */
struct PersonQuery {
    std::vector<std::string> words;
    std::string digits;
};

/** Nullopt when `typed` holds neither a word of at least 2 letters nor 6 digits. */
std::optional<PersonQuery> personQuery(std::string_view typed);

/** The personal fields of a materialised `row` of `entity` that match the query: a name field
 *  holding every word, a contact field holding the digits. Empty: no match. */
std::vector<std::string> personMatchedFields(const PersonQuery& query, const std::string& entity,
                                             const Json& row);

/** The personal fields the schema marks for `entity` (empty for entities without any). */
const std::vector<std::string>& personalFieldsOf(const std::string& entity);

/** Erases every personal field of one record by writing a redaction (author: who asked or
 *  "retention"). False when there was nothing left to erase (already redacted). */
Result<bool> redactPersonal(Store& store, const std::string& entity, const std::string& id,
                            const std::string& unit, const std::string& author,
                            const std::string& reason);

/** Erases the personal fields of each record of `targets` {entity, id, unit} (redactPersonal)
 *  as one batch: the search index is merged once at the end and the journal emptied, so no old
 *  page keeps an erased value. Returns how many records had something to erase. */
Result<std::size_t> redactAll(Store& store,
                              const std::vector<std::tuple<std::string, std::string, std::string>>& targets,
                              const std::string& author, const std::string& reason);

struct RetentionReport {
    std::size_t examined = 0;  ///< closed petitions past the period
    std::size_t redacted = 0;  ///< of those, redacted by this run
};

/** The retention rule: personal fields of petitions closed more than `days` days before
 *  `nowMs` (the time their status became "closed") are redacted. `days` <= 0 does nothing.
 *  Idempotent: a second run redacts nothing new. */
Result<RetentionReport> applyRetention(Store& store, std::int64_t nowMs, int days);

}  // namespace nghedan::server
