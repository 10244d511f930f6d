import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan.Ui

// An entry of the navigation rail with an optional count badge.
ItemDelegate {
    id: root

    property int badge: 0
    property bool current: false

    Layout.fillWidth: true
    implicitHeight: Math.max(52, root.implicitContentHeight + root.topPadding + root.bottomPadding)
    highlighted: root.current
    contentItem: RowLayout {
        spacing: 8
        Label {
            Layout.fillWidth: true
            text: root.text
            color: root.current ? Theme.primary : Theme.text
            font.pixelSize: Theme.bodySize
            font.weight: root.current ? Font.Bold : Font.Normal
            wrapMode: Text.Wrap
        }
        Rectangle {
            visible: root.badge > 0
            implicitWidth: Math.max(26, badgeLabel.implicitWidth + 12)
            implicitHeight: 24
            radius: 12
            color: Theme.danger
            Label {
                id: badgeLabel
                anchors.centerIn: parent
                text: root.badge
                color: "white"
                font.pixelSize: 13
                font.weight: Font.Bold
            }
        }
    }
}
