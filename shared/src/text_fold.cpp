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
