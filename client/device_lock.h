#pragma once
// The tablet's PIN lock (DESIGN.md "personal data ... encrypted at rest, key wrapped by the
// user's PIN"): the replica is open only after the PIN unlocks its key; the app locks at start
// and after an idle time; wrong PINs wait longer and longer and, after too many, wipe the
// local data. Unsent changes outlive a wipe sealed to the server (<replica>.outbox). It also
// carries out a remote wipe ordered by the server, and keeps a tablet that has not synced for
// too long locked until it syncs.

#include <QtQml/qqmlregistration.h>
#include <QList>
#include <QObject>
#include <QTimer>
#include <functional>

class QQmlEngine;
class QJSEngine;

namespace nghedan::client {

class AppSettings;
class ReplicaService;
class SessionController;
class SyncController;

/** QML singleton "DeviceLock". UI thread only. `state`: "open" (the data is usable, or no
 *  lock applies), "setPin" (signed in, no PIN yet: the data stays closed until one is set),
 *  "locked" (PIN asked) or "stale" (unlocked but unsynced for longer than the server allows:
 *  only "sync now" is offered until a sync succeeds). */
class DeviceLock : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    /** Said on the sign-in page after a wipe ("Thiết bị này đã bị thu hồi…"). */
    Q_PROPERTY(QString notice READ notice NOTIFY changed)
    Q_PROPERTY(int failures READ failures NOTIFY changed)
    Q_PROPERTY(int attemptsLeft READ attemptsLeft NOTIFY changed)
    Q_PROPERTY(int waitSeconds READ waitSeconds NOTIFY tick)
    /** "Thử lại sau 1 phút 30 giây" while a wrong PIN's delay runs, else "". */
    Q_PROPERTY(QString waitText READ waitText NOTIFY tick)
    Q_PROPERTY(int idleMinutes READ idleMinutes WRITE setIdleMinutes NOTIFY settingsChanged)
    Q_PROPERTY(int maxFailures READ maxFailures WRITE setMaxFailures NOTIFY settingsChanged)

public:
    DeviceLock(AppSettings* settings, ReplicaService* service, SyncController* sync,
               SessionController* session, QObject* parent = nullptr);
    ~DeviceLock() override;
    static DeviceLock* instance();
    static void setInstance(DeviceLock* lock);
    static DeviceLock* create(QQmlEngine* qml, QJSEngine* js);

    /** The key file of a replica file (next to it). */
    static QString keyPathFor(const QString& replicaPath);
    /** The sealed outbox of a replica file (next to it). */
    static QString outboxPathFor(const QString& replicaPath);

    /** On: a signed-in official must set a PIN and the app locks (main.cpp). Off (tests and
     *  tools that need no PIN): nothing locks unless a key file exists. */
    void setRequired(bool required);

    /** Sets the first PIN (6 to 12 digits, typed twice) and opens the data with its key. */
    Q_INVOKABLE void setPin(const QString& pin, const QString& again);
    /** Tries the PIN; a wrong one counts, waits as the schedule says, and wipes at the limit. */
    Q_INVOKABLE void unlock(const QString& pin);
    /** Locks now (seals the outbox and closes the data) when a PIN is set. */
    Q_INVOKABLE void lock();
    /** In the stale state: syncs (which unlocks on success). */
    Q_INVOKABLE void syncNow();
    Q_INVOKABLE void dismissNotice();

    QString state() const { return m_state; }
    QString message() const { return m_message; }
    QString notice() const;
    int failures() const;
    int attemptsLeft() const;
    int waitSeconds() const;
    QString waitText() const;
    int idleMinutes() const;
    void setIdleMinutes(int minutes);
    int maxFailures() const;
    void setMaxFailures(int count);

    /** Seconds to wait after the n-th wrong PIN in a row (index n-1, the last one repeats);
     *  default 0, 0, 0, 30, 60, 120, 300, 600. */
    void setDelaySchedule(QList<int> seconds) { m_schedule = std::move(seconds); }
    /** The clock (ms since the epoch) for delays and the stale check (tests move it). */
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    /** Writes or removes the sealed outbox now (after writes and at lock it happens by itself). */
    void sealOutbox();

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void changed();
    void tick();
    void settingsChanged();
    /** The local data was wiped (`remote`: by the server's order, else by wrong PINs). */
    void wiped(bool remote);
    /** A sealed outbox was uploaded (or refused: ok false) after a sign-in. */
    void outboxUploaded(bool ok, qulonglong accepted, qulonglong refused);

private:
    bool keyExists() const;
    void evaluate();
    void setState(const QString& state, const QString& message = {});
    void openWithKey(const std::string& key);
    bool isStale() const;
    void wipeLocal(bool remote);
    void onSignedInOnline();
    void onWipeOrdered(bool allSent);
    void restartIdle();

    AppSettings* m_settings;
    ReplicaService* m_service;
    SyncController* m_sync;
    SessionController* m_session;
    bool m_required = false;
    QString m_state = QStringLiteral("open");
    QString m_message;
    QList<int> m_schedule{0, 0, 0, 30, 60, 120, 300, 600};
    std::function<qint64()> m_now;
    QTimer m_idle;
    QTimer m_countdown;
};

}  // namespace nghedan::client
