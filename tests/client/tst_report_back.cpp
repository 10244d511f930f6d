// Telling residents what was done ("nói dân nghe") on the tablet: receipt codes, the report
// back at the next meeting of a neighbourhood (ReportBackModel) and the results notice
// (ResultsNotice), against a real replica file with the demo data.

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QJsonValue>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "app_services.h"
#include "app_settings.h"
#include "demo_seed.h"
#include "meeting_controller.h"
#include "nghedan/public_view.h"
#include "petition_controller.h"
#include "record_list_model.h"
#include "replica_service.h"
#include "report_back_model.h"
#include "results_notice.h"
#include "session_controller.h"
#include "value_format.h"

using namespace nghedan;
using namespace nghedan::client;

namespace {

QString inHours(int hours) {
    return QDateTime::currentDateTime()
        .addSecs(hours * 3600)
        .toTimeZone(vietnamTimeZone())
        .toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

}  // namespace

class ReportBackTest : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void aCapturedPetitionHasItsReceiptCodeOfflineAndTheCodeFindsIt();
    void theNextMeetingListsWhatIsDueFromEarlierMeetingsWithWhatToReadOut();
    void unsatisfiedResidentsReopenAnAnsweredPetitionWithTheirWords();
    void satisfiedResidentsTakeAnAnsweredPetitionOffLaterMeetings();
    void aSupervisorSeesTheVerdictsButDoesNotRecordThem();
    void theResultsNoticeHoldsThePublicPetitionsOfThePeriodWithoutThePetitioner();

private:
    /** A petition raised at the demo's earlier meeting in Khu phố 1 and answered (resolved). */
    QString answeredPetition(const QString& title, const QString& resolution);
    QString newMeeting(const QString& heldAt);
    QJsonValue field(const char* entity, const QString& id, const char* name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppServices> m_services;
    demo::DemoIds m_ids;
};

void ReportBackTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_services = AppServices::start(m_dir->path(), {}, &error);
    QVERIFY2(m_services, qPrintable(error));
    std::string seedError;
    QVERIFY2(m_services->replica()->with(
                 [&](Replica& r) { return demo::seedDemo(r, "can.bo.lan", m_ids, &seedError); }),
             seedError.c_str());
    m_services->session()->signInOffline("can.bo.lan", "Nguyễn Thị Lan", toQString(m_ids.ward));
    m_services->replica()->announce({});
}

void ReportBackTest::cleanup() {
    m_services.reset();
    m_dir.reset();
}

QString ReportBackTest::answeredPetition(const QString& title, const QString& resolution) {
    PetitionController petition;
    if (!petition.createAtMeeting(toQString(m_ids.pastMeeting), "environment_sanitation", title))
        return {};
    petition.setField("resolution", resolution);
    for (const char* status : {"assigned", "in_progress", "resolved"})
        if (!petition.setStatus(status)) return {};
    return petition.recordId();
}

QString ReportBackTest::newMeeting(const QString& heldAt) {
    MeetingController meeting;
    return meeting.create(toQString(m_ids.otherNeighbourhood), heldAt, {}) ? meeting.recordId()
                                                                           : QString();
}

QJsonValue ReportBackTest::field(const char* entity, const QString& id, const char* name) {
    auto got = m_services->replica()->with([&](Replica& r) { return r.get(entity, toStd(id)); });
    if (!got || !got.value()) return QJsonValue::Undefined;
    const Json& values = got.value()->values;
    const auto it = values.find(name);
    if (it == values.end() || it->is_null()) return QJsonValue::Null;
    if (it->is_string()) return QString::fromStdString(it->get<std::string>());
    if (it->is_boolean()) return it->get<bool>();
    if (it->is_number()) return static_cast<double>(it->get<std::int64_t>());
    return QString::fromStdString(it->dump());
}

void ReportBackTest::aCapturedPetitionHasItsReceiptCodeOfflineAndTheCodeFindsIt() {
    PetitionController petition;
    QVERIFY(petition.receiptCode().isEmpty());
    QVERIFY(
        petition.createAtMeeting(toQString(m_ids.weekMeeting), "other", "Cây xanh đổ chắn lối đi"));
    const QString code = petition.receiptCode();
    QCOMPARE(code, toQString(receiptCode(toStd(petition.recordId()))));
    QVERIFY2(QRegularExpression(QStringLiteral("^KN-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$"))
                 .match(code)
                 .hasMatch(),
             qPrintable(code));
    // Nothing asked a server (there is none): the code is there as soon as the petition is.
    QCOMPARE(m_services->replica()->with([](Replica& r) { return r.unsentCount(); }) > 0, true);
    RecordListModel list;
    list.setEntity("petition");
    list.setSearchText(code);
    QCOMPARE(list.total(), 1);
    QCOMPARE(list.idAt(0), petition.recordId());
}

void ReportBackTest::theNextMeetingListsWhatIsDueFromEarlierMeetingsWithWhatToReadOut() {
    const QString answered = answeredPetition("Cống thoát nước đường Thới An 16 bị nghẹt",
                                              "Đã nạo vét 120 m cống, nước thoát bình thường.");
    QVERIFY(!answered.isEmpty());
    // Not raised at a meeting: not reported back at one.
    PetitionController walkIn;
    QVERIFY(walkIn.create(toQString(m_ids.otherNeighbourhood), "other",
                          "Kiến nghị gửi trực tiếp tại phường"));
    const QString meeting = newMeeting(inHours(0));
    QVERIFY(!meeting.isEmpty());
    // Raised at this meeting: not reported back at it.
    PetitionController today;
    QVERIFY(today.createAtMeeting(meeting, "other", "Kiến nghị nêu trong buổi họp hôm nay"));

    ReportBackModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMeetingId(meeting);
    QVERIFY(model.canRecord());
    // The earlier meeting's two open petitions and the answered one, oldest first.
    QCOMPARE(model.count(), 3);
    QVERIFY(model.rowOf(toQString(m_ids.transportPetition)) >= 0);
    QVERIFY(model.rowOf(toQString(m_ids.healthPetition)) >= 0);
    QCOMPARE(model.rowOf(walkIn.recordId()), -1);
    QCOMPARE(model.rowOf(today.recordId()), -1);
    const QModelIndex row = model.index(model.rowOf(answered));
    QCOMPARE(row.data(ReportBackModel::ReceiptCodeRole).toString(),
             toQString(receiptCode(toStd(answered))));
    QCOMPARE(row.data(ReportBackModel::StatusRole).toString(), QStringLiteral("resolved"));
    QCOMPARE(row.data(ReportBackModel::StatusLabelRole).toString(),
             QStringLiteral("Đã giải quyết"));
    QCOMPARE(row.data(ReportBackModel::ResolutionRole).toString(),
             QStringLiteral("Đã nạo vét 120 m cống, nước thoát bình thường."));
    QVERIFY(row.data(ReportBackModel::VerdictRole).toString().isEmpty());
    QVERIFY2(row.data(ReportBackModel::RaisedTextRole)
                 .toString()
                 .startsWith(QStringLiteral("Nêu tại buổi họp ngày ")),
             qPrintable(row.data(ReportBackModel::RaisedTextRole).toString()));
    const QModelIndex health = model.index(model.rowOf(toQString(m_ids.healthPetition)));
    QCOMPARE(health.data(ReportBackModel::AgencyNameRole).toString(),
             QStringLiteral("Trung tâm Y tế Quận 12"));
    QVERIFY(!health.data(ReportBackModel::DueDateRole).toString().isEmpty());

    // The earlier meeting itself had no meeting before it; another neighbourhood's has none.
    model.setMeetingId(toQString(m_ids.pastMeeting));
    QCOMPARE(model.count(), 0);
    model.setMeetingId(toQString(m_ids.weekMeeting));
    QCOMPARE(model.count(), 0);
}

void ReportBackTest::unsatisfiedResidentsReopenAnAnsweredPetitionWithTheirWords() {
    const QString answered =
        answeredPetition("Xe khách dừng đón khách trước nhà văn hóa", "Đã cắm biển cấm dừng đỗ.");
    QVERIFY(!answered.isEmpty());
    QVERIFY(field("petition", answered, "resolved_at").isDouble());
    const QString meeting = newMeeting(inHours(0));
    ReportBackModel model;
    model.setMeetingId(meeting);
    QVERIFY(model.rowOf(answered) >= 0);

    QVERIFY2(model.record(answered, "unsatisfied", "  Buổi tối xe vẫn dừng đón khách  "),
             qPrintable(model.lastError()));
    // The petition is open again, the residents' words its reason, no longer resolved.
    QCOMPARE(field("petition", answered, "status").toString(), QStringLiteral("in_progress"));
    QCOMPARE(
        field("petition", answered, "status_reason").toString(),
        QStringLiteral("Người dân chưa hài lòng khi báo cáo lại: Buổi tối xe vẫn dừng đón khách"));
    QVERIFY(field("petition", answered, "resolved_at").isNull());
    // The verdict is a record of its own, linked to the meeting and the petition.
    ListQuery q;
    q.entity = "report_back";
    q.equals["petition"] = {toStd(answered)};
    auto verdicts = m_services->replica()->with([&](Replica& r) { return r.list(q); });
    QVERIFY(verdicts.ok());
    QCOMPARE(verdicts->total, std::int64_t{1});
    const Json& v = verdicts->rows.front();
    QCOMPARE(toQString(jsonString(v, "meeting")), meeting);
    QCOMPARE(toQString(jsonString(v, "verdict")), QStringLiteral("unsatisfied"));
    QCOMPARE(toQString(jsonString(v, "note")), QStringLiteral("Buổi tối xe vẫn dừng đón khách"));
    QCOMPARE(toQString(jsonString(v, "unit")), toQString(m_ids.otherNeighbourhood));
    // The row stays at this meeting, showing the verdict; it is not recorded twice.
    const int row = model.rowOf(answered);
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row).data(ReportBackModel::VerdictRole).toString(),
             QStringLiteral("unsatisfied"));
    QCOMPARE(model.index(row).data(ReportBackModel::StatusRole).toString(),
             QStringLiteral("in_progress"));
    QCOMPARE(model.index(row).data(ReportBackModel::NoteRole).toString(),
             QStringLiteral("Buổi tối xe vẫn dừng đón khách"));
    QVERIFY(!model.record(answered, "satisfied"));
    QVERIFY(!model.lastError().isEmpty());
    QCOMPARE(m_services->replica()->with([&](Replica& r) { return r.list(q); })->total,
             std::int64_t{1});

    // "Unsatisfied" with a petition still being worked on records the verdict and moves nothing.
    const QString health = toQString(m_ids.healthPetition);
    QVERIFY(model.record(health, "unsatisfied", "Chưa ai nhận được thẻ"));
    QCOMPARE(field("petition", health, "status").toString(), QStringLiteral("assigned"));
}

void ReportBackTest::satisfiedResidentsTakeAnAnsweredPetitionOffLaterMeetings() {
    const QString answered = answeredPetition("Đèn đường hẻm 7 không sáng", "Đã thay 6 bóng đèn.");
    QVERIFY(!answered.isEmpty());
    const QString meeting = newMeeting(inHours(0));
    ReportBackModel model;
    model.setMeetingId(meeting);
    QVERIFY(model.record(answered, "satisfied"));
    QVERIFY(model.record(toQString(m_ids.healthPetition), "satisfied"));
    QCOMPARE(field("petition", answered, "status").toString(), QStringLiteral("resolved"));
    // Still shown at this meeting, with the verdict.
    QCOMPARE(model.index(model.rowOf(answered)).data(ReportBackModel::VerdictLabelRole).toString(),
             QStringLiteral("Hài lòng"));

    // The next visit: the answered petition the residents accepted is not read out again; the
    // one still being worked on is, satisfied or not.
    const QString later = newMeeting(inHours(24 * 7));
    ReportBackModel next;
    next.setMeetingId(later);
    QCOMPARE(next.rowOf(answered), -1);
    QVERIFY(next.rowOf(toQString(m_ids.healthPetition)) >= 0);
    QVERIFY(next.rowOf(toQString(m_ids.transportPetition)) >= 0);

    // Answered again after being reopened: due again, until accepted again.
    PetitionController petition;
    petition.setRecordId(answered);
    QVERIFY(petition.setStatus("in_progress", "Có hộ báo đèn lại hỏng"));
    QTest::qWait(5);  // answered again later than it was accepted, as in the field
    QVERIFY(petition.setStatus("resolved"));
    QVERIFY(next.rowOf(answered) >= 0);
}

void ReportBackTest::aSupervisorSeesTheVerdictsButDoesNotRecordThem() {
    const QString answered = answeredPetition("Rác tồn đọng đầu hẻm 3", "Đã thu gom.");
    const QString meeting = newMeeting(inHours(0));
    ReportBackModel official;
    official.setMeetingId(meeting);
    QVERIFY(official.record(toQString(m_ids.healthPetition), "satisfied"));

    m_services->session()->signInOffline("giam.sat", "Đỗ Minh Tâm", toQString(m_ids.district),
                                         "supervisor");
    ReportBackModel model;
    model.setMeetingId(meeting);
    QVERIFY(!model.canRecord());
    QVERIFY(model.rowOf(answered) >= 0);
    QCOMPARE(model.index(model.rowOf(toQString(m_ids.healthPetition)))
                 .data(ReportBackModel::VerdictRole)
                 .toString(),
             QStringLiteral("satisfied"));
    const auto before = m_services->replica()->with([](Replica& r) { return r.unsentCount(); });
    QVERIFY(!model.record(answered, "unsatisfied", "Không đồng ý"));
    QVERIFY(model.lastError().contains(QStringLiteral("cán bộ")));
    QCOMPARE(m_services->replica()->with([](Replica& r) { return r.unsentCount(); }), before);
    QCOMPARE(field("petition", answered, "status").toString(), QStringLiteral("resolved"));
}

void ReportBackTest::theResultsNoticeHoldsThePublicPetitionsOfThePeriodWithoutThePetitioner() {
    PetitionController petition;
    QVERIFY(petition.createAtMeeting(toQString(m_ids.pastMeeting), "environment_sanitation",
                                     "Cống thoát nước đường Thới An 16 bị nghẹt", "Huỳnh Văn Lộc"));
    QVERIFY(petition.setField("resolution", "Đã nạo vét 120 m cống."));
    QVERIFY(petition.setLeadAgency(toQString(m_ids.agencyHealth)));
    QVERIFY(petition.setField("public", true));
    QVERIFY(petition.setField("public_note", "Phường sẽ kiểm tra lại sau mùa mưa."));
    // The demo's transport petition stays private.

    ResultsNotice notice;
    QCOMPARE(notice.toDate(), vietnamToday().toString("dd/MM/yyyy"));
    QCOMPARE(notice.fromDate(), vietnamToday().addDays(-30).toString("dd/MM/yyyy"));
    notice.setUnitId(toQString(m_ids.otherNeighbourhood));
    QCOMPARE(notice.count(), 1);
    const QString text = notice.text();
    QVERIFY2(text.startsWith(QStringLiteral("THÔNG BÁO KẾT QUẢ GIẢI QUYẾT KIẾN NGHỊ\nKhu phố 1")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Cống thoát nước đường Thới An 16 bị nghẹt")));
    QVERIFY(text.contains(petition.receiptCode()));
    QVERIFY(text.contains(QStringLiteral("Cơ quan chủ trì: Trung tâm Y tế Quận 12")));
    QVERIFY(text.contains(QStringLiteral("Ghi chú: Phường sẽ kiểm tra lại sau mùa mưa.")));
    QVERIFY(!text.contains(QStringLiteral("Huỳnh Văn Lộc")));
    QVERIFY(!text.contains(QStringLiteral("Xe khách dừng đón trả khách")));
    QVERIFY2(text.contains(AppSettings::instance()->serverUrl() + QStringLiteral("/tra-cuu")),
             qPrintable(text));
    // The ward holds it too; another neighbourhood does not.
    notice.setUnitId(toQString(m_ids.ward));
    QCOMPARE(notice.count(), 1);
    notice.setUnitId(toQString(m_ids.neighbourhood));
    QCOMPARE(notice.count(), 0);
    QVERIFY(notice.text().contains(QStringLiteral("Không có kiến nghị công khai nào")));
    // A period before it was received leaves it out; a wrong period is explained.
    notice.setUnitId(toQString(m_ids.otherNeighbourhood));
    notice.setToDate(vietnamToday().addDays(-1).toString("dd/MM/yyyy"));
    QCOMPARE(notice.count(), 0);
    notice.setToDate(vietnamToday().addDays(-40).toString("dd/MM/yyyy"));
    QVERIFY(notice.text().isEmpty());
    QVERIFY(!notice.problem().isEmpty());

    // From a meeting: since the neighbourhood's meeting before it.
    const QString meeting = newMeeting(inHours(0));
    ResultsNotice fromMeeting;
    fromMeeting.setMeetingId(meeting);
    fromMeeting.setUnitId(toQString(m_ids.otherNeighbourhood));
    auto past = m_services->replica()->with(
        [&](Replica& r) { return r.get("meeting", m_ids.pastMeeting); });
    QCOMPARE(fromMeeting.fromDate(),
             formatDateTime(past.value()->values["held_at"].get<qint64>()).left(10));
    QCOMPARE(fromMeeting.count(), 1);
}

QTEST_GUILESS_MAIN(ReportBackTest)
#include "tst_report_back.moc"
