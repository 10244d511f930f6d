#include "report_back_model.h"

#include <QHash>
#include <map>
#include <optional>

#include "catalog.h"
#include "nghedan/clock.h"
#include "nghedan/replica.h"
#include "nghedan/workflow.h"
#include "petition_controller.h"
#include "replica_service.h"
#include "value_format.h"

namespace nghedan::client {
namespace {

std::int64_t numberOf(const Json& row, const char* field) {
    const auto it = row.find(field);
    return it != row.end() && it->is_number() ? it->get<std::int64_t>() : 0;
}

/** Every row of a list query (the lists here are one neighbourhood's: hundreds at most). */
std::vector<Json> allRows(ReplicaService* service, ListQuery q) {
    std::vector<Json> rows;
    q.limit = 1000;
    for (q.offset = 0;; q.offset += q.limit) {
        auto page = service->with([&](Replica& r) { return r.list(q); });
        if (!page) break;
        for (Json& row : page->rows) rows.push_back(std::move(row));
        if (static_cast<std::int64_t>(rows.size()) >= page->total || page->rows.empty()) break;
    }
    return rows;
}

}  // namespace

ReportBackModel::ReportBackModel(QObject* parent)
    : QAbstractListModel(parent), m_service(ReplicaService::instance()) {
    connect(m_service, &ReplicaService::recordsChanged, this, [this](const QString& e) {
        if (e.isEmpty() || e == u"petition" || e == u"report_back" || e == u"meeting" ||
            e == u"agency")
            reload();
    });
}

void ReportBackModel::setMeetingId(const QString& id) {
    if (id == m_meetingId) return;
    m_meetingId = id;
    emit meetingIdChanged();
    reload();
}

bool ReportBackModel::canRecord() const {
    return m_service->mayCreate(QStringLiteral("report_back"));
}

void ReportBackModel::setError(const QString& message) {
    if (message == m_lastError) return;
    m_lastError = message;
    emit lastErrorChanged();
}

void ReportBackModel::reload() {
    std::vector<Row> rows;
    const std::string meetingId = toStd(m_meetingId);
    std::optional<Json> meeting;
    if (!meetingId.empty()) {
        auto got = m_service->with([&](Replica& r) { return r.get("meeting", meetingId); });
        if (got && got.value()) meeting = got.value()->values;
    }
    if (meeting) {
        const std::string unit = jsonString(*meeting, "unit");
        const std::int64_t heldAt = numberOf(*meeting, "held_at");

        ListQuery meetings;
        meetings.entity = "meeting";
        meetings.unitRoot = unit;
        std::map<std::string, std::int64_t> heldAtOf;
        for (const Json& m : allRows(m_service, meetings))
            heldAtOf[jsonString(m, "id")] = numberOf(m, "held_at");

        // The verdicts: the latest "satisfied" given at another meeting (which decides whether a
        // petition is still due), and the latest verdict given at this one (shown in its row).
        ListQuery verdicts;
        verdicts.entity = "report_back";
        verdicts.unitRoot = unit;
        verdicts.sort = "created_hlc";
        verdicts.descending = false;
        std::map<std::string, std::int64_t> lastSatisfied;
        std::map<std::string, Json> here;
        for (const Json& v : allRows(m_service, verdicts)) {
            const std::string petition = jsonString(v, "petition");
            if (jsonString(v, "meeting") == meetingId) {
                here[petition] = v;
            } else if (jsonString(v, "verdict") == "satisfied") {
                const std::int64_t at = hlcMillis(static_cast<HlcTime>(numberOf(v, "created_hlc")));
                lastSatisfied[petition] = std::max(lastSatisfied[petition], at);
            }
        }

        ListQuery petitions;
        petitions.entity = "petition";
        petitions.unitRoot = unit;
        petitions.sort = "received_at";
        petitions.descending = false;
        for (const Json& p : allRows(m_service, petitions)) {
            const std::string id = jsonString(p, "id");
            const std::string raisedAt = jsonString(p, "meeting");
            const auto held = heldAtOf.find(raisedAt);
            const bool earlier = !raisedAt.empty() && raisedAt != meetingId &&
                                 held != heldAtOf.end() && held->second < heldAt;
            const auto verdict = here.find(id);
            const auto satisfied = lastSatisfied.find(id);
            const bool due =
                earlier &&
                dueForReportBack(p, satisfied == lastSatisfied.end()
                                        ? std::nullopt
                                        : std::optional<std::int64_t>(satisfied->second));
            if (!due && verdict == here.end()) continue;
            Row row;
            row.petitionId = toQString(id);
            row.receiptCode = toQString(jsonString(p, "receipt_code"));
            row.title = toQString(jsonString(p, "title"));
            row.status = toQString(jsonString(p, "status"));
            row.statusLabel = Catalog::enumLabel(QStringLiteral("petition"),
                                                 QStringLiteral("status"), row.status);
            row.agencyName = m_service->agencyName(toQString(jsonString(p, "lead_agency")));
            row.dueDate = formatDate(jsonString(p, "due_date"));
            row.resolution = toQString(jsonString(p, "resolution"));
            if (held != heldAtOf.end())
                row.raisedText =
                    tr("Nêu tại buổi họp ngày %1").arg(formatDateTime(held->second).left(10));
            if (verdict != here.end()) {
                row.verdict = toQString(jsonString(verdict->second, "verdict"));
                row.verdictLabel = Catalog::enumLabel(QStringLiteral("report_back"),
                                                      QStringLiteral("verdict"), row.verdict);
                row.note = toQString(jsonString(verdict->second, "note"));
            }
            rows.push_back(std::move(row));
        }
    }
    // The same petitions in the same order: the delegates stay and take the new values (a
    // reset would rebuild every delegate of the page's layout on each write).
    bool samePetitions = rows.size() == m_rows.size();
    for (std::size_t i = 0; samePetitions && i < rows.size(); ++i)
        samePetitions = rows[i].petitionId == m_rows[i].petitionId;
    if (samePetitions) {
        if (rows == m_rows) return;
        m_rows = std::move(rows);
        emit dataChanged(index(0), index(count() - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

int ReportBackModel::rowOf(const QString& petitionId) const {
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].petitionId == petitionId) return static_cast<int>(i);
    return -1;
}

bool ReportBackModel::record(const QString& petitionId, const QString& verdict,
                             const QString& note) {
    if (!canRecord()) {
        setError(tr("Chỉ cán bộ ghi ý kiến của người dân khi báo cáo lại."));
        return false;
    }
    const int at = rowOf(petitionId);
    if (at < 0) {
        setError(tr("Kiến nghị này không có trong phần báo cáo lại của buổi họp."));
        return false;
    }
    if (!m_rows[at].verdict.isEmpty()) {
        setError(tr("Đã ghi ý kiến của người dân về kiến nghị này tại buổi họp."));
        return false;
    }
    const QString status = m_rows[at].status;  // the row is rebuilt by the writes below
    WriteRequest request;
    request.entity = "report_back";
    request.set["meeting"] = toStd(m_meetingId);
    request.set["petition"] = toStd(petitionId);
    request.set["verdict"] = toStd(verdict);
    if (!note.trimmed().isEmpty()) request.set["note"] = toStd(note.trimmed());
    auto written = m_service->write(request);
    if (!written) {
        setError(tr("Chưa lưu được: %1").arg(toQString(written.error().message)));
        return false;
    }
    if (const auto step = reportBackStep(toStd(status), toStd(verdict), toStd(note.trimmed()))) {
        PetitionController petition;
        petition.setRecordId(petitionId);
        if (!petition.setStatus(toQString(step->to), toQString(step->reason))) {
            setError(
                tr("Đã ghi ý kiến nhưng chưa mở lại được kiến nghị: %1").arg(petition.lastError()));
            return false;
        }
    }
    setError({});
    emit recorded(petitionId, verdict);
    return true;
}

QVariant ReportBackModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() < 0 || index.row() >= count()) return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case PetitionIdRole:
            return r.petitionId;
        case ReceiptCodeRole:
            return r.receiptCode;
        case Qt::DisplayRole:
        case TitleRole:
            return r.title;
        case StatusRole:
            return r.status;
        case StatusLabelRole:
            return r.statusLabel;
        case AgencyNameRole:
            return r.agencyName;
        case DueDateRole:
            return r.dueDate;
        case ResolutionRole:
            return r.resolution;
        case RaisedTextRole:
            return r.raisedText;
        case VerdictRole:
            return r.verdict;
        case VerdictLabelRole:
            return r.verdictLabel;
        case NoteRole:
            return r.note;
        default:
            return {};
    }
}

QHash<int, QByteArray> ReportBackModel::roleNames() const {
    return {{PetitionIdRole, "petitionId"},
            {ReceiptCodeRole, "receiptCode"},
            {TitleRole, "title"},
            {StatusRole, "status"},
            {StatusLabelRole, "statusLabel"},
            {AgencyNameRole, "agencyName"},
            {DueDateRole, "dueDate"},
            {ResolutionRole, "resolution"},
            {RaisedTextRole, "raisedText"},
            {VerdictRole, "verdict"},
            {VerdictLabelRole, "verdictLabel"},
            {NoteRole, "note"}};
}

}  // namespace nghedan::client
