#include "directive_controller.h"

#include <QDateTime>

#include "nghedan/calendar.h"
#include "nghedan/replica.h"
#include "nghedan/workflow.h"
#include "petition_controller.h"
#include "replica_service.h"
#include "value_format.h"

namespace nghedan::client {

DirectiveController::DirectiveController(QObject* parent)
    : RecordController(QStringLiteral("directive"), parent) {}

bool DirectiveController::create(const QString& meetingId, const QString& petitionId, const QString& unitId,
                                 const QString& agencyId, const QString& instruction,
                                 const QString& issuedBy, const QString& dueDate) {
    // A directive given at a meeting or on a petition belongs to its unit (ReplicaService::write
    // takes it from the link); only a standalone one needs a picked unit.
    QString meeting = meetingId;
    if (meeting.isEmpty() && !petitionId.isEmpty()) {
        auto petition =
            m_service->with([&](Replica& r) { return r.get("petition", toStd(petitionId)); });
        if (petition && petition.value())
            meeting = toQString(jsonString(petition.value()->values, "meeting"));
    }
    if (meeting.isEmpty() && petitionId.isEmpty() && unitId.isEmpty()) {
        setError(tr("Hãy chọn địa bàn của chỉ đạo."));
        return false;
    }
    if (agencyId.isEmpty()) {
        setError(tr("Hãy chọn cơ quan thực hiện."));
        return false;
    }
    if (instruction.trimmed().isEmpty()) {
        setError(tr("Hãy nhập nội dung chỉ đạo."));
        return false;
    }
    if (issuedBy.trimmed().isEmpty()) {
        setError(tr("Hãy nhập người chỉ đạo."));
        return false;
    }
    std::map<std::string, Json> set;
    if (!meeting.isEmpty()) set["meeting"] = toStd(meeting);
    if (!petitionId.isEmpty()) set["petition"] = toStd(petitionId);
    set["agency"] = toStd(agencyId);
    set["instruction"] = toStd(instruction.trimmed());
    set["issued_by"] = toStd(issuedBy.trimmed());
    set["status"] = "issued";
    if (!dueDate.trimmed().isEmpty()) {
        const auto iso = parseDate(dueDate);
        if (!iso) {
            setError(tr("Hạn xử lý không hợp lệ, hãy nhập dạng dd/MM/yyyy."));
            return false;
        }
        set["due_date"] = *iso;
    }
    if (!m_pendingText.isEmpty()) flush();
    m_id.clear();
    return writeFields(std::move(set), unitId);
}

bool DirectiveController::setStatus(const QString& status) {
    auto fields = directiveStepFields(m_raw, toStd(status), QDateTime::currentMSecsSinceEpoch());
    if (!fields) {
        setError(tr("Trạng thái không hợp lệ."));
        return false;
    }
    if (!flush()) return false;
    return writeFields(std::move(*fields));
}

bool DirectiveController::addUpdate(const QString& text) {
    QString error;
    if (!writeProgressUpdate(m_service, m_entity, m_id, text, &error)) {
        setError(error);
        return false;
    }
    return true;
}

bool DirectiveController::open() const { return isOpenDirectiveStatus(rawString("status")); }

bool DirectiveController::overdue() const {
    return isOverdue("directive", rawString("status"), rawString("due_date"), todayIso());
}

}  // namespace nghedan::client
