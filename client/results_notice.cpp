#include "results_notice.h"

#include "app_settings.h"
#include "nghedan/calendar.h"
#include "nghedan/public_view.h"
#include "nghedan/replica.h"
#include "replica_service.h"
#include "value_format.h"

namespace nghedan::client {
namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

}  // namespace

ResultsNotice::ResultsNotice(QObject* parent)
    : QObject(parent), m_service(ReplicaService::instance()) {
    connect(m_service, &ReplicaService::recordsChanged, this, [this](const QString& e) {
        if (e.isEmpty() || e == u"petition" || e == u"agency" || e == u"unit") rebuild();
    });
    defaultPeriod();
}

void ResultsNotice::setUnitId(const QString& id) {
    if (id == m_unit) return;
    m_unit = id;
    rebuild();
}

void ResultsNotice::setMeetingId(const QString& id) {
    if (id == m_meeting) return;
    m_meeting = id;
    defaultPeriod();
    rebuild();
}

void ResultsNotice::setFromDate(const QString& date) {
    if (date == m_from) return;
    m_from = date;
    rebuild();
}

void ResultsNotice::setToDate(const QString& date) {
    if (date == m_to) return;
    m_to = date;
    rebuild();
}

void ResultsNotice::defaultPeriod() {
    const QDate today = vietnamToday();
    m_to = today.toString(QStringLiteral("dd/MM/yyyy"));
    m_from = today.addDays(-30).toString(QStringLiteral("dd/MM/yyyy"));
    if (m_meeting.isEmpty()) return;
    auto meeting = m_service->with([&](Replica& r) { return r.get("meeting", toStd(m_meeting)); });
    if (!meeting || !meeting.value()) return;
    const Json& m = meeting.value()->values;
    const auto heldAt = m.find("held_at");
    if (heldAt == m.end() || !heldAt->is_number()) return;
    // The meeting before this one in the same unit.
    ListQuery q;
    q.entity = "meeting";
    q.unitRoot = jsonString(m, "unit");
    q.timeField = "held_at";
    q.to = heldAt->get<std::int64_t>() - 1;
    q.sort = "held_at";
    q.descending = true;
    q.limit = 1;
    auto before = m_service->with([&](Replica& r) { return r.list(q); });
    if (before && !before->rows.empty())
        if (const auto it = before->rows.front().find("held_at");
            it != before->rows.front().end() && it->is_number())
            m_from = formatDateTime(it->get<qint64>()).left(10);
}

void ResultsNotice::rebuild() {
    m_text.clear();
    m_problem.clear();
    m_count = 0;
    const auto from = parseDateTime(m_from);
    const auto to = parseDateTime(m_to);
    if (m_unit.isEmpty()) {
        m_problem = tr("Hãy chọn khu phố.");
    } else if (!from || !to) {
        m_problem = tr("Hãy nhập ngày dạng dd/MM/yyyy.");
    } else if (*to < *from) {
        m_problem = tr("Ngày kết thúc đứng trước ngày bắt đầu.");
    } else {
        ListQuery q = publicPetitionsQuery();
        q.unitRoot = toStd(m_unit);
        q.timeField = "received_at";
        q.from = *from;
        q.to = *to + kDayMs - 1;  // the whole last day
        q.sort = "received_at";
        q.descending = false;
        q.limit = 1000;
        std::vector<NoticeItem> items;
        if (auto page = m_service->with([&](Replica& r) { return r.list(q); }))
            for (const Json& row : page->rows)
                items.push_back(
                    {publicPetitionView(row),
                     toStd(m_service->unitName(toQString(jsonString(row, "unit")))),
                     toStd(m_service->agencyName(toQString(jsonString(row, "lead_agency"))))});
        m_count = static_cast<int>(items.size());
        QString server = AppSettings::instance() ? AppSettings::instance()->serverUrl() : QString();
        while (server.endsWith(QLatin1Char('/'))) server.chop(1);
        m_text = toQString(resultsNoticeText(
            toStd(m_service->unitPath(m_unit)), vietnamDate(*from), vietnamDate(*to), items,
            server.isEmpty() ? std::string() : toStd(server + "/tra-cuu")));
    }
    emit changed();
}

}  // namespace nghedan::client
