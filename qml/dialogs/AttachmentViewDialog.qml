import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// An attachment at full size (a photo fitted to the window) with its caption, when it was
// taken, and removal after a confirmation.
Dialog {
    id: root

    required property AttachmentListModel model
    property var item: ({})

    function show(row: int) {
        root.item = root.model.get(row)
        captionField.text = root.item.caption ?? ""
        root.model.requestFull(root.item.attachmentId ?? "")
        root.open()
    }

    objectName: "attachmentViewer"
    parent: Overlay.overlay
    anchors.centerIn: Overlay.overlay
    width: (parent ? parent.width : 800) - 32
    height: (parent ? parent.height : 800) - 32
    modal: true
    padding: Theme.gap
    title: root.item.kind === "photo" ? qsTr("Ảnh") : qsTr("Tài liệu")

    Connections {
        target: root.model
        // A blob arrived or the caption changed: show the row's current values.
        function onDataChanged() {
            const row = root.model.rowOf(root.item.attachmentId ?? "")
            if (row >= 0) root.item = root.model.get(row)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: "#202020"
            radius: 4
            Image {
                id: fullImage
                objectName: "attachmentFullImage"
                anchors.fill: parent
                visible: root.item.kind === "photo"
                source: root.opened && root.item.kind === "photo" ? root.item.fullSource : ""
                fillMode: Image.PreserveAspectFit
                asynchronous: true
                sourceSize: Qt.size(2048, 2048)
            }
            Label {
                anchors.centerIn: parent
                visible: root.item.kind === "photo" && !(root.item.available ?? false)
                text: qsTr("Ảnh gốc chưa có trên máy này: sẽ được tải về khi có mạng.")
                color: "white"
                wrapMode: Text.Wrap
                width: parent.width - 32
                horizontalAlignment: Text.AlignHCenter
            }
            ColumnLayout {
                anchors.centerIn: parent
                width: parent.width - 32
                visible: root.item.kind !== "photo"
                Label {
                    Layout.alignment: Qt.AlignHCenter
                    text: root.item.typeLabel ?? ""
                    font.pixelSize: 40
                    font.weight: Font.Bold
                    color: "white"
                }
                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    text: (root.item.fileName ?? "") + " · " + (root.item.sizeText ?? "")
                    color: "white"
                    wrapMode: Text.WrapAnywhere
                }
            }
        }
        Label {
            Layout.fillWidth: true
            visible: (root.item.takenAtText ?? "").length > 0
            text: qsTr("Chụp lúc %1 · %2").arg(root.item.takenAtText ?? "").arg(root.item.sizeText ?? "")
            color: Theme.textMuted
            font.pixelSize: Theme.smallSize
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            TextField {
                id: captionField
                objectName: "attachmentCaption"
                Layout.fillWidth: true
                placeholderText: qsTr("Chú thích (ví dụ: xe khách đỗ trước nhà số 12)")
                readOnly: !root.model.canEdit
                onEditingFinished: root.model.setCaption(root.item.attachmentId ?? "", captionField.text)
            }
            Button {
                objectName: "attachmentRemove"
                text: qsTr("Xóa")
                flat: true
                visible: root.model.canEdit
                onClicked: confirmRemove.open()
            }
            Button {
                objectName: "attachmentClose"
                text: qsTr("Đóng")
                highlighted: true
                onClicked: {
                    root.model.setCaption(root.item.attachmentId ?? "", captionField.text)
                    root.close()
                }
            }
        }
    }

    Dialog {
        id: confirmRemove
        objectName: "attachmentConfirmRemove"
        anchors.centerIn: Overlay.overlay
        width: Math.min((root.parent ? root.parent.width : 800) - 48, 520)
        modal: true
        title: qsTr("Xóa tệp đính kèm?")
        standardButtons: Dialog.Cancel | Dialog.Ok
        Label {
            objectName: "attachmentConfirmText"
            width: parent ? parent.width : 400
            text: qsTr("Tệp sẽ không còn hiện trong hồ sơ. Lịch sử thay đổi vẫn ghi lại việc xóa.")
            wrapMode: Text.Wrap
        }
        onAccepted: {
            if (root.model.remove(root.item.attachmentId ?? "")) root.close()
        }
    }
}
