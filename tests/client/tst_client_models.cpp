// The app's C++ models and controllers against a real replica file with the demo data:
// QAbstractItemModelTester on every list model, filters, signals, workflow rules, conflicts.

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <ctime>
#include <memory>

#include "agency_list_model.h"
#include "app_services.h"
#include "app_settings.h"
#include "catalog.h"
#include "conflict_list_model.h"
#include "demo_seed.h"
#include "history_list_model.h"
#include "home_summary.h"
#include "meeting_controller.h"
#include "petition_controller.h"
#include "record_list_model.h"
#include "refused_list_model.h"
#include "replica_service.h"
#include "session_controller.h"
#include "similar_petition_model.h"
#include "unit_list_model.h"
#include "value_format.h"

using namespace nghedan;
using namespace nghedan::client;

class ClientModelsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void petitionListFiltersByStatusCategoryUnitAgencyAndOverdue();
    void searchIgnoresDiacritics();
    void aWriteRefreshesTheListWithSignals();
    void listLoadsInPagesThroughFetchMore();
    void unitsAndAgenciesSortInVietnameseOrder();
    void petitionOffersOnlyAllowedNextStatusesAndRefusesOthers();
    void escalationNeedsAReasonAndLeavesAProgressNote();
    void historyShowsWhoChangedWhat();
    void keepingOneVersionResolvesTheConflict();
    void aMergedValueResolvesTheConflict();
    void minutesAreSavedAfterTheDebounceAndOnFlush();
    void aFinalisedMeetingIsLockedUntilAmended();
    void aNewMeetingOffersTheNeighbourhoodsOpenItemsAsAgenda();
    void quickCaptureCreatesAPetitionAtTheMeeting();
    void quickCaptureKeepsThePetitionersName();
    void similarOpenPetitionsOfTheNeighbourhoodAreOfferedWhileTyping();
    void raisingAPetitionAgainAddsAProgressNoteInsteadOfANewPetition();
    void anAttendeesRoleCanBeChangedAfterAdding();
    void refusedChangesAreListedWithTheirReason();
    void homeSummaryCountsOpenAndOverdueWork();
    void everyEnumValueHasAReadableLabel();
    void datesAreShownAndTypedAsDayMonthYear();
    void anImpossibleDateIsExplainedAndAPickedDayKeepsTheTypedTime();
    void timesAreInVietnamTimeWhateverTheDeviceZone();
    void meetingStatusesReadAsMinutesAndMeetingsAsBuoiHop();
    void englishCanBeSwitchedOn();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppServices> m_services;
    demo::DemoIds m_ids;
};

void ClientModelsTest::initTestCase() {
    // The tablet may be set to any zone; every test runs 12 hours away from Vietnam.
    qputenv("TZ", "America/New_York");
    tzset();
}

void ClientModelsTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_services = AppServices::start(m_dir->path(), {}, &error);
    QVERIFY2(m_services, qPrintable(error));
    std::string seedError;
    const bool seeded = m_services->replica()->with(
        [&](Replica& r) { return demo::seedDemo(r, "can.bo.lan", m_ids, &seedError); });
    QVERIFY2(seeded, seedError.c_str());
    m_services->session()->signInOffline("can.bo.lan", "Nguyễn Thị Lan", toQString(m_ids.ward));
    m_services->replica()->announce({});
}

void ClientModelsTest::cleanup() {
    m_services.reset();
    m_dir.reset();
}

void ClientModelsTest::petitionListFiltersByStatusCategoryUnitAgencyAndOverdue() {
    RecordListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntity("petition");
    QCOMPARE(model.total(), 7);
    QCOMPARE(model.rowCount(), 7);

    model.setStatus("assigned");
    QCOMPARE(model.total(), 2);
    for (int i = 0; i < model.rowCount(); ++i)
        QCOMPARE(model.data(model.index(i), RecordListModel::StatusRole).toString(), QStringLiteral("assigned"));
    model.setStatus({});

    model.setCategory("urban_transport");
    QCOMPARE(model.total(), 2);
    model.setCategory({});

    model.setUnitId(toQString(m_ids.neighbourhood));
    QCOMPARE(model.total(), 3);
    model.setUnitId({});

    model.setAgencyId(toQString(m_ids.agencyPolice));
    QCOMPARE(model.total(), 1);
    QCOMPARE(model.idAt(0), toQString(m_ids.conflictPetition));
    model.setAgencyId({});

    model.setOverdueOnly(true);
    QCOMPARE(model.total(), 2);
    for (int i = 0; i < model.rowCount(); ++i)
        QVERIFY(model.data(model.index(i), RecordListModel::OverdueRole).toBool());
    model.setOverdueOnly(false);

    model.setOpenOnly(true);
    QCOMPARE(model.total(), 6);
}

void ClientModelsTest::searchIgnoresDiacritics() {
    RecordListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntity("petition");
    model.setSearchText("duc");
    QVERIFY(model.total() >= 2);
    QStringList ids;
    for (int i = 0; i < model.rowCount(); ++i) ids << model.idAt(i);
    QVERIFY(ids.contains(toQString(m_ids.conflictPetition)));  // petitioner Nguyễn Văn Đức
    model.setSearchText("can cuoc gan chip");
    QVERIFY(model.total() >= 1);
    QVERIFY(model.titleAt(0).contains(QStringLiteral("căn cước")));
    model.setSearchText("khong co chu nay xyz");
    QCOMPARE(model.total(), 0);
}

void ClientModelsTest::aWriteRefreshesTheListWithSignals() {
    RecordListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntity("petition");
    model.setUnitId(toQString(m_ids.otherNeighbourhood));
    const int before = model.total();
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy count(&model, &RecordListModel::countChanged);

    PetitionController petition;
    QVERIFY(petition.create(toQString(m_ids.otherNeighbourhood), "other", "Kiến nghị mới để kiểm tra"));
    QCOMPARE(model.total(), before + 1);
    QVERIFY(reset.count() >= 1);
    QVERIFY(count.count() >= 1);

    // Editing a listed record changes its data, not the rows.
    reset.clear();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(petition.setField("petitioner_name", "Trương Văn Đạt"));
    QVERIFY(changed.count() >= 1);
    QCOMPARE(reset.count(), 0);
}

void ClientModelsTest::listLoadsInPagesThroughFetchMore() {
    std::string error;
    QVERIFY(m_services->replica()->with([&](Replica& r) { return demo::seedManyPetitions(r, m_ids, 130, 7, &error); }));
    m_services->replica()->announce({});
    // No model tester here: it calls fetchMore() itself, which would load the pages we count.
    RecordListModel model;
    model.setPageSize(50);
    model.setEntity("petition");
    QCOMPARE(model.total(), 137);
    QCOMPARE(model.rowCount(), 50);
    QVERIFY(model.canFetchMore({}));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(inserted.count(), 1);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 137);
    QVERIFY(!model.canFetchMore({}));
}

void ClientModelsTest::unitsAndAgenciesSortInVietnameseOrder() {
    UnitListModel units;
    QAbstractItemModelTester tester(&units, QAbstractItemModelTester::FailureReportingMode::QtTest);
    units.setParentId(toQString(m_ids.ward));
    QStringList names;
    for (int i = 0; i < units.rowCount(); ++i) names << units.data(units.index(i), UnitListModel::NameRole).toString();
    QCOMPARE(names, (QStringList{"Khu phố 1", "Khu phố 2", "Khu phố 3", "Khu phố 4", "Khu phố 10"}));

    AgencyListModel agencies;
    QAbstractItemModelTester agencyTester(&agencies, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QStringList agencyNames;
    for (int i = 0; i < agencies.rowCount(); ++i)
        agencyNames << agencies.data(agencies.index(i), AgencyListModel::NameRole).toString();
    // Đ sorts after D and before E..P; Ủ with U, after T.
    const int cong = agencyNames.indexOf("Công an Quận 12");
    const int doi = agencyNames.indexOf("Đội Quản lý trật tự đô thị Quận 12");
    const int phong = agencyNames.indexOf("Phòng Tài nguyên và Môi trường Quận 12");
    const int uy = agencyNames.indexOf("Ủy ban nhân dân Phường Thới An");
    const int trung = agencyNames.indexOf("Trung tâm Y tế Quận 12");
    QVERIFY2(cong < doi && doi < phong && trung < uy, qPrintable(agencyNames.join(" | ")));

    agencies.setFilterText("doi quan ly");
    QCOMPARE(agencies.rowCount(), 1);
}

void ClientModelsTest::petitionOffersOnlyAllowedNextStatusesAndRefusesOthers() {
    PetitionController petition;
    petition.setRecordId(toQString(m_ids.healthPetition));
    QCOMPARE(petition.values().value("status").toString(), QStringLiteral("assigned"));
    QStringList offered;
    for (const QVariant& option : petition.nextStatuses()) offered << option.toMap().value("value").toString();
    QStringList allowed;
    for (const auto& s : allowedNextPetitionStatuses("assigned")) allowed << toQString(s);
    QCOMPARE(offered, allowed);

    QSignalSpy errors(&petition, &RecordController::errorOccurred);
    QVERIFY(!petition.setStatus("closed"));
    QCOMPARE(errors.count(), 1);
    QVERIFY(petition.lastError().contains(QStringLiteral("Không thể chuyển")));
    QCOMPARE(petition.values().value("status").toString(), QStringLiteral("assigned"));

    QSignalSpy saved(&petition, &RecordController::saved);
    QVERIFY(petition.setStatus("in_progress"));
    QVERIFY(petition.setStatus("resolved"));
    QVERIFY(petition.setStatus("closed"));
    QCOMPARE(petition.values().value("status").toString(), QStringLiteral("closed"));
    QCOMPARE(saved.count(), 3);
    // Closed: only reopening (residents not satisfied) is offered.
    QCOMPARE(petition.nextStatuses().size(), 1);
    QCOMPARE(petition.nextStatuses().first().toMap().value("value").toString(), QStringLiteral("in_progress"));
    QVERIFY(!petition.values().value("resolved_at").toString().isEmpty());
}

void ClientModelsTest::escalationNeedsAReasonAndLeavesAProgressNote() {
    PetitionController petition;
    petition.setRecordId(toQString(m_ids.healthPetition));
    QVERIFY(!petition.escalate("district", "  "));
    QCOMPARE(petition.values().value("status").toString(), QStringLiteral("assigned"));
    QVERIFY(petition.escalate("district", "Cần Bảo hiểm xã hội quận phối hợp"));
    QCOMPARE(petition.values().value("status").toString(), QStringLiteral("escalated"));
    QCOMPARE(petition.values().value("handling_level").toString(), QStringLiteral("district"));

    RecordListModel updates;
    updates.setEntity("update");
    updates.setParentId(toQString(m_ids.healthPetition));
    QCOMPARE(updates.total(), 1);
    QVERIFY(updates.titleAt(0).contains(QStringLiteral("Bảo hiểm xã hội")));
}

void ClientModelsTest::historyShowsWhoChangedWhat() {
    PetitionController petition;
    petition.setRecordId(toQString(m_ids.healthPetition));
    QVERIFY(petition.setStatus("in_progress"));
    HistoryListModel history;
    QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
    history.setEntity("petition");
    history.setRecordId(toQString(m_ids.healthPetition));
    QCOMPARE(history.rowCount(), 2);
    const QModelIndex newest = history.index(0);
    // One's own change shows one's name; another person's (only their username is on the
    // tablet) shows the username.
    QCOMPARE(history.data(newest, HistoryListModel::AuthorRole).toString(),
             QStringLiteral("Nguyễn Thị Lan"));
    QCOMPARE(history.data(history.index(1), HistoryListModel::AuthorRole).toString(),
             QStringLiteral("quan.tri"));
    QVERIFY(history.data(newest, HistoryListModel::SummaryRole).toString().contains(QStringLiteral("Trạng thái: Đang xử lý")));
    QVERIFY(history.data(history.index(1), HistoryListModel::CreatedRole).toBool());
}

void ClientModelsTest::keepingOneVersionResolvesTheConflict() {
    PetitionController petition;
    petition.setRecordId(toQString(m_ids.conflictPetition));
    QCOMPARE(petition.conflictCount(), 1);
    QCOMPARE(petition.conflictFields(), QStringList{"description"});

    ConflictListModel conflicts;
    QAbstractItemModelTester tester(&conflicts, QAbstractItemModelTester::FailureReportingMode::QtTest);
    conflicts.setEntity("petition");
    conflicts.setRecordId(toQString(m_ids.conflictPetition));
    QCOMPARE(conflicts.rowCount(), 1);
    const QVariantList versions = conflicts.data(conflicts.index(0), ConflictListModel::VersionsRole).toList();
    QCOMPARE(versions.size(), 2);
    const QString kept = versions.at(0).toMap().value("text").toString();
    QSignalSpy resolved(&conflicts, &ConflictListModel::resolved);
    QVERIFY(conflicts.keep(0, 0));
    QCOMPARE(resolved.count(), 1);
    QCOMPARE(conflicts.rowCount(), 0);
    QCOMPARE(petition.conflictCount(), 0);
    QCOMPARE(petition.values().value("description").toString(), kept);

    RecordListModel list;
    list.setEntity("petition");
    list.setAgencyId(toQString(m_ids.agencyPolice));
    QCOMPARE(list.data(list.index(0), RecordListModel::ConflictsRole).toInt(), 0);
}

void ClientModelsTest::aMergedValueResolvesTheConflict() {
    ConflictListModel conflicts;
    conflicts.setEntity("petition");
    conflicts.setRecordId(toQString(m_ids.conflictPetition));
    QCOMPARE(conflicts.rowCount(), 1);
    const QString merged = QStringLiteral("Làm căn cước lưu động thứ Bảy; công an đến tận nhà 7 cụ không đi lại được.");
    QVERIFY(conflicts.merge(0, merged));
    QCOMPARE(conflicts.rowCount(), 0);
    PetitionController petition;
    petition.setRecordId(toQString(m_ids.conflictPetition));
    QCOMPARE(petition.values().value("description").toString(), merged);
    QCOMPARE(petition.conflictCount(), 0);
}

void ClientModelsTest::minutesAreSavedAfterTheDebounceAndOnFlush() {
    MeetingController meeting;
    meeting.setRecordId(toQString(m_ids.weekMeeting));
    const QString before = meeting.values().value("minutes").toString();
    QSignalSpy saved(&meeting, &RecordController::saved);
    meeting.editText("minutes", before + "\nÝ kiến thứ nhất");
    QVERIFY(meeting.hasPendingText());
    QCOMPARE(saved.count(), 0);
    QVERIFY(saved.wait(3000));  // the debounce fires by itself
    QVERIFY(!meeting.hasPendingText());
    meeting.editText("minutes", before + "\nÝ kiến thứ nhất\nÝ kiến thứ hai");
    QVERIFY(meeting.flush());  // focus loss
    MeetingController reread;
    reread.setRecordId(toQString(m_ids.weekMeeting));
    QCOMPARE(reread.values().value("minutes").toString(), before + "\nÝ kiến thứ nhất\nÝ kiến thứ hai");
}

void ClientModelsTest::aFinalisedMeetingIsLockedUntilAmended() {
    MeetingController meeting;
    meeting.setRecordId(toQString(m_ids.weekMeeting));
    QVERIFY(!meeting.locked());
    QVERIFY(meeting.finalise());
    QVERIFY(meeting.finalised());
    QVERIFY(meeting.locked());
    QVERIFY(!meeting.setField("location", "Nơi khác"));
    QVERIFY(meeting.lastError().contains(QStringLiteral("đã chốt")));
    meeting.amend();
    QVERIFY(!meeting.locked());
    QVERIFY(meeting.setField("location", "Nhà văn hóa Khu phố 3"));
    QCOMPARE(meeting.values().value("status").toString(), QStringLiteral("finalised"));
}

void ClientModelsTest::aNewMeetingOffersTheNeighbourhoodsOpenItemsAsAgenda() {
    MeetingController meeting;
    QVERIFY(meeting.create(toQString(m_ids.otherNeighbourhood), "01/12/2026 19:30", ""));
    QVERIFY(!meeting.recordId().isEmpty());
    const QString agenda = meeting.values().value("agenda").toString();
    QVERIFY2(agenda.contains(QStringLiteral("Xe khách dừng đón trả khách")), qPrintable(agenda));  // escalated: open
    QVERIFY(agenda.contains(QStringLiteral("bảo hiểm y tế")));
    QVERIFY(!agenda.contains(QStringLiteral("Lấn chiếm vỉa hè")));  // resolved, other neighbourhood
    QVERIFY(!agenda.contains(QStringLiteral("điểm tập kết rác")));   // directive done
    QCOMPARE(meeting.values().value("held_at").toString(), QStringLiteral("01/12/2026 19:30"));
    QCOMPARE(meeting.values().value("title").toString(), QStringLiteral("Họp dân Khu phố 1"));
    QVERIFY(!meeting.create(toQString(m_ids.otherNeighbourhood), "31/02/2026 19:30", ""));
}

void ClientModelsTest::quickCaptureCreatesAPetitionAtTheMeeting() {
    PetitionController petition;
    QVERIFY(petition.createAtMeeting(toQString(m_ids.weekMeeting), "environment_sanitation", ""));
    QCOMPARE(petition.values().value("meeting").toString(), toQString(m_ids.weekMeeting));
    QCOMPARE(petition.unitId(), toQString(m_ids.neighbourhood));
    QCOMPARE(petition.values().value("status").toString(), QStringLiteral("received"));
    QCOMPARE(petition.values().value("title").toString(), QStringLiteral("Môi trường, vệ sinh"));
    QCOMPARE(petition.values().value("channel").toString(), QStringLiteral("meeting"));
}

void ClientModelsTest::quickCaptureKeepsThePetitionersName() {
    PetitionController petition;
    QVERIFY(petition.createAtMeeting(toQString(m_ids.weekMeeting), "urban_transport",
                                     "Vỉa hè bị lấn chiếm", "  Trần Văn Nam "));
    QCOMPARE(petition.values().value("petitioner_name").toString(), QStringLiteral("Trần Văn Nam"));
    QVERIFY(petition.createAtMeeting(toQString(m_ids.weekMeeting), "other", "", ""));
    QVERIFY(petition.values().value("petitioner_name").toString().isEmpty());
}

void ClientModelsTest::similarOpenPetitionsOfTheNeighbourhoodAreOfferedWhileTyping() {
    SimilarPetitionModel similar;
    QAbstractItemModelTester tester(&similar,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    similar.setMeetingId(toQString(m_ids.weekMeeting));  // Khu phố 3
    similar.setText("ra");
    QCOMPARE(similar.count(), 0);  // too little typed yet
    similar.setText("Rac thai hem 45");
    QCOMPARE(similar.count(), 1);
    QCOMPARE(similar.data(similar.index(0), SimilarPetitionModel::TitleRole).toString(),
             QStringLiteral("Rác thải tồn đọng ở cuối hẻm 45 đường Thới An"));
    // A longer account of the same thing still finds it: half of the words are enough.
    similar.setText("Rác thải ở hẻm 45 chưa được thu gom");
    QCOMPARE(similar.count(), 1);
    const QString rubbish = similar.idAt(0);
    // Another neighbourhood's petition is not a duplicate of this one.
    similar.setText("bao hiem y te ho can ngheo");
    QCOMPARE(similar.count(), 0);
    // A petition that is no longer open is not offered.
    similar.setText("rac thai hem 45");
    PetitionController petition;
    petition.setRecordId(rubbish);
    QVERIFY(petition.setStatus("not_competent", "Thuộc công ty dịch vụ công ích"));
    QCOMPARE(similar.count(), 0);
}

void ClientModelsTest::raisingAPetitionAgainAddsAProgressNoteInsteadOfANewPetition() {
    RecordListModel petitions;
    petitions.setEntity("petition");
    const int before = petitions.total();
    PetitionController petition;
    QVERIFY(petition.raiseAgainAtMeeting(toQString(m_ids.conflictPetition),
                                         toQString(m_ids.weekMeeting), "Trần Văn Nam",
                                         "Cụ ông 90 tuổi chưa làm được căn cước"));
    QCOMPARE(petitions.total(), before);
    QCOMPARE(petition.recordId(), toQString(m_ids.conflictPetition));
    RecordListModel updates;
    updates.setEntity("update");
    updates.setParentId(toQString(m_ids.conflictPetition));
    QVERIFY(updates.total() >= 1);
    const QString note = updates.titleAt(0);
    QVERIFY2(note.startsWith(QStringLiteral("Được nêu lại tại buổi họp «Họp dân Khu phố 3")),
             qPrintable(note));
    QVERIFY2(note.contains(QStringLiteral("Trần Văn Nam")), qPrintable(note));
    QVERIFY2(note.contains(QStringLiteral("Cụ ông 90 tuổi")), qPrintable(note));
    // A petition of another neighbourhood cannot be the one raised at this meeting.
    QVERIFY(!petition.raiseAgainAtMeeting(toQString(m_ids.healthPetition),
                                          toQString(m_ids.weekMeeting), "", ""));
    QVERIFY(!petition.lastError().isEmpty());
}

void ClientModelsTest::anAttendeesRoleCanBeChangedAfterAdding() {
    MeetingController meeting;
    meeting.setRecordId(toQString(m_ids.weekMeeting));
    const int row = meeting.attendees()->count();
    QVERIFY(meeting.addAttendee("Trần Văn Nam", "Người dân"));
    QVERIFY(meeting.addAttendee("Lê Thị Hoa", ""));
    const auto roleAt = [&](int r) {
        return meeting.attendees()
            ->data(meeting.attendees()->index(r), AttendeeListModel::RoleRole)
            .toString();
    };
    QCOMPARE(roleAt(row + 1), QString());
    QVERIFY(meeting.setAttendeeRole(row + 1, " Trưởng khu phố "));
    MeetingController reread;
    reread.setRecordId(toQString(m_ids.weekMeeting));
    QCOMPARE(reread.attendees()
                 ->data(reread.attendees()->index(row + 1), AttendeeListModel::RoleRole)
                 .toString(),
             QStringLiteral("Trưởng khu phố"));
    QCOMPARE(roleAt(row), QStringLiteral("Người dân"));
}

void ClientModelsTest::refusedChangesAreListedWithTheirReason() {
    RefusedListModel refused;
    QAbstractItemModelTester tester(&refused, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(refused.rowCount(), 1);
    const QModelIndex row = refused.index(0);
    QVERIFY2(refused.data(row, RefusedListModel::ReasonRole)
                 .toString()
                 .contains(QStringLiteral("Vai trò của tài khoản không được ghi")),
             qPrintable(refused.data(row, RefusedListModel::ReasonRole).toString()));
    QVERIFY(refused.data(row, RefusedListModel::ChangesRole).toString().contains(QStringLiteral("Đã giải quyết")));
    QVERIFY(refused.data(row, RefusedListModel::RecordTitleRole).toString().contains(QStringLiteral("Xe khách")));
    // The refused status is not in the state.
    PetitionController petition;
    petition.setRecordId(toQString(m_ids.transportPetition));
    QCOMPARE(petition.values().value("status").toString(), QStringLiteral("escalated"));
}

void ClientModelsTest::homeSummaryCountsOpenAndOverdueWork() {
    HomeSummary home;
    QSignalSpy changed(&home, &HomeSummary::changed);
    home.setUnitId(toQString(m_ids.ward));
    QVERIFY(changed.count() >= 1);
    QCOMPARE(home.openPetitions(), 6);
    QCOMPARE(home.overduePetitions(), 2);
    QCOMPARE(home.overdueDirectives(), 1);
    QCOMPARE(home.overdueCount(), 3);
    QCOMPARE(home.openDirectives(), 2);
    QCOMPARE(home.weekMeetingId(), toQString(m_ids.weekMeeting));
}

void ClientModelsTest::everyEnumValueHasAReadableLabel() {
    for (const EntityDef& e : entities())
        for (const FieldDef& f : e.fields) {
            QVERIFY2(Catalog::fieldLabel(toQString(e.name), toQString(f.name)) != toQString(f.name),
                     qPrintable(toQString(e.name + "." + f.name)));
            for (const std::string& v : f.enumValues)
                QVERIFY2(Catalog::enumLabel(toQString(e.name), toQString(f.name), toQString(v)) != toQString(v),
                         qPrintable(toQString(e.name + "." + f.name + "=" + v)));
        }
}

void ClientModelsTest::datesAreShownAndTypedAsDayMonthYear() {
    QCOMPARE(formatDate("2026-03-05"), QStringLiteral("05/03/2026"));
    QCOMPARE(parseDate("5/3/2026").value_or(""), std::string("2026-03-05"));
    QVERIFY(!parseDate("31/02/2026"));
    QVERIFY(!parseDate("2026-03-05"));
    PetitionController petition;
    petition.setRecordId(toQString(m_ids.healthPetition));
    QVERIFY(!petition.setField("due_date", "32/01/2027"));
    QVERIFY(petition.lastError().contains(QStringLiteral("dd/MM/yyyy")));
    QVERIFY(petition.setField("due_date", "15/01/2027"));
    QCOMPARE(petition.values().value("due_date").toString(), QStringLiteral("15/01/2027"));
    QVERIFY(!petition.setField("households", "nhiều"));
    QVERIFY(petition.lastError().contains(QStringLiteral("số")));
}

void ClientModelsTest::anImpossibleDateIsExplainedAndAPickedDayKeepsTheTypedTime() {
    Catalog catalog;
    QVERIFY(catalog.dateProblem("", false).isEmpty());
    QVERIFY(catalog.dateProblem("28/02/2026", false).isEmpty());
    QCOMPARE(catalog.dateProblem("31/02/2026", false),
             QStringLiteral("Không có ngày 31/02/2026 trên lịch. Hãy chọn lại ngày."));
    QVERIFY(catalog.dateProblem("31/02/2026 19:30", true)
                .contains(QStringLiteral("Không có ngày 31/02/2026")));
    QVERIFY(catalog.dateProblem("mai", false).contains(QStringLiteral("ngày/tháng/năm")));
    QVERIFY(catalog.dateProblem("05/03/2026 25:00", true).contains(QStringLiteral("giờ:phút")));

    const QVariantMap shown = catalog.calendarDate("31/01/2026");
    QCOMPARE(shown.value("year").toInt(), 2026);
    QCOMPARE(shown.value("month").toInt(), 0);
    QCOMPARE(shown.value("day").toInt(), 31);
    const QVariantMap next = catalog.shiftMonth(2026, 11, 1);
    QCOMPARE(next.value("year").toInt(), 2027);
    QCOMPARE(next.value("month").toInt(), 0);
    QCOMPARE(catalog.monthTitle(2026, 2), QStringLiteral("Tháng 3 năm 2026"));
    QCOMPARE(catalog.withPickedDate("", 2026, 2, 5, false), QStringLiteral("05/03/2026"));
    QCOMPARE(catalog.withPickedDate("01/12/2026 19:30", 2026, 2, 5, true),
             QStringLiteral("05/03/2026 19:30"));
}

void ClientModelsTest::timesAreInVietnamTimeWhateverTheDeviceZone() {
    // The device is in New York (initTestCase): 12 hours behind Vietnam in March.
    const qint64 ms = QDateTime(QDate(2026, 3, 4), QTime(18, 30), Qt::UTC).toMSecsSinceEpoch();
    QVERIFY(QDateTime::fromMSecsSinceEpoch(ms).offsetFromUtc() != 7 * 3600);
    QCOMPARE(formatDateTime(ms), QStringLiteral("05/03/2026 01:30"));
    QCOMPARE(parseDateTime("05/03/2026 01:30").value_or(0), ms);
    const QDate vietnamDay = QDateTime::currentDateTimeUtc().addSecs(7 * 3600).date();
    QCOMPARE(todayIso(), toStd(vietnamDay.toString(Qt::ISODate)));
    QCOMPARE(Catalog().todayText(), vietnamDay.toString("dd/MM/yyyy"));
    // A meeting held at 19:30 Vietnam time reads 19:30 on every screen.
    MeetingController meeting;
    QVERIFY(meeting.create(toQString(m_ids.otherNeighbourhood), "01/12/2026 19:30", ""));
    QCOMPARE(meeting.values().value("held_at_ms").toLongLong(),
             QDateTime(QDate(2026, 12, 1), QTime(12, 30), Qt::UTC).toMSecsSinceEpoch());
    RecordListModel meetings;
    meetings.setEntity("meeting");
    bool found = false;
    for (int i = 0; i < meetings.rowCount(); ++i)
        if (meetings.idAt(i) == meeting.recordId()) {
            QVERIFY2(
                meetings.data(meetings.index(i), RecordListModel::DateTextRole)
                    .toString()
                    .contains("19:30"),
                qPrintable(
                    meetings.data(meetings.index(i), RecordListModel::DateTextRole).toString()));
            found = true;
        }
    QVERIFY(found);
}

void ClientModelsTest::meetingStatusesReadAsMinutesAndMeetingsAsBuoiHop() {
    QCOMPARE(Catalog::enumLabel("meeting", "status", "finalised"),
             QStringLiteral("Đã chốt biên bản"));
    QCOMPARE(Catalog::enumLabel("meeting", "status", "draft"), QStringLiteral("Đang ghi"));
    QCOMPARE(Catalog::entityLabel("meeting"), QStringLiteral("Buổi họp"));
    // Lists and the record page take the label from the same table.
    MeetingController meeting;
    meeting.setRecordId(toQString(m_ids.pastMeeting));
    QCOMPARE(meeting.values().value("status_label").toString(), QStringLiteral("Đã chốt biên bản"));
    RecordListModel meetings;
    meetings.setEntity("meeting");
    for (int i = 0; i < meetings.rowCount(); ++i) {
        const QModelIndex row = meetings.index(i);
        QCOMPARE(meetings.data(row, RecordListModel::StatusLabelRole).toString(),
                 Catalog::enumLabel("meeting", "status",
                                    meetings.data(row, RecordListModel::StatusRole).toString()));
    }
}

void ClientModelsTest::englishCanBeSwitchedOn() {
    QCOMPARE(Catalog::enumLabel("petition", "status", "received"), QStringLiteral("Mới tiếp nhận"));
    m_services->settings()->setLanguage("en");
    QCOMPARE(Catalog::enumLabel("petition", "status", "received"), QStringLiteral("Received"));
    m_services->settings()->setLanguage("vi");
    QCOMPARE(Catalog::enumLabel("petition", "status", "received"), QStringLiteral("Mới tiếp nhận"));
}

QTEST_GUILESS_MAIN(ClientModelsTest)
#include "tst_client_models.moc"
