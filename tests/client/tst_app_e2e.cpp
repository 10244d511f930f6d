// End to end: the app's controllers sign in and sync with a real nghedan-server (--demo) on
// loopback; an edit made on a second replica appears in the app's list model, and the app's
// own new petition reaches the second replica.

#include <QDir>
#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <httplib.h>

#include "app_services.h"
#include "app_settings.h"
#include "attachment_list_model.h"
#include "local_blobs.h"
#include "nghedan/blob_store.h"
#include "nghedan/blob_sync.h"
#include "nghedan/proof.h"
#include "nghedan/replica.h"
#include "nghedan/sync_client.h"
#include "meeting_controller.h"
#include "petition_controller.h"
#include "record_list_model.h"
#include "replica_service.h"
#include "report_back_model.h"
#include "server_process.h"
#include "session_controller.h"
#include "sync_controller.h"
#include "unit_list_model.h"
#include "value_format.h"

using namespace nghedan;
using namespace nghedan::client;

namespace {

/** The app's services in `dir`, signed in as canbo.q12 against `server`, after the sync that
 *  follows sign-in; null (with a failed check recorded) when that does not happen. */
std::unique_ptr<AppServices> signedInApp(const QTemporaryDir& dir, const test::ServerProcess& server) {
    QString error;
    auto app = AppServices::start(dir.path() + "/app", QString::fromStdString(server.url()), &error);
    if (!QTest::qVerify(app != nullptr, "app", qPrintable(error), __FILE__, __LINE__)) return nullptr;
    QSignalSpy synced(app->sync(), &SyncController::finished);
    app->session()->signIn("canbo.q12", "demo1234");
    if (!QTest::qVerify(synced.wait(60'000), "synced", "no sync after sign-in", __FILE__, __LINE__))
        return nullptr;
    if (!QTest::qVerify(synced.first().first().toBool(), "sync ok",
                        qPrintable(app->sync()->lastError()), __FILE__, __LINE__))
        return nullptr;
    return app;
}

/** The "Cookie" header value of a dashboard session of `username` (demo password); empty when
 *  the sign-in fails. */
std::string dashboardCookie(httplib::Client& http, const std::string& username) {
    const Json body{{"username", username}, {"password", "demo1234"}, {"cookie", true}};
    auto login = http.Post("/api/v1/auth/login", body.dump(), "application/json");
    if (!login || login->status != 200) return {};
    const std::string setCookie = login->get_header_value("Set-Cookie");
    return setCookie.substr(0, setCookie.find(';'));
}

}  // namespace

class AppEndToEndTest : public QObject {
    Q_OBJECT
private slots:
    void anEditOnAnotherReplicaAppearsInTheAppsList();
    void aChangeForgedInThisDevicesNameRaisesAnAlarmUntilDismissed();
    void overHttpsTheAppTrustsOnlyTheConfiguredCa();
    void residentsNotSatisfiedAtTheNextMeetingReopenThePetitionOnTheServer();
    void aPhotoAttachedOfflineReachesTheDashboardAndAnotherTablet();
};

void AppEndToEndTest::anEditOnAnotherReplicaAppearsInTheAppsList() {
    QTemporaryDir dir;
    test::ServerProcess server(NGHEDAN_SERVER_BINARY, (dir.path() + "/server").toStdString(), {"--demo"});
    QVERIFY2(server.start(), "the demo server did not start");

    auto app = signedInApp(dir, server);
    QVERIFY(app);
    QSignalSpy synced(app->sync(), &SyncController::finished);
    QVERIFY(app->session()->signedIn());
    QCOMPARE(app->session()->username(), QStringLiteral("canbo.q12"));
    QVERIFY(!app->session()->scopeUnit().isEmpty());

    RecordListModel list;
    list.setEntity("petition");
    list.setUnitId(app->session()->scopeUnit());
    QVERIFY2(list.total() > 0, "the demo server's petitions did not reach the app");

    // A second tablet of the same ward edits a petition and syncs.
    auto other = Replica::open((dir.path() + "/other.db").toStdString());
    QVERIFY(other.ok());
    SyncClientOptions options;
    options.baseUrl = server.url();
    SyncClient otherSync(**other, options);
    QVERIFY(otherSync.login("canbo.q12", "demo1234").ok());
    auto pulled = otherSync.sync();
    QVERIFY2(pulled.ok(), pulled.ok() ? "" : pulled.error().message.c_str());
    const std::string petitionId = toStd(list.idAt(0));
    WriteRequest edit;
    edit.entity = "petition";
    edit.id = petitionId;
    edit.author = "canbo.q12";
    edit.set["title"] = "Sửa từ máy thứ hai: đèn đường hẻm Thới An 16 đã sáng lại";
    QVERIFY((*other)->write(edit).ok());
    auto pushed = otherSync.sync();
    QVERIFY(pushed.ok());
    QCOMPARE(pushed->pushed, std::uint64_t{1});

    // The app syncs and its list model shows the edit (search without diacritics).
    QSignalSpy reset(&list, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&list, &QAbstractItemModel::dataChanged);
    synced.clear();
    app->sync()->syncNow();
    QVERIFY(synced.wait(60'000));
    QVERIFY2(synced.first().first().toBool(), qPrintable(app->sync()->lastError()));
    QVERIFY(reset.count() + changed.count() >= 1);
    QCOMPARE(list.idAt(0), toQString(petitionId));  // most recently updated first
    QCOMPARE(list.titleAt(0), QStringLiteral("Sửa từ máy thứ hai: đèn đường hẻm Thới An 16 đã sáng lại"));
    list.setSearchText("sua tu may thu hai");
    QCOMPARE(list.total(), 1);

    // And the other way: a petition captured in the app reaches the second tablet.
    PetitionController petition;
    QVERIFY(petition.create(app->session()->scopeUnit(), "environment_sanitation", "Cống thoát nước hẻm 7 bị nghẹt"));
    QCOMPARE(app->sync()->pendingCount(), 1);
    synced.clear();
    app->sync()->syncNow();
    QVERIFY(synced.wait(60'000));
    QVERIFY2(synced.first().first().toBool(), qPrintable(app->sync()->lastError()));
    QCOMPARE(app->sync()->pendingCount(), 0);
    QVERIFY(!app->sync()->lastSyncedText().isEmpty());
    QVERIFY(otherSync.sync().ok());
    auto arrived = (*other)->get("petition", toStd(petition.recordId()));
    QVERIFY(arrived.ok() && arrived->has_value());
    QCOMPARE(QString::fromStdString((*arrived)->values["title"].get<std::string>()),
             QStringLiteral("Cống thoát nước hẻm 7 bị nghẹt"));

    // The server going away is reported in plain Vietnamese, and nothing is lost.
    server.kill9();
    QVERIFY(petition.setField("petitioner_name", "Lê Thị Riêng"));
    synced.clear();
    app->sync()->syncNow();
    QVERIFY(synced.wait(90'000));
    QVERIFY(!synced.first().first().toBool());
    QVERIFY(!app->sync()->online());
    QVERIFY2(app->sync()->lastError().contains(QStringLiteral("Không kết nối được máy chủ")),
             qPrintable(app->sync()->lastError()));
    QCOMPARE(app->sync()->pendingCount(), 1);
}

void AppEndToEndTest::aChangeForgedInThisDevicesNameRaisesAnAlarmUntilDismissed() {
    QTemporaryDir dir;
    test::ServerProcess server(NGHEDAN_SERVER_BINARY, (dir.path() + "/server").toStdString(), {"--demo"});
    QVERIFY2(server.start(), "the demo server did not start");
    auto app = signedInApp(dir, server);
    QVERIFY(app);
    QSignalSpy synced(app->sync(), &SyncController::finished);
    PetitionController petition;
    QVERIFY(petition.create(app->session()->scopeUnit(), "other", "Kiến nghị thật của máy này"));
    synced.clear();
    app->sync()->syncNow();
    QVERIFY(synced.wait(60'000));
    QVERIFY(app->sync()->alarm().isEmpty());

    // Someone holding a copy of this tablet's key pushes another version of its last change.
    Change twin = app->replica()->with([](Replica& r) {
        Change c = r.changesOfSite(r.siteId(), r.ackedSeq() - 1, 1)->front();
        c.set["title"] = "Nội dung mạo danh";
        c.sig = signatureOf(c, *r.meta("signing_key"));
        return c;
    });
    auto other = Replica::open((dir.path() + "/other.db").toStdString());
    QVERIFY(other.ok());
    SyncClientOptions options;
    options.baseUrl = server.url();
    SyncClient otherSync(**other, options);
    QVERIFY(otherSync.login("canbo.q12", "demo1234").ok());
    httplib::Client http(server.url());
    auto pushed = http.Post("/api/v1/sync/push",
                            {{"Authorization", "Bearer " + otherSync.options().token},
                             {kClientVersionHeader, std::to_string(kClientVersion)}},
                            Json{{"changes", Json::array({toJson(twin)})}}.dump(), "application/json");
    QVERIFY(pushed && pushed->status == 200);
    QVERIFY2(pushed->body.find("dot_conflict") != std::string::npos, pushed->body.c_str());

    // The app hears of it at its next sync and keeps saying so until the person dismisses it.
    for (int round = 0; round < 2; ++round) {
        synced.clear();
        app->sync()->syncNow();
        QVERIFY(synced.wait(60'000));
        QVERIFY2(synced.first().first().toBool(), qPrintable(app->sync()->lastError()));
        QVERIFY2(app->sync()->alarm().contains(QStringLiteral("không do máy này ghi")),
                 qPrintable(app->sync()->alarm()));
    }
    app->sync()->dismissAlarm();
    QVERIFY(app->sync()->alarm().isEmpty());
    // Its own version stands on the server.
    auto mine = otherSync.sync();
    QVERIFY(mine.ok());
    auto record = (*other)->get("petition", toStd(petition.recordId()));
    QVERIFY(record.ok() && record->has_value());
    QCOMPARE(QString::fromStdString((*record)->values["title"].get<std::string>()),
             QStringLiteral("Kiến nghị thật của máy này"));
}

void AppEndToEndTest::residentsNotSatisfiedAtTheNextMeetingReopenThePetitionOnTheServer() {
    QTemporaryDir dir;
    test::ServerProcess server(NGHEDAN_SERVER_BINARY, (dir.path() + "/server").toStdString(), {"--demo"});
    QVERIFY2(server.start(), "the demo server did not start");
    auto app = signedInApp(dir, server);
    QVERIFY(app);
    UnitListModel units;
    units.setParentId(app->session()->scopeUnit());
    QVERIFY(units.count() > 0);
    const QString hood = units.idAt(0);

    // An earlier visit raised a petition, answered since; this week's visit reports it back.
    const auto when = [](int days) {
        return QDateTime::currentDateTime().addDays(days).toTimeZone(vietnamTimeZone()).toString("dd/MM/yyyy HH:mm");
    };
    MeetingController earlier;
    QVERIFY2(earlier.create(hood, when(-7), {}), qPrintable(earlier.lastError()));
    PetitionController petition;
    QVERIFY(petition.createAtMeeting(earlier.recordId(), "urban_transport", "Xe khách dừng đón khách trong hẻm 5"));
    QVERIFY(petition.setField("resolution", "Đã cắm biển cấm dừng đỗ đầu hẻm."));
    for (const char* status : {"assigned", "in_progress", "resolved"})
        QVERIFY2(petition.setStatus(status), qPrintable(petition.lastError()));
    MeetingController now;
    QVERIFY(now.create(hood, when(0), {}));
    ReportBackModel reportBack;
    reportBack.setMeetingId(now.recordId());
    QVERIFY(reportBack.rowOf(petition.recordId()) >= 0);
    QVERIFY2(reportBack.record(petition.recordId(), "unsatisfied", "Buổi tối xe vẫn dừng trong hẻm"),
             qPrintable(reportBack.lastError()));

    QSignalSpy synced(app->sync(), &SyncController::finished);
    app->sync()->syncNow();
    QVERIFY(synced.wait(60'000));
    QVERIFY2(synced.first().first().toBool(), qPrintable(app->sync()->lastError()));
    QCOMPARE(app->sync()->pendingCount(), 0);
    QCOMPARE(app->sync()->refusedCount(), 0);

    // The server's read API (a supervisor's dashboard session) shows the petition reopened.
    httplib::Client http(server.url());
    const std::string cookie = dashboardCookie(http, "giamsat.q12");
    QVERIFY(!cookie.empty());
    auto read = http.Get("/api/v1/petitions/" + toStd(petition.recordId()), {{"Cookie", cookie}});
    QVERIFY(read && read->status == 200);
    const Json page = Json::parse(read->body);
    const Json& row = page["petition"];
    QCOMPARE(QString::fromStdString(row["status"].get<std::string>()), QStringLiteral("in_progress"));
    QCOMPARE(QString::fromStdString(row["status_reason"].get<std::string>()),
             QStringLiteral("Người dân chưa hài lòng khi báo cáo lại: Buổi tối xe vẫn dừng trong hẻm"));
    QVERIFY(row["resolved_at"].is_null());

    // The report_back record is on the server: another tablet of the district receives it.
    auto other = Replica::open((dir.path() + "/other.db").toStdString());
    QVERIFY(other.ok());
    SyncClientOptions options;
    options.baseUrl = server.url();
    SyncClient otherSync(**other, options);
    QVERIFY(otherSync.login("giamsat.q12", "demo1234").ok());
    QVERIFY(otherSync.sync().ok());
    ListQuery q;
    q.entity = "report_back";
    q.equals["petition"] = {toStd(petition.recordId())};
    auto verdicts = (*other)->list(q);
    QVERIFY(verdicts.ok());
    QCOMPARE(verdicts->total, std::int64_t{1});
    const Json& verdict = verdicts->rows.front();
    QCOMPARE(toQString(jsonString(verdict, "verdict")), QStringLiteral("unsatisfied"));
    QCOMPARE(toQString(jsonString(verdict, "meeting")), now.recordId());
    QCOMPARE(toQString(jsonString(verdict, "note")), QStringLiteral("Buổi tối xe vẫn dừng trong hẻm"));
    QCOMPARE(toQString(jsonString(verdict, "unit")), hood);
}

void AppEndToEndTest::aPhotoAttachedOfflineReachesTheDashboardAndAnotherTablet() {
    QTemporaryDir dir;
    test::ServerProcess server(NGHEDAN_SERVER_BINARY, (dir.path() + "/server").toStdString(), {"--demo"});
    QVERIFY2(server.start(), "the demo server did not start");
    auto app = signedInApp(dir, server);
    QVERIFY(app);

    // Offline: the server is gone while the official captures a petition and photographs it.
    server.kill9();
    PetitionController petition;
    QVERIFY(petition.create(app->session()->scopeUnit(), "urban_transport",
                            "Xe khách đậu trên vỉa hè đường Thới An"));
    QImage shot(2600, 1400, QImage::Format_RGB32);
    shot.fill(QColor(40, 90, 160));
    for (int x = 0; x < shot.width(); x += 97) shot.setPixel(x, x % shot.height(), qRgb(250, 250, 0));
    const QString photoPath = dir.path() + "/xe-khach.jpg";
    QVERIFY(shot.save(photoPath, "JPEG", 92));
    AttachmentListModel attachments;
    attachments.setParentEntity("petition");
    attachments.setParentId(petition.recordId());
    QVERIFY2(attachments.addFile(QUrl::fromLocalFile(photoPath), "Xe khách đậu trên vỉa hè"),
             qPrintable(attachments.lastError()));
    QCOMPARE(attachments.count(), 1);
    const QString full = attachments.get(0).value("fullSource").toString();
    // "image://blob/<hash>#<generation>" (the fragment makes QML reload it once it arrives)
    const std::string hash = toStd(full.mid(full.lastIndexOf('/') + 1).section('#', 0, 0));
    QVERIFY2(isBlobHash(hash), full.toUtf8().constData());

    // Back online: the records go first, then the photo's bytes in the background.
    QVERIFY2(server.start(), "the server did not restart");
    QSignalSpy synced(app->sync(), &SyncController::finished);
    QSignalSpy blobs(app->sync(), &SyncController::blobsChanged);
    app->sync()->syncNow();
    QVERIFY(synced.wait(60'000));
    QVERIFY2(synced.first().first().toBool(), qPrintable(app->sync()->lastError()));
    QCOMPARE(app->sync()->pendingCount(), 0);
    QCOMPARE(app->sync()->refusedCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!app->sync()->blobsRunning() && blobs.count() > 0, 60'000);

    // A supervisor's dashboard session sees the photo, and its bytes are the tablet's.
    httplib::Client http(server.url());
    const std::string cookie = dashboardCookie(http, "giamsat.q12");
    QVERIFY(!cookie.empty());
    auto read = http.Get("/api/v1/petitions/" + toStd(petition.recordId()), {{"Cookie", cookie}});
    QVERIFY(read && read->status == 200);
    const Json page = Json::parse(read->body);
    QCOMPARE(page["attachments"].size(), std::size_t{1});
    const Json& shown = page["attachments"][0];
    QCOMPARE(QString::fromStdString(shown["sha256"].get<std::string>()), toQString(hash));
    QVERIFY(shown["available"].get<bool>());
    auto bytes = http.Get("/api/v1/blobs/" + hash, {{"Cookie", cookie}});
    QVERIFY(bytes && bytes->status == 200);
    auto local = LocalBlobs::instance()->store();
    QVERIFY(local);
    auto reader = local->open(hash);
    QVERIFY(reader.ok());
    std::string mine((*reader)->size(), '\0');
    QCOMPARE(*(*reader)->read(0, mine.data(), mine.size()), mine.size());
    QVERIFY(bytes->body == mine);
    QVERIFY(mine.size() < 1'000'000);  // scaled to 2048 px and re-encoded, not the original
    Sha256 digest;
    digest.update(bytes->body.data(), bytes->body.size());
    QCOMPARE(QString::fromStdString(digest.hexDigest()), toQString(hash));

    // Another tablet of the district receives the record, then fetches the photo on demand.
    auto other = Replica::open((dir.path() + "/other.db").toStdString());
    QVERIFY(other.ok());
    SyncClientOptions options;
    options.baseUrl = server.url();
    SyncClient otherSync(**other, options);
    QVERIFY(otherSync.login("giamsat.q12", "demo1234").ok());
    QVERIFY(otherSync.sync().ok());
    auto otherStore = openFileBlobStore((dir.path() + "/other.blobs").toStdString());
    QVERIFY(otherStore.ok());
    BlobSync otherBlobs(**other, **otherStore, otherSync.options());
    auto fetched = otherBlobs.fetchFull(toStd(attachments.get(0).value("attachmentId").toString()));
    QVERIFY2(fetched.ok(), fetched.ok() ? "" : fetched.error().message.c_str());
    QCOMPARE(QString::fromStdString(*fetched), toQString(hash));
    QCOMPARE(*(*otherStore)->size(hash), std::uint64_t{mine.size()});
}

QTEST_GUILESS_MAIN(AppEndToEndTest)
#include "tst_app_e2e.moc"

void AppEndToEndTest::overHttpsTheAppTrustsOnlyTheConfiguredCa() {
    QTemporaryDir dir;
    const std::string certs = (dir.path() + "/certs").toStdString();
    QVERIFY(QDir().mkpath(QString::fromStdString(certs)));
    const std::string made = test::makeTestCa(certs);
    QVERIFY2(made.empty(), made.c_str());
    test::ServerProcess server(NGHEDAN_SERVER_BINARY, (dir.path() + "/server").toStdString(),
                               {"--demo", "--tls-cert", certs + "/server.pem", "--tls-key", certs + "/server.key"});
    QVERIFY2(server.start(), "the demo server did not start");
    QVERIFY(QString::fromStdString(server.url()).startsWith(u"https://"));

    // Without the city's CA the sign-in fails, saying why in Vietnamese.
    qunsetenv("NGHEDAN_CA_FILE");
    QString error;
    auto app = AppServices::start(dir.path() + "/untrusting", QString::fromStdString(server.url()), &error);
    QVERIFY2(app, qPrintable(error));
    QSignalSpy errorShown(app->session(), &SessionController::lastErrorChanged);
    app->session()->signIn("canbo.q12", "demo1234");
    QVERIFY(errorShown.wait(30'000));
    QVERIFY(!app->session()->signedIn());
    QVERIFY2(app->session()->lastError().contains(QStringLiteral("chứng chỉ")),
             qPrintable(app->session()->lastError()));
    app.reset();

    // Provisioned with it, the tablet signs in and syncs over HTTPS.
    qputenv("NGHEDAN_CA_FILE", QByteArray::fromStdString(certs + "/ca.pem"));
    auto trusting = signedInApp(dir, server);
    qunsetenv("NGHEDAN_CA_FILE");
    QVERIFY(trusting);
    RecordListModel list;
    list.setEntity("petition");
    list.setUnitId(trusting->session()->scopeUnit());
    QVERIFY2(list.total() > 0, "the demo server's petitions did not arrive over HTTPS");
}
