import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan.Ui

// One attachment in the grid: a photo's thumbnail or a document's type and name, the caption.
ItemDelegate {
    id: root

    required property int index
    required property string attachmentId
    required property string kind
    required property string caption
    required property string fileName
    required property string typeLabel
    required property string thumbSource
    required property string sizeText

    signal opened(int row)

    objectName: "attachment_" + root.attachmentId
    width: 152
    height: 152 + captionLabel.implicitHeight
    // No padding (Material gives delegates vertical padding): the thumbnail is the tap area.
    leftPadding: 0
    rightPadding: 0
    topPadding: 0
    bottomPadding: 0
    onClicked: root.opened(root.index)

    contentItem: ColumnLayout {
        spacing: 4
        Rectangle {
            Layout.preferredWidth: 152
            Layout.preferredHeight: 148
            color: Theme.divider
            radius: 4
            clip: true
            Image {
                objectName: "attachmentThumb"
                anchors.fill: parent
                visible: root.kind === "photo"
                source: root.thumbSource
                sourceSize: Qt.size(320, 320)
                fillMode: Image.PreserveAspectCrop
                asynchronous: true
            }
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 8
                visible: root.kind !== "photo"
                Label {
                    Layout.alignment: Qt.AlignHCenter
                    text: root.typeLabel
                    font.pixelSize: 24
                    font.weight: Font.Bold
                    color: Theme.primary
                }
                Label {
                    Layout.fillWidth: true
                    text: root.fileName
                    wrapMode: Text.WrapAnywhere
                    horizontalAlignment: Text.AlignHCenter
                    color: Theme.text
                    font.pixelSize: Theme.smallSize
                }
                Label {
                    Layout.alignment: Qt.AlignHCenter
                    text: root.sizeText
                    color: Theme.textMuted
                    font.pixelSize: Theme.smallSize
                }
            }
        }
        Label {
            id: captionLabel
            Layout.fillWidth: true
            Layout.preferredWidth: 152
            text: root.caption.length > 0 ? root.caption : qsTr("(chưa có chú thích)")
            color: root.caption.length > 0 ? Theme.text : Theme.textMuted
            font.pixelSize: Theme.smallSize
            wrapMode: Text.Wrap
        }
    }
}
