#pragma once
// Changes the server refused, with its reason, so that nothing disappears silently.

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include "nghedan/replica.h"

namespace nghedan::client {

class ReplicaService;

/** The server's refusal of `change` as a Vietnamese sentence that names units, fields and
 *  records by their names, never by ids. UI thread only (reads unit names). */
QString describeRefusal(ReplicaService* service, const Change& change, const Error& reason);

/** Resends a refused change: its values become a new change of the same record (a refused new
 *  record is created again with its id and links), through ReplicaService::write, so what the
 *  server would refuse again is refused now with its reason; then it leaves the refused list. */
bool resendRefused(ReplicaService* service, const Change& change, QString* error);
/** Discards a refused change: it leaves the refused list; the record stays as the server has it. */
bool discardRefused(ReplicaService* service, const Change& change, QString* error);

/** QML element "RefusedListModel": Replica::refusedChanges(), newest first; `meetingId`
 *  narrows it to the changes of that meeting and of records linked to it. */
class RefusedListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString meetingId READ meetingId WRITE setMeetingId NOTIFY meetingIdChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum Role { EntityLabelRole = Qt::UserRole + 1, RecordTitleRole, EntityRole, RecordIdRole,
                ChangesRole, ReasonRole, WhenRole };
    explicit RefusedListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : count();
    }
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE void reload();
    /** resendRefused() of the row; false and lastError when refused again here. */
    Q_INVOKABLE bool writeAgain(int row);
    /** discardRefused() of the row. */
    Q_INVOKABLE bool discard(int row);
    int count() const { return static_cast<int>(m_rows.size()); }
    QString meetingId() const { return m_meetingId; }
    void setMeetingId(const QString& id);
    QString lastError() const { return m_lastError; }

signals:
    void countChanged();
    void meetingIdChanged();
    void lastErrorChanged();

private:
    struct Row {
        Change change;
        QString title, changes, reason, when;
    };
    void setError(const QString& error);
    ReplicaService* m_service;
    QString m_meetingId;
    QString m_lastError;
    std::vector<Row> m_rows;
};

}  // namespace nghedan::client
