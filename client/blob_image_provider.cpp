#include "blob_image_provider.h"

#include <QImageReader>
#include <QQmlEngine>

#include "local_blobs.h"
#include "nghedan/schema.h"
#include "value_format.h"

namespace nghedan::client {

BlobDevice::BlobDevice(std::unique_ptr<BlobReader> reader) : m_reader(std::move(reader)) {
    open(QIODevice::ReadOnly);
}

qint64 BlobDevice::size() const {
    return static_cast<qint64>(m_reader->size());
}

qint64 BlobDevice::readData(char* data, qint64 maxSize) {
    auto got =
        m_reader->read(static_cast<std::uint64_t>(pos()), data, static_cast<std::size_t>(maxSize));
    if (!got) return -1;
    return static_cast<qint64>(got.value());
}

BlobImageProvider::BlobImageProvider()
    : QQuickImageProvider(QQuickImageProvider::Image,
                          QQmlImageProviderBase::ForceAsynchronousImageLoading) {}

QImage BlobImageProvider::placeholder() {
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(QColor(0xE0, 0xE0, 0xE0));
    return image;
}

QImage BlobImageProvider::requestImage(const QString& id, QSize* size, const QSize& requestedSize) {
    const QString hash = id.section(QLatin1Char('#'), 0, 0);
    QImage image;
    LocalBlobs* blobs = LocalBlobs::instance();
    if (blobs && isBlobHash(toStd(hash))) {
        if (auto store = blobs->store()) {
            if (auto reader = store->open(toStd(hash))) {
                BlobDevice device(std::move(reader.value()));
                QImageReader decoder(&device);
                const QSize full = decoder.size();
                if (requestedSize.isValid() && full.isValid() &&
                    (full.width() > requestedSize.width() ||
                     full.height() > requestedSize.height()))
                    decoder.setScaledSize(full.scaled(requestedSize, Qt::KeepAspectRatio));
                image = decoder.read();
            } else if (reader.error().code == "not_found") {
                blobs->request(hash);
            }
        }
    }
    if (image.isNull()) image = placeholder();
    if (size) *size = image.size();
    return image;
}

void installBlobImageProvider(QQmlEngine* engine) {
    if (engine && !engine->imageProvider(QStringLiteral("blob")))
        engine->addImageProvider(QStringLiteral("blob"), new BlobImageProvider);
}

}  // namespace nghedan::client
