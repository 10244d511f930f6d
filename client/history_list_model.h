#pragma once
// Who changed what, when: a record's history from Replica::history, newest first.

#include <QAbstractListModel>
#include <QQmlParserStatus>
#include <QtQml/qqmlregistration.h>
#include <cstdint>
#include <vector>

namespace nghedan::client {

class ReplicaService;

/** QML element "HistoryListModel": one row per change (author as authorName(), time, the
 *  fields it set with their new values), with the changes of the record's attachments. Rows whose value was replaced concurrently by another
 * person are kept (the audit trail shows everything). */
class HistoryListModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(QString entity READ entity WRITE setEntity NOTIFY sourceChanged)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY sourceChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { WhenRole = Qt::UserRole + 1, AuthorRole, SummaryRole, CreatedRole };
    explicit HistoryListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : count();
    }
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    void classBegin() override { m_complete = false; }
    void componentComplete() override {
        m_complete = true;
        reload();
    }
    Q_INVOKABLE void reload();

    QString entity() const { return m_entity; }
    void setEntity(const QString& e);
    QString recordId() const { return m_id; }
    void setRecordId(const QString& id);
    int count() const { return static_cast<int>(m_rows.size()); }

    /** How an author is shown: the signed-in person's display name for their own changes;
     *  other people's usernames as they are (their names are not stored on the tablet). */
    static QString authorName(const QString& username);

signals:
    void sourceChanged();
    void countChanged();

private:
    struct Row {
        QString when, author, summary;
        bool created = false;
        std::uint64_t hlc = 0;
    };
    /** The changes of the record's attachments (added, caption, removed), as rows. */
    void addAttachmentRows(std::vector<Row>& rows);
    ReplicaService* m_service;
    bool m_complete = true;
    QString m_entity, m_id;
    std::vector<Row> m_rows;
};

}  // namespace nghedan::client
