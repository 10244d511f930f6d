#pragma once
// The photos and documents of one record (petition, meeting or directive): listing, adding,
// captions and removal, each a change of an `attachment` record like any other.

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QQmlParserStatus>
#include <QUrl>
#include <QVariantMap>
#include <vector>

#include "nghedan/change.h"
#include "nghedan/policy.h"

namespace nghedan::client {

class ReplicaService;
class LocalBlobs;

/** QML element "AttachmentListModel": the attachments of `parentEntity`/`parentId`, oldest
 *  first, removed ones aside. Writes go through ReplicaService::write, so the role's write
 *  policy applies and a new attachment takes its parent's unit. Thumbnails and photos are
 *  "image://blob/<hash>" sources (BlobImageProvider); the sources change once a blob that was
 *  missing arrives. Errors become `lastError` (Vietnamese). UI thread only. */
class AttachmentListModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(QString parentEntity READ parentEntity WRITE setParentEntity NOTIFY sourceChanged)
    Q_PROPERTY(QString parentId READ parentId WRITE setParentId NOTIFY sourceChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int photoCount READ photoCount NOTIFY countChanged)
    /** The signed-in role may add attachments and the record exists. */
    Q_PROPERTY(bool canAdd READ canAdd NOTIFY sourceChanged)
    Q_PROPERTY(bool canEdit READ canEdit NOTIFY sourceChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,
        CaptionRole,
        FileNameRole,
        MimeRole,
        SizeTextRole,
        ThumbSourceRole,
        FullSourceRole,
        AvailableRole,
        TakenAtTextRole,
        TypeLabelRole,
        WidthRole,
        HeightRole,
    };
    explicit AttachmentListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : count();
    }
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    void classBegin() override { m_complete = false; }
    void componentComplete() override;

    /** Stores the picked file (photo_import.h) and writes its attachment record with
     *  `caption`; false and lastError when refused (limits, file type, role). */
    Q_INVOKABLE bool addFile(const QUrl& file, const QString& caption = {});
    Q_INVOKABLE bool setCaption(const QString& attachmentId, const QString& caption);
    /** Marks the attachment removed (`deleted`, kept in the history). */
    Q_INVOKABLE bool remove(const QString& attachmentId);
    /** Asks for the full-size bytes of the attachment (opened in the full view). */
    Q_INVOKABLE void requestFull(const QString& attachmentId);
    /** The row's roles by name (the full view). */
    Q_INVOKABLE QVariantMap get(int row) const;
    Q_INVOKABLE int rowOf(const QString& attachmentId) const;
    Q_INVOKABLE void clearError();
    Q_INVOKABLE void reload();

    QString parentEntity() const { return m_parentEntity; }
    void setParentEntity(const QString& entity);
    QString parentId() const { return m_parentId; }
    void setParentId(const QString& id);
    int count() const { return static_cast<int>(m_rows.size()); }
    int photoCount() const;
    bool canAdd() const;
    bool canEdit() const;
    QString lastError() const { return m_lastError; }

    /** The limits this tablet applies (server settings kept at sign-in, else the defaults). */
    static AttachmentLimits limits();

signals:
    void sourceChanged();
    void countChanged();
    void lastErrorChanged();
    /** An attachment was added (its id), for pages that open it or scroll to it. */
    void added(const QString& attachmentId);

private:
    struct Row {
        QString id, kind, caption, fileName, mime, sha256, thumbSha256;
        long long size = 0;
        int width = 0, height = 0;
        qint64 takenAtMs = 0;
        bool available = false;
    };
    void setError(const QString& message);
    bool writeAttachment(const QString& id, std::map<std::string, Json> set);
    QString source(const QString& hash) const;

    ReplicaService* m_service;
    LocalBlobs* m_blobs;
    bool m_complete = true;
    QString m_parentEntity, m_parentId;
    std::vector<Row> m_rows;
    QString m_lastError;
    int m_generation = 0;  ///< bumped when a missing blob arrives: sources reload
};

}  // namespace nghedan::client
