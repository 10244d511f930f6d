#include "photo_import.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QTemporaryDir>
#include <algorithm>

#include "value_format.h"

namespace nghedan::client {

namespace {

QString trText(const char* text) {
    return QCoreApplication::translate("PhotoImport", text);
}

Error failure(const char* code, const char* text) {
    return Error{code, toStd(trText(text))};
}

/** The accepted documents: extension → type, and the first bytes that type starts with. */
struct DocumentType {
    const char* extension;
    const char* mime;
    QByteArray magic;
};

const std::vector<DocumentType>& documentTypes() {
    static const QByteArray pdf("%PDF-"), ole2("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8),
        zip("PK\x03\x04", 4);
    static const std::vector<DocumentType> types = {
        {"pdf", "application/pdf", pdf},
        {"doc", "application/msword", ole2},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", zip},
        {"xls", "application/vnd.ms-excel", ole2},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", zip},
        {"odt", "application/vnd.oasis.opendocument.text", zip},
        {"ods", "application/vnd.oasis.opendocument.spreadsheet", zip},
    };
    return types;
}

bool isDocumentExtension(const QString& path) {
    const QString ext = QFileInfo(path).suffix().toLower();
    return std::any_of(documentTypes().begin(), documentTypes().end(),
                       [&](const DocumentType& t) { return ext == QLatin1String(t.extension); });
}

Result<AddedBlob> store(BlobStore& store, const QString& file) {
    auto added = addBlobFile(store, toStd(file));
    if (!added) return failure("storage", "Không lưu được tệp vào máy. Hãy thử lại.");
    return added;
}

/** Writes `image` as a plain JPEG: a fresh RGB32 bitmap (no text, colour space or other
 *  metadata copied from the source; transparency flattened onto white). */
bool writePlainJpeg(const QImage& image, const QString& file, int quality) {
    QImage plain(image.size(), QImage::Format_RGB32);
    plain.fill(Qt::white);
    {
        QPainter painter(&plain);
        painter.drawImage(0, 0, image);
    }
    QImageWriter writer(file, "jpeg");
    writer.setQuality(quality);
    return writer.write(plain);
}

Result<ImportedAttachment> importDocument(const QString& path, const QString& mime,
                                          BlobStore& blobs, const AttachmentLimits& limits,
                                          AttachmentUsage usage) {
    const QFileInfo info(path);
    if (auto refusal = attachmentLimitRefusal(limits, info.size(), usage.count, usage.bytes))
        return *refusal;
    auto added = store(blobs, path);
    if (!added) return added.error();
    ImportedAttachment out;
    out.kind = QStringLiteral("document");
    out.mime = mime;
    out.fileName = info.fileName();
    out.blob = added.value();
    if (static_cast<qint64>(out.blob.size) != info.size())  // changed while read
        return failure("unreadable", "Tệp thay đổi trong khi đọc. Hãy thử lại.");
    return out;
}

Result<ImportedAttachment> importPhoto(const QString& path, BlobStore& blobs,
                                       const AttachmentLimits& limits, AttachmentUsage usage) {
    QImageReader reader(path);
    reader.setAutoTransform(true);  // EXIF orientation: the stored photo is upright
    if (!reader.canRead())
        return failure("unsupported_file",
                       "Chỉ đính kèm được ảnh hoặc tài liệu PDF, Word, Excel, OpenDocument.");
    // Decode at the size we keep (JPEG decodes at a fraction natively): the stored size is in
    // the file's own orientation, which the transformation turns afterwards.
    const QSize raw = reader.size();
    if (raw.isValid() && std::max(raw.width(), raw.height()) > kPhotoLongSide)
        reader.setScaledSize(raw.scaled(kPhotoLongSide, kPhotoLongSide, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull()) return failure("unreadable", "Không đọc được ảnh này.");
    if (std::max(image.width(), image.height()) > kPhotoLongSide)
        image = image.scaled(kPhotoLongSide, kPhotoLongSide, Qt::KeepAspectRatio,
                             Qt::SmoothTransformation);

    QTemporaryDir work;
    if (!work.isValid()) return failure("storage", "Không lưu được tệp vào máy. Hãy thử lại.");
    const QString photoFile = work.filePath(QStringLiteral("photo.jpg"));
    const QString thumbFile = work.filePath(QStringLiteral("thumb.jpg"));
    if (!writePlainJpeg(image, photoFile, kPhotoQuality))
        return failure("storage", "Không lưu được tệp vào máy. Hãy thử lại.");
    const qint64 size = QFileInfo(photoFile).size();
    if (auto refusal = attachmentLimitRefusal(limits, size, usage.count, usage.bytes))
        return *refusal;
    const QImage thumb = std::max(image.width(), image.height()) > kThumbLongSide
                             ? image.scaled(kThumbLongSide, kThumbLongSide, Qt::KeepAspectRatio,
                                            Qt::SmoothTransformation)
                             : image;
    if (!writePlainJpeg(thumb, thumbFile, kThumbQuality))
        return failure("storage", "Không lưu được tệp vào máy. Hãy thử lại.");

    ImportedAttachment out;
    out.kind = QStringLiteral("photo");
    out.mime = QStringLiteral("image/jpeg");
    out.fileName = QFileInfo(path).completeBaseName() + QStringLiteral(".jpg");
    out.width = image.width();
    out.height = image.height();
    out.takenAtMs = exifTakenAt(path);
    auto added = store(blobs, photoFile);
    if (!added) return added.error();
    out.blob = added.value();
    auto addedThumb = store(blobs, thumbFile);
    if (!addedThumb) return addedThumb.error();
    out.thumb = addedThumb.value();
    return out;
}

/** Big- or little-endian reads inside the TIFF block of an EXIF segment. */
struct Tiff {
    QByteArray data;
    bool little = true;
    bool has(qsizetype at, qsizetype n) const { return at >= 0 && n >= 0 && at + n <= data.size(); }
    quint32 u16(qsizetype at) const {
        const auto b = [&](qsizetype i) { return static_cast<quint8>(data[at + i]); };
        return little ? b(0) | b(1) << 8 : b(0) << 8 | b(1);
    }
    quint32 u32(qsizetype at) const {
        const auto b = [&](qsizetype i) { return quint32(static_cast<quint8>(data[at + i])); };
        return little ? b(0) | b(1) << 8 | b(2) << 16 | b(3) << 24
                      : b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
    }
    /** The entry `tag` of the IFD at `ifd`: offset of its 12 bytes, or -1. */
    qsizetype entry(qsizetype ifd, quint32 tag) const {
        if (!has(ifd, 2)) return -1;
        const quint32 count = u16(ifd);
        for (quint32 i = 0; i < count && i < 512; ++i) {
            const qsizetype at = ifd + 2 + qsizetype(i) * 12;
            if (!has(at, 12)) return -1;
            if (u16(at) == tag) return at;
        }
        return -1;
    }
};

}  // namespace

QString documentMime(const QString& path) {
    const QString ext = QFileInfo(path).suffix().toLower();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QByteArray head = file.read(128);
    for (const DocumentType& t : documentTypes()) {
        if (ext != QLatin1String(t.extension) || !head.startsWith(t.magic)) continue;
        // OpenDocument: the first entry of the ZIP is "mimetype", stored, holding the type.
        if (ext.startsWith(QLatin1Char('o')) &&
            !head.mid(30).startsWith(QByteArray("mimetype") + t.mime))
            return {};
        return QString::fromLatin1(t.mime);
    }
    return {};
}

std::optional<std::int64_t> exifTakenAt(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return std::nullopt;
    const QByteArray head = file.read(128 * 1024);
    if (!head.startsWith("\xFF\xD8")) return std::nullopt;
    qsizetype at = 2;
    while (at + 4 <= head.size() && static_cast<quint8>(head[at]) == 0xFF) {
        const quint8 marker = static_cast<quint8>(head[at + 1]);
        const qsizetype length =
            (static_cast<quint8>(head[at + 2]) << 8) | static_cast<quint8>(head[at + 3]);
        if (marker == 0xDA || length < 2) break;  // start of scan: no more metadata
        if (marker == 0xE1 && head.mid(at + 4, 6) == QByteArray("Exif\0\0", 6)) {
            Tiff tiff{head.mid(at + 10, length - 8)};
            if (!tiff.has(0, 8)) return std::nullopt;
            tiff.little = tiff.data.startsWith("II");
            const qsizetype exifPointer = tiff.entry(tiff.u32(4), 0x8769);
            if (exifPointer < 0) return std::nullopt;
            const qsizetype original = tiff.entry(tiff.u32(exifPointer + 8), 0x9003);
            if (original < 0 || tiff.u32(original + 4) < 19) return std::nullopt;
            const qsizetype text = tiff.u32(original + 8);
            if (!tiff.has(text, 19)) return std::nullopt;
            const QDateTime local =
                QDateTime::fromString(QString::fromLatin1(tiff.data.mid(text, 19)),
                                      QStringLiteral("yyyy:MM:dd HH:mm:ss"));
            const QDateTime taken(local.date(), local.time(), vietnamTimeZone());
            if (!taken.isValid()) return std::nullopt;
            return taken.toMSecsSinceEpoch();
        }
        at += 2 + length;
    }
    return std::nullopt;
}

Result<ImportedAttachment> importAttachmentFile(const QString& path, BlobStore& store,
                                                const AttachmentLimits& limits,
                                                AttachmentUsage usage) {
    if (!QFileInfo(path).isFile()) return failure("unreadable", "Không mở được tệp này.");
    if (isDocumentExtension(path)) {
        const QString mime = documentMime(path);
        if (mime.isEmpty())
            return failure("unsupported_file",
                           "Nội dung tệp không khớp với loại tài liệu theo tên tệp.");
        return importDocument(path, mime, store, limits, usage);
    }
    return importPhoto(path, store, limits, usage);
}

}  // namespace nghedan::client
