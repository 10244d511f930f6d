#pragma once
// Text folding for search: the one place where đ/Đ become d/D.

#include <string>
#include <string_view>

namespace nghedan {

/** Replaces đ/Đ (which FTS5's remove_diacritics does not fold) by d/D. Applied to both the
 *  indexed text and the query; every other diacritic is folded by unicode61. */
std::string foldForSearch(std::string_view utf8);

/** Turns what a person typed into an FTS5 MATCH expression: each word folded, quoted and
 *  prefix-matched, all words required. Empty when the input has no word. */
std::string ftsQuery(std::string_view typed);

}  // namespace nghedan
