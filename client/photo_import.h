#pragma once
// A file the person picked → what an attachment stores (DESIGN.md "Domain model"): a photo is
// turned upright (EXIF orientation), scaled to at most 2048 px on its long side and written
// again as a plain JPEG (no EXIF, GPS, XMP or comment survives: the bytes carry the picture
// only) with a thumbnail of at most 320 px; a document (PDF, Word, Excel, OpenDocument) is
// kept as it is. The limits (policy.h attachmentLimitRefusal) are checked before anything
// reaches the blob store.

#include <QString>
#include <cstdint>
#include <optional>

#include "nghedan/blob_store.h"
#include "nghedan/policy.h"
#include "nghedan/status.h"

namespace nghedan::client {

inline constexpr int kPhotoLongSide = 2048;
inline constexpr int kPhotoQuality = 80;
inline constexpr int kThumbLongSide = 320;
inline constexpr int kThumbQuality = 70;

/** What importAttachmentFile stored: the fields of an attachment record. */
struct ImportedAttachment {
    QString kind;      ///< "photo" or "document"
    QString mime;      ///< schema attachmentTypes()
    QString fileName;  ///< the picked file's name (a photo's ends in .jpg)
    AddedBlob blob;
    AddedBlob thumb;  ///< photos only (empty hash for documents)
    int width = 0, height = 0;
    std::optional<std::int64_t> takenAtMs;  ///< EXIF DateTimeOriginal (Vietnam time), if read
};

/** The record's attachments so far (removed ones aside), for the limits. */
struct AttachmentUsage {
    int count = 0;
    long long bytes = 0;
};

/** Stores the photo or document at `path` in `store`. Decodes a large photo at reduced size
 *  (never the whole 40 MP bitmap) and works in a temporary directory removed on return. An
 *  Error (Vietnamese message) means nothing was stored: "unsupported_file" (not a photo or an
 *  accepted document, or its bytes do not match its extension), "unreadable", a limit refusal
 *  ("file_too_large", "too_many_attachments", "record_attachments_too_large") or the store's
 *  error. */
Result<ImportedAttachment> importAttachmentFile(const QString& path, BlobStore& store,
                                                const AttachmentLimits& limits,
                                                AttachmentUsage usage);

/** The document type of `path` when its extension is an accepted document's and its first
 *  bytes agree (PDF, OLE2 for .doc/.xls, ZIP for .docx/.xlsx, ODF's mimetype for .odt/.ods);
 *  empty otherwise. */
QString documentMime(const QString& path);

/** EXIF DateTimeOriginal of a JPEG (read from its first 128 KiB only), as milliseconds since
 *  the epoch taking the camera's clock as Vietnam time; nullopt when absent or malformed. */
std::optional<std::int64_t> exifTakenAt(const QString& path);

}  // namespace nghedan::client
