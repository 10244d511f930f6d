pragma Singleton
import QtQuick

// Colours, sizes and spacing shared by every page. Contrast of text on its background is at
// least 4.5:1 (WCAG AA).
QtObject {
    id: root

    readonly property color primary: "#A61B1B"
    readonly property color primaryDark: "#7F1212"
    readonly property color textOnPrimary: "#FFFFFF"
    readonly property color accent: "#C77700"
    readonly property color background: "#F5F3F1"
    readonly property color surface: "#FFFFFF"
    readonly property color divider: "#DDD8D4"
    readonly property color text: "#1D1B1A"
    readonly property color textMuted: "#5B5552"
    readonly property color open: "#1558A8"
    readonly property color done: "#2A6B2E"
    readonly property color warning: "#A84F00"
    readonly property color closed: "#5F5F5F"
    readonly property color danger: "#B3261E"
    readonly property color conflictBackground: "#FFF1DC"
    readonly property color conflictBorder: "#C25E00"
    readonly property color offline: "#6B6B6B"
    readonly property color online: "#2A6B2E"

    readonly property int touch: 48
    readonly property int gap: 12
    readonly property int pad: 16
    readonly property int radius: 8
    readonly property int navWidth: 240
    readonly property int bodySize: 16
    readonly property int smallSize: 14
    readonly property int titleSize: 20

    function toneColor(tone: string): color {
        switch (tone) {
        case "open": return root.open
        case "done": return root.done
        case "warning": return root.warning
        case "danger": return root.danger
        default: return root.closed
        }
    }
}
