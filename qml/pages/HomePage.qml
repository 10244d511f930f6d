import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// This week's visit, recent meetings, open petitions and directives, overdue count, sync state.
Page {
    id: root
    objectName: "homePage"

    signal openMeeting(string recordId)
    signal openPetition(string recordId)
    signal openDirective(string recordId)
    signal newMeeting()
    signal showList(string entity, bool overdueOnly)
    signal openResultsNotice(string unitId)

    title: qsTr("Trang chủ")
    background: Rectangle { color: Theme.background }

    HomeSummary {
        id: summary
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.pad
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: Theme.pad
            y: Theme.pad
            width: parent.width - 2 * Theme.pad
            spacing: Theme.pad

            Label {
                Layout.fillWidth: true
                text: qsTr("Xin chào, %1").arg(Session.displayName)
                font.pixelSize: 26
                font.weight: Font.Bold
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                visible: Session.scopeName.length > 0
                text: qsTr("Địa bàn: %1").arg(Session.scopeName)
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }

            GridLayout {
                Layout.fillWidth: true
                columns: root.width > 900 ? 2 : 1
                columnSpacing: Theme.pad
                rowSpacing: Theme.pad

                SectionCard {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Buổi họp tuần này")
                    Label {
                        Layout.fillWidth: true
                        visible: summary.weekMeetingId.length === 0
                        text: qsTr("Chưa có buổi họp nào trong tuần.")
                        color: Theme.textMuted
                        wrapMode: Text.Wrap
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        visible: summary.weekMeetingId.length > 0
                        spacing: 4
                        Label {
                            Layout.fillWidth: true
                            text: summary.weekMeetingTitle
                            font.pixelSize: 20
                            font.weight: Font.DemiBold
                            color: Theme.text
                            wrapMode: Text.Wrap
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 · %2").arg(summary.weekMeetingWhen).arg(summary.weekMeetingPlace)
                            color: Theme.textMuted
                            wrapMode: Text.Wrap
                        }
                        Label {
                            text: summary.weekMeetingStatus
                            color: Theme.open
                            font.weight: Font.DemiBold
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Button {
                            objectName: "openWeekMeeting"
                            visible: summary.weekMeetingId.length > 0
                            text: qsTr("Mở biên bản")
                            highlighted: true
                            onClicked: root.openMeeting(summary.weekMeetingId)
                        }
                        Button {
                            objectName: "homeNewMeeting"
                            visible: Session.mayCreate("meeting")
                            text: qsTr("Buổi họp mới")
                            highlighted: summary.weekMeetingId.length === 0
                            onClicked: root.newMeeting()
                        }
                        Button {
                            objectName: "homeResultsNotice"
                            text: qsTr("Thông báo kết quả")
                            flat: true
                            onClicked: root.openResultsNotice(Session.scopeUnit)
                        }
                    }
                }

                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: Theme.gap
                    rowSpacing: Theme.gap
                    CountTile {
                        value: summary.openPetitions
                        caption: qsTr("kiến nghị đang xử lý")
                        accent: Theme.open
                        onClicked: root.showList("petition", false)
                    }
                    CountTile {
                        value: summary.openDirectives
                        caption: qsTr("chỉ đạo chưa xong")
                        accent: Theme.open
                        onClicked: root.showList("directive", false)
                    }
                    CountTile {
                        objectName: "overdueTile"
                        value: summary.overdueCount
                        caption: qsTr("việc quá hạn")
                        accent: summary.overdueCount > 0 ? Theme.warning : Theme.done
                        onClicked: root.showList("petition", true)
                    }
                    CountTile {
                        value: summary.meetingsThisYear
                        caption: qsTr("buổi họp từ đầu năm")
                        accent: Theme.primary
                        onClicked: root.showList("meeting", false)
                    }
                }
            }

            SectionCard {
                Layout.fillWidth: true
                title: qsTr("Đồng bộ")
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.gap
                    Label {
                        Layout.fillWidth: true
                        text: Sync.alarm.length > 0 ? Sync.alarm : Sync.lastError.length > 0 ? Sync.lastError : qsTr("%1. %2.").arg(Sync.summary).arg(Sync.outboxText)
                        color: Sync.alarm.length > 0 || Sync.lastError.length > 0 || Sync.refusedCount > 0 ? Theme.danger : Theme.text
                        wrapMode: Text.Wrap
                    }
                    Button {
                        text: qsTr("Đồng bộ ngay")
                        enabled: !Sync.running
                        onClicked: Sync.syncNow()
                    }
                }
                ProgressBar {
                    Layout.fillWidth: true
                    visible: Sync.running
                    indeterminate: Sync.progress < 0
                    value: Math.max(0, Sync.progress)
                }
            }

            GridLayout {
                Layout.fillWidth: true
                columns: root.width > 900 ? 2 : 1
                columnSpacing: Theme.pad
                rowSpacing: Theme.pad

                SectionCard {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Buổi họp gần đây")
                    // Rows sit in a Column, not in the card's layout: the lists reset on every write and
                    // Qt 6.4's layouts then read delegates the Repeater already deleted (a crash seen when
                    // a petition on the list was resolved from its page, valgrind: use after free in
                    // QQuickLayout::updatePolish of a RecordListModel delegate).
                    Column {
                        spacing: Theme.gap
                        Layout.fillWidth: true
                        Layout.preferredWidth: 0  // its width comes from the card, never from its rows
                        Repeater {
                            model: RecordListModel {
                                entity: "meeting"
                                pageSize: 4
                            }
                            delegate: MeetingDelegate {
                                width: parent ? parent.width : 0
                                onOpened: (id) => root.openMeeting(id)
                            }
                        }
                    }
                }
                SectionCard {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Kiến nghị đang xử lý")
                    Column {
                        spacing: Theme.gap
                        Layout.fillWidth: true
                        Layout.preferredWidth: 0  // its width comes from the card, never from its rows
                        Repeater {
                            model: RecordListModel {
                                entity: "petition"
                                openOnly: true
                                pageSize: 4
                            }
                            delegate: PetitionDelegate {
                                width: parent ? parent.width : 0
                                onOpened: (id) => root.openPetition(id)
                            }
                        }
                    }
                }
                SectionCard {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Chỉ đạo chưa hoàn thành")
                    Column {
                        spacing: Theme.gap
                        Layout.fillWidth: true
                        Layout.preferredWidth: 0  // its width comes from the card, never from its rows
                        Repeater {
                            model: RecordListModel {
                                entity: "directive"
                                openOnly: true
                                pageSize: 4
                            }
                            delegate: DirectiveDelegate {
                                width: parent ? parent.width : 0
                                onOpened: (id) => root.openDirective(id)
                            }
                        }
                    }
                }
            }
        }
    }
}
