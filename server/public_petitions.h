#pragma once
// What the public endpoints (lookup page, Open311, Atom feed) read: public petitions only,
// public fields only (policy.h publicPetitionFields, applied by public_view.h), with the
// names of their neighbourhood and lead agency looked up. The routes shape these into HTML,
// JSON or XML; none of them reads a petition any other way.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nghedan/public_view.h"
#include "store.h"

namespace nghedan::server {

/** One public petition as residents may see it. */
struct PublicPetition {
    Json view;                   ///< publicPetitionView: the public fields and nothing else
    std::string unitName;        ///< its neighbourhood's name ("" when unknown)
    std::string agencyName;      ///< its lead agency's name ("" when none)
    std::int64_t updatedMs = 0;  ///< when the record last changed
    Json steps = Json::array();  ///< publicStatusSteps; filled by findPublicPetition only
};

/** Names of units and agencies as the public endpoints show them, kept between requests for as
 *  long as the store holds no newer change (Store::lastCursor), so that a page of 50
 *  requests does not read 70 records for their names. At most kMaxNames names; beyond that it
 *  starts afresh. Not thread-safe: used under ctx.mutex like the store. */
class PublicNames {
public:
    static constexpr std::size_t kMaxNames = 20'000;
    /** The unit's or agency's name ("" when it has none or does not exist); a neighbourhood's
     *  with its ward's ("Khu phố 5, Phường 4"). */
    Result<std::string> of(Store& store, const std::string& entity, const std::string& id);

private:
    std::uint64_t m_cursor = 0;
    std::map<std::pair<std::string, std::string>, std::string> m_names;
};

/** The public petition of a typed receipt code, with its status steps; nullopt when the code
 *  is malformed, unknown or not public — alike, and after the same indexed query (a
 *  malformed code is looked up as a code no petition can have), so an answer tells nothing
 *  of whether a code exists. An Error is a storage failure. Caller holds ctx.mutex. */
Result<std::optional<PublicPetition>> findPublicPetition(Store& store, PublicNames& names,
                                                         std::string_view typed);

/** Filters over public petitions; empty members do not filter. */
struct PublicFilter {
    std::vector<std::string> codes;        ///< canonical receipt codes
    std::vector<std::string> categories;   ///< category codes
    std::vector<std::string> statuses;     ///< petition statuses
    std::string unitRoot;                  ///< the unit's subtree
    std::optional<std::int64_t> from, to;  ///< received_at in [from, to), ms
    std::string sort = "received_at";      ///< newest first
    int offset = 0;
    int limit = 50;  ///< 0..1000 (ListQuery's bound)
};

struct PublicPage {
    std::vector<PublicPetition> items;
    std::int64_t total = 0;  ///< matching, ignoring offset/limit
};

/** One page of public petitions; names through `names`, so the work is bounded by the page
 *  size. Caller holds ctx.mutex. */
Result<PublicPage> listPublicPetitions(Store& store, PublicNames& names,
                                       const PublicFilter& filter);

/** A unit's display name; nullopt when no live unit has that id. Caller holds ctx.mutex. */
Result<std::optional<std::string>> liveUnitName(Store& store, const std::string& unitId);

/** A text member of a row or view; "" when missing, null or not text. */
std::string textOf(const Json& row, const char* field);

/** "2026-11-05T09:30:00+07:00": a UTC millisecond time in Vietnam time, ISO 8601 / W3C as
 *  Open311 and Atom write times. */
std::string isoVietnamTime(std::int64_t ms);
/** "05/11/2026": a UTC millisecond time's Vietnam day as Vietnamese notices write it. */
std::string viDay(std::int64_t ms);
/** "05/11/2026" from "2026-11-05" (a date field); other text unchanged. */
std::string viDay(const std::string& isoDay);

}  // namespace nghedan::server
