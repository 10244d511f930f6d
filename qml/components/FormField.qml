import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan.Ui

// A label above an input.
// The root is not a layout: Qt 6.4 does not re-arrange a layout nested in another one when its
// size stays the same, so a label that wrapped while the page was narrow kept its height and
// the input below it was drawn over the next row. A top-level layout re-arranges itself.
Item {
    id: root

    property string label
    property string hint
    default property alias content: holder.data

    implicitWidth: column.implicitWidth
    implicitHeight: column.implicitHeight
    Layout.fillWidth: true

    ColumnLayout {
        id: column
        width: root.width
        spacing: 4

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
}
