#pragma once
// The one owner of the app's Replica. UI-thread code and the sync worker take turns through
// a lock; a UI call that finds a sync running cancels it (the sync resumes later), so the UI
// never waits for the network.

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTemporaryDir>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "nghedan/replica.h"

namespace nghedan {
class SyncClient;
}

namespace nghedan::client {

/** Owns the Replica (not thread-safe itself) and serialises access to it. Built in main.cpp
 *  (or a test's setup) before the QML engine; instance() is what the QML singletons and
 *  controllers use. Signals are emitted on the thread that owns this object (the UI thread). */
class ReplicaService : public QObject {
    Q_OBJECT

public:
    /** Opens (or creates) the replica file at `path`; nullptr with `error` set on failure. */
    static std::unique_ptr<ReplicaService> open(const QString& path, QString* error,
                                                ReplicaOptions options = {});
    /** A service for the replica file at `path` that stays closed (an empty stand-in answers
     *  every model) until reopen() with the unlocked key; nullptr with `error` on failure. */
    static std::unique_ptr<ReplicaService> openLocked(const QString& path, QString* error);
    ~ReplicaService() override;

    static ReplicaService* instance();
    static void setInstance(ReplicaService* service);

    /** Runs f(Replica&) with exclusive access; cancels a running sync if it holds the lock. */
    template <class F>
    auto with(F&& f) -> decltype(f(std::declval<Replica&>())) {
        Access access(*this);
        return f(*m_replica);
    }

    /** Writes and, on success, announces the change (recordsChanged, localChangeWritten).
     *  The author is the signed-in user. A new record linked to a petition or meeting takes
     *  that record's unit (shared policy unitDecidingLinks), whatever `request.unit` says.
     *  What the server would refuse (the role's write policy, a unit outside the writer's
     *  scope) is refused here with a Vietnamese Error{"forbidden"|"out_of_scope"}. */
    Result<Change> write(WriteRequest request);

    QString author() const { return m_author; }
    /** The signed-in person's role ("official", "supervisor", "admin"); empty before sign-in. */
    QString role() const { return m_role; }
    /** Who writes from now on: username, role and scope unit (empty role: no checks). */
    void setWriter(const QString& author, const QString& role, const QString& scopeUnit);
    /** True when the writer's role may change `field` of an existing `entity` record. */
    bool mayEdit(const QString& entity, const QString& field) const;
    /** True when the writer's role may create `entity` records. */
    bool mayCreate(const QString& entity) const;
    /** True when `unit` is the writer's scope unit or below it (or no scope is set). */
    bool inWriterScope(const QString& unit);
    /** The unit a new `entity` record with these links belongs to: the linked record's unit,
     *  or `fallback` when it links to none. An Error when a linked record is unknown here. */
    Result<std::string> unitForNewRecord(const WriteRequest& request);
    QString path() const { return m_path; }
    /** Opens the replica file at path() with `options` (the unlocked data key) in place of
     *  what is open now; every model reloads. An Error leaves the stand-in open. */
    Status reopen(ReplicaOptions options);
    /** Closes the replica file (waits for a running sync, which it cancels): an empty stand-in
     *  answers until reopen(); cached names are dropped and every model reloads. */
    void close();
    /** False while the replica file is closed (locked or wiped). */
    bool isOpen() const { return m_open; }
    QString siteId() const;

    /** Name of a unit / agency by id (cached, refreshed when units or agencies change). */
    QString unitName(const QString& id);
    QString agencyName(const QString& id);
    /** "Khu phố 3, Phường Thới An, Quận 12": the unit and its ancestors below the city. */
    QString unitPath(const QString& id);
    QString unitParent(const QString& id);
    /** True when the server refused a change of that record made here (cached until the
     *  next announce("")). */
    bool hasRefused(const QString& entity, const QString& id);
    /** The unit an agency serves (its jurisdiction). */
    QString agencyUnit(const QString& id);
    /** True when `unit` is `ancestor` or lies below it. */
    bool unitWithin(const QString& unit, const QString& ancestor);
    QString unitLevel(const QString& id);
    /** Every unit: id → {name, parent, level}. */
    struct UnitInfo {
        QString name, parent, level;
    };
    const QHash<QString, UnitInfo>& units();
    const QHash<QString, QString>& agencies();

    // ---- used by the sync worker thread ------------------------------------------------
    /** Blocks until the replica is free and keeps it for the sync; builds the sync client with
     *  `make` under the lock. UI calls meanwhile cancel that client. */
    SyncClient* beginSync(const std::function<SyncClient*(Replica&)>& make);
    void endSync();
    /** Like beginSync for other long work of the sync thread (the blob sync): keeps the replica
     *  until endSync(); a UI call that needs it meanwhile calls `cancel` (any thread). */
    Replica& beginBackground(std::function<void()> cancel);

    /** Start-up: models created before the first frame wait for markShown() to query, so the
     *  window appears at once and fills in. Off unless main() asks for it. */
    void holdLoadsUntilShown() { m_shown = false; }
    void markShown();
    /** Runs f (with `context` alive) once the window is shown, on the next event loop turn. */
    void whenShown(QObject* context, std::function<void()> f);

    /** Tells every model that `entity` records changed ("" = anything, after a sync). */
    void announce(const QString& entity);

signals:
    void recordsChanged(const QString& entity);
    void localChangeWritten();

private:
    struct Access {
        explicit Access(ReplicaService& s);
        ~Access();
        ReplicaService& service;
    };
    ReplicaService() = default;
    void loadNames();
    /** Swaps in `replica` under the lock, drops caches and announces it. */
    void replace(std::unique_ptr<Replica> replica, bool open);
    Result<std::unique_ptr<Replica>> openStandIn();

    std::unique_ptr<Replica> m_replica;
    std::timed_mutex m_mutex;
    std::mutex m_syncClientMutex;
    SyncClient* m_syncClient = nullptr;
    std::function<void()> m_cancelBackground;
    QString m_author;
    QString m_role;
    QHash<QString, QString> m_agencyUnits;
    std::optional<QSet<QString>> m_refusedRecords;  ///< "entity/id"; loaded on first use
    QString m_scopeUnit;
    QString m_path;
    bool m_namesLoaded = false;
    bool m_open = true;
    std::unique_ptr<QTemporaryDir> m_standInDir;
    bool m_shown = true;
    std::vector<std::function<void()>> m_whenShown;
    QHash<QString, UnitInfo> m_units;
    QHash<QString, QString> m_agencies;
};

}  // namespace nghedan::client
