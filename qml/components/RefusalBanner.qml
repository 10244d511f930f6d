import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// On a record the server did not accept: why (in Vietnamese, with names), and what to do:
// send it again once corrected, or drop it. Hidden when the record has no refused change.
Rectangle {
    id: root

    required property RecordController controller

    visible: root.controller.refused
    implicitHeight: visible ? column.implicitHeight + 2 * Theme.gap : 0
    color: "#FDECEA"
    border.color: Theme.danger
    border.width: 2
    radius: Theme.radius

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: 4
        Label {
            Layout.fillWidth: true
            text: root.controller.exists ? qsTr("Máy chủ chưa chấp nhận một thay đổi của hồ sơ này. Hồ sơ đang hiển thị như trên máy chủ.")
                                         : qsTr("Máy chủ chưa chấp nhận hồ sơ mới này, nên nó chưa có hiệu lực. Nội dung vẫn được giữ trên máy.")
            font.weight: Font.Bold
            color: "#7A1712"
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "refusalReason"
            Layout.fillWidth: true
            text: qsTr("Lý do: %1").arg(root.controller.refusalText)
            color: "#7A1712"
            wrapMode: Text.Wrap
        }
        RowLayout {
            Layout.fillWidth: true
            Item { Layout.fillWidth: true }
            Button {
                objectName: "discardRefusedButton"
                text: qsTr("Bỏ thay đổi")
                flat: true
                onClicked: root.controller.discardRefused()
            }
            Button {
                objectName: "resendRefusedButton"
                text: qsTr("Gửi lại")
                highlighted: true
                onClicked: root.controller.resendRefused()
            }
        }
    }
}
