import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// Residents are not satisfied with what was done: what they said, before it is recorded (an
// answered petition is then reopened with it as the reason).
Dialog {
    id: root

    property string petitionId
    property string petitionTitle
    readonly property string note: noteField.text

    anchors.centerIn: Overlay.overlay
    width: Math.min((parent ? parent.width : 800) - 48, 640)
    modal: true
    title: qsTr("Người dân chưa hài lòng")
    padding: Theme.pad
    footer: DialogButtonBox {
        Button {
            objectName: "reportBackCancel"
            text: qsTr("Huỷ")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: "reportBackConfirm"
            text: qsTr("Ghi nhận")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }
    onAboutToShow: noteField.clear()
    onOpened: noteField.forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap
        Label {
            Layout.fillWidth: true
            text: root.petitionTitle
            font.weight: Font.DemiBold
            color: Theme.text
            wrapMode: Text.Wrap
        }
        FormField {
            label: qsTr("Ý kiến của người dân")
            hint: qsTr("Kiến nghị đã giải quyết sẽ được mở lại để tiếp tục xử lý.")
            ScrollView {
                Layout.fillWidth: true
                Layout.preferredHeight: 110
                TextArea {
                    id: noteField
                    objectName: "reportBackNote"
                    wrapMode: TextEdit.Wrap
                    placeholderText: qsTr("Ví dụ: xe khách vẫn dừng đón khách buổi tối")
                }
            }
        }
    }
}
