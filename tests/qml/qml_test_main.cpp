// Qt Quick Tests of the real pages, with the real services over a replica of demo data.

#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>
#include <memory>

#include "app_services.h"
#include "demo_seed.h"
#include "replica_service.h"
#include "session_controller.h"
#include "value_format.h"

Q_IMPORT_QML_PLUGIN(NgheDanPlugin)
Q_IMPORT_QML_PLUGIN(NgheDan_UiPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable() {
        using namespace nghedan;
        QQuickStyle::setStyle(QStringLiteral("Material"));
        m_dir = std::make_unique<QTemporaryDir>();
        QString error;
        m_services = client::AppServices::start(m_dir->path(), {}, &error);
        if (!m_services) qFatal("cannot start the services: %s", qPrintable(error));
        std::string seedError;
        demo::DemoIds ids;
        if (!m_services->replica()->with([&](Replica& r) { return demo::seedDemo(r, "can.bo.lan", ids, &seedError); }))
            qFatal("cannot seed: %s", seedError.c_str());
        m_services->session()->signInOffline(QStringLiteral("can.bo.lan"), QStringLiteral("Nguyễn Thị Lan"),
                                             client::toQString(ids.ward));
        m_services->replica()->announce({});
    }
    void cleanupTestCase() {
        m_services.reset();
        m_dir.reset();
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<nghedan::client::AppServices> m_services;
};

QUICK_TEST_MAIN_WITH_SETUP(nghedan_pages, Setup)
#include "qml_test_main.moc"
