import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import NgheDan.Ui

// A titled white card grouping related fields.
Pane {
    id: root

    property string title
    property alias headerTools: tools.data
    default property alias content: body.data

    Material.elevation: 1
    Material.background: Theme.surface
    padding: Theme.pad

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap

        RowLayout {
            Layout.fillWidth: true
            visible: root.title.length > 0 || tools.children.length > 0
            Label {
                Layout.fillWidth: true
                text: root.title
                font.pixelSize: 18
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.Wrap
            }
            RowLayout {
                id: tools
                spacing: 8
            }
        }
        ColumnLayout {
            id: body
            Layout.fillWidth: true
            spacing: Theme.gap
        }
    }
}
