#pragma once
// The app's long-lived services, built once before the QML engine and torn down after it.

#include <QString>
#include <memory>

#include "nghedan/replica.h"

namespace nghedan::client {

class ReplicaService;
class AppSettings;
class SyncController;
class SessionController;
class DeviceLock;
class LocalBlobs;

/** Opens the replica in `dataDir` (nghedan.db), reads settings from it and creates the sync
 *  and session controllers, registering each as the instance the QML singletons return.
 *  main.cpp, the Qt Quick tests, the benchmark and the screenshot tool all start here.
 *  Destroy after the QML engine. */
class AppServices {
public:
    /** nullptr with `error` set when the data dir or the replica cannot be opened. */
    static std::unique_ptr<AppServices> start(const QString& dataDir, const QString& serverOverride,
                                              QString* error, ReplicaOptions options = {});
    ~AppServices();

    ReplicaService* replica() const { return m_replica.get(); }
    AppSettings* settings() const { return m_settings.get(); }
    SyncController* sync() const { return m_sync.get(); }
    SessionController* session() const { return m_session.get(); }
    DeviceLock* deviceLock() const { return m_lock.get(); }
    LocalBlobs* blobs() const { return m_blobs.get(); }

private:
    AppServices() = default;
    std::unique_ptr<ReplicaService> m_replica;
    std::unique_ptr<LocalBlobs> m_blobs;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<SyncController> m_sync;
    std::unique_ptr<SessionController> m_session;
    std::unique_ptr<DeviceLock> m_lock;
};

}  // namespace nghedan::client
