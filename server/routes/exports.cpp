// CSV and XLSX exports of the filtered lists (same filters as the list endpoints, no paging).
// Personal fields appear only when asked (personal=1), with a reason, for roles that may see
// them (per field), and such an export is written to the access log with the ids of its rows. An export is streamed: its rows are
// read from a snapshot of the replica a page at a time and sent as they are written (chunked),
// so it takes the memory of one page whatever its length, and sync never waits for it.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <mutex>
#include <set>

#include "../compression.h"
#include "../http_util.h"
#include "access_log.h"
#include "read_model.h"
#include "xlsx_writer.h"

namespace nghedan::server {

namespace {

constexpr std::size_t kMaxExportRows = 200000;
/** Rows read, formatted and sent per call of the content provider. */
constexpr std::size_t kPageRows = 500;

struct Column {
    std::string key;  ///< field name, "ref", "overdue" or "level:<unit level>"
    std::string label;
};

constexpr double kExcelEpochDays = 25569;  // 1970-01-01 as a spreadsheet serial

/** The unit levels of the exported rows' units (`rowsByUnit`'s keys) and their ancestors, top
 *  first, without the tree's root level (the city): the area columns, as deep as the data goes. */
std::vector<std::string> levelsOf(const Directory& dir,
                                  const std::map<std::string, std::int64_t>& rowsByUnit) {
    std::set<std::string> present;
    for (const auto& [unit, count] : rowsByUnit)
        for (const UnitInfo* u : dir.lineage(unit))
            if (!u->parent.empty()) present.insert(u->level);
    std::vector<std::string> out;
    for (const auto& level : findEntity("unit")->field("level")->enumValues)
        if (present.count(level)) out.push_back(level);
    return out;
}

/** Columns of an export: a readable reference, the area (the unit's path, then one column per
 *  unit level), the schema's fields (references by name), overdue after the due date. Personal
 *  fields only `withPersonal` and where the role may see them. */
std::vector<Column> columnsOf(const std::string& entity, const User& user, const std::string& lang,
                              const std::vector<std::string>& levels, bool withPersonal) {
    std::vector<Column> cols = {{"ref", fieldLabel(entity, "id", langOf(lang))},
                                {"unit", fieldLabel(entity, "unit", langOf(lang))}};
    for (const auto& level : levels)
        cols.push_back({"level:" + level, enumLabel("unit", "level", level, langOf(lang))});
    const auto& personal = personalFields(entity);
    for (const auto& f : findEntity(entity)->fields) {
        if (f.name == "deleted") continue;
        const bool isPersonal =
            std::find(personal.begin(), personal.end(), f.name) != personal.end();
        if (isPersonal && (!withPersonal || !maySeePersonalField(user.role, f.name))) continue;
        cols.push_back({f.name, fieldLabel(entity, f.name, langOf(lang))});
        if (f.name == "due_date" && (entity == "petition" || entity == "directive"))
            cols.push_back({"overdue", fieldLabel(entity, "overdue", langOf(lang))});
    }
    cols.push_back({"attachments", lang == "en" ? "Attachments" : "Tệp đính kèm"});
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
    RefNames(ReplicaSnapshot& snapshot, const Directory& dir, const Scope& scope)
        : m_snapshot(snapshot), m_dir(dir), m_scope(scope) {}

    std::string name(const FieldDef& f, const std::string& id) {
        if (f.refEntity == "unit") return m_dir.unitName(id);
        if (f.refEntity == "agency") return m_dir.agencyName(id);
        auto [it, added] = m_names.try_emplace(f.refEntity + "/" + id);
        if (added) it->second = lookUp(f.refEntity, id);
        return it->second;
    }

private:
    std::string lookUp(const std::string& entity, const std::string& id) {
        auto rec = m_snapshot.record(entity, id);
        if (!rec || !rec->has_value() || !m_scope.contains((**rec).value("unit", ""))) return {};
        const Json& v = **rec;
        std::string out = v.value("title", Json()).is_string() ? v["title"].get<std::string>() : id;
        if (entity == "meeting" && v.value("held_at", Json()).is_number()) {
            const std::string day = formatDay(vietnamDay(v["held_at"].get<std::int64_t>()));
            out += " (" + day.substr(8, 2) + "/" + day.substr(5, 2) + "/" + day.substr(0, 4) + ")";
        }
        return out;
    }

    ReplicaSnapshot& m_snapshot;
    const Directory& m_dir;
    const Scope& m_scope;
    std::unordered_map<std::string, std::string> m_names;
};

/** One cell of a row, formatted for people (names, labels, Vietnam time; dates as dates). */
XlsxCell cellOf(const Directory& dir, RefNames& refs, const std::string& entity, const Column& col,
                const Json& row, const std::string& lang) {
    if (col.key == "ref") return {readableRef(entity, row), false};
    if (col.key.rfind("level:", 0) == 0) {
        for (const UnitInfo* u : dir.lineage(row.value("unit", "")))
            if ("level:" + u->level == col.key) return {u->name, false};
        return {};
    }
    auto it = row.find(col.key);
    if (it == row.end() || it->is_null()) return {};
    const Json& v = *it;
    if (col.key == "attachments") return {v.is_string() ? v.get<std::string>() : "", false};
    if ((col.key == "place_lat" || col.key == "place_lon") && v.is_number_integer()) {
        // Stored as degrees × 10⁶: written as degrees, as maps take them.
        char text[32];
        std::snprintf(text, sizeof text, "%.6f", static_cast<double>(v.get<std::int64_t>()) / 1e6);
        return {text, true};
    }
    if (col.key == "overdue") return {v == true ? (lang == "en" ? "Yes" : "Có") : "", false};
    if (col.key == "unit") return {v.is_string() ? dir.unitPath(v.get<std::string>()) : "", false};
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
            return {v.is_string() ? enumLabel(entity, col.key, v.get<std::string>(), langOf(lang)) : "", false};
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

/** One export on its way out: what it reads once the handler has returned (a snapshot of the
 *  replica, copies of the directory and the scope) and its file's writer. httplib calls the
 *  content provider on the request's thread, one call after another. */
class ExportStream {
public:
    ExportStream(const User& user, Scope scope, Directory dir, std::string entity, std::string lang,
                 std::string format, std::unique_ptr<ReplicaSnapshot> snapshot,
                 std::unique_ptr<RowCursor> rows, std::vector<Column> columns, std::size_t rowCount,
                 std::unique_ptr<StreamCompressor> coder)
        : m_user(user),
          m_scope(std::move(scope)),
          m_dir(std::move(dir)),
          m_entity(std::move(entity)),
          m_lang(std::move(lang)),
          m_format(std::move(format)),
          m_snapshot(std::move(snapshot)),
          m_rows(std::move(rows)),
          m_refs(*m_snapshot, m_dir, m_scope),
          m_columns(std::move(columns)),
          m_rowCount(rowCount),
          m_coder(std::move(coder)) {}

    /** Sends the next page of the file (the first also its head, the last its end). False when
     *  storage or the connection failed: the reply is then cut short, never ended as if whole. */
    bool writeNext(httplib::DataSink& sink) {
        auto page = m_rows->next(kPageRows);
        if (!page) {
            logLine(LogLevel::Error, "export: " + page.error().message);
            return false;
        }
        auto files = attachmentLines(*page);
        if (!files) {
            logLine(LogLevel::Error, "export: " + files.error().message);
            return false;
        }
        std::vector<std::vector<XlsxCell>> cells;
        cells.reserve(page->size());
        for (Json& raw : *page) {
            Json row = shapeRow(m_dir, m_user, m_entity, std::move(raw));
            if (auto f = files->find(row.value("id", "")); f != files->end())
                row["attachments"] = f->second;
            std::vector<XlsxCell>& rowCells = cells.emplace_back();
            rowCells.reserve(m_columns.size());
            for (const auto& col : m_columns)
                rowCells.push_back(cellOf(m_dir, m_refs, m_entity, col, row, m_lang));
        }
        const bool last = page->size() < kPageRows;
        std::string out = m_format == "csv" ? csvOf(cells) : xlsxOf(cells, last);
        if (m_coder) {
            auto packed = m_coder->push(out);
            auto tail = last && packed ? m_coder->finish() : std::optional<std::string>("");
            if (!packed || !tail) {
                logLine(LogLevel::Error, "export: the reply could not be compressed");
                return false;
            }
            out = std::move(*packed) + *tail;
        }
        // An empty write would tell httplib the content is over.
        if (!out.empty() && !sink.write(out.data(), out.size())) return false;
        if (last) sink.done();
        m_started = true;
        return true;
    }

    /** Where the exported links point: "http(s)://host" of the request ("" keeps them relative). */
    void setOrigin(std::string origin) { m_origin = std::move(origin); }

private:
    /** Per record of the page: its live attachments in the scope, one line each, "caption:
     *  link" (the file's name when it has no caption), oldest first. One query per page. */
    Result<std::unordered_map<std::string, std::string>> attachmentLines(const std::vector<Json>& page) {
        std::unordered_map<std::string, std::string> out;
        if (page.empty()) return out;
        ListQuery q;
        q.entity = "attachment";
        q.equals["parent_entity"] = {m_entity};
        for (const Json& row : page) q.equals["parent"].push_back(row.value("id", ""));
        q.unitRoot = m_scope.root;
        q.sort = "created_hlc";
        q.descending = false;
        auto cursor = m_snapshot->rows(q);
        if (!cursor) return cursor.error();
        for (;;) {
            auto rows = (*cursor)->next(1000);
            if (!rows) return rows.error();
            if (rows->empty()) break;
            for (const Json& a : *rows) {
                auto text = [&](const char* f) {
                    return a.value(f, Json()).is_string() ? a[f].get<std::string>() : std::string();
                };
                std::string name = text("caption");
                if (name.empty()) name = text("file_name");
                if (name.empty()) name = m_lang == "en" ? "File" : "Tệp";
                std::string& line = out[text("parent")];
                if (!line.empty()) line += "\n";
                line += name + ": " + m_origin + "/api/v1/blobs/" + text("sha256");
            }
        }
        return out;
    }

    /** CSV (RFC 4180, UTF-8 with a BOM so that Excel reads it, CRLF lines). */
    std::string csvOf(const std::vector<std::vector<XlsxCell>>& rows) const {
        std::string out;
        if (!m_started) {
            out = "\xEF\xBB\xBF";
            for (std::size_t c = 0; c < m_columns.size(); ++c) {
                if (c) out.push_back(',');
                appendCsvField(out, {m_columns[c].label, false});
            }
            out += "\r\n";
        }
        for (const auto& row : rows) {
            for (std::size_t c = 0; c < row.size(); ++c) {
                if (c) out.push_back(',');
                appendCsvField(out, row[c]);
            }
            out += "\r\n";
        }
        return out;
    }

    std::string xlsxOf(const std::vector<std::vector<XlsxCell>>& rows, bool last) {
        if (!m_xlsx) {
            std::vector<std::string> header;
            for (const auto& c : m_columns) header.push_back(c.label);
            m_xlsx = std::make_unique<XlsxStream>(sheetName(m_entity, m_lang), header, m_rowCount,
                                                  rows.empty() ? nullptr : &rows[0]);
        }
        for (const auto& row : rows) m_xlsx->addRow(row);
        if (last) m_xlsx->finish();
        return m_xlsx->take();
    }

    User m_user;
    Scope m_scope;
    Directory m_dir;
    std::string m_entity, m_lang, m_format;
    std::unique_ptr<ReplicaSnapshot> m_snapshot;
    std::unique_ptr<RowCursor> m_rows;  ///< reads m_snapshot: declared after it, dropped before
    RefNames m_refs;
    std::vector<Column> m_columns;
    std::size_t m_rowCount;
    std::unique_ptr<StreamCompressor> m_coder;  ///< the CSV's Content-Encoding, if any
    std::unique_ptr<XlsxStream> m_xlsx;
    std::string m_origin;
    bool m_started = false;
};

void exportRoute(Context& ctx, const std::string& entity, const std::string& format,
                 const httplib::Request& req, httplib::Response& res) {
    auto user = ctx.authenticate(req, res);
    if (!user) return;
    const std::string lang = req.has_param("lang") ? req.get_param_value("lang") : "vi";
    std::optional<ListRequest> list;
    std::unique_ptr<ReplicaSnapshot> snapshot;
    Scope scope;
    Directory dir;
    bool withPersonal = false;
    std::string reason;
    {
        std::lock_guard lock(ctx.mutex);
        auto scopeResult = scopeOf(ctx, *user);
        if (!scopeResult) return sendError(res, 403, "scope_unknown", scopeResult.error().message);
        list = readListRequest(ctx, *user, **scopeResult, entity, req, res, 200, {"personal"});
        if (!list) return;
        const std::string asked = req.get_param_value("personal");
        withPersonal = asked == "1" || asked == "true";
        if (withPersonal) {
            reason = accessReason(req, "");
            if (characterCount(reason) < 5)
                return sendError(res, 400, "access_reason_required",
                                 "Cần ghi lý do (ít nhất 5 ký tự) khi xuất tệp kèm thông tin cá "
                                 "nhân.");
            const auto& personal = personalFields(entity);
            const bool seesSome = std::any_of(personal.begin(), personal.end(), [&](const auto& f) {
                return maySeePersonalField(user->role, f);
            });
            if (!personal.empty() && !seesSome)
                return sendError(res, 403, "forbidden",
                                 "Vai trò của bạn không được xem thông tin cá nhân của người dân.");
            withPersonal = seesSome;
        }
        // An export reads for seconds; every push and pull waits for ctx.mutex. So the export
        // does not read under it: it takes a snapshot of the replica here (a second, read-only
        // SQLite connection holding one read transaction on the WAL file) and reads that after
        // the lock is released, while syncs go on writing. Chosen over reading pages under the
        // lock in turns because sync then never waits for an export at all, and the export is
        // consistent: its row count, area columns and rows all come from this one moment,
        // whatever commits meanwhile. The cost: a connection per running export, and a WAL that
        // cannot be checkpointed past the snapshot until the export ends. The read model's
        // caches (the directory of units and agencies, the scope) are guarded by ctx.mutex:
        // the export takes copies of them here, taken at the snapshot's moment.
        auto snap = ctx.store->snapshot();
        if (!snap) return sendError(res, 500, "internal", snap.error().message);
        snapshot = std::move(*snap);
        scope = **scopeResult;
        dir = directory(ctx);
    }
    const ListQuery& query = list->query;
    auto rowsByUnit = snapshot->countBy(query, "unit");
    if (!rowsByUnit) return sendError(res, 500, "internal", rowsByUnit.error().message);
    std::size_t rowCount = 0;
    for (const auto& [unit, n] : *rowsByUnit) rowCount += static_cast<std::size_t>(n);
    if (rowCount > kMaxExportRows)
        return sendError(res, 413, "too_many_rows",
                         "The list has more than 200000 rows; narrow the filters");
    if (withPersonal) {
        // Every record of the file goes into the access log before a byte of it leaves.
        auto ids = snapshot->rows(query);
        if (!ids) return sendError(res, 500, "internal", ids.error().message);
        std::vector<RecordRef> records;
        records.reserve(rowCount);
        for (;;) {
            auto page = (*ids)->next(kPageRows);
            if (!page) return sendError(res, 500, "internal", page.error().message);
            for (const Json& row : *page) records.push_back({entity, row.value("id", "")});
            if (page->size() < kPageRows) break;
        }
        std::lock_guard lock(ctx.mutex);
        if (!logPersonalAccess(ctx, *user, req, "export", std::move(records), reason))
            return sendError(res, 500, "internal", "the access log could not be written");
    }
    auto rows = snapshot->rows(query);
    if (!rows) return sendError(res, 500, "internal", rows.error().message);

    const std::string contentType =
        format == "csv" ? "text/csv; charset=utf-8"
                        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const std::string filename = std::string(fileStem(entity)) + "-" + query.today + "." + format;
    res.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    res.set_header("Cache-Control", "no-store");
    auto columns = columnsOf(entity, *user, lang, levelsOf(dir, *rowsByUnit), withPersonal);
    auto stream = std::make_shared<ExportStream>(
        *user, std::move(scope), std::move(dir), entity, lang, format, std::move(snapshot),
        std::move(*rows), std::move(columns), rowCount, streamCompressor(res, contentType));
    stream->setOrigin(requestOrigin(ctx, req));
    res.set_chunked_content_provider(contentType, [stream](std::size_t, httplib::DataSink& sink) {
        return stream->writeNext(sink);
    });
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
