// Renders each main page of the app with the demo data to PNG files (run by
// scripts/screenshots.sh under xvfb-run). Tooling only: it drives Main.qml's navigation
// functions from C++, which the app itself never does.

#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include "app_services.h"
#include "app_settings.h"
#include "demo_seed.h"
#include "replica_service.h"
#include "session_controller.h"
#include "value_format.h"

Q_IMPORT_QML_PLUGIN(NgheDanPlugin)
Q_IMPORT_QML_PLUGIN(NgheDan_UiPlugin)

using namespace nghedan;

namespace {

void settle(int ms = 600) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool call(QObject* root, const char* function, const QVariantList& args = {}) {
    QVariant ret;
    bool ok = false;
    switch (args.size()) {
    case 0: ok = QMetaObject::invokeMethod(root, function); break;
    case 1:
        ok = QMetaObject::invokeMethod(root, function, Q_ARG(QString, args[0].toString())) ||
             QMetaObject::invokeMethod(root, function, Q_ARG(QVariant, args[0]));
        break;
    case 2:
        ok = (args[1].typeId() == QMetaType::Bool
                  ? QMetaObject::invokeMethod(root, function, Q_ARG(QString, args[0].toString()),
                                              Q_ARG(bool, args[1].toBool()))
                  : QMetaObject::invokeMethod(root, function, Q_ARG(QString, args[0].toString()),
                                              Q_ARG(QString, args[1].toString()))) ||
             QMetaObject::invokeMethod(root, function, Q_ARG(QString, args[0].toString()), Q_ARG(bool, args[1].toBool())) ||
             QMetaObject::invokeMethod(root, function, Q_ARG(QVariant, args[0]), Q_ARG(QVariant, args[1]));
        break;
    }
    if (!ok) qWarning("screenshots: cannot call %s", function);
    return ok;
}

}  // namespace

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv);
    const QString outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots");
    QDir().mkpath(outDir);
    QQuickStyle::setStyle(QStringLiteral("Material"));

    QTemporaryDir dir;
    QString error;
    auto services = client::AppServices::start(dir.path(), QStringLiteral("http://127.0.0.1:9"), &error);
    if (!services) qFatal("cannot start: %s", qPrintable(error));
    demo::DemoIds ids;
    std::string seedError;
    if (!services->replica()->with([&](Replica& r) { return demo::seedDemo(r, "can.bo.lan", ids, &seedError); }))
        qFatal("cannot seed: %s", seedError.c_str());
    services->replica()->announce({});
    services->settings()->setValue(QStringLiteral("session/username"), QStringLiteral("can.bo.lan"));

    int failures = 0;
    {
        QQmlApplicationEngine engine;
        engine.load(QUrl(QStringLiteral("qrc:/NgheDan/Ui/Main.qml")));
        if (engine.rootObjects().isEmpty()) return 1;
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        QObject* root = window;
        auto shoot = [&](const QString& name, int ms = 1500) {
            settle(ms);
            const QImage image = window->grabWindow();
            const QString path = outDir + QStringLiteral("/app-") + name + QStringLiteral(".png");
            if (image.isNull() || !image.save(path)) {
                qWarning("screenshots: cannot write %s", qPrintable(path));
                ++failures;
            } else {
                qInfo("%s", qPrintable(path));
            }
        };
        auto currentPage = [&]() -> QObject* {
            auto* stack = window->findChild<QObject*>(QStringLiteral("stack"));
            return stack ? stack->property("currentItem").value<QObject*>() : nullptr;
        };
        window->resize(1280, 800);
        shoot(QStringLiteral("sign-in"));

        services->session()->signInOffline(QStringLiteral("can.bo.lan"), QStringLiteral("Nguyễn Thị Lan"),
                                           client::toQString(ids.ward));
        shoot(QStringLiteral("home"));

        call(root, "openMeeting", {client::toQString(ids.weekMeeting)});
        shoot(QStringLiteral("meeting"));
        if (QObject* page = currentPage()) QMetaObject::invokeMethod(page, "capturePetition");
        shoot(QStringLiteral("petition-capture"));
        settle(100);
        call(root, "goHome");

        call(root, "openPetition", {client::toQString(ids.transportPetition)});
        shoot(QStringLiteral("petition"));
        call(root, "openPetition", {client::toQString(ids.conflictPetition)});
        shoot(QStringLiteral("petition-conflict-banner"));
        call(root, "openConflicts", {QStringLiteral("petition"), client::toQString(ids.conflictPetition)});
        shoot(QStringLiteral("conflict"));
        call(root, "openDirective", {client::toQString(ids.directive)});
        shoot(QStringLiteral("directive"));

        call(root, "showList", {QStringLiteral("petition"), false});
        shoot(QStringLiteral("petitions"));
        if (QObject* search = window->findChild<QObject*>(QStringLiteral("searchField")))
            search->setProperty("text", QStringLiteral("duc"));
        shoot(QStringLiteral("petitions-search-duc"));
        call(root, "showList", {QStringLiteral("meeting"), false});
        shoot(QStringLiteral("meetings"));
        call(root, "showList", {QStringLiteral("directive"), true});
        shoot(QStringLiteral("directives-overdue"));
        call(root, "showRefused");
        shoot(QStringLiteral("not-accepted"));
        call(root, "showSettings");
        shoot(QStringLiteral("settings"));

        window->resize(800, 1280);
        call(root, "goHome");
        shoot(QStringLiteral("home-portrait"));
        call(root, "openMeeting", {client::toQString(ids.weekMeeting)});
        shoot(QStringLiteral("meeting-portrait"));

        window->resize(1280, 800);
        services->settings()->setLanguage(QStringLiteral("en"));
        call(root, "goHome");
        shoot(QStringLiteral("home-english"));
        call(root, "openPetition", {client::toQString(ids.transportPetition)});
        shoot(QStringLiteral("petition-english"));
    }
    return failures == 0 ? 0 : 1;
}
