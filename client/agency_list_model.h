#pragma once
// Agencies that can be given work, for the lead/supporting agency and directive pickers.

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace nghedan::client {

class ReplicaService;

/** QML element "AgencyListModel": the agencies that serve `unitId` (whose jurisdiction is that
 *  unit or one above it; every agency when unitId is empty), sorted by name in Vietnamese
 *  order, optionally narrowed by `filterText` (diacritics and case ignored). */
class AgencyListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(QString unitId READ unitId WRITE setUnitId NOTIFY unitIdChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { AgencyIdRole = Qt::UserRole + 1, NameRole, ServesRole };
    explicit AgencyListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE int indexOf(const QString& agencyId) const { return m_ids.indexOf(agencyId); }
    Q_INVOKABLE QString idAt(int row) const;
    Q_INVOKABLE QString nameOf(const QString& agencyId) const;

    QString filterText() const { return m_filter; }
    void setFilterText(const QString& text);
    QString unitId() const { return m_unitId; }
    void setUnitId(const QString& unitId);
    int count() const { return static_cast<int>(m_ids.size()); }

    /** Lower-case text without Vietnamese diacritics ("Đức" → "duc"). */
    static QString fold(const QString& text);

signals:
    void filterTextChanged();
    void unitIdChanged();
    void countChanged();

private:
    void reload();
    ReplicaService* m_service;
    QString m_filter;
    QString m_unitId;
    QStringList m_ids;
};

}  // namespace nghedan::client
