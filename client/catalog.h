#pragma once
// The data model's enums and field names as people read them, straight from
// shared/schema: QML never lists statuses or categories itself.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

#include "nghedan/schema.h"

class QQmlEngine;
class QJSEngine;

namespace nghedan::client {

/** QML singleton "Catalog": options and labels for enum fields, field labels, the petition
 *  workflow's allowed next steps, date helpers. Labels are the shared table's
 *  (nghedan/labels.h) in the interface's language (setLanguage). */
class Catalog : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QStringList attendeeRoles READ attendeeRoles CONSTANT)

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
    /** "Giám sát" for "supervisor". */
    Q_INVOKABLE QString roleName(const QString& role) const { return roleLabel(role); }
    /** [{value, label}] of the statuses a petition in `from` may move to. */
    Q_INVOKABLE QVariantList nextPetitionStatuses(const QString& from) const;
    /** True when the step from → to needs a written reason (shared petitionStepNeedsReason). */
    Q_INVOKABLE bool stepNeedsReason(const QString& from, const QString& to) const {
        return petitionStepNeedsReason(from.toStdString(), to.toStdString());
    }
    /** "open", "done", "warning" or "closed": how a status should look. */
    Q_INVOKABLE QString statusTone(const QString& entity, const QString& status) const {
        return toneOf(entity, status);
    }
    static QString toneOf(const QString& entity, const QString& status);
    /** Today (Vietnam time) as dd/MM/yyyy. */
    Q_INVOKABLE QString todayText() const;
    /** Now (Vietnam time) as dd/MM/yyyy HH:mm. */
    Q_INVOKABLE QString nowText() const;
    Q_INVOKABLE bool isValidDate(const QString& text) const;
    Q_INVOKABLE bool isValidDateTime(const QString& text) const;
    /** Empty when `text` is empty or a real date (with `withTime`, date and time), else what is
     *  wrong as a Vietnamese sentence ("31/02/2026" is not on the calendar; a malformed text
     *  shows the expected form). */
    Q_INVOKABLE QString dateProblem(const QString& text, bool withTime) const;
    /** {year, month (0-11, as MonthGrid), day} of the date in `text`, or of today (Vietnam)
     *  when it holds none; day is 0 when the text holds no date. */
    Q_INVOKABLE QVariantMap calendarDate(const QString& text) const;
    /** {year, month (0-11)} `delta` months after year/month. */
    Q_INVOKABLE QVariantMap shiftMonth(int year, int month, int delta) const;
    /** "Tháng 3 năm 2026" for year/month (0-11). */
    Q_INVOKABLE QString monthTitle(int year, int month) const;
    /** `text` with its date replaced by the picked day (month 0-11); with `withTime` the time
     *  typed in `text` is kept (the current Vietnam time when it holds none). */
    Q_INVOKABLE QString withPickedDate(const QString& text, int year, int month, int day,
                                       bool withTime) const;

    QStringList attendeeRoles() const;

    /** Labels come from the shared table (nghedan/labels.h) in this language ("vi", "en"). */
    static void setLanguage(const QString& code);
    static QString enumLabel(const QString& entity, const QString& field, const QString& value);
    static QString roleLabel(const QString& role);
    static QString fieldLabel(const QString& entity, const QString& field);
    static QString entityLabel(const QString& entity);
};

}  // namespace nghedan::client
