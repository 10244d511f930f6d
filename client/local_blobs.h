#pragma once
// The tablet's blob store (blob_store.h): the bytes of attachments, next to the replica file
// at "<replica>.blobs". Pages read thumbnails and photos from it; what is not here yet is
// asked for, and the blob sync fetches it after the records.

#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <memory>
#include <mutex>

#include "nghedan/blob_store.h"

namespace nghedan::client {

/** Owns the local BlobStore of the replica at `replicaPath`. Built in AppServices; store(),
 *  holds() and request() are thread-safe (the image provider calls them off the UI thread);
 *  signals are emitted on the UI thread. */
class LocalBlobs : public QObject {
    Q_OBJECT

public:
    /** `locked`: the replica is encrypted and not open yet; the store opens at setKey(). */
    LocalBlobs(const QString& replicaPath, bool locked, QObject* parent = nullptr);
    ~LocalBlobs() override;
    static LocalBlobs* instance();
    static void setInstance(LocalBlobs* blobs);
    /** "<replica>.blobs" (local_key.h blobDirPath). */
    static QString dirFor(const QString& replicaPath);
    /** From now on the store is encrypted under the replica's data key (the PIN unlocked it):
     *  encrypted_blob_store.h. */
    void setKey(const std::string& dataKey);
    /** The data is locked: store() answers nullptr until setKey(). */
    void lock();

    /** The store, opened on first use (encrypted once a key is set, plain for a replica without
     *  a PIN); nullptr while locked or when it cannot be opened (logged). A caller
     *  keeps it alive by holding the pointer, even across close(). */
    std::shared_ptr<BlobStore> store();
    /** Forgets the open store (the data was locked); the next store() opens it again. */
    void close();
    /** Closes the store and removes its directory (the device's data is wiped). */
    void wipe();
    /** True when the complete blob `hash` is here. */
    bool holds(const QString& hash);
    /** Asks for `hash` to be fetched (a page shows an attachment whose bytes are elsewhere);
     *  `requested` follows once per new request. */
    void request(const QString& hash);
    /** The hashes asked for and not yet fetched, thumbnails and photos in the order asked. */
    QStringList takeRequests();
    /** Tells the pages that `hash` is now here (the blob sync fetched it). */
    void announceArrived(const QString& hash);

signals:
    void requested();
    void blobArrived(const QString& hash);

private:
    QString m_dir;
    std::string m_key;
    bool m_locked = false;
    std::mutex m_mutex;
    std::shared_ptr<BlobStore> m_store;
    QStringList m_requests;
    QSet<QString> m_requested;
};

}  // namespace nghedan::client
