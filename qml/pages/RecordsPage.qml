import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// Meetings, petitions or directives with filters (status, category, unit, agency, overdue)
// and search that ignores diacritics.
Page {
    id: root
    objectName: "recordsPage"

    required property string entity
    property bool overdueOnly: false
    readonly property alias model: records

    signal openRecord(string entity, string recordId)
    signal newRecord(string entity)

    title: root.entity === "meeting" ? qsTr("Buổi họp")
         : root.entity === "petition" ? qsTr("Kiến nghị") : qsTr("Chỉ đạo")
    background: Rectangle { color: Theme.background }

    RecordListModel {
        id: records
        entity: root.entity
        searchText: search.text
        searchDelay: 300
        status: statusBox.currentIndex > 0 ? statusBox.currentValue : ""
        category: categoryBox.currentIndex > 0 ? categoryBox.currentValue : ""
        // The replica holds only this tablet's scope, so "all" needs no unit filter.
        unitId: wardBox.currentIndex >= 0 ? wardBox.currentValue : ""
        agencyId: agencyBox.currentIndex >= 0 ? agencyBox.currentValue : ""
        overdueOnly: overdue.checked
    }

    header: Pane {
        Material.elevation: 1
        padding: Theme.gap
        ColumnLayout {
            anchors.fill: parent
            spacing: 8
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap
                TextField {
                    id: search
                    objectName: "searchField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Tìm theo nội dung, tên, địa điểm (gõ có dấu hoặc không dấu)")
                    inputMethodHints: Qt.ImhNoPredictiveText
                }
                Button {
                    objectName: "newRecordButton"
                    visible: Session.mayCreate(root.entity)
                    text: root.entity === "meeting" ? qsTr("+ Buổi họp mới")
                        : root.entity === "petition" ? qsTr("+ Kiến nghị mới") : qsTr("+ Chỉ đạo mới")
                    highlighted: true
                    onClicked: root.newRecord(root.entity)
                }
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.gap
                ComboBox {
                    id: statusBox
                    objectName: "statusFilter"
                    width: 220
                    textRole: "label"
                    valueRole: "value"
                    model: [{ value: "", label: qsTr("Mọi trạng thái") }].concat(Catalog.options(root.entity, "status"))
                }
                ComboBox {
                    id: categoryBox
                    objectName: "categoryFilter"
                    visible: root.entity === "petition"
                    width: 260
                    textRole: "label"
                    valueRole: "value"
                    model: [{ value: "", label: qsTr("Mọi lĩnh vực") }].concat(Catalog.options("petition", "category"))
                }
                ComboBox {
                    id: wardBox
                    objectName: "unitFilter"
                    width: 220
                    textRole: "name"
                    valueRole: "unitId"
                    model: UnitListModel { id: wards; level: "ward" }
                    currentIndex: -1
                    displayText: currentIndex < 0 ? qsTr("Mọi phường") : currentText
                }
                AgencyPicker {
                    id: agencyBox
                    objectName: "agencyFilter"
                    visible: root.entity !== "meeting"
                    width: 300
                    currentIndex: -1
                    placeholder: qsTr("Mọi cơ quan")
                }
                Switch {
                    id: overdue
                    objectName: "overdueFilter"
                    visible: root.entity !== "meeting"
                    text: qsTr("Chỉ việc quá hạn")
                    checked: root.overdueOnly
                }
                Button {
                    flat: true
                    text: qsTr("Bỏ lọc")
                    onClicked: {
                        search.text = ""
                        statusBox.currentIndex = 0
                        categoryBox.currentIndex = 0
                        wardBox.currentIndex = -1
                        agencyBox.currentIndex = -1
                        overdue.checked = false
                    }
                }
            }
            Label {
                objectName: "resultCount"
                text: qsTr("%n kết quả", "", records.total)
                color: Theme.textMuted
                font.pixelSize: Theme.smallSize
            }
        }
    }

    ListView {
        id: list
        objectName: "recordList"
        anchors.fill: parent
        anchors.margins: Theme.gap
        clip: true
        spacing: 6
        model: records
        ScrollBar.vertical: ScrollBar {}
        delegate: root.entity === "meeting" ? meetingDelegate
                : root.entity === "petition" ? petitionDelegate : directiveDelegate

        Label {
            anchors.centerIn: parent
            width: parent.width - 64
            visible: list.count === 0
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: search.text.length > 0 ? qsTr("Không tìm thấy kết quả cho «%1».").arg(search.text)
                                         : qsTr("Chưa có hồ sơ nào.")
            color: Theme.textMuted
            font.pixelSize: 18
        }
    }

    Component {
        id: meetingDelegate
        MeetingDelegate {
            background: Rectangle { color: Theme.surface; radius: Theme.radius }
            onOpened: (id) => root.openRecord("meeting", id)
        }
    }
    Component {
        id: petitionDelegate
        PetitionDelegate {
            background: Rectangle { color: Theme.surface; radius: Theme.radius }
            onOpened: (id) => root.openRecord("petition", id)
        }
    }
    Component {
        id: directiveDelegate
        DirectiveDelegate {
            background: Rectangle { color: Theme.surface; radius: Theme.radius }
            onOpened: (id) => root.openRecord("directive", id)
        }
    }
}
