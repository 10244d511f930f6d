#include "record_list_model.h"

#include <QTimer>

#include "catalog.h"
#include "nghedan/replica.h"
#include "replica_service.h"
#include "value_format.h"

namespace nghedan::client {
namespace {

std::string str(const Json& row, const char* key) {
    const auto it = row.find(key);
    return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

QString firstLine(const std::string& s, int max = 160) {
    QString text = toQString(s).simplified();
    if (text.size() > max) text = text.left(max - 1) + QChar(0x2026);
    return text;
}

}  // namespace

RecordListModel::RecordListModel(QObject* parent)
    : QAbstractListModel(parent), m_service(ReplicaService::instance()) {
    Q_ASSERT(m_service);
    connect(m_service, &ReplicaService::recordsChanged, this, [this](const QString& entity) {
        if (!m_complete) return;
        if (entity.isEmpty() || entity == m_entity || entity == u"unit" || entity == u"agency")
            refresh();
    });
}

void RecordListModel::setSearchText(const QString& text) {
    m_typed = text;
    const QString effective = text.trimmed().size() < 2 ? QString() : text;
    if (m_searchDelay <= 0 || !m_complete) {
        setFilter(m_search, effective);
        return;
    }
    if (!m_searchTimer) {
        m_searchTimer = new QTimer(this);
        m_searchTimer->setSingleShot(true);
        connect(m_searchTimer, &QTimer::timeout, this, [this] {
            setFilter(m_search, m_typed.trimmed().size() < 2 ? QString() : m_typed);
        });
    }
    m_searchTimer->start(m_searchDelay);
}

void RecordListModel::componentComplete() {
    m_complete = true;
    // Load after the page is on screen: the first frame never waits for a query.
    m_service->whenShown(this, [this] {
        if (!m_loaded) refresh();
    });
}

bool RecordListModel::load(int offset, int limit, std::vector<Json>& rows) {
    ListQuery q;
    q.entity = toStd(m_entity);
    q.search = toStd(m_search.trimmed());
    q.unitRoot = toStd(m_unitId);
    const bool tracked = m_entity == u"petition" || m_entity == u"directive";
    if (tracked) {
        q.agency = toStd(m_agencyId);
        q.overdueOnly = m_overdueOnly;
        q.today = todayIso();
    }
    if (!m_status.isEmpty()) {
        q.equals["status"] = {toStd(m_status)};
    } else if (m_openOnly) {
        q.equals["status"] = m_entity == u"meeting" ? std::vector<std::string>{"draft"}
                                                     : openStatuses(toStd(m_entity));
    }
    if (!m_category.isEmpty() && m_entity == u"petition") q.equals["category"] = {toStd(m_category)};
    if (!m_meetingId.isEmpty()) q.equals["meeting"] = {toStd(m_meetingId)};
    if (!m_petitionId.isEmpty()) q.equals["petition"] = {toStd(m_petitionId)};
    if (!m_parentId.isEmpty()) q.equals["parent"] = {toStd(m_parentId)};
    if (!m_sortField.isEmpty()) q.sort = toStd(m_sortField);
    else if (m_entity == u"meeting") q.sort = "held_at";
    else if (m_entity == u"update") q.sort = "created_hlc";
    q.descending = m_descending;
    q.offset = offset;
    q.limit = limit;
    auto page = m_service->with([&](Replica& r) { return r.list(q); });
    if (!page) {
        m_lastError = tr("Không đọc được danh sách: %1").arg(toQString(page.error().message));
        return false;
    }
    m_lastError.clear();
    m_total = page->total;
    rows = std::move(page->rows);
    return true;
}

void RecordListModel::refresh() {
    m_loaded = true;
    const int want = std::clamp(static_cast<int>(m_rows.size()), m_pageSize, 1000);
    std::vector<Json> rows;
    const qint64 oldTotal = m_total;
    const bool ok = load(0, want, rows);
    bool sameIds = ok && rows.size() == m_rows.size();
    for (std::size_t i = 0; sameIds && i < rows.size(); ++i)
        sameIds = str(rows[i], "id") == str(m_rows[i], "id");
    if (sameIds) {
        m_rows = std::move(rows);
        if (!m_rows.empty()) emit dataChanged(index(0), index(count() - 1));
        if (oldTotal != m_total) emit countChanged();
        return;
    }
    m_resetting = true;
    beginResetModel();
    m_rows = std::move(rows);
    if (!ok) m_total = 0;
    endResetModel();
    m_resetting = false;
    emit countChanged();
}

bool RecordListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_resetting && static_cast<qint64>(m_rows.size()) < m_total;
}

void RecordListModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) return;
    std::vector<Json> rows;
    if (!load(count(), m_pageSize, rows) || rows.empty()) return;
    beginInsertRows({}, count(), count() + static_cast<int>(rows.size()) - 1);
    for (auto& row : rows) m_rows.push_back(std::move(row));
    endInsertRows();
    emit countChanged();
}

int RecordListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QString RecordListModel::idAt(int row) const {
    return row >= 0 && row < count() ? toQString(str(m_rows[row], "id")) : QString();
}

QString RecordListModel::titleAt(int row) const {
    return data(index(row), TitleRole).toString();
}

QVariant RecordListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Json& row = m_rows[static_cast<std::size_t>(index.row())];
    const QString e = m_entity;
    switch (role) {
    case RecordIdRole: return toQString(str(row, "id"));
    case UnitIdRole: return toQString(str(row, "unit"));
    case TitleRole:
        if (e == u"directive") return firstLine(str(row, "instruction"));
        if (e == u"update") return firstLine(str(row, "text"), 400);
        return firstLine(str(row, "title"));
    case SubtitleRole: {
        QStringList parts;
        if (e == u"petition") {
            if (const auto n = str(row, "petitioner_name"); !n.empty()) parts << toQString(n);
            parts << m_service->unitName(toQString(str(row, "unit")));
        } else if (e == u"meeting") {
            if (const auto l = str(row, "location"); !l.empty()) parts << toQString(l);
            parts << m_service->unitPath(toQString(str(row, "unit")));
        } else if (e == u"directive") {
            if (const auto b = str(row, "issued_by"); !b.empty()) parts << toQString(b);
            parts << m_service->unitName(toQString(str(row, "unit")));
        } else if (e == u"update") {
            parts << toQString(str(row, "created_by"));
        }
        parts.removeAll(QString());
        return parts.join(QStringLiteral(" · "));
    }
    case BodyRole:
        if (e == u"petition") return firstLine(str(row, "description"), 240);
        if (e == u"meeting") return firstLine(str(row, "conclusions"), 240);
        if (e == u"directive") return firstLine(str(row, "result"), 240);
        return {};
    case StatusRole: return toQString(str(row, "status"));
    case StatusLabelRole: return Catalog::enumLabel(e, QStringLiteral("status"), toQString(str(row, "status")));
    case StatusToneRole: return Catalog::toneOf(e, toQString(str(row, "status")));
    case CategoryLabelRole:
        return Catalog::enumLabel(e, QStringLiteral("category"), toQString(str(row, "category")));
    case UnitNameRole: return m_service->unitName(toQString(str(row, "unit")));
    case DateTextRole: {
        const char* field = e == u"meeting" ? "held_at" : e == u"petition" ? "received_at" : nullptr;
        if (field && row.contains(field) && row[field].is_number())
            return formatDateTime(row[field].get<qint64>());
        if (row.contains("created_hlc") && row["created_hlc"].is_number())
            return formatDateTime(hlcMillis(row["created_hlc"].get<HlcTime>()));
        return {};
    }
    case DueDateTextRole: return formatDate(str(row, "due_date"));
    case OverdueRole: {
        const auto it = row.find("overdue");
        if (it == row.end()) return false;
        return it->is_boolean() ? it->get<bool>() : (it->is_number() && it->get<int>() != 0);
    }
    case RefusedRole:
        return m_service->hasRefused(m_entity, data(index, RecordIdRole).toString());
    case ConflictsRole: {
        const auto it = row.find("conflicts");
        return it != row.end() && it->is_number() ? it->get<int>() : 0;
    }
    case AgencyNameRole: {
        const std::string id = e == u"directive" ? str(row, "agency") : str(row, "lead_agency");
        return m_service->agencyName(toQString(id));
    }
    case AuthorRole: return toQString(str(row, "created_by"));
    default: return {};
    }
}

QHash<int, QByteArray> RecordListModel::roleNames() const {
    return {{RecordIdRole, "recordId"},       {TitleRole, "title"},
            {SubtitleRole, "subtitle"},       {BodyRole, "body"},
            {StatusRole, "status"},           {StatusLabelRole, "statusLabel"},
            {StatusToneRole, "statusTone"},   {CategoryLabelRole, "categoryLabel"},
            {UnitNameRole, "unitName"},       {DateTextRole, "dateText"},
            {DueDateTextRole, "dueDateText"}, {OverdueRole, "overdue"},
            {ConflictsRole, "conflicts"},     {AgencyNameRole, "agencyName"},
            {AuthorRole, "author"},           {UnitIdRole, "unitId"},
            {RefusedRole, "refused"}};
}

}  // namespace nghedan::client
