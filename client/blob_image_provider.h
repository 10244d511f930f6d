#pragma once
// "image://blob/<sha256>": a photo or thumbnail read from the tablet's blob store.

#include <QIODevice>
#include <QQuickImageProvider>
#include <memory>

#include "nghedan/blob_store.h"

namespace nghedan::client {

/** A complete blob as a random-access, read-only QIODevice (streamed: QImageReader reads what
 *  it needs, the blob is never held whole). */
class BlobDevice : public QIODevice {
public:
    explicit BlobDevice(std::unique_ptr<BlobReader> reader);
    bool isSequential() const override { return false; }
    qint64 size() const override;

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    std::unique_ptr<BlobReader> m_reader;
};

/** Provider "blob" (installBlobImageProvider): the id is the blob's hash, optionally followed
 *  by "#..." (pages add a counter to reload once the blob arrives). A blob that is not here
 *  gives a grey placeholder and is asked for (LocalBlobs::request). Loads off the UI thread. */
class BlobImageProvider : public QQuickImageProvider {
public:
    BlobImageProvider();
    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;
    /** The placeholder's size and colour (tests compare against it). */
    static QImage placeholder();
};

/** Adds the "blob" provider to `engine` unless it has one. */
void installBlobImageProvider(class QQmlEngine* engine);

}  // namespace nghedan::client
