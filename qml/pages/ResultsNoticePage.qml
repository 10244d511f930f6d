import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// The results notice of a neighbourhood ("Thông báo kết quả giải quyết kiến nghị"): its public
// petitions of a period as plain text, to copy into the neighbourhood's chat group or read out.
// Made on the tablet from its own data, offline.
Page {
    id: root
    objectName: "resultsNoticePage"

    required property string unitId
    property string meetingId
    readonly property ResultsNotice notice: notice

    title: qsTr("Thông báo kết quả")
    background: Rectangle { color: Theme.background }

    ResultsNotice {
        id: notice
        unitId: unitPicker.selectedUnit
        meetingId: root.meetingId
    }

    header: Pane {
        Material.elevation: 1
        padding: Theme.gap
        RowLayout {
            anchors.fill: parent
            spacing: Theme.gap
            Label {
                Layout.fillWidth: true
                text: qsTr("Thông báo kết quả giải quyết kiến nghị")
                font.pixelSize: Theme.titleSize
                font.weight: Font.Bold
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Button {
                id: copyNotice
                objectName: "copyNotice"
                enabled: notice.text.length > 0
                highlighted: true
                text: qsTr("Sao chép")
                onClicked: {
                    Clipboard.copy(notice.text)
                    copyNotice.text = qsTr("Đã chép")
                    copiedTimer.restart()
                }
                Timer {
                    id: copiedTimer
                    interval: 2000
                    onTriggered: copyNotice.text = qsTr("Sao chép")
                }
            }
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.pad
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: Theme.pad
            y: Theme.pad
            width: flick.width - 2 * Theme.pad
            spacing: Theme.pad

            SectionCard {
                Layout.fillWidth: true
                title: qsTr("Khu phố và thời gian")
                UnitPicker {
                    id: unitPicker
                    Layout.fillWidth: true
                    initialUnit: root.unitId
                    requireLeaf: false
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.gap
                    FormField {
                        label: qsTr("Tiếp nhận từ ngày")
                        DateField {
                            id: fromDate
                            objectName: "noticeFrom"
                            Layout.fillWidth: true
                            text: notice.fromDate
                            onEditingFinished: if (fromDate.valid) notice.fromDate = fromDate.text
                        }
                    }
                    FormField {
                        label: qsTr("đến ngày")
                        DateField {
                            id: toDate
                            objectName: "noticeTo"
                            Layout.fillWidth: true
                            text: notice.toDate
                            onEditingFinished: if (toDate.valid) notice.toDate = toDate.text
                        }
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Chỉ gồm các kiến nghị đã bật «Công khai kết quả cho người dân»; không có tên người kiến nghị.")
                    color: Theme.textMuted
                    font.pixelSize: Theme.smallSize
                    wrapMode: Text.Wrap
                }
            }
            ErrorBanner {
                Layout.fillWidth: true
                text: notice.problem
            }
            SectionCard {
                Layout.fillWidth: true
                visible: notice.text.length > 0
                title: qsTr("Nội dung (%1 kiến nghị)").arg(notice.count)
                TextArea {
                    objectName: "noticeText"
                    Layout.fillWidth: true
                    readOnly: true
                    selectByMouse: true
                    wrapMode: TextEdit.Wrap
                    text: notice.text
                    font.pixelSize: Theme.bodySize
                }
            }
        }
    }
}
