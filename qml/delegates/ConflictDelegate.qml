import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import NgheDan.Ui

// One conflicting field: every version side by side, keep one or write a merged value.
Pane {
    id: root

    required property int index
    required property string fieldLabel
    required property var versions
    required property bool longText
    required property bool editable

    signal keepRequested(int row, int version)
    signal mergeRequested(int row, string text)

    width: ListView.view ? ListView.view.width : implicitWidth
    Material.elevation: 1
    padding: Theme.pad

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap
        Label {
            text: root.fieldLabel
            font.pixelSize: 18
            font.weight: Font.DemiBold
            color: Theme.text
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            Repeater {
                model: root.versions
                delegate: Rectangle {
                    id: version
                    required property var modelData
                    required property int index
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    implicitHeight: versionColumn.implicitHeight + 24
                    radius: Theme.radius
                    border.color: Theme.divider
                    color: Theme.background
                    ColumnLayout {
                        id: versionColumn
                        anchors.fill: parent
                        anchors.margins: 12
                        spacing: 8
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Bản của %1 · %2").arg(version.modelData.author).arg(version.modelData.whenText)
                            color: Theme.textMuted
                            font.pixelSize: Theme.smallSize
                            wrapMode: Text.Wrap
                        }
                        ScrollView {
                            implicitWidth: 200
                            Layout.fillWidth: true
                            Layout.preferredHeight: root.longText ? 220 : Math.min(valueText.implicitHeight + 8, 220)
                            TextArea {
                                id: valueText
                                text: version.modelData.text
                                readOnly: true
                                wrapMode: TextEdit.Wrap
                                font.pixelSize: Theme.bodySize
                                background: null
                            }
                        }
                        Button {
                            objectName: "keepVersion" + version.index
                            text: qsTr("Giữ bản này")
                            highlighted: true
                            onClicked: root.keepRequested(root.index, version.index)
                        }
                    }
                }
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            visible: root.editable
            spacing: 8
            Label {
                text: qsTr("Hoặc sửa thành một bản gộp:")
                color: Theme.textMuted
            }
            ScrollView {
                implicitWidth: 200
                Layout.fillWidth: true
                Layout.preferredHeight: root.longText ? 200 : 64
                TextArea {
                    id: merged
                    objectName: "mergedText"
                    wrapMode: TextEdit.Wrap
                    text: root.versions.map(v => v.text).join(root.longText ? "\n\n" : " / ")
                    font.pixelSize: Theme.bodySize
                }
            }
            Button {
                objectName: "saveMerged"
                text: qsTr("Lưu bản gộp")
                onClicked: root.mergeRequested(root.index, merged.text)
            }
        }
    }
}
