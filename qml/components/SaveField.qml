import QtQuick
import QtQuick.Controls
import NgheDan
import NgheDan.Ui

// A one-line field of a record, saved when editing finishes (Enter or focus loss). Read-only
// where the person may not change the field (the shared policy, or a lock), unless told.
TextField {
    id: root

    required property RecordController controller
    required property string field

    objectName: root.field + "Field"
    readOnly: !root.controller.editableFields.includes(root.field)
    Binding on text {
        when: !root.activeFocus
        value: root.controller.values[root.field] ?? ""
        restoreMode: Binding.RestoreNone
    }
    onEditingFinished: if (root.text !== (root.controller.values[root.field] ?? ""))
                           root.controller.setField(root.field, root.text)
}
