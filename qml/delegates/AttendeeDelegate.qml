import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// A person at the meeting with their role (editable: pick or type, saved when picked or on
// Enter or leaving the field) and a remove button.
// The root is not a layout (see FormField): the wrapped name re-arranges with the row.
Item {
    id: root

    required property int index
    required property string name
    required property string personRole
    property bool editable: true

    signal removeRequested(int index)
    signal roleEdited(int index, string role)

    function commitRole(role: string) {
        if (role.trim() !== root.personRole) root.roleEdited(root.index, role.trim())
    }

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitWidth: row.implicitWidth
    implicitHeight: row.implicitHeight

    RowLayout {
        id: row
        width: root.width
        spacing: 8
        // Name and role share the row and wrap inside it; a short role keeps only its own width.
        Label {
            Layout.fillWidth: true
            text: root.name
            font.pixelSize: Theme.bodySize
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Label {
            id: roleLabel
            Layout.preferredWidth: Math.min(roleLabel.implicitWidth, 210)
            visible: !root.editable
            text: root.personRole
            color: Theme.textMuted
            font.pixelSize: Theme.smallSize
            wrapMode: Text.Wrap
        }
        ComboBox {
            id: roleBox
            objectName: "attendeeRole_" + root.index
            Layout.preferredWidth: 210
            visible: root.editable
            editable: true
            model: Catalog.attendeeRoles
            Accessible.name: qsTr("Vai trò của %1").arg(root.name)
            Component.onCompleted: {
                roleBox.currentIndex = roleBox.find(root.personRole)
                roleBox.editText = root.personRole
            }
            onActivated: (index) => root.commitRole(roleBox.textAt(index))
            onAccepted: root.commitRole(roleBox.editText)
            onActiveFocusChanged: if (!roleBox.activeFocus) root.commitRole(roleBox.editText)
        }
        ToolButton {
            visible: root.editable
            text: "✕"
            Accessible.name: qsTr("Xoá %1").arg(root.name)
            onClicked: root.removeRequested(root.index)
        }
    }
}
