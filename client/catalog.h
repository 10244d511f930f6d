#pragma once
// The data model's enums and field names as people read them, straight from
// shared/schema: QML never lists statuses or categories itself.

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace nghedan::client {

/** QML singleton "Catalog": options and labels for enum fields, field labels, the petition
 *  workflow's allowed next steps, date helpers. Stateless; labels follow the current
 *  language (QCoreApplication::translate). */
class Catalog : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QStringList attendeeRoles READ attendeeRoles CONSTANT)
    Q_PROPERTY(QStringList escalationLevels READ escalationLevels CONSTANT)

public:
    explicit Catalog(QObject* parent = nullptr) : QObject(parent) {}

    /** [{value, label}] for an enum field, in schema order. */
    Q_INVOKABLE QVariantList options(const QString& entity, const QString& field) const;
    Q_INVOKABLE QString label(const QString& entity, const QString& field, const QString& value) const {
        return enumLabel(entity, field, value);
    }
    Q_INVOKABLE QString fieldName(const QString& entity, const QString& field) const {
        return fieldLabel(entity, field);
    }
    /** [{value, label}] of the statuses a petition in `from` may move to. */
    Q_INVOKABLE QVariantList nextPetitionStatuses(const QString& from) const;
    /** "open", "done", "warning" or "closed": how a status should look. */
    Q_INVOKABLE QString statusTone(const QString& entity, const QString& status) const {
        return toneOf(entity, status);
    }
    static QString toneOf(const QString& entity, const QString& status);
    Q_INVOKABLE QString todayText() const;
    Q_INVOKABLE QString nowText() const;
    Q_INVOKABLE bool isValidDate(const QString& text) const;
    Q_INVOKABLE bool isValidDateTime(const QString& text) const;

    QStringList attendeeRoles() const;
    QStringList escalationLevels() const { return {"ward", "district", "city"}; }

    static QString enumLabel(const QString& entity, const QString& field, const QString& value);
    static QString fieldLabel(const QString& entity, const QString& field);
    static QString entityLabel(const QString& entity);
};

}  // namespace nghedan::client
