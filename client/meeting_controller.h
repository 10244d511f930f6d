#pragma once
// A meeting being recorded: fields, attendees, minutes saved as you type, finalising.

#include <QtQml/qqmlregistration.h>

#include "attendee_list_model.h"
#include "record_controller.h"

namespace nghedan::client {

/** QML element "MeetingController". A finalised meeting is locked: edits are refused until
 *  amend() is called (every earlier version stays in the history). */
class MeetingController : public RecordController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AttendeeListModel* attendees READ attendees CONSTANT)
    Q_PROPERTY(bool finalised READ finalised NOTIFY valuesChanged)
    Q_PROPERTY(bool locked READ locked NOTIFY lockedChanged)
    Q_PROPERTY(bool amending READ amending NOTIFY lockedChanged)
    /** The person may change the meeting's record now: their role writes meetings (shared
     *  policy) and it is not locked. A supervisor reads meetings; officials record them. */
    Q_PROPERTY(bool editable READ editable NOTIFY lockedChanged)

public:
    explicit MeetingController(QObject* parent = nullptr);

    /** Creates a draft meeting in a neighbourhood (`heldAt` "dd/MM/yyyy HH:mm"); the agenda
     *  starts with the neighbourhood's still-open petitions and directives from earlier visits. */
    Q_INVOKABLE bool create(const QString& unitId, const QString& heldAt, const QString& title);
    /** "Họp dân khu phố …": a title for a new meeting in the unit. */
    Q_INVOKABLE QString suggestTitle(const QString& unitId) const;
    /** The still-open petitions and directives of the unit, one per line ("" when none). */
    Q_INVOKABLE QString openItemsAgenda(const QString& unitId, const QString& excludeMeeting = {}) const;
    Q_INVOKABLE bool addAttendee(const QString& name, const QString& role);
    Q_INVOKABLE bool removeAttendee(int row);
    /** Changes the role of the attendee in `row` (the role is free text; empty clears it). */
    Q_INVOKABLE bool setAttendeeRole(int row, const QString& role);
    Q_INVOKABLE bool finalise();
    Q_INVOKABLE void amend();

    AttendeeListModel* attendees() { return &m_attendees; }
    bool finalised() const { return rawString("status") == "finalised"; }
    bool locked() const { return finalised() && !m_amending; }
    bool amending() const { return m_amending; }
    bool editable() const { return mayEdit(QStringLiteral("minutes")); }

signals:
    void lockedChanged();

protected:
    QString editBlockedReason(const QString& field) const override;
    void onLoaded() override;

private:
    bool writePeople(const QVariantList& people);
    AttendeeListModel m_attendees;
    bool m_amending = false;
};

}  // namespace nghedan::client
