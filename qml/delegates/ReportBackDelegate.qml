import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// One petition reported back at a meeting: what the official reads out (code, status, lead
// agency, due date, result) and the residents' verdict, or the two buttons to record it.
Pane {
    id: root

    required property int index
    required property string petitionId
    required property string receiptCode
    required property string title
    required property string status
    required property string statusLabel
    required property string agencyName
    required property string dueDate
    required property string resolution
    required property string raisedText
    required property string verdict
    required property string verdictLabel
    required property string note
    property bool canRecord: false

    signal satisfied(string petitionId)
    signal unsatisfied(string petitionId, string title)
    signal opened(string petitionId)

    objectName: "reportBack_" + root.index
    padding: Theme.gap
    background: Rectangle {
        color: Theme.background
        radius: Theme.radius
        border.color: Theme.divider
    }

    contentItem: ColumnLayout {
        spacing: 4
        Label {
            Layout.fillWidth: true
            text: qsTr("%1. %2").arg(root.index + 1).arg(root.title)
            font.pixelSize: 17
            font.weight: Font.DemiBold
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Label {
                objectName: "reportBackCode_" + root.index
                height: 28
                verticalAlignment: Text.AlignVCenter
                text: root.receiptCode
                font.family: "DejaVu Sans Mono"
                font.weight: Font.Bold
                color: Theme.text
            }
            StatusChip { text: root.statusLabel; tone: Catalog.statusTone("petition", root.status) }
        }
        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: [root.raisedText,
                   root.agencyName.length > 0 ? qsTr("Chủ trì: %1").arg(root.agencyName) : "",
                   root.dueDate.length > 0 ? qsTr("Hạn: %1").arg(root.dueDate) : ""].filter(s => s.length > 0).join(" · ")
            color: Theme.textMuted
            font.pixelSize: Theme.smallSize
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "reportBackResult_" + root.index
            Layout.fillWidth: true
            text: root.resolution.length > 0 ? qsTr("Kết quả: %1").arg(root.resolution) : qsTr("Chưa có kết quả giải quyết.")
            color: Theme.text
            wrapMode: Text.Wrap
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label {
                objectName: "reportBackVerdict_" + root.index
                Layout.fillWidth: true
                visible: root.verdict.length > 0
                text: root.note.length > 0 ? qsTr("Người dân: %1 — %2").arg(root.verdictLabel).arg(root.note)
                                           : qsTr("Người dân: %1").arg(root.verdictLabel)
                color: root.verdict === "satisfied" ? Theme.done : Theme.warning
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
            }
            Item {
                Layout.fillWidth: true
                visible: root.verdict.length === 0
            }
            Button {
                text: qsTr("Xem")
                flat: true
                onClicked: root.opened(root.petitionId)
            }
            Button {
                objectName: "satisfied_" + root.index
                visible: root.canRecord && root.verdict.length === 0
                text: qsTr("Hài lòng")
                highlighted: true
                onClicked: root.satisfied(root.petitionId)
            }
            Button {
                objectName: "unsatisfied_" + root.index
                visible: root.canRecord && root.verdict.length === 0
                text: qsTr("Chưa hài lòng")
                onClicked: root.unsatisfied(root.petitionId, root.title)
            }
        }
    }
}
