import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// A meeting being recorded: details, attendees, agenda, minutes (saved as you type),
// conclusions, petitions and directives raised, finalising.
Page {
    id: root
    objectName: "meetingPage"

    required property string recordId
    readonly property MeetingController controller: meeting
    readonly property ReportBackModel reportBacks: reportBacks

    signal openPetition(string recordId)
    signal openDirective(string recordId)
    signal openConflicts(string entity, string recordId)
    signal openResultsNotice(string unitId, string meetingId)

    function capturePetition() {
        if (Session.mayCreate("petition"))
            quickPetition.open()
    }

    title: qsTr("Biên bản buổi họp")
    background: Rectangle { color: Theme.background }
    StackView.onDeactivating: meeting.flush()
    Component.onDestruction: meeting.flush()

    MeetingController {
        id: meeting
        recordId: root.recordId
    }

    header: Pane {
        Material.elevation: 1
        padding: Theme.gap
        RowLayout {
            anchors.fill: parent
            spacing: Theme.gap
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: meeting.values.title ?? ""
                    font.pixelSize: Theme.titleSize
                    font.weight: Font.Bold
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("%1 · %2").arg(meeting.unitName).arg(meeting.values.held_at ?? "")
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
            }
            Label {
                objectName: "saveState"
                text: meeting.saveState
                color: Theme.textMuted
                font.pixelSize: Theme.smallSize
            }
            StatusChip {
                text: meeting.values.status_label ?? ""
                tone: Catalog.statusTone("meeting", meeting.values.status ?? "")
            }
            Button {
                objectName: "capturePetitionButton"
                visible: meeting.exists && Session.mayCreate("petition")
                text: qsTr("+ Kiến nghị")
                highlighted: true
                onClicked: root.capturePetition()
            }
            Button {
                objectName: "finaliseButton"
                visible: meeting.exists && !meeting.finalised && meeting.mayEdit("status")
                text: qsTr("Chốt biên bản")
                onClicked: finaliseDialog.open()
            }
            Button {
                objectName: "amendButton"
                visible: meeting.locked && meeting.mayEdit("status")
                text: qsTr("Sửa bổ sung")
                onClicked: meeting.amend()
            }
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.pad
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: Theme.pad
            y: Theme.pad
            width: flick.width - 2 * Theme.pad
            spacing: Theme.pad

            RefusalBanner {
                Layout.fillWidth: true
                controller: meeting
            }
            ConflictBanner {
                Layout.fillWidth: true
                count: meeting.conflictCount
                onResolveRequested: root.openConflicts("meeting", root.recordId)
            }
            ErrorBanner {
                Layout.fillWidth: true
                text: meeting.lastError
                onDismissed: meeting.clearError()
            }
            Label {
                objectName: "meetingRoleNote"
                Layout.fillWidth: true
                visible: meeting.roleNote.length > 0
                text: meeting.roleNote
                wrapMode: Text.Wrap
                color: Theme.textMuted
            }
            Label {
                Layout.fillWidth: true
                visible: meeting.locked
                text: qsTr("Biên bản đã chốt. Chọn «Sửa bổ sung» nếu cần sửa; mọi phiên bản cũ vẫn được lưu trong lịch sử.")
                wrapMode: Text.Wrap
                color: Theme.done
                font.weight: Font.DemiBold
            }

            // The first part of a visit: what became of the petitions raised at earlier ones.
            SectionCard {
                objectName: "reportBackCard"
                Layout.fillWidth: true
                visible: meeting.exists
                title: qsTr("1. Báo cáo lại kết quả kiến nghị kỳ trước (%1)").arg(reportBacks.count)
                headerTools: Button {
                    objectName: "openResultsNotice"
                    text: qsTr("Thông báo kết quả")
                    flat: true
                    onClicked: root.openResultsNotice(meeting.unitId, root.recordId)
                }
                Label {
                    Layout.fillWidth: true
                    text: reportBacks.count > 0
                          ? (reportBacks.canRecord
                             ? qsTr("Đọc cho người dân kết quả từng kiến nghị, rồi ghi ý kiến của họ. «Chưa hài lòng» mở lại kiến nghị đã giải quyết.")
                             : qsTr("Kết quả đã báo cáo lại và ý kiến của người dân; cán bộ của địa bàn ghi ý kiến."))
                          : qsTr("Không có kiến nghị nào từ các lần trước cần báo cáo lại.")
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
                ErrorBanner {
                    Layout.fillWidth: true
                    text: reportBacks.lastError
                    onDismissed: reportBacks.clearError()
                }
                // Lists of a model that resets on writes sit in a Column, not the card's layout: Qt 6.4's
                // layouts read delegates the Repeater has already deleted (HomePage.qml says more).
                Column {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 0  // its width comes from the card, never from its rows
                    spacing: Theme.gap
                    Repeater {
                        model: ReportBackModel {
                            id: reportBacks
                            meetingId: root.recordId
                        }
                        delegate: ReportBackDelegate {
                            width: parent ? parent.width : 0
                            canRecord: reportBacks.canRecord
                            onOpened: (id) => root.openPetition(id)
                            onSatisfied: (id) => reportBacks.record(id, "satisfied", "")
                            onUnsatisfied: (id, title) => {
                                reportBackDialog.petitionId = id
                                reportBackDialog.petitionTitle = title
                                reportBackDialog.open()
                            }
                        }
                    }
                }
            }

            GridLayout {
                id: columnsGrid
                Layout.fillWidth: true
                columns: root.width > 1000 ? 2 : 1
                columnSpacing: Theme.pad
                rowSpacing: Theme.pad

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.pad

                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Thông tin buổi họp")
                        FormField {
                            label: Catalog.fieldName("meeting", "title")
                            SaveField { Layout.fillWidth: true; controller: meeting; field: "title"; readOnly: !meeting.editable }
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.gap
                            FormField {
                                label: Catalog.fieldName("meeting", "held_at")
                                DateField {
                                    id: heldAt
                                    Layout.fillWidth: true
                                    withTime: true
                                    readOnly: !meeting.editable
                                    text: meeting.values.held_at ?? ""
                                    onEditingFinished: if (heldAt.text !== meeting.values.held_at) meeting.setField("held_at", heldAt.text)
                                }
                            }
                            FormField {
                                label: Catalog.fieldName("meeting", "resident_count")
                                SaveField {
                                    Layout.fillWidth: true
                                    controller: meeting
                                    field: "resident_count"
                                    readOnly: !meeting.editable
                                    inputMethodHints: Qt.ImhDigitsOnly
                                }
                            }
                        }
                        FormField {
                            label: Catalog.fieldName("meeting", "location")
                            SaveField { Layout.fillWidth: true; controller: meeting; field: "location"; readOnly: !meeting.editable }
                        }
                        PlaceField {
                            objectName: "meetingPlace"
                            controller: meeting
                            readOnly: !meeting.editable
                        }
                        FormField {
                            label: Catalog.fieldName("meeting", "chaired_by")
                            SaveField { Layout.fillWidth: true; controller: meeting; field: "chaired_by"; readOnly: !meeting.editable }
                        }
                        FormField {
                            label: Catalog.fieldName("meeting", "secretary")
                            SaveField { Layout.fillWidth: true; controller: meeting; field: "secretary"; readOnly: !meeting.editable }
                        }
                        FormField {
                            label: Catalog.fieldName("meeting", "delegation")
                            AutoSaveArea {
                                controller: meeting
                                field: "delegation"
                                readOnly: !meeting.editable
                                Layout.preferredHeight: 80
                                placeholder: qsTr("Thành phần đoàn công tác")
                            }
                        }
                    }

                    AttachmentsCard {
                        objectName: "meetingAttachments"
                        Layout.fillWidth: true
                        parentEntity: "meeting"
                        parentId: meeting.exists ? meeting.recordId : ""
                    }

                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Người tham dự (%1)").arg(meeting.attendees.count)
                        RowLayout {
                            Layout.fillWidth: true
                            visible: meeting.editable
                            spacing: 8
                            TextField {
                                id: attendeeName
                                objectName: "attendeeName"
                                Layout.fillWidth: true
                                placeholderText: qsTr("Họ tên")
                                onAccepted: addAttendee.clicked()
                            }
                            ComboBox {
                                id: attendeeRole
                                objectName: "attendeeRole"
                                Layout.preferredWidth: 210
                                editable: true
                                model: Catalog.attendeeRoles
                                currentIndex: -1
                            }
                            Button {
                                id: addAttendee
                                objectName: "addAttendee"
                                text: qsTr("Thêm")
                                onClicked: {
                                    if (meeting.addAttendee(attendeeName.text, attendeeRole.editText)) {
                                        // The next person's role is their own: nothing carries over.
                                        attendeeName.clear()
                                        attendeeRole.currentIndex = -1
                                        attendeeRole.editText = ""
                                        attendeeName.forceActiveFocus()
                                    }
                                }
                            }
                        }
                        Column {
                            Layout.fillWidth: true
                            Layout.preferredWidth: 0  // its width comes from the card, never from its rows
                            spacing: Theme.gap
                            Repeater {
                                model: meeting.attendees
                                delegate: AttendeeDelegate {
                                    width: parent ? parent.width : 0
                                    editable: meeting.editable
                                    onRemoveRequested: (index) => meeting.removeAttendee(index)
                                    onRoleEdited: (index, role) => meeting.setAttendeeRole(index, role)
                                }
                            }
                        }
                    }

                }

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.pad

                    SectionCard {
                        Layout.fillWidth: true
                        title: Catalog.fieldName("meeting", "agenda")
                        AutoSaveArea {
                            id: agendaArea
                            controller: meeting
                            field: "agenda"
                            readOnly: !meeting.editable
                            Layout.preferredHeight: 140
                        }
                        Label {  // a warning only: saving is never blocked
                            objectName: "agendaWarning"
                            Layout.fillWidth: true
                            text: TextCheck.warning(agendaArea.area.text)
                            visible: text.length > 0
                            color: Theme.warning
                            font.pixelSize: Theme.smallSize
                            wrapMode: Text.Wrap
                        }
                    }
                    SectionCard {
                        Layout.fillWidth: true
                        title: Catalog.fieldName("meeting", "minutes")
                        headerTools: Label {
                            text: meeting.hasPendingText ? qsTr("Đang soạn…") : qsTr("Tự động lưu")
                            color: Theme.textMuted
                            font.pixelSize: Theme.smallSize
                        }
                        AutoSaveArea {
                            id: minutes
                            controller: meeting
                            field: "minutes"
                            readOnly: !meeting.editable
                            Layout.preferredHeight: 320
                            placeholder: qsTr("Diễn biến, ý kiến người dân… (tự lưu khi gõ)")
                        }
                        Label {  // a warning only: saving is never blocked
                            objectName: "minutesWarning"
                            Layout.fillWidth: true
                            text: TextCheck.warning(minutes.area.text)
                            visible: text.length > 0
                            color: Theme.warning
                            font.pixelSize: Theme.smallSize
                            wrapMode: Text.Wrap
                        }
                    }
                    SectionCard {
                        Layout.fillWidth: true
                        title: Catalog.fieldName("meeting", "conclusions")
                        AutoSaveArea {
                            id: conclusionsArea
                            controller: meeting
                            field: "conclusions"
                            readOnly: !meeting.editable
                            Layout.preferredHeight: 120
                        }
                        Label {  // a warning only: saving is never blocked
                            objectName: "conclusionsWarning"
                            Layout.fillWidth: true
                            text: TextCheck.warning(conclusionsArea.area.text)
                            visible: text.length > 0
                            color: Theme.warning
                            font.pixelSize: Theme.smallSize
                            wrapMode: Text.Wrap
                        }
                    }
                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Kiến nghị tại buổi họp (%1)").arg(petitions.total)
                        headerTools: Button {
                            visible: meeting.exists
                            text: qsTr("+ Kiến nghị")
                            flat: true
                            onClicked: root.capturePetition()
                        }
                        Column {
                            Layout.fillWidth: true
                            Layout.preferredWidth: 0  // its width comes from the card, never from its rows
                            spacing: Theme.gap
                            Repeater {
                                model: RecordListModel {
                                    id: petitions
                                    entity: "petition"
                                    meetingId: root.recordId
                                    sortField: "created_hlc"
                                    pageSize: 100
                                }
                                delegate: PetitionDelegate {
                                    width: parent ? parent.width : 0
                                    onOpened: (id) => root.openPetition(id)
                                }
                            }
                        }
                    }
                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Chỉ đạo tại buổi họp (%1)").arg(directives.total)
                        headerTools: Button {
                            objectName: "newDirectiveButton"
                            visible: meeting.exists
                            text: qsTr("+ Chỉ đạo")
                            flat: true
                            onClicked: newDirective.open()
                        }
                        Column {
                            Layout.fillWidth: true
                            Layout.preferredWidth: 0  // its width comes from the card, never from its rows
                            spacing: Theme.gap
                            Repeater {
                                model: RecordListModel {
                                    id: directives
                                    entity: "directive"
                                    meetingId: root.recordId
                                    pageSize: 100
                                }
                                delegate: DirectiveDelegate {
                                    width: parent ? parent.width : 0
                                    onOpened: (id) => root.openDirective(id)
                                }
                            }
                        }
                    }
                    SectionCard {
                        objectName: "meetingRefusedCard"
                        Layout.fillWidth: true
                        visible: meetingRefused.count > 0
                        title: qsTr("Chưa được máy chủ chấp nhận (%1)").arg(meetingRefused.count)
                        Column {
                            Layout.fillWidth: true
                            Layout.preferredWidth: 0  // its width comes from the card, never from its rows
                            spacing: Theme.gap
                            Repeater {
                                model: RefusedListModel {
                                    id: meetingRefused
                                    meetingId: root.recordId
                                }
                                delegate: RefusedDelegate {
                                    width: parent ? parent.width : 0
                                    onWriteAgainRequested: (index) => meetingRefused.writeAgain(index)
                                    onDiscardRequested: (index) => meetingRefused.discard(index)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    QuickPetitionDialog {
        id: quickPetition
        meetingId: root.recordId
        attendees: meeting.attendees
        // The official stays in the meeting, ready for the next resident.
        onCreated: (id, title, code) => captureToast.show(qsTr("Đã lưu kiến nghị «%1»").arg(title), id, code)
        onRaisedAgain: (id, title) => captureToast.show(qsTr("Đã ghi nhận nêu lại: «%1»").arg(title), id, "")
    }
    // What was just saved; after a new petition, its receipt code, large, to tell or write for
    // the resident. It stays until closed or the next capture.
    Pane {
        id: captureToast
        objectName: "captureToast"

        property string recordId
        property string message
        property string receiptCode

        function show(message: string, recordId: string, receiptCode: string) {
            captureToast.message = message
            captureToast.recordId = recordId
            captureToast.receiptCode = receiptCode
            captureToast.visible = true
            if (receiptCode.length === 0) toastTimer.restart()
            else toastTimer.stop()
        }

        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.pad
        width: Math.min(parent.width - 2 * Theme.pad, 680)
        visible: false
        padding: Theme.pad
        Material.elevation: 6
        Material.background: Theme.text
        Material.foreground: "white"
        Timer {
            id: toastTimer
            interval: 6000
            onTriggered: captureToast.visible = false
        }
        ColumnLayout {
            anchors.fill: parent
            spacing: 4
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap
                Label {
                    objectName: "captureToastText"
                    Layout.fillWidth: true
                    text: captureToast.message
                    color: "white"
                    wrapMode: Text.Wrap
                }
                Button {
                    objectName: "captureToastOpen"
                    text: qsTr("Mở")
                    flat: true
                    onClicked: {
                        captureToast.visible = false
                        root.openPetition(captureToast.recordId)
                    }
                }
                Button {
                    objectName: "captureToastClose"
                    text: qsTr("Đóng")
                    flat: true
                    onClicked: captureToast.visible = false
                }
            }
            Label {
                Layout.fillWidth: true
                visible: captureToast.receiptCode.length > 0
                text: qsTr("Mã tiếp nhận — đọc hoặc ghi cho người dân để tra cứu kết quả:")
                color: "white"
                font.pixelSize: Theme.smallSize
                wrapMode: Text.Wrap
            }
            ReceiptCode {
                Layout.fillWidth: true
                code: captureToast.receiptCode
                codeSize: 30
                codeColor: "white"
                codeName: "captureReceiptCode"
                copyName: "captureCopyCode"
            }
        }
    }
    ReportBackDialog {
        id: reportBackDialog
        onAccepted: reportBacks.record(reportBackDialog.petitionId, "unsatisfied", reportBackDialog.note)
    }
    NewDirectiveDialog {
        id: newDirective
        meetingId: root.recordId
        unitId: meeting.unitId
        issuedBy: meeting.values.chaired_by ?? ""
    }
    Dialog {
        id: finaliseDialog
        anchors.centerIn: Overlay.overlay
        width: Math.min(root.width - 48, 560)
        modal: true
        title: qsTr("Chốt biên bản?")
        footer: DialogButtonBox {
            Button {
                objectName: "finaliseCancel"
                text: qsTr("Huỷ")
                flat: true
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            Button {
                objectName: "finaliseConfirm"
                text: qsTr("Chốt biên bản")
                flat: true
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        Label {
            width: parent.width
            wrapMode: Text.Wrap
            text: qsTr("Sau khi chốt, biên bản không sửa được nữa trừ khi chọn «Sửa bổ sung». Mọi phiên bản đều được lưu lại.")
        }
        onAccepted: meeting.finalise()
    }
}
