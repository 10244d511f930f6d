#include "nghedan/text_fold.h"

namespace nghedan {

std::string foldForSearch(std::string_view in) {
    // đ is U+0111 (C4 91), Đ is U+0110 (C4 90) in UTF-8.
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (static_cast<unsigned char>(in[i]) == 0xC4 && i + 1 < in.size()) {
            const auto next = static_cast<unsigned char>(in[i + 1]);
            if (next == 0x91 || next == 0x90) {
                out.push_back(next == 0x91 ? 'd' : 'D');
                ++i;
                continue;
            }
        }
        out.push_back(in[i]);
    }
    return out;
}

namespace {

/** The base letter of a Vietnamese letter with diacritics (lowercase), 0 when `cp` is not one. */
char vietnameseBase(char32_t cp) {
    if (cp >= 0xC0 && cp <= 0xFF) {
        static const char* latin1 =  // U+00C0..U+00FF, '_' where no letter
            "aaaaaaaceeeeiiii_nooooo_ouuuuy__aaaaaaaceeeeiiii_nooooo_ouuuuy_y";
        const char c = latin1[cp - 0xC0];
        return c == '_' ? 0 : c;
    }
    switch (cp) {
    case 0x102: case 0x103: return 'a';
    case 0x110: case 0x111: return 'd';
    case 0x128: case 0x129: return 'i';
    case 0x168: case 0x169: return 'u';
    case 0x1A0: case 0x1A1: return 'o';
    case 0x1AF: case 0x1B0: return 'u';
    default: break;
    }
    if (cp >= 0x1EA0 && cp <= 0x1EF9) {  // Vietnamese extensions: A, E, I, O, U, Y blocks
        if (cp <= 0x1EB7) return 'a';
        if (cp <= 0x1EC7) return 'e';
        if (cp <= 0x1ECB) return 'i';
        if (cp <= 0x1EE3) return 'o';
        if (cp <= 0x1EF1) return 'u';
        return 'y';
    }
    return 0;
}

}  // namespace

std::string foldDiacritics(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size();) {
        const auto b = static_cast<unsigned char>(in[i]);
        if (b < 0x80) {
            out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : static_cast<char>(b));
            ++i;
            continue;
        }
        std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        if (i + len > in.size()) len = in.size() - i;
        char32_t cp = len == 1 ? b : b & (0x3F >> (len - 1));
        for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(in[i + k]) & 0x3F);
        if (cp >= 0x300 && cp <= 0x36F) {  // a combining mark (decomposed text): dropped
            i += len;
            continue;
        }
        if (const char base = vietnameseBase(cp)) out.push_back(base);
        else out.append(in.substr(i, len));
        i += len;
    }
    return out;
}

std::string ftsQuery(std::string_view typed) {
    const std::string folded = foldForSearch(typed);
    std::string query;
    std::string word;
    std::string phrase;  // the words of the open quote, space-separated
    bool inPhrase = false;
    auto append = [&](const std::string& term) {
        if (!query.empty()) query += ' ';
        query += term;
    };
    auto flushWord = [&] {
        if (word.empty()) return;
        if (inPhrase) {
            phrase += (phrase.empty() ? "" : " ") + word;
        } else {
            append('"' + word + "\"*");
        }
        word.clear();
    };
    auto flushPhrase = [&] {
        if (!phrase.empty()) append('"' + phrase + '"');
        phrase.clear();
    };
    auto byte = [&](std::size_t i) {
        return i < folded.size() ? static_cast<unsigned char>(folded[i]) : 0u;
    };
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char c = folded[i];
        const auto u = byte(i);
        // “ ” „ (U+201C..U+201E, E2 80 9C..9E), what tablet keyboards type for quotes, count as ".
        const bool curlyQuote =
            u == 0xE2 && byte(i + 1) == 0x80 && byte(i + 2) >= 0x9C && byte(i + 2) <= 0x9E;
        if (c == '"' || curlyQuote) {
            flushWord();
            if (inPhrase) flushPhrase();
            inPhrase = !inPhrase;
            if (curlyQuote) i += 2;
            continue;
        }
        // Other ASCII punctuation and spaces separate words; no operator can reach FTS5.
        const bool separator = u < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                                             (c >= 'A' && c <= 'Z') || c == '_');
        if (separator) {
            flushWord();
        } else {
            word.push_back(c);
        }
    }
    flushWord();
    flushPhrase();
    return query;
}

}  // namespace nghedan
