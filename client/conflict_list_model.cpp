#include "conflict_list_model.h"

#include "catalog.h"
#include "nghedan/replica.h"
#include "replica_service.h"
#include "value_format.h"

namespace nghedan::client {

ConflictListModel::ConflictListModel(QObject* parent)
    : QAbstractListModel(parent), m_service(ReplicaService::instance()) {
    connect(m_service, &ReplicaService::recordsChanged, this, [this](const QString& e) {
        if (e.isEmpty() || e == m_entity) reload();
    });
}

void ConflictListModel::setEntity(const QString& e) {
    if (e == m_entity) return;
    m_entity = e;
    emit sourceChanged();
    if (m_complete) reload();
}

void ConflictListModel::setRecordId(const QString& id) {
    if (id == m_id) return;
    m_id = id;
    emit sourceChanged();
    if (m_complete) reload();
}

void ConflictListModel::reload() {
    std::vector<Row> rows;
    const EntityDef* def = findEntity(toStd(m_entity));
    if (def && !m_id.isEmpty()) {
        auto got = m_service->with([&](Replica& r) { return r.get(toStd(m_entity), toStd(m_id)); });
        if (got && got.value()) {
            for (const auto& [field, versions] : got.value()->conflicts) {
                const FieldDef* f = def->field(field);
                if (!f || versions.size() < 2) continue;
                Row row;
                row.field = toQString(field);
                for (const VersionView& v : versions) {
                    QString text = valueToDisplayText(toStd(m_entity), *f, v.value);
                    if (f->type == FieldType::Ref && f->refEntity == "agency") text = m_service->agencyName(text);
                    row.versions.append(QVariantMap{{"text", text},
                                                    {"author", toQString(v.author)},
                                                    {"whenText", formatDateTime(hlcMillis(v.hlc))}});
                    row.values.push_back(normaliseStoredValue(*f, v.value));
                }
                rows.push_back(std::move(row));
            }
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

bool ConflictListModel::resolve(int row, const Json& value) {
    if (row < 0 || row >= count()) return false;
    const QString field = m_rows[static_cast<std::size_t>(row)].field;
    WriteRequest request;
    request.entity = toStd(m_entity);
    request.id = toStd(m_id);
    request.set[toStd(field)] = value;
    auto result = m_service->write(request);
    if (!result) {
        m_lastError = tr("Chưa lưu được: %1").arg(toQString(result.error().message));
        emit lastErrorChanged();
        return false;
    }
    m_lastError.clear();
    emit lastErrorChanged();
    emit resolved(field);
    return true;
}

bool ConflictListModel::keep(int row, int version) {
    if (row < 0 || row >= count()) return false;
    const Row& r = m_rows[static_cast<std::size_t>(row)];
    if (version < 0 || version >= static_cast<int>(r.values.size())) return false;
    return resolve(row, r.values[static_cast<std::size_t>(version)]);
}

bool ConflictListModel::merge(int row, const QString& text) {
    if (row < 0 || row >= count()) return false;
    const EntityDef* def = findEntity(toStd(m_entity));
    const FieldDef* f = def->field(toStd(m_rows[static_cast<std::size_t>(row)].field));
    QString error;
    auto value = fieldFromInput(toStd(m_entity), *f, text, &error);
    if (!value) {
        m_lastError = error;
        emit lastErrorChanged();
        return false;
    }
    return resolve(row, *value);
}

QVariant ConflictListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const FieldDef* f = findEntity(toStd(m_entity))->field(toStd(row.field));
    switch (role) {
    case FieldRole: return row.field;
    case FieldLabelRole: return Catalog::fieldLabel(m_entity, row.field);
    case VersionsRole: return row.versions;
    case LongTextRole: return f && f->type == FieldType::Text && f->maxLength > 1000;
    case EditableRole: return f && (f->type == FieldType::Text || f->type == FieldType::Date || f->type == FieldType::Integer);
    default: return {};
    }
}

QHash<int, QByteArray> ConflictListModel::roleNames() const {
    return {{FieldRole, "field"}, {FieldLabelRole, "fieldLabel"}, {VersionsRole, "versions"},
            {LongTextRole, "longText"}, {EditableRole, "editable"}};
}

}  // namespace nghedan::client
