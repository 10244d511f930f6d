#include "meeting_controller.h"

#include "nghedan/replica.h"
#include "replica_service.h"
#include "value_format.h"

namespace nghedan::client {

MeetingController::MeetingController(QObject* parent) : RecordController(QStringLiteral("meeting"), parent) {
    connect(this, &RecordController::valuesChanged, this, &MeetingController::lockedChanged);
}

void MeetingController::onLoaded() {
    m_attendees.setPeople(m_values.value(QStringLiteral("attendees")).toList());
}

QString MeetingController::editBlockedReason(const QString& field) const {
    if (locked() && field != u"status")
        return tr("Biên bản đã chốt. Chọn «Sửa bổ sung» nếu cần sửa; mọi phiên bản cũ vẫn được lưu.");
    return {};
}

QString MeetingController::suggestTitle(const QString& unitId) const {
    const QString name = m_service->unitName(unitId);
    return name.isEmpty() ? tr("Họp dân") : tr("Họp dân %1").arg(name);
}

QString MeetingController::openItemsAgenda(const QString& unitId, const QString& excludeMeeting) const {
    if (unitId.isEmpty()) return {};
    QStringList lines;
    for (const char* entity : {"petition", "directive"}) {
        ListQuery q;
        q.entity = entity;
        q.unitRoot = toStd(unitId);
        q.equals["status"] = openStatuses(entity);
        q.sort = "created_hlc";
        q.descending = false;
        q.limit = 100;
        auto page = m_service->with([&](Replica& r) { return r.list(q); });
        if (!page) continue;
        for (const Json& row : page->rows) {
            if (!excludeMeeting.isEmpty() && toQString(jsonString(row, "meeting")) == excludeMeeting)
                continue;
            const char* textField = std::string(entity) == "petition" ? "title" : "instruction";
            const QString text = toQString(jsonString(row, textField)).simplified();
            lines << (std::string(entity) == "petition" ? tr("- Kiến nghị chưa xong: %1").arg(text)
                                                        : tr("- Chỉ đạo chưa xong: %1").arg(text));
        }
    }
    if (lines.isEmpty()) return {};
    return tr("Các việc còn tồn đọng từ những lần trước:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
}

bool MeetingController::create(const QString& unitId, const QString& heldAt, const QString& title) {
    if (unitId.isEmpty()) {
        setError(tr("Hãy chọn khu phố nơi họp."));
        return false;
    }
    const auto ms = parseDateTime(heldAt);
    if (!ms) {
        setError(tr("Thời gian họp không hợp lệ, hãy nhập dạng dd/MM/yyyy HH:mm."));
        return false;
    }
    std::map<std::string, Json> set;
    set["held_at"] = static_cast<long long>(*ms);
    set["title"] = toStd(title.trimmed().isEmpty() ? suggestTitle(unitId) : title.trimmed());
    set["status"] = "draft";
    set["recorded_by"] = toStd(m_service->author());
    if (const QString agenda = openItemsAgenda(unitId); !agenda.isEmpty()) set["agenda"] = toStd(agenda);
    if (!m_pendingText.isEmpty()) flush();
    m_id.clear();
    m_amending = false;
    return writeFields(std::move(set), unitId);
}

bool MeetingController::writePeople(const QVariantList& people) {
    return setField(QStringLiteral("attendees"), people);
}

bool MeetingController::addAttendee(const QString& name, const QString& role) {
    if (name.trimmed().isEmpty()) {
        setError(tr("Hãy nhập tên người tham dự."));
        return false;
    }
    QVariantList people = m_attendees.people();
    people.append(QVariantMap{{"name", name.trimmed()}, {"role", role.trimmed()}});
    return writePeople(people);
}

bool MeetingController::removeAttendee(int row) {
    QVariantList people = m_attendees.people();
    if (row < 0 || row >= people.size()) return false;
    people.removeAt(row);
    return writePeople(people);
}

bool MeetingController::setAttendeeRole(int row, const QString& role) {
    QVariantList people = m_attendees.people();
    if (row < 0 || row >= people.size()) return false;
    QVariantMap person = people.at(row).toMap();
    person.insert(QStringLiteral("role"), role.trimmed());
    people[row] = person;
    return writePeople(people);
}

bool MeetingController::finalise() {
    if (!flush()) return false;
    if (m_values.value(QStringLiteral("minutes")).toString().trimmed().isEmpty() &&
        m_values.value(QStringLiteral("conclusions")).toString().trimmed().isEmpty()) {
        setError(tr("Chưa có biên bản hoặc kết luận: chưa thể chốt."));
        return false;
    }
    m_amending = false;
    const bool ok = setField(QStringLiteral("status"), QStringLiteral("finalised"));
    emit lockedChanged();
    return ok;
}

void MeetingController::amend() {
    m_amending = true;
    emit lockedChanged();
}

}  // namespace nghedan::client
