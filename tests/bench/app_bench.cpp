// Benchmark of the tablet app with 100,000 petitions in its replica: app start to first
// frame (a fresh process), filter and search latency through the list models, memory.
// Targets: first frame < 1.5 s, search < 50 ms, memory < 300 MB. Prints figures; not a test.
//
// Usage: nghedan-bench-app [--petitions N] [--seed S] [--encrypt]
// --encrypt: the replica is encrypted at rest (encrypted_vfs.h) under a PIN, as on a tablet
// whose official set one; each start unlocks it with the PIN (Argon2id) before the first frame.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>
#include <functional>
#include <QtQml/qqmlextensionplugin.h>
#include <algorithm>
#include <cstdio>
#include <vector>

#include "app_services.h"
#include "device_lock.h"
#include "nghedan/encrypt_file.h"
#include "nghedan/local_key.h"
#include "demo_seed.h"
#include "record_list_model.h"
#include "replica_service.h"
#include "session_controller.h"
#include "value_format.h"

Q_IMPORT_QML_PLUGIN(NgheDanPlugin)
Q_IMPORT_QML_PLUGIN(NgheDan_UiPlugin)

using namespace nghedan;

namespace {

const QString kBenchPin = QStringLiteral("246813");

/** With a PIN set the services start locked: unlock as the official would (timed). */
qint64 unlockIfLocked(client::AppServices& services) {
    if (!keyFileExists(keyFilePath(client::toStd(services.replica()->path())))) return -1;
    QElapsedTimer t;
    t.start();
    services.deviceLock()->unlock(kBenchPin);
    if (services.deviceLock()->state() != QStringLiteral("open") &&
        services.deviceLock()->state() != QStringLiteral("stale"))
        qFatal("unlock failed: %s", qPrintable(services.deviceLock()->state()));
    return t.elapsed();
}

long memoryKb(const char* field) {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith(field)) return line.mid(static_cast<int>(qstrlen(field))).trimmed().split(' ').first().toLong();
    return -1;
}

/** Child mode: start the app on DIR and report when the first frame is on screen. */
int firstFrame(int argc, char* argv[], const QString& dir) {
    QElapsedTimer sinceMain;
    sinceMain.start();
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Material"));
    QString error;
    auto services = client::AppServices::start(dir, {}, &error);
    if (!services) return 1;
    const qint64 unlockMs = unlockIfLocked(*services);
    const qint64 servicesMs = sinceMain.elapsed();
    int frames = 0;
    {
        QQmlApplicationEngine engine;
        services->replica()->holdLoadsUntilShown();  // as main.cpp does
        engine.load(QUrl(QStringLiteral("qrc:/NgheDan/Ui/Main.qml")));
        if (engine.rootObjects().isEmpty()) return 2;
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] {
            if (++frames == 1) {
                std::printf("FIRST_FRAME_MS %lld SERVICES_MS %lld UNLOCK_MS %lld RSS_KB %ld\n",
                            static_cast<long long>(sinceMain.elapsed()), static_cast<long long>(servicesMs),
                            static_cast<long long>(unlockMs), memoryKb("VmRSS:"));
                std::fflush(stdout);
                services->replica()->markShown();
                // The home page's lists and counts fill in during the next frames.
                QTimer::singleShot(0, &app, [&] {
                    QTimer::singleShot(0, &app, [&] {
                        std::printf("HOME_FILLED_MS %lld\n", static_cast<long long>(sinceMain.elapsed()));
                        QTimer::singleShot(500, &app, &QCoreApplication::quit);
                    });
                });
            }
        });
        QGuiApplication::exec();
        std::printf("PEAK_RSS_KB %ld ANON_KB %ld FILE_KB %ld\n", memoryKb("VmHWM:"), memoryKb("RssAnon:"),
                    memoryKb("RssFile:"));
    }
    return frames > 0 ? 0 : 3;
}

struct Timing {
    std::vector<double> ms;
    double median() {
        std::sort(ms.begin(), ms.end());
        return ms.empty() ? 0 : ms[ms.size() / 2];
    }
    double max() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

}  // namespace

int main(int argc, char* argv[]) {
    if (argc >= 3 && qstrcmp(argv[1], "--first-frame") == 0) return firstFrame(argc, argv, QString::fromLocal8Bit(argv[2]));

    std::size_t petitions = 100'000;
    std::uint32_t seed = 20261128;
    bool encrypt = false;
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "--encrypt") == 0) encrypt = true;
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--petitions") == 0) petitions = std::stoul(argv[i + 1]);
        if (qstrcmp(argv[i], "--seed") == 0) seed = static_cast<std::uint32_t>(std::stoul(argv[i + 1]));
    }
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    QString error;
    demo::DemoIds ids;
    {
        QElapsedTimer seeding;
        seeding.start();
        auto services = client::AppServices::start(dir.path(), {}, &error);
        if (!services) qFatal("%s", qPrintable(error));
        std::string seedError;
        const bool ok = services->replica()->with([&](Replica& r) {
            return demo::seedDemo(r, "can.bo.lan", ids, &seedError) &&
                   demo::seedManyPetitions(r, ids, petitions, seed, &seedError);
        });
        if (!ok) qFatal("seeding failed: %s", seedError.c_str());
        services->session()->signInOffline(QStringLiteral("can.bo.lan"), QStringLiteral("Nguyễn Thị Lan"),
                                           client::toQString(ids.ward));
        std::printf("seeded %zu petitions (seed %u) in %.1f s\n", petitions, seed, seeding.elapsed() / 1000.0);
        if (encrypt) {
            const std::string path = client::toStd(services->replica()->path());
            services.reset();  // closes the file
            QElapsedTimer t;
            t.start();
            auto key = createKeyFile(keyFilePath(path), client::toStd(kBenchPin));
            if (!key) qFatal("%s", key.error().message.c_str());
            if (Status s = encryptPlainFile(path, *key); !s) qFatal("%s", s.error().message.c_str());
            std::printf("encrypted at rest: PIN set and file encrypted in place in %.1f s\n", t.elapsed() / 1000.0);
        }
    }
    std::printf("replica %s\n", encrypt ? "ENCRYPTED (XChaCha20-Poly1305 pages, Argon2id PIN)" : "plain");

    // 1. App start to first frame, in a fresh process (three runs: the first is the coldest).
    for (int run = 1; run <= 3; ++run) {
        QProcess child;
        QElapsedTimer wall;
        wall.start();
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--first-frame"), dir.path()});
        child.waitForFinished(60'000);
        const QString out = QString::fromLocal8Bit(child.readAllStandardOutput()).trimmed();
        std::printf("start run %d: %s (process wall %lld ms incl. 1.5 s idle)\n", run,
                    qPrintable(out.simplified()), static_cast<long long>(wall.elapsed()));
    }

    // 2. Filter and search latency through the list model (what the list page does).
    auto services = client::AppServices::start(dir.path(), {}, &error);
    if (!services) qFatal("%s", qPrintable(error));
    unlockIfLocked(*services);
    client::RecordListModel model;
    model.setEntity(QStringLiteral("petition"));
    std::printf("list: %d of %d petitions loaded in the first page\n", model.rowCount(), model.total());
    auto measure = [&](const char* label, const std::function<void()>& apply, const std::function<void()>& reset) {
        Timing t;
        for (int i = 0; i < 9; ++i) {
            QElapsedTimer timer;
            timer.start();
            apply();
            t.ms.push_back(timer.nsecsElapsed() / 1e6);
            reset();
        }
        std::printf("%-34s median %7.2f ms  max %7.2f ms  (%d matches)\n", label, t.median(), t.max(),
                    [&] { apply(); const int n = model.total(); reset(); return n; }());
    };
    measure("filter status=in_progress", [&] { model.setStatus("in_progress"); }, [&] { model.setStatus({}); });
    measure("filter category=urban_transport", [&] { model.setCategory("urban_transport"); }, [&] { model.setCategory({}); });
    measure("filter overdue", [&] { model.setOverdueOnly(true); }, [&] { model.setOverdueOnly(false); });
    measure("filter agency", [&] { model.setAgencyId(client::toQString(ids.agencyPolice)); }, [&] { model.setAgencyId({}); });
    measure("filter unit=neighbourhood", [&] { model.setUnitId(client::toQString(ids.neighbourhood)); },
            [&] { model.setUnitId({}); });
    measure("filter status+category+overdue", [&] {
        model.setStatus("received");
        model.setCategory("environment_sanitation");
        model.setOverdueOnly(true);
    }, [&] {
        model.setStatus({});
        model.setCategory({});
        model.setOverdueOnly(false);
    });
    for (const char* query : {"duc", "rac thai", "can cuoc gan chip", "nguyen van duc", "ngap nuoc khi mua"})
        measure(qPrintable(QStringLiteral("search \"%1\"").arg(QString::fromUtf8(query))),
                [&] { model.setSearchText(QString::fromUtf8(query)); }, [&] { model.setSearchText({}); });
    // The shared replica's list() alone (count + page), to show where the time goes.
    for (const char* query : {"", "duc"}) {
        Timing t;
        for (int i = 0; i < 9; ++i) {
            ListQuery q;
            q.entity = "petition";
            q.unitRoot = ids.ward;
            q.search = query;
            q.equals["status"] = {"in_progress"};
            QElapsedTimer timer;
            timer.start();
            auto page = services->replica()->with([&](Replica& r) { return r.list(q); });
            t.ms.push_back(timer.nsecsElapsed() / 1e6);
        }
        std::printf("Replica::list alone, status%s: median %.2f ms, max %.2f ms\n",
                    *query ? " + search" : "", t.median(), t.max());
    }
    Timing scroll;
    {
        QElapsedTimer timer;
        timer.start();
        while (model.canFetchMore({}) && model.rowCount() < 1000) {
            QElapsedTimer page;
            page.start();
            model.fetchMore({});
            scroll.ms.push_back(page.nsecsElapsed() / 1e6);
        }
        std::printf("scroll: next page of 50 median %.2f ms, max %.2f ms (%d rows)\n", scroll.median(), scroll.max(),
                    model.rowCount());
    }
    std::printf("memory (this process, models over %zu petitions): RSS %ld MB (anonymous %ld MB, file-backed "
                "incl. SQLite mmap %ld MB), peak %ld MB\n",
                petitions, memoryKb("VmRSS:") / 1024, memoryKb("RssAnon:") / 1024, memoryKb("RssFile:") / 1024,
                memoryKb("VmHWM:") / 1024);
    return 0;
}
