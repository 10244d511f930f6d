import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtPositioning
import NgheDan
import NgheDan.Ui

// "Vị trí": where a petition or meeting is, as latitude and longitude in degrees, from the
// device's positioning where it has one (one fix, with its accuracy) or typed; the address field
// stays the main description. Saved together, with the time.
ColumnLayout {
    id: root

    required property RecordController controller
    property bool readOnly: false

    Layout.fillWidth: true
    spacing: 4

    // One fix on request; a device without positioning has no valid source and no button.
    PositionSource {
        id: gps
        active: false
        preferredPositioningMethods: PositionSource.AllPositioningMethods
        property bool waiting: false
        onPositionChanged: {
            if (!waiting || !position.latitudeValid || !position.longitudeValid) return
            waiting = false
            root.controller.setPlace(position.coordinate.latitude.toFixed(6),
                                     position.coordinate.longitude.toFixed(6),
                                     position.horizontalAccuracyValid
                                         ? Math.round(position.horizontalAccuracy) : -1)
        }
        onSourceErrorChanged: {
            if (!waiting || sourceError === PositionSource.NoError) return
            waiting = false
            gpsError.visible = true
        }
    }

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
        Button {
            objectName: "placeLocate"
            visible: !root.readOnly && gps.valid
            enabled: !gps.waiting
            text: gps.waiting ? qsTr("Đang lấy vị trí…") : qsTr("Lấy vị trí hiện tại")
            onClicked: {
                gpsError.visible = false
                gps.waiting = true
                gps.update(30000)
            }
        }
    }
    Label {
        id: gpsError
        Layout.fillWidth: true
        visible: false
        text: qsTr("Không lấy được vị trí của máy; hãy nhập vĩ độ, kinh độ.")
        color: Theme.danger
        font.pixelSize: Theme.smallSize
        wrapMode: Text.Wrap
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
