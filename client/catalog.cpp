#include "catalog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include "nghedan/labels.h"
#include "nghedan/schema.h"
#include "value_format.h"

namespace nghedan::client {
namespace {

/** The language of labels, set with the interface's (AppSettings). */
Lang& labelLanguage() {
    static Lang lang = Lang::Vi;
    return lang;
}

}  // namespace

void Catalog::setLanguage(const QString& code) { labelLanguage() = langOf(toStd(code)); }

QString Catalog::enumLabel(const QString& entity, const QString& field, const QString& v) {
    if (v.isEmpty()) return {};
    return toQString(nghedan::enumLabel(toStd(entity), toStd(field), toStd(v), labelLanguage()));
}

QString Catalog::entityLabel(const QString& e) {
    return toQString(nghedan::entityLabel(toStd(e), labelLanguage()));
}

QString Catalog::fieldLabel(const QString& e, const QString& f) {
    return toQString(nghedan::fieldLabel(toStd(e), toStd(f), labelLanguage()));
}

QString Catalog::roleLabel(const QString& role) {
    return toQString(nghedan::roleLabel(toStd(role), labelLanguage()));
}

QVariantList Catalog::options(const QString& entity, const QString& field) const {
    QVariantList out;
    const EntityDef* e = findEntity(toStd(entity));
    const FieldDef* f = e ? e->field(toStd(field)) : nullptr;
    if (!f) return out;
    for (const std::string& v : f->enumValues) {
        const QString value = toQString(v);
        out.append(QVariantMap{{"value", value}, {"label", enumLabel(entity, field, value)}});
    }
    return out;
}

QVariantList Catalog::nextPetitionStatuses(const QString& from) const {
    QVariantList out;
    for (const std::string& v : allowedNextPetitionStatuses(toStd(from))) {
        const QString value = toQString(v);
        out.append(QVariantMap{{"value", value}, {"label", enumLabel("petition", "status", value)}});
    }
    return out;
}

QString Catalog::toneOf(const QString& entity, const QString& status) {
    const std::string s = toStd(status);
    if (entity == u"petition") {
        if (s == "escalated") return QStringLiteral("warning");
        if (isOpenPetitionStatus(s)) return QStringLiteral("open");
        if (s == "resolved") return QStringLiteral("done");
        return QStringLiteral("closed");
    }
    if (entity == u"directive") {
        if (isOpenDirectiveStatus(s)) return QStringLiteral("open");
        if (s == "done") return QStringLiteral("done");
        return QStringLiteral("closed");
    }
    if (entity == u"meeting") return s == "finalised" ? QStringLiteral("done") : QStringLiteral("open");
    return QStringLiteral("closed");
}

QString Catalog::todayText() const {
    return vietnamToday().toString(QStringLiteral("dd/MM/yyyy"));
}
QString Catalog::nowText() const { return formatDateTime(QDateTime::currentMSecsSinceEpoch()); }
bool Catalog::isValidDate(const QString& text) const { return parseDate(text).has_value(); }
bool Catalog::isValidDateTime(const QString& text) const { return parseDateTime(text).has_value(); }

QString Catalog::dateProblem(const QString& text, bool withTime) const {
    if (text.trimmed().isEmpty() || (withTime ? isValidDateTime(text) : isValidDate(text)))
        return {};
    if (const auto t = typedDate(text); t && !QDate(t->year, t->month, t->day).isValid())
        return tr("Không có ngày %1 trên lịch. Hãy chọn lại ngày.")
            .arg(text.trimmed().section(QLatin1Char(' '), 0, 0));
    return withTime ? tr("Hãy nhập ngày giờ dạng ngày/tháng/năm giờ:phút, ví dụ 05/03/2026 19:30.")
                    : tr("Hãy nhập ngày dạng ngày/tháng/năm, ví dụ 05/03/2026.");
}

QVariantMap Catalog::calendarDate(const QString& text) const {
    QDate d;
    if (const auto t = typedDate(text)) d = QDate(t->year, t->month, t->day);
    const QDate shown = d.isValid() ? d : vietnamToday();
    return {
        {"year", shown.year()}, {"month", shown.month() - 1}, {"day", d.isValid() ? d.day() : 0}};
}

QVariantMap Catalog::shiftMonth(int year, int month, int delta) const {
    const QDate d = QDate(year, month + 1, 1).addMonths(delta);
    return {{"year", d.year()}, {"month", d.month() - 1}};
}

QString Catalog::monthTitle(int year, int month) const {
    return tr("Tháng %1 năm %2").arg(month + 1).arg(year);
}

QString Catalog::withPickedDate(const QString& text, int year, int month, int day,
                                bool withTime) const {
    const QDate d(year, month + 1, day);
    if (!d.isValid()) return text;
    const QString date = d.toString(QStringLiteral("dd/MM/yyyy"));
    if (!withTime) return date;
    // The time part of what was typed when it is a valid time, else the current time.
    const auto typed = parseDateTime(text);
    const QString hhmm = (typed && text.contains(QLatin1Char(':')))
                             ? formatDateTime(*typed).right(5)
                             : nowText().right(5);
    return date + QLatin1Char(' ') + hhmm;
}

QStringList Catalog::attendeeRoles() const {
    return {tr("Người dân"), tr("Bí thư chi bộ"), tr("Trưởng khu phố"), tr("Ban công tác Mặt trận"),
            tr("Đại biểu"), tr("Thư ký")};
}

}  // namespace nghedan::client
