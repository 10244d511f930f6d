// Renders each page and dialog of the app with the demo data, in landscape 1280×800 and
// portrait 800×1280 ("-portrait"), to PNG files (run by scripts/screenshots.sh under xvfb-run).
// Tooling only: it drives Main.qml's navigation functions from C++, which the app itself never
// does.

#include <QtQml/qqmlextensionplugin.h>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>
#include <functional>

#include "app_services.h"
#include "app_settings.h"
#include "attachment_list_model.h"
#include "device_lock.h"
#include "demo_seed.h"
#include "meeting_controller.h"
#include "petition_controller.h"
#include "report_back_model.h"
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
        // Each view in landscape, then in portrait ("-portrait"); `open` runs after the resize
        // and `close` after the shot.
        struct Orientation {
            int width, height;
            QString suffix;
        };
        const Orientation orientations[] = {{1280, 800, QString()},
                                            {800, 1280, QStringLiteral("-portrait")}};
        auto both = [&](const QString& name, const std::function<void()>& open,
                        const std::function<void()>& close = {}) {
            for (const Orientation& o : orientations) {
                window->resize(o.width, o.height);
                settle(200);
                open();
                shoot(name + o.suffix);
                if (close) close();
            }
        };
        auto closePopups = [&]() {
            // Dialogs are QQuickPopup objects (not items): close every open one.
            for (QObject* object : window->findChildren<QObject*>()) {
                for (const QMetaObject* meta = object->metaObject(); meta;
                     meta = meta->superClass()) {
                    if (qstrcmp(meta->className(), "QQuickPopup") != 0) continue;
                    if (object->property("opened").toBool())
                        QMetaObject::invokeMethod(object, "close");
                    break;
                }
            }
            settle(400);
        };
        auto callOnPage = [&](const char* function, const QVariantList& args = {}) {
            if (QObject* page = currentPage()) call(page, function, args);
        };
        const QString weekMeeting = client::toQString(ids.weekMeeting);

        both(QStringLiteral("sign-in"), [] {});

        services->session()->signInOffline(QStringLiteral("can.bo.lan"), QStringLiteral("Nguyễn Thị Lan"),
                                           client::toQString(ids.ward));
        // A new meeting in this week's neighbourhood: its open petitions are carried over, and
        // someone with a long name and role attends.
        QString newMeeting;
        {
            client::MeetingController meeting;
            if (!meeting.create(
                    client::toQString(ids.neighbourhood),
                    QDateTime::currentDateTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")),
                    {}) ||
                !meeting.addAttendee(
                    QStringLiteral("Nguyễn Trần Hoàng Thị Phương Thảo Nguyên (đại diện các hộ kinh "
                                   "doanh chợ Thới An)"),
                    QStringLiteral(
                        "Tổ trưởng tổ dân phố số 12, kiêm trưởng ban công tác mặt trận")))
                qFatal("screenshots: cannot create the new meeting");
            newMeeting = meeting.recordId();
        }

        // The next visit to Khu phố 1: the earlier visit's petitions reported back, one of them
        // answered and accepted by the residents; then the neighbourhood's results notice.
        QString reportMeeting;
        {
            client::PetitionController answered;
            client::PetitionController drains;
            if (!answered.createAtMeeting(client::toQString(ids.pastMeeting), QStringLiteral("security_order"),
                                          QStringLiteral("Đèn đường hẻm 7 đường Thới An 16 không sáng")) ||
                !answered.setField(QStringLiteral("resolution"),
                                   QStringLiteral("Điện lực Quận 12 đã thay 6 bóng đèn, hẻm sáng trở lại.")) ||
                !answered.setStatus(QStringLiteral("assigned")) || !answered.setStatus(QStringLiteral("in_progress")) ||
                !answered.setStatus(QStringLiteral("resolved")) ||
                !drains.createAtMeeting(client::toQString(ids.pastMeeting), QStringLiteral("environment_sanitation"),
                                        QStringLiteral("Cống thoát nước đường Thới An 16 bị nghẹt, ngập khi mưa")) ||
                !drains.setField(QStringLiteral("resolution"),
                                 QStringLiteral("Đã nạo vét 120 m cống; nước thoát bình thường.")) ||
                !drains.setStatus(QStringLiteral("assigned")) || !drains.setStatus(QStringLiteral("in_progress")) ||
                !drains.setStatus(QStringLiteral("resolved")) ||
                !answered.setField(QStringLiteral("public"), true) || !drains.setField(QStringLiteral("public"), true) ||
                !drains.setField(QStringLiteral("public_note"),
                                 QStringLiteral("Phường kiểm tra lại sau mỗi trận mưa lớn.")))
                qFatal("screenshots: cannot answer the earlier petitions");
            client::MeetingController meeting;
            if (!meeting.create(client::toQString(ids.otherNeighbourhood),
                                QDateTime::currentDateTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")), {}))
                qFatal("screenshots: cannot create the report-back meeting");
            reportMeeting = meeting.recordId();
            client::ReportBackModel reportBack;
            reportBack.setMeetingId(reportMeeting);
            if (!reportBack.record(answered.recordId(), QStringLiteral("satisfied")))
                qFatal("screenshots: cannot record a verdict");
        }
        both(QStringLiteral("home"), [&] { call(root, "goHome"); });
        both(QStringLiteral("meeting"), [&] {
            call(root, "goHome");
            call(root, "openMeeting", {weekMeeting});
        });
        both(QStringLiteral("meeting-new"), [&] {
            call(root, "goHome");
            call(root, "openMeeting", {newMeeting});
        });
        both(
            QStringLiteral("petition-capture"),
            [&] {
                call(root, "goHome");
                call(root, "openMeeting", {weekMeeting});
                settle(400);
                callOnPage("capturePetition");
            },
            closePopups);
        // The receipt code shown after a petition is captured at the meeting.
        both(QStringLiteral("receipt-code"), [&] {
            call(root, "goHome");
            call(root, "openMeeting", {weekMeeting});
            settle(400);
            callOnPage("capturePetition");
            settle(600);
            QObject* page = currentPage();
            if (!page) return;
            auto* title = page->findChild<QObject*>(QStringLiteral("petitionTitleField"));
            if (!title) return;
            title->setProperty("text", QStringLiteral("Cây xanh gãy đổ chắn lối đi cuối hẻm 45"));
            // The dialog around the field: pick the category and save, as its buttons do.
            QObject* dialog = title;
            while (dialog && !dialog->property("canSave").isValid()) dialog = dialog->parent();
            if (!dialog) return;
            dialog->setProperty("category", QStringLiteral("environment_sanitation"));
            QMetaObject::invokeMethod(dialog, "save");
        });
        both(QStringLiteral("report-back"), [&] {
            call(root, "goHome");
            call(root, "openMeeting", {reportMeeting});
        });
        both(QStringLiteral("results-notice"), [&] {
            call(root, "goHome");
            call(root, "openResultsNotice", {client::toQString(ids.otherNeighbourhood), reportMeeting});
        });
        both(QStringLiteral("petition"), [&] {
            call(root, "goHome");
            call(root, "openPetition", {client::toQString(ids.transportPetition)});
        });
        both(
            QStringLiteral("reason"),
            [&] {
                call(root, "goHome");
                call(root, "openPetition", {client::toQString(ids.transportPetition)});
                settle(400);
                callOnPage("requestStatus", {QStringLiteral("escalated")});
            },
            closePopups);
        both(QStringLiteral("petition-conflict-banner"), [&] {
            call(root, "goHome");
            call(root, "openPetition", {client::toQString(ids.conflictPetition)});
        });
        both(QStringLiteral("conflict"), [&] {
            call(root, "goHome");
            call(root, "openConflicts",
                 {QStringLiteral("petition"), client::toQString(ids.conflictPetition)});
        });
        both(QStringLiteral("directive"), [&] {
            call(root, "goHome");
            call(root, "openDirective", {client::toQString(ids.directive)});
        });
        both(QStringLiteral("petitions"), [&] {
            call(root, "showList", {QStringLiteral("petition"), false});
        });
        both(QStringLiteral("petitions-search-duc"), [&] {
            call(root, "showList", {QStringLiteral("petition"), false});
            settle(200);
            if (QObject* search = window->findChild<QObject*>(QStringLiteral("searchField")))
                search->setProperty("text", QStringLiteral("duc"));
        });
        both(QStringLiteral("meetings"), [&] {
            call(root, "showList", {QStringLiteral("meeting"), false});
        });
        both(QStringLiteral("directives"), [&] {
            call(root, "showList", {QStringLiteral("directive"), false});
        });
        both(QStringLiteral("directives-overdue"), [&] {
            call(root, "showList", {QStringLiteral("directive"), true});
        });
        both(QStringLiteral("not-accepted"), [&] { call(root, "showRefused"); });
        both(QStringLiteral("settings"), [&] { call(root, "showSettings"); });
        // What a tablet shows after the server told it a change was forged in its name.
        services->settings()->setValue(
            QStringLiteral("sync/alarm"),
            QStringLiteral("01/12/2026 09:15: Máy chủ đã nhận 1 thay đổi mang mã của máy này nhưng "
                           "không do máy này ghi. Hãy báo quản trị viên."));
        both(QStringLiteral("settings-alarm"), [&] {
            call(root, "goHome");
            call(root, "showSettings");
        });
        services->settings()->setValue(QStringLiteral("sync/alarm"), QString());
        both(
            QStringLiteral("new-meeting"),
            [&] {
                call(root, "goHome");
                call(root, "newRecord", {QStringLiteral("meeting")});
            },
            closePopups);
        both(
            QStringLiteral("quick-petition"),
            [&] {
                call(root, "goHome");
                call(root, "newRecord", {QStringLiteral("petition")});
            },
            closePopups);
        both(
            QStringLiteral("new-directive"),
            [&] {
                call(root, "goHome");
                call(root, "newRecord", {QStringLiteral("directive")});
            },
            closePopups);

        // Photos and a document of a petition (client/attachment_list_model.h): scenes drawn
        // here stand in for the camera's photos.
        {
            client::AttachmentListModel attachments;
            attachments.setParentEntity(QStringLiteral("petition"));
            attachments.setParentId(client::toQString(ids.transportPetition));
            const auto photo = [&](const QString& name, QColor sky, QColor bus, int width, int height,
                                   const QString& caption) {
                QImage image(width, height, QImage::Format_RGB32);
                image.fill(sky);
                QPainter p(&image);
                p.fillRect(0, height * 2 / 3, width, height / 3, QColor(0x55, 0x55, 0x55));
                p.fillRect(width / 6, height / 3, width / 2, height / 3 + 10, bus);
                for (int i = 0; i < 5; ++i)
                    p.fillRect(width / 6 + 20 + i * width / 11, height / 3 + 20, width / 14, height / 10,
                               QColor(0xCF, 0xE8, 0xF7));
                p.setBrush(Qt::black);
                p.drawEllipse(QPoint(width / 4, height * 2 / 3 + 10), height / 14, height / 14);
                p.drawEllipse(QPoint(width * 7 / 12, height * 2 / 3 + 10), height / 14, height / 14);
                p.end();
                const QString path = dir.filePath(name);
                image.save(path, "JPEG", 90);
                if (!attachments.addFile(QUrl::fromLocalFile(path), caption))
                    qFatal("screenshots: cannot attach: %s", qPrintable(attachments.lastError()));
            };
            photo(QStringLiteral("IMG_2041.jpg"), QColor(0x9C, 0xC9, 0xE8), QColor(0xC6, 0x28, 0x28), 1600, 1200,
                  QStringLiteral("Xe khách đỗ đón trả khách trước nhà số 12, đường Thới An"));
            photo(QStringLiteral("IMG_2042.jpg"), QColor(0xB8, 0xD8, 0xEE), QColor(0x2E, 0x7D, 0x32), 1200, 1600,
                  QStringLiteral("Hàng xe chiếm lòng đường lúc 6 giờ sáng"));
            photo(QStringLiteral("IMG_2043.jpg"), QColor(0xF0, 0xC8, 0x8A), QColor(0x15, 0x58, 0xA8), 1600, 900,
                  QString());
            const QString pdf = dir.filePath(QStringLiteral("bien-ban-khao-sat.pdf"));
            QFile file(pdf);
            if (file.open(QIODevice::WriteOnly)) file.write("%PDF-1.4\n% bien ban khao sat\n");
            file.close();
            if (!attachments.addFile(QUrl::fromLocalFile(pdf), QStringLiteral("Biên bản khảo sát của phường")))
                qFatal("screenshots: cannot attach the document: %s", qPrintable(attachments.lastError()));
        }
        // The page scrolled to its "Ảnh và tài liệu" card.
        auto showAttachments = [&] {
            call(root, "goHome");
            call(root, "openPetition", {client::toQString(ids.transportPetition)});
            settle(800);
            auto* card = window->findChild<QQuickItem*>(QStringLiteral("petitionAttachments"));
            if (!card) return;
            for (QQuickItem* p = card->parentItem(); p; p = p->parentItem()) {
                if (!p->property("contentY").isValid() || !p->property("contentHeight").isValid()) continue;
                const QPointF at = card->mapToItem(p->property("contentItem").value<QQuickItem*>(), QPointF(0, 0));
                const qreal maxY = std::max(0.0, p->property("contentHeight").toReal() - p->height());
                p->setProperty("contentY", std::min(std::max(0.0, at.y() - 16), maxY));
                break;
            }
        };
        both(QStringLiteral("attachments"), showAttachments);
        both(
            QStringLiteral("attachments-view"),
            [&] {
                showAttachments();
                settle(300);
                if (auto* card = window->findChild<QQuickItem*>(QStringLiteral("petitionAttachments")))
                    QMetaObject::invokeMethod(card, "openAttachment", Q_ARG(int, 0));
            },
            closePopups);

        window->resize(1280, 800);
        services->settings()->setLanguage(QStringLiteral("en"));
        call(root, "goHome");
        shoot(QStringLiteral("home-english"));
        call(root, "openPetition", {client::toQString(ids.transportPetition)});
        shoot(QStringLiteral("petition-english"));

        // The PIN lock: the first PIN, then the wait after wrong PINs (client/device_lock.h).
        client::DeviceLock* lock = services->deviceLock();
        lock->setRequired(true);
        services->settings()->setLanguage(QStringLiteral("vi"));
        call(root, "goHome");
        both(QStringLiteral("lock-set-pin"), [] {});
        lock->setPin(QStringLiteral("246810"), QStringLiteral("246810"));
        lock->lock();
        for (int i = 0; i < 4; ++i) lock->unlock(QStringLiteral("000000"));
        both(QStringLiteral("lock"), [] {});

    }
    return failures == 0 ? 0 : 1;
}
