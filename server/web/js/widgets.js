// Widgets the pages share: status badges, pagers, sortable headers, filter options.
import { h } from './dom.js';
import { enumLabel, t } from './i18n.js';

export function statusBadge(row) {
  return h('span.status.status-' + row.status, enumLabel('petition', 'status', row.status));
}

export function pager(total, offset, limit, onPage) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  return h('nav.pager', { 'aria-label': 'pager' },
    h('button', { type: 'button', disabled: page <= 1, onclick: () => onPage(page - 1) }, t('prev')),
    h('span', t('page', { p: page, n: pages })),
    h('button', { type: 'button', disabled: page >= pages, onclick: () => onPage(page + 1) }, t('next')));
}

/** A sortable column header: clicking toggles the order. */
export function sortHeader(label, field, filters, navigate, cls = '', defaultSort = '') {
  const active = (filters.sort || defaultSort) === field;
  const order = active ? (filters.order === 'asc' ? 'asc' : 'desc') : null;
  return h('th' + cls, { 'aria-sort': active ? (order === 'asc' ? 'ascending' : 'descending') : null },
    h('button.sort', { type: 'button', onclick: () => navigate({ ...filters, sort: field, order: active && order === 'desc' ? 'asc' : 'desc', page: '' }) },
      label, active ? (order === 'asc' ? ' ▲' : ' ▼') : ''));
}

/**
 * Options of an area filter: every unit below the scope's root in tree order (each unit
 *  followed by the units under it), named with its parents ("Khu phố 1 — Phường 4 — Quận 3"),
 *  as /units gives them in `path`. `keep` leaves units out (e.g. neighbourhoods).
 */
export function unitOptions(units, selected, keep = () => true) {
    const children = new Map();
    for (const u of units.rows) {
        if (!children.has(u.parent)) children.set(u.parent, []);
        children.get(u.parent).push(u);
    }
    const ordered = [];
    const visit = (u) => {
        if (u.depth > 0 && keep(u)) ordered.push(u);
        for (const c of children.get(u.id) || []) visit(c);
    };
    for (const u of units.rows)
        if (u.id === units.root) visit(u);
    return [
        h('option', {value: ''}, t('allUnits')),
        ...ordered.map(
            (u) => h('option', {value: u.id, selected: u.id === selected}, u.path || u.name))
    ];
}

export function options(values, labelOf, selected, emptyLabel) {
  return [h('option', { value: '' }, emptyLabel), ...values.map((v) => h('option', { value: v, selected: v === selected }, labelOf(v)))];
}
