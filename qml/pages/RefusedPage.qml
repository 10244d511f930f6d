import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// Changes the server did not accept, with the reason, so that nothing disappears silently.
Page {
    id: root
    objectName: "refusedPage"

    title: qsTr("Chưa được chấp nhận")
    background: Rectangle { color: Theme.background }

    RefusedListModel { id: refused }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pad
        spacing: Theme.gap
        Label {
            Layout.fillWidth: true
            text: qsTr("Các thay đổi dưới đây được lưu trên máy nhưng máy chủ không nhận, nên chưa có hiệu lực. Chúng không bị xoá; hãy xem lý do, sửa lại hoặc báo cán bộ quản trị.")
            wrapMode: Text.Wrap
            color: Theme.text
        }
        ErrorBanner {
            Layout.fillWidth: true
            text: refused.lastError
        }
        ListView {
            objectName: "refusedList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.gap
            model: refused
            ScrollBar.vertical: ScrollBar {}
            delegate: RefusedDelegate {
                onWriteAgainRequested: (index) => refused.writeAgain(index)
                onDiscardRequested: (index) => refused.discard(index)
            }
            Label {
                anchors.centerIn: parent
                visible: refused.count === 0
                text: qsTr("Không có thay đổi nào bị từ chối.")
                color: Theme.textMuted
                font.pixelSize: 18
            }
        }
    }
}
