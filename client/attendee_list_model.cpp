#include "attendee_list_model.h"

namespace nghedan::client {

QVariant AttendeeListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const QVariantMap person = m_people.at(index.row()).toMap();
    if (role == NameRole) return person.value(QStringLiteral("name")).toString();
    if (role == RoleRole) return person.value(QStringLiteral("role")).toString();
    return {};
}

void AttendeeListModel::setPeople(const QVariantList& people) {
    if (people == m_people) return;
    beginResetModel();
    m_people = people;
    endResetModel();
    emit countChanged();
}

}  // namespace nghedan::client
