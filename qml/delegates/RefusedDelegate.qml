import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import NgheDan.Ui

// A change the server did not accept, with the reason.
Pane {
    id: root

    required property int index
    required property string entityLabel
    required property string recordTitle
    required property string changes
    required property string reason
    required property string whenText

    signal writeAgainRequested(int index)
    signal discardRequested(int index)

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: body.implicitHeight + 2 * Theme.pad
    Material.elevation: 1
    padding: Theme.pad

    ColumnLayout {
        id: body
        anchors.fill: parent
        spacing: 6
        Label {
            Layout.fillWidth: true
            text: qsTr("%1: %2").arg(root.entityLabel).arg(root.recordTitle)
            font.pixelSize: 17
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Lý do: %1").arg(root.reason)
            color: Theme.danger
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            text: root.changes
            color: Theme.textMuted
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: qsTr("Ghi lúc %1").arg(root.whenText)
                color: Theme.textMuted
                font.pixelSize: 13
            }
            Button {
                objectName: "refusedDiscardButton"
                text: qsTr("Bỏ")
                flat: true
                onClicked: root.discardRequested(root.index)
            }
            Button {
                objectName: "refusedResendButton"
                text: qsTr("Gửi lại")
                onClicked: root.writeAgainRequested(root.index)
            }
        }
    }
}
