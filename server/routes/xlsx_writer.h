#pragma once
// A minimal Office Open XML workbook (one sheet of inline strings and numbers) packed in a zip
// written here with zlib's raw deflate: what Excel and LibreOffice need to open a list.

#include <string>
#include <vector>

namespace nghedan::server {

/** How a date cell is shown: not a date, dd/mm/yyyy, or dd/mm/yyyy hh:mm. */
enum class XlsxDate { None, Day, DayTime };

/** One cell: text, or a number when `numeric` (written as a number cell), or a date when `date`
 *  is set: then `serial` is its spreadsheet serial (days since 1899-12-30, local time, the
 *  fraction the time of day) and `text` what a CSV shows. */
struct XlsxCell {
    std::string text;
    bool numeric = false;
    XlsxDate date = XlsxDate::None;
    double serial = 0;
};

/** The bytes of an .xlsx file: `header` in bold on a frozen first row with an autofilter over
 *  it, then `rows` (dates as date-formatted numbers). Text must be UTF-8; characters XML 1.0
 *  forbids are dropped. */
std::string writeXlsx(const std::string& sheetName, const std::vector<std::string>& header,
                      const std::vector<std::vector<XlsxCell>>& rows);

/** A zip archive of (name, bytes) entries, deflated; names are UTF-8. */
std::string writeZip(const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace nghedan::server
