#include "similar_petition_model.h"

#include <QRegularExpression>
#include <algorithm>
#include <numeric>

#include "agency_list_model.h"
#include "catalog.h"
#include "nghedan/replica.h"
#include "replica_service.h"
#include "value_format.h"

namespace nghedan::client {

SimilarPetitionModel::SimilarPetitionModel(QObject* parent)
    : QAbstractListModel(parent), m_service(ReplicaService::instance()) {
    connect(m_service, &ReplicaService::recordsChanged, this, [this](const QString& e) {
        if (e.isEmpty() || e == u"petition") reload();
    });
}

void SimilarPetitionModel::setMeetingId(const QString& id) {
    if (id == m_meetingId) return;
    m_meetingId = id;
    m_unit.clear();
    if (!id.isEmpty()) {
        auto meeting = m_service->with([&](Replica& r) { return r.get("meeting", toStd(id)); });
        if (meeting && meeting.value())
            m_unit = toQString(jsonString(meeting.value()->values, "unit"));
    }
    emit meetingIdChanged();
    reload();
}

void SimilarPetitionModel::setText(const QString& text) {
    if (text == m_text) return;
    m_text = text;
    emit textChanged();
    reload();
}

void SimilarPetitionModel::setLimit(int limit) {
    if (limit == m_limit) return;
    m_limit = limit;
    emit limitChanged();
    reload();
}

QStringList SimilarPetitionModel::matchWords(const QString& text) {
    static const QRegularExpression separators(QStringLiteral(R"([^\p{L}\p{N}]+)"));
    QStringList words = AgencyListModel::fold(text).split(separators, Qt::SkipEmptyParts);
    words.removeIf([](const QString& w) { return w.size() < 2; });
    words.removeDuplicates();
    return words;
}

void SimilarPetitionModel::reload() {
    std::vector<std::pair<int, Row>> scored;
    const QStringList typed = matchWords(m_text);
    const qsizetype letters =
        std::accumulate(typed.begin(), typed.end(), qsizetype(0),
                        [](qsizetype n, const QString& w) { return n + w.size(); });
    if (!m_unit.isEmpty() && letters >= 3) {
        const int need =
            typed.size() <= 2 ? int(typed.size()) : std::max(2, int((typed.size() + 1) / 2));
        ListQuery q;
        q.entity = "petition";
        q.unitRoot = toStd(m_unit);
        q.equals["status"] = openStatuses("petition");
        q.sort = "received_at";
        q.limit = 1000;
        auto page = m_service->with([&](Replica& r) { return r.list(q); });
        if (page) {
            for (const Json& row : page->rows) {
                const QString title = toQString(jsonString(row, "title"));
                const QStringList titleWords = matchWords(title);
                int matched = 0;
                for (const QString& w : typed)
                    if (std::any_of(titleWords.begin(), titleWords.end(),
                                    [&](const QString& t) { return t.startsWith(w); }))
                        ++matched;
                if (matched < need) continue;
                Row r;
                r.id = toQString(jsonString(row, "id"));
                r.title = title;
                r.statusLabel =
                    Catalog::enumLabel(QStringLiteral("petition"), QStringLiteral("status"),
                                       toQString(jsonString(row, "status")));
                const auto received = row.find("received_at");
                r.dateText = received != row.end() && received->is_number()
                                 ? formatDateTime(received->get<qint64>()).left(10)
                                 : QString();
                r.petitioner = toQString(jsonString(row, "petitioner_name"));
                scored.emplace_back(matched, std::move(r));
            }
        }
    }
    // Most words in common first; the list's newest-first order breaks ties.
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    if (scored.size() > static_cast<std::size_t>(std::max(0, m_limit)))
        scored.resize(std::max(0, m_limit));
    std::vector<Row> rows;
    for (auto& [score, row] : scored) rows.push_back(std::move(row));
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges) emit countChanged();
}

QVariant SimilarPetitionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case PetitionIdRole:
            return row.id;
        case TitleRole:
            return row.title;
        case StatusLabelRole:
            return row.statusLabel;
        case DateTextRole:
            return row.dateText;
        case PetitionerRole:
            return row.petitioner;
        default:
            return {};
    }
}

QHash<int, QByteArray> SimilarPetitionModel::roleNames() const {
    return {{PetitionIdRole, "petitionId"},
            {TitleRole, "title"},
            {StatusLabelRole, "statusLabel"},
            {DateTextRole, "dateText"},
            {PetitionerRole, "petitionerName"}};
}

QString SimilarPetitionModel::idAt(int row) const {
    return row >= 0 && row < count() ? m_rows[static_cast<std::size_t>(row)].id : QString();
}

}  // namespace nghedan::client
