import QtQuick
import QtQuick.Controls
import NgheDan.Ui

// A status shown as a coloured pill.
Rectangle {
    id: root

    property string text
    property string tone: "closed"

    implicitWidth: label.implicitWidth + 20
    implicitHeight: 28
    radius: 14
    color: Qt.lighter(Theme.toneColor(root.tone), 1.9)
    border.color: Theme.toneColor(root.tone)
    visible: root.text.length > 0

    Label {
        id: label
        anchors.centerIn: parent
        text: root.text
        color: Qt.darker(Theme.toneColor(root.tone), 1.25)
        font.pixelSize: Theme.smallSize
        font.weight: Font.DemiBold
    }
}
