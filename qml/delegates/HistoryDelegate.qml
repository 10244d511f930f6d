import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan.Ui

// One change in a record's history timeline.
RowLayout {
    id: root

    required property string whenText
    required property string author
    required property string summary
    required property bool created

    width: ListView.view ? ListView.view.width : implicitWidth
    spacing: Theme.gap

    Rectangle {
        Layout.alignment: Qt.AlignTop
        Layout.topMargin: 4
        implicitWidth: 12
        implicitHeight: 12
        radius: 6
        color: root.created ? Theme.primary : Theme.open
    }
    ColumnLayout {
        Layout.fillWidth: true
        Layout.bottomMargin: Theme.gap
        spacing: 2
        Label {
            Layout.fillWidth: true
            text: root.created ? qsTr("%1 — %2 tạo hồ sơ").arg(root.whenText).arg(root.author)
                               : qsTr("%1 — %2").arg(root.whenText).arg(root.author)
            font.weight: Font.DemiBold
            color: Theme.text
            font.pixelSize: Theme.smallSize
        }
        Label {
            Layout.fillWidth: true
            text: root.summary
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.smallSize
        }
    }
}
