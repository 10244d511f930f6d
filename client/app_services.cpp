#include "app_services.h"

#include <QDir>

#include "app_settings.h"
#include "device_lock.h"
#include "local_blobs.h"
#include "nghedan/local_key.h"
#include "replica_service.h"
#include "session_controller.h"
#include "sync_controller.h"
#include "value_format.h"

namespace nghedan::client {

std::unique_ptr<AppServices> AppServices::start(const QString& dataDir, const QString& serverOverride,
                                                QString* error, ReplicaOptions options) {
    if (!QDir().mkpath(dataDir)) {
        if (error) *error = QStringLiteral("cannot create the data directory %1").arg(dataDir);
        return nullptr;
    }
    std::unique_ptr<AppServices> services(new AppServices);
    const QString replicaPath = dataDir + QStringLiteral("/nghedan.db");
    // With a PIN set the file opens only with the key the PIN unlocks (DeviceLock).
    services->m_replica =
        keyFileExists(toStd(DeviceLock::keyPathFor(replicaPath)))
            ? ReplicaService::openLocked(replicaPath, error)
            : ReplicaService::open(replicaPath, error, std::move(options));
    if (!services->m_replica) return nullptr;
    ReplicaService::setInstance(services->m_replica.get());
    services->m_blobs = std::make_unique<LocalBlobs>(replicaPath, !services->m_replica->isOpen());
    LocalBlobs::setInstance(services->m_blobs.get());
    services->m_settings = std::make_unique<AppSettings>(dataDir);
    if (!serverOverride.isEmpty()) services->m_settings->setServerOverride(serverOverride);
    AppSettings::setInstance(services->m_settings.get());
    services->m_settings->applyLanguage();
    services->m_sync = std::make_unique<SyncController>(services->m_replica.get(), services->m_settings.get());
    SyncController::setInstance(services->m_sync.get());
    services->m_session = std::make_unique<SessionController>(
        services->m_settings.get(), services->m_replica.get(), services->m_sync.get());
    SessionController::setInstance(services->m_session.get());
    services->m_lock = std::make_unique<DeviceLock>(services->m_settings.get(), services->m_replica.get(),
                                                    services->m_sync.get(), services->m_session.get());
    DeviceLock::setInstance(services->m_lock.get());
    return services;
}

AppServices::~AppServices() {
    DeviceLock::setInstance(nullptr);
    m_lock.reset();
    SessionController::setInstance(nullptr);
    m_session.reset();
    SyncController::setInstance(nullptr);
    m_sync.reset();
    AppSettings::setInstance(nullptr);
    m_settings.reset();
    LocalBlobs::setInstance(nullptr);
    m_blobs.reset();
    ReplicaService::setInstance(nullptr);
    m_replica.reset();
}

}  // namespace nghedan::client
