// What the app does so that the server never has to refuse a change, and what a person sees
// when it still does: every new record takes its unit from what it is linked to, the role's
// write policy and the scope are checked at once, and a refused change shows where it was
// made, with a Vietnamese reason, until it is resent or discarded.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "app_services.h"
#include "demo_seed.h"
#include "directive_controller.h"
#include "meeting_controller.h"
#include "petition_controller.h"
#include "record_list_model.h"
#include "refused_list_model.h"
#include "replica_service.h"
#include "session_controller.h"
#include "sync_controller.h"
#include "value_format.h"

using namespace nghedan;
using namespace nghedan::client;

class RefusalsTest : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void aDirectiveGivenAtAMeetingBelongsToTheMeetingsNeighbourhood();
    void aDirectiveOnAPetitionIsLinkedToItsMeetingToo();
    void aUnitOutsideTheScopeIsRefusedBeforeItIsWritten();
    void aSupervisorIsNotOfferedWhatTheServerWouldRefuse();
    void aRefusedNewRecordShowsItsReasonAndLeavesNoGhost();
    void aRefusedNewRecordCanBeResentAfterTheCauseIsFixed();
    void aDiscardedRefusalLeavesTheRecordAsTheServerHasIt();

private:
    /** Marks this tablet's newest unsent change as refused by the server, as a sync does. */
    void refuseNewest(const std::string& code, const std::string& message);
    QString unitOf(const char* entity, const QString& id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppServices> m_services;
    demo::DemoIds m_ids;
};

void RefusalsTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
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

void RefusalsTest::cleanup() {
    m_services.reset();
    m_dir.reset();
}

void RefusalsTest::refuseNewest(const std::string& code, const std::string& message) {
    auto unsent = m_services->replica()->with([](Replica& r) { return r.unsent(10'000); });
    QVERIFY(unsent && !unsent->empty());
    const Dot dot = unsent->back().dot();
    QVERIFY(m_services->replica()
                ->with([&](Replica& r) {
                    return r.markRefused(dot, Error{code, message});
                })
                .ok());
    m_services->replica()->announce({});
    m_services->sync()->refreshCounts();
}

QString RefusalsTest::unitOf(const char* entity, const QString& id) {
    auto got = m_services->replica()->with([&](Replica& r) { return r.get(entity, toStd(id)); });
    return got && got.value() ? toQString(jsonString(got.value()->values, "unit")) : QString();
}

void RefusalsTest::aDirectiveGivenAtAMeetingBelongsToTheMeetingsNeighbourhood() {
    const QString meeting = toQString(m_ids.weekMeeting);
    DirectiveController directive;
    // Whatever unit a picker passes (here the city), the meeting decides.
    QVERIFY2(directive.create(meeting, {}, toQString(m_ids.city), toQString(m_ids.agencyPolice),
                              QStringLiteral("Công an phường lắp camera đầu hẻm"),
                              QStringLiteral("Chủ tịch UBND phường"), {}),
             qPrintable(directive.lastError()));
    QCOMPARE(directive.unitId(), unitOf("meeting", meeting));
    QCOMPARE(directive.values().value("meeting").toString(), meeting);
    RecordListModel atMeeting;
    atMeeting.setEntity("directive");
    atMeeting.setMeetingId(meeting);
    QVERIFY(atMeeting.idAt(0) == directive.recordId() || atMeeting.idAt(1) == directive.recordId());
}

void RefusalsTest::aDirectiveOnAPetitionIsLinkedToItsMeetingToo() {
    PetitionController petition;
    QVERIFY(petition.createAtMeeting(toQString(m_ids.weekMeeting), "security_order",
                                     QStringLiteral("Trộm cắp xe máy")));
    DirectiveController directive;
    QVERIFY2(directive.create({}, petition.recordId(), {}, toQString(m_ids.agencyPolice),
                              QStringLiteral("Tăng cường tuần tra ban đêm"),
                              QStringLiteral("Chủ tịch UBND phường"), {}),
             qPrintable(directive.lastError()));
    QCOMPARE(directive.unitId(), petition.unitId());
    QCOMPARE(directive.values().value("petition").toString(), petition.recordId());
    QCOMPARE(directive.values().value("meeting").toString(), toQString(m_ids.weekMeeting));
}

void RefusalsTest::aUnitOutsideTheScopeIsRefusedBeforeItIsWritten() {
    const auto before = m_services->replica()->with([](Replica& r) { return r.unsentCount(); });
    MeetingController meeting;
    // Quận 12 itself lies above the official's ward.
    QVERIFY(!meeting.create(toQString(m_ids.district), QStringLiteral("01/12/2026 19:00"), {}));
    QVERIFY2(meeting.lastError().contains(QStringLiteral("nằm ngoài địa bàn của bạn")),
             qPrintable(meeting.lastError()));
    QVERIFY2(meeting.lastError().contains(QStringLiteral("Quận 12")),
             qPrintable(meeting.lastError()));
    QCOMPARE(m_services->replica()->with([](Replica& r) { return r.unsentCount(); }), before);
}

void RefusalsTest::aSupervisorIsNotOfferedWhatTheServerWouldRefuse() {
    m_services->session()->signInOffline("giam.sat", "Đỗ Minh Tâm", toQString(m_ids.district),
                                         "supervisor");
    QVERIFY(!m_services->session()->mayCreate("meeting"));
    QVERIFY(!m_services->session()->mayCreate("petition"));
    QVERIFY(m_services->session()->mayCreate("directive"));
    PetitionController petition;
    petition.setRecordId(toQString(m_ids.healthPetition));
    QVERIFY(petition.exists());
    QVERIFY(!petition.mayEdit("title"));
    QVERIFY(!petition.mayEdit("petitioner_name"));
    QVERIFY(petition.mayEdit("status"));
    QVERIFY(!petition.editableFields().contains("title"));
    QVERIFY(petition.editableFields().contains("lead_agency"));
    QVERIFY(!petition.setField("title", QStringLiteral("Sửa tiêu đề")));
    QVERIFY2(petition.lastError().contains(QStringLiteral("Vai trò của bạn")),
             qPrintable(petition.lastError()));
    QVERIFY(petition.setField("priority", "high"));
}

void RefusalsTest::aRefusedNewRecordShowsItsReasonAndLeavesNoGhost() {
    const QString meeting = toQString(m_ids.weekMeeting);
    DirectiveController made;
    QVERIFY(made.create(meeting, {}, {}, toQString(m_ids.agencyPolice),
                        QStringLiteral("Lắp biển cấm dừng xe khách"),
                        QStringLiteral("Chủ tịch UBND phường"), {}));
    const QString id = made.recordId();
    refuseNewest("out_of_scope",
                 "unit " + toStd(made.unitId()) + " is outside the scope of can.bo.lan (official)");

    DirectiveController page;
    page.setRecordId(id);
    QVERIFY(!page.exists());
    QVERIFY(page.refused());
    // What was refused is shown, not a blank form; nothing is editable until resent.
    QCOMPARE(page.values().value("instruction").toString(),
             QStringLiteral("Lắp biển cấm dừng xe khách"));
    QVERIFY(!page.mayEdit("instruction"));
    QVERIFY(page.editableFields().isEmpty());
    // The reason names the place, never an id.
    QVERIFY2(page.refusalText().contains(QStringLiteral("Phường Thới An")),
             qPrintable(page.refusalText()));
    QVERIFY2(!page.refusalText().contains(made.unitId()), qPrintable(page.refusalText()));
    QVERIFY2(!page.refusalText().contains(QStringLiteral("scope")), qPrintable(page.refusalText()));

    // The meeting's directive list has no ghost; the meeting's own refused list has it.
    RecordListModel atMeeting;
    atMeeting.setEntity("directive");
    atMeeting.setMeetingId(meeting);
    for (int row = 0; row < atMeeting.rowCount(); ++row) QVERIFY(atMeeting.idAt(row) != id);
    RefusedListModel refusedHere;
    refusedHere.setMeetingId(meeting);
    QCOMPARE(refusedHere.count(), 1);
    QCOMPARE(refusedHere.data(refusedHere.index(0), RefusedListModel::RecordIdRole).toString(), id);

    // The header counts it (with the demo's earlier refusal) and does not say all was sent.
    QCOMPARE(m_services->sync()->refusedCount(), 2);
    QVERIFY2(
        m_services->sync()->outboxText().contains(QStringLiteral("2 thay đổi chưa được chấp nhận")),
        qPrintable(m_services->sync()->outboxText()));
    QVERIFY(!m_services->sync()->outboxText().contains(QStringLiteral("Mọi thay đổi")));
}

void RefusalsTest::aRefusedNewRecordCanBeResentAfterTheCauseIsFixed() {
    DirectiveController made;
    QVERIFY(made.create(toQString(m_ids.weekMeeting), {}, {}, toQString(m_ids.agencyPolice),
                        QStringLiteral("Phát tờ rơi phòng cháy"),
                        QStringLiteral("Chủ tịch UBND phường"), {}));
    const QString id = made.recordId();
    refuseNewest("forbidden", "can.bo.lan (official): not allowed");
    const auto unsentBefore =
        m_services->replica()->with([](Replica& r) { return r.unsentCount(); });

    DirectiveController page;
    page.setRecordId(id);
    QVERIFY(page.refused());
    QVERIFY2(page.resendRefused(), qPrintable(page.lastError()));
    QVERIFY(page.exists());
    QVERIFY(!page.refused());
    QCOMPARE(page.recordId(), id);  // the same record, with its links
    QCOMPARE(page.values().value("meeting").toString(), toQString(m_ids.weekMeeting));
    QCOMPARE(m_services->replica()->with([](Replica& r) { return r.unsentCount(); }),
             unsentBefore + 1);
    m_services->sync()->refreshCounts();
    QCOMPARE(m_services->sync()->refusedCount(), 1);  // the demo's own refusal stays
}

void RefusalsTest::aDiscardedRefusalLeavesTheRecordAsTheServerHasIt() {
    PetitionController petition;
    petition.setRecordId(toQString(m_ids.healthPetition));
    const QString title = petition.values().value("title").toString();
    QVERIFY(petition.setField("title", QStringLiteral("Tiêu đề bị từ chối")));
    refuseNewest("forbidden", "not allowed");
    petition.reload();
    QCOMPARE(petition.values().value("title").toString(), title);
    QVERIFY(petition.exists());
    QVERIFY(petition.refused());
    RecordListModel list;
    list.setEntity("petition");
    bool marked = false;
    for (int row = 0; row < list.rowCount(); ++row)
        if (list.idAt(row) == petition.recordId())
            marked = list.data(list.index(row), RecordListModel::RefusedRole).toBool();
    QVERIFY2(marked, "the petition list does not mark the refused petition");

    const int refusedBefore = m_services->sync()->refusedCount();
    QVERIFY(petition.discardRefused());
    QVERIFY(!petition.refused());
    QCOMPARE(petition.values().value("title").toString(), title);
    m_services->sync()->refreshCounts();
    QCOMPARE(m_services->sync()->refusedCount(), refusedBefore - 1);
}

QTEST_GUILESS_MAIN(RefusalsTest)
#include "tst_refusals.moc"
