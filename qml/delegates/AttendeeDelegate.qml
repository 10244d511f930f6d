import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan.Ui

// A person at the meeting with their role and a remove button.
RowLayout {
    id: root

    required property int index
    required property string name
    required property string personRole
    property bool editable: true

    signal removeRequested(int index)

    width: ListView.view ? ListView.view.width : implicitWidth
    spacing: 8
    Label {
        Layout.fillWidth: true
        text: root.name
        font.pixelSize: Theme.bodySize
        color: Theme.text
        elide: Text.ElideRight
    }
    Label {
        text: root.personRole
        color: Theme.textMuted
        font.pixelSize: Theme.smallSize
    }
    ToolButton {
        visible: root.editable
        text: "✕"
        Accessible.name: qsTr("Xoá %1").arg(root.name)
        onClicked: root.removeRequested(root.index)
    }
}
