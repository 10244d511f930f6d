import QtQuick
import QtQuick.Controls
import NgheDan

// A date typed as dd/MM/yyyy (or date and time with `withTime`), checked by C++.
TextField {
    id: root

    property bool withTime: false
    readonly property bool valid: root.text.length === 0
                                  || (root.withTime ? Catalog.isValidDateTime(root.text) : Catalog.isValidDate(root.text))

    placeholderText: root.withTime ? qsTr("dd/MM/yyyy HH:mm") : qsTr("dd/MM/yyyy")
    inputMethodHints: Qt.ImhPreferNumbers
    color: root.valid ? palette.text : "#B3261E"
    Accessible.description: root.valid ? "" : qsTr("Ngày không hợp lệ")
}
