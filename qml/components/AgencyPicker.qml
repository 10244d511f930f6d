import QtQuick
import QtQuick.Controls
import NgheDan

// Picks an agency by name; `agencyId` follows the choice, `picked` fires on a user choice.
ComboBox {
    id: root

    property string agencyId
    property string placeholder: qsTr("Chọn cơ quan")

    signal picked(string agencyId)

    model: AgencyListModel { id: agencies }
    textRole: "name"
    valueRole: "agencyId"
    currentIndex: agencies.indexOf(root.agencyId)
    displayText: currentIndex < 0 ? root.placeholder : currentText
    onActivated: (index) => root.picked(agencies.idAt(index))
}
