#include "petition_controller.h"

#include <QCoreApplication>
#include <QDateTime>

#include "catalog.h"
#include "nghedan/replica.h"
#include "replica_service.h"
#include "value_format.h"

namespace nghedan::client {

bool writeProgressUpdate(ReplicaService* service, const QString& parentEntity,
                         const QString& parentId, const QString& text, QString* error) {
    if (text.trimmed().isEmpty()) {
        if (error) *error = QCoreApplication::translate("PetitionController", "Hãy nhập nội dung cập nhật.");
        return false;
    }
    WriteRequest request;
    request.entity = "update";
    request.set["parent_entity"] = toStd(parentEntity);
    request.set["parent"] = toStd(parentId);
    request.set["text"] = toStd(text.trimmed());
    auto result = service->write(request);
    if (!result && error)
        *error = QCoreApplication::translate("PetitionController", "Chưa lưu được: %1")
                     .arg(toQString(result.error().message));
    return result.ok();
}

PetitionController::PetitionController(QObject* parent)
    : RecordController(QStringLiteral("petition"), parent) {}

bool PetitionController::createIn(const QString& unitId, const QString& meetingId,
                                  const QString& channel, const QString& category,
                                  const QString& title, const QString& petitionerName) {
    if (unitId.isEmpty()) {
        setError(tr("Hãy chọn địa bàn của kiến nghị."));
        return false;
    }
    if (category.isEmpty()) {
        setError(tr("Hãy chọn lĩnh vực."));
        return false;
    }
    std::map<std::string, Json> set;
    if (!meetingId.isEmpty()) set["meeting"] = toStd(meetingId);
    set["received_at"] = static_cast<long long>(QDateTime::currentMSecsSinceEpoch());
    set["channel"] = toStd(channel);
    set["category"] = toStd(category);
    const QString t = title.trimmed().isEmpty()
                          ? Catalog::enumLabel(QStringLiteral("petition"), QStringLiteral("category"), category)
                          : title.trimmed();
    set["title"] = toStd(t);
    if (!petitionerName.trimmed().isEmpty())
        set["petitioner_name"] = toStd(petitionerName.trimmed());
    set["status"] = "received";
    set["priority"] = "normal";
    if (!m_pendingText.isEmpty()) flush();
    m_id.clear();
    return writeFields(std::move(set), unitId);
}

bool PetitionController::createAtMeeting(const QString& meetingId, const QString& category,
                                         const QString& title, const QString& petitionerName) {
    auto meeting = m_service->with([&](Replica& r) { return r.get("meeting", toStd(meetingId)); });
    if (!meeting || !meeting.value()) {
        setError(tr("Không tìm thấy buổi họp."));
        return false;
    }
    const QString unit = toQString(jsonString(meeting.value()->values, "unit"));
    return createIn(unit, meetingId, QStringLiteral("meeting"), category, title, petitionerName);
}

bool PetitionController::raiseAgainAtMeeting(const QString& petitionId, const QString& meetingId,
                                             const QString& petitionerName, const QString& said) {
    auto meeting = m_service->with([&](Replica& r) { return r.get("meeting", toStd(meetingId)); });
    if (!meeting || !meeting.value()) {
        setError(tr("Không tìm thấy buổi họp."));
        return false;
    }
    const Json& m = meeting.value()->values;
    if (!m_pendingText.isEmpty()) flush();
    setRecordId(petitionId);
    if (!m_exists || m_unit != toQString(jsonString(m, "unit"))) {
        setError(tr("Không tìm thấy kiến nghị này ở khu phố của buổi họp."));
        return false;
    }
    const auto heldAt = m.find("held_at");
    QString text =
        tr("Được nêu lại tại buổi họp «%1» (%2)")
            .arg(toQString(jsonString(m, "title")), heldAt != m.end() && heldAt->is_number()
                                                        ? formatDateTime(heldAt->get<qint64>())
                                                        : QString());
    if (!petitionerName.trimmed().isEmpty())
        text += tr(", người nêu: %1").arg(petitionerName.trimmed());
    if (!said.trimmed().isEmpty() && said.trimmed() != toQString(rawString("title")))
        text += tr(". Ý kiến: %1").arg(said.trimmed());
    QString error;
    if (!writeProgressUpdate(m_service, m_entity, m_id, text, &error)) {
        setError(error);
        return false;
    }
    clearError();
    return true;
}

bool PetitionController::create(const QString& unitId, const QString& category, const QString& title) {
    return createIn(unitId, {}, QStringLiteral("visit"), category, title);
}

QVariantList PetitionController::nextStatuses() const {
    Catalog catalog;
    return catalog.nextPetitionStatuses(toQString(rawString("status")));
}

bool PetitionController::open() const { return isOpenPetitionStatus(rawString("status")); }

bool PetitionController::overdue() const {
    const std::string due = rawString("due_date");
    return open() && !due.empty() && due < todayIso();
}

bool PetitionController::setStatus(const QString& status, const QString& reason) {
    const std::string from = rawString("status");
    const auto allowed = allowedNextPetitionStatuses(from);
    if (std::find(allowed.begin(), allowed.end(), toStd(status)) == allowed.end()) {
        setError(tr("Không thể chuyển kiến nghị từ «%1» sang «%2».")
                     .arg(Catalog::enumLabel("petition", "status", toQString(from)),
                          Catalog::enumLabel("petition", "status", status)));
        return false;
    }
    if (petitionStepNeedsReason(from, toStd(status)) && reason.trimmed().isEmpty()) {
        setError(tr("Hãy ghi rõ lý do."));
        return false;
    }
    if (!flush()) return false;
    std::map<std::string, Json> set;
    set["status"] = toStd(status);
    if (!reason.trimmed().isEmpty()) set["status_reason"] = toStd(reason.trimmed());
    if (status == u"resolved") set["resolved_at"] = static_cast<long long>(QDateTime::currentMSecsSinceEpoch());
    if (status == u"in_progress" && from == "resolved") set["resolved_at"] = nullptr;
    const bool ok = writeFields(std::move(set));
    if (ok && !reason.trimmed().isEmpty()) {
        QString error;
        writeProgressUpdate(
            m_service, m_entity, m_id,
            tr("%1: %2").arg(Catalog::enumLabel("petition", "status", status), reason.trimmed()),
            &error);
    }
    return ok;
}

bool PetitionController::escalate(const QString& level, const QString& reason) {
    const auto allowed = allowedNextPetitionStatuses(rawString("status"));
    if (std::find(allowed.begin(), allowed.end(), "escalated") == allowed.end()) {
        setError(tr("Kiến nghị ở trạng thái «%1» không thể chuyển cấp trên.")
                     .arg(Catalog::enumLabel("petition", "status", toQString(rawString("status")))));
        return false;
    }
    if (level.isEmpty()) {
        setError(tr("Hãy chọn cấp sẽ xử lý."));
        return false;
    }
    if (reason.trimmed().isEmpty()) {
        setError(tr("Hãy ghi rõ lý do chuyển cấp."));
        return false;
    }
    std::map<std::string, Json> set;
    set["status"] = "escalated";
    set["handling_level"] = toStd(level);
    set["status_reason"] = toStd(reason.trimmed());
    const bool ok = writeFields(std::move(set));
    if (ok) {
        QString error;
        writeProgressUpdate(
            m_service, m_entity, m_id,
            tr("Chuyển lên cấp %1: %2")
                .arg(Catalog::enumLabel("petition", "handling_level", level).toLower(),
                     reason.trimmed()),
            &error);
    }
    return ok;
}

bool PetitionController::setLeadAgency(const QString& agencyId) {
    bool ok = setField(QStringLiteral("lead_agency"), agencyId);
    // Assigning a lead agency to a new petition is the "assigned" step of the workflow.
    if (ok && !agencyId.isEmpty() && rawString("status") == "received") ok = setStatus(QStringLiteral("assigned"));
    return ok;
}

bool PetitionController::addSupportAgency(const QString& agencyId) {
    QStringList ids = m_values.value(QStringLiteral("support_agencies")).toStringList();
    if (agencyId.isEmpty() || ids.contains(agencyId)) return true;
    ids << agencyId;
    return setField(QStringLiteral("support_agencies"), ids);
}

bool PetitionController::removeSupportAgency(const QString& agencyId) {
    QStringList ids = m_values.value(QStringLiteral("support_agencies")).toStringList();
    ids.removeAll(agencyId);
    return setField(QStringLiteral("support_agencies"), ids);
}

bool PetitionController::addUpdate(const QString& text) {
    QString error;
    if (!writeProgressUpdate(m_service, m_entity, m_id, text, &error)) {
        setError(error);
        return false;
    }
    return true;
}

}  // namespace nghedan::client
