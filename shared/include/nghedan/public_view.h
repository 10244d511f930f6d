#pragma once
// What residents hear back ("nói dân nghe"): a petition's receipt code, its public view and
// status steps, and the results notice posted in its neighbourhood. Which fields are public is
// the policy's rule (policy.h publicPetitionFields); this file only applies it. The server's
// lookup page, feed and Open311, the dashboard and the app all call these.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nghedan/change.h"
#include "nghedan/replica.h"

namespace nghedan {

/** The symbols of a receipt code: digits and capitals without 0/O, 1/I/L and U/V, so that a
 *  code read aloud or copied from paper cannot be mistyped into another valid code. */
constexpr std::string_view kReceiptAlphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";
/** Symbols in a code (three groups of four): 29^12 ≈ 2^58, so a city's million petitions
 *  collide with a chance of about one in a million, and a guesser finds nothing by trying. */
constexpr int kReceiptSymbols = 12;

/** The receipt code of a petition, "KN-7QH3-M2XA-9FPD": taken from SHA-256 of its record id,
 *  so every replica computes the same code offline and no counter is shared between tablets;
 *  ids are random, so codes cannot be enumerated. */
std::string receiptCode(std::string_view recordId);
/** The code someone typed, in its canonical form ("KN-XXXX-XXXX-XXXX"), or nullopt when it
 *  cannot be one: case, spaces, dots and dashes are forgiven, and the prefix may be left out. */
std::optional<std::string> normaliseReceiptCode(std::string_view typed);

/** The list of public petitions (isPublicPetition as a filter): add unit, time, status and
 *  paging to it; every public list, feed and Open311 answer starts from this query. With
 *  `code`, the one public petition of that receipt code (none when it is not public). */
ListQuery publicPetitionsQuery(const std::string& code = {});

/** A petition row (materialised, with `receipt_code`) reduced to publicPetitionFields(). */
Json publicPetitionView(const Json& row);
/** The public steps of a petition from its field history: each status it took, oldest first,
 *  as {at (ms), status}; who made a step and why are not public. */
Json publicStatusSteps(const std::vector<VersionView>& history);

/** "open" or "closed" in Open311's sense: closed once the petition was answered or ended. */
std::string open311Status(std::string_view petitionStatus);

/** One line of a results notice: a public view with the names of its neighbourhood and lead
 *  agency already looked up. */
struct NoticeItem {
    Json view;  ///< publicPetitionView
    std::string unitName;
    std::string agencyName;
};

/** The results notice of a neighbourhood ("Thông báo kết quả giải quyết kiến nghị") as plain
 *  text to paste into the neighbourhood's chat group or read over the loudspeaker: heading,
 *  period (dates YYYY-MM-DD), then each petition with its code, status, agency and result, and
 *  where to look a code up (`lookupUrl`, may be empty). Vietnamese. */
std::string resultsNoticeText(const std::string& unitName, const std::string& fromDay,
                              const std::string& toDay, const std::vector<NoticeItem>& items,
                              const std::string& lookupUrl);

}  // namespace nghedan
