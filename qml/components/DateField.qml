import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// A date typed as dd/MM/yyyy (or date and time with `withTime`) or picked on a calendar
// (the «Lịch» button); checked by C++, with what is wrong shown under the field in Vietnamese.
// A picked date ends editing like typing does (editingFinished).
TextField {
    id: root

    property bool withTime: false
    readonly property string problem: Catalog.dateProblem(root.text, root.withTime)
    readonly property bool valid: root.problem.length === 0
    readonly property real messageSpace: message.visible ? message.implicitHeight + 4 : 0

    function pick(year: int, month: int, day: int) {
        root.text = Catalog.withPickedDate(root.text, year, month, day, root.withTime)
        calendar.close()
        root.editingFinished()
    }

    placeholderText: root.withTime ? qsTr("dd/MM/yyyy HH:mm") : qsTr("dd/MM/yyyy")
    inputMethodHints: Qt.ImhPreferNumbers
    color: root.valid ? palette.text : Theme.danger
    rightPadding: calendarButton.visible ? calendarButton.width + 4 : 0
    // Room for the message under the line (Material's bottom padding is 16).
    bottomPadding: 16 + root.messageSpace
    Accessible.description: root.problem

    ToolButton {
        id: calendarButton
        objectName: root.objectName.length > 0 ? root.objectName + "Calendar" : "dateFieldCalendar"
        anchors.right: parent.right
        y: root.topPadding + (root.height - root.topPadding - root.bottomPadding - calendarButton.height) / 2
        visible: !root.readOnly
        text: qsTr("Lịch")
        font.capitalization: Font.MixedCase
        Accessible.name: qsTr("Chọn ngày trên lịch")
        onClicked: calendar.open()
    }
    Label {
        id: message
        objectName: root.objectName.length > 0 ? root.objectName + "Problem" : "dateFieldProblem"
        x: root.leftPadding
        y: root.height - root.messageSpace + 4
        width: root.width - root.leftPadding
        visible: !root.valid && !root.activeFocus
        text: root.problem
        color: Theme.danger
        font.pixelSize: 13
        wrapMode: Text.Wrap
    }

    Popup {
        id: calendar

        property int year
        property int month

        function showMonth(delta: int) {
            const next = Catalog.shiftMonth(calendar.year, calendar.month, delta)
            calendar.year = next.year
            calendar.month = next.month
        }

        parent: Overlay.overlay
        anchors.centerIn: Overlay.overlay
        modal: true
        padding: Theme.gap
        onAboutToShow: {
            const shown = Catalog.calendarDate(root.text)
            calendar.year = shown.year
            calendar.month = shown.month
        }

        ColumnLayout {
            spacing: 4
            RowLayout {
                Layout.fillWidth: true
                ToolButton {
                    objectName: "calendarPrevious"
                    text: "‹"
                    font.pixelSize: 24
                    Accessible.name: qsTr("Tháng trước")
                    onClicked: calendar.showMonth(-1)
                }
                Label {
                    objectName: "calendarTitle"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    text: Catalog.monthTitle(calendar.year, calendar.month)
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                ToolButton {
                    objectName: "calendarNext"
                    text: "›"
                    font.pixelSize: 24
                    Accessible.name: qsTr("Tháng sau")
                    onClicked: calendar.showMonth(1)
                }
            }
            DayOfWeekRow {
                Layout.fillWidth: true
                locale: grid.locale
            }
            MonthGrid {
                id: grid
                Layout.preferredWidth: 7 * 52
                Layout.preferredHeight: 6 * 48
                year: calendar.year
                month: calendar.month
                locale: Qt.locale(AppSettings.language === "en" ? "en_GB" : "vi_VN")
                delegate: Label {
                    required property var model
                    objectName: model.month === grid.month ? "calendarDay_" + model.day : ""
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    opacity: model.month === grid.month ? 1 : 0.35
                    text: model.day
                    color: model.today ? Theme.primary : Theme.text
                    font.weight: model.today ? Font.Bold : Font.Normal
                }
                onClicked: (date) => root.pick(date.getFullYear(), date.getMonth(), date.getDate())
            }
            Button {
                Layout.alignment: Qt.AlignRight
                text: qsTr("Đóng")
                flat: true
                onClicked: calendar.close()
            }
        }
    }
}
