#pragma once
// The fields of one record that have more than one current value, and their resolution.

#include <QAbstractListModel>
#include <QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

#include "nghedan/change.h"

namespace nghedan::client {

class ReplicaService;

/** QML element "ConflictListModel": one row per conflicting field with every current
 *  version (value text, author, time). keep() and merge() write a value whose bases cover
 *  all current versions, so the conflict is gone here and, after sync, everywhere. */
class ConflictListModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(QString entity READ entity WRITE setEntity NOTIFY sourceChanged)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY sourceChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum Role { FieldRole = Qt::UserRole + 1, FieldLabelRole, VersionsRole, LongTextRole, EditableRole };
    explicit ConflictListModel(QObject* parent = nullptr);

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
    /** Keeps version `version` of the conflicting field in `row`. */
    Q_INVOKABLE bool keep(int row, int version);
    /** Resolves the field in `row` with a value a person merged by hand (text fields). */
    Q_INVOKABLE bool merge(int row, const QString& text);

    QString entity() const { return m_entity; }
    void setEntity(const QString& e);
    QString recordId() const { return m_id; }
    void setRecordId(const QString& id);
    int count() const { return static_cast<int>(m_rows.size()); }
    QString lastError() const { return m_lastError; }

signals:
    void sourceChanged();
    void countChanged();
    void lastErrorChanged();
    void resolved(const QString& field);

private:
    struct Row {
        QString field;
        QVariantList versions;  // {text, author, whenText}
        std::vector<Json> values;
    };
    bool resolve(int row, const Json& value);
    ReplicaService* m_service;
    bool m_complete = true;
    QString m_entity, m_id, m_lastError;
    std::vector<Row> m_rows;
};

}  // namespace nghedan::client
