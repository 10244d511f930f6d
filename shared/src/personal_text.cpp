#include "nghedan/personal_text.h"

#include <algorithm>
#include <cctype>

namespace nghedan {
namespace {

/** A letter or digit, any non-ASCII byte counted as a letter (Vietnamese letters). */
bool isWordByte(unsigned char c) {
    return std::isalnum(c) || c >= 0x80;
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isSeparator(char c) {
    return c == ' ' || c == '.' || c == '-';
}

struct Group {
    std::size_t begin, end;  ///< bytes of the digits
    char sepBefore = 0;      ///< the separator before it (0 for the first group)
};

/** The words that make a number an amount of money, lower case. */
bool startsWithMoneyWord(std::string_view rest) {
    std::size_t i = 0;
    while (i < rest.size() && rest[i] == ' ') ++i;
    rest = rest.substr(i);
    static const char* words[] = {"đồng", "Đồng",  "đ",     "Đ",    "vnđ",  "VNĐ",   "vnd",
                                  "VND",  "nghìn", "Nghìn", "ngàn", "Ngàn", "triệu", "Triệu",
                                  "tỷ",   "Tỷ",    "tỉ",    "Tỉ",   "usd",  "USD",   "%"};
    for (const char* w : words) {
        const std::string_view word(w);
        if (rest.substr(0, word.size()) != word) continue;
        // A whole word ("đ" of "đồng" counts, "đi" does not): next is not a letter of a word
        // unless the word itself is a prefix we accept ("đ" before a digit or space).
        const std::size_t after = word.size();
        if (after >= rest.size()) return true;
        const unsigned char next = static_cast<unsigned char>(rest[after]);
        if (!std::isalpha(next) && next < 0x80) return true;
        if (word == "đồng" || word == "Đồng" || word == "triệu" || word == "Triệu") return true;
    }
    return false;
}

/** Thousands grouping: a first group of 1-3 digits not starting with 0, then groups of
 *  exactly 3 digits, all separated by '.' or ','. */
bool looksLikeAmount(std::string_view text, const std::vector<Group>& groups) {
    if (groups.size() < 2) return false;
    const Group& first = groups.front();
    const std::size_t firstLen = first.end - first.begin;
    if (firstLen < 1 || firstLen > 3 || text[first.begin] == '0') return false;
    for (std::size_t i = 1; i < groups.size(); ++i) {
        if (groups[i].end - groups[i].begin != 3) return false;
        if (groups[i].sepBefore != '.' && groups[i].sepBefore != ',') return false;
    }
    return true;
}

/** The kind of the digits (separators removed), or "" when they are not personal. */
std::string kindOf(const std::string& digits, bool plus) {
    const std::size_t n = digits.size();
    auto startsWith = [&](std::string_view p) { return digits.compare(0, p.size(), p) == 0; };
    auto mobileLead = [](char c) {
        return c == '3' || c == '5' || c == '7' || c == '8' || c == '9';
    };
    if (startsWith("84") && n >= 11) {
        if (n == 11 && mobileLead(digits[2])) return "phone";
        if (n == 12 && digits[2] == '2') return "phone";
    }
    if (plus) return {};
    if (n == 10 && digits[0] == '0' && mobileLead(digits[1])) return "phone";
    if (n == 11 && startsWith("02")) return "phone";
    if (n == 12 && digits[0] == '0') return "id_number";
    if (n == 9) return "id_number";
    return {};
}

}  // namespace

std::vector<PersonalNumber> findPersonalNumbers(std::string_view text) {
    std::vector<PersonalNumber> out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!isDigit(text[i])) {
            ++i;
            continue;
        }
        // A run of digit groups: digits, then one separator (or ") ", "(") and more digits.
        std::vector<Group> groups;
        std::size_t at = i;
        char sep = 0;
        for (;;) {
            std::size_t end = at;
            while (end < text.size() && isDigit(text[end])) ++end;
            groups.push_back({at, end, sep});
            std::size_t next = end;
            char s = 0;
            if (next < text.size() && text[next] == ')') {
                ++next;
                s = ' ';
                if (next < text.size() && text[next] == ' ') ++next;
            } else if (next + 1 < text.size() && (isSeparator(text[next]) || text[next] == ',')) {
                s = text[next];
                ++next;
            }
            if (s && next < text.size() && isDigit(text[next])) {
                sep = s;
                at = next;
                continue;
            }
            break;
        }
        const std::size_t runBegin = groups.front().begin;
        const std::size_t runEnd = groups.back().end;
        i = runEnd;

        // Context: part of a code or a reference when glued to a word or a '/'.
        std::size_t start = runBegin;
        bool plus = false;
        // "(028) 3829 1234": the parenthesis of an area code belongs to the number.
        if (start > 0 && text[start - 1] == '(' && groups.size() > 1 &&
            text[groups.front().end] == ')')
            --start;
        if (start > 0 && text[start - 1] == '+') {
            --start;
            plus = true;
        }
        auto byteAt = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
        bool glued = false;
        if (start > 0) {
            const unsigned char before = byteAt(start - 1);
            if (isWordByte(before) || before == '/') glued = true;
            if ((before == '-' || before == '.') && start > 1 && isWordByte(byteAt(start - 2)))
                glued = true;
        }
        if (runEnd < text.size()) {
            const unsigned char after = byteAt(runEnd);
            if (isWordByte(after) || after == '/') glued = true;
            if ((after == '-' || after == '.' || after == ',') && runEnd + 1 < text.size() &&
                isWordByte(byteAt(runEnd + 1)))
                glued = true;
        }
        if (glued || looksLikeAmount(text, groups) || startsWithMoneyWord(text.substr(runEnd)))
            continue;

        // The longest personal number starting at each group, left to right. A number inside a
        // longer run starts and ends where a space separates groups ("số 12 0912345678"), never
        // inside a code glued by dots or dashes (a tax code 0312345678-001).
        auto opensAt = [&](std::size_t g) { return g == 0 || groups[g].sepBefore == ' '; };
        auto closesAt = [&](std::size_t last) {
            return last + 1 == groups.size() || groups[last + 1].sepBefore == ' ';
        };
        for (std::size_t g = 0; g < groups.size();) {
            bool found = false;
            for (std::size_t last = groups.size(); opensAt(g) && last-- > g;) {
                if (!closesAt(last)) continue;
                std::string digits;
                for (std::size_t k = g; k <= last; ++k)
                    digits.append(text.substr(groups[k].begin, groups[k].end - groups[k].begin));
                const bool withPlus = plus && g == 0;
                const std::string kind = kindOf(digits, withPlus);
                if (kind.empty()) continue;
                std::size_t b = groups[g].begin;
                if (g == 0) b = start;
                out.push_back({kind, b, groups[last].end});
                g = last + 1;
                found = true;
                break;
            }
            if (!found) ++g;
        }
    }
    return out;
}

}  // namespace nghedan
