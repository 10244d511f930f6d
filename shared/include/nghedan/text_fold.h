#pragma once
// Text folding for search: the one place where đ/Đ become d/D.

#include <string>
#include <string_view>

namespace nghedan {

/** Replaces đ/Đ (which FTS5's remove_diacritics does not fold) by d/D. Applied to both the
 *  indexed text and the query; every other diacritic is folded by unicode61. */
std::string foldForSearch(std::string_view utf8);

/** Vietnamese text as plain lowercase ASCII letters: every diacritic dropped (precomposed or
 *  combining), đ/Đ to d, ASCII letters lowered; other characters kept as they are. For
 *  matching outside FTS5 ("Nguyễn Văn Đức" and "nguyen van duc" fold alike). */
std::string foldDiacritics(std::string_view utf8);

/** Turns what a person typed into an FTS5 MATCH expression: the one search syntax of the app
 *  and the server, every part required. A word outside quotes matches as a prefix (phuong finds
 *  Phường, Phương); words inside double quotes ("…" or “…”) match as a phrase: the same whole
 *  words in that order, next to each other, the last word whole too ("phuong 4" finds Phường 4,
 *  not Phường 14 nor 4 phường). An unclosed quote makes the rest of the input a phrase. Words
 *  are folded (foldForSearch) and only letters and digits reach FTS5, so what people type
 *  (*, -, :, ^, (, NEAR, AND, OR) is a word or a separator, never an operator or a syntax
 *  error. Empty when the input has no word. */
std::string ftsQuery(std::string_view typed);

}  // namespace nghedan
