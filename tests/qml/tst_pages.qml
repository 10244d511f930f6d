import QtQuick
import QtQuick.Controls
import QtTest
import NgheDan
import NgheDan.Ui

// Drives the real app window (Main.qml) with taps and typing.
TestCase {
    id: tc

    property ApplicationWindow app: null

    // Searches the visual tree (pages, open popups in the overlay), visible items first.
    function search(root: Item, name: string, visibleOnly: bool): Item {
        if (!root) return null
        if (root.objectName === name && (!visibleOnly || root.visible)) return root
        for (let i = 0; i < root.children.length; ++i) {
            const found = tc.search(root.children[i], name, visibleOnly)
            if (found) return found
        }
        return null
    }
    function item(name: string): Item {
        // The window's root item holds both the content and the popup overlay.
        const top = tc.app.contentItem.parent
        const found = tc.search(top, name, true) ?? tc.search(top, name, false)
        verify(found !== null, "no item named " + name)
        return found
    }
    function tap(name: string) {
        const target = tc.item(name)
        tryVerify(() => target.visible && target.enabled, 2000, name + " is not tappable")
        // Wait until page and popup transitions have finished moving it.
        let last = target.mapToItem(null, 0, 0)
        tryVerify(() => {
            const now = target.mapToItem(null, 0, 0)
            const still = now.x === last.x && now.y === last.y && !tc.item("stack").busy
            last = now
            return still
        }, 3000, name + " keeps moving")
        wait(20)
        verify(target.height >= 40, name + " is smaller than a finger: " + target.height)
        mouseClick(target)
        return target
    }
    function currentPage(): Item { return tc.item("stack").currentItem }
    function typeText(text: string) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }
    function petitionIdMatching(search: string): string {
        const model = createTemporaryQmlObject("import NgheDan; RecordListModel { entity: 'petition' }", tc)
        model.searchText = search
        verify(model.count > 0, "nothing matches " + search)
        return model.idAt(0)
    }

    name: "Pages"
    when: windowShown

    function initTestCase() {
        const component = Qt.createComponent("qrc:/NgheDan/Ui/Main.qml")
        compare(component.status, Component.Ready, component.errorString())
        tc.app = component.createObject(null)
        tc.app.show()
        waitForRendering(tc.app.contentItem)
    }
    function cleanupTestCase() {
        tc.app.destroy()
        wait(50)
    }
    function init() {
        // A failed test may leave a dialog open; Escape closes it.
        keyClick(Qt.Key_Escape)
        tc.app.goHome()
        waitForRendering(tc.app.contentItem)
    }

    function test_1_createMeeting() {
        tc.tap("homeNewMeeting")
        const district = tc.item("districtBox")
        tryVerify(() => district.visible && district.count > 0)
        district.currentIndex = district.find("Quận 12")
        const ward = tc.item("wardBox")
        ward.currentIndex = ward.find("Phường Thới An")
        const hood = tc.item("neighbourhoodBox")
        hood.currentIndex = hood.find("Khu phố 4")
        compare(hood.currentText, "Khu phố 4")
        tc.tap("createMeetingButton")
        tryVerify(() => tc.currentPage().objectName === "meetingPage")
        const page = tc.currentPage()
        compare(page.controller.values.title, "Họp dân Khu phố 4")
        compare(page.controller.values.status, "draft")
        // The neighbourhood's open petition from an earlier visit is on the agenda.
        verify(page.controller.values.agenda.indexOf("Lấn chiếm") < 0)

        const minutes = tc.tap("minutesArea")
        verify(minutes.activeFocus)
        tc.typeText("Ba muoi ho dan du hop")
        tryCompare(page.controller, "hasPendingText", false, 5000)
        compare(page.controller.values.minutes, "Ba muoi ho dan du hop")
        tc.tap("attendeeName")
        tc.typeText("Tran Van Nam")
        tc.tap("addAttendee")
        compare(page.controller.attendees.count, 1)
    }

    function test_2_petitionInThreeTaps() {
        tc.tap("openWeekMeeting")
        tryVerify(() => tc.currentPage().objectName === "meetingPage")
        const meetingId = tc.currentPage().recordId
        let taps = 0
        tc.tap("capturePetitionButton"); ++taps
        tc.tap("category_environment_sanitation"); ++taps
        tc.tap("savePetitionButton"); ++taps
        verify(taps <= 3)
        tryVerify(() => tc.currentPage().objectName === "petitionPage")
        const petition = tc.currentPage().controller
        compare(petition.values.status, "received")
        compare(petition.values.meeting, meetingId)
        compare(petition.values.category, "environment_sanitation")
        compare(petition.values.title, Catalog.label("petition", "category", "environment_sanitation"))
    }

    function test_3_petitionMovesThroughItsStatuses() {
        tc.app.newRecord("petition")
        const hood = tc.item("neighbourhoodBox")
        tryVerify(() => hood.visible)
        const district = tc.item("districtBox")
        district.currentIndex = district.find("Quận 12")
        const ward = tc.item("wardBox")
        ward.currentIndex = ward.find("Phường Thới An")
        hood.currentIndex = hood.find("Khu phố 2")
        tc.tap("petitionTitleField")
        tc.typeText("Nuoc thai tran ra duong")
        tc.tap("category_environment_sanitation")
        tc.tap("savePetitionButton")
        tryVerify(() => tc.currentPage().objectName === "petitionPage")
        const petition = tc.currentPage().controller
        compare(petition.values.title, "Nuoc thai tran ra duong")
        for (const status of ["assigned", "in_progress", "resolved", "closed"]) {
            tc.tap("status_" + status)
            tryVerify(() => petition.values.status === status, 3000, "status " + status)
        }
        compare(petition.nextStatuses.length, 0)
        compare(tc.item("petitionStatusChip").text, Catalog.label("petition", "status", "closed"))
    }

    function test_4_aDisallowedStepIsRefused() {
        tc.app.openPetition(tc.petitionIdMatching("rac thai ton dong hem 45"))
        tryVerify(() => tc.currentPage().objectName === "petitionPage")
        const petition = tc.currentPage().controller
        compare(petition.values.status, "received")
        // Not offered in the page...
        const offered = petition.nextStatuses.map(s => s.value)
        verify(offered.indexOf("closed") < 0)
        verify(offered.indexOf("assigned") >= 0)
        // ...and refused if asked anyway.
        verify(!petition.setStatus("closed", ""))
        compare(petition.values.status, "received")
        const error = tc.item("petitionError")
        tryVerify(() => error.visible)
        verify(error.text.indexOf("Không thể chuyển") >= 0, error.text)
    }

    function test_5_resolveAConflict() {
        tc.app.openPetition(tc.petitionIdMatching("can cuoc gan chip tai nha"))
        tryVerify(() => tc.currentPage().objectName === "petitionPage")
        const petition = tc.currentPage().controller
        compare(petition.conflictCount, 1)
        tc.tap("resolveConflictsButton")
        tryVerify(() => tc.currentPage().objectName === "conflictPage")
        waitForRendering(tc.app.contentItem)
        tc.tap("keepVersion1")
        tryVerify(() => tc.currentPage().objectName === "petitionPage")
        compare(tc.currentPage().controller.conflictCount, 0)
        verify(tc.currentPage().controller.values.description.length > 0)
    }

    function test_6_searchWithoutDiacritics() {
        tc.tap("navPetitions")
        tryVerify(() => tc.currentPage().objectName === "recordsPage")
        const page = tc.currentPage()
        tc.tap("searchField")
        tc.typeText("duc")
        tryVerify(() => page.model.total >= 2)
        let titles = []
        for (let i = 0; i < page.model.count; ++i)
            titles.push(page.model.titleAt(i))
        verify(titles.indexOf("Người cao tuổi cần hỗ trợ làm căn cước gắn chip tại nhà") >= 0, titles.join(" | "))
        verify(titles.indexOf("Đèn đường hẻm 12 không sáng, người dân đi lại nguy hiểm") >= 0, titles.join(" | "))
    }
}
