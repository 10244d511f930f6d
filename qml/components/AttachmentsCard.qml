import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// "Ảnh và tài liệu" of a record: thumbnails, tap for the full view (caption, removal), add a
// photo or a document from a file. Attaching a photo: "Thêm ảnh", pick the file, "Mở".
SectionCard {
    id: root

    required property string parentEntity
    required property string parentId
    readonly property AttachmentListModel model: attachments
    /** The photo picker (tests set its file as the person would pick it). */
    readonly property FileDialog photoPicker: photoDialog

    /** Opens the full view of the attachment at `row`. */
    function openAttachment(row: int) {
        viewer.show(row)
    }

    title: qsTr("Ảnh và tài liệu")
    visible: root.parentId.length > 0

    AttachmentListModel {
        id: attachments
        parentEntity: root.parentEntity
        parentId: root.parentId
    }

    ErrorBanner {
        objectName: "attachmentError"
        Layout.fillWidth: true
        text: attachments.lastError
        onDismissed: attachments.clearError()
    }
    Label {
        Layout.fillWidth: true
        visible: attachments.count === 0
        text: qsTr("Chưa có ảnh hay tài liệu nào.")
        color: Theme.textMuted
        wrapMode: Text.Wrap
    }
    // A positioner, not a layout: the model resets on writes (HomePage.qml says why).
    Flow {
        objectName: "attachmentGrid"
        Layout.fillWidth: true
        Layout.preferredWidth: 0
        spacing: 8
        Repeater {
            model: attachments
            delegate: AttachmentDelegate {
                onOpened: (row) => viewer.show(row)
            }
        }
    }
    Flow {
        Layout.fillWidth: true
        spacing: 8
        visible: attachments.canAdd
        Button {
            objectName: "addPhotoButton"
            text: qsTr("Thêm ảnh")
            icon.name: "camera-photo"
            highlighted: true
            onClicked: photoDialog.open()
        }
        Button {
            objectName: "addDocumentButton"
            text: qsTr("Thêm tài liệu")
            flat: true
            onClicked: documentDialog.open()
        }
    }

    FileDialog {
        id: photoDialog
        title: qsTr("Chọn ảnh")
        nameFilters: [qsTr("Ảnh (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)")]
        onAccepted: attachments.addFile(photoDialog.selectedFile, "")
    }
    FileDialog {
        id: documentDialog
        title: qsTr("Chọn tài liệu")
        nameFilters: [qsTr("Tài liệu (*.pdf *.doc *.docx *.xls *.xlsx *.odt *.ods)")]
        onAccepted: attachments.addFile(documentDialog.selectedFile, "")
    }
    AttachmentViewDialog {
        id: viewer
        model: attachments
    }
}
