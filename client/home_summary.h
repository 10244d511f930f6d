#pragma once
// The figures on the home screen.

#include <QObject>
#include <QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

namespace nghedan::client {

class ReplicaService;

/** QML element "HomeSummary": this week's visit, open and overdue counts within the signed-in
 *  user's scope (`unitId`). Refreshes when records change. */
class HomeSummary : public QObject, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(QString unitId READ unitId WRITE setUnitId NOTIFY changed)
    Q_PROPERTY(QString weekMeetingId READ weekMeetingId NOTIFY changed)
    Q_PROPERTY(QString weekMeetingTitle READ weekMeetingTitle NOTIFY changed)
    Q_PROPERTY(QString weekMeetingWhen READ weekMeetingWhen NOTIFY changed)
    Q_PROPERTY(QString weekMeetingPlace READ weekMeetingPlace NOTIFY changed)
    Q_PROPERTY(QString weekMeetingStatus READ weekMeetingStatus NOTIFY changed)
    Q_PROPERTY(int openPetitions READ openPetitions NOTIFY changed)
    Q_PROPERTY(int openDirectives READ openDirectives NOTIFY changed)
    Q_PROPERTY(int overduePetitions READ overduePetitions NOTIFY changed)
    Q_PROPERTY(int overdueDirectives READ overdueDirectives NOTIFY changed)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY changed)
    Q_PROPERTY(int meetingsThisYear READ meetingsThisYear NOTIFY changed)

public:
    explicit HomeSummary(QObject* parent = nullptr);
    void classBegin() override { m_complete = false; }
    void componentComplete() override;
    Q_INVOKABLE void refresh();

    QString unitId() const { return m_unitId; }
    void setUnitId(const QString& id);
    QString weekMeetingId() const { return m_weekId; }
    QString weekMeetingTitle() const { return m_weekTitle; }
    QString weekMeetingWhen() const { return m_weekWhen; }
    QString weekMeetingPlace() const { return m_weekPlace; }
    QString weekMeetingStatus() const { return m_weekStatus; }
    int openPetitions() const { return m_openPetitions; }
    int openDirectives() const { return m_openDirectives; }
    int overduePetitions() const { return m_overduePetitions; }
    int overdueDirectives() const { return m_overdueDirectives; }
    int overdueCount() const { return m_overduePetitions + m_overdueDirectives; }
    int meetingsThisYear() const { return m_meetingsThisYear; }

signals:
    void changed();

private:
    ReplicaService* m_service;
    bool m_complete = true;
    QString m_unitId, m_weekId, m_weekTitle, m_weekWhen, m_weekPlace, m_weekStatus;
    int m_openPetitions = 0, m_openDirectives = 0, m_overduePetitions = 0, m_overdueDirectives = 0,
        m_meetingsThisYear = 0;
};

}  // namespace nghedan::client
