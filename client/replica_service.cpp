#include "replica_service.h"

#include <QPointer>
#include <QTimer>
#include <chrono>

#include "catalog.h"
#include "nghedan/policy.h"
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
        if (service.m_cancelBackground) service.m_cancelBackground();
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

std::unique_ptr<ReplicaService> ReplicaService::openLocked(const QString& path, QString* error) {
    std::unique_ptr<ReplicaService> service(new ReplicaService);
    service->m_path = path;
    auto standIn = service->openStandIn();
    if (!standIn) {
        if (error) *error = toQString(standIn.error().message);
        return nullptr;
    }
    service->m_replica = std::move(*standIn);
    service->m_open = false;
    return service;
}

Result<std::unique_ptr<Replica>> ReplicaService::openStandIn() {
    m_standInDir = std::make_unique<QTemporaryDir>();
    if (!m_standInDir->isValid()) return Error{"io", "cannot create a temporary directory"};
    return Replica::open(toStd(m_standInDir->filePath(QStringLiteral("locked.db"))));
}

void ReplicaService::replace(std::unique_ptr<Replica> replica, bool open) {
    {
        Access access(*this);
        m_replica = std::move(replica);
        m_open = open;
    }
    if (open) m_standInDir.reset();
    m_units.clear();
    m_agencies.clear();
    m_agencyUnits.clear();
    m_refusedRecords.reset();
    announce(QString());
}

Status ReplicaService::reopen(ReplicaOptions options) {
    // The file is closed first: the same file is never open twice.
    if (m_open) close();
    auto replica = Replica::open(toStd(m_path), std::move(options));
    if (!replica) return replica.error();
    replace(std::move(*replica), true);
    return {};
}

void ReplicaService::close() {
    auto standIn = openStandIn();
    if (!standIn) {
        // Without a stand-in the models would have nothing to ask: keep what is open closed
        // to writes by the lock page; this happens only when /tmp is unusable.
        qWarning("nghedan: cannot open the stand-in replica: %s", standIn.error().message.c_str());
        return;
    }
    replace(std::move(*standIn), false);
}

ReplicaService::~ReplicaService() {
    if (g_instance == this) g_instance = nullptr;
}

ReplicaService* ReplicaService::instance() { return g_instance; }
void ReplicaService::setInstance(ReplicaService* service) { g_instance = service; }

QString ReplicaService::siteId() const { return toQString(m_replica->siteId()); }

Result<Change> ReplicaService::write(WriteRequest request) {
    if (!m_open) return Error{"locked", toStd(tr("Dữ liệu trên máy đang khóa."))};
    if (request.author.empty()) request.author = toStd(m_author.isEmpty() ? QStringLiteral("local") : m_author);
    const QString entity = toQString(request.entity);
    // A write with an id changes an existing record, except when a refused new record is sent
    // again; only records with refusals need the lookup (not every autosave of the minutes).
    bool creates = request.id.empty();
    if (!creates && hasRefused(toQString(request.entity), toQString(request.id))) {
        auto known = with([&](Replica& r) { return r.get(request.entity, request.id); });
        creates = known && !known.value();
    }
    if (creates) {
        auto unit = unitForNewRecord(request);
        if (!unit) return unit.error();
        request.unit = *unit;
    }
    if (!m_role.isEmpty()) {
        std::vector<std::string> fields;
        for (const auto& [field, value] : request.set) fields.push_back(field);
        if (roleWriteRefusal(toStd(m_role), request.entity, creates, fields))
            return Error{"forbidden", toStd(tr("Vai trò của bạn không được %1 %2 này.")
                                                .arg(creates ? tr("tạo") : tr("sửa"),
                                                     Catalog::entityLabel(entity).toLower()))};
        const QString unit = creates ? toQString(request.unit) : QString();
        if (creates && !inWriterScope(unit))
            return Error{"out_of_scope", toStd(tr("«%1» nằm ngoài địa bàn của bạn (%2).")
                                                   .arg(unitPath(unit), unitPath(m_scopeUnit)))};
    }
    auto result = with([&](Replica& r) { return r.write(request); });
    if (result) {
        announce(entity);
        emit localChangeWritten();
    }
    return result;
}

void ReplicaService::setWriter(const QString& author, const QString& role,
                               const QString& scopeUnit) {
    m_author = author;
    m_role = role;
    m_scopeUnit = scopeUnit;
}

bool ReplicaService::mayEdit(const QString& entity, const QString& field) const {
    return m_role.isEmpty() || roleMayEdit(toStd(m_role), toStd(entity), toStd(field));
}

bool ReplicaService::mayCreate(const QString& entity) const {
    return m_role.isEmpty() || roleMayCreate(toStd(m_role), toStd(entity));
}

bool ReplicaService::inWriterScope(const QString& unit) {
    return m_scopeUnit.isEmpty() || unitWithin(unit, m_scopeUnit);
}

Result<std::string> ReplicaService::unitForNewRecord(const WriteRequest& request) {
    for (const std::string& link : unitDecidingLinks(request.entity)) {
        const auto it = request.set.find(link);
        if (it == request.set.end() || !it->second.is_string() ||
            it->second.get<std::string>().empty())
            continue;
        std::string linkedEntity = link;
        if (link == "parent") {
            const auto parentEntity = request.set.find("parent_entity");
            if (parentEntity == request.set.end() || !parentEntity->second.is_string()) continue;
            linkedEntity = parentEntity->second.get<std::string>();
        }
        const std::string id = it->second.get<std::string>();
        auto linked = with([&](Replica& r) { return r.get(linkedEntity, id); });
        if (!linked) return linked.error();
        if (!linked.value())
            return Error{"unknown_link",
                         toStd(tr("Không tìm thấy %1 được liên kết trên máy này.")
                                   .arg(Catalog::entityLabel(toQString(linkedEntity)).toLower()))};
        return jsonString(linked.value()->values, "unit");
    }
    return request.unit;
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
    if (entity.isEmpty()) m_refusedRecords.reset();
    emit recordsChanged(entity);
}

void ReplicaService::loadNames() {
    if (m_namesLoaded) return;
    m_namesLoaded = true;
    m_units.clear();
    m_agencies.clear();
    m_agencyUnits.clear();
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
                        m_agencyUnits.insert(id, toQString(jsonString(row, "unit")));
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
bool ReplicaService::hasRefused(const QString& entity, const QString& id) {
    if (!m_refusedRecords) {
        m_refusedRecords.emplace();
        auto refused = with([](Replica& r) { return r.refusedChanges(); });
        if (refused)
            for (const RefusedChange& rc : *refused)
                m_refusedRecords->insert(toQString(rc.change.entity) + QLatin1Char('/') +
                                         toQString(rc.change.id));
    }
    return m_refusedRecords->contains(entity + QLatin1Char('/') + id);
}

QString ReplicaService::agencyUnit(const QString& id) {
    loadNames();
    return m_agencyUnits.value(id);
}

bool ReplicaService::unitWithin(const QString& unit, const QString& ancestor) {
    QString current = unit;
    for (int depth = 0; depth < 16 && !current.isEmpty(); ++depth) {
        if (current == ancestor) return true;
        current = unitParent(current);
    }
    return false;
}
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

Replica& ReplicaService::beginBackground(std::function<void()> cancel) {
    m_mutex.lock();
    std::lock_guard guard(m_syncClientMutex);
    m_cancelBackground = std::move(cancel);
    return *m_replica;
}

void ReplicaService::endSync() {
    {
        std::lock_guard guard(m_syncClientMutex);
        m_syncClient = nullptr;
        m_cancelBackground = nullptr;
    }
    m_mutex.unlock();
}

}  // namespace nghedan::client
