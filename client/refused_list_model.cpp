#include "refused_list_model.h"

#include "catalog.h"
#include "nghedan/replica.h"
#include "replica_service.h"
#include "value_format.h"

namespace nghedan::client {

RefusedListModel::RefusedListModel(QObject* parent)
    : QAbstractListModel(parent), m_service(ReplicaService::instance()) {
    connect(m_service, &ReplicaService::recordsChanged, this, [this](const QString& e) {
        if (e.isEmpty()) reload();
    });
    reload();
}

QString RefusedListModel::describeRefusal(const QString& code, const QString& message) {
    QString why;
    if (code == u"forbidden" || code == u"out_of_scope")
        why = tr("Tài khoản không có quyền ghi hồ sơ này (ngoài địa bàn hoặc vai trò không cho phép).");
    else if (code == u"invalid_value" || code == u"missing_field" || code == u"unknown_field")
        why = tr("Dữ liệu không hợp lệ theo quy định của máy chủ.");
    else if (code == u"unit_immutable") why = tr("Không được đổi địa bàn của hồ sơ đã tạo.");
    else why = tr("Máy chủ không chấp nhận thay đổi này.");
    return message.isEmpty() ? why : why + QStringLiteral(" (") + message + QLatin1Char(')');
}

void RefusedListModel::reload() {
    std::vector<Row> rows;
    auto refused = m_service->with([](Replica& r) { return r.refusedChanges(); });
    if (refused) {
        for (const RefusedChange& rc : *refused) {
            Row row;
            row.change = rc.change;
            const QString entity = toQString(rc.change.entity);
            const EntityDef* def = findEntity(rc.change.entity);
            QStringList lines;
            for (const auto& [field, value] : rc.change.set) {
                const FieldDef* f = def ? def->field(field) : nullptr;
                QString text = f ? valueToDisplayText(rc.change.entity, *f, value) : toQString(value.dump());
                if (text.size() > 200) text = text.left(199) + QChar(0x2026);
                lines << Catalog::fieldLabel(entity, toQString(field)) + QStringLiteral(": ") + text;
                if (field == "title" || field == "instruction") row.title = text;
            }
            if (row.title.isEmpty()) {
                auto got = m_service->with([&](Replica& r) { return r.get(rc.change.entity, rc.change.id); });
                if (got && got.value()) {
                    const Json& v = got.value()->values;
                    row.title = toQString(!jsonString(v, "title").empty() ? jsonString(v, "title") : !jsonString(v, "instruction").empty() ? jsonString(v, "instruction") : jsonString(v, "text"));
                }
            }
            row.changes = lines.join(QLatin1Char('\n'));
            row.reason = describeRefusal(toQString(rc.reason.code), toQString(rc.reason.message));
            row.when = formatDateTime(hlcMillis(rc.change.hlc));
            rows.push_back(std::move(row));
        }
        std::reverse(rows.begin(), rows.end());
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

bool RefusedListModel::writeAgain(int row) {
    if (row < 0 || row >= count()) return false;
    const Change& c = m_rows[static_cast<std::size_t>(row)].change;
    WriteRequest request;
    request.entity = c.entity;
    auto exists = m_service->with([&](Replica& r) { return r.get(c.entity, c.id); });
    const bool known = exists && exists.value();
    request.id = known ? c.id : std::string();
    request.unit = known ? std::string() : c.unit;
    request.set = c.set;
    return m_service->write(request).ok();
}

QVariant RefusedListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case EntityLabelRole: return Catalog::entityLabel(toQString(row.change.entity));
    case EntityRole: return toQString(row.change.entity);
    case RecordIdRole: return toQString(row.change.id);
    case RecordTitleRole: return row.title;
    case ChangesRole: return row.changes;
    case ReasonRole: return row.reason;
    case WhenRole: return row.when;
    default: return {};
    }
}

QHash<int, QByteArray> RefusedListModel::roleNames() const {
    return {{EntityLabelRole, "entityLabel"}, {RecordTitleRole, "recordTitle"}, {EntityRole, "entity"},
            {RecordIdRole, "recordId"},       {ChangesRole, "changes"},          {ReasonRole, "reason"},
            {WhenRole, "whenText"}};
}

}  // namespace nghedan::client
