#include "replica_service.h"

#include <QPointer>
#include <QTimer>
#include <chrono>

#include "nghedan/sync_client.h"
#include "value_format.h"

namespace nghedan::client {
namespace {
ReplicaService* g_instance = nullptr;
}

ReplicaService::Access::Access(ReplicaService& s) : service(s) {
    using namespace std::chrono_literals;
    if (service.m_mutex.try_lock_for(50ms)) return;
    {
        std::lock_guard guard(service.m_syncClientMutex);
        if (service.m_syncClient) service.m_syncClient->cancel();
    }
    service.m_mutex.lock();
}

ReplicaService::Access::~Access() { service.m_mutex.unlock(); }

std::unique_ptr<ReplicaService> ReplicaService::open(const QString& path, QString* error,
                                                     ReplicaOptions options) {
    auto replica = Replica::open(toStd(path), std::move(options));
    if (!replica) {
        if (error) *error = toQString(replica.error().message);
        return nullptr;
    }
    std::unique_ptr<ReplicaService> service(new ReplicaService);
    service->m_replica = std::move(replica.value());
    service->m_path = path;
    return service;
}

ReplicaService::~ReplicaService() {
    if (g_instance == this) g_instance = nullptr;
}

ReplicaService* ReplicaService::instance() { return g_instance; }
void ReplicaService::setInstance(ReplicaService* service) { g_instance = service; }

QString ReplicaService::siteId() const { return toQString(m_replica->siteId()); }

Result<Change> ReplicaService::write(WriteRequest request) {
    if (request.author.empty()) request.author = toStd(m_author.isEmpty() ? QStringLiteral("local") : m_author);
    const QString entity = toQString(request.entity);
    auto result = with([&](Replica& r) { return r.write(request); });
    if (result) {
        announce(entity);
        emit localChangeWritten();
    }
    return result;
}

void ReplicaService::markShown() {
    m_shown = true;
    auto pending = std::move(m_whenShown);
    m_whenShown.clear();
    for (auto& f : pending) f();
}

void ReplicaService::whenShown(QObject* context, std::function<void()> f) {
    QPointer<QObject> guard(context);
    auto run = [guard, f = std::move(f)] {
        if (guard) f();
    };
    if (m_shown) QTimer::singleShot(0, context, run);
    else m_whenShown.push_back([context, run] { QTimer::singleShot(0, context, run); });
}

void ReplicaService::announce(const QString& entity) {
    if (entity.isEmpty() || entity == u"unit" || entity == u"agency") m_namesLoaded = false;
    emit recordsChanged(entity);
}

void ReplicaService::loadNames() {
    if (m_namesLoaded) return;
    m_namesLoaded = true;
    m_units.clear();
    m_agencies.clear();
    with([&](Replica& r) {
        for (const char* entity : {"unit", "agency"}) {
            ListQuery q;
            q.entity = entity;
            q.limit = 1000;
            q.sort = "created_hlc";
            q.descending = false;
            for (q.offset = 0;; q.offset += q.limit) {
                auto page = r.list(q);
                if (!page) break;
                for (const Json& row : page->rows) {
                    const QString id = toQString(jsonString(row, "id"));
                    const QString name = toQString(jsonString(row, "name"));
                    if (std::string(entity) == "unit") {
                        UnitInfo info{name,
                                      row.contains("parent") && row["parent"].is_string()
                                          ? toQString(row["parent"].get<std::string>())
                                          : QString(),
                                      toQString(jsonString(row, "level"))};
                        m_units.insert(id, info);
                    } else {
                        m_agencies.insert(id, name);
                    }
                }
                if (static_cast<std::int64_t>(q.offset + q.limit) >= page->total) break;
            }
        }
        return 0;
    });
}

const QHash<QString, ReplicaService::UnitInfo>& ReplicaService::units() {
    loadNames();
    return m_units;
}
const QHash<QString, QString>& ReplicaService::agencies() {
    loadNames();
    return m_agencies;
}
QString ReplicaService::unitName(const QString& id) { return units().value(id).name; }
QString ReplicaService::agencyName(const QString& id) { return agencies().value(id); }
QString ReplicaService::unitParent(const QString& id) { return units().value(id).parent; }
QString ReplicaService::unitLevel(const QString& id) { return units().value(id).level; }

QString ReplicaService::unitPath(const QString& id) {
    QStringList parts;
    QString current = id;
    for (int depth = 0; depth < 6 && !current.isEmpty(); ++depth) {
        const auto it = units().constFind(current);
        if (it == units().constEnd()) break;
        if (it->level != u"city") parts << it->name;
        current = it->parent;
    }
    return parts.join(QStringLiteral(", "));
}

SyncClient* ReplicaService::beginSync(const std::function<SyncClient*(Replica&)>& make) {
    m_mutex.lock();
    SyncClient* client = make(*m_replica);
    std::lock_guard guard(m_syncClientMutex);
    m_syncClient = client;
    return client;
}

void ReplicaService::endSync() {
    {
        std::lock_guard guard(m_syncClientMutex);
        m_syncClient = nullptr;
    }
    m_mutex.unlock();
}

}  // namespace nghedan::client
