import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// Both versions of every conflicting field side by side; keep one or save a merged value.
Page {
    id: root
    objectName: "conflictPage"

    required property string entity
    required property string recordId

    signal done()

    title: qsTr("Chọn bản đúng")
    background: Rectangle { color: Theme.background }

    ConflictListModel {
        id: conflicts
        entity: root.entity
        recordId: root.recordId
        onCountChanged: if (conflicts.count === 0) root.done()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pad
        spacing: Theme.gap
        Label {
            Layout.fillWidth: true
            text: qsTr("Hồ sơ này được sửa trên hai máy cùng lúc. Không bản nào bị mất: hãy giữ bản đúng, hoặc gộp lại thành một bản. Lựa chọn của bạn sẽ được đồng bộ tới mọi máy.")
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.bodySize
        }
        ErrorBanner {
            Layout.fillWidth: true
            text: conflicts.lastError
        }
        ListView {
            objectName: "conflictList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.gap
            model: conflicts
            ScrollBar.vertical: ScrollBar {}
            delegate: ConflictDelegate {
                onKeepRequested: (row, version) => conflicts.keep(row, version)
                onMergeRequested: (row, text) => conflicts.merge(row, text)
            }
        }
    }
}
