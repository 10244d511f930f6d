import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// Picks one of the agencies that serve `unitId`, by its full name (wrapped, with the area it
// serves); `agencyId` follows the choice, `picked` fires on a user choice.
ComboBox {
    id: root

    property string agencyId
    property string unitId
    property string placeholder: qsTr("Chọn cơ quan")

    signal picked(string agencyId)

    model: AgencyListModel { id: agencies; unitId: root.unitId }
    textRole: "name"
    valueRole: "agencyId"
    currentIndex: agencies.indexOf(root.agencyId)
    displayText: currentIndex < 0 ? root.placeholder : currentText
    onActivated: (index) => root.picked(agencies.idAt(index))
    delegate: ItemDelegate {
        id: option

        required property int index
        required property string name
        required property string serves

        width: ListView.view ? ListView.view.width : implicitWidth
        highlighted: root.highlightedIndex === option.index
        contentItem: ColumnLayout {
            spacing: 0
            Label {
                Layout.fillWidth: true
                text: option.name
                wrapMode: Text.Wrap
                font.weight: root.currentIndex === option.index ? Font.DemiBold : Font.Normal
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                visible: option.serves.length > 0
                text: option.serves
                wrapMode: Text.Wrap
                font.pixelSize: 13
                color: Theme.textMuted
            }
        }
    }
}
