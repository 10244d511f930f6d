// CSV and XLSX exports of the filtered lists (same filters as the list endpoints, no paging).
// Personal fields appear only for roles that may see them.
#include <algorithm>
#include <cctype>
#include <mutex>
#include <set>

#include "read_model.h"
#include "xlsx_writer.h"

namespace nghedan::server {

namespace {

constexpr std::size_t kMaxExportRows = 200000;

struct Column {
    std::string key;  ///< field name, "ref", "overdue" or "level:<unit level>"
    std::string label;
};

struct Table {
    std::vector<Column> columns;
    std::vector<std::vector<XlsxCell>> rows;
};

constexpr double kExcelEpochDays = 25569;  // 1970-01-01 as a spreadsheet serial

/** The unit levels of the exported rows' units and their ancestors, top first, without the
 *  tree's root level (the city): the area columns, as deep as the data goes. */
std::vector<std::string> levelsOf(const Directory& dir, const std::vector<Json>& rows) {
    std::set<std::string> present;
    for (const auto& row : rows)
        for (const UnitInfo* u : dir.lineage(row.value("unit", "")))
            if (!u->parent.empty()) present.insert(u->level);
    std::vector<std::string> out;
    for (const auto& level : findEntity("unit")->field("level")->enumValues)
        if (present.count(level)) out.push_back(level);
    return out;
}

/** Columns of an export: a readable reference, the area (the unit's path, then one column per
 *  unit level), the schema's fields (references by name), overdue after the due date. */
std::vector<Column> columnsOf(const std::string& entity, const User& user, const std::string& lang,
                              const std::vector<std::string>& levels) {
    std::vector<Column> cols = {{"ref", fieldLabel("id", lang)},
                                {"unit", fieldLabel("unit", lang)}};
    for (const auto& level : levels)
        cols.push_back({"level:" + level, enumLabel("level", level, lang)});
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

/** "KN-20230310-7D2F0C": kind, the Vietnam day of the record (received, held, else created) and
 *  the first six digits of its id. Short enough to read aloud, unique in practice. */
std::string readableRef(const std::string& entity, const Json& row) {
    const char* prefix = entity == "petition" ? "KN" : entity == "meeting" ? "BH" : "CD";
    std::int64_t ms = 0;
    for (const char* field : {"received_at", "held_at"})
        if (row.value(field, Json()).is_number()) ms = row[field].get<std::int64_t>();
    if (!ms && row.value("created_hlc", Json()).is_number())
        ms = hlcMillis(row["created_hlc"].get<std::int64_t>());
    std::string day = formatDay(vietnamDay(ms));
    day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
    std::string id = row.value("id", "").substr(0, 6);
    for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return std::string(prefix) + "-" + day + "-" + id;
}

/** Names of the records an export refers to (a meeting as "title (dd/mm/yyyy)", a petition by
 *  its title), looked up once each; records outside the reader's scope stay unnamed. */
class RefNames {
public:
    RefNames(Context& ctx, const Scope& scope) : m_ctx(ctx), m_scope(scope) {}

    std::string name(const FieldDef& f, const std::string& id) {
        const Directory& dir = directory(m_ctx);
        if (f.refEntity == "unit") return dir.unitName(id);
        if (f.refEntity == "agency") return dir.agencyName(id);
        auto [it, added] = m_names.try_emplace(f.refEntity + "/" + id);
        if (added) it->second = lookUp(f.refEntity, id);
        return it->second;
    }

private:
    std::string lookUp(const std::string& entity, const std::string& id) {
        auto rec = m_ctx.replica->get(entity, id);
        if (!rec || !rec->has_value() || !m_scope.contains((*rec)->values.value("unit", "")))
            return {};
        const Json& v = (*rec)->values;
        std::string out = v.value("title", Json()).is_string() ? v["title"].get<std::string>() : id;
        if (entity == "meeting" && v.value("held_at", Json()).is_number()) {
            const std::string day = formatDay(vietnamDay(v["held_at"].get<std::int64_t>()));
            out += " (" + day.substr(8, 2) + "/" + day.substr(5, 2) + "/" + day.substr(0, 4) + ")";
        }
        return out;
    }

    Context& m_ctx;
    const Scope& m_scope;
    std::unordered_map<std::string, std::string> m_names;
};

/** One cell of a row, formatted for people (names, labels, Vietnam time; dates as dates). */
XlsxCell cellOf(Context& ctx, RefNames& refs, const std::string& entity, const Column& col,
                const Json& row, const std::string& lang) {
    if (col.key == "ref") return {readableRef(entity, row), false};
    if (col.key.rfind("level:", 0) == 0) {
        for (const UnitInfo* u : directory(ctx).lineage(row.value("unit", "")))
            if ("level:" + u->level == col.key) return {u->name, false};
        return {};
    }
    auto it = row.find(col.key);
    if (it == row.end() || it->is_null()) return {};
    const Json& v = *it;
    if (col.key == "overdue") return {v == true ? (lang == "en" ? "Yes" : "Có") : "", false};
    if (col.key == "unit")
        return {v.is_string() ? directory(ctx).unitPath(v.get<std::string>()) : "", false};
    const FieldDef* f = findEntity(entity)->field(col.key);
    if (!f) return {v.is_string() ? v.get<std::string>() : v.dump(), false};
    switch (f->type) {
        case FieldType::Time: {
            if (!v.is_number()) return {};
            const std::int64_t ms = v.get<std::int64_t>();
            const std::int64_t seconds =
                (ms + kVietnamOffsetMs) / 1000 - (ms + kVietnamOffsetMs < 0);
            return {formatVietnamTime(ms), false, XlsxDate::DayTime,
                    static_cast<double>(seconds) / 86400 + kExcelEpochDays};
        }
        case FieldType::Date: {
            auto day = v.is_string() ? parseDay(v.get<std::string>()) : std::nullopt;
            if (!day) return {v.is_string() ? v.get<std::string>() : "", false};
            return {v.get<std::string>(), false, XlsxDate::Day,
                    static_cast<double>(*day) + kExcelEpochDays};
        }
        case FieldType::Integer:
            return {v.is_number() ? std::to_string(v.get<std::int64_t>()) : "", true};
        case FieldType::Boolean:
            return {v == true ? (lang == "en" ? "Yes" : "Có") : (lang == "en" ? "No" : "Không"),
                    false};
        case FieldType::Enum:
            return {v.is_string() ? enumLabel(col.key, v.get<std::string>(), lang) : "", false};
        case FieldType::Ref:
            return {v.is_string() ? refs.name(*f, v.get<std::string>()) : "", false};
        case FieldType::RefList: {
            std::string out;
            if (v.is_array())
                for (const auto& id : v)
                    if (id.is_string())
                        out += (out.empty() ? "" : "; ") + refs.name(*f, id.get<std::string>());
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
    if (!cell.numeric && !text.empty() &&
        std::string("=+-@\t\r").find(text[0]) != std::string::npos)
        text.insert(text.begin(), '\'');
    if (text.find_first_of(",\"\r\n") != std::string::npos ||
        (!text.empty() && (text.front() == ' ' || text.back() == ' '))) {
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
    if (entity == "meeting") return "buoi-hop";
    return "chi-dao";
}

const char* sheetName(const std::string& entity, const std::string& lang) {
    if (lang == "en")
        return entity == "petition" ? "Petitions" : entity == "meeting" ? "Meetings" : "Directives";
    return entity == "petition" ? "Kiến nghị" : entity == "meeting" ? "Buổi họp" : "Chỉ đạo";
}

/** The rows of a filtered list as cells (caller holds ctx.mutex): an Error "too_many_rows" past
 *  kMaxExportRows, "internal" when storage fails. */
Result<Table> exportTable(Context& ctx, const User& user, const Scope& scope,
                          const std::string& entity, const ListQuery& query,
                          const std::string& lang) {
    auto rows = queryAll(ctx, query, kMaxExportRows + 1);
    if (!rows) return Error{"internal", rows.error().message};
    if (rows->size() > kMaxExportRows)
        return Error{"too_many_rows", "The list has more than 200000 rows; narrow the filters"};
    Table table;
    table.columns = columnsOf(entity, user, lang, levelsOf(directory(ctx), *rows));
    table.rows.reserve(rows->size());
    RefNames refs(ctx, scope);
    for (auto& raw : *rows) {
        Json row = shapeRow(ctx, user, entity, std::move(raw));
        std::vector<XlsxCell> cells;
        cells.reserve(table.columns.size());
        for (const auto& col : table.columns)
            cells.push_back(cellOf(ctx, refs, entity, col, row, lang));
        table.rows.push_back(std::move(cells));
    }
    return table;
}

/** CSV (RFC 4180, UTF-8 with a BOM so that Excel reads it, CRLF lines). */
std::string csvOf(const Table& table) {
    std::string out = "\xEF\xBB\xBF";
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
    return out;
}

void exportRoute(Context& ctx, const std::string& entity, const std::string& format,
                 const httplib::Request& req, httplib::Response& res) {
    auto user = ctx.authenticate(req, res);
    if (!user) return;
    const std::string lang = req.has_param("lang") ? req.get_param_value("lang") : "vi";
    std::string today;
    Result<Table> table = Error{"internal", "not gathered"};
    {
        // Gather under the lock; format after releasing it.
        std::lock_guard lock(ctx.mutex);
        auto scope = scopeOf(ctx, *user);
        if (!scope) return sendError(res, 403, "scope_unknown", scope.error().message);
        auto lr = readListRequest(ctx, *user, **scope, entity, req, res, 200);
        if (!lr) return;
        today = lr->query.today;
        table = exportTable(ctx, *user, **scope, entity, lr->query, lang);
    }
    if (!table)
        return sendError(res, table.error().code == "too_many_rows" ? 413 : 500, table.error().code,
                         table.error().message);
    const std::string filename = std::string(fileStem(entity)) + "-" + today + "." + format;
    res.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    res.set_header("Cache-Control", "no-store");
    if (format == "csv") return res.set_content(csvOf(*table), "text/csv; charset=utf-8");
    std::vector<std::string> header;
    for (const auto& c : table->columns) header.push_back(c.label);
    res.set_content(writeXlsx(sheetName(entity, lang), header, table->rows),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
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
