#pragma once
// Open petitions of a meeting's neighbourhood whose title looks like what is being typed:
// possible duplicates offered while a petition is captured at a meeting.

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <vector>

namespace nghedan::client {

class ReplicaService;

/** QML element "SimilarPetitionModel". Rows are the open petitions of `meetingId`'s unit whose
 *  title holds the words of `text` (diacritics and case ignored, a typed word matching the
 *  start of a title word): all of one or two typed words, at least half (and two) of more.
 *  Best matches first, at most `limit`. Empty while `text` has fewer than three letters.
 *  Refreshes when petitions change. UI thread only. */
class SimilarPetitionModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString meetingId READ meetingId WRITE setMeetingId NOTIFY meetingIdChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        PetitionIdRole = Qt::UserRole + 1,
        TitleRole,
        StatusLabelRole,
        DateTextRole,
        PetitionerRole
    };
    explicit SimilarPetitionModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : count();
    }
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString meetingId() const { return m_meetingId; }
    void setMeetingId(const QString& id);
    QString text() const { return m_text; }
    void setText(const QString& text);
    int limit() const { return m_limit; }
    void setLimit(int limit);
    int count() const { return static_cast<int>(m_rows.size()); }
    Q_INVOKABLE QString idAt(int row) const;

    /** The folded words of `text` that take part in matching (two letters or more). */
    static QStringList matchWords(const QString& text);

signals:
    void meetingIdChanged();
    void textChanged();
    void limitChanged();
    void countChanged();

private:
    struct Row {
        QString id, title, statusLabel, dateText, petitioner;
    };
    void reload();
    ReplicaService* m_service;
    QString m_meetingId, m_unit, m_text;
    int m_limit = 5;
    std::vector<Row> m_rows;
};

}  // namespace nghedan::client
