import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// A long text field saved as you type: ~1 s after the last keystroke and on focus loss,
// each save a durable write. While it has focus, remote updates do not move the cursor.
// Read-only where the person may not change the field (the shared policy, or a lock).
ScrollView {
    id: root

    required property RecordController controller
    required property string field
    property string placeholder
    property bool readOnly: !root.controller.editableFields.includes(root.field)
    property alias area: area

    implicitWidth: 240
    Layout.fillWidth: true
    Layout.preferredHeight: 160

    TextArea {
        id: area
        objectName: root.field + "Area"
        wrapMode: TextEdit.Wrap
        placeholderText: root.placeholder
        readOnly: root.readOnly
        font.pixelSize: Theme.bodySize
        selectByMouse: true
        onTextChanged: if (area.activeFocus && area.text !== root.controller.values[root.field])
                           root.controller.editText(root.field, area.text)
        onActiveFocusChanged: if (!area.activeFocus) root.controller.flush()
        Binding on text {
            when: !area.activeFocus
            value: root.controller.values[root.field] ?? ""
            restoreMode: Binding.RestoreNone
        }
    }
}
