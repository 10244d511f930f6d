// The per-role walk: the real app window (Main.qml) signed in as a demo user of a real
// nghedan-server (--demo) on loopback. NGHEDAN_WALK_USER picks the user (canbo.q3 by default).

#include <QtQml/qqmlextensionplugin.h>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtQuickTest>
#include <memory>

#include "app_services.h"
#include "replica_service.h"
#include "server_process.h"
#include "session_controller.h"
#include "sync_controller.h"

Q_IMPORT_QML_PLUGIN(NgheDanPlugin)
Q_IMPORT_QML_PLUGIN(NgheDan_UiPlugin)

/** The demo server's flags: NGHEDAN_WALK_TREE=two-tier seeds today's two-tier city. */
std::vector<std::string> demoArgs() {
    std::vector<std::string> args = {"--demo"};
    if (qEnvironmentVariable("NGHEDAN_WALK_TREE") == u"two-tier")
        args.insert(args.end(), {"--demo-tree", "two-tier"});
    return args;
}

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable() {
        using namespace nghedan;
        QQuickStyle::setStyle(QStringLiteral("Material"));
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<test::ServerProcess>(NGHEDAN_SERVER_BINARY,
                                                         (m_dir->path() + "/server").toStdString(),
                                                         demoArgs());
        if (!m_server->start()) qFatal("the demo server did not start");
        QString error;
        m_services = client::AppServices::start(m_dir->path() + "/app",
                                                QString::fromStdString(m_server->url()), &error);
        if (!m_services) qFatal("cannot start the services: %s", qPrintable(error));
        const QString user = qEnvironmentVariableIsSet("NGHEDAN_WALK_USER")
                                 ? qEnvironmentVariable("NGHEDAN_WALK_USER")
                                 : QStringLiteral("canbo.q3");
        QSignalSpy synced(m_services->sync(), &client::SyncController::finished);
        m_services->session()->signIn(user, QStringLiteral("demo1234"));
        if (!synced.wait(120'000) || !synced.first().first().toBool())
            qFatal("%s did not sign in and sync: %s", qPrintable(user),
                   qPrintable(m_services->sync()->lastError()));
        qInfo("%s signed in; the tablet holds %llu changes", qPrintable(user),
              static_cast<unsigned long long>(
                  m_services->replica()->with([](Replica& r) { return r.changeCount(); })));
    }
    /** NGHEDAN_WALK_SHOTS=DIR: the walk saves what it shows there ("walkShots" in QML). */
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->rootContext()->setContextProperty(QStringLiteral("walkShots"),
                                                  qEnvironmentVariable("NGHEDAN_WALK_SHOTS"));
    }
    void cleanupTestCase() {
        m_services.reset();
        m_server.reset();
        m_dir.reset();
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<nghedan::test::ServerProcess> m_server;
    std::unique_ptr<nghedan::client::AppServices> m_services;
};

QUICK_TEST_MAIN_WITH_SETUP(nghedan_walk, Setup)
#include "walk_test_main.moc"
