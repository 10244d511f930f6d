// Child process of tst_minutes_kill: opens the real MeetingPage on a replica and types into
// the minutes like a person, printing "SAVED <chars>" after every durable save and
// "TYPED <chars>" as it goes, until it is killed.

#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickView>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>

#include "app_services.h"
#include "record_controller.h"
#include "session_controller.h"

Q_IMPORT_QML_PLUGIN(NgheDanPlugin)
Q_IMPORT_QML_PLUGIN(NgheDan_UiPlugin)

/** The text typed, char by char (the parent knows it too). */
QString typedText() {
    QString text;
    for (int i = 0; text.size() < 4000; ++i)
        text += QStringLiteral("Y kien so %1 cua nguoi dan ve rac thai. ").arg(i);
    return text;
}

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv);
    if (argc < 3) return 2;
    QQuickStyle::setStyle(QStringLiteral("Material"));
    QString error;
    auto services = nghedan::client::AppServices::start(QString::fromLocal8Bit(argv[1]), {}, &error);
    if (!services) {
        std::fprintf(stderr, "cannot start: %s\n", qPrintable(error));
        return 1;
    }
    services->session()->signInOffline(QStringLiteral("can.bo.lan"), QStringLiteral("Cán bộ"), {});

    QQuickView view;
    view.setInitialProperties({{QStringLiteral("recordId"), QString::fromLocal8Bit(argv[2])}});
    view.setSource(QUrl(QStringLiteral("qrc:/NgheDan/Ui/MeetingPage.qml")));
    view.resize(1280, 800);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view)) return 3;
    auto* area = view.rootObject()->findChild<QQuickItem*>(QStringLiteral("minutesArea"));
    auto* controller = view.rootObject()->property("controller").value<nghedan::client::RecordController*>();
    if (!area || !controller) return 4;
    QObject::connect(controller, &nghedan::client::RecordController::saved, [controller] {
        std::printf("SAVED %lld\n", static_cast<long long>(controller->values().value("minutes").toString().size()));
        std::fflush(stdout);
    });
    area->forceActiveFocus();
    const QString text = typedText();
    for (int i = 0; i < text.size(); ++i) {
        QTest::keyClick(&view, text.at(i).toLatin1());
        std::printf("TYPED %d\n", i + 1);
        std::fflush(stdout);
        // A fast typist with pauses: the debounce (1 s) fires during the pauses.
        QTest::qWait(i % 40 == 39 ? 1300 : 15);
    }
    return 0;
}
