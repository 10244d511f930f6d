#pragma once
// The Vietnam calendar: days, weeks and the overdue rule. Vietnam keeps UTC+7 all year (no
// daylight saving), so a fixed offset needs no time-zone database on a tablet. The app, the
// server's pages, exports and minutes and the dashboard (through /api/v1/schema) all use this.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nghedan {

/** Vietnam's offset from UTC in milliseconds (UTC+7). */
constexpr std::int64_t kVietnamOffsetMs = 7LL * 3600 * 1000;
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

/** "YYYY-MM-DD" -> days since 1970-01-01, or nullopt when not a real calendar day (years
 *  1900-9999). */
std::optional<std::int64_t> parseDay(std::string_view text);
/** Days since 1970-01-01 -> "YYYY-MM-DD". */
std::string formatDay(std::int64_t days);
/** The Vietnam calendar day of a UTC millisecond time, as days since 1970-01-01. */
std::int64_t vietnamDay(std::int64_t ms);
/** The Vietnam calendar day of a UTC millisecond time as "YYYY-MM-DD". */
std::string vietnamDate(std::int64_t ms);
/** "YYYY-MM-DD HH:MM" in Vietnam time. */
std::string formatVietnamTime(std::int64_t ms);
/** The UTC millisecond time at which Vietnam day `days` begins. */
std::int64_t vietnamDayStartMs(std::int64_t days);
/** The Monday of the week (Monday to Sunday, as offices count) that holds `days`. */
std::int64_t weekStartDay(std::int64_t days);

/** The overdue rule: a petition or directive is overdue when its status is still open (work
 *  is owed) and its due date (YYYY-MM-DD) is before `today`. Derived, never stored. */
bool isOverdue(std::string_view entity, std::string_view status, std::string_view dueDate,
               std::string_view today);
/** The same rule over days kept as numbers that sort like dates (the server's overview index):
 *  `open` from isOpenStatus, `hasDue` false when the record has no due date. */
constexpr bool isOverdueDay(bool open, bool hasDue, std::int64_t dueDay, std::int64_t today) {
    return open && hasDue && dueDay < today;
}
/** The same rule as an SQL condition over a materialised table's columns due_date and status,
 *  with `todayParam` the bound parameter holding today. */
std::string overdueSql(std::string_view entity, const std::string& todayParam);

}  // namespace nghedan
