import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan.Ui

// One meeting in a list.
ItemDelegate {
    id: root

    required property int index
    required property string recordId
    required property string title
    required property string subtitle
    required property string dateText
    required property string statusLabel
    required property string statusTone
    required property int conflicts
    required property bool refused

    signal opened(string recordId)

    width: ListView.view ? ListView.view.width : implicitWidth
    padding: 12
    onClicked: root.opened(root.recordId)

    contentItem: RowLayout {
        spacing: Theme.gap
        ColumnLayout {
            Layout.preferredWidth: 110
            spacing: 0
            Label {
                text: root.dateText.split(" ")[0]
                font.pixelSize: 16
                font.weight: Font.Bold
                color: Theme.primary
            }
            Label {
                text: root.dateText.split(" ")[1] ?? ""
                color: Theme.textMuted
                font.pixelSize: Theme.smallSize
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: root.title
                font.pixelSize: 17
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                text: root.subtitle
                color: Theme.textMuted
                font.pixelSize: Theme.smallSize
                wrapMode: Text.Wrap
            }
            // Under the title, so that they never squeeze it.
            Flow {
                Layout.fillWidth: true
                Layout.topMargin: 4
                spacing: 8
                StatusChip {
                    text: qsTr("Chưa được chấp nhận")
                    tone: "danger"
                    visible: root.refused
                }
                StatusChip {
                    text: qsTr("Cần chọn bản")
                    tone: "warning"
                    visible: root.conflicts > 0
                }
                StatusChip { text: root.statusLabel; tone: root.statusTone }
            }
        }
    }
}
