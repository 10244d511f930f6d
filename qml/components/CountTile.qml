import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import NgheDan.Ui

// A large number with a caption; tappable.
ItemDelegate {
    id: root

    property int value: 0
    property string caption
    property color accent: Theme.primary

    Layout.fillWidth: true
    Layout.preferredHeight: 112
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.divider
        Rectangle {
            width: 6
            height: parent.height
            radius: 3
            color: root.accent
        }
    }
    contentItem: ColumnLayout {
        spacing: 0
        Label {
            text: root.value
            font.pixelSize: 36
            font.weight: Font.Bold
            color: root.accent
            leftPadding: 8
        }
        Label {
            Layout.fillWidth: true
            text: root.caption
            color: Theme.text
            wrapMode: Text.Wrap
            leftPadding: 8
            font.pixelSize: Theme.bodySize
        }
    }
}
