#include "attachment_list_model.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QQmlEngine>

#include "app_settings.h"
#include "blob_image_provider.h"
#include "local_blobs.h"
#include "nghedan/replica.h"
#include "photo_import.h"
#include "replica_service.h"
#include "value_format.h"

namespace nghedan::client {

namespace {

long long jsonInteger(const Json& row, const char* key) {
    const auto it = row.find(key);
    return it != row.end() && it->is_number_integer() ? it->get<long long>() : 0;
}

QString sizeText(long long bytes) {
    const QLocale vi(QLocale::Vietnamese, QLocale::Vietnam);
    if (bytes < 1024 * 1024)
        return QCoreApplication::translate("AttachmentListModel", "%1 KB")
            .arg(vi.toString((bytes + 1023) / 1024));
    return QCoreApplication::translate("AttachmentListModel", "%1 MB")
        .arg(vi.toString(bytes / (1024.0 * 1024.0), 'f', 1));
}

}  // namespace

AttachmentListModel::AttachmentListModel(QObject* parent)
    : QAbstractListModel(parent),
      m_service(ReplicaService::instance()),
      m_blobs(LocalBlobs::instance()) {
    connect(m_service, &ReplicaService::recordsChanged, this, [this](const QString& e) {
        if (e.isEmpty() || e == QLatin1String("attachment") || e == m_parentEntity) reload();
    });
    if (m_blobs) {
        connect(m_blobs, &LocalBlobs::blobArrived, this, [this](const QString& hash) {
            for (std::size_t i = 0; i < m_rows.size(); ++i) {
                Row& row = m_rows[i];
                if (row.sha256 != hash && row.thumbSha256 != hash) continue;
                ++m_generation;
                if (row.sha256 == hash) row.available = true;
                const QModelIndex at = index(static_cast<int>(i));
                emit dataChanged(at, at, {ThumbSourceRole, FullSourceRole, AvailableRole});
            }
        });
    }
}

void AttachmentListModel::componentComplete() {
    m_complete = true;
    installBlobImageProvider(qmlEngine(this));
    reload();
}

void AttachmentListModel::setParentEntity(const QString& entity) {
    if (entity == m_parentEntity) return;
    m_parentEntity = entity;
    emit sourceChanged();
    if (m_complete) reload();
}

void AttachmentListModel::setParentId(const QString& id) {
    if (id == m_parentId) return;
    m_parentId = id;
    emit sourceChanged();
    if (m_complete) reload();
}

void AttachmentListModel::reload() {
    std::vector<Row> rows;
    if (!m_parentEntity.isEmpty() && !m_parentId.isEmpty()) {
        ListQuery query;
        query.entity = "attachment";
        query.equals["parent"] = {toStd(m_parentId)};
        query.equals["parent_entity"] = {toStd(m_parentEntity)};
        query.sort = "created_hlc";
        query.descending = false;
        query.limit = 1000;
        auto page = m_service->with([&](Replica& r) { return r.list(query); });
        if (page) {
            for (const Json& json : page->rows) {
                Row row;
                row.id = toQString(jsonString(json, "id"));
                row.kind = toQString(jsonString(json, "kind"));
                row.caption = toQString(jsonString(json, "caption"));
                row.fileName = toQString(jsonString(json, "file_name"));
                row.mime = toQString(jsonString(json, "mime"));
                row.sha256 = toQString(jsonString(json, "sha256"));
                row.thumbSha256 = toQString(jsonString(json, "thumb_sha256"));
                row.size = jsonInteger(json, "size");
                row.width = static_cast<int>(jsonInteger(json, "width"));
                row.height = static_cast<int>(jsonInteger(json, "height"));
                row.takenAtMs = jsonInteger(json, "taken_at");
                row.available = m_blobs && m_blobs->holds(row.sha256);
                rows.push_back(std::move(row));
            }
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
    emit sourceChanged();  // canAdd follows the record and the role
}

int AttachmentListModel::photoCount() const {
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(), [](const Row& r) {
        return r.kind == QLatin1String("photo");
    }));
}

bool AttachmentListModel::canAdd() const {
    return !m_parentId.isEmpty() && m_service->mayCreate(QStringLiteral("attachment"));
}

bool AttachmentListModel::canEdit() const {
    return !m_parentId.isEmpty() &&
           m_service->mayEdit(QStringLiteral("attachment"), QStringLiteral("caption"));
}

AttachmentLimits AttachmentListModel::limits() {
    AttachmentLimits limits;
    if (AppSettings* settings = AppSettings::instance()) {
        bool ok = false;
        if (const long long v =
                settings->value(QStringLiteral("attachments/maxFileBytes")).toLongLong(&ok);
            ok && v > 0)
            limits.maxFileBytes = v;
        if (const int v = settings->value(QStringLiteral("attachments/maxPerRecord")).toInt(&ok);
            ok && v > 0)
            limits.maxPerRecord = v;
        if (const long long v =
                settings->value(QStringLiteral("attachments/maxRecordBytes")).toLongLong(&ok);
            ok && v > 0)
            limits.maxRecordBytes = v;
    }
    return limits;
}

bool AttachmentListModel::addFile(const QUrl& file, const QString& caption) {
    if (!canAdd()) {
        setError(tr("Vai trò của bạn không được thêm ảnh hoặc tài liệu cho hồ sơ này."));
        return false;
    }
    auto store = m_blobs ? m_blobs->store() : nullptr;
    if (!store) {
        setError(tr("Không mở được kho ảnh trên máy."));
        return false;
    }
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    AttachmentUsage usage;
    for (const Row& row : m_rows) {
        ++usage.count;
        usage.bytes += row.size;
    }
    auto imported = importAttachmentFile(path, *store, limits(), usage);
    if (!imported) {
        setError(toQString(imported.error().message));
        return false;
    }
    const ImportedAttachment& a = imported.value();
    std::map<std::string, Json> set = {{"parent_entity", toStd(m_parentEntity)},
                                       {"parent", toStd(m_parentId)},
                                       {"kind", toStd(a.kind)},
                                       {"sha256", a.blob.hash},
                                       {"size", static_cast<long long>(a.blob.size)},
                                       {"mime", toStd(a.mime)},
                                       {"file_name", toStd(a.fileName.left(200))}};
    if (!caption.trimmed().isEmpty()) set["caption"] = toStd(caption.trimmed());
    if (a.kind == QLatin1String("photo")) {
        set["width"] = a.width;
        set["height"] = a.height;
        set["thumb_sha256"] = a.thumb.hash;
        set["thumb_size"] = static_cast<long long>(a.thumb.size);
    }
    // When it was taken: the camera's clock, else the file's time, else now.
    qint64 takenAt = a.takenAtMs.value_or(0);
    if (takenAt <= 0) takenAt = QFileInfo(path).lastModified().toMSecsSinceEpoch();
    if (takenAt <= 0) takenAt = QDateTime::currentMSecsSinceEpoch();
    set["taken_at"] = static_cast<long long>(takenAt);

    WriteRequest request;
    request.entity = "attachment";
    request.set = std::move(set);
    auto written = m_service->write(std::move(request));
    if (!written) {
        setError(tr("Chưa lưu được: %1").arg(toQString(written.error().message)));
        return false;
    }
    clearError();
    if (!m_complete) reload();
    emit added(toQString(written->id));
    return true;
}

bool AttachmentListModel::writeAttachment(const QString& id, std::map<std::string, Json> set) {
    if (rowOf(id) < 0) {
        setError(tr("Không tìm thấy tệp đính kèm này."));
        return false;
    }
    WriteRequest request;
    request.entity = "attachment";
    request.id = toStd(id);
    request.set = std::move(set);
    auto written = m_service->write(std::move(request));
    if (!written) {
        setError(tr("Chưa lưu được: %1").arg(toQString(written.error().message)));
        return false;
    }
    clearError();
    return true;
}

bool AttachmentListModel::setCaption(const QString& attachmentId, const QString& caption) {
    const int row = rowOf(attachmentId);
    if (row >= 0 && m_rows[static_cast<std::size_t>(row)].caption == caption.trimmed()) return true;
    return writeAttachment(attachmentId, {{"caption", toStd(caption.trimmed())}});
}

bool AttachmentListModel::remove(const QString& attachmentId) {
    return writeAttachment(attachmentId, {{"deleted", true}});
}

void AttachmentListModel::requestFull(const QString& attachmentId) {
    const int row = rowOf(attachmentId);
    if (row < 0 || !m_blobs) return;
    const Row& r = m_rows[static_cast<std::size_t>(row)];
    if (!m_blobs->holds(r.sha256)) m_blobs->request(r.sha256);
}

int AttachmentListModel::rowOf(const QString& attachmentId) const {
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == attachmentId) return static_cast<int>(i);
    return -1;
}

QString AttachmentListModel::source(const QString& hash) const {
    if (hash.isEmpty()) return {};
    return QStringLiteral("image://blob/%1#%2").arg(hash).arg(m_generation);
}

QVariant AttachmentListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const bool photo = row.kind == QLatin1String("photo");
    switch (role) {
        case IdRole:
            return row.id;
        case KindRole:
            return row.kind;
        case CaptionRole:
            return row.caption;
        case FileNameRole:
            return row.fileName;
        case MimeRole:
            return row.mime;
        case SizeTextRole:
            return sizeText(row.size);
        case ThumbSourceRole:
            return photo ? source(row.thumbSha256.isEmpty() ? row.sha256 : row.thumbSha256)
                         : QString();
        case FullSourceRole:
            return photo ? source(row.sha256) : QString();
        case AvailableRole:
            return row.available;
        case TakenAtTextRole:
            return row.takenAtMs > 0 ? formatDateTime(row.takenAtMs) : QString();
        case TypeLabelRole: {
            if (photo) return tr("Ảnh");
            const QString m = row.mime;
            if (m == QLatin1String("application/pdf")) return QStringLiteral("PDF");
            if (m.contains(QLatin1String("word")) || m == QLatin1String("application/msword"))
                return QStringLiteral("Word");
            if (m.contains(QLatin1String("excel")) || m.contains(QLatin1String("spreadsheetml")))
                return QStringLiteral("Excel");
            if (m.contains(QLatin1String("opendocument.text"))) return QStringLiteral("ODT");
            if (m.contains(QLatin1String("opendocument.spreadsheet"))) return QStringLiteral("ODS");
            return tr("Tài liệu");
        }
        case WidthRole:
            return row.width;
        case HeightRole:
            return row.height;
        default:
            return {};
    }
}

QHash<int, QByteArray> AttachmentListModel::roleNames() const {
    return {{IdRole, "attachmentId"},
            {KindRole, "kind"},
            {CaptionRole, "caption"},
            {FileNameRole, "fileName"},
            {MimeRole, "mime"},
            {SizeTextRole, "sizeText"},
            {ThumbSourceRole, "thumbSource"},
            {FullSourceRole, "fullSource"},
            {AvailableRole, "available"},
            {TakenAtTextRole, "takenAtText"},
            {TypeLabelRole, "typeLabel"},
            {WidthRole, "photoWidth"},
            {HeightRole, "photoHeight"}};
}

QVariantMap AttachmentListModel::get(int row) const {
    QVariantMap out;
    if (row < 0 || row >= count()) return out;
    const auto names = roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return out;
}

void AttachmentListModel::setError(const QString& message) {
    if (message == m_lastError) return;
    m_lastError = message;
    emit lastErrorChanged();
}

void AttachmentListModel::clearError() {
    setError({});
}

}  // namespace nghedan::client
