#pragma once
// Private helpers of SyncClient: the JSON shapes of the sync protocol
// (server/API.md). Not part of the public API.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nghedan/change.h"
#include "nghedan/status.h"

namespace nghedan::wire {

/** {"changes":[toJson(change),...]} serialised, for the longest prefix of `changes` that fits
 *  in `maxBytes` (at least one change); `*count` (if given) receives its length. */
std::string pushBodyWithin(const std::vector<Change>& changes, std::size_t maxBytes,
                           std::size_t* count);
/** Parses the "changes" array of a pull/snapshot reply ("bad_response" when a change is
 *  malformed). */
Result<std::vector<Change>> parseChanges(const Json& reply);

/** The unsigned integer member `key` of `object`, or `fallback` when absent or not a number. */
std::uint64_t uintMember(const Json& object, const char* key, std::uint64_t fallback = 0);
std::int64_t intMember(const Json& object, const char* key, std::int64_t fallback = 0);
std::string stringMember(const Json& object, const char* key);

}  // namespace nghedan::wire
