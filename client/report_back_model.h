#pragma once
// The first part of a neighbourhood meeting, "Báo cáo lại kết quả kiến nghị kỳ trước": what
// became of the petitions raised at earlier visits, read out to the residents, and their verdict.

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <vector>

namespace nghedan::client {

class ReplicaService;

/** QML element "ReportBackModel". Rows are the petitions raised at earlier meetings of
 *  `meetingId`'s neighbourhood that the shared workflow says are due for report back
 *  (dueForReportBack, given the latest "satisfied" verdict of another meeting), and every
 *  petition whose verdict was recorded at this meeting (with that verdict), oldest first.
 *  record() is the one place a verdict is written. Refreshes when records change. UI thread only.
 */
class ReportBackModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString meetingId READ meetingId WRITE setMeetingId NOTIFY meetingIdChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /** The signed-in role may record verdicts (shared policy: officials create report_back). */
    Q_PROPERTY(bool canRecord READ canRecord NOTIFY countChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum Role {
        PetitionIdRole = Qt::UserRole + 1,
        ReceiptCodeRole,
        TitleRole,
        StatusRole,
        StatusLabelRole,
        AgencyNameRole,
        DueDateRole,
        ResolutionRole,
        RaisedTextRole,
        VerdictRole,
        VerdictLabelRole,
        NoteRole
    };
    explicit ReportBackModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : count();
    }
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString meetingId() const { return m_meetingId; }
    void setMeetingId(const QString& id);
    int count() const { return static_cast<int>(m_rows.size()); }
    bool canRecord() const;
    QString lastError() const { return m_lastError; }

    /** Records the residents' verdict on a listed petition at this meeting ("satisfied" or
     *  "unsatisfied", with what they said in `note`): a report_back record, then, when the
     *  shared reportBackStep asks for it ("unsatisfied" with an answered petition), the status
     *  step that reopens the petition, through PetitionController like the status buttons.
     *  False and lastError (Vietnamese) when nothing or not everything was written. */
    Q_INVOKABLE bool record(const QString& petitionId, const QString& verdict,
                            const QString& note = {});
    /** The row of a petition, -1 when it is not listed. */
    Q_INVOKABLE int rowOf(const QString& petitionId) const;
    Q_INVOKABLE void clearError() { setError({}); }

signals:
    void meetingIdChanged();
    void countChanged();
    void lastErrorChanged();
    /** A verdict was recorded (the petition's status may have changed with it). */
    void recorded(const QString& petitionId, const QString& verdict);

private:
    struct Row {
        QString petitionId, receiptCode, title, status, statusLabel, agencyName, dueDate,
            resolution, raisedText, verdict, verdictLabel, note;
        bool operator==(const Row&) const = default;
    };
    void reload();
    void setError(const QString& message);
    ReplicaService* m_service;
    QString m_meetingId;
    std::vector<Row> m_rows;
    QString m_lastError;
};

}  // namespace nghedan::client
