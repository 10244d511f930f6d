#include "device_lock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QJSEngine>
#include <QSaveFile>

#include "app_settings.h"
#include "local_blobs.h"
#include "nghedan/encrypt_file.h"
#include "nghedan/local_key.h"
#include "nghedan/sync_client.h"
#include "replica_service.h"
#include "session_controller.h"
#include "sync_controller.h"
#include "value_format.h"

namespace nghedan::client {
namespace {
DeviceLock* g_lock = nullptr;
const QString kFailures = QStringLiteral("lock/failures");
const QString kBlockedUntil = QStringLiteral("lock/blockedUntilMs");
const QString kIdle = QStringLiteral("lock/idleMinutes");
const QString kMaxFailures = QStringLiteral("lock/maxFailures");
const QString kNotice = QStringLiteral("lock/notice");
const QString kPendingUpload = QStringLiteral("outbox/pendingUpload");
const QString kSealKey = QStringLiteral("session/sealKey");
const QString kMaxOffline = QStringLiteral("session/maxOfflineDays");
const QString kToken = QStringLiteral("session/token");
const QString kLastSynced = QStringLiteral("sync/lastSyncedMs");
const QString kWipeToken = QStringLiteral("wipe/confirmToken");
constexpr int kDefaultIdleMinutes = 5;
constexpr int kDefaultMaxFailures = 10;
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
}  // namespace

DeviceLock::DeviceLock(AppSettings* settings, ReplicaService* service, SyncController* sync,
                       SessionController* session, QObject* parent)
    : QObject(parent),
      m_settings(settings),
      m_service(service),
      m_sync(sync),
      m_session(session),
      m_now([] { return QDateTime::currentMSecsSinceEpoch(); }) {
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, &DeviceLock::lock);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] {
        if (waitSeconds() <= 0) m_countdown.stop();
        emit tick();
    });
    connect(service, &ReplicaService::localChangeWritten, this, &DeviceLock::sealOutbox);
    connect(sync, &SyncController::finished, this, [this](bool ok) {
        sealOutbox();
        if (ok && m_state == u"stale") setState(QStringLiteral("open"));
    });
    connect(sync, &SyncController::wipeOrdered, this, &DeviceLock::onWipeOrdered);
    connect(sync, &SyncController::wipeReported, this, [this](bool ok, const QString&) {
        if (ok) m_settings->remove(kWipeToken);
    });
    connect(sync, &SyncController::sealedUploaded, this,
            [this](bool ok, qulonglong accepted, qulonglong refused, const QString& code) {
                // Refused for good (not this user's, not for this server): kept no longer.
                const bool final = ok || code == u"not_your_device" || code == u"invalid_sealed";
                if (final) {
                    QFile::remove(outboxPathFor(m_service->path()));
                    m_settings->remove(kPendingUpload);
                }
                if (ok)
                    m_message =
                        tr("Đã gửi lên máy chủ %n thay đổi được giữ lại khi dữ liệu trên "
                           "máy bị xóa.",
                           "", static_cast<int>(accepted));
                emit changed();
                emit outboxUploaded(ok, accepted, refused);
            });
    connect(session, &SessionController::signedInOnline, this, &DeviceLock::onSignedInOnline);
    qApp->installEventFilter(this);
    evaluate();
}

DeviceLock::~DeviceLock() {
    if (qApp) qApp->removeEventFilter(this);
    if (g_lock == this) g_lock = nullptr;
}

DeviceLock* DeviceLock::instance() {
    return g_lock;
}
void DeviceLock::setInstance(DeviceLock* lock) {
    g_lock = lock;
}
DeviceLock* DeviceLock::create(QQmlEngine*, QJSEngine*) {
    Q_ASSERT(g_lock);
    QJSEngine::setObjectOwnership(g_lock, QJSEngine::CppOwnership);
    return g_lock;
}

QString DeviceLock::keyPathFor(const QString& replicaPath) {
    return toQString(keyFilePath(toStd(replicaPath)));
}
QString DeviceLock::outboxPathFor(const QString& replicaPath) {
    return replicaPath + QStringLiteral(".outbox");
}

bool DeviceLock::keyExists() const {
    return keyFileExists(toStd(keyPathFor(m_service->path())));
}

void DeviceLock::setRequired(bool required) {
    m_required = required;
    evaluate();
}

void DeviceLock::evaluate() {
    if (keyExists()) {
        if (m_service->isOpen()) m_service->close();
        if (LocalBlobs* blobs = LocalBlobs::instance()) blobs->lock();
        setState(QStringLiteral("locked"));
        if (waitSeconds() > 0) m_countdown.start();
    } else if (m_required && m_session->signedIn()) {
        setState(QStringLiteral("setPin"));
    } else {
        setState(QStringLiteral("open"));
    }
    // A wipe the server was not yet told of (no network then): told now.
    const QString wipeToken = m_settings->value(kWipeToken);
    if (!wipeToken.isEmpty()) m_sync->reportWiped(wipeToken);
}

void DeviceLock::setState(const QString& state, const QString& message) {
    const bool usable = state == u"open" || state == u"stale";
    m_sync->setBlocked(!usable);
    if (usable && keyExists())
        restartIdle();
    else
        m_idle.stop();
    if (m_state == state && m_message == message) return;
    m_state = state;
    m_message = message;
    emit changed();
}

void DeviceLock::restartIdle() {
    m_idle.start(std::max(1, idleMinutes()) * 60'000);
}

bool DeviceLock::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::TouchBegin:
        case QEvent::KeyPress:
        case QEvent::Wheel:
            if (m_idle.isActive()) restartIdle();
            break;
        default:
            break;
    }
    return QObject::eventFilter(watched, event);
}

QString DeviceLock::notice() const {
    return m_settings->value(kNotice);
}
void DeviceLock::dismissNotice() {
    m_settings->remove(kNotice);
    emit changed();
}

int DeviceLock::failures() const {
    return m_settings->value(kFailures).toInt();
}
int DeviceLock::attemptsLeft() const {
    return std::max(0, maxFailures() - failures());
}
int DeviceLock::idleMinutes() const {
    const int v = m_settings->value(kIdle).toInt();
    return v > 0 ? v : kDefaultIdleMinutes;
}
void DeviceLock::setIdleMinutes(int minutes) {
    if (minutes < 1 || minutes == idleMinutes()) return;
    m_settings->setValue(kIdle, minutes);
    if (m_idle.isActive()) restartIdle();
    emit settingsChanged();
}
int DeviceLock::maxFailures() const {
    const int v = m_settings->value(kMaxFailures).toInt();
    return v > 0 ? v : kDefaultMaxFailures;
}
void DeviceLock::setMaxFailures(int count) {
    if (count < 3 || count == maxFailures()) return;
    m_settings->setValue(kMaxFailures, count);
    emit settingsChanged();
    emit changed();
}

int DeviceLock::waitSeconds() const {
    const qint64 left = m_settings->value(kBlockedUntil).toLongLong() - m_now();
    return left > 0 ? static_cast<int>((left + 999) / 1000) : 0;
}

QString DeviceLock::waitText() const {
    const int s = waitSeconds();
    if (s <= 0) return {};
    const int minutes = s / 60, seconds = s % 60;
    QString wait;
    if (minutes > 0 && seconds > 0)
        wait = tr("%1 phút %2 giây").arg(minutes).arg(seconds);
    else if (minutes > 0)
        wait = tr("%1 phút").arg(minutes);
    else
        wait = tr("%1 giây").arg(seconds);
    return tr("Thử lại sau %1").arg(wait);
}

void DeviceLock::openWithKey(const std::string& key) {
    ReplicaOptions options;
    options.encryptionKey = key;
    // The attachments' bytes are encrypted under the same data key (encrypted_blob_store.h).
    if (LocalBlobs* blobs = LocalBlobs::instance()) blobs->setKey(key);
    if (Status s = m_service->reopen(std::move(options)); !s) {
        setState(QStringLiteral("locked"),
                 tr("Không mở được dữ liệu trên máy (%1).").arg(toQString(s.error().code)));
        return;
    }
    m_settings->remove(kFailures);
    m_settings->remove(kBlockedUntil);
    m_countdown.stop();
    setState(isStale() ? QStringLiteral("stale") : QStringLiteral("open"),
             isStale() ? tr("Máy chưa đồng bộ quá %n ngày nên dữ liệu vẫn khóa. Hãy kết nối "
                            "mạng và đồng bộ ngay.",
                            "", m_settings->value(kMaxOffline).toInt())
                       : QString());
    emit tick();
}

bool DeviceLock::isStale() const {
    const int days = m_settings->value(kMaxOffline).toInt();
    const qint64 last = m_settings->value(kLastSynced).toLongLong();
    return days > 0 && last > 0 && m_now() - last > days * kDayMs;
}

void DeviceLock::setPin(const QString& pin, const QString& again) {
    if (m_state != u"setPin") return;
    if (pin != again) {
        setState(m_state, tr("Hai lần nhập mã PIN không giống nhau."));
        return;
    }
    auto key = createKeyFile(toStd(keyPathFor(m_service->path())), toStd(pin));
    if (!key) {
        setState(m_state, key.error().code == "weak_pin"
                              ? tr("Mã PIN phải gồm 6 đến 12 chữ số.")
                              : tr("Không lưu được mã PIN (%1).").arg(toQString(key.error().code)));
        return;
    }
    // The replica was made before the PIN (at sign-in, for the device's key): it becomes an
    // encrypted file now, in place, keeping its site, key and everything it holds.
    m_service->close();
    if (Status s = encryptPlainFile(toStd(m_service->path()), *key); !s) {
        setState(m_state, tr("Không mã hóa được dữ liệu trên máy (%1).").arg(toQString(s.error().code)));
        return;
    }
    openWithKey(*key);
    sealOutbox();
}

void DeviceLock::unlock(const QString& pin) {
    if (m_state != u"locked") return;
    if (waitSeconds() > 0) {
        emit tick();
        return;
    }
    auto key = unlockKeyFile(toStd(keyPathFor(m_service->path())), toStd(pin));
    if (key) {
        openWithKey(*key);
        return;
    }
    if (key.error().code != "wrong_pin") {
        setState(m_state,
                 tr("Không đọc được khóa dữ liệu trên máy (%1).").arg(toQString(key.error().code)));
        return;
    }
    const int failed = failures() + 1;
    m_settings->setValue(kFailures, failed);
    if (failed >= maxFailures()) {
        wipeLocal(false);
        return;
    }
    const int delay = m_schedule.isEmpty()
                          ? 0
                          : m_schedule.value(std::min<int>(failed - 1, int(m_schedule.size()) - 1));
    if (delay > 0) {
        m_settings->setValue(kBlockedUntil, m_now() + qint64(delay) * 1000);
        m_countdown.start();
    }
    setState(m_state, tr("Mã PIN không đúng. Còn %n lần thử; sau đó dữ liệu trên máy sẽ bị xóa.",
                         "", attemptsLeft()));
    emit tick();
}

void DeviceLock::lock() {
    if (!keyExists() || m_state == u"locked" || m_state == u"setPin") return;
    sealOutbox();
    m_service->close();
    if (LocalBlobs* blobs = LocalBlobs::instance()) blobs->lock();
    setState(QStringLiteral("locked"));
}

void DeviceLock::syncNow() {
    m_sync->syncNow();
}

void DeviceLock::sealOutbox() {
    if (!m_service->isOpen() || !keyExists()) return;
    // An outbox of the wiped replica waits for its upload: never overwritten.
    if (!m_settings->value(kPendingUpload).isEmpty()) return;
    const QString sealKey = m_settings->value(kSealKey);
    if (sealKey.isEmpty()) return;
    auto sealed = m_service->with([&](Replica& r) { return sealUnsentChanges(r, toStd(sealKey)); });
    const QString path = outboxPathFor(m_service->path());
    if (!sealed) {
        qWarning("nghedan: cannot seal the unsent changes: %s", sealed.error().code.c_str());
        return;
    }
    if (!*sealed) {
        QFile::remove(path);
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return;
    file.write(QByteArray::fromStdString(**sealed));
    if (!file.commit()) qWarning("nghedan: cannot write the sealed outbox");
}

void DeviceLock::wipeLocal(bool remote) {
    const QString path = m_service->path();
    m_service->close();
    if (Status s = wipeLocalFiles(toStd(path)); !s)
        qWarning("nghedan: wipe incomplete: %s", s.error().message.c_str());
    QFile::remove(keyPathFor(path));
    // The photos and documents go with the records (residents may be in them).
    if (LocalBlobs* blobs = LocalBlobs::instance()) {
        blobs->wipe();
        blobs->setKey({});  // the fresh replica below has no PIN yet
    }
    if (remote) {
        // Everything was acknowledged before the wipe: nothing is kept.
        QFile::remove(outboxPathFor(path));
        m_settings->remove(kPendingUpload);
        m_settings->setValue(kNotice, tr("Thiết bị này đã bị thu hồi: quản trị viên đã yêu cầu "
                                         "xóa dữ liệu trên máy. Mọi thay đổi đã được gửi lên máy "
                                         "chủ trước khi xóa."));
    } else {
        if (QFile::exists(outboxPathFor(path))) m_settings->setValue(kPendingUpload, true);
        m_settings->setValue(
            kNotice, tr("Đã nhập sai mã PIN %n lần nên dữ liệu trên máy này đã bị xóa. Các thay "
                        "đổi chưa gửi được giữ kín và sẽ được gửi lên máy chủ khi bạn đăng nhập "
                        "lại.",
                        "", failures()));
    }
    m_settings->remove(kFailures);
    m_settings->remove(kBlockedUntil);
    m_settings->remove(kLastSynced);
    m_settings->remove(QStringLiteral("sync/alarm"));
    m_countdown.stop();
    m_session->signOut();
    // A fresh, empty replica (a new device for the server) for the next sign-in.
    if (Status s = m_service->reopen({}); !s)
        qWarning("nghedan: cannot create a new replica: %s", s.error().message.c_str());
    m_sync->refreshCounts();
    setState(QStringLiteral("open"));
    emit wiped(remote);
}

void DeviceLock::onSignedInOnline() {
    const QString outbox = outboxPathFor(m_service->path());
    if (!m_settings->value(kPendingUpload).isEmpty() && QFile::exists(outbox)) {
        QFile file(outbox);
        if (file.open(QIODevice::ReadOnly))
            m_sync->uploadSealed(QString::fromLatin1(file.readAll()));
    }
    if (m_required && !keyExists()) setState(QStringLiteral("setPin"));
}

void DeviceLock::onWipeOrdered(bool allSent) {
    if (!allSent) return;  // the next sync pushes the rest and hears the order again
    const QString token = m_settings->value(kToken);
    m_settings->setValue(kWipeToken, token);
    wipeLocal(true);
    m_sync->reportWiped(token);
}

}  // namespace nghedan::client
