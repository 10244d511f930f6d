import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// Asks why (moving a petition to a status that needs a reason, or escalating it).
Dialog {
    id: root

    property string status
    property bool escalation: false
    /** [{value, label}]: where this petition may be escalated (PetitionController.escalationLevels). */
    property var levels: []
    readonly property string reason: reasonField.text
    readonly property string level: levelBox.currentIndex >= 0 ? levelBox.currentValue : ""

    anchors.centerIn: Overlay.overlay
    width: Math.min((parent ? parent.width : 800) - 48, 640)
    modal: true
    title: root.escalation ? qsTr("Chuyển cấp trên xử lý")
                           : qsTr("Chuyển sang «%1»").arg(Catalog.label("petition", "status", root.status))
    padding: Theme.pad
    footer: DialogButtonBox {
        Button {
            objectName: "reasonCancel"
            text: qsTr("Huỷ")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: "reasonConfirm"
            text: root.escalation ? qsTr("Chuyển cấp") : qsTr("Chuyển trạng thái")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }
    onAboutToShow: reasonField.clear()
    onOpened: reasonField.forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap
        FormField {
            visible: root.escalation
            label: qsTr("Cấp sẽ xử lý")
            ComboBox {
                id: levelBox
                objectName: "escalationLevel"
                Layout.fillWidth: true
                textRole: "label"
                valueRole: "value"
                model: root.levels
                currentIndex: 0
            }
        }
        FormField {
            label: qsTr("Lý do")
            ScrollView {
                Layout.fillWidth: true
                Layout.preferredHeight: 120
                TextArea {
                    id: reasonField
                    objectName: "reasonField"
                    wrapMode: TextEdit.Wrap
                    placeholderText: qsTr("Ghi rõ lý do để người dân và cấp trên theo dõi")
                }
            }
        }
    }
}
