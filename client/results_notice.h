#pragma once
// The results notice of a neighbourhood ("Thông báo kết quả giải quyết kiến nghị") made on the
// tablet, offline, to paste into the neighbourhood's chat group.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

namespace nghedan::client {

class ReplicaService;

/** QML element "ResultsNotice": the shared resultsNoticeText of `unitId`'s public petitions
 *  (publicPetitionsQuery over the unit's subtree) received from `fromDate` to `toDate`
 *  (dd/MM/yyyy, both days included), with unit and agency names looked up locally and the
 *  server's lookup page (<server>/tra-cuu). The period starts as the 30 days up to today, or,
 *  with `meetingId`, the days since the unit's meeting before that one. UI thread only. */
class ResultsNotice : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString unitId READ unitId WRITE setUnitId NOTIFY changed)
    Q_PROPERTY(QString meetingId READ meetingId WRITE setMeetingId NOTIFY changed)
    Q_PROPERTY(QString fromDate READ fromDate WRITE setFromDate NOTIFY changed)
    Q_PROPERTY(QString toDate READ toDate WRITE setToDate NOTIFY changed)
    Q_PROPERTY(QString text READ text NOTIFY changed)
    /** Public petitions in the notice. */
    Q_PROPERTY(int count READ count NOTIFY changed)
    /** Why there is no notice (a date that is not one, the end before the start); else empty. */
    Q_PROPERTY(QString problem READ problem NOTIFY changed)

public:
    explicit ResultsNotice(QObject* parent = nullptr);

    QString unitId() const { return m_unit; }
    void setUnitId(const QString& id);
    QString meetingId() const { return m_meeting; }
    void setMeetingId(const QString& id);
    QString fromDate() const { return m_from; }
    void setFromDate(const QString& date);
    QString toDate() const { return m_to; }
    void setToDate(const QString& date);
    QString text() const { return m_text; }
    int count() const { return m_count; }
    QString problem() const { return m_problem; }

signals:
    void changed();

private:
    void defaultPeriod();
    void rebuild();
    ReplicaService* m_service;
    QString m_unit, m_meeting, m_from, m_to, m_text, m_problem;
    int m_count = 0;
};

}  // namespace nghedan::client
