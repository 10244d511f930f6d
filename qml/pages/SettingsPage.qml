import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// Server address, language, account and sync details.
Page {
    id: root
    objectName: "settingsPage"

    title: qsTr("Cài đặt")
    background: Rectangle { color: Theme.background }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.pad
        clip: true
        ColumnLayout {
            id: column
            x: Theme.pad
            y: Theme.pad
            width: Math.min(parent.width - 2 * Theme.pad, 820)
            spacing: Theme.pad

            SectionCard {
                Layout.fillWidth: true
                title: qsTr("Máy chủ đồng bộ")
                FormField {
                    label: qsTr("Địa chỉ máy chủ")
                    RowLayout {
                        Layout.fillWidth: true
                        TextField {
                            id: server
                            objectName: "settingsServerField"
                            Layout.fillWidth: true
                            text: AppSettings.serverUrl
                            inputMethodHints: Qt.ImhUrlCharactersOnly
                        }
                        Button {
                            text: qsTr("Lưu")
                            onClicked: AppSettings.serverUrl = server.text
                        }
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Lần đồng bộ gần nhất: %1").arg(Sync.lastSyncedText.length > 0 ? Sync.lastSyncedText : qsTr("chưa có"))
                    color: Theme.text
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Thay đổi chưa gửi: %1 · Bị từ chối: %2").arg(Sync.pendingCount).arg(Sync.refusedCount)
                    color: Theme.text
                }
                Switch {
                    objectName: "recordsOnlySwitch"
                    Layout.fillWidth: true
                    text: qsTr("Chỉ đồng bộ hồ sơ (không tải ảnh)")
                    checked: AppSettings.recordsOnly
                    onToggled: AppSettings.recordsOnly = checked
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Dùng khi mạng chậm hoặc tính tiền theo dung lượng: ảnh và tài liệu được giữ trên máy và gửi sau; ảnh thu nhỏ của trang đang xem vẫn được tải về.")
                    color: Theme.textMuted
                    font.pixelSize: Theme.smallSize
                    wrapMode: Text.Wrap
                }
                Label {
                    objectName: "blobSyncSettingsText"
                    Layout.fillWidth: true
                    visible: Sync.blobText.length > 0
                    text: Sync.blobText
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.fillWidth: true
                    visible: Sync.lastError.length > 0
                    text: Sync.lastError
                    color: Theme.danger
                    wrapMode: Text.Wrap
                }
                Label {
                    objectName: "syncAlarm"
                    Layout.fillWidth: true
                    visible: Sync.alarm.length > 0
                    text: Sync.alarm
                    color: Theme.danger
                    wrapMode: Text.Wrap
                }
                Button {
                    visible: Sync.alarm.length > 0
                    text: qsTr("Đã báo quản trị viên")
                    onClicked: Sync.dismissAlarm()
                }
                Button {
                    text: qsTr("Đồng bộ ngay")
                    enabled: !Sync.running
                    onClicked: Sync.syncNow()
                }
            }
            SectionCard {
                Layout.fillWidth: true
                title: qsTr("Khóa dữ liệu")
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Tự khóa sau (phút không dùng)")
                        color: Theme.text
                    }
                    SpinBox {
                        objectName: "idleMinutesBox"
                        from: 1
                        to: 60
                        value: DeviceLock.idleMinutes
                        onValueModified: DeviceLock.idleMinutes = value
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Xóa dữ liệu trên máy sau số lần nhập sai mã PIN")
                        wrapMode: Text.Wrap
                        color: Theme.text
                    }
                    SpinBox {
                        objectName: "maxFailuresBox"
                        from: 3
                        to: 20
                        value: DeviceLock.maxFailures
                        onValueModified: DeviceLock.maxFailures = value
                    }
                }
                Button {
                    objectName: "lockNowButton"
                    visible: DeviceLock.state === "open"
                    text: qsTr("Khóa ngay")
                    onClicked: DeviceLock.lock()
                }
            }
            SectionCard {
                Layout.fillWidth: true
                title: qsTr("Ngôn ngữ")
                RowLayout {
                    RadioButton {
                        objectName: "languageVi"
                        text: "Tiếng Việt"
                        checked: AppSettings.language === "vi"
                        onClicked: AppSettings.language = "vi"
                    }
                    RadioButton {
                        objectName: "languageEn"
                        text: "English"
                        checked: AppSettings.language === "en"
                        onClicked: AppSettings.language = "en"
                    }
                }
            }
            SectionCard {
                Layout.fillWidth: true
                title: qsTr("Tài khoản")
                Label {
                    Layout.fillWidth: true
                    text: qsTr("%1 (%2)").arg(Session.displayName).arg(Session.username)
                    color: Theme.text
                    font.weight: Font.DemiBold
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Vai trò: %1").arg(Catalog.roleName(Session.role))
                    color: Theme.textMuted
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Địa bàn: %1").arg(Session.scopeName)
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
                Button {
                    text: qsTr("Đăng xuất")
                    onClicked: signOutDialog.open()
                }
                // For support staff only: where the data lives is not part of the normal view.
                Button {
                    id: technical
                    objectName: "technicalToggle"
                    flat: true
                    checkable: true
                    text: qsTr("Thông tin kỹ thuật…")
                    font.capitalization: Font.MixedCase
                }
                Label {
                    objectName: "dataDirLabel"
                    Layout.fillWidth: true
                    visible: technical.checked
                    text: qsTr("Thư mục dữ liệu: %1").arg(AppSettings.dataDir)
                    color: Theme.textMuted
                    wrapMode: Text.WrapAnywhere
                    font.pixelSize: Theme.smallSize
                }
            }
        }
    }

    Dialog {
        id: signOutDialog
        anchors.centerIn: Overlay.overlay
        width: Math.min(root.width - 48, 560)
        modal: true
        title: qsTr("Đăng xuất?")
        footer: DialogButtonBox {
            Button {
                objectName: "signOutCancel"
                text: qsTr("Huỷ")
                flat: true
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            Button {
                objectName: "signOutConfirm"
                text: qsTr("Đăng xuất")
                flat: true
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        Label {
            width: parent.width
            wrapMode: Text.Wrap
            text: Sync.pendingCount > 0
                  ? qsTr("Còn %1 thay đổi chưa gửi. Chúng vẫn được giữ trên máy và sẽ gửi khi đăng nhập lại, nhưng cần có mạng để đăng nhập.").arg(Sync.pendingCount)
                  : qsTr("Dữ liệu vẫn được giữ trên máy. Lần đăng nhập sau cần có mạng.")
        }
        onAccepted: Session.signOut()
    }
}
