// Kills the app (-9) while someone types the minutes: after restart, the text typed before
// the last save is there.

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

#include "demo_seed.h"
#include "nghedan/replica.h"

QString typedText() {
    QString text;
    for (int i = 0; text.size() < 4000; ++i)
        text += QStringLiteral("Y kien so %1 cua nguoi dan ve rac thai. ").arg(i);
    return text;
}

class MinutesKillTest : public QObject {
    Q_OBJECT
private slots:
    void minutesTypedBeforeTheLastSaveSurviveAKill();
};

void MinutesKillTest::minutesTypedBeforeTheLastSaveSurviveAKill() {
    using namespace nghedan;
    QTemporaryDir dir;
    const std::string db = (dir.path() + QStringLiteral("/nghedan.db")).toStdString();
    std::string meetingId;
    {
        auto replica = Replica::open(db);
        QVERIFY(replica.ok());
        demo::DemoIds ids;
        std::string error;
        QVERIFY2(demo::seedDemo(**replica, "can.bo.lan", ids, &error), error.c_str());
        WriteRequest meeting;
        meeting.entity = "meeting";
        meeting.unit = ids.neighbourhood;
        meeting.author = "can.bo.lan";
        meeting.set = {{"held_at", 1'800'000'000'000LL}, {"title", "Họp dân Khu phố 3"}, {"status", "draft"}};
        auto written = (*replica)->write(meeting);
        QVERIFY(written.ok());
        meetingId = written->id;
    }

    QProcess typist;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    typist.setProcessEnvironment(env);
    typist.start(QStringLiteral(NGHEDAN_TYPIST), {dir.path(), QString::fromStdString(meetingId)});
    QVERIFY(typist.waitForStarted());
    int saves = 0, lastSaved = 0, typed = 0;
    QByteArray pending;
    // Until three saves have happened and more has been typed since the last one.
    while (!(saves >= 3 && typed > lastSaved + 10)) {
        QVERIFY2(typist.state() == QProcess::Running, typist.readAllStandardError().constData());
        typist.waitForReadyRead(200);
        pending += typist.readAllStandardOutput();
        int newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(newline);
            pending.remove(0, newline + 1);
            if (line.startsWith("SAVED ")) {
                ++saves;
                lastSaved = line.mid(6).toInt();
            } else if (line.startsWith("TYPED ")) {
                typed = line.mid(6).toInt();
            }
        }
    }
    ::kill(static_cast<pid_t>(typist.processId()), SIGKILL);
    QVERIFY(typist.waitForFinished(10000));
    qInfo("killed after %d saves; last save had %d chars, %d typed", saves, lastSaved, typed);

    auto replica = Replica::open(db);
    QVERIFY(replica.ok());
    auto meeting = (*replica)->get("meeting", meetingId);
    QVERIFY(meeting.ok() && meeting->has_value());
    const Json& minutes = meeting->value().values["minutes"];
    QVERIFY(minutes.is_string());
    const QString stored = QString::fromStdString(minutes.get<std::string>());
    QVERIFY2(stored.size() >= lastSaved, qPrintable(QStringLiteral("%1 < %2").arg(stored.size()).arg(lastSaved)));
    QCOMPARE(stored, typedText().left(stored.size()));
}

QTEST_GUILESS_MAIN(MinutesKillTest)
#include "tst_minutes_kill.moc"
