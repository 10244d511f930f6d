#include "app_services.h"

#include <QDir>

#include "app_settings.h"
#include "replica_service.h"
#include "session_controller.h"
#include "sync_controller.h"

namespace nghedan::client {

std::unique_ptr<AppServices> AppServices::start(const QString& dataDir, const QString& serverOverride,
                                                QString* error, ReplicaOptions options) {
    if (!QDir().mkpath(dataDir)) {
        if (error) *error = QStringLiteral("cannot create the data directory %1").arg(dataDir);
        return nullptr;
    }
    std::unique_ptr<AppServices> services(new AppServices);
    services->m_replica = ReplicaService::open(dataDir + QStringLiteral("/nghedan.db"), error, std::move(options));
    if (!services->m_replica) return nullptr;
    ReplicaService::setInstance(services->m_replica.get());
    services->m_settings = std::make_unique<AppSettings>(dataDir);
    if (!serverOverride.isEmpty()) services->m_settings->setServerOverride(serverOverride);
    AppSettings::setInstance(services->m_settings.get());
    services->m_settings->applyLanguage();
    services->m_sync = std::make_unique<SyncController>(services->m_replica.get(), services->m_settings.get());
    SyncController::setInstance(services->m_sync.get());
    services->m_session = std::make_unique<SessionController>(
        services->m_settings.get(), services->m_replica.get(), services->m_sync.get());
    SessionController::setInstance(services->m_session.get());
    return services;
}

AppServices::~AppServices() {
    SessionController::setInstance(nullptr);
    m_session.reset();
    SyncController::setInstance(nullptr);
    m_sync.reset();
    AppSettings::setInstance(nullptr);
    m_settings.reset();
    ReplicaService::setInstance(nullptr);
    m_replica.reset();
}

}  // namespace nghedan::client
