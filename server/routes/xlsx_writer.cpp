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

std::string deflateRaw(const std::string& data) {
    z_stream zs{};
    deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    std::string out;
    out.resize(deflateBound(&zs, static_cast<uLong>(data.size())));
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
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

std::string writeZip(const std::vector<std::pair<std::string, std::string>>& entries) {
    std::string out, central;
    // 1 January 2020 00:00 in DOS format: the content carries no meaningful time.
    const std::uint16_t dosTime = 0, dosDate = ((2020 - 1980) << 9) | (1 << 5) | 1;
    for (const auto& [name, data] : entries) {
        const std::uint32_t crc = static_cast<std::uint32_t>(
            crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
        const std::string packed = deflateRaw(data);
        const std::uint32_t offset = static_cast<std::uint32_t>(out.size());
        put32(out, 0x04034b50);
        put16(out, 20);
        put16(out, 0x0800);  // UTF-8 names
        put16(out, 8);       // deflate
        put16(out, dosTime);
        put16(out, dosDate);
        put32(out, crc);
        put32(out, static_cast<std::uint32_t>(packed.size()));
        put32(out, static_cast<std::uint32_t>(data.size()));
        put16(out, static_cast<std::uint16_t>(name.size()));
        put16(out, 0);
        out += name;
        out += packed;

        put32(central, 0x02014b50);
        put16(central, 20);
        put16(central, 20);
        put16(central, 0x0800);
        put16(central, 8);
        put16(central, dosTime);
        put16(central, dosDate);
        put32(central, crc);
        put32(central, static_cast<std::uint32_t>(packed.size()));
        put32(central, static_cast<std::uint32_t>(data.size()));
        put16(central, static_cast<std::uint16_t>(name.size()));
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put32(central, 0);
        put32(central, offset);
        central += name;
    }
    const std::uint32_t centralOffset = static_cast<std::uint32_t>(out.size());
    out += central;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<std::uint16_t>(entries.size()));
    put16(out, static_cast<std::uint16_t>(entries.size()));
    put32(out, static_cast<std::uint32_t>(central.size()));
    put32(out, centralOffset);
    put16(out, 0);
    return out;
}

std::string writeXlsx(const std::string& sheetName, const std::vector<std::string>& header,
                      const std::vector<std::vector<XlsxCell>>& rows) {
    static const std::string kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static const std::string kRel =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static const std::string kPkg = "http://schemas.openxmlformats.org/package/2006/relationships";
    static const std::string kXmlDecl =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    std::string sheet = kXmlDecl + "<worksheet xmlns=\"" + kMain + "\">" +
                        "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" "
                        "topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                        "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
                        "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>";
    for (std::size_t c = 0; c < header.size(); ++c) {
        const XlsxDate date =
            rows.empty() || c >= rows[0].size() ? XlsxDate::None : rows[0][c].date;
        const int width = c == 0                      ? 20
                          : date == XlsxDate::Day     ? 12
                          : date == XlsxDate::DayTime ? 17
                                                      : 22;
        sheet += "<col min=\"" + std::to_string(c + 1) + "\" max=\"" + std::to_string(c + 1) +
                 "\" width=\"" + std::to_string(width) + "\" customWidth=\"1\"/>";
    }
    sheet += "</cols><sheetData>";
    sheet += "<row r=\"1\">";
    for (std::size_t c = 0; c < header.size(); ++c)
        appendCell(sheet, c, 1, {header[c], false}, true);
    sheet += "</row>";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::size_t rowNumber = r + 2;
        sheet += "<row r=\"" + std::to_string(rowNumber) + "\">";
        for (std::size_t c = 0; c < rows[r].size(); ++c)
            appendCell(sheet, c, rowNumber, rows[r][c], false);
        sheet += "</row>";
    }
    // The autofilter spans the header and every row; Excel also wants it named in the workbook.
    const std::string range = "$A$1:$" + columnName(header.empty() ? 0 : header.size() - 1) + "$" +
                              std::to_string(rows.size() + 1);
    std::string unanchored = range;
    unanchored.erase(std::remove(unanchored.begin(), unanchored.end(), '$'), unanchored.end());
    sheet += "</sheetData><autoFilter ref=\"" + unanchored + "\"/></worksheet>";

    // Sheet names: at most 31 characters (counted in bytes here, safe for UTF-8), none of []:*?/\ .
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
    return writeZip({{"[Content_Types].xml", contentTypes},
                     {"_rels/.rels", rootRels},
                     {"xl/workbook.xml", workbook},
                     {"xl/_rels/workbook.xml.rels", workbookRels},
                     {"xl/styles.xml", styles},
                     {"xl/worksheets/sheet1.xml", sheet}});
}

}  // namespace nghedan::server
