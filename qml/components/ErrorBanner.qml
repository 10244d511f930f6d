import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan.Ui

// A plain-language error with a close button; hidden when `text` is empty.
Rectangle {
    id: root

    property string text

    signal dismissed()

    visible: root.text.length > 0
    implicitHeight: visible ? row.implicitHeight + 16 : 0
    color: "#FDECEA"
    border.color: Theme.danger
    radius: Theme.radius

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.pad
        anchors.rightMargin: 4
        Label {
            Layout.fillWidth: true
            text: root.text
            color: "#7A1712"
            wrapMode: Text.Wrap
            font.pixelSize: Theme.bodySize
        }
        ToolButton {
            text: "✕"
            Accessible.name: qsTr("Đóng thông báo")
            onClicked: root.dismissed()
        }
    }
}
