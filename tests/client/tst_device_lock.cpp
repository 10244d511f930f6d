// The tablet's PIN lock, wipes and the sealed outbox, with the app's real services and a real
// nghedan-server (--demo) on loopback: wrong PINs wait longer and longer and finally wipe the
// data, whose unsent changes reach the server after the next sign-in; a device the
// administrator disables sends what it holds, wipes itself and is revoked; a tablet unsynced
// for too long stays locked until it syncs.

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <httplib.h>

#include "app_services.h"
#include "app_settings.h"
#include "device_lock.h"
#include "nghedan/replica.h"
#include "nghedan/sync_client.h"
#include "replica_service.h"
#include "server_process.h"
#include "session_controller.h"
#include "sync_controller.h"
#include "value_format.h"

using namespace nghedan;
using namespace nghedan::client;

namespace {

const QString kPin = QStringLiteral("246810");

/** Fake time for the lock: starts now, moved by the test. */
struct FakeClock {
    qint64 now = QDateTime::currentMSecsSinceEpoch();
};

/** A new petition in the signed-in official's scope, written through the app (unsent). */
QString writePetition(AppServices& app, const QString& title) {
    WriteRequest w;
    w.entity = "petition";
    w.unit = toStd(app.session()->scopeUnit());
    w.set = {{"received_at", QDateTime::currentMSecsSinceEpoch()},
             {"category", "urban_transport"},
             {"title", toStd(title)},
             {"status", "received"}};
    auto written = app.replica()->write(w);
    if (!written) qWarning("write failed: %s", written.error().message.c_str());
    return written ? toQString(written->id) : QString();
}

/** GET a petition through the server's read API with a bearer token. */
int readPetitionStatus(const std::string& url, const std::string& token, const QString& id,
                       std::string* body = nullptr) {
    httplib::Client http(url);
    auto res = http.Get(("/api/v1/petitions/" + toStd(id)).c_str(),
                        httplib::Headers{{"Authorization", "Bearer " + token}});
    if (!res) return 0;
    if (body) *body = res->body;
    return res->status;
}

/** A token of canbo.q12 on a second, throwaway device. */
std::string otherDeviceToken(const std::string& url, const QString& dir) {
    auto replica = Replica::open(toStd(dir + "/reader.db"));
    if (!replica) return {};
    SyncClientOptions options;
    options.baseUrl = url;
    SyncClient client(**replica, options);
    auto who = client.login("canbo.q12", "demo1234");
    return who ? who->token : std::string();
}

}  // namespace

class DeviceLockTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void wrongPinsWaitLongerThenWipeAndTheSealedOutboxReachesTheServer();
    void aDisabledDeviceSendsWhatItHoldsWipesItselfAndIsRevoked();
    void aTabletUnsyncedTooLongStaysLockedUntilItSyncs();

private:
    /** The app in `dir` with the lock required, signed in and with its PIN set, after its
     *  first sync; automatic sync off so that new writes stay unsent. */
    std::unique_ptr<AppServices> unlockedApp(const QString& dir, FakeClock& clock);

    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerProcess> m_server;
};

void DeviceLockTest::initTestCase() {
    m_server = std::make_unique<test::ServerProcess>(
        NGHEDAN_SERVER_BINARY, toStd(m_dir.path() + "/server"), std::vector<std::string>{"--demo"});
    QVERIFY2(m_server->start(), "the demo server did not start");
}

void DeviceLockTest::cleanupTestCase() {
    m_server.reset();
}

std::unique_ptr<AppServices> DeviceLockTest::unlockedApp(const QString& dir, FakeClock& clock) {
    QString error;
    auto app = AppServices::start(dir, QString::fromStdString(m_server->url()), &error);
    if (!QTest::qVerify(app != nullptr, "app", qPrintable(error), __FILE__, __LINE__))
        return nullptr;
    DeviceLock* lock = app->deviceLock();
    lock->setClock([&clock] { return clock.now; });
    lock->setRequired(true);
    QSignalSpy changed(app->session(), &SessionController::changed);
    app->session()->signIn("canbo.q12", "demo1234");
    if (!QTest::qVerify(changed.wait(60'000) && app->session()->signedIn(), "signed in",
                        qPrintable(app->session()->lastError()), __FILE__, __LINE__))
        return nullptr;
    // No PIN yet: the data stays closed to sync until one is set.
    if (!QTest::qCompare(lock->state(), QStringLiteral("setPin"), "state", "setPin", __FILE__,
                         __LINE__))
        return nullptr;
    if (!QTest::qVerify(app->sync()->blocked(), "blocked", "sync runs before the PIN", __FILE__,
                        __LINE__))
        return nullptr;
    QSignalSpy synced(app->sync(), &SyncController::finished);
    lock->setPin(kPin, kPin);
    if (!QTest::qCompare(lock->state(), QStringLiteral("open"), "state", "open", __FILE__,
                         __LINE__))
        return nullptr;
    if (!QTest::qVerify(synced.wait(60'000) && synced.first().first().toBool(), "synced",
                        qPrintable(app->sync()->lastError()), __FILE__, __LINE__))
        return nullptr;
    app->sync()->setAutomatic(false);
    return app;
}

void DeviceLockTest::wrongPinsWaitLongerThenWipeAndTheSealedOutboxReachesTheServer() {
    FakeClock clock;
    const QString dir = m_dir.path() + "/pins";
    QString error;
    {
        // The first PIN must be typed twice alike and be 6 to 12 digits.
        auto app = AppServices::start(dir, QString::fromStdString(m_server->url()), &error);
        QVERIFY(app);
        app->deviceLock()->setRequired(true);
        QSignalSpy changed(app->session(), &SessionController::changed);
        app->session()->signIn("canbo.q12", "demo1234");
        QVERIFY(changed.wait(60'000));
        app->deviceLock()->setPin(QStringLiteral("12345"), QStringLiteral("12345"));
        QCOMPARE(app->deviceLock()->state(), QStringLiteral("setPin"));
        QVERIFY(!app->deviceLock()->message().isEmpty());
        app->deviceLock()->setPin(kPin, QStringLiteral("246811"));
        QCOMPARE(app->deviceLock()->state(), QStringLiteral("setPin"));
        QVERIFY(!QFile::exists(DeviceLock::keyPathFor(app->replica()->path())));
    }
    QDir(dir).removeRecursively();

    auto app = unlockedApp(dir, clock);
    QVERIFY(app);
    DeviceLock* lock = app->deviceLock();
    const QString replicaPath = app->replica()->path();
    const QString oldSite = app->replica()->siteId();
    const QString id =
        writePetition(*app, QStringLiteral("Đèn đường hẻm 42 không sáng (chưa gửi)"));
    QVERIFY(!id.isEmpty());
    QCOMPARE(app->sync()->pendingCount(), 1);
    QVERIFY2(QFile::exists(DeviceLock::outboxPathFor(replicaPath)),
             "no sealed outbox after a write");

    // Locked: the data is closed, nothing of it is readable through the app.
    lock->setDelaySchedule({0, 0, 0, 30, 60, 120});
    lock->setMaxFailures(6);
    lock->lock();
    QCOMPARE(lock->state(), QStringLiteral("locked"));
    QVERIFY(!app->replica()->isOpen());
    QVERIFY(!app->replica()
                 ->with([&](Replica& r) { return r.get("petition", toStd(id)); })
                 ->has_value());
    QVERIFY(!app->replica()->write(WriteRequest{"petition", "", "x", "y", {}}));

    // Wrong PINs: no wait for three, then 30 s, then 1 minute; a PIN typed while waiting is
    // not tried (nor counted).
    QList<int> waits;
    for (int i = 0; i < 4; ++i) {
        lock->unlock(QStringLiteral("000000"));
        waits << lock->waitSeconds();
    }
    QCOMPARE(waits, (QList<int>{0, 0, 0, 30}));
    QCOMPARE(lock->waitText(), QStringLiteral("Thử lại sau 30 giây"));
    lock->unlock(kPin);  // during the wait: ignored
    QCOMPARE(lock->state(), QStringLiteral("locked"));
    QCOMPARE(lock->failures(), 4);
    clock.now += 30'000;
    QCOMPARE(lock->waitSeconds(), 0);
    lock->unlock(QStringLiteral("111111"));
    QCOMPARE(lock->waitSeconds(), 60);
    QCOMPARE(lock->waitText(), QStringLiteral("Thử lại sau 1 phút"));
    QCOMPARE(lock->attemptsLeft(), 1);

    // The count survives a restart.
    app.reset();
    app = AppServices::start(dir, QString::fromStdString(m_server->url()), &error);
    QVERIFY(app);
    lock = app->deviceLock();
    lock->setClock([&clock] { return clock.now; });
    lock->setRequired(true);
    lock->setDelaySchedule({0, 0, 0, 30, 60, 120});
    QCOMPARE(lock->state(), QStringLiteral("locked"));
    QCOMPARE(lock->failures(), 5);
    QVERIFY(lock->waitSeconds() > 0);
    QVERIFY(!app->replica()->isOpen());

    // The last wrong PIN wipes the data; only the sealed outbox stays.
    clock.now += 60'000;
    QSignalSpy wiped(lock, &DeviceLock::wiped);
    lock->unlock(QStringLiteral("222222"));
    QCOMPARE(wiped.count(), 1);
    QCOMPARE(wiped.first().first().toBool(), false);
    QVERIFY(!app->session()->signedIn());
    QVERIFY(lock->notice().contains(QStringLiteral("sai mã PIN")));
    QVERIFY(!QFile::exists(DeviceLock::keyPathFor(replicaPath)));
    QVERIFY(QFile::exists(DeviceLock::outboxPathFor(replicaPath)));
    // What is at the replica's path now is a new, empty replica (a new device).
    QVERIFY(app->replica()->siteId() != oldSite);
    QVERIFY(!app->replica()
                 ->with([&](Replica& r) { return r.get("petition", toStd(id)); })
                 ->has_value());
    QCOMPARE(lock->failures(), 0);

    // Signing in again uploads the outbox; the server holds the change.
    QSignalSpy uploaded(lock, &DeviceLock::outboxUploaded);
    app->session()->signIn("canbo.q12", "demo1234");
    QVERIFY(uploaded.wait(60'000));
    QCOMPARE(uploaded.first().at(0).toBool(), true);
    QCOMPARE(uploaded.first().at(1).toULongLong(), 1ull);
    QVERIFY(!QFile::exists(DeviceLock::outboxPathFor(replicaPath)));
    std::string body;
    QCOMPARE(readPetitionStatus(m_server->url(), toStd(app->settings()->value("session/token")), id,
                                &body),
             200);
    QVERIFY(body.find("Đèn đường hẻm 42") != std::string::npos);
    QCOMPARE(lock->state(), QStringLiteral("setPin"));
}

void DeviceLockTest::aDisabledDeviceSendsWhatItHoldsWipesItselfAndIsRevoked() {
    FakeClock clock;
    const QString dir = m_dir.path() + "/remote";
    auto app = unlockedApp(dir, clock);
    QVERIFY(app);
    const QString replicaPath = app->replica()->path();
    const QString site = app->replica()->siteId();
    const std::string oldToken = toStd(app->settings()->value("session/token"));
    const QString id = writePetition(*app, QStringLiteral("Rác tồn đọng đầu hẻm 7 (chưa gửi)"));
    QVERIFY(!id.isEmpty());
    QCOMPARE(app->sync()->pendingCount(), 1);

    // The administrator disables the tablet with the real CLI.
    QProcess cli;
    cli.start(QStringLiteral(NGHEDAN_SERVER_BINARY),
              {QStringLiteral("device"), QStringLiteral("disable"), QStringLiteral("--site"), site,
               QStringLiteral("--data"), m_dir.path() + "/server"});
    QVERIFY(cli.waitForFinished(60'000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());

    QSignalSpy wiped(app->deviceLock(), &DeviceLock::wiped);
    QSignalSpy reported(app->sync(), &SyncController::wipeReported);
    app->sync()->syncNow();
    QVERIFY(wiped.wait(60'000));
    QCOMPARE(wiped.first().first().toBool(), true);
    QVERIFY(reported.count() > 0 || reported.wait(30'000));
    QCOMPARE(reported.first().first().toBool(), true);

    // The server has the change; the tablet has nothing of it and says why.
    const std::string reader = otherDeviceToken(m_server->url(), m_dir.path());
    QVERIFY(!reader.empty());
    QCOMPARE(readPetitionStatus(m_server->url(), reader, id), 200);
    QVERIFY(!app->session()->signedIn());
    QVERIFY(app->deviceLock()->notice().startsWith(QStringLiteral("Thiết bị này đã bị thu hồi")));
    QVERIFY(!QFile::exists(DeviceLock::keyPathFor(replicaPath)));
    QVERIFY(!QFile::exists(DeviceLock::outboxPathFor(replicaPath)));
    QVERIFY(app->replica()->siteId() != site);
    QVERIFY(!app->replica()
                 ->with([&](Replica& r) { return r.get("petition", toStd(id)); })
                 ->has_value());
    QVERIFY(app->settings()->value("wipe/confirmToken").isEmpty());

    // Its old token and key are refused from now on.
    httplib::Client http(m_server->url());
    auto res =
        http.Post("/api/v1/sync/push", httplib::Headers{{"Authorization", "Bearer " + oldToken},
                                   {kClientVersionHeader, std::to_string(kClientVersion)}},
                  R"({"changes":[]})", "application/json");
    QVERIFY(res);
    QCOMPARE(res->status, 403);
    QVERIFY(res->body.find("device_revoked") != std::string::npos);
}

void DeviceLockTest::aTabletUnsyncedTooLongStaysLockedUntilItSyncs() {
    FakeClock clock;
    const QString dir = m_dir.path() + "/stale";
    auto app = unlockedApp(dir, clock);
    QVERIFY(app);
    DeviceLock* lock = app->deviceLock();
    QCOMPARE(app->settings()->value("session/maxOfflineDays").toInt(), 14);
    lock->lock();
    // 13 days later the PIN opens the data.
    clock.now += 13LL * 24 * 3600 * 1000;
    lock->unlock(kPin);
    QCOMPARE(lock->state(), QStringLiteral("open"));
    lock->lock();
    // 15 days: after the PIN only a sync is offered, until one succeeds.
    clock.now += 2LL * 24 * 3600 * 1000;
    lock->unlock(kPin);
    QCOMPARE(lock->state(), QStringLiteral("stale"));
    QVERIFY(!lock->message().isEmpty());
    QSignalSpy synced(app->sync(), &SyncController::finished);
    clock.now = QDateTime::currentMSecsSinceEpoch();  // the sync stamps the real time
    lock->syncNow();
    QVERIFY(synced.wait(60'000));
    QVERIFY(synced.first().first().toBool());
    QCOMPARE(lock->state(), QStringLiteral("open"));
}

QTEST_MAIN(DeviceLockTest)
#include "tst_device_lock.moc"
