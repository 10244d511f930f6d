#include "markup.h"

namespace nghedan::server {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

/** Length of the valid UTF-8 sequence at `s[i]`, or 0 when it is not one. */
std::size_t utf8Length(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    std::size_t n = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((b(i + k) & 0xC0) != 0x80) return 0;
    if (n == 2 && c < 0xC2) return 0;                                           // overlong
    if (n == 3 && c == 0xE0 && b(i + 1) < 0xA0) return 0;                       // overlong
    if (n == 3 && c == 0xED && b(i + 1) >= 0xA0) return 0;                      // surrogates
    if (n == 3 && c == 0xEF && b(i + 1) == 0xBF && b(i + 2) >= 0xBE) return 0;  // U+FFFE/F
    if (n == 4 && c == 0xF0 && b(i + 1) < 0x90) return 0;                       // overlong
    if (n == 4 && (c > 0xF4 || (c == 0xF4 && b(i + 1) >= 0x90))) return 0;
    return n;
}

// HTML and XML take the same escaping here: both pages are UTF-8 and neither may carry
// control characters or broken sequences.
std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        switch (c) {
            case '&':
                out += "&amp;";
                ++i;
                continue;
            case '<':
                out += "&lt;";
                ++i;
                continue;
            case '>':
                out += "&gt;";
                ++i;
                continue;
            case '"':
                out += "&quot;";
                ++i;
                continue;
            case '\'':
                out += "&#39;";
                ++i;
                continue;
            default:
                break;
        }
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            out += kReplacement;
            ++i;
            continue;
        }
        const std::size_t n = utf8Length(text, i);
        if (n == 0) {
            out += kReplacement;
            ++i;
            continue;
        }
        out.append(text.substr(i, n));
        i += n;
    }
    return out;
}

}  // namespace

std::string htmlEscape(std::string_view text) {
    return escape(text);
}
std::string xmlEscape(std::string_view text) {
    return escape(text);
}

}  // namespace nghedan::server
