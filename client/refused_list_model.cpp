#include "refused_list_model.h"

#include "catalog.h"
#include "replica_service.h"
#include "value_format.h"

namespace nghedan::client {
namespace {

QString fieldList(const Change& change) {
    QStringList names;
    for (const auto& [field, value] : change.set)
        names << Catalog::fieldLabel(toQString(change.entity), toQString(field)).toLower();
    return names.join(QStringLiteral(", "));
}

/** Title of a refused change's record: from the change itself, else from the replica. */
QString recordTitle(ReplicaService* service, const Change& change) {
    for (const char* field : {"title", "instruction", "text", "name"}) {
        const auto it = change.set.find(field);
        if (it != change.set.end() && it->second.is_string())
            return toQString(it->second.get<std::string>());
    }
    auto got = service->with([&](Replica& r) { return r.get(change.entity, change.id); });
    if (!got || !got.value()) return {};
    const EntityDef* def = findEntity(change.entity);
    return def ? toQString(jsonString(got.value()->values, def->titleField.c_str())) : QString();
}

/** True when the change is of `meetingId` or of a record linked to it. */
bool belongsToMeeting(ReplicaService* service, const Change& change, const std::string& meetingId) {
    if (change.entity == "meeting") return change.id == meetingId;
    const auto link = change.set.find("meeting");
    if (link != change.set.end()) return link->second == Json(meetingId);
    if (change.entity != "petition" && change.entity != "directive") return false;
    auto got = service->with([&](Replica& r) { return r.get(change.entity, change.id); });
    return got && got.value() && jsonString(got.value()->values, "meeting") == meetingId;
}

}  // namespace

QString describeRefusal(ReplicaService* service, const Change& change, const Error& reason) {
    const QString code = toQString(reason.code);
    const QString entity = Catalog::entityLabel(toQString(change.entity)).toLower();
    if (code == u"out_of_scope")
        return RefusedListModel::
            tr("«%1» nằm ngoài địa bàn mà tài khoản được ghi; %2 này cần thuộc địa bàn của bạn.")
                .arg(service->unitPath(toQString(change.unit)), entity);
    if (code == u"forbidden")
        return RefusedListModel::tr("Vai trò của tài khoản không được ghi %1 của %2 này.")
            .arg(fieldList(change), entity);
    if (code == u"author_mismatch" || code == u"unknown_author")
        return RefusedListModel::tr(
            "Máy chủ không nhận người ghi thay đổi này là người đang đăng nhập trên máy.");
    if (code == u"invalid_value" || code == u"missing_field" || code == u"unknown_field")
        return RefusedListModel::tr("Dữ liệu chưa đúng quy định (%1).").arg(fieldList(change));
    if (code == u"unit_immutable")
        return RefusedListModel::tr("Không được đổi địa bàn của hồ sơ đã tạo.");
    if (code == u"dot_conflict")
        return RefusedListModel::tr(
            "Máy chủ đã giữ một thay đổi khác mang cùng mã của máy này (có thể tệp dữ liệu của "
            "máy đã bị sao chép). Hãy ghi lại nếu nội dung này vẫn đúng, và báo quản trị viên.");
    if (code == u"bad_signature" || code == u"key_revoked" || code == u"unsigned_change")
        return RefusedListModel::tr(
            "Máy chủ không xác nhận được thay đổi này do chính máy này ghi (chữ ký thiết bị). "
            "Hãy báo quản trị viên.");
    return RefusedListModel::tr("Máy chủ không chấp nhận thay đổi này.");
}

bool resendRefused(ReplicaService* service, const Change& change, QString* error) {
    WriteRequest request;
    request.entity = change.entity;
    request.id = change.id;
    request.unit = change.unit;
    request.set = change.set;
    auto written = service->write(request);
    if (!written) {
        if (error) *error = toQString(written.error().message);
        return false;
    }
    return discardRefused(service, change, error);
}

bool discardRefused(ReplicaService* service, const Change& change, QString* error) {
    const Status s = service->with([&](Replica& r) { return r.forgetRefused(change.dot()); });
    if (!s && error) *error = toQString(s.error().message);
    if (s) service->announce(QString());
    return s.ok();
}

RefusedListModel::RefusedListModel(QObject* parent)
    : QAbstractListModel(parent), m_service(ReplicaService::instance()) {
    connect(m_service, &ReplicaService::recordsChanged, this, [this](const QString& e) {
        if (e.isEmpty()) reload();
    });
    reload();
}

void RefusedListModel::setMeetingId(const QString& id) {
    if (id == m_meetingId) return;
    m_meetingId = id;
    emit meetingIdChanged();
    reload();
}

void RefusedListModel::setError(const QString& error) {
    if (error == m_lastError) return;
    m_lastError = error;
    emit lastErrorChanged();
}

void RefusedListModel::reload() {
    std::vector<Row> rows;
    auto refused = m_service->with([](Replica& r) { return r.refusedChanges(); });
    if (refused) {
        for (const RefusedChange& rc : *refused) {
            if (!m_meetingId.isEmpty() &&
                !belongsToMeeting(m_service, rc.change, toStd(m_meetingId)))
                continue;
            Row row;
            row.change = rc.change;
            const EntityDef* def = findEntity(rc.change.entity);
            QStringList lines;
            for (const auto& [field, value] : rc.change.set) {
                const FieldDef* f = def ? def->field(field) : nullptr;
                if (!f) continue;
                QString text = valueToDisplayText(rc.change.entity, *f, value);
                if (text.size() > 200) text = text.left(199) + QChar(0x2026);
                lines << Catalog::fieldLabel(toQString(rc.change.entity), toQString(field)) +
                             QStringLiteral(": ") + text;
            }
            row.title = recordTitle(m_service, rc.change);
            row.changes = lines.join(QLatin1Char('\n'));
            row.reason = describeRefusal(m_service, rc.change, rc.reason);
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
    QString error;
    const bool ok = resendRefused(m_service, m_rows[static_cast<std::size_t>(row)].change, &error);
    setError(error);
    return ok;
}

bool RefusedListModel::discard(int row) {
    if (row < 0 || row >= count()) return false;
    QString error;
    const bool ok = discardRefused(m_service, m_rows[static_cast<std::size_t>(row)].change, &error);
    setError(error);
    return ok;
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
