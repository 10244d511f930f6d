// Drives the real app window like a person: find items by objectName (visible first), tap
// them once they stop moving, type text. Every function takes the TestCase `tc` whose
// `app` property is the ApplicationWindow.
.pragma library

function search(root, name, visibleOnly) {
    if (!root) return null
    if (root.objectName === name && (!visibleOnly || root.visible)) return root
    for (let i = 0; i < root.children.length; ++i) {
        const found = search(root.children[i], name, visibleOnly)
        if (found) return found
    }
    return null
}

function item(tc, name) {
    // The window's root item holds both the content and the popup overlay.
    const top = tc.app.contentItem.parent
    const found = search(top, name, true) ?? search(top, name, false)
    tc.verify(found !== null, "no item named " + name)
    return found
}

function has(tc, name) {
    return search(tc.app.contentItem.parent, name, true) !== null
}

/** Waits until an item of that name is shown (a dialog opening, a page arriving). */
function waitFor(tc, name) {
    tc.tryVerify(() => has(tc, name), 5000, name + " did not appear")
    return item(tc, name)
}

/** Scrolls every Flickable around `target` so that it is inside the viewport, as a person
 *  would before tapping it. */
function scrollIntoView(target) {
    for (let p = target.parent; p; p = p.parent) {
        if (p.contentY === undefined || p.contentHeight === undefined || p.flick === undefined) continue
        const y = target.mapToItem(p.contentItem, 0, 0).y
        if (y < p.contentY) p.contentY = Math.max(0, y - 16)
        else if (y + target.height > p.contentY + p.height)
            p.contentY = Math.min(Math.max(0, p.contentHeight - p.height), y + target.height - p.height + 16)
    }
}

function tap(tc, name) {
    const target = waitFor(tc, name)
    tc.tryVerify(() => target.visible && target.enabled, 3000, name + " is not tappable")
    scrollIntoView(target)
    // Wait until page and popup transitions have finished moving it.
    let last = target.mapToItem(null, 0, 0)
    tc.tryVerify(() => {
        const now = target.mapToItem(null, 0, 0)
        const still = now.x === last.x && now.y === last.y && !item(tc, "stack").busy
        last = now
        return still
    }, 3000, name + " keeps moving")
    tc.wait(20)
    tc.verify(target.height >= 40, name + " is smaller than a finger: " + target.height)
    tc.mouseClick(target)
    return target
}

function typeText(tc, text) {
    for (let i = 0; i < text.length; ++i)
        tc.keyClick(text[i])
}

/** Picks the entry whose text is `text` (or contains it, with `contains`) in a ComboBox as a
 *  person would (activated fires). */
function choose(tc, name, text, contains) {
    const box = item(tc, name)
    const flags = contains ? Qt.MatchContains : Qt.MatchExactly
    tc.tryVerify(() => box.visible && box.find(text, flags) >= 0, 5000, name + " does not offer " + text)
    box.currentIndex = box.find(text, flags)
    box.activated(box.currentIndex)
    return box
}

function currentPage(tc) { return item(tc, "stack").currentItem }
