#include "history_list_model.h"

#include <algorithm>
#include <map>
#include <set>

#include "catalog.h"
#include "nghedan/replica.h"
#include "replica_service.h"
#include "session_controller.h"
#include "value_format.h"

namespace nghedan::client {

namespace {

/** The field versions of a record's history grouped by the change (dot) that wrote them, in
 *  the order the changes first appear. */
std::vector<std::pair<Dot, std::vector<const VersionView*>>> byChange(
    const std::vector<VersionView>& history) {
    std::vector<std::pair<Dot, std::vector<const VersionView*>>> out;
    std::map<Dot, std::size_t> at;
    for (const VersionView& v : history) {
        const auto [it, fresh] = at.emplace(v.dot, out.size());
        if (fresh) out.push_back({v.dot, {}});
        out[it->second].second.push_back(&v);
    }
    return out;
}

}  // namespace

HistoryListModel::HistoryListModel(QObject* parent)
    : QAbstractListModel(parent), m_service(ReplicaService::instance()) {
    connect(m_service, &ReplicaService::recordsChanged, this, [this](const QString& e) {
        if (e.isEmpty() || e == m_entity || e == u"attachment") reload();
    });
}

void HistoryListModel::setEntity(const QString& e) {
    if (e == m_entity) return;
    m_entity = e;
    emit sourceChanged();
    if (m_complete) reload();
}

void HistoryListModel::setRecordId(const QString& id) {
    if (id == m_id) return;
    m_id = id;
    emit sourceChanged();
    if (m_complete) reload();
}

void HistoryListModel::reload() {
    std::vector<Row> rows;
    const EntityDef* def = findEntity(toStd(m_entity));
    if (def && !m_id.isEmpty()) {
        auto history = m_service->with([&](Replica& r) { return r.history(toStd(m_entity), toStd(m_id)); });
        // Personal fields a redaction erased: their withheld values say so.
        std::set<std::string> redacted;
        auto record = m_service->with([&](Replica& r) { return r.get(toStd(m_entity), toStd(m_id)); });
        if (record && record.value()) redacted = record.value()->redacted;
        if (history) {
            bool first = true;
            for (const auto& [dot, versions] : byChange(*history)) {
                Row row;
                row.author = authorName(toQString(versions.front()->author));
                row.when = formatDateTime(hlcMillis(versions.front()->hlc));
                row.created = first;
                row.hlc = versions.front()->hlc;
                first = false;
                QStringList lines;
                for (const VersionView* v : versions) {
                    const FieldDef* f = def->field(v->field);
                    if (!f || (v->field == "deleted" && !v->value.is_boolean())) continue;
                    if (v->field == "deleted" && !v->value.get<bool>()) continue;
                    QString text = valueToDisplayText(toStd(m_entity), *f, v->value);
                    if (v->withheld) {
                        text = redacted.count(v->field) ? tr("(đã xóa theo yêu cầu)")
                                                        : tr("(đã ẩn)");
                    } else if (f->type == FieldType::Ref && v->value.is_string()) {
                        const std::string ref = v->value.get<std::string>();
                        if (f->refEntity == "agency") {
                            text = m_service->agencyName(text);
                        } else if (f->refEntity == "unit") {
                            text = m_service->unitName(text);
                        } else if (f->refEntity == "meeting" || f->refEntity == "petition") {
                            auto got = m_service->with([&](Replica& r) { return r.get(f->refEntity, ref); });
                            if (got && got.value()) text = toQString(jsonString(got.value()->values, "title"));
                        }
                    }
                    if (text.size() > 300) text = text.left(299) + QChar(0x2026);
                    lines << Catalog::fieldLabel(m_entity, toQString(v->field)) + QStringLiteral(": ") + text;
                }
                if (!versions.front()->proven)
                    lines << tr("(ghi trước khi có chữ ký thiết bị)");
                row.summary = lines.join(QLatin1Char('\n'));
                rows.push_back(std::move(row));
            }
        }
        addAttachmentRows(rows);
        std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.hlc < b.hlc; });
        std::reverse(rows.begin(), rows.end());
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

void HistoryListModel::addAttachmentRows(std::vector<Row>& rows) {
    if (m_entity != u"petition" && m_entity != u"meeting" && m_entity != u"directive") return;
    ListQuery query;
    query.entity = "attachment";
    query.equals["parent"] = {toStd(m_id)};
    query.equals["parent_entity"] = {toStd(m_entity)};
    query.includeDeleted = true;
    query.limit = 1000;
    auto page = m_service->with([&](Replica& r) { return r.list(query); });
    if (!page) return;
    for (const Json& attachment : page->rows) {
        const std::string id = jsonString(attachment, "id");
        const bool photo = jsonString(attachment, "kind") == "photo";
        QString name = toQString(jsonString(attachment, "caption"));
        if (name.isEmpty()) name = toQString(jsonString(attachment, "file_name"));
        auto history = m_service->with([&](Replica& r) { return r.history("attachment", id); });
        if (!history) continue;
        bool first = true;
        for (const auto& [dot, versions] : byChange(*history)) {
            QString summary;
            for (const VersionView* v : versions) {
                if (v->field == "deleted" && v->value.is_boolean() && v->value.get<bool>())
                    summary = photo ? tr("Xóa ảnh: %1").arg(name) : tr("Xóa tài liệu: %1").arg(name);
                else if (v->field == "caption" && !first && v->value.is_string())
                    summary = tr("Chú thích: %1").arg(toQString(v->value.get<std::string>()));
            }
            if (first) summary = photo ? tr("Thêm ảnh: %1").arg(name) : tr("Thêm tài liệu: %1").arg(name);
            first = false;
            if (summary.isEmpty()) continue;
            Row row;
            row.author = authorName(toQString(versions.front()->author));
            row.when = formatDateTime(hlcMillis(versions.front()->hlc));
            row.hlc = versions.front()->hlc;
            row.summary = summary;
            rows.push_back(std::move(row));
        }
    }
}

QString HistoryListModel::authorName(const QString& username) {
    const SessionController* session = SessionController::instance();
    if (session && !username.isEmpty() && username == session->username() &&
        !session->displayName().isEmpty())
        return session->displayName();
    return username;
}

QVariant HistoryListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case WhenRole: return row.when;
    case AuthorRole: return row.author;
    case SummaryRole: return row.summary;
    case CreatedRole: return row.created;
    default: return {};
    }
}

QHash<int, QByteArray> HistoryListModel::roleNames() const {
    return {{WhenRole, "whenText"}, {AuthorRole, "author"}, {SummaryRole, "summary"}, {CreatedRole, "created"}};
}

}  // namespace nghedan::client
