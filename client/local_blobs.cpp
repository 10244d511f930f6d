#include "local_blobs.h"

#include <QDir>
#include <QMetaObject>

#include "nghedan/encrypted_blob_store.h"
#include "nghedan/local_key.h"
#include "value_format.h"

namespace nghedan::client {

namespace {
LocalBlobs* g_instance = nullptr;
}

LocalBlobs::LocalBlobs(const QString& replicaPath, bool locked, QObject* parent)
    : QObject(parent), m_dir(dirFor(replicaPath)), m_locked(locked) {}

LocalBlobs::~LocalBlobs() {
    if (g_instance == this) g_instance = nullptr;
}

LocalBlobs* LocalBlobs::instance() {
    return g_instance;
}
void LocalBlobs::setInstance(LocalBlobs* blobs) {
    g_instance = blobs;
}

QString LocalBlobs::dirFor(const QString& replicaPath) {
    return toQString(blobDirPath(toStd(replicaPath)));
}

void LocalBlobs::setKey(const std::string& dataKey) {
    std::lock_guard lock(m_mutex);
    m_key = dataKey;
    m_locked = false;
    m_store.reset();
}

void LocalBlobs::lock() {
    std::lock_guard lock(m_mutex);
    m_locked = true;
    m_key.clear();
    m_store.reset();
}

std::shared_ptr<BlobStore> LocalBlobs::store() {
    std::lock_guard lock(m_mutex);
    if (m_locked) return nullptr;
    if (!m_store) {
        auto opened = m_key.empty() ? openFileBlobStore(toStd(m_dir))
                                    : openEncryptedBlobStore(toStd(m_dir), m_key);
        if (!opened) {
            qWarning("nghedan: cannot open the attachment store (%s)", opened.error().code.c_str());
            return nullptr;
        }
        m_store = std::move(opened.value());
    }
    return m_store;
}

void LocalBlobs::close() {
    std::lock_guard lock(m_mutex);
    m_store.reset();
}

void LocalBlobs::wipe() {
    std::lock_guard lock(m_mutex);
    m_store.reset();
    m_requests.clear();
    m_requested.clear();
    if (!QDir(m_dir).removeRecursively())
        qWarning("nghedan: the attachment store was not fully removed");
}

bool LocalBlobs::holds(const QString& hash) {
    auto blobs = store();
    return blobs && blobs->size(toStd(hash)).has_value();
}

void LocalBlobs::request(const QString& hash) {
    {
        std::lock_guard lock(m_mutex);
        if (m_requested.contains(hash)) return;
        m_requested.insert(hash);
        m_requests << hash;
    }
    QMetaObject::invokeMethod(
        this, [this] { emit requested(); }, Qt::QueuedConnection);
}

QStringList LocalBlobs::takeRequests() {
    std::lock_guard lock(m_mutex);
    QStringList out = std::move(m_requests);
    m_requests.clear();
    m_requested.clear();
    return out;
}

void LocalBlobs::announceArrived(const QString& hash) {
    QMetaObject::invokeMethod(
        this, [this, hash] { emit blobArrived(hash); }, Qt::QueuedConnection);
}

}  // namespace nghedan::client
