import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// Sync state in the header: online/offline dot, what is not sent yet, progress, "sync now".
RowLayout {
    id: root

    property color foreground: Theme.textOnPrimary

    signal refusedRequested()

    spacing: 8

    Rectangle {
        Layout.preferredWidth: 12
        Layout.preferredHeight: 12
        radius: 6
        color: Sync.online && Sync.lastSyncedText.length > 0 ? "#7CDB84" : "#BDBDBD"
        border.color: root.foreground
    }
    ColumnLayout {
        spacing: 0
        Label {
            objectName: "syncSummary"
            text: Sync.running && Sync.phaseText.length > 0 ? Sync.phaseText : Sync.summary
            color: root.foreground
            font.pixelSize: Theme.smallSize
            font.weight: Font.DemiBold
        }
        Label {
            objectName: "outboxText"
            text: Sync.outboxText
            color: root.foreground
            opacity: 0.9
            font.pixelSize: 13
            font.weight: Sync.refusedCount > 0 ? Font.Bold : Font.Normal
            font.underline: Sync.refusedCount > 0
            TapHandler {
                enabled: Sync.refusedCount > 0
                onTapped: root.refusedRequested()
            }
        }
        Label {
            objectName: "blobSyncText"
            visible: Sync.blobsRunning
            text: Sync.blobText
            color: root.foreground
            opacity: 0.9
            font.pixelSize: 13
        }
        ProgressBar {
            Layout.preferredWidth: 180
            visible: Sync.blobsRunning && !Sync.running
            indeterminate: Sync.blobProgress < 0
            value: Sync.blobProgress < 0 ? 0 : Sync.blobProgress
        }
        ProgressBar {
            Layout.preferredWidth: 180
            visible: Sync.running
            indeterminate: Sync.progress < 0
            value: Sync.progress < 0 ? 0 : Sync.progress
        }
    }
    ToolButton {
        objectName: "syncNowButton"
        text: qsTr("Đồng bộ")
        enabled: !Sync.running && Session.signedIn
        Accessible.name: qsTr("Đồng bộ ngay")
        onClicked: Sync.syncNow()
        palette.buttonText: root.foreground
        font.weight: Font.DemiBold
    }
}
