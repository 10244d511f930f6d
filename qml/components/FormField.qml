import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan.Ui

// A label above an input.
ColumnLayout {
    id: root

    property string label
    property string hint
    default property alias content: holder.data

    spacing: 4
    Layout.fillWidth: true

    Label {
        Layout.fillWidth: true
        text: root.label
        color: Theme.textMuted
        font.pixelSize: Theme.smallSize
        font.weight: Font.Medium
        wrapMode: Text.Wrap
    }
    ColumnLayout {
        id: holder
        Layout.fillWidth: true
        spacing: 4
    }
    Label {
        Layout.fillWidth: true
        visible: root.hint.length > 0
        text: root.hint
        color: Theme.textMuted
        font.pixelSize: 13
        wrapMode: Text.Wrap
    }
}
