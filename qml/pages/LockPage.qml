import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// The PIN lock over everything: set the first PIN, enter it, or (unsynced too long) sync now.
// DeviceLock decides; this page only lays out its state.
Page {
    id: root
    objectName: "lockPage"

    readonly property bool settingPin: DeviceLock.state === "setPin"
    readonly property bool stale: DeviceLock.state === "stale"

    function submit() {
        if (root.stale) {
            DeviceLock.syncNow()
        } else if (root.settingPin) {
            DeviceLock.setPin(pin.text, again.text)
        } else {
            DeviceLock.unlock(pin.text)
        }
        pin.text = ""
        again.text = ""
    }

    title: qsTr("Khóa dữ liệu")
    background: Rectangle { color: Theme.primary }

    Pane {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 460)
        Material.elevation: 6
        padding: 32

        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.gap

            Label {
                Layout.fillWidth: true
                text: root.settingPin ? qsTr("Đặt mã PIN") : root.stale ? qsTr("Cần đồng bộ") : qsTr("Nhập mã PIN")
                font.pixelSize: 28
                font.weight: Font.Bold
                color: Theme.primary
                horizontalAlignment: Text.AlignHCenter
            }
            Label {
                Layout.fillWidth: true
                text: root.settingPin
                      ? qsTr("Dữ liệu trên máy được mã hóa bằng mã PIN của bạn. Chọn 6 đến 12 chữ số và nhập hai lần.")
                      : root.stale
                        ? qsTr("Dữ liệu trên máy vẫn khóa cho tới khi đồng bộ được với máy chủ.")
                        : qsTr("%1 — dữ liệu trên máy đang khóa.").arg(Session.displayName)
                wrapMode: Text.Wrap
                color: Theme.textMuted
                horizontalAlignment: Text.AlignHCenter
            }
            TextField {
                id: pin
                objectName: "pinField"
                Layout.fillWidth: true
                visible: !root.stale
                placeholderText: qsTr("Mã PIN")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly
                validator: RegularExpressionValidator { regularExpression: /[0-9]{0,12}/ }
                enabled: DeviceLock.waitSeconds === 0
                onAccepted: root.settingPin ? again.forceActiveFocus() : root.submit()
            }
            TextField {
                id: again
                objectName: "pinAgainField"
                Layout.fillWidth: true
                visible: root.settingPin
                placeholderText: qsTr("Nhập lại mã PIN")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly
                validator: RegularExpressionValidator { regularExpression: /[0-9]{0,12}/ }
                onAccepted: root.submit()
            }
            Label {
                objectName: "lockWait"
                Layout.fillWidth: true
                visible: DeviceLock.waitText.length > 0
                text: DeviceLock.waitText
                font.pixelSize: Theme.titleSize
                color: Theme.danger
                horizontalAlignment: Text.AlignHCenter
            }
            ErrorBanner {
                objectName: "lockMessage"
                Layout.fillWidth: true
                text: DeviceLock.message
            }
            Label {
                Layout.fillWidth: true
                visible: root.stale && Sync.running
                text: Sync.phaseText
                color: Theme.textMuted
                horizontalAlignment: Text.AlignHCenter
            }
            Label {
                Layout.fillWidth: true
                visible: root.stale && !Sync.running && Sync.lastError.length > 0
                text: Sync.lastError
                wrapMode: Text.Wrap
                color: Theme.danger
            }
            Button {
                objectName: "lockButton"
                Layout.fillWidth: true
                highlighted: true
                enabled: root.stale ? !Sync.running : DeviceLock.waitSeconds === 0
                text: root.settingPin ? qsTr("Đặt mã PIN") : root.stale ? qsTr("Đồng bộ ngay") : qsTr("Mở khóa")
                onClicked: root.submit()
            }
        }
    }
}
