#pragma once
// A minimal Office Open XML workbook (one sheet of inline strings and numbers) packed in a zip
// written here with zlib's raw deflate: what Excel and LibreOffice need to open a list.

#include <string>
#include <vector>

namespace nghedan::server {

/** One cell: text, or a number when `numeric` (written as a number cell). */
struct XlsxCell {
    std::string text;
    bool numeric = false;
};

/** The bytes of an .xlsx file: `header` in bold on a frozen first row, then `rows`.
 *  Text must be UTF-8; characters XML 1.0 forbids are dropped. */
std::string writeXlsx(const std::string& sheetName, const std::vector<std::string>& header,
                      const std::vector<std::vector<XlsxCell>>& rows);

/** A zip archive of (name, bytes) entries, deflated; names are UTF-8. */
std::string writeZip(const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace nghedan::server
