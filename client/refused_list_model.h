#pragma once
// Changes the server refused, with its reason, so that nothing disappears silently.

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include "nghedan/change.h"

namespace nghedan::client {

class ReplicaService;

/** QML element "RefusedListModel": Replica::refusedChanges(), newest first. writeAgain()
 *  records the refused values as a new change (for when the reason has been dealt with). */
class RefusedListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

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
    Q_INVOKABLE bool writeAgain(int row);
    int count() const { return static_cast<int>(m_rows.size()); }

    /** The server's refusal as a Vietnamese sentence. */
    static QString describeRefusal(const QString& code, const QString& message);

signals:
    void countChanged();

private:
    struct Row {
        Change change;
        QString title, changes, reason, when;
    };
    ReplicaService* m_service;
    std::vector<Row> m_rows;
};

}  // namespace nghedan::client
