#pragma once
// Administrative units below one parent, for the unit pickers: as many levels as the tree has
// (city → ward → neighbourhood since July 2025, or with districts between city and ward).

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace nghedan::client {

class ReplicaService;

/** QML element "UnitListModel": the children of `parentId` (or every unit of `level` when
 *  parentId is empty), sorted by name in Vietnamese order ("Phường 2" before "Phường 10"). */
class UnitListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString parentId READ parentId WRITE setParentId NOTIFY parentIdChanged)
    Q_PROPERTY(QString level READ level WRITE setLevel NOTIFY levelChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { UnitIdRole = Qt::UserRole + 1, NameRole, LevelRole, LevelLabelRole };
    explicit UnitListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE int indexOf(const QString& unitId) const;
    Q_INVOKABLE QString idAt(int row) const;
    /** The parent of a unit (for preselecting a picker from a known neighbourhood). */
    Q_INVOKABLE QString parentOf(const QString& unitId) const;
    Q_INVOKABLE QString levelOf(const QString& unitId) const;
    Q_INVOKABLE QString pathOf(const QString& unitId) const;
    /** The level of the unit at `row`, as people name it ("Khu phố", "Phường/Xã"). */
    Q_INVOKABLE QString levelLabelAt(int row) const;

    QString parentId() const { return m_parentId; }
    void setParentId(const QString& id);
    QString level() const { return m_level; }
    void setLevel(const QString& level);
    int count() const { return static_cast<int>(m_ids.size()); }

signals:
    void parentIdChanged();
    void levelChanged();
    void countChanged();

private:
    void reload();
    ReplicaService* m_service;
    QString m_parentId, m_level;
    QStringList m_ids;
};

}  // namespace nghedan::client
