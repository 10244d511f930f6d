#include "unit_list_model.h"

#include <QCollator>
#include <algorithm>

#include "catalog.h"
#include "replica_service.h"

namespace nghedan::client {

UnitListModel::UnitListModel(QObject* parent)
    : QAbstractListModel(parent), m_service(ReplicaService::instance()) {
    connect(m_service, &ReplicaService::recordsChanged, this, [this](const QString& entity) {
        if (entity.isEmpty() || entity == u"unit") reload();
    });
}

void UnitListModel::setParentId(const QString& id) {
    if (id == m_parentId) return;
    m_parentId = id;
    emit parentIdChanged();
    reload();
}

void UnitListModel::setLevel(const QString& level) {
    if (level == m_level) return;
    m_level = level;
    emit levelChanged();
    reload();
}

void UnitListModel::reload() {
    const auto& units = m_service->units();
    QStringList ids;
    for (auto it = units.begin(); it != units.end(); ++it) {
        if (!m_parentId.isEmpty() && it->parent != m_parentId) continue;
        if (m_parentId.isEmpty() && m_level.isEmpty()) continue;
        if (!m_level.isEmpty() && it->level != m_level) continue;
        ids << it.key();
    }
    QCollator collator{QLocale(QLocale::Vietnamese, QLocale::Vietnam)};
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(ids.begin(), ids.end(), [&](const QString& a, const QString& b) {
        return collator.compare(units.value(a).name, units.value(b).name) < 0;
    });
    beginResetModel();
    m_ids = ids;
    endResetModel();
    emit countChanged();
}

int UnitListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }

QVariant UnitListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const QString& id = m_ids.at(index.row());
    const auto info = m_service->units().value(id);
    switch (role) {
    case UnitIdRole: return id;
    case NameRole: return info.name;
    case LevelRole: return info.level;
    case LevelLabelRole: return Catalog::enumLabel(QStringLiteral("unit"), QStringLiteral("level"), info.level);
    default: return {};
    }
}

QHash<int, QByteArray> UnitListModel::roleNames() const {
    return {{UnitIdRole, "unitId"}, {NameRole, "name"}, {LevelRole, "level"}, {LevelLabelRole, "levelLabel"}};
}

int UnitListModel::indexOf(const QString& unitId) const { return m_ids.indexOf(unitId); }
QString UnitListModel::idAt(int row) const { return row >= 0 && row < count() ? m_ids.at(row) : QString(); }
QString UnitListModel::parentOf(const QString& unitId) const { return m_service->unitParent(unitId); }
QString UnitListModel::levelOf(const QString& unitId) const { return m_service->unitLevel(unitId); }
QString UnitListModel::pathOf(const QString& unitId) const { return m_service->unitPath(unitId); }
QString UnitListModel::levelLabelAt(int row) const {
    return Catalog::enumLabel(QStringLiteral("unit"), QStringLiteral("level"), levelOf(idAt(row)));
}

}  // namespace nghedan::client
