import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan.Ui

// One directive in a list.
ItemDelegate {
    id: root

    required property int index
    required property string recordId
    required property string title
    required property string subtitle
    required property string statusLabel
    required property string statusTone
    required property string dueDateText
    required property bool overdue
    required property int conflicts
    required property bool refused
    required property string agencyName

    signal opened(string recordId)

    width: ListView.view ? ListView.view.width : implicitWidth
    padding: 12
    onClicked: root.opened(root.recordId)

    contentItem: ColumnLayout {
        spacing: 4
        // The whole title, wrapped; the chips on their own line so that they never squeeze it.
        Label {
            Layout.fillWidth: true
            text: root.title
            font.pixelSize: 17
            font.weight: Font.DemiBold
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            StatusChip {
                text: qsTr("Quá hạn")
                tone: "warning"
                visible: root.overdue
            }
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
        Label {
            Layout.fillWidth: true
            text: [root.agencyName, root.subtitle, root.dueDateText.length > 0 ? qsTr("Hạn: %1").arg(root.dueDateText) : ""]
                  .filter(s => s.length > 0).join(" · ")
            color: root.overdue ? Theme.warning : Theme.textMuted
            font.pixelSize: Theme.smallSize
            wrapMode: Text.Wrap
        }
    }
}
