import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// Captures a petition in three taps: open, pick a category, save (Enter in the summary saves
// too). The title is optional (the category's name is used when left empty), the petitioner is
// picked from the meeting's attendees or typed; everything else can follow later. While the
// summary is typed, open petitions of the meeting's neighbourhood that look the same are
// offered: choosing one notes on it that it was raised again instead of creating a duplicate.
Dialog {
    id: root

    property string meetingId
    property string initialUnit
    property string category
    property AttendeeListModel attendees: null
    readonly property bool canSave: root.category.length > 0

    signal created(string recordId, string title, string receiptCode)
    signal raisedAgain(string recordId, string title)

    function reset() {
        root.category = ""
        titleField.clear()
        petitioner.currentIndex = -1
        petitioner.editText = ""
        petition.clearError()
    }
    function save() {
        if (!root.canSave) return
        const ok = root.meetingId.length > 0
            ? petition.createAtMeeting(root.meetingId, root.category, titleField.text, petitioner.editText)
            : petition.create(unitPicker.selectedUnit, root.category, titleField.text)
        if (!ok) return
        const id = petition.recordId
        const title = petition.values.title ?? ""
        const code = petition.receiptCode
        root.reset()
        root.close()
        root.created(id, title, code)
    }
    function raiseAgain(petitionId: string) {
        if (!petition.raiseAgainAtMeeting(petitionId, root.meetingId, petitioner.editText, titleField.text)) return
        const title = petition.values.title ?? ""
        root.reset()
        root.close()
        root.raisedAgain(petitionId, title)
    }

    anchors.centerIn: Overlay.overlay
    width: Math.min((parent ? parent.width : 800) - 48, 760)
    modal: true
    title: qsTr("Ghi kiến nghị")
    padding: Theme.pad
    onAboutToShow: root.reset()
    onOpened: titleField.forceActiveFocus()

    PetitionController { id: petition }
    SimilarPetitionModel {
        id: similar
        meetingId: root.meetingId
        text: titleField.text
        limit: 3
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap

        UnitPicker {
            id: unitPicker
            Layout.fillWidth: true
            visible: root.meetingId.length === 0
            initialUnit: root.initialUnit
        }
        FormField {
            visible: root.meetingId.length > 0
            label: qsTr("Người kiến nghị (chọn người tham dự hoặc nhập tên)")
            ComboBox {
                id: petitioner
                objectName: "petitionerField"
                Layout.fillWidth: true
                editable: true
                model: root.attendees
                textRole: "name"
                currentIndex: -1
                onAccepted: titleField.forceActiveFocus()
            }
        }
        FormField {
            label: qsTr("Nội dung tóm tắt (có thể bổ sung sau)")
            hint: root.canSave ? qsTr("Nhấn Enter để lưu.") : ""
            TextField {
                id: titleField
                objectName: "petitionTitleField"
                Layout.fillWidth: true
                placeholderText: qsTr("Ví dụ: Xe khách dừng đón trả khách trong hẻm")
                onAccepted: root.save()
            }
        }
        ColumnLayout {
            objectName: "similarPetitions"
            Layout.fillWidth: true
            visible: similar.count > 0
            spacing: 4
            Label {
                Layout.fillWidth: true
                text: qsTr("Có thể khu phố đã có kiến nghị này:")
                color: Theme.text
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
            }
            Repeater {
                model: similar
                delegate: RowLayout {
                    id: similarRow
                    required property int index
                    required property string petitionId
                    required property string title
                    required property string statusLabel
                    required property string dateText
                    Layout.fillWidth: true
                    spacing: 8
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("%1 (%2, %3)").arg(similarRow.title).arg(similarRow.statusLabel).arg(similarRow.dateText)
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    Button {
                        objectName: "raiseAgain_" + similarRow.index
                        text: qsTr("Đây là kiến nghị này")
                        font.capitalization: Font.MixedCase
                        onClicked: root.raiseAgain(similarRow.petitionId)
                    }
                }
            }
        }
        Label {
            objectName: "categoryLabel"
            text: qsTr("Lĩnh vực *")
            color: Theme.textMuted
            font.pixelSize: Theme.smallSize
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 8
            rowSpacing: 8
            Repeater {
                model: Catalog.options("petition", "category")
                delegate: Button {
                    id: categoryButton
                    required property var modelData
                    required property int index
                    objectName: "category_" + categoryButton.modelData.value
                    Layout.fillWidth: true
                    Layout.preferredHeight: 56
                    text: categoryButton.modelData.label
                    font.capitalization: Font.MixedCase
                    font.pixelSize: Theme.bodySize
                    checkable: true
                    checked: root.category === categoryButton.modelData.value
                    highlighted: categoryButton.checked
                    onClicked: root.category = categoryButton.modelData.value
                }
            }
        }
        ErrorBanner {
            Layout.fillWidth: true
            text: petition.lastError
            onDismissed: petition.clearError()
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "requiredHint"
                Layout.fillWidth: true
                text: qsTr("* Bắt buộc: chọn lĩnh vực. Các mục khác có thể bổ sung sau.")
                color: root.canSave ? Theme.textMuted : Theme.danger
                font.pixelSize: Theme.smallSize
                wrapMode: Text.Wrap
            }
            Button {
                text: qsTr("Huỷ")
                flat: true
                onClicked: root.reject()
            }
            Button {
                objectName: "savePetitionButton"
                text: qsTr("Lưu kiến nghị")
                highlighted: true
                enabled: root.canSave
                onClicked: root.save()
            }
        }
    }
}
