import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan.Ui

// Shown on a record whose fields were edited differently on two devices.
Rectangle {
    id: root

    property int count: 0

    signal resolveRequested()

    visible: root.count > 0
    implicitHeight: visible ? row.implicitHeight + 16 : 0
    color: Theme.conflictBackground
    border.color: Theme.conflictBorder
    border.width: 2
    radius: Theme.radius

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.pad
        anchors.rightMargin: 8
        spacing: Theme.gap
        Label {
            Layout.fillWidth: true
            text: qsTr("Có %n mục được sửa khác nhau trên hai máy. Cả hai bản đều được giữ; hãy xem và chọn bản đúng.", "", root.count)
            color: "#5C2B00"
            wrapMode: Text.Wrap
            font.pixelSize: Theme.bodySize
        }
        Button {
            objectName: "resolveConflictsButton"
            text: qsTr("Xem và chọn")
            highlighted: true
            onClicked: root.resolveRequested()
        }
    }
}
