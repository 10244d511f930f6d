#include "home_summary.h"

#include <QDate>
#include <QDateTime>
#include <QTimer>

#include "catalog.h"
#include "nghedan/replica.h"
#include "replica_service.h"
#include "value_format.h"

namespace nghedan::client {

HomeSummary::HomeSummary(QObject* parent) : QObject(parent), m_service(ReplicaService::instance()) {
    connect(m_service, &ReplicaService::recordsChanged, this, [this](const QString& e) {
        if (m_complete && e != u"update") refresh();
    });
}

void HomeSummary::componentComplete() {
    m_complete = true;
    m_service->whenShown(this, [this] { refresh(); });  // after the first frame
}

void HomeSummary::setUnitId(const QString& id) {
    if (id == m_unitId) return;
    m_unitId = id;
    if (m_complete) refresh();
}

void HomeSummary::refresh() {
    const std::string unit = toStd(m_unitId);
    const QDate today = vietnamToday();
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    const qint64 weekFrom = QDateTime(monday, QTime(0, 0)).toMSecsSinceEpoch();
    const qint64 weekTo = QDateTime(monday.addDays(7), QTime(0, 0)).toMSecsSinceEpoch();
    const qint64 yearFrom = QDateTime(QDate(today.year(), 1, 1), QTime(0, 0)).toMSecsSinceEpoch();

    auto countOf = [&](ListQuery q) -> int {
        q.unitRoot = unit;
        q.limit = 1;
        q.today = todayIso();
        auto page = m_service->with([&](Replica& r) { return r.list(q); });
        return page ? static_cast<int>(page->total) : 0;
    };
    auto openQuery = [](const char* entity, bool overdue) {
        ListQuery q;
        q.entity = entity;
        q.overdueOnly = overdue;
        q.equals["status"] = openStatuses(entity);
        return q;
    };
    m_openPetitions = countOf(openQuery("petition", false));
    m_openDirectives = countOf(openQuery("directive", false));
    m_overduePetitions = countOf(openQuery("petition", true));
    m_overdueDirectives = countOf(openQuery("directive", true));
    ListQuery year;
    year.entity = "meeting";
    year.timeField = "held_at";
    year.from = yearFrom;
    m_meetingsThisYear = countOf(year);

    ListQuery week;
    week.entity = "meeting";
    week.unitRoot = unit;
    week.timeField = "held_at";
    week.from = weekFrom;
    week.to = weekTo;
    week.sort = "held_at";
    week.descending = false;
    week.limit = 1;
    auto page = m_service->with([&](Replica& r) { return r.list(week); });
    m_weekId = m_weekTitle = m_weekWhen = m_weekPlace = m_weekStatus = QString();
    if (page && !page->rows.empty()) {
        const Json& row = page->rows.front();
        m_weekId = toQString(jsonString(row, "id"));
        m_weekTitle = toQString(jsonString(row, "title"));
        m_weekWhen = row.contains("held_at") && row["held_at"].is_number()
                         ? formatDateTime(row["held_at"].get<qint64>()) : QString();
        m_weekPlace = toQString(jsonString(row, "location"));
        if (m_weekPlace.isEmpty()) m_weekPlace = m_service->unitPath(toQString(jsonString(row, "unit")));
        m_weekStatus = Catalog::enumLabel(QStringLiteral("meeting"), QStringLiteral("status"),
                                          toQString(jsonString(row, "status")));
    }
    emit changed();
}

}  // namespace nghedan::client
