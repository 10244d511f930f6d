import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// City → district → ward → neighbourhood. `unitId` is the deepest unit chosen.
GridLayout {
    id: root

    property string initialUnit
    readonly property bool complete: neighbourhoodBox.currentIndex >= 0
    readonly property string selectedUnit: (neighbourhoodBox.currentIndex >= 0 ? neighbourhoodBox.currentValue
                                          : wardBox.currentIndex >= 0 ? wardBox.currentValue
                                          : districtBox.currentIndex >= 0 ? districtBox.currentValue
                                          : cityBox.currentValue) ?? ""

    function preselect(unit: string) {
        // Walk up from the known unit, then select from the top down.
        let chain = []
        let current = unit
        while (current.length > 0 && chain.length < 5) {
            chain.unshift(current)
            current = cities.parentOf(current)
        }
        const boxes = [cityBox, districtBox, wardBox, neighbourhoodBox]
        for (let i = 0; i < chain.length && i < boxes.length; ++i)
            boxes[i].currentIndex = boxes[i].indexOfValue(chain[i])
    }

    columns: width > 700 ? 4 : 2
    columnSpacing: Theme.gap
    rowSpacing: 4
    Component.onCompleted: if (root.initialUnit.length > 0) root.preselect(root.initialUnit)

    UnitListModel { id: cities; level: "city" }
    UnitListModel { id: districts; parentId: cityBox.currentIndex >= 0 ? cityBox.currentValue : "" }
    UnitListModel { id: wards; parentId: districtBox.currentIndex >= 0 ? districtBox.currentValue : "" }
    UnitListModel { id: neighbourhoods; parentId: wardBox.currentIndex >= 0 ? wardBox.currentValue : "" }

    FormField {
        label: qsTr("Thành phố")
        ComboBox {
            id: cityBox
            objectName: "cityBox"
            Layout.fillWidth: true
            model: cities
            textRole: "name"
            valueRole: "unitId"
            onCountChanged: if (count === 1 && currentIndex < 0) currentIndex = 0
        }
    }
    FormField {
        label: qsTr("Quận/Huyện")
        ComboBox {
            id: districtBox
            objectName: "districtBox"
            Layout.fillWidth: true
            model: districts
            textRole: "name"
            valueRole: "unitId"
            displayText: currentIndex < 0 ? qsTr("Chọn quận") : currentText
        }
    }
    FormField {
        label: qsTr("Phường/Xã")
        ComboBox {
            id: wardBox
            objectName: "wardBox"
            Layout.fillWidth: true
            model: wards
            textRole: "name"
            valueRole: "unitId"
            displayText: currentIndex < 0 ? qsTr("Chọn phường") : currentText
        }
    }
    FormField {
        label: qsTr("Khu phố")
        ComboBox {
            id: neighbourhoodBox
            objectName: "neighbourhoodBox"
            Layout.fillWidth: true
            model: neighbourhoods
            textRole: "name"
            valueRole: "unitId"
            displayText: currentIndex < 0 ? qsTr("Chọn khu phố") : currentText
        }
    }
}
