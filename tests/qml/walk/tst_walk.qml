import QtQuick
import QtQuick.Controls
import QtTest
import NgheDan
import NgheDan.Ui
import "../driver.js" as Driver

// Walks every path of the app that creates or changes a record, as the signed-in demo user
// (an official of Phường 4 or a supervisor of Quận 3, or of the city in the two-tier demo)
// against the real server, syncing after each step:
// the server must accept every change the app let the person make.
TestCase {
    id: tc

    property ApplicationWindow app: null
    property string meetingId
    property string petitionId

    function page(): Item { return Driver.currentPage(tc) }
    function openedPage(name: string): Item {
        tryVerify(() => tc.page() && tc.page().objectName === name && !Driver.item(tc, "stack").busy, 5000,
                  "the " + name + " did not open")
        return tc.page()
    }
    /** Syncs and fails with the server's reasons when any change was not accepted. */
    function syncAccepted(step: string) {
        // An automatic sync may be running, and the app cancels it when the person touches
        // the data: wait for quiet, then sync until one run completes.
        let ok = false
        for (let attempt = 0; attempt < 3 && !ok; ++attempt) {
            tryVerify(() => !Sync.running, 120000, step + ": a sync never ends")
            syncSpy.clear()
            Sync.syncNow()
            syncSpy.wait(120000)
            ok = syncSpy.signalArguments[0][0]
        }
        verify(ok, step + ": sync failed: " + Sync.lastError)
        Sync.refreshCounts()
        if (Sync.refusedCount > 0) {
            const reasons = []
            for (let i = 0; i < refused.count; ++i)
                reasons.push(refused.data(refused.index(i, 0), Qt.UserRole + 2) + ": " +
                             refused.data(refused.index(i, 0), Qt.UserRole + 6))
            fail(step + ": " + Sync.refusedCount + " change(s) not accepted: " + reasons.join("; "))
        }
        compare(Sync.pendingCount, 0, step + ": changes left unsent")
        compare(Driver.item(tc, "outboxText").text, "Mọi thay đổi đã được gửi")
    }
    function isOfficial(): bool { return Session.role === "official" }
    /** Saves the window as <walkShots>/<name>-<tree>.png when NGHEDAN_WALK_SHOTS names a folder. */
    function shoot(name: string, shown: Item) {
        if (typeof walkShots === "undefined" || walkShots.length === 0) return
        // Wait until `shown` and everything around it has finished its entry transition.
        const settled = () => {
            for (let p = shown; p; p = p.parent)
                if (p.opacity < 1 || p.scale !== 1) return false
            return true
        }
        tryVerify(settled, 3000, name + " did not finish opening")
        waitForRendering(tc.app.contentItem)
        const file = walkShots + "/" + name + "-" + (tc.treeHasDistricts() ? "districts" : "two-tier") + ".png"
        grabImage(tc.app.contentItem.parent).save(file)  // with the popup overlay
    }
    /** The demo's shape: the article's districts, or today's two-tier city (NGHEDAN_WALK_TREE). */
    function treeHasDistricts(): bool {
        const units = createTemporaryQmlObject("import NgheDan; UnitListModel { level: 'district' }", tc)
        return units.count > 0
    }

    name: "Walk"
    when: windowShown

    SignalSpy { id: syncSpy; target: Sync; signalName: "finished" }
    RefusedListModel { id: refused }

    function initTestCase() {
        const component = Qt.createComponent("qrc:/NgheDan/Ui/Main.qml")
        compare(component.status, Component.Ready, component.errorString())
        tc.app = component.createObject(null)
        tc.app.show()
        waitForRendering(tc.app.contentItem)
        verify(Session.signedIn)
    }
    function cleanupTestCase() {
        tc.app.destroy()
        wait(50)
    }
    function init() {
        keyClick(Qt.Key_Escape)
        tc.app.goHome()
        waitForRendering(tc.app.contentItem)
    }

    function test_1_meetingFromTheOfficialsOwnWard() {
        if (!tc.isOfficial()) {
            // A supervisor records no meetings: the app does not offer it.
            verify(!Driver.item(tc, "homeNewMeeting").visible, "a supervisor is offered a new meeting")
            return
        }
        Driver.tap(tc, "homeNewMeeting")
        // The official of Phường 4 is asked only for the neighbourhood: one box, one tap.
        tryVerify(() => Driver.item(tc, "unitLevel0").count > 0)
        verify(!Driver.has(tc, "unitLevel1") || !Driver.item(tc, "unitLevel1").visible || Driver.item(tc, "unitLevel1").count === 0)
        compare(Driver.item(tc, "unitLevel0").find("Quận 12"), -1)
        tc.shoot("new-meeting", Driver.item(tc, "unitLevel0"))
        Driver.choose(tc, "unitLevel0", "Khu phố 1")
        Driver.tap(tc, "createMeetingButton")
        const meetingPage = tc.openedPage("meetingPage")
        tc.meetingId = meetingPage.recordId
        const meeting = meetingPage.controller

        Driver.tap(tc, "attendeeName")
        Driver.typeText(tc, "Nguyen Van An")
        Driver.tap(tc, "addAttendee")
        Driver.tap(tc, "attendeeName")
        Driver.typeText(tc, "Tran Thi Binh")
        Driver.tap(tc, "addAttendee")
        compare(meeting.attendees.count, 2)
        verify(meeting.setAttendeeRole(1, "Tổ trưởng tổ dân phố"))
        verify(meeting.setField("resident_count", "42"))
        verify(meeting.setField("chaired_by", "Phạm Minh Khôi"))
        verify(meeting.setField("secretary", "Lê Thị Minh Thư"), meeting.lastError)
        Driver.tap(tc, "minutesArea")
        Driver.typeText(tc, "Ba muoi ho dan du hop")
        tryCompare(meeting, "hasPendingText", false, 5000)
        meeting.editText("agenda", "1. Camera an ninh\n2. Căn cước gắn chip")
        meeting.editText("conclusions", "Giao Công an phường lắp camera trong tháng")
        verify(meeting.flush())
        tc.syncAccepted("meeting with attendees, minutes, agenda, conclusions")
    }

    function test_2_petitionsAndDirectivesAtTheMeeting() {
        if (!tc.isOfficial()) {
            // A supervisor reads a meeting and gives directives at it; nothing else is offered.
            const meetings = createTemporaryQmlObject("import NgheDan; RecordListModel { entity: 'meeting' }", tc)
            tryVerify(() => meetings.count > 0, 5000, "no meeting in scope")
            tc.app.openMeeting(meetings.idAt(0))
            const page = tc.openedPage("meetingPage")
            verify(!Driver.has(tc, "capturePetitionButton"), "a supervisor is offered a petition")
            verify(!Driver.has(tc, "finaliseButton") && !Driver.has(tc, "amendButton"))
            verify(Driver.item(tc, "titleField").readOnly, "a supervisor may edit the meeting's title")
            verify(Driver.item(tc, "minutesArea").readOnly, "a supervisor may edit the minutes")
            verify(Driver.has(tc, "meetingRoleNote"), "read-only fields are not explained")
            Driver.tap(tc, "newDirectiveButton")
            Driver.tap(tc, "instructionField")
            Driver.typeText(tc, "Bao cao tien do trong tuan")
            Driver.choose(tc, "directiveAgency", "UBND", true)
            Driver.tap(tc, "saveDirectiveButton")
            tryVerify(() => !Driver.has(tc, "saveDirectiveButton"), 5000, "the directive was not saved")
            tc.syncAccepted("a supervisor's directive at a meeting")
            return
        }
        tc.app.openMeeting(tc.meetingId)
        const meetingPage = tc.openedPage("meetingPage")
        const meeting = meetingPage.controller

        // Quick petition at the meeting.
        Driver.tap(tc, "capturePetitionButton")
        Driver.tap(tc, "category_security_order")
        Driver.tap(tc, "savePetitionButton")
        tryVerify(() => !Driver.has(tc, "savePetitionButton"), 5000, "the quick petition dialog stays open")
        const petitions = createTemporaryQmlObject("import NgheDan; RecordListModel { entity: 'petition'; meetingId: '" + tc.meetingId + "' }", tc)
        tryVerify(() => petitions.count === 1, 5000, "the quick petition is not in the meeting")
        tc.petitionId = petitions.idAt(0)

        // A directive given at the meeting belongs to the meeting's neighbourhood and stays linked.
        if (tc.page().objectName !== "meetingPage") tc.app.openMeeting(tc.meetingId)
        tc.openedPage("meetingPage")
        Driver.tap(tc, "newDirectiveButton")
        Driver.tap(tc, "instructionField")
        Driver.typeText(tc, "Cong an phuong lap camera dau hem")
        Driver.choose(tc, "directiveAgency", "Công an", true)
        Driver.tap(tc, "saveDirectiveButton")
        tryVerify(() => !Driver.has(tc, "saveDirectiveButton"), 5000, "the directive was not saved: " +
                  (Driver.has(tc, "directiveError") ? Driver.item(tc, "directiveError").text : ""))
        const directives = createTemporaryQmlObject("import NgheDan; RecordListModel { entity: 'directive'; meetingId: '" + tc.meetingId + "' }", tc)
        tryVerify(() => directives.count === 1, 5000, "the directive is not linked to the meeting")
        tc.syncAccepted("quick petition and directive at the meeting")
        directives.refresh()
        compare(directives.count, 1, "after sync the meeting lost its directive")

        // Finalise, then amend.
        tc.app.openMeeting(tc.meetingId)
        const again = tc.openedPage("meetingPage").controller
        verify(again.finalise(), again.lastError)
        again.amend()
        verify(again.setField("location", "Nhà văn hóa khu phố 1"), again.lastError)
        verify(again.finalise(), again.lastError)
        tc.syncAccepted("finalise and amend")
    }

    /** A petition of the user's scope: the walk's own (official) or one from the demo (supervisor). */
    function petitionToHandle(): string {
        if (tc.petitionId.length > 0) return tc.petitionId
        const model = createTemporaryQmlObject("import NgheDan; RecordListModel { entity: 'petition'; status: 'received' }", tc)
        tryVerify(() => model.count > 0, 5000, "no received petition in scope")
        return model.idAt(0)
    }

    function test_3_petitionHandlingStepsAndDirective() {
        const id = tc.petitionToHandle()
        tc.app.openPetition(id)
        const petitionPage = tc.openedPage("petitionPage")
        const petition = petitionPage.controller
        compare(petition.mayEdit("title"), tc.isOfficial(), "title editing offered to the wrong role")
        for (const field of ["title", "location", "petitioner_name", "households"])
            compare(Driver.item(tc, field + "Field").readOnly, !tc.isOfficial(), field + " offered to the wrong role")
        compare(Driver.has(tc, "petitionRoleNote"), !tc.isOfficial(), "read-only fields are not explained")

        Driver.choose(tc, "leadAgency", "Công an", true)
        tryCompare(petition.values, "status", "assigned")
        verify(petition.setStatus("in_progress"), petition.lastError)
        verify(petition.addUpdate("Đã khảo sát hiện trường"), petition.lastError)
        verify(petition.setField("due_date", "15/12/2026"), petition.lastError)

        const fromPetition = createTemporaryQmlObject("import NgheDan; RecordListModel { entity: 'directive'; petitionId: '" + id + "' }", tc)
        wait(50)
        const before = fromPetition.count
        Driver.tap(tc, "petitionNewDirective")
        Driver.tap(tc, "instructionField")
        Driver.typeText(tc, "Bao cao ket qua truoc ngay 15")
        Driver.choose(tc, "directiveAgency", "UBND", true)
        Driver.tap(tc, "saveDirectiveButton")
        tryVerify(() => fromPetition.count === before + 1, 5000, "the directive is not linked to the petition: " +
                  (Driver.has(tc, "directiveError") ? Driver.item(tc, "directiveError").text : ""))

        verify(petition.setStatus("resolved", ""), petition.lastError)
        verify(petition.setField("resolution", "Đã lắp 4 camera"), petition.lastError)
        tc.syncAccepted("petition handling and a directive from it")

        verify(petition.setStatus("in_progress", "Người dân báo camera chưa hoạt động"), petition.lastError)
        // Escalation follows the unit tree: the district then the city, or only the city since
        // 2025; the dialog's first choice is the nearest level.
        const levels = petition.escalationLevels.map(l => l.value)
        compare(levels[levels.length - 1], "city")
        compare(levels.indexOf("district") >= 0, tc.treeHasDistricts())
        verify(petition.escalate(levels[0], "Vượt thẩm quyền phường"), petition.lastError)
        tc.syncAccepted("reopen and escalate")
    }

    function test_4_standaloneDirectiveAndItsResult() {
        tc.app.newRecord("directive")
        tryVerify(() => Driver.item(tc, "instructionField").visible)
        // A supervisor of Quận 3 picks the ward; an official's directive is for their own ward.
        if (!tc.isOfficial()) Driver.choose(tc, "unitLevel0", "Phường 4")
        Driver.tap(tc, "instructionField")
        Driver.typeText(tc, "Ra soat ho chua co the BHYT")
        Driver.choose(tc, "directiveAgency", "UBND", true)
        Driver.tap(tc, "saveDirectiveButton")
        const directive = tc.openedPage("directivePage").controller
        verify(directive.exists)
        verify(directive.setStatus("in_progress"), directive.lastError)
        verify(directive.addUpdate("Đã rà soát 120 hộ"), directive.lastError)
        verify(directive.setField("result", "Cấp 35 thẻ BHYT"), directive.lastError)
        verify(directive.setStatus("done"), directive.lastError)
        tc.syncAccepted("standalone directive, status and result")
    }

    function test_5_theOtherStatusStepsWithReasons() {
        if (!tc.isOfficial()) skip("officials record petitions")
        for (const [status, reason] of [["not_competent", "Thuộc thẩm quyền Tòa án"], ["withdrawn", "Người dân rút đơn"]]) {
            const petition = createTemporaryQmlObject("import NgheDan; PetitionController {}", tc)
            verify(petition.createAtMeeting(tc.meetingId, "other", "Kiến nghị " + status), petition.lastError)
            verify(!petition.setStatus(status, ""), status + " without a reason was taken")
            verify(petition.setStatus(status, reason), petition.lastError)
        }
        tc.syncAccepted("not competent and withdrawn with reasons")
    }

    function test_6_reportBackAtTheNextVisitAndPublicResults() {
        // Making a result public is the official's and the supervisor's (shared policy).
        const handled = tc.petitionToHandle()
        tc.app.openPetition(handled)
        const petition = tc.openedPage("petitionPage").controller
        verify(petition.receiptCode.length > 0)
        // The demo made some petitions public already: the switch then takes it back first.
        if (petition.values["public"] === true) {
            Driver.tap(tc, "publicSwitch")
            tryVerify(() => petition.values["public"] === false, 3000, "the petition stayed public")
        }
        Driver.tap(tc, "publicSwitch")
        tryVerify(() => petition.values["public"] === true, 3000, "the petition did not become public")
        verify(petition.setField("public_note", "Kết quả được niêm yết tại nhà văn hóa khu phố"), petition.lastError)
        tc.syncAccepted("a petition's result made public")

        if (!tc.isOfficial()) {
            // A supervisor sees what was reported back, and records nothing.
            const meetings = createTemporaryQmlObject("import NgheDan; RecordListModel { entity: 'meeting' }", tc)
            tryVerify(() => meetings.count > 0, 5000, "no meeting in scope")
            tc.app.openMeeting(meetings.idAt(0))
            const page = tc.openedPage("meetingPage")
            verify(!page.reportBacks.canRecord, "a supervisor is offered to record verdicts")
            verify(!Driver.has(tc, "satisfied_0") && !Driver.has(tc, "unsatisfied_0"))
            return
        }
        // The walk's meeting raised a petition that has been answered since.
        const answered = createTemporaryQmlObject("import NgheDan; PetitionController {}", tc)
        verify(answered.createAtMeeting(tc.meetingId, "environment_sanitation", "Cong thoat nuoc hem 5 bi nghet"), answered.lastError)
        verify(answered.setField("resolution", "Da nao vet cong"), answered.lastError)
        for (const status of ["assigned", "in_progress", "resolved"])
            verify(answered.setStatus(status, ""), answered.lastError)
        // The next visit to the same neighbourhood, a week later.
        const earlier = createTemporaryQmlObject("import NgheDan; MeetingController {}", tc)
        earlier.recordId = tc.meetingId
        const next = createTemporaryQmlObject("import NgheDan; MeetingController {}", tc)
        const d = new Date(earlier.values.held_at_ms + 7 * 24 * 3600 * 1000)
        const two = (n) => (n < 10 ? "0" : "") + n
        verify(next.create(earlier.unitId, two(d.getUTCDate()) + "/" + two(d.getUTCMonth() + 1) + "/" + d.getUTCFullYear() + " 19:00", ""),
               next.lastError)
        tc.app.openMeeting(next.recordId)
        const page = tc.openedPage("meetingPage")
        tryVerify(() => page.reportBacks.rowOf(answered.recordId) >= 0, 5000, "the answered petition is not reported back")
        tc.shoot("report-back", Driver.item(tc, "reportBackCard"))
        Driver.tap(tc, "unsatisfied_" + page.reportBacks.rowOf(answered.recordId))
        tryVerify(() => Driver.item(tc, "reportBackNote").activeFocus)
        Driver.typeText(tc, "Mua lon van ngap")
        Driver.tap(tc, "reportBackConfirm")
        tryCompare(answered.values, "status", "in_progress")
        const open = page.reportBacks.rowOf(tc.petitionId)
        if (open >= 0) Driver.tap(tc, "satisfied_" + open)
        tc.syncAccepted("report back at the next visit")
    }
}
