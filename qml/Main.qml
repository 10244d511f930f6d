import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// The window: sign-in until someone is signed in; then a navigation rail (landscape) or
// drawer (portrait), a header with the sync state, and a stack of pages.
ApplicationWindow {
    id: root

    readonly property bool landscape: root.width >= root.height
    readonly property bool unlocked: Session.signedIn && DeviceLock.state === "open"
    property string section: "home"

    function resetTo(component: Component, properties: var, section: string) {
        root.section = section
        stack.clear(StackView.Immediate)
        stack.push(component, properties, StackView.Immediate)
        drawer.close()
    }
    function goHome() { root.resetTo(homePage, {}, "home") }
    function showList(entity: string, overdueOnly: bool) {
        root.resetTo(recordsPage, { entity: entity, overdueOnly: overdueOnly }, entity)
    }
    function showRefused() { root.resetTo(refusedPage, {}, "refused") }
    function showSettings() { root.resetTo(settingsPage, {}, "settings") }
    function openMeeting(id: string) { stack.push(meetingPage, { recordId: id }) }
    function openPetition(id: string) { stack.push(petitionPage, { recordId: id }) }
    function openDirective(id: string) { stack.push(directivePage, { recordId: id }) }
    function openRecord(entity: string, id: string) {
        if (entity === "meeting") root.openMeeting(id)
        else if (entity === "petition") root.openPetition(id)
        else root.openDirective(id)
    }
    function openResultsNotice(unitId: string, meetingId: string) {
        stack.push(resultsNoticePage, { unitId: unitId, meetingId: meetingId })
    }
    function openConflicts(entity: string, id: string) {
        stack.push(conflictPage, { entity: entity, recordId: id })
    }
    function newRecord(entity: string) {
        if (entity === "meeting") newMeetingDialog.open()
        else if (entity === "petition") newPetitionDialog.open()
        else newDirectiveDialog.open()
    }

    width: 1280
    height: 800
    visible: true
    title: qsTr("Nghe Dân — ghi nhận ý kiến người dân")
    Material.theme: Material.Light
    Material.primary: Theme.primary
    Material.accent: Theme.primary
    Material.foreground: Theme.text
    Material.background: Theme.background
    font.pixelSize: Theme.bodySize

    header: ToolBar {
        visible: root.unlocked
        Material.background: Theme.primary
        Material.foreground: Theme.textOnPrimary
        height: root.unlocked ? 64 : 0
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 4
            anchors.rightMargin: Theme.pad
            spacing: 8
            ToolButton {
                objectName: "backButton"
                text: stack.depth > 1 ? "‹" : "☰"
                font.pixelSize: 28
                visible: stack.depth > 1 || !root.landscape
                Accessible.name: stack.depth > 1 ? qsTr("Quay lại") : qsTr("Mở danh mục")
                onClicked: stack.depth > 1 ? stack.pop() : drawer.open()
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: stack.depth > 1 || !root.landscape ? 0 : Theme.pad
                text: stack.currentItem ? stack.currentItem.title : ""
                font.pixelSize: Theme.titleSize
                font.weight: Font.DemiBold
                color: Theme.textOnPrimary
                // One line: wrapping here next to the sync indicator made Qt 6.4's RowLayout
                // re-arrange forever (the app froze on start); page titles are short instead.
                elide: Text.ElideRight
            }
            Label {
                visible: !Sync.online
                text: qsTr("NGOẠI TUYẾN")
                color: Theme.primary
                font.weight: Font.Bold
                font.pixelSize: 13
                padding: 6
                background: Rectangle { color: "white"; radius: 4 }
            }
            SyncIndicator {
                objectName: "syncIndicator"
                onRefusedRequested: root.showRefused()
            }
        }
    }

    Component {
        id: navigation
        ColumnLayout {
            spacing: 0
            Label {
                Layout.fillWidth: true
                Layout.margins: Theme.pad
                text: qsTr("Nghe Dân")
                font.pixelSize: 24
                font.weight: Font.Bold
                color: Theme.primary
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.pad
                Layout.rightMargin: Theme.pad
                Layout.bottomMargin: Theme.gap
                text: Session.displayName
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            NavButton { objectName: "navHome"; text: qsTr("Trang chủ"); current: root.section === "home"; onClicked: root.goHome() }
            NavButton { objectName: "navMeetings"; text: qsTr("Buổi họp"); current: root.section === "meeting"; onClicked: root.showList("meeting", false) }
            NavButton { objectName: "navPetitions"; text: qsTr("Kiến nghị"); current: root.section === "petition"; onClicked: root.showList("petition", false) }
            NavButton { objectName: "navDirectives"; text: qsTr("Chỉ đạo"); current: root.section === "directive"; onClicked: root.showList("directive", false) }
            NavButton {
                objectName: "navRefused"
                text: qsTr("Chưa được chấp nhận")
                badge: Sync.refusedCount
                current: root.section === "refused"
                onClicked: root.showRefused()
            }
            NavButton { objectName: "navSettings"; text: qsTr("Cài đặt"); current: root.section === "settings"; onClicked: root.showSettings() }
            Item { Layout.fillHeight: true }
            Button {
                Layout.fillWidth: true
                Layout.margins: Theme.gap
                visible: Session.mayCreate("meeting")
                text: qsTr("+ Buổi họp mới")
                highlighted: true
                onClicked: newMeetingDialog.open()
            }
        }
    }

    Drawer {
        id: drawer
        width: Theme.navWidth + 40
        height: root.height
        interactive: root.unlocked && !root.landscape
        Loader {
            anchors.fill: parent
            active: !root.landscape
            sourceComponent: navigation
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        visible: Session.signedIn

        Pane {
            Layout.preferredWidth: Theme.navWidth
            Layout.fillHeight: true
            visible: root.landscape
            padding: 0
            Material.elevation: 2
            Loader {
                anchors.fill: parent
                active: root.landscape
                sourceComponent: navigation
            }
        }
        StackView {
            id: stack
            objectName: "stack"
            clip: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            initialItem: homePage
        }
    }

    Loader {
        anchors.fill: parent
        active: !Session.signedIn
        sourceComponent: SignInPage {}
    }
    // Above everything while the data is locked (PIN, first PIN, unsynced too long).
    Loader {
        objectName: "lockLoader"
        anchors.fill: parent
        active: Session.signedIn && DeviceLock.state !== "open"
        sourceComponent: LockPage {}
    }

    Connections {
        target: AppSettings
        function onLanguageChanged() {
            if (root.section === "settings") root.showSettings()
            else root.goHome()
        }
    }
    Connections {
        target: Session
        function onChanged() { if (Session.signedIn) root.goHome() }
    }

    Component {
        id: homePage
        HomePage {
            onOpenMeeting: (id) => root.openMeeting(id)
            onOpenPetition: (id) => root.openPetition(id)
            onOpenDirective: (id) => root.openDirective(id)
            onNewMeeting: newMeetingDialog.open()
            onOpenResultsNotice: (unitId) => root.openResultsNotice(unitId, "")
            onShowList: (entity, overdue) => root.showList(entity, overdue)
        }
    }
    Component {
        id: recordsPage
        RecordsPage {
            onOpenRecord: (entity, id) => root.openRecord(entity, id)
            onNewRecord: (entity) => root.newRecord(entity)
        }
    }
    Component {
        id: meetingPage
        MeetingPage {
            onOpenPetition: (id) => root.openPetition(id)
            onOpenDirective: (id) => root.openDirective(id)
            onOpenConflicts: (entity, id) => root.openConflicts(entity, id)
            onOpenResultsNotice: (unitId, meetingId) => root.openResultsNotice(unitId, meetingId)
        }
    }
    Component {
        id: resultsNoticePage
        ResultsNoticePage {}
    }
    Component {
        id: petitionPage
        PetitionPage {
            onOpenMeeting: (id) => root.openMeeting(id)
            onOpenDirective: (id) => root.openDirective(id)
            onOpenConflicts: (entity, id) => root.openConflicts(entity, id)
        }
    }
    Component {
        id: directivePage
        DirectivePage {
            onOpenMeeting: (id) => root.openMeeting(id)
            onOpenPetition: (id) => root.openPetition(id)
            onOpenConflicts: (entity, id) => root.openConflicts(entity, id)
        }
    }
    Component {
        id: conflictPage
        ConflictPage { onDone: stack.pop() }
    }
    Component {
        id: refusedPage
        RefusedPage {}
    }
    Component {
        id: settingsPage
        SettingsPage {}
    }

    NewMeetingDialog {
        id: newMeetingDialog
        initialUnit: Session.scopeUnit
        onCreated: (id) => root.openMeeting(id)
    }
    QuickPetitionDialog {
        id: newPetitionDialog
        initialUnit: Session.scopeUnit
        onCreated: (id) => root.openPetition(id)
    }
    NewDirectiveDialog {
        id: newDirectiveDialog
        initialUnit: Session.scopeUnit
        issuedBy: Session.displayName
        onCreated: (id) => root.openDirective(id)
    }
}
