#include "xlsx_writer.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include <zlib.h>

namespace nghedan::server {

namespace {

void put16(std::string& out, std::uint16_t v) {
    out.push_back(static_cast<char>(v & 0xff));
    out.push_back(static_cast<char>(v >> 8));
}
void put32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

/** Escapes XML text and drops characters XML 1.0 forbids (C0 controls but tab, LF, CR). */
std::string xmlText(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (unsigned char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
                out.push_back(static_cast<char>(c));
        }
    }
    return out;
}

std::string columnName(std::size_t index) {
    std::string name;
    ++index;
    while (index > 0) {
        const std::size_t r = (index - 1) % 26;
        name.insert(name.begin(), static_cast<char>('A' + r));
        index = (index - 1) / 26;
    }
    return name;
}

void appendCell(std::string& xml, std::size_t col, std::size_t row, const XlsxCell& cell,
                bool bold) {
    const std::string ref = columnName(col) + std::to_string(row);
    if (cell.date != XlsxDate::None) {
        char serial[40];
        std::snprintf(serial, sizeof serial, "%.17g", cell.serial);
        xml += "<c r=\"" + ref + "\" s=\"" + (cell.date == XlsxDate::Day ? "2" : "3") + "\"><v>" +
               serial + "</v></c>";
        return;
    }
    if (cell.numeric && !cell.text.empty()) {
        xml += "<c r=\"" + ref + "\"><v>" + xmlText(cell.text) + "</v></c>";
        return;
    }
    if (cell.text.empty()) return;
    // A cell holds at most 32,767 characters; longer text (minutes) is cut at a character
    // boundary with an ellipsis, or Excel refuses the file.
    std::string text = cell.text;
    if (text.size() > 32000) {
        std::size_t cut = 32000;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text.resize(cut);
        text += "\xE2\x80\xA6";
    }
    xml += "<c r=\"" + ref + "\" t=\"inlineStr\"" + (bold ? " s=\"1\"" : "") +
           "><is><t xml:space=\"preserve\">" + xmlText(text) + "</t></is></c>";
}

/** A sheet name as a formula reference: 'Kiến nghị' (quotes doubled inside). */
std::string quotedSheet(const std::string& name) {
    std::string out = "'";
    for (char c : name) {
        if (c == '\'') out.push_back('\'');
        out.push_back(c);
    }
    return out + "'";
}

}  // namespace

// ---- zip ------------------------------------------------------------------------------

namespace {
// 1 January 2020 00:00 in DOS format: the content carries no meaningful time.
constexpr std::uint16_t kDosTime = 0, kDosDate = ((2020 - 1980) << 9) | (1 << 5) | 1;
constexpr std::uint16_t kUtf8Names = 0x0800;
constexpr std::uint16_t kDataDescriptor = 0x0008;  // CRC and sizes follow the data
}  // namespace

struct ZipStream::Entry {
    std::string name;
    std::uint16_t flags = kUtf8Names;
    std::uint32_t crc = 0, packedSize = 0, size = 0, offset = 0;
};

struct ZipStream::Deflater {
    z_stream zs{};
    Entry entry;
    Deflater() { deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY); }
    ~Deflater() { deflateEnd(&zs); }
    /** Deflates `data` (Z_FINISH: and ends the stream), appending what comes out to `out`. */
    void run(std::string_view data, int flush, std::string& out) {
        // (crc32 of a null buffer is the initial value, not the running one.)
        if (!data.empty())
            entry.crc = static_cast<std::uint32_t>(
                crc32(entry.crc, reinterpret_cast<const Bytef*>(data.data()),
                      static_cast<uInt>(data.size())));
        entry.size += static_cast<std::uint32_t>(data.size());
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
        zs.avail_in = static_cast<uInt>(data.size());
        char buffer[64 * 1024];
        for (;;) {
            zs.next_out = reinterpret_cast<Bytef*>(buffer);
            zs.avail_out = sizeof buffer;
            const int rc = deflate(&zs, flush);
            out.append(buffer, sizeof buffer - zs.avail_out);
            if (flush == Z_FINISH ? rc == Z_STREAM_END || rc == Z_STREAM_ERROR : zs.avail_out != 0)
                break;
        }
        entry.packedSize = static_cast<std::uint32_t>(zs.total_out);
    }
};

ZipStream::ZipStream() = default;
ZipStream::~ZipStream() = default;

void ZipStream::localHeader(const Entry& e) {
    put32(m_out, 0x04034b50);
    put16(m_out, 20);
    put16(m_out, e.flags);
    put16(m_out, 8);  // deflate
    put16(m_out, kDosTime);
    put16(m_out, kDosDate);
    put32(m_out, e.crc);
    put32(m_out, e.packedSize);
    put32(m_out, e.size);
    put16(m_out, static_cast<std::uint16_t>(e.name.size()));
    put16(m_out, 0);
    m_out += e.name;
}

void ZipStream::addEntry(const std::string& name, std::string_view data) {
    Deflater d;
    std::string packed;
    d.run(data, Z_FINISH, packed);
    d.entry.name = name;
    d.entry.offset = static_cast<std::uint32_t>(m_taken + m_out.size());
    localHeader(d.entry);
    m_out += packed;
    m_entries.push_back(d.entry);
}

void ZipStream::beginEntry(const std::string& name) {
    m_deflater = std::make_unique<Deflater>();
    Entry& e = m_deflater->entry;
    e.name = name;
    e.flags = kUtf8Names | kDataDescriptor;
    e.offset = static_cast<std::uint32_t>(m_taken + m_out.size());
    localHeader(e);  // CRC and sizes 0 here: they come in the data descriptor
}

void ZipStream::write(std::string_view data) {
    if (m_deflater && !data.empty()) m_deflater->run(data, Z_NO_FLUSH, m_out);
}

void ZipStream::endEntry() {
    if (!m_deflater) return;
    m_deflater->run({}, Z_FINISH, m_out);
    const Entry& e = m_deflater->entry;
    put32(m_out, 0x08074b50);
    put32(m_out, e.crc);
    put32(m_out, e.packedSize);
    put32(m_out, e.size);
    m_entries.push_back(e);
    m_deflater.reset();
}

void ZipStream::finish() {
    endEntry();
    std::string central;
    for (const Entry& e : m_entries) {
        put32(central, 0x02014b50);
        put16(central, 20);
        put16(central, 20);
        put16(central, e.flags);
        put16(central, 8);
        put16(central, kDosTime);
        put16(central, kDosDate);
        put32(central, e.crc);
        put32(central, e.packedSize);
        put32(central, e.size);
        put16(central, static_cast<std::uint16_t>(e.name.size()));
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put32(central, 0);
        put32(central, e.offset);
        central += e.name;
    }
    const std::uint32_t centralOffset = static_cast<std::uint32_t>(m_taken + m_out.size());
    m_out += central;
    put32(m_out, 0x06054b50);
    put16(m_out, 0);
    put16(m_out, 0);
    put16(m_out, static_cast<std::uint16_t>(m_entries.size()));
    put16(m_out, static_cast<std::uint16_t>(m_entries.size()));
    put32(m_out, static_cast<std::uint32_t>(central.size()));
    put32(m_out, centralOffset);
    put16(m_out, 0);
}

std::string ZipStream::take() {
    std::string out = std::move(m_out);
    m_out.clear();
    m_taken += out.size();
    return out;
}

// ---- xlsx -----------------------------------------------------------------------------

namespace {

const std::string kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const std::string kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const std::string kPkg = "http://schemas.openxmlformats.org/package/2006/relationships";
const std::string kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/** Sheet names: at most 31 characters (counted in bytes here, safe for UTF-8), none of
 *  []:*?/\ . */
std::string validSheetName(const std::string& sheetName) {
    std::string name;
    for (char ch : sheetName)
        if (std::string("[]:*?/\\").find(ch) == std::string::npos) name.push_back(ch);
    if (name.empty()) name = "Sheet1";
    if (name.size() > 31) {
        // Cut at a character boundary: drop a partial UTF-8 sequence left at the end.
        std::size_t cut = 31;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
        name.resize(cut);
    }
    return name;
}

/** Hand the sheet XML to the zip (and so to the coder) once this much has gathered. */
constexpr std::size_t kSheetFlushBytes = 64 * 1024;

}  // namespace

XlsxStream::XlsxStream(const std::string& sheetName, const std::vector<std::string>& header,
                       std::size_t rowCount, const std::vector<XlsxCell>* firstRow) {
    // The autofilter spans the header and every row; Excel also wants it named in the workbook.
    const std::string range = "$A$1:$" + columnName(header.empty() ? 0 : header.size() - 1) + "$" +
                              std::to_string(rowCount + 1);
    m_filterRef = range;
    m_filterRef.erase(std::remove(m_filterRef.begin(), m_filterRef.end(), '$'), m_filterRef.end());
    const std::string name = validSheetName(sheetName);

    const std::string contentTypes =
        kXmlDecl +
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" "
        "ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/"
        ">"
        "<Override PartName=\"/xl/styles.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        "</Types>";
    const std::string rootRels =
        kXmlDecl + "<Relationships xmlns=\"" + kPkg + "\">" + "<Relationship Id=\"rId1\" Type=\"" +
        kRel + "/officeDocument\" Target=\"xl/workbook.xml\"/>" + "</Relationships>";
    const std::string workbook =
        kXmlDecl + "<workbook xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel + "\">" +
        "<sheets><sheet name=\"" + xmlText(name) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets>" +
        "<definedNames><definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" "
        "hidden=\"1\">" +
        xmlText(quotedSheet(name)) + "!" + range + "</definedName></definedNames></workbook>";
    const std::string workbookRels = kXmlDecl + "<Relationships xmlns=\"" + kPkg + "\">" +
                                     "<Relationship Id=\"rId1\" Type=\"" + kRel +
                                     "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                                     "<Relationship Id=\"rId2\" Type=\"" + kRel +
                                     "/styles\" Target=\"styles.xml\"/>" + "</Relationships>";
    const std::string styles =
        kXmlDecl + "<styleSheet xmlns=\"" + kMain + "\">" +
        "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
        "<numFmt numFmtId=\"165\" formatCode=\"dd/mm/yyyy hh:mm\"/></numFmts>"
        "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
        "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
        "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" "
        "borderId=\"0\"/></cellStyleXfs>"
        "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" "
        "xfId=\"0\"/>"
        "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" "
        "applyNumberFormat=\"1\"/>"
        "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" "
        "applyNumberFormat=\"1\"/></cellXfs>"
        "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" "
        "builtinId=\"0\"/></cellStyles>"
        "</styleSheet>";
    m_zip.addEntry("[Content_Types].xml", contentTypes);
    m_zip.addEntry("_rels/.rels", rootRels);
    m_zip.addEntry("xl/workbook.xml", workbook);
    m_zip.addEntry("xl/_rels/workbook.xml.rels", workbookRels);
    m_zip.addEntry("xl/styles.xml", styles);

    // The sheet, last: its rows are written as they come.
    m_zip.beginEntry("xl/worksheets/sheet1.xml");
    m_sheet = kXmlDecl + "<worksheet xmlns=\"" + kMain + "\">" +
              "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" "
              "topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
              "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
              "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>";
    for (std::size_t c = 0; c < header.size(); ++c) {
        const XlsxDate date =
            !firstRow || c >= firstRow->size() ? XlsxDate::None : (*firstRow)[c].date;
        const int width = c == 0                      ? 20
                          : date == XlsxDate::Day     ? 12
                          : date == XlsxDate::DayTime ? 17
                                                      : 22;
        m_sheet += "<col min=\"" + std::to_string(c + 1) + "\" max=\"" + std::to_string(c + 1) +
                   "\" width=\"" + std::to_string(width) + "\" customWidth=\"1\"/>";
    }
    m_sheet += "</cols><sheetData>";
    m_sheet += "<row r=\"1\">";
    for (std::size_t c = 0; c < header.size(); ++c)
        appendCell(m_sheet, c, 1, {header[c], false}, true);
    m_sheet += "</row>";
}

void XlsxStream::addRow(const std::vector<XlsxCell>& row) {
    const std::size_t rowNumber = ++m_rowNumber;
    m_sheet += "<row r=\"" + std::to_string(rowNumber) + "\">";
    for (std::size_t c = 0; c < row.size(); ++c) appendCell(m_sheet, c, rowNumber, row[c], false);
    m_sheet += "</row>";
    if (m_sheet.size() >= kSheetFlushBytes) {
        m_zip.write(m_sheet);
        m_sheet.clear();
    }
}

void XlsxStream::finish() {
    m_sheet += "</sheetData><autoFilter ref=\"" + m_filterRef + "\"/></worksheet>";
    m_zip.write(m_sheet);
    m_sheet.clear();
    m_zip.finish();
}

std::string XlsxStream::take() {
    return m_zip.take();
}

}  // namespace nghedan::server
