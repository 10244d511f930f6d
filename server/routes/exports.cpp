// CSV and XLSX exports of the filtered lists (same filters as the list endpoints, no paging).
// Personal fields appear only for roles that may see them.
#include <algorithm>
#include <mutex>

#include "read_model.h"
#include "xlsx_writer.h"

namespace nghedan::server {

namespace {

constexpr std::size_t kMaxExportRows = 200000;

struct Column {
    std::string key;    ///< field name, or "overdue"
    std::string label;
};

struct Table {
    std::vector<Column> columns;
    std::vector<std::vector<XlsxCell>> rows;
};

/** Columns of an export: id, the schema's fields (unit and agencies by name), overdue. */
std::vector<Column> columnsOf(const std::string& entity, const User& user, const std::string& lang) {
    std::vector<Column> cols = {{"id", fieldLabel("id", lang)}};
    const auto& personal = personalFields(entity);
    for (const auto& f : findEntity(entity)->fields) {
        if (f.name == "deleted") continue;
        if (!canSeePersonalField(user, f.name) &&
            std::find(personal.begin(), personal.end(), f.name) != personal.end())
            continue;
        cols.push_back({f.name, fieldLabel(f.name, lang)});
        if (f.name == "due_date" && (entity == "petition" || entity == "directive"))
            cols.push_back({"overdue", fieldLabel("overdue", lang)});
    }
    return cols;
}

std::string refName(Context& ctx, const FieldDef& f, const std::string& id) {
    const Directory& dir = directory(ctx);
    if (f.refEntity == "unit") return dir.unitName(id);
    if (f.refEntity == "agency") return dir.agencyName(id);
    return id;
}

/** One cell of a row, formatted for people (names, labels, Vietnam time). */
XlsxCell cellOf(Context& ctx, const std::string& entity, const Column& col, const Json& row,
                const std::string& lang) {
    auto it = row.find(col.key);
    if (it == row.end() || it->is_null()) return {};
    const Json& v = *it;
    if (col.key == "overdue") return {v == true ? (lang == "en" ? "Yes" : "Có") : "", false};
    const FieldDef* f = findEntity(entity)->field(col.key);
    if (!f) return {v.is_string() ? v.get<std::string>() : v.dump(), false};
    switch (f->type) {
    case FieldType::Time:
        return {v.is_number() ? formatVietnamTime(v.get<std::int64_t>()) : "", false};
    case FieldType::Integer:
        return {v.is_number() ? std::to_string(v.get<std::int64_t>()) : "", true};
    case FieldType::Boolean:
        return {v == true ? (lang == "en" ? "Yes" : "Có") : (lang == "en" ? "No" : "Không"), false};
    case FieldType::Enum:
        return {v.is_string() ? enumLabel(col.key, v.get<std::string>(), lang) : "", false};
    case FieldType::Ref:
        return {v.is_string() ? refName(ctx, *f, v.get<std::string>()) : "", false};
    case FieldType::RefList: {
        std::string out;
        if (v.is_array())
            for (const auto& id : v)
                if (id.is_string()) out += (out.empty() ? "" : "; ") + refName(ctx, *f, id.get<std::string>());
        return {out, false};
    }
    case FieldType::People: {
        std::string out;
        if (v.is_array())
            for (const auto& p : v) {
                if (!p.is_object()) continue;
                std::string one = p.value("name", "");
                const std::string role = p.value("role", "");
                if (!role.empty()) one += " (" + role + ")";
                out += (out.empty() ? "" : "; ") + one;
            }
        return {out, false};
    }
    default:
        return {v.is_string() ? v.get<std::string>() : v.dump(), false};
    }
}

/** RFC 4180 field; a cell that a spreadsheet would run as a formula is prefixed with '. */
void appendCsvField(std::string& out, const XlsxCell& cell) {
    std::string text = cell.text;
    if (!cell.numeric && !text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos)
        text.insert(text.begin(), '\'');
    if (text.find_first_of(",\"\r\n") != std::string::npos || (!text.empty() && (text.front() == ' ' || text.back() == ' '))) {
        out.push_back('"');
        for (char c : text) {
            if (c == '"') out.push_back('"');
            out.push_back(c);
        }
        out.push_back('"');
    } else {
        out += text;
    }
}

const char* fileStem(const std::string& entity) {
    if (entity == "petition") return "kien-nghi";
    if (entity == "meeting") return "buoi-tiep-xuc";
    return "chi-dao";
}

const char* sheetName(const std::string& entity, const std::string& lang) {
    if (lang == "en") return entity == "petition" ? "Petitions" : entity == "meeting" ? "Meetings" : "Directives";
    return entity == "petition" ? "Kiến nghị" : entity == "meeting" ? "Buổi tiếp xúc" : "Chỉ đạo";
}

void exportRoute(Context& ctx, const std::string& entity, const std::string& format,
                 const httplib::Request& req, httplib::Response& res) {
    auto user = ctx.authenticate(req, res);
    if (!user) return;
    Table table;
    std::string today;
    std::string lang = req.has_param("lang") ? req.get_param_value("lang") : "vi";
    {
        // Gather under the lock; format after releasing it.
        std::lock_guard lock(ctx.mutex);
        auto scope = scopeOf(ctx, *user);
        if (!scope) return sendError(res, 403, "scope_unknown", scope.error().message);
        auto lr = readListRequest(ctx, *user, **scope, entity, req, res, 200);
        if (!lr) return;
        today = lr->query.today;
        auto rows = queryAll(ctx, lr->query, kMaxExportRows + 1);
        if (!rows) return sendError(res, 500, "internal", rows.error().message);
        if (rows->size() > kMaxExportRows)
            return sendError(res, 413, "too_many_rows",
                             "The list has more than 200000 rows; narrow the filters");
        table.columns = columnsOf(entity, *user, lang);
        table.rows.reserve(rows->size());
        for (auto& raw : *rows) {
            Json row = shapeRow(ctx, *user, entity, std::move(raw));
            std::vector<XlsxCell> cells;
            cells.reserve(table.columns.size());
            for (const auto& col : table.columns) cells.push_back(cellOf(ctx, entity, col, row, lang));
            table.rows.push_back(std::move(cells));
        }
    }
    const std::string filename = std::string(fileStem(entity)) + "-" + today + "." + format;
    res.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    res.set_header("Cache-Control", "no-store");
    if (format == "csv") {
        std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8
        out.reserve(table.rows.size() * 200);
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            if (c) out.push_back(',');
            appendCsvField(out, {table.columns[c].label, false});
        }
        out += "\r\n";
        for (const auto& row : table.rows) {
            for (std::size_t c = 0; c < row.size(); ++c) {
                if (c) out.push_back(',');
                appendCsvField(out, row[c]);
            }
            out += "\r\n";
        }
        res.set_content(std::move(out), "text/csv; charset=utf-8");
    } else {
        std::vector<std::string> header;
        for (const auto& c : table.columns) header.push_back(c.label);
        res.set_content(writeXlsx(sheetName(entity, lang), header, table.rows),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
}

}  // namespace

void registerExportRoutes(httplib::Server& server, Context& ctx) {
    for (const std::string entity : {"petition", "meeting", "directive"})
        for (const std::string format : {"csv", "xlsx"})
            server.Get("/api/v1/exports/" + entity + "s." + format,
                       [&ctx, entity, format](const httplib::Request& req, httplib::Response& res) {
                           exportRoute(ctx, entity, format, req, res);
                       });
}

}  // namespace nghedan::server
