#include "nghedan/public_view.h"

#include <algorithm>
#include <cctype>

#include <sodium.h>

#include "nghedan/calendar.h"
#include "nghedan/labels.h"
#include "nghedan/policy.h"
#include "nghedan/workflow.h"

namespace nghedan {
namespace {

constexpr std::string_view kPrefix = "KN";

std::string grouped(const std::string& symbols) {
    std::string out(kPrefix);
    for (std::size_t i = 0; i < symbols.size(); ++i) {
        if (i % 4 == 0) out += '-';
        out += symbols[i];
    }
    return out;
}

std::string dayOf(const Json& view, const char* field) {
    const auto it = view.find(field);
    if (it == view.end()) return {};
    if (it->is_number_integer()) return vietnamDate(it->get<std::int64_t>());
    if (it->is_string()) return it->get<std::string>();
    return {};
}

/** "2026-11-05" → "05/11/2026", the way dates are written on Vietnamese notices. */
std::string viDate(const std::string& iso) {
    if (iso.size() != 10) return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string text(const Json& view, const char* field) {
    const auto it = view.find(field);
    return it != view.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string receiptCode(std::string_view recordId) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(recordId.data()),
                       recordId.size());
    // 128 bits of the digest as two words, divided down symbol by symbol.
    unsigned __int128 n = 0;
    for (int i = 0; i < 16; ++i) n = (n << 8) | digest[i];
    std::string symbols;
    for (int i = 0; i < kReceiptSymbols; ++i) {
        symbols += kReceiptAlphabet[static_cast<std::size_t>(n % kReceiptAlphabet.size())];
        n /= kReceiptAlphabet.size();
    }
    return grouped(symbols);
}

std::optional<std::string> normaliseReceiptCode(std::string_view typed) {
    std::string symbols;
    for (const char c : typed) {
        if (c == ' ' || c == '-' || c == '.' || c == '\t' || c == '_') continue;
        const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        symbols += up;
        if (symbols.size() > kReceiptSymbols + kPrefix.size()) return std::nullopt;
    }
    if (symbols.size() == kReceiptSymbols + kPrefix.size() && symbols.starts_with(kPrefix))
        symbols.erase(0, kPrefix.size());
    if (symbols.size() != kReceiptSymbols) return std::nullopt;
    for (const char c : symbols)
        if (kReceiptAlphabet.find(c) == std::string_view::npos) return std::nullopt;
    return grouped(symbols);
}

ListQuery publicPetitionsQuery(const std::string& code) {
    ListQuery q;
    q.entity = "petition";
    q.equals["public"] = {"1"};
    if (!code.empty()) q.equals["receipt_code"] = {code};
    q.includeDeleted = false;
    return q;
}

Json publicPetitionView(const Json& row) {
    Json view = Json::object();
    for (const std::string& field : publicPetitionFields())
        if (const auto it = row.find(field); it != row.end()) view[field] = *it;
    return view;
}

Json publicStatusSteps(const std::vector<VersionView>& history) {
    std::vector<std::pair<HlcTime, std::string>> steps;
    for (const VersionView& v : history)
        if (v.field == "status" && v.value.is_string())
            steps.emplace_back(v.hlc, v.value.get<std::string>());
    std::sort(steps.begin(), steps.end());
    Json out = Json::array();
    for (const auto& [hlc, status] : steps) {
        if (!out.empty() && out.back()["status"] == status) continue;  // a concurrent same step
        out.push_back({{"at", hlcMillis(hlc)}, {"status", status}});
    }
    return out;
}

std::string open311Status(std::string_view petitionStatus) {
    return isOpenPetitionStatus(petitionStatus) ? "open" : "closed";
}

std::string resultsNoticeText(const std::string& unitName, const std::string& fromDay,
                              const std::string& toDay, const std::vector<NoticeItem>& items,
                              const std::string& lookupUrl) {
    std::string out = "THÔNG BÁO KẾT QUẢ GIẢI QUYẾT KIẾN NGHỊ\n" + unitName + "\n";
    out += "Các kiến nghị tiếp nhận từ ngày " + viDate(fromDay) + " đến ngày " + viDate(toDay) +
           ": " + std::to_string(items.size()) + " kiến nghị.\n";
    int n = 0;
    for (const NoticeItem& item : items) {
        const Json& v = item.view;
        const std::string status = text(v, "status");
        out.append("\n").append(std::to_string(++n)).append(". ").append(text(v, "title"));
        out += "\n";
        out += "   Mã tra cứu: " + text(v, "receipt_code") + " · Tiếp nhận ngày " +
               viDate(dayOf(v, "received_at")) + " · " +
               enumLabel("petition", "category", text(v, "category"), Lang::Vi) + "\n";
        out += "   Tình trạng: " + enumLabel("petition", "status", status, Lang::Vi);
        if (const std::string resolved = dayOf(v, "resolved_at");
            !resolved.empty() && isResolvedPetitionStatus(status))
            out += " ngày " + viDate(resolved);
        else if (const std::string due = dayOf(v, "due_date"); !due.empty())
            out.append(" (hạn ").append(viDate(due)).append(")");
        out += "\n";
        if (!item.agencyName.empty()) out += "   Cơ quan chủ trì: " + item.agencyName + "\n";
        if (const std::string r = text(v, "resolution"); !r.empty())
            out += "   Kết quả: " + r + "\n";
        if (const std::string note = text(v, "public_note"); !note.empty())
            out += "   Ghi chú: " + note + "\n";
    }
    if (items.empty()) out += "\nKhông có kiến nghị công khai nào trong thời gian này.\n";
    if (!lookupUrl.empty())
        out += "\nNgười dân tra cứu kiến nghị của mình theo mã trên phiếu tiếp nhận tại: " +
               lookupUrl + "\n";
    return out;
}

}  // namespace nghedan
