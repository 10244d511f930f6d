#pragma once
// The people at a meeting, each with a role.

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace nghedan::client {

/** Rows of {name, role}; owned by a MeetingController, which writes changes to the replica. */
class AttendeeListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Attendees belong to a MeetingController")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, RoleRole };
    explicit AttendeeListModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : count();
    }
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override {
        return {{NameRole, "name"}, {RoleRole, "personRole"}};
    }
    int count() const { return static_cast<int>(m_people.size()); }

    /** Replaces the rows (a reset only when they differ). */
    void setPeople(const QVariantList& people);
    QVariantList people() const { return m_people; }

signals:
    void countChanged();

private:
    QVariantList m_people;
};

}  // namespace nghedan::client
