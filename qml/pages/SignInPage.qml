import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// First sign-in needs the server; afterwards the app opens offline as the last user.
Page {
    id: root
    objectName: "signInPage"

    title: qsTr("Đăng nhập")
    background: Rectangle { color: Theme.primary }

    Pane {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 480)
        Material.elevation: 6
        padding: 32

        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.gap

            Label {
                Layout.fillWidth: true
                text: qsTr("Nghe Dân")
                font.pixelSize: 32
                font.weight: Font.Bold
                color: Theme.primary
                horizontalAlignment: Text.AlignHCenter
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Ghi nhận ý kiến, kiến nghị của người dân — «Mỗi tuần một khu phố»")
                wrapMode: Text.Wrap
                color: Theme.textMuted
                horizontalAlignment: Text.AlignHCenter
            }
            FormField {
                label: qsTr("Tên đăng nhập")
                TextField {
                    id: username
                    objectName: "usernameField"
                    Layout.fillWidth: true
                    text: Session.lastUsername
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                    onAccepted: password.forceActiveFocus()
                }
            }
            FormField {
                label: qsTr("Mật khẩu")
                TextField {
                    id: password
                    objectName: "passwordField"
                    Layout.fillWidth: true
                    echoMode: TextInput.Password
                    onAccepted: Session.signIn(username.text, password.text)
                }
            }
            Button {
                id: serverToggle
                objectName: "serverToggle"
                Layout.alignment: Qt.AlignRight
                flat: true
                checkable: true
                text: serverToggle.checked ? qsTr("Ẩn máy chủ") : qsTr("Máy chủ…")
                font.capitalization: Font.MixedCase
                // Opened by itself only when no server is set yet.
                Component.onCompleted: serverToggle.checked = AppSettings.serverUrl.length === 0
            }
            FormField {
                visible: serverToggle.checked
                label: qsTr("Địa chỉ máy chủ")
                hint: qsTr("Chỉ cần khi đăng nhập lần đầu; sau đó ứng dụng dùng được cả khi không có mạng.")
                TextField {
                    id: server
                    objectName: "serverField"
                    Layout.fillWidth: true
                    text: AppSettings.serverUrl
                    inputMethodHints: Qt.ImhUrlCharactersOnly
                    onEditingFinished: AppSettings.serverUrl = server.text
                }
            }
            ErrorBanner {
                objectName: "wipeNotice"
                Layout.fillWidth: true
                text: DeviceLock.notice
                onDismissed: DeviceLock.dismissNotice()
            }
            ErrorBanner {
                Layout.fillWidth: true
                text: Session.lastError
            }
            Button {
                objectName: "signInButton"
                Layout.fillWidth: true
                text: Session.busy ? qsTr("Đang đăng nhập…") : qsTr("Đăng nhập")
                highlighted: true
                enabled: !Session.busy
                onClicked: {
                    AppSettings.serverUrl = server.text
                    Session.signIn(username.text, password.text)
                }
            }
            RowLayout {
                Layout.alignment: Qt.AlignHCenter
                Label { text: qsTr("Ngôn ngữ:"); color: Theme.textMuted }
                Button {
                    flat: true
                    text: "Tiếng Việt"
                    highlighted: AppSettings.language === "vi"
                    onClicked: AppSettings.language = "vi"
                }
                Button {
                    flat: true
                    text: "English"
                    highlighted: AppSettings.language === "en"
                    onClicked: AppSettings.language = "en"
                }
            }
        }
    }
}
