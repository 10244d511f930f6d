#include "record_controller.h"

#include <cmath>

#include <QDateTime>
#include <QTime>

#include "catalog.h"
#include "nghedan/replica.h"
#include "refused_list_model.h"
#include "replica_service.h"
#include "value_format.h"

namespace nghedan::client {

RecordController::RecordController(const QString& entity, QObject* parent)
    : QObject(parent), m_service(ReplicaService::instance()), m_entity(entity) {
    Q_ASSERT(m_service);
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(1000);
    connect(&m_saveTimer, &QTimer::timeout, this, &RecordController::flush);
    connect(m_service, &ReplicaService::recordsChanged, this, [this](const QString& e) {
        if (!m_id.isEmpty() && (e.isEmpty() || e == m_entity || e == u"agency" || e == u"unit")) reload();
    });
}

RecordController::~RecordController() {
    // Nothing typed may be lost: save what is still waiting for the debounce.
    if (!m_pendingText.isEmpty() && m_service) flush();
}

void RecordController::setRecordId(const QString& id) {
    if (id == m_id) return;
    if (!m_pendingText.isEmpty()) flush();
    m_id = id;
    emit recordIdChanged();
    reload();
}

QString RecordController::unitName() const { return m_service->unitPath(m_unit); }

void RecordController::setError(const QString& message) {
    m_lastError = message;
    emit lastErrorChanged();
    if (!message.isEmpty()) emit errorOccurred(message);
}

void RecordController::clearError() { setError({}); }

std::string RecordController::rawString(const char* field) const {
    const auto it = m_raw.find(field);
    return it != m_raw.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void RecordController::reload() {
    const EntityDef* def = findEntity(toStd(m_entity));
    std::optional<RecordView> view;
    if (!m_id.isEmpty()) {
        auto got = m_service->with([&](Replica& r) { return r.get(toStd(m_entity), toStd(m_id)); });
        if (got) view = std::move(got.value());
        else setError(tr("Không đọc được hồ sơ: %1").arg(toQString(got.error().message)));
    }
    m_exists = view.has_value();
    m_raw = view ? view->values : Json::object();
    loadRefused();
    m_unit = toQString(rawString("unit"));
    m_conflictFields.clear();
    if (view)
        for (const auto& [field, versions] : view->conflicts)
            if (versions.size() > 1) m_conflictFields << toQString(field);
    QVariantMap values;
    values.insert(QStringLiteral("id"), m_id);
    values.insert(QStringLiteral("unit"), m_unit);
    for (const FieldDef& f : def->fields) {
        const QString name = toQString(f.name);
        const auto it = m_raw.find(f.name);
        const Json v = it == m_raw.end() ? Json(nullptr) : normaliseStoredValue(f, *it);
        switch (f.type) {
        case FieldType::Text: values.insert(name, v.is_string() ? toQString(v.get<std::string>()) : QString()); break;
        case FieldType::Integer: values.insert(name, v.is_number() ? QString::number(v.get<long long>()) : QString()); break;
        case FieldType::Boolean: values.insert(name, v.is_boolean() && v.get<bool>()); break;
        case FieldType::Date: values.insert(name, v.is_string() ? formatDate(v.get<std::string>()) : QString()); break;
        case FieldType::Time:
            values.insert(name, v.is_number() ? formatDateTime(v.get<qint64>()) : QString());
            values.insert(name + QStringLiteral("_ms"), v.is_number() ? v.get<double>() : 0.0);
            break;
        case FieldType::Enum: {
            const QString value = v.is_string() ? toQString(v.get<std::string>()) : QString();
            values.insert(name, value);
            values.insert(name + QStringLiteral("_label"), Catalog::enumLabel(m_entity, name, value));
            break;
        }
        case FieldType::Ref: {
            const QString id = v.is_string() ? toQString(v.get<std::string>()) : QString();
            values.insert(name, id);
            QString label;
            if (f.refEntity == "agency") label = m_service->agencyName(id);
            else if (f.refEntity == "unit") label = m_service->unitName(id);
            values.insert(name + QStringLiteral("_name"), label);
            break;
        }
        case FieldType::RefList: {
            QStringList ids, names;
            if (v.is_array())
                for (const Json& id : v)
                    if (id.is_string()) {
                        ids << toQString(id.get<std::string>());
                        names << (f.refEntity == "agency" ? m_service->agencyName(ids.last()) : ids.last());
                    }
            values.insert(name, ids);
            values.insert(name + QStringLiteral("_names"), names.join(QStringLiteral(", ")));
            break;
        }
        case FieldType::People: values.insert(name, v.is_array() ? jsonToVariant(v) : QVariantList()); break;
        }
    }
    // Titles of the meeting / petition this record came from.
    for (const char* refField : {"meeting", "petition"}) {
        const std::string refId = rawString(refField);
        if (refId.empty() || !def->field(refField)) continue;
        auto ref = m_service->with([&](Replica& r) { return r.get(refField, refId); });
        QString title;
        if (ref && ref.value()) title = toQString(jsonString(ref.value()->values, "title"));
        values.insert(QString::fromLatin1(refField) + QStringLiteral("_name"), title);
    }
    m_values = values;
    onLoaded();
    emit valuesChanged();
}

QString RecordController::lastEditedText() const {
    const auto it = m_raw.find("updated_hlc");
    if (it == m_raw.end() || !it->is_number()) return {};
    return tr("Sửa lần cuối %1 bởi %2")
        .arg(formatDateTime(hlcMillis(it->get<HlcTime>())), toQString(rawString("updated_by")));
}

QString RecordController::editBlockedReason(const QString&) const { return {}; }

void RecordController::loadRefused() {
    m_refused.clear();
    QStringList reasons;
    // Most records have none: the service's cached set spares reading the table on each reload.
    if (!m_id.isEmpty() && m_service->hasRefused(m_entity, m_id)) {
        auto all = m_service->with([](Replica& r) { return r.refusedChanges(); });
        if (all)
            for (const RefusedChange& rc : *all)
                if (rc.change.entity == toStd(m_entity) && rc.change.id == toStd(m_id)) {
                    m_refused.push_back(rc.change);
                    const QString why = describeRefusal(m_service, rc.change, rc.reason);
                    if (!reasons.contains(why)) reasons << why;
                }
    }
    m_refusalText = reasons.join(QLatin1Char(' '));
    // A refused new record is not in the replica: show what was refused, not a blank form.
    if (!m_exists)
        for (const Change& c : m_refused) {
            m_raw["unit"] = c.unit;
            for (const auto& [field, value] : c.set) m_raw[field] = value;
        }
}

bool RecordController::mayEdit(const QString& field) const {
    return m_service->mayEdit(m_entity, field) && editBlockedReason(field).isEmpty() &&
           (m_exists || m_id.isEmpty());
}

QStringList RecordController::editableFields() const {
    QStringList fields;
    for (const FieldDef& f : findEntity(toStd(m_entity))->fields)
        if (mayEdit(toQString(f.name))) fields << toQString(f.name);
    return fields;
}

QString RecordController::roleNote() const {
    if (!m_exists) return {};
    bool someLocked = false;
    for (const FieldDef& f : findEntity(toStd(m_entity))->fields)
        someLocked = someLocked || !m_service->mayEdit(m_entity, toQString(f.name));
    if (!someLocked) return {};
    if (m_service->role() == u"supervisor" && m_entity == u"petition")
        return tr("Giám sát thay đổi phần xử lý kiến nghị (trạng thái, cơ quan, hạn, kết quả); "
                  "nội dung và người kiến nghị do cán bộ tiếp nhận ghi.");
    if (m_service->role() == u"supervisor")
        return tr("Giám sát xem %1 này; cán bộ của địa bàn ghi và sửa.")
            .arg(Catalog::entityLabel(m_entity).toLower());
    return tr("Vai trò của bạn không được sửa các mục này.");
}

bool RecordController::settleRefused(bool (*settle)(ReplicaService*, const Change&, QString*),
                                     const QString& failure) {
    const std::vector<Change> refusedChanges = m_refused;  // reload() replaces m_refused
    bool ok = true;
    for (const Change& c : refusedChanges) {
        QString error;
        if (!settle(m_service, c, &error)) {
            setError(failure.arg(error));
            ok = false;
            break;
        }
    }
    reload();
    return ok;
}

bool RecordController::resendRefused() {
    return settleRefused(&client::resendRefused, tr("Chưa gửi lại được: %1"));
}

bool RecordController::discardRefused() {
    return settleRefused(&client::discardRefused, tr("Chưa bỏ được: %1"));
}

std::optional<Json> RecordController::convert(const QString& field, const QVariant& value) {
    const EntityDef* def = findEntity(toStd(m_entity));
    const FieldDef* f = def->field(toStd(field));
    if (!f) {
        setError(tr("Trường «%1» không có trong hồ sơ.").arg(field));
        return std::nullopt;
    }
    QString error;
    auto json = fieldFromInput(toStd(m_entity), *f, value, &error);
    if (!json) setError(error);
    return json;
}

bool RecordController::writeFields(std::map<std::string, Json> set, const QString& unit) {
    for (const auto& [field, value] : set) {
        Q_UNUSED(value)
        if (const QString why = editBlockedReason(toQString(field)); !why.isEmpty() && !m_id.isEmpty()) {
            setError(why);
            return false;
        }
    }
    WriteRequest request;
    request.entity = toStd(m_entity);
    request.id = toStd(m_id);
    request.unit = toStd(m_id.isEmpty() ? unit : QString());
    request.set = std::move(set);
    auto result = m_service->write(request);
    if (!result) {
        setError(tr("Chưa lưu được: %1").arg(toQString(result.error().message)));
        return false;
    }
    if (!m_lastError.isEmpty()) setError({});
    m_saveState = tr("Đã lưu lúc %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")));
    emit saveStateChanged();
    if (m_id.isEmpty()) {
        m_id = toQString(result->id);
        emit recordIdChanged();
        reload();
    }
    emit saved();
    return true;
}

bool RecordController::setField(const QString& field, const QVariant& value) {
    return setFields({{field, value}});
}

bool RecordController::setFields(const QVariantMap& fields) {
    if (m_id.isEmpty()) {
        setError(tr("Chưa có hồ sơ để lưu."));
        return false;
    }
    std::map<std::string, Json> set;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        auto json = convert(it.key(), it.value());
        if (!json) return false;
        set[toStd(it.key())] = std::move(*json);
    }
    // A field whose stored value already equals the input is not written again.
    for (auto it = set.begin(); it != set.end();) {
        const auto cur = m_raw.find(it->first);
        const FieldDef* f = findEntity(toStd(m_entity))->field(it->first);
        const Json current = cur == m_raw.end() ? Json(nullptr) : normaliseStoredValue(*f, *cur);
        if (current == it->second && !m_conflictFields.contains(toQString(it->first))) it = set.erase(it);
        else ++it;
    }
    if (set.empty()) return true;
    return writeFields(std::move(set));
}

void RecordController::editText(const QString& field, const QString& text) {
    m_pendingText.insert(field, text);
    m_saveState = tr("Đang soạn…");
    emit saveStateChanged();
    m_saveTimer.start();
}

bool RecordController::flush() {
    m_saveTimer.stop();
    if (m_pendingText.isEmpty()) return true;
    const QVariantMap pending = m_pendingText;
    m_pendingText.clear();
    const bool ok = setFields(pending);
    if (!ok) {
        // Keep what was typed so that nothing is lost; try again later.
        for (auto it = pending.begin(); it != pending.end(); ++it)
            if (!m_pendingText.contains(it.key())) m_pendingText.insert(it.key(), it.value());
    }
    emit saveStateChanged();
    return ok;
}

namespace {

/** Degrees × 10^6 as typed degrees ("10.823456"); empty when the field is unset. */
QString microDegrees(const Json& raw, const char* field) {
    const auto it = raw.find(field);
    if (it == raw.end() || !it->is_number_integer()) return {};
    return QString::number(static_cast<double>(it->get<long long>()) / 1e6, 'f', 6);
}

std::optional<long long> parseDegrees(QString typed, double limit) {
    typed = typed.trimmed().replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double degrees = typed.toDouble(&ok);
    if (!ok || !std::isfinite(degrees) || degrees < -limit || degrees > limit) return std::nullopt;
    return std::llround(degrees * 1e6);
}

}  // namespace

QString RecordController::placeLatitude() const { return microDegrees(m_raw, "place_lat"); }
QString RecordController::placeLongitude() const { return microDegrees(m_raw, "place_lon"); }

QString RecordController::placeText() const {
    const QString lat = placeLatitude(), lon = placeLongitude();
    if (lat.isEmpty() || lon.isEmpty()) return {};
    QString text = lat + QStringLiteral(", ") + lon;
    const auto accuracy = m_raw.find("place_accuracy");
    if (accuracy != m_raw.end() && accuracy->is_number_integer())
        text += tr(" (sai số khoảng %1 m)").arg(accuracy->get<long long>());
    const auto at = m_raw.find("place_at");
    if (at != m_raw.end() && at->is_number_integer() && at->get<long long>() > 0)
        text += tr(" · ghi lúc %1").arg(formatDateTime(at->get<long long>()));
    return text;
}

bool RecordController::setPlace(const QString& latitude, const QString& longitude, int accuracyMetres) {
    const auto lat = parseDegrees(latitude, 90), lon = parseDegrees(longitude, 180);
    if (!lat || !lon) {
        setError(tr("Vị trí chưa đúng: vĩ độ từ -90 đến 90, kinh độ từ -180 đến 180, dạng 10.823456."));
        return false;
    }
    std::map<std::string, Json> set = {{"place_lat", *lat},
                                       {"place_lon", *lon},
                                       {"place_at", QDateTime::currentMSecsSinceEpoch()}};
    if (accuracyMetres >= 0) set["place_accuracy"] = std::min(accuracyMetres, 100'000);
    return writeFields(std::move(set));
}

}  // namespace nghedan::client
