import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan.Ui

// A progress note on a petition or directive.
ColumnLayout {
    id: root

    required property string title
    required property string author
    required property string dateText

    width: ListView.view ? ListView.view.width : implicitWidth
    spacing: 2
    Label {
        Layout.fillWidth: true
        text: root.title
        wrapMode: Text.Wrap
        color: Theme.text
        font.pixelSize: Theme.bodySize
    }
    Label {
        Layout.fillWidth: true
        text: qsTr("%1 · %2").arg(root.author).arg(root.dateText)
        color: Theme.textMuted
        font.pixelSize: 13
    }
    Rectangle {
        Layout.fillWidth: true
        Layout.topMargin: 6
        implicitHeight: 1
        color: Theme.divider
    }
}
