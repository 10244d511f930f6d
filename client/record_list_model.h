#pragma once
// A filtered, searchable, paged list of meetings, petitions, directives or progress updates,
// read from the replica's materialised tables.

#include <QAbstractListModel>
#include <QQmlParserStatus>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "nghedan/change.h"

namespace nghedan::client {

class ReplicaService;

/** QML element "RecordListModel". Every filter property re-queries at once (after the QML
 *  component is complete); rows arrive in pages through fetchMore(). Refreshes itself when
 *  the replica announces changes to its entity. UI thread only. */
class RecordListModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(QString entity READ entity WRITE setEntity NOTIFY filterChanged)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged)
    Q_PROPERTY(int searchDelay READ searchDelay WRITE setSearchDelay NOTIFY filterChanged)
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY filterChanged)
    Q_PROPERTY(bool openOnly READ openOnly WRITE setOpenOnly NOTIFY filterChanged)
    Q_PROPERTY(QString category READ category WRITE setCategory NOTIFY filterChanged)
    Q_PROPERTY(QString unitId READ unitId WRITE setUnitId NOTIFY filterChanged)
    Q_PROPERTY(QString agencyId READ agencyId WRITE setAgencyId NOTIFY filterChanged)
    Q_PROPERTY(bool overdueOnly READ overdueOnly WRITE setOverdueOnly NOTIFY filterChanged)
    Q_PROPERTY(QString meetingId READ meetingId WRITE setMeetingId NOTIFY filterChanged)
    Q_PROPERTY(QString petitionId READ petitionId WRITE setPetitionId NOTIFY filterChanged)
    Q_PROPERTY(QString parentId READ parentId WRITE setParentId NOTIFY filterChanged)
    Q_PROPERTY(QString sortField READ sortField WRITE setSortField NOTIFY filterChanged)
    Q_PROPERTY(bool descending READ descending WRITE setDescending NOTIFY filterChanged)
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int total READ total NOTIFY countChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY countChanged)

public:
    enum Role {
        RecordIdRole = Qt::UserRole + 1,
        TitleRole,
        SubtitleRole,
        BodyRole,
        StatusRole,
        StatusLabelRole,
        StatusToneRole,
        CategoryLabelRole,
        UnitNameRole,
        DateTextRole,
        DueDateTextRole,
        OverdueRole,
        ConflictsRole,
        AgencyNameRole,
        AuthorRole,
        UnitIdRole,
        RefusedRole,  ///< the server refused a change of this record made here
    };
    Q_ENUM(Role)

    explicit RecordListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void classBegin() override { m_complete = false; }
    void componentComplete() override;

    /** Re-reads the first pages (keeps as many rows as were loaded, at most 1000). */
    Q_INVOKABLE void refresh();
    Q_INVOKABLE QString idAt(int row) const;
    Q_INVOKABLE QString titleAt(int row) const;

    QString entity() const { return m_entity; }
    void setEntity(const QString& v) { setFilter(m_entity, v); }
    QString searchText() const { return m_search; }
    /** Typing: with a searchDelay the query runs once the person pauses; a single letter
     *  does not search (it would match nearly everything). */
    void setSearchText(const QString& v);
    int searchDelay() const { return m_searchDelay; }
    void setSearchDelay(int ms) { m_searchDelay = ms; }
    QString status() const { return m_status; }
    void setStatus(const QString& v) { setFilter(m_status, v); }
    bool openOnly() const { return m_openOnly; }
    void setOpenOnly(bool v) { setFilter(m_openOnly, v); }
    QString category() const { return m_category; }
    void setCategory(const QString& v) { setFilter(m_category, v); }
    QString unitId() const { return m_unitId; }
    void setUnitId(const QString& v) { setFilter(m_unitId, v); }
    QString agencyId() const { return m_agencyId; }
    void setAgencyId(const QString& v) { setFilter(m_agencyId, v); }
    bool overdueOnly() const { return m_overdueOnly; }
    void setOverdueOnly(bool v) { setFilter(m_overdueOnly, v); }
    QString meetingId() const { return m_meetingId; }
    void setMeetingId(const QString& v) { setFilter(m_meetingId, v); }
    QString petitionId() const { return m_petitionId; }
    void setPetitionId(const QString& v) { setFilter(m_petitionId, v); }
    QString parentId() const { return m_parentId; }
    void setParentId(const QString& v) { setFilter(m_parentId, v); }
    QString sortField() const { return m_sortField; }
    void setSortField(const QString& v) { setFilter(m_sortField, v); }
    bool descending() const { return m_descending; }
    void setDescending(bool v) { setFilter(m_descending, v); }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int v) { setFilter(m_pageSize, qBound(1, v, 1000)); }
    int count() const { return static_cast<int>(m_rows.size()); }
    int total() const { return static_cast<int>(m_total); }
    QString lastError() const { return m_lastError; }

signals:
    void filterChanged();
    void countChanged();

private:
    template <class T>
    void setFilter(T& member, const T& value) {
        if (member == value) {
            if (!m_loaded && m_complete) refresh();  // first use from C++: load now
            return;
        }
        member = value;
        emit filterChanged();
        if (m_complete) refresh();
    }
    bool load(int offset, int limit, std::vector<Json>& rows);

    ReplicaService* m_service;
    bool m_complete = true;
    bool m_loaded = false;
    bool m_resetting = false;
    QString m_entity = QStringLiteral("petition");
    QString m_search, m_status, m_category, m_unitId, m_agencyId, m_meetingId, m_petitionId,
        m_parentId, m_sortField;
    bool m_openOnly = false, m_overdueOnly = false, m_descending = true;
    int m_pageSize = 50;
    int m_searchDelay = 0;
    QString m_typed;
    QTimer* m_searchTimer = nullptr;
    std::vector<Json> m_rows;
    qint64 m_total = 0;
    QString m_lastError;
};

}  // namespace nghedan::client
