.pragma library

// Walks the visible item tree of a window and reports layouts that do not hold:
//  (a) two content items (texts, inputs, buttons, combo boxes, cards) that overlap while
//      neither contains the other;
//  (b) a content item outside its card or control, outside a clipping ancestor, or outside
//      the window (content inside a Flickable is bounded by the flickable's content size,
//      not by its viewport; a ListView's content only horizontally, as its height is an
//      estimate); a Text drawing beyond its own box; a control narrower than its content;
//  (c) a Text whose text is elided or cut (`truncated`), placeholders aside.
// Items that are invisible, fully transparent or of zero size are skipped, and so are the
// modal dimmer and closed popups. Each open popup is compared only with itself.
// check(window, where) returns a list of human-readable problems, each starting with `where`.

const kTolerance = 1.0

function has(item, property) {
    return item[property] !== undefined
}
function isFlickable(item) { return has(item, "flickableDirection") && has(item, "contentY") }
function isListView(item) { return isFlickable(item) && has(item, "delegate") && has(item, "model") }
function isText(item) { return has(item, "truncated") && has(item, "elide") }
function isTextInput(item) { return has(item, "echoMode") && has(item, "cursorPosition") }
function isTextEdit(item) { return has(item, "textDocument") && has(item, "cursorPosition") }
function isButton(item) { return has(item, "autoExclusive") && has(item, "checkable") }
function isComboBox(item) { return has(item, "textRole") && has(item, "popup") && has(item, "currentIndex") }
function isScrollView(item) {
    return has(item, "contentChildren") && item.contentItem && isFlickable(item.contentItem)
}
// Pane, Frame, GroupBox, ToolBar and their subclasses (our SectionCard); not Page, not ScrollView.
function isCard(item) {
    return has(item, "contentChildren") && has(item, "padding") && !has(item, "header")
        && !isScrollView(item) && !isComboBox(item)
}
function isContent(item) {
    return isText(item) || isTextInput(item) || isTextEdit(item) || isButton(item)
        || isComboBox(item) || isCard(item)
}
// Items whose content items must stay inside them.
function isContainer(item) { return isCard(item) || isButton(item) || isComboBox(item) }

function typeName(item) {
    let name = String(item)
    name = name.replace(/\(0x[0-9a-f]+.*$/, "").replace(/_QMLTYPE_\d+$/, "").replace(/_QML_\d+$/, "")
    return name.replace(/^QQuick/, "")
}
function r1(v) { return Math.round(v) }
function describe(entry) {
    const item = entry.item
    let words = typeName(item)
    if (item.objectName && item.objectName.length > 0) words += "#" + item.objectName
    let label = ""
    if (has(item, "title") && typeof item.title === "string" && item.title.length > 0) label = item.title
    else if (has(item, "text") && typeof item.text === "string" && item.text.length > 0) label = item.text
    else if (has(item, "placeholderText") && item.placeholderText.length > 0) label = item.placeholderText
    else if (has(item, "displayText") && typeof item.displayText === "string") label = item.displayText
    if (label.length > 0) {
        label = label.replace(/\s+/g, " ")
        words += " «" + (label.length > 48 ? label.slice(0, 47) + "…" : label) + "»"
    }
    const r = entry.rect
    return words + " [" + r1(r.x) + "," + r1(r.y) + " " + r1(r.width) + "×" + r1(r.height) + "]"
}

function rectOf(item) {
    const p = item.mapToItem(null, 0, 0)
    return { x: p.x, y: p.y, width: item.width, height: item.height }
}
// The area a Text actually paints: its box, widened or lengthened when the text does not fit.
function paintedRect(item, rect) {
    if (!isText(item)) return rect
    const padX = (item.leftPadding ?? 0) + (item.rightPadding ?? 0)
    const padY = (item.topPadding ?? 0) + (item.bottomPadding ?? 0)
    let r = { x: rect.x, y: rect.y, width: rect.width, height: rect.height }
    const extraW = item.contentWidth + padX - item.width
    if (extraW > kTolerance && item.elide === 0 /* Text.ElideNone */ && item.wrapMode === 0 /* NoWrap */) {
        const align = item.effectiveHorizontalAlignment
        if (align === 2 /* AlignRight */) r.x -= extraW
        else if (align === 4 /* AlignHCenter */) r.x -= extraW / 2
        r.width += extraW
    }
    const extraH = item.contentHeight + padY - item.height
    if (extraH > kTolerance && !item.clip) {
        const valign = item.verticalAlignment
        if (valign === 64 /* AlignBottom */) r.y -= extraH
        else if (valign === 128 /* AlignVCenter */) r.y -= extraH / 2
        r.height += extraH
    }
    return r
}
function intersect(a, b) {
    const x = Math.max(a.x, b.x), y = Math.max(a.y, b.y)
    const w = Math.min(a.x + a.width, b.x + b.width) - x
    const h = Math.min(a.y + a.height, b.y + b.height) - y
    return { x: x, y: y, width: w, height: h }
}
function overlaps(a, b) {
    const i = intersect(a, b)
    return i.width > kTolerance && i.height > kTolerance
}
// How far `inner` sticks out of `outer` on each side (positive = outside).
function outside(inner, outer, vertical) {
    const left = outer.x - inner.x
    const right = inner.x + inner.width - (outer.x + outer.width)
    const top = vertical ? outer.y - inner.y : 0
    const bottom = vertical ? inner.y + inner.height - (outer.y + outer.height) : 0
    const parts = []
    if (left > kTolerance) parts.push("left by " + r1(left))
    if (right > kTolerance) parts.push("right by " + r1(right))
    if (top > kTolerance) parts.push("top by " + r1(top))
    if (bottom > kTolerance) parts.push("bottom by " + r1(bottom))
    return parts.join(", ")
}
// The content area of a Flickable in window coordinates.
function contentBounds(flick) {
    const w = flick.contentWidth > 0 ? Math.max(flick.contentWidth, flick.width) : flick.width
    const h = flick.contentHeight > 0 ? Math.max(flick.contentHeight, flick.height) : flick.height
    const p = flick.contentItem.mapToItem(null, flick.originX, flick.originY)
    return { x: p.x, y: p.y, width: w, height: h }
}

// Collects the content items under `item`. `ctx` holds what applies to the subtree: the
// layer (window or one popup), the nearest container, the clip bounds and the flickable.
function collect(item, ctx, out) {
    if (!item || !item.visible || item.opacity <= 0) return
    let here = ctx
    const sized = item.width > 0 && item.height > 0
    if (sized && isContent(item)) {
        const rect = rectOf(item)
        const entry = {
            item: item, rect: rect, painted: paintedRect(item, rect), layer: ctx.layer,
            ancestors: ctx.ancestors, container: ctx.container, clips: ctx.clips,
            flickable: ctx.flickable, viewport: ctx.viewport, index: out.length
        }
        out.push(entry)
        here = Object.assign({}, here, { ancestors: ctx.ancestors.concat([entry.index]) })
        if (isContainer(item)) here.container = entry
    }
    if (sized && isFlickable(item)) {
        const viewport = rectOf(item)
        // The scroll area itself must fit where it is.
        out.frames.push({ item: item, rect: viewport, painted: viewport, clips: ctx.clips, container: ctx.container })
        const bounds = contentBounds(item)
        // Above a flickable, clip ancestors no longer bound its content: it scrolls.
        here = Object.assign({}, here, {
            clips: [{ rect: bounds, vertical: !isListView(item), what: typeName(item) + " content" }],
            container: null,
            flickable: item, viewport: ctx.viewport ? intersect(ctx.viewport, viewport) : viewport
        })
    } else if (sized && item.clip) {
        here = Object.assign({}, here, {
            clips: here.clips.concat([{ rect: rectOf(item), vertical: true, what: "clipping " + typeName(item) }])
        })
    }
    const kids = item.children
    for (let i = 0; i < kids.length; ++i)
        collect(kids[i], here, out)
}

// The window's popup layer (Overlay.overlay), a child of its root item.
function overlayOf(window) {
    const kids = window.contentItem.parent.children
    for (let i = 0; i < kids.length; ++i)
        if (String(kids[i]).indexOf("QQuickOverlay") === 0) return kids[i]
    return null
}

// `popupsOnly`: look only at open popups (a dialog's check, the page under it aside).
function check(window, where, popupsOnly) {
    const problems = []
    const root = window.contentItem.parent
    const overlay = overlayOf(window)
    const full = { x: 0, y: 0, width: window.width, height: window.height }
    const entries = []
    entries.frames = []
    const base = { ancestors: [], container: null, flickable: null, viewport: null,
                   clips: [{ rect: full, vertical: true, what: "window" }] }
    const kids = root.children
    for (let i = 0; i < kids.length; ++i) {
        const child = kids[i]
        if (child === overlay) {
            // Each open popup is a layer of its own; the modal dimmer is no content.
            for (let j = 0; j < overlay.children.length; ++j) {
                const popupItem = overlay.children[j]
                if (!has(popupItem, "padding")) continue
                const layer = "popup" + j
                collect(popupItem, Object.assign({}, base, { layer: layer }), entries)
            }
        } else if (!popupsOnly) {
            collect(child, Object.assign({}, base, { layer: "window" }), entries)
        }
    }

    for (const f of entries.frames) {
        if (f.container) {
            const out = outside(f.rect, f.container.rect, true)
            if (out.length > 0)
                problems.push(where + ": scroll area " + describe(f) + " sticks out of " + describe(f.container) + " (" + out + ")")
        }
        for (const clip of f.clips) {
            const out = outside(f.rect, clip.rect, clip.vertical)
            if (out.length > 0)
                problems.push(where + ": scroll area " + describe(f) + " is cut by the " + clip.what + " (" + out + ")")
        }
    }
    // (b) and (c): each item against its container, clips and the window.
    for (const e of entries) {
        if (e.container) {
            const c = e.container
            const out = outside(e.painted, c.rect, true)
            if (out.length > 0)
                problems.push(where + ": " + describe(e) + " sticks out of " + describe(c) + " (" + out + ")")
        }
        for (const clip of e.clips) {
            const out = outside(e.painted, clip.rect, clip.vertical)
            if (out.length > 0)
                problems.push(where + ": " + describe(e) + " is cut by the " + clip.what + " (" + out + ")")
        }
        const item = e.item
        // A placeholder is a hint in an empty field, not a name or title.
        if (isText(item) && item.truncated && typeName(item) !== "PlaceholderText")
            problems.push(where + ": " + describe(e) + " is elided/truncated; it should wrap")
        // A button's own text is elided (and reported above); a combo box's is cut silently
        // (an editable one scrolls its text, as a text field does).
        if (isComboBox(item) && !item.editable && item.width + kTolerance < item.implicitWidth)
            problems.push(where + ": " + describe(e) + " is narrower than its content (" + r1(item.implicitWidth) + ")")
    }

    // (a): pairs that overlap. A pair under an already reported pair is not reported again.
    const reported = []
    function underReported(a, b) {
        for (const p of reported) {
            const aIn = a.index === p[0] || a.ancestors.indexOf(p[0]) >= 0
            const bIn = b.index === p[1] || b.ancestors.indexOf(p[1]) >= 0
            if (aIn && bIn) return true
        }
        return false
    }
    for (let i = 0; i < entries.length; ++i) {
        const a = entries[i]
        for (let j = i + 1; j < entries.length; ++j) {
            const b = entries[j]
            if (a.layer !== b.layer) continue
            if (b.ancestors.indexOf(a.index) >= 0 || a.ancestors.indexOf(b.index) >= 0) continue
            let ra = a.painted, rb = b.painted
            if (a.flickable !== b.flickable) {
                // Different scroll areas meet only where both are on screen.
                if (a.viewport) ra = intersect(ra, a.viewport)
                if (b.viewport) rb = intersect(rb, b.viewport)
            }
            if (!overlaps(ra, rb)) continue
            if (underReported(a, b)) continue
            reported.push([a.index, b.index])
            problems.push(where + ": " + describe(a) + " overlaps " + describe(b))
        }
    }
    return problems
}

// How many content items check() looked at (so that a test can tell it saw the page).
function countContent(window) {
    const entries = []
    entries.frames = []
    const base = { ancestors: [], container: null, flickable: null, viewport: null, clips: [], layer: "window" }
    collect(window.contentItem.parent, base, entries)
    return entries.length
}
