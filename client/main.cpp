// nghedan: the tablet app. Wiring only: services, then the QML engine.

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QtQml/qqmlextensionplugin.h>

#include "app_services.h"
#include "device_lock.h"
#include "replica_service.h"

Q_IMPORT_QML_PLUGIN(NgheDanPlugin)
Q_IMPORT_QML_PLUGIN(NgheDan_UiPlugin)

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("nghedan"));
    QGuiApplication::setOrganizationName(QStringLiteral("NgheDan"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Nghe Dân"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("NgheDan tablet app"));
    parser.addHelpOption();
    QCommandLineOption dataOption(QStringLiteral("data"), QStringLiteral("Data directory."), QStringLiteral("DIR"));
    QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Sync server URL."), QStringLiteral("URL"));
    parser.addOption(dataOption);
    parser.addOption(serverOption);
    parser.process(app);

    QString dataDir = parser.value(dataOption);
    if (dataDir.isEmpty()) dataDir = qEnvironmentVariable("NGHEDAN_APP_DATA");
    if (dataDir.isEmpty()) dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString server = parser.value(serverOption);
    if (server.isEmpty()) server = qEnvironmentVariable("NGHEDAN_SERVER");

    QString error;
    auto services = nghedan::client::AppServices::start(dataDir, server, &error);
    if (!services) {
        qCritical("nghedan: cannot open the data in %s: %s", qPrintable(dataDir), qPrintable(error));
        return 1;
    }

    // The official's PIN guards the data on the tablet (DeviceLock).
    services->deviceLock()->setRequired(true);
    QQuickStyle::setStyle(QStringLiteral("Material"));
    int exitCode = 0;
    {
        QQmlApplicationEngine engine;
        QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                         [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
        services->replica()->holdLoadsUntilShown();
        engine.load(QUrl(QStringLiteral("qrc:/NgheDan/Ui/Main.qml")));
        if (engine.rootObjects().isEmpty()) return 1;
        // Lists and counts load once the first frame is on screen.
        if (auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst())) {
            QObject::connect(window, &QQuickWindow::frameSwapped, services->replica(),
                             [replica = services->replica()] { replica->markShown(); },
                             Qt::SingleShotConnection);
        } else {
            services->replica()->markShown();
        }
        exitCode = QGuiApplication::exec();
    }
    return exitCode;
}
