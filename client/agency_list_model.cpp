#include "agency_list_model.h"

#include <QCollator>
#include <QRegularExpression>
#include <algorithm>

#include "replica_service.h"

namespace nghedan::client {

AgencyListModel::AgencyListModel(QObject* parent)
    : QAbstractListModel(parent), m_service(ReplicaService::instance()) {
    connect(m_service, &ReplicaService::recordsChanged, this, [this](const QString& entity) {
        if (entity.isEmpty() || entity == u"agency") reload();
    });
    reload();
}

QString AgencyListModel::fold(const QString& text) {
    QString out = text.normalized(QString::NormalizationForm_D);
    out.remove(QRegularExpression(QStringLiteral("\\p{Mn}")));
    out.replace(QChar(0x0111), QLatin1Char('d')).replace(QChar(0x0110), QLatin1Char('d'));
    return out.toLower();
}

void AgencyListModel::setFilterText(const QString& text) {
    if (text == m_filter) return;
    m_filter = text;
    emit filterTextChanged();
    reload();
}

void AgencyListModel::setUnitId(const QString& unitId) {
    if (unitId == m_unitId) return;
    m_unitId = unitId;
    emit unitIdChanged();
    reload();
}

void AgencyListModel::reload() {
    const auto& agencies = m_service->agencies();
    const QString needle = fold(m_filter.trimmed());
    QStringList ids;
    for (auto it = agencies.begin(); it != agencies.end(); ++it)
        if ((needle.isEmpty() || fold(it.value()).contains(needle)) &&
            (m_unitId.isEmpty() ||
             m_service->unitWithin(m_unitId, m_service->agencyUnit(it.key()))))
            ids << it.key();
    QCollator collator{QLocale(QLocale::Vietnamese, QLocale::Vietnam)};
    collator.setNumericMode(true);
    std::sort(ids.begin(), ids.end(), [&](const QString& a, const QString& b) {
        return collator.compare(agencies.value(a), agencies.value(b)) < 0;
    });
    beginResetModel();
    m_ids = ids;
    endResetModel();
    emit countChanged();
}

int AgencyListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }

QVariant AgencyListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const QString& id = m_ids.at(index.row());
    if (role == AgencyIdRole) return id;
    if (role == NameRole) return m_service->agencyName(id);
    if (role == ServesRole) return m_service->unitPath(m_service->agencyUnit(id));
    return {};
}

QHash<int, QByteArray> AgencyListModel::roleNames() const {
    return {{AgencyIdRole, "agencyId"}, {NameRole, "name"}, {ServesRole, "serves"}};
}

QString AgencyListModel::idAt(int row) const { return row >= 0 && row < count() ? m_ids.at(row) : QString(); }
QString AgencyListModel::nameOf(const QString& agencyId) const { return m_service->agencyName(agencyId); }

}  // namespace nghedan::client
