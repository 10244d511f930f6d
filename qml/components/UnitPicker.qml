import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NgheDan
import NgheDan.Ui

// Picks a unit below the person's own scope, one level at a time, as deep as the unit tree
// goes (city → ward → neighbourhood since 2025, or with districts before): an official of one
// ward is asked only for the neighbourhood. A level with a single choice is chosen for them.
ColumnLayout {
    id: root

    /** Where the choice starts: the signed-in person's scope unit. */
    property string rootUnit: Session.scopeUnit
    property string initialUnit
    /** Only a unit without units below it (a neighbourhood) completes the choice. */
    property bool requireLeaf: true
    /** The units picked below rootUnit, top down (set through setChain). */
    property var chain: []
    /** The deepest unit picked, else rootUnit. */
    property string selectedUnit
    readonly property bool complete: root.selectedUnit.length > 0 && (!root.requireLeaf || leafProbe.count === 0)

    function setChain(next: var) {
        root.chain = next
        root.selectedUnit = next.length > 0 ? next[next.length - 1] : root.rootUnit
    }
    function pick(level: int, unit: string) {
        const next = root.chain.slice(0, level)
        if (unit.length > 0) next.push(unit)
        root.setChain(next)
    }
    function preselect(unit: string) {
        // Walk up from the known unit to the root; a unit outside the scope is ignored.
        const path = []
        let current = unit
        while (current.length > 0 && current !== root.rootUnit && path.length < 8) {
            path.unshift(current)
            current = leafProbe.parentOf(current)
        }
        root.setChain(current === root.rootUnit ? path : [])
    }

    spacing: 4
    Component.onCompleted: root.preselect(root.initialUnit)
    onInitialUnitChanged: root.preselect(root.initialUnit)
    onRootUnitChanged: root.preselect(root.initialUnit)

    UnitListModel { id: leafProbe; parentId: root.selectedUnit }

    Label {
        objectName: "unitScopeLabel"
        Layout.fillWidth: true
        visible: root.rootUnit.length > 0
        text: qsTr("Địa bàn: %1").arg(leafProbe.pathOf(root.selectedUnit))
        color: Theme.textMuted
        wrapMode: Text.Wrap
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.gap
        Repeater {
            // A fixed set of boxes, shown down to the first level not chosen yet: boxes are
            // never destroyed under the person's finger or a running layout.
            model: 6
            delegate: FormField {
                id: level

                required property int index
                readonly property string parentUnit: level.index === 0 ? root.rootUnit
                                                   : level.index <= root.chain.length ? root.chain[level.index - 1] : ""

                function autoPick() {
                    if (children_.count === 1 && root.chain.length === level.index && level.parentUnit.length > 0)
                        Qt.callLater(root.pick, level.index, children_.idAt(0))
                }

                width: root.width > 700 ? Math.floor((root.width - 2 * Theme.gap) / 3) : root.width
                visible: level.parentUnit.length > 0 && children_.count > 0
                label: children_.count > 0 ? children_.levelLabelAt(0) : ""
                Component.onCompleted: level.autoPick()

                UnitListModel {
                    id: children_
                    parentId: level.parentUnit
                    onCountChanged: level.autoPick()
                }
                ComboBox {
                    objectName: "unitLevel" + level.index
                    Layout.fillWidth: true
                    model: children_
                    textRole: "name"
                    valueRole: "unitId"
                    currentIndex: level.index < root.chain.length ? children_.indexOf(root.chain[level.index]) : -1
                    displayText: currentIndex < 0 ? qsTr("Chọn %1").arg(level.label.toLowerCase()) : currentText
                    onActivated: (row) => root.pick(level.index, children_.idAt(row))
                }
            }
        }
    }
}
