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
    auto flush = [&] {
        if (word.empty()) return;
        if (!query.empty()) query += ' ';
        query += '"' + word + "\"*";
        word.clear();
    };
    for (const char c : folded) {
        const auto u = static_cast<unsigned char>(c);
        // ASCII punctuation and spaces separate words; quotes can never reach FTS5.
        const bool separator = u < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                                             (c >= 'A' && c <= 'Z') || c == '_');
        if (separator) {
            flush();
        } else {
            word.push_back(c);
        }
    }
    flush();
    return query;
}

}  // namespace nghedan
