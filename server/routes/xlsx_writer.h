#pragma once
// A minimal Office Open XML workbook (one sheet of inline strings and numbers) packed in a zip
// written here with zlib's raw deflate: what Excel and LibreOffice need to open a list. Both
// are written as they go, so a sheet of any length takes the memory of one row and the coder.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
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

/** A zip archive written as it goes, its bytes collected until take(): whole entries (sizes in
 *  their headers), or one streamed entry at a time, deflated as it is written, its CRC and
 *  sizes in a data descriptor after it. Names are UTF-8; no zip64 (entries under 4 GiB). */
class ZipStream {
public:
    ZipStream();
    ~ZipStream();
    ZipStream(const ZipStream&) = delete;
    ZipStream& operator=(const ZipStream&) = delete;

    void addEntry(const std::string& name, std::string_view data);
    void beginEntry(const std::string& name);
    void write(std::string_view data);
    void endEntry();
    /** Writes the central directory: the archive is complete. */
    void finish();
    /** The bytes written since the last take(). */
    std::string take();

private:
    struct Entry;
    struct Deflater;
    void localHeader(const Entry& entry);
    std::vector<Entry> m_entries;
    std::unique_ptr<Deflater> m_deflater;  ///< of the streamed entry, while one is open
    std::string m_out;
    std::uint64_t m_taken = 0;  ///< bytes handed out by take() before m_out
};

/** An .xlsx workbook of one sheet written row by row: the header in bold on a frozen first row
 *  with an autofilter over it and the rows below, dates as date-formatted numbers. Text must be
 *  UTF-8; characters XML 1.0 forbids are dropped. */
class XlsxStream {
public:
    /** Starts the workbook; `rowCount` rows follow (the autofilter spans them), the first of
     *  them `firstRow` (nullptr when none), whose dates set their columns' widths. */
    XlsxStream(const std::string& sheetName, const std::vector<std::string>& header,
               std::size_t rowCount, const std::vector<XlsxCell>* firstRow);
    void addRow(const std::vector<XlsxCell>& row);
    /** Ends the sheet and the archive. */
    void finish();
    /** The bytes of the file written since the last take(). */
    std::string take();

private:
    ZipStream m_zip;
    std::string m_sheet;  ///< sheet XML not yet handed to the zip
    std::size_t m_rowNumber = 1;
    std::string m_filterRef;
};

}  // namespace nghedan::server
