import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// A new meeting: where (down to the neighbourhood), when, and a title.
Dialog {
    id: root

    property string initialUnit

    signal created(string recordId)

    anchors.centerIn: Overlay.overlay
    width: Math.min((parent ? parent.width : 800) - 48, 900)
    modal: true
    title: qsTr("Buổi họp mới")
    padding: Theme.pad
    onAboutToShow: {
        meeting.clearError()
        heldAt.text = Catalog.nowText()
        titleField.clear()
    }

    MeetingController { id: meeting }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap
        UnitPicker {
            id: unitPicker
            objectName: "meetingUnitPicker"
            Layout.fillWidth: true
            initialUnit: root.initialUnit
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            FormField {
                Layout.preferredWidth: 240
                Layout.fillWidth: false
                label: qsTr("Thời gian họp")
                DateField {
                    id: heldAt
                    objectName: "heldAtField"
                    Layout.fillWidth: true
                    withTime: true
                }
            }
            FormField {
                label: qsTr("Tên buổi họp")
                TextField {
                    id: titleField
                    objectName: "meetingTitleField"
                    Layout.fillWidth: true
                    placeholderText: unitPicker.complete ? meeting.suggestTitle(unitPicker.selectedUnit) : qsTr("Họp dân")
                }
            }
        }
        Label {
            Layout.fillWidth: true
            visible: unitPicker.complete && agendaPreview.text.length > 0
            text: qsTr("Các kiến nghị, chỉ đạo còn tồn đọng của khu phố sẽ được đưa vào chương trình họp.")
            color: Theme.open
            wrapMode: Text.Wrap
        }
        Label {
            id: agendaPreview
            Layout.fillWidth: true
            visible: false
            text: unitPicker.complete ? meeting.openItemsAgenda(unitPicker.selectedUnit) : ""
        }
        ErrorBanner {
            Layout.fillWidth: true
            text: meeting.lastError
            onDismissed: meeting.clearError()
        }
        RowLayout {
            Layout.fillWidth: true
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Huỷ")
                flat: true
                onClicked: root.reject()
            }
            Button {
                objectName: "createMeetingButton"
                text: qsTr("Tạo buổi họp")
                highlighted: true
                enabled: unitPicker.complete
                onClicked: {
                    if (meeting.create(unitPicker.selectedUnit, heldAt.text, titleField.text)) {
                        root.close()
                        root.created(meeting.recordId)
                    }
                }
            }
        }
    }
}
