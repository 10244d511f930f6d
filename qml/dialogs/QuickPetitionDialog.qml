import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// Captures a petition in at most three taps: open, pick a category, save. The title is
// optional (the category's name is used when left empty); everything else can follow later.
Dialog {
    id: root

    property string meetingId
    property string initialUnit
    property string category

    signal created(string recordId)

    anchors.centerIn: Overlay.overlay
    width: Math.min((parent ? parent.width : 800) - 48, 760)
    modal: true
    title: qsTr("Ghi kiến nghị")
    padding: Theme.pad
    onAboutToShow: {
        root.category = ""
        titleField.clear()
        petition.clearError()
    }
    onOpened: titleField.forceActiveFocus()

    PetitionController { id: petition }

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
            label: qsTr("Nội dung tóm tắt (có thể bổ sung sau)")
            TextField {
                id: titleField
                objectName: "petitionTitleField"
                Layout.fillWidth: true
                placeholderText: qsTr("Ví dụ: Xe khách dừng đón trả khách trong hẻm")
            }
        }
        Label {
            text: qsTr("Lĩnh vực")
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
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Huỷ")
                flat: true
                onClicked: root.reject()
            }
            Button {
                objectName: "savePetitionButton"
                text: qsTr("Lưu kiến nghị")
                highlighted: true
                enabled: root.category.length > 0
                onClicked: {
                    const ok = root.meetingId.length > 0
                        ? petition.createAtMeeting(root.meetingId, root.category, titleField.text)
                        : petition.create(unitPicker.selectedUnit, root.category, titleField.text)
                    if (ok) {
                        root.close()
                        root.created(petition.recordId)
                    }
                }
            }
        }
    }
}
