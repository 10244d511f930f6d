import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// "Vị trí": where a petition or meeting is, as latitude and longitude in degrees (typed; the
// address field stays the main description). Saved together, with the time.
ColumnLayout {
    id: root

    required property RecordController controller
    property bool readOnly: false

    Layout.fillWidth: true
    spacing: 4

    Label {
        text: qsTr("Vị trí (vĩ độ, kinh độ)")
        color: Theme.textMuted
        font.pixelSize: Theme.smallSize
    }
    Flow {
        Layout.fillWidth: true
        spacing: 8
        TextField {
            id: latitude
            objectName: "placeLatitude"
            width: 150
            placeholderText: qsTr("Vĩ độ, ví dụ 10.8231")
            text: root.controller.placeLatitude
            readOnly: root.readOnly
            inputMethodHints: Qt.ImhFormattedNumbersOnly
        }
        TextField {
            id: longitude
            objectName: "placeLongitude"
            width: 150
            placeholderText: qsTr("Kinh độ, ví dụ 106.6297")
            text: root.controller.placeLongitude
            readOnly: root.readOnly
            inputMethodHints: Qt.ImhFormattedNumbersOnly
        }
        Button {
            objectName: "placeSave"
            visible: !root.readOnly
            enabled: latitude.text !== root.controller.placeLatitude
                     || longitude.text !== root.controller.placeLongitude
            text: qsTr("Lưu vị trí")
            onClicked: root.controller.setPlace(latitude.text, longitude.text, -1)
        }
    }
    Label {
        objectName: "placeText"
        Layout.fillWidth: true
        visible: root.controller.placeText.length > 0
        text: root.controller.placeText
        color: Theme.textMuted
        font.pixelSize: Theme.smallSize
        wrapMode: Text.Wrap
    }
}
