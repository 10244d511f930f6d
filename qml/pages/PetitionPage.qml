import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// A petition: content, petitioner, handling (status steps, agencies, due date, escalation),
// progress updates and the history timeline.
Page {
    id: root
    objectName: "petitionPage"

    required property string recordId
    readonly property PetitionController controller: petition

    signal openMeeting(string recordId)
    signal openDirective(string recordId)
    signal openConflicts(string entity, string recordId)

    function requestStatus(status: string) {
        if (status === "escalated") {
            reasonDialog.escalation = true
            reasonDialog.status = status
            reasonDialog.open()
        } else if (Catalog.stepNeedsReason(petition.values.status ?? "", status)) {
            reasonDialog.escalation = false
            reasonDialog.status = status
            reasonDialog.open()
        } else {
            petition.setStatus(status, "")
        }
    }

    title: qsTr("Kiến nghị")
    background: Rectangle { color: Theme.background }
    StackView.onDeactivating: petition.flush()

    PetitionController {
        id: petition
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
                    text: petition.values.title ?? ""
                    font.pixelSize: Theme.titleSize
                    font.weight: Font.Bold
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.fillWidth: true
                    text: [petition.unitName, petition.values.received_at ?? "", petition.values.channel_label ?? ""]
                          .filter(s => s.length > 0).join(" · ")
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
                Label {
                    objectName: "petitionHeaderCode"
                    Layout.fillWidth: true
                    visible: petition.receiptCode.length > 0
                    text: qsTr("Mã tiếp nhận: %1").arg(petition.receiptCode)
                    font.family: "DejaVu Sans Mono"
                    font.weight: Font.Bold
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
            }
            StatusChip { text: qsTr("Quá hạn"); tone: "warning"; visible: petition.overdue }
            StatusChip {
                objectName: "petitionStatusChip"
                text: petition.values.status_label ?? ""
                tone: Catalog.statusTone("petition", petition.values.status ?? "")
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
                controller: petition
            }
            ConflictBanner {
                Layout.fillWidth: true
                count: petition.conflictCount
                onResolveRequested: root.openConflicts("petition", root.recordId)
            }
            ErrorBanner {
                objectName: "petitionError"
                Layout.fillWidth: true
                text: petition.lastError
                onDismissed: petition.clearError()
            }
            Label {
                objectName: "petitionRoleNote"
                Layout.fillWidth: true
                visible: petition.roleNote.length > 0
                text: petition.roleNote
                wrapMode: Text.Wrap
                color: Theme.textMuted
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
                        title: qsTr("Nội dung kiến nghị")
                        FormField {
                            label: qsTr("Mã tiếp nhận (người dân dùng để tra cứu kết quả)")
                            ReceiptCode {
                                Layout.fillWidth: true
                                code: petition.receiptCode
                            }
                        }
                        FormField {
                            label: Catalog.fieldName("petition", "title")
                            SaveField { Layout.fillWidth: true; controller: petition; field: "title"; readOnly: !petition.editableFields.includes("title") }
                        }
                        // Category names are long ("Trật tự đô thị, giao thông"): side by side
                        // with the priority only where both fit whole.
                        GridLayout {
                            Layout.fillWidth: true
                            columns: width > 640 ? 2 : 1
                            columnSpacing: Theme.gap
                            rowSpacing: Theme.gap
                            FormField {
                                label: Catalog.fieldName("petition", "category")
                                ComboBox {
                                    objectName: "categoryBox"
                                    enabled: petition.editableFields.includes("category")
                                    Layout.fillWidth: true
                                    textRole: "label"
                                    valueRole: "value"
                                    model: Catalog.options("petition", "category")
                                    currentIndex: count > 0 ? indexOfValue(petition.values.category ?? "") : -1
                                    onActivated: petition.setField("category", currentValue)
                                }
                            }
                            FormField {
                                label: Catalog.fieldName("petition", "priority")
                                ComboBox {
                                    Layout.fillWidth: true
                                    textRole: "label"
                                    valueRole: "value"
                                    model: Catalog.options("petition", "priority")
                                    currentIndex: count > 0 ? indexOfValue(petition.values.priority ?? "") : -1
                                    displayText: currentIndex < 0 ? qsTr("Chưa chọn") : currentText
                                    onActivated: petition.setField("priority", currentValue)
                                }
                            }
                        }
                        FormField {
                            label: Catalog.fieldName("petition", "description")
                            AutoSaveArea { id: descriptionArea; controller: petition; field: "description"; readOnly: !petition.editableFields.includes("description"); Layout.preferredHeight: 140 }
                            Label {  // a warning only: saving is never blocked
                                objectName: "descriptionWarning"
                                Layout.fillWidth: true
                                text: TextCheck.warning(descriptionArea.area.text)
                                visible: text.length > 0
                                color: Theme.warning
                                font.pixelSize: Theme.smallSize
                                wrapMode: Text.Wrap
                            }
                        }
                        FormField {
                            label: Catalog.fieldName("petition", "location")
                            SaveField { Layout.fillWidth: true; controller: petition; field: "location"; readOnly: !petition.editableFields.includes("location") }
                        }
                        PlaceField {
                            objectName: "petitionPlace"
                            controller: petition
                            readOnly: !petition.editableFields.includes("place_lat")
                        }
                        Button {
                            id: fromMeeting
                            Layout.fillWidth: true
                            Layout.maximumWidth: implicitWidth
                            visible: (petition.values.meeting ?? "").length > 0
                            flat: true
                            text: qsTr("Từ buổi họp: %1").arg(petition.values.meeting_name ?? "")
                            // A long meeting or petition name wraps instead of being elided.
                            contentItem: Label {
                                text: fromMeeting.text
                                font: fromMeeting.font
                                color: Theme.text
                                wrapMode: Text.Wrap
                                verticalAlignment: Text.AlignVCenter
                            }
                            onClicked: root.openMeeting(petition.values.meeting)
                        }
                    }
                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Người kiến nghị")
                        FormField {
                            label: Catalog.fieldName("petition", "petitioner_name")
                            SaveField { Layout.fillWidth: true; controller: petition; field: "petitioner_name"; readOnly: !petition.editableFields.includes("petitioner_name") }
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.gap
                            FormField {
                                label: Catalog.fieldName("petition", "petitioner_contact")
                                SaveField {
                                    Layout.fillWidth: true
                                    controller: petition
                                    field: "petitioner_contact"
                                    readOnly: !petition.editableFields.includes("petitioner_contact")
                                    inputMethodHints: Qt.ImhPreferNumbers
                                }
                            }
                            FormField {
                                Layout.preferredWidth: 160
                                Layout.fillWidth: false
                                label: Catalog.fieldName("petition", "households")
                                SaveField {
                                    Layout.fillWidth: true
                                    controller: petition
                                    field: "households"
                                    inputMethodHints: Qt.ImhDigitsOnly
                                }
                            }
                        }
                    }
                    AttachmentsCard {
                        objectName: "petitionAttachments"
                        Layout.fillWidth: true
                        parentEntity: "petition"
                        parentId: petition.exists ? petition.recordId : ""
                    }
                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Lịch sử thay đổi")
                        // Lists of a model that resets on writes sit in a Column, not the card's layout: Qt 6.4's
                        // layouts read delegates the Repeater has already deleted (HomePage.qml says more).
                        Column {
                            Layout.fillWidth: true
                            Layout.preferredWidth: 0  // its width comes from the card, never from its rows
                            spacing: Theme.gap
                            Repeater {
                                model: HistoryListModel {
                                    entity: "petition"
                                    recordId: root.recordId
                                }
                                delegate: HistoryDelegate { width: parent ? parent.width : 0 }
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
                        title: qsTr("Xử lý")
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Trạng thái hiện tại: %1").arg(petition.values.status_label ?? "")
                            font.weight: Font.DemiBold
                            color: Theme.text
                            wrapMode: Text.Wrap
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: (petition.values.status_reason ?? "").length > 0
                            text: qsTr("Lý do: %1").arg(petition.values.status_reason ?? "")
                            color: Theme.textMuted
                            wrapMode: Text.Wrap
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: (petition.values.handling_level ?? "").length > 0
                            text: qsTr("Cấp xử lý: %1").arg(petition.values.handling_level_label ?? "")
                            color: Theme.textMuted
                        }
                        Label {
                            visible: petition.nextStatuses.length > 0
                            text: qsTr("Chuyển sang:")
                            color: Theme.textMuted
                            font.pixelSize: Theme.smallSize
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: 8
                            Repeater {
                                model: petition.nextStatuses
                                delegate: Button {
                                    id: stepButton
                                    required property var modelData
                                    objectName: "status_" + stepButton.modelData.value
                                    text: stepButton.modelData.label
                                    highlighted: stepButton.modelData.value !== "withdrawn"
                                                 && stepButton.modelData.value !== "not_competent"
                                    onClicked: root.requestStatus(stepButton.modelData.value)
                                }
                            }
                        }
                        FormField {
                            label: Catalog.fieldName("petition", "lead_agency")
                            AgencyPicker {
                                unitId: petition.unitId
                                objectName: "leadAgency"
                                Layout.fillWidth: true
                                agencyId: petition.values.lead_agency ?? ""
                                onPicked: (id) => petition.setLeadAgency(id)
                            }
                        }
                        FormField {
                            label: Catalog.fieldName("petition", "support_agencies")
                            Flow {
                                Layout.fillWidth: true
                                spacing: 6
                                Repeater {
                                    model: petition.values.support_agencies ?? []
                                    delegate: Button {
                                        id: supportChip
                                        required property string modelData
                                        text: agencyNames.nameOf(supportChip.modelData) + "  ✕"
                                        flat: true
                                        onClicked: petition.removeSupportAgency(supportChip.modelData)
                                    }
                                }
                            }
                            AgencyPicker {
                                unitId: petition.unitId
                                Layout.fillWidth: true
                                currentIndex: -1
                                placeholder: qsTr("Thêm cơ quan phối hợp")
                                onPicked: (id) => { petition.addSupportAgency(id); currentIndex = -1 }
                            }
                            AgencyListModel { id: agencyNames }
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.gap
                            FormField {
                                label: Catalog.fieldName("petition", "due_date")
                                DateField {
                                    id: dueDate
                                    objectName: "dueDateField"
                                    Layout.fillWidth: true
                                    text: petition.values.due_date ?? ""
                                    onEditingFinished: if (dueDate.text !== petition.values.due_date) petition.setField("due_date", dueDate.text)
                                }
                            }
                            Button {
                                Layout.alignment: Qt.AlignBottom
                                objectName: "petitionNewDirective"
                                text: qsTr("Ghi chỉ đạo")
                                onClicked: newDirective.open()
                            }
                        }
                        FormField {
                            label: Catalog.fieldName("petition", "resolution")
                            AutoSaveArea { id: resolutionArea; controller: petition; field: "resolution"; Layout.preferredHeight: 100 }
                            Label {  // a warning only: saving is never blocked
                                objectName: "resolutionWarning"
                                Layout.fillWidth: true
                                text: TextCheck.warning(resolutionArea.area.text)
                                visible: text.length > 0
                                color: Theme.warning
                                font.pixelSize: Theme.smallSize
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                    SectionCard {
                        objectName: "publicCard"
                        Layout.fillWidth: true
                        title: qsTr("Công khai cho người dân")
                        Switch {
                            id: publicSwitch
                            objectName: "publicSwitch"
                            Layout.fillWidth: true
                            text: qsTr("Công khai kết quả cho người dân")
                            checked: petition.values["public"] ?? false
                            enabled: petition.editableFields.includes("public")
                            onToggled: {
                                petition.setField("public", publicSwitch.checked)
                                publicSwitch.checked = Qt.binding(() => petition.values["public"] ?? false)
                            }
                        }
                        Label {
                            objectName: "publicExplained"
                            Layout.fillWidth: true
                            text: qsTr("Khi công khai, người dân tra cứu được kiến nghị bằng mã tiếp nhận và kiến nghị có trong thông báo kết quả của khu phố, gồm: nội dung tóm tắt, lĩnh vực, khu phố, tình trạng, cơ quan chủ trì, hạn giải quyết, kết quả và ghi chú công khai. Tên và số điện thoại của người kiến nghị không bao giờ được công khai.")
                            color: Theme.textMuted
                            font.pixelSize: Theme.smallSize
                            wrapMode: Text.Wrap
                        }
                        FormField {
                            label: Catalog.fieldName("petition", "public_note")
                            AutoSaveArea {
                                id: publicNoteArea
                                objectName: "publicNoteArea"
                                controller: petition
                                field: "public_note"
                                readOnly: !petition.editableFields.includes("public_note")
                                Layout.preferredHeight: 80
                            }
                            Label {  // a warning only: saving is never blocked
                                objectName: "publicNoteWarning"
                                Layout.fillWidth: true
                                text: TextCheck.warning(publicNoteArea.area.text)
                                visible: text.length > 0
                                color: Theme.warning
                                font.pixelSize: Theme.smallSize
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Tiến độ xử lý")
                        RowLayout {
                            Layout.fillWidth: true
                            TextField {
                                id: updateText
                                objectName: "updateText"
                                Layout.fillWidth: true
                                placeholderText: qsTr("Cập nhật tiến độ…")
                                onAccepted: addUpdate.clicked()
                            }
                            Button {
                                id: addUpdate
                                text: qsTr("Thêm")
                                onClicked: if (petition.addUpdate(updateText.text)) updateText.clear()
                            }
                        }
                        Label {  // a warning only: saving is never blocked
                            objectName: "updateWarning"
                            Layout.fillWidth: true
                            text: TextCheck.warning(updateText.text)
                            visible: text.length > 0
                            color: Theme.warning
                            font.pixelSize: Theme.smallSize
                            wrapMode: Text.Wrap
                        }
                        Column {
                            Layout.fillWidth: true
                            Layout.preferredWidth: 0  // its width comes from the card, never from its rows
                            spacing: Theme.gap
                            Repeater {
                                model: RecordListModel {
                                    entity: "update"
                                    parentId: root.recordId
                                    pageSize: 50
                                }
                                delegate: UpdateDelegate { width: parent ? parent.width : 0 }
                            }
                        }
                    }
                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Chỉ đạo liên quan")
                        visible: related.count > 0
                        Column {
                            Layout.fillWidth: true
                            Layout.preferredWidth: 0  // its width comes from the card, never from its rows
                            spacing: Theme.gap
                            Repeater {
                                model: RecordListModel {
                                    id: related
                                    entity: "directive"
                                    petitionId: root.recordId
                                }
                                delegate: DirectiveDelegate {
                                    width: parent ? parent.width : 0
                                    onOpened: (id) => root.openDirective(id)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    ReasonDialog {
        id: reasonDialog
        levels: petition.escalationLevels
        onAccepted: {
            if (reasonDialog.escalation)
                petition.escalate(reasonDialog.level, reasonDialog.reason)
            else
                petition.setStatus(reasonDialog.status, reasonDialog.reason)
        }
    }
    NewDirectiveDialog {
        id: newDirective
        petitionId: root.recordId
        meetingId: petition.values.meeting ?? ""
        unitId: petition.unitId
        onCreated: (id) => root.openDirective(id)
    }
}
