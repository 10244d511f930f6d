import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// A directive: who gave it, the agency, the instruction, due date, status, result.
Page {
    id: root
    objectName: "directivePage"

    required property string recordId
    readonly property DirectiveController controller: directive

    signal openMeeting(string recordId)
    signal openPetition(string recordId)
    signal openConflicts(string entity, string recordId)

    title: qsTr("Chỉ đạo")
    background: Rectangle { color: Theme.background }
    StackView.onDeactivating: directive.flush()

    DirectiveController {
        id: directive
        recordId: root.recordId
    }

    header: Pane {
        Material.elevation: 1
        padding: Theme.gap
        RowLayout {
            anchors.fill: parent
            spacing: Theme.gap
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: directive.values.instruction ?? ""
                    font.pixelSize: Theme.titleSize
                    font.weight: Font.Bold
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.fillWidth: true
                    text: [directive.unitName, directive.values.agency_name ?? ""].filter(s => s.length > 0).join(" · ")
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
            }
            StatusChip { text: qsTr("Quá hạn"); tone: "warning"; visible: directive.overdue }
            StatusChip {
                text: directive.values.status_label ?? ""
                tone: Catalog.statusTone("directive", directive.values.status ?? "")
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

            RefusalBanner {
                Layout.fillWidth: true
                controller: directive
            }
            ConflictBanner {
                Layout.fillWidth: true
                count: directive.conflictCount
                onResolveRequested: root.openConflicts("directive", root.recordId)
            }
            ErrorBanner {
                Layout.fillWidth: true
                text: directive.lastError
                onDismissed: directive.clearError()
            }
            GridLayout {
                id: columnsGrid
                Layout.fillWidth: true
                columns: root.width > 1000 ? 2 : 1
                columnSpacing: Theme.pad
                rowSpacing: Theme.pad

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.pad
                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Nội dung chỉ đạo")
                        FormField {
                            label: Catalog.fieldName("directive", "instruction")
                            AutoSaveArea { id: instructionArea; controller: directive; field: "instruction"; Layout.preferredHeight: 140 }
                            Label {  // a warning only: saving is never blocked
                                objectName: "instructionWarning"
                                Layout.fillWidth: true
                                text: TextCheck.warning(instructionArea.area.text)
                                visible: text.length > 0
                                color: Theme.warning
                                font.pixelSize: Theme.smallSize
                                wrapMode: Text.Wrap
                            }
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.gap
                            FormField {
                                label: Catalog.fieldName("directive", "issued_by")
                                SaveField { Layout.fillWidth: true; controller: directive; field: "issued_by" }
                            }
                            FormField {
                                label: Catalog.fieldName("directive", "agency")
                                AgencyPicker {
                                    unitId: directive.unitId
                                    Layout.fillWidth: true
                                    agencyId: directive.values.agency ?? ""
                                    onPicked: (id) => directive.setField("agency", id)
                                }
                            }
                        }
                        Button {
                            id: fromMeeting
                            Layout.fillWidth: true
                            Layout.maximumWidth: implicitWidth
                            visible: (directive.values.meeting ?? "").length > 0
                            flat: true
                            text: qsTr("Từ buổi họp: %1").arg(directive.values.meeting_name ?? "")
                            // A long meeting or petition name wraps instead of being elided.
                            contentItem: Label {
                                text: fromMeeting.text
                                font: fromMeeting.font
                                color: Theme.text
                                wrapMode: Text.Wrap
                                verticalAlignment: Text.AlignVCenter
                            }
                            onClicked: root.openMeeting(directive.values.meeting)
                        }
                        Button {
                            id: fromPetition
                            Layout.fillWidth: true
                            Layout.maximumWidth: implicitWidth
                            visible: (directive.values.petition ?? "").length > 0
                            flat: true
                            text: qsTr("Theo kiến nghị: %1").arg(directive.values.petition_name ?? "")
                            // A long meeting or petition name wraps instead of being elided.
                            contentItem: Label {
                                text: fromPetition.text
                                font: fromPetition.font
                                color: Theme.text
                                wrapMode: Text.Wrap
                                verticalAlignment: Text.AlignVCenter
                            }
                            onClicked: root.openPetition(directive.values.petition)
                        }
                    }
                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Lịch sử thay đổi")
                        Repeater {
                            model: HistoryListModel {
                                entity: "directive"
                                recordId: root.recordId
                            }
                            delegate: HistoryDelegate { Layout.fillWidth: true }
                        }
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.pad
                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Thực hiện")
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.gap
                            FormField {
                                label: Catalog.fieldName("directive", "status")
                                ComboBox {
                                    objectName: "directiveStatus"
                                    Layout.fillWidth: true
                                    textRole: "label"
                                    valueRole: "value"
                                    model: Catalog.options("directive", "status")
                                    currentIndex: count > 0 ? indexOfValue(directive.values.status ?? "") : -1
                                    onActivated: directive.setStatus(currentValue)
                                }
                            }
                            FormField {
                                label: Catalog.fieldName("directive", "due_date")
                                DateField {
                                    id: dueDate
                                    Layout.fillWidth: true
                                    text: directive.values.due_date ?? ""
                                    onEditingFinished: if (dueDate.text !== directive.values.due_date) directive.setField("due_date", dueDate.text)
                                }
                            }
                        }
                        Label {
                            visible: (directive.values.completed_at ?? "").length > 0
                            text: qsTr("Hoàn thành lúc %1").arg(directive.values.completed_at ?? "")
                            color: Theme.done
                        }
                        FormField {
                            label: Catalog.fieldName("directive", "result")
                            AutoSaveArea { id: resultArea; controller: directive; field: "result"; Layout.preferredHeight: 120 }
                            Label {  // a warning only: saving is never blocked
                                objectName: "resultWarning"
                                Layout.fillWidth: true
                                text: TextCheck.warning(resultArea.area.text)
                                visible: text.length > 0
                                color: Theme.warning
                                font.pixelSize: Theme.smallSize
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                    AttachmentsCard {
                        objectName: "directiveAttachments"
                        Layout.fillWidth: true
                        parentEntity: "directive"
                        parentId: directive.exists ? directive.recordId : ""
                    }
                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Tiến độ thực hiện")
                        RowLayout {
                            Layout.fillWidth: true
                            TextField {
                                id: updateText
                                Layout.fillWidth: true
                                placeholderText: qsTr("Cập nhật tiến độ…")
                                onAccepted: addUpdate.clicked()
                            }
                            Button {
                                id: addUpdate
                                text: qsTr("Thêm")
                                onClicked: if (directive.addUpdate(updateText.text)) updateText.clear()
                            }
                        }
                        Label {  // a warning only: saving is never blocked
                            objectName: "updateWarning"
                            Layout.fillWidth: true
                            text: TextCheck.warning(updateText.text)
                            visible: text.length > 0
                            color: Theme.warning
                            font.pixelSize: Theme.smallSize
                            wrapMode: Text.Wrap
                        }
                        Repeater {
                            model: RecordListModel {
                                entity: "update"
                                parentId: root.recordId
                            }
                            delegate: UpdateDelegate { Layout.fillWidth: true }
                        }
                    }
                }
            }
        }
    }
}
