#include "petition_controller.h"

#include <QCoreApplication>
#include <QDateTime>

#include "catalog.h"
#include "nghedan/calendar.h"
#include "nghedan/public_view.h"
#include "nghedan/replica.h"
#include "nghedan/workflow.h"
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

QString PetitionController::receiptCode() const {
    const std::string stored = rawString("receipt_code");
    // A refused new petition is not in the replica: its code comes from its id all the same.
    if (!stored.empty() || m_id.isEmpty()) return toQString(stored);
    return toQString(nghedan::receiptCode(toStd(m_id)));
}

bool PetitionController::open() const { return isOpenPetitionStatus(rawString("status")); }

bool PetitionController::overdue() const {
    return isOverdue("petition", rawString("status"), rawString("due_date"), todayIso());
}

QVariantList PetitionController::escalationLevels() const {
    QVariantList out;
    for (const std::string& level : escalationTargets(lineageLevels())) {
        const QString value = toQString(level);
        out.append(QVariantMap{
            {"value", value},
            {"label", Catalog::enumLabel(QStringLiteral("petition"), QStringLiteral("handling_level"), value)}});
    }
    return out;
}

std::vector<std::string> PetitionController::lineageLevels() const {
    std::vector<std::string> levels;
    QString unit = m_unit;
    for (int depth = 0; !unit.isEmpty() && depth < 16; ++depth) {
        levels.push_back(toStd(m_service->unitLevel(unit)));
        unit = m_service->unitParent(unit);
    }
    return levels;
}

bool PetitionController::step(const QString& status, const QString& reason, const QString& level) {
    const StatusStep request{toStd(status), toStd(reason), toStd(level)};
    auto fields = petitionStepFields(m_raw, request, QDateTime::currentMSecsSinceEpoch(),
                                     escalationTargets(lineageLevels()));
    if (!fields) {
        const QString from = Catalog::enumLabel("petition", "status", toQString(rawString("status")));
        const QString& code = toQString(fields.error().code);
        if (code == u"reason_required")
            setError(status == u"escalated" ? tr("Hãy ghi rõ lý do chuyển cấp.") : tr("Hãy ghi rõ lý do."));
        else if (code == u"level_required" || code == u"invalid_level")
            setError(tr("Hãy chọn cấp sẽ xử lý."));
        else if (status == u"escalated")
            setError(tr("Kiến nghị ở trạng thái «%1» không thể chuyển cấp trên.").arg(from));
        else
            setError(tr("Không thể chuyển kiến nghị từ «%1» sang «%2».")
                         .arg(from, Catalog::enumLabel("petition", "status", status)));
        return false;
    }
    if (!flush()) return false;
    const bool ok = writeFields(std::move(*fields));
    if (ok && !reason.trimmed().isEmpty()) {
        const QString note =
            status == u"escalated"
                ? tr("Chuyển lên cấp %1: %2")
                      .arg(Catalog::enumLabel("petition", "handling_level", level).toLower(),
                           reason.trimmed())
                : tr("%1: %2").arg(Catalog::enumLabel("petition", "status", status), reason.trimmed());
        QString error;
        writeProgressUpdate(m_service, m_entity, m_id, note, &error);
    }
    return ok;
}

bool PetitionController::setStatus(const QString& status, const QString& reason) {
    return step(status, reason, {});
}

bool PetitionController::escalate(const QString& level, const QString& reason) {
    return step(QStringLiteral("escalated"), reason, level);
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
