#include "nghedan/calendar.h"

#include <cstdio>

#include "nghedan/workflow.h"

namespace nghedan {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yy + (m <= 2));
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

int digits(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

std::optional<std::int64_t> parseDay(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    const int y = digits(text.substr(0, 4));
    const unsigned m = static_cast<unsigned>(digits(text.substr(5, 2)));
    const unsigned d = static_cast<unsigned>(digits(text.substr(8, 2)));
    if (y < 1900 || m < 1 || m > 12 || d < 1) return std::nullopt;
    static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const unsigned dim = (m == 2 && leap) ? 29 : kDays[m - 1];
    if (d > dim) return std::nullopt;
    return daysFromCivil(y, m, d);
}

std::string formatDay(std::int64_t days) {
    int y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
}

std::int64_t vietnamDay(std::int64_t ms) { return floorDiv(ms + kVietnamOffsetMs, kDayMs); }

std::string vietnamDate(std::int64_t ms) { return formatDay(vietnamDay(ms)); }

std::string formatVietnamTime(std::int64_t ms) {
    const std::int64_t local = ms + kVietnamOffsetMs;
    const std::int64_t day = floorDiv(local, kDayMs);
    const std::int64_t minutes = (local - day * kDayMs) / 60000;
    char buf[32];
    std::snprintf(buf, sizeof buf, " %02d:%02d", static_cast<int>(minutes / 60),
                  static_cast<int>(minutes % 60));
    return formatDay(day) + buf;
}

std::int64_t vietnamDayStartMs(std::int64_t days) { return days * kDayMs - kVietnamOffsetMs; }

std::int64_t weekStartDay(std::int64_t days) {
    // 1970-01-01 was a Thursday: days + 3 counts from a Monday.
    return days - ((days + 3) % 7 + 7) % 7;
}

bool isOverdue(std::string_view entity, std::string_view status, std::string_view dueDate,
               std::string_view today) {
    const auto due = parseDay(dueDate), now = parseDay(today);
    return due && now && isOverdueDay(isOpenStatus(entity, status), true, *due, *now);
}

std::string overdueSql(std::string_view entity, const std::string& todayParam) {
    std::string list;
    for (const auto& s : openStatuses(entity)) list += (list.empty() ? "'" : ",'") + s + "'";
    if (list.empty()) return "0";
    return "(due_date IS NOT NULL AND due_date < " + todayParam + " AND status IN (" + list + "))";
}

}  // namespace nghedan
