#pragma once
// A petition: quick capture at a meeting, handling workflow, agencies, escalation, progress.

#include <QtQml/qqmlregistration.h>

#include "record_controller.h"

namespace nghedan::client {

/** QML element "PetitionController". Status steps and what they set come from the shared
 *  workflow (petitionStepFields); a step it refuses leaves lastError in Vietnamese. */
class PetitionController : public RecordController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantList nextStatuses READ nextStatuses NOTIFY valuesChanged)
    Q_PROPERTY(bool overdue READ overdue NOTIFY valuesChanged)
    Q_PROPERTY(bool open READ open NOTIFY valuesChanged)
    /** [{value, label}] of the levels this petition may be escalated to (shared
     *  escalationTargets over its unit's tree: district and city, or only city since 2025). */
    Q_PROPERTY(QVariantList escalationLevels READ escalationLevels NOTIFY valuesChanged)
    /** The receipt code told to the petitioner ("KN-7QH3-M2XA-9FPD", shared receiptCode of the
     *  record id: the same on every replica, known offline); empty before the petition exists. */
    Q_PROPERTY(QString receiptCode READ receiptCode NOTIFY valuesChanged)

public:
    explicit PetitionController(QObject* parent = nullptr);

    /** Creates a petition raised at a meeting (unit and channel from the meeting, status
     *  "received"). An empty title becomes the category's name; an empty petitioner name is
     *  left unset. */
    Q_INVOKABLE bool createAtMeeting(const QString& meetingId, const QString& category,
                                     const QString& title, const QString& petitionerName = {});
    /** Instead of a new petition: records on the existing open petition `petitionId` that it
     *  was raised again at the meeting (a progress note naming the meeting, the petitioner and
     *  what was said). This controller then shows that petition. False (and lastError) when
     *  the petition or meeting is unknown or the petition is not of the meeting's unit. */
    Q_INVOKABLE bool raiseAgainAtMeeting(const QString& petitionId, const QString& meetingId,
                                         const QString& petitionerName, const QString& said);
    /** Creates a petition outside a meeting. */
    Q_INVOKABLE bool create(const QString& unitId, const QString& category, const QString& title);
    /** Moves to `status` if the workflow allows it from the current one; `reason` is kept
     *  (required where shared petitionStepNeedsReason says so). */
    Q_INVOKABLE bool setStatus(const QString& status, const QString& reason = {});
    /** Hands the petition to a higher level (one of escalationLevels) with a reason. */
    Q_INVOKABLE bool escalate(const QString& level, const QString& reason);
    Q_INVOKABLE bool setLeadAgency(const QString& agencyId);
    Q_INVOKABLE bool addSupportAgency(const QString& agencyId);
    Q_INVOKABLE bool removeSupportAgency(const QString& agencyId);
    /** Appends a progress note (entity "update") to this petition. */
    Q_INVOKABLE bool addUpdate(const QString& text);

    QVariantList nextStatuses() const;
    bool overdue() const;
    bool open() const;
    QVariantList escalationLevels() const;
    QString receiptCode() const;

private:
    /** One workflow step through petitionStepFields, with its progress note. */
    bool step(const QString& status, const QString& reason, const QString& level);
    /** The levels of the petition's unit and its ancestors, nearest first. */
    std::vector<std::string> lineageLevels() const;
    bool createIn(const QString& unitId, const QString& meetingId, const QString& channel,
                  const QString& category, const QString& title,
                  const QString& petitionerName = {});
};

/** Writes a progress note for a petition or directive (in its parent's unit, which
 *  ReplicaService::write takes from the link); shared by both controllers. */
bool writeProgressUpdate(ReplicaService* service, const QString& parentEntity,
                         const QString& parentId, const QString& text, QString* error);

}  // namespace nghedan::client
