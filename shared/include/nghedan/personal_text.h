#pragma once
// Free text (petition descriptions, minutes, updates, resolutions) is read by every role, so a
// phone or ID number typed into it reaches people who may not see the petitioner's contact.
// This finds what looks like one, so that the forms can warn (never block). The dashboard has a
// JavaScript copy of the rule (server/web/js/personal-text.js); tests/data/personal_numbers.json
// holds the cases both must agree on.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nghedan {

/** One number in a text that looks like personal data. */
struct PersonalNumber {
    std::string kind;       ///< "phone" | "id_number"
    std::size_t begin = 0;  ///< byte offset of its first character (a leading '+' included)
    std::size_t end = 0;    ///< byte offset just after its last digit
};

/** The numbers in UTF-8 `text` that look like a Vietnamese phone number (mobile: 10 digits
 *  0[35789]…; landline: 11 digits 02…; either with +84 or 84 instead of the 0) or a citizen ID
 *  number (CCCD: 12 digits starting with 0; old CMND: 9 digits), their digit groups separated by
 *  nothing or one space, dot or dash (a landline's area code may be in parentheses). Not
 *  numbers that are part of a code or a reference (next to a letter or a '/': receipt codes
 *  KN-7QH3-…, decree numbers 13/2023/NĐ-CP, dates 12/03/2023), nor amounts of money (thousands
 *  grouped with '.' or ',', or followed by đồng, đ, VNĐ, nghìn, ngàn, triệu, tỷ). In text order. */
std::vector<PersonalNumber> findPersonalNumbers(std::string_view text);

}  // namespace nghedan
