import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// A directive from a meeting and/or a petition: who gave it, to which agency, what, by when.
Dialog {
    id: root

    property string meetingId
    property string petitionId
    property string issuedBy
    property string initialUnit
    /** The unit of the meeting or petition it is given at (empty for a standalone directive). */
    property string unitId
    readonly property bool standalone: root.meetingId.length === 0 && root.petitionId.length === 0

    signal created(string recordId)

    anchors.centerIn: Overlay.overlay
    width: Math.min((parent ? parent.width : 800) - 48, 760)
    modal: true
    title: qsTr("Ghi chỉ đạo")
    padding: Theme.pad
    onAboutToShow: {
        directive.clearError()
        instruction.clear()
        issuer.text = root.issuedBy.length > 0 ? root.issuedBy : Session.displayName
        due.clear()
        agency.currentIndex = -1
    }

    DirectiveController { id: directive }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap
        UnitPicker {
            id: unitPicker
            Layout.fillWidth: true
            visible: root.standalone
            requireLeaf: false
            initialUnit: root.initialUnit
        }
        FormField {
            label: Catalog.fieldName("directive", "instruction")
            ScrollView {
                Layout.fillWidth: true
                Layout.preferredHeight: 110
                TextArea {
                    id: instruction
                    objectName: "instructionField"
                    wrapMode: TextEdit.Wrap
                    placeholderText: qsTr("Ví dụ: Công an quận phối hợp làm căn cước cho các hộ trong tuần")
                }
            }
            Label {  // a warning only: saving is never blocked
                objectName: "instructionWarning"
                Layout.fillWidth: true
                text: TextCheck.warning(instruction.text)
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
                label: Catalog.fieldName("directive", "agency")
                AgencyPicker {
                    id: agency
                    unitId: root.standalone ? unitPicker.selectedUnit : root.unitId
                    objectName: "directiveAgency"
                    Layout.fillWidth: true
                    currentIndex: -1
                }
            }
            FormField {
                label: Catalog.fieldName("directive", "issued_by")
                TextField {
                    id: issuer
                    objectName: "issuedByField"
                    Layout.fillWidth: true
                }
            }
            FormField {
                Layout.preferredWidth: 180
                Layout.fillWidth: false
                label: Catalog.fieldName("directive", "due_date")
                DateField {
                    id: due
                    Layout.fillWidth: true
                }
            }
        }
        ErrorBanner {
            objectName: "directiveError"
            Layout.fillWidth: true
            text: directive.lastError
            onDismissed: directive.clearError()
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
                objectName: "saveDirectiveButton"
                text: qsTr("Lưu chỉ đạo")
                highlighted: true
                onClicked: {
                    if (directive.create(root.meetingId, root.petitionId, root.standalone ? unitPicker.selectedUnit : "",
                                         agency.currentIndex >= 0 ? agency.currentValue : "",
                                         instruction.text, issuer.text, due.text)) {
                        root.close()
                        root.created(directive.recordId)
                    }
                }
            }
        }
    }
}
