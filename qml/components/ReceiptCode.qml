import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// A petition's receipt code, large and in a fixed-width face so that it can be read aloud to
// the resident or copied onto paper, with a Copy button.
RowLayout {
    id: root

    property string code
    property int codeSize: 26
    property color codeColor: Theme.text
    property string codeName: "receiptCodeText"
    property string copyName: "copyReceiptCode"

    visible: root.code.length > 0
    spacing: Theme.gap

    Label {
        objectName: root.codeName
        Layout.fillWidth: true
        text: root.code
        font.family: "DejaVu Sans Mono"
        font.pixelSize: root.codeSize
        font.weight: Font.Bold
        font.letterSpacing: 1
        color: root.codeColor
        wrapMode: Text.WrapAnywhere
    }
    Button {
        id: copy
        objectName: root.copyName
        text: qsTr("Sao chép")
        flat: true
        onClicked: {
            Clipboard.copy(root.code)
            copy.text = qsTr("Đã chép")
            copied.restart()
        }
        Timer {
            id: copied
            interval: 2000
            onTriggered: copy.text = qsTr("Sao chép")
        }
    }
}
