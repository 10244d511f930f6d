// Widgets the pages share: status badges, pagers, sortable headers, filter options.
import { h } from './dom.js';
import { enumLabel, t } from './i18n.js';
import { personalTextWarning } from './personal-text.js';

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

/**
 * The export buttons of a list (CSV, XLSX). For a role that may see some personal field of
 *  `entity` (session.me.personalFields), a "Kèm thông tin cá nhân" box: ticked, it asks the
 *  reason (at least 5 characters) and the files then carry the personal columns the role may
 *  see; the server logs such an export with its records.
 */
export function exportActions(entity, params, session, urlOf) {
  const seen = session?.me?.personalFields?.[entity] || [];
  const csv = h('a.button', { href: urlOf(entity, 'csv', params), download: '', id: 'export-csv' }, t('exportCsv'));
  const xlsx = h('a.button', { href: urlOf(entity, 'xlsx', params), download: '', id: 'export-xlsx' }, t('exportXlsx'));
  if (seen.length === 0) return h('div.actions', csv, xlsx);
  const box = h('input', { type: 'checkbox', id: 'export-personal' });
  const reason = h('input', { id: 'export-reason', maxlength: 500, 'aria-describedby': 'export-reason-hint', placeholder: t('exportReason') });
  const msg = h('p.form-msg.error', { id: 'export-reason-msg', role: 'alert', hidden: true });
  const reasonBox = h('div.export-reason', { hidden: true },
    h('label', { for: 'export-reason' }, t('exportReason')), reason,
    h('p.small.muted', { id: 'export-reason-hint' }, t('exportReasonHint')), msg);
  const update = () => {
    const personal = box.checked;
    reasonBox.hidden = !personal;
    const extra = personal ? { personal: '1', reason: reason.value.trim() } : {};
    csv.href = urlOf(entity, 'csv', { ...params, ...extra });
    xlsx.href = urlOf(entity, 'xlsx', { ...params, ...extra });
    msg.hidden = true;
  };
  box.addEventListener('change', () => { update(); if (box.checked) reason.focus(); });
  reason.addEventListener('input', update);
  for (const link of [csv, xlsx])
    link.addEventListener('click', (e) => {
      if (box.checked && [...reason.value.trim()].length < 5) {
        e.preventDefault();
        msg.textContent = t('exportReasonShort');
        msg.hidden = false;
        reason.focus();
      }
    });
  return h('div.export-box',
    h('div.actions', csv, xlsx, h('label.check.inline', box, ' ', t('exportPersonal'))),
    reasonBox);
}

/**
 * A note under a free-text field that appears while its text looks like it holds a phone or
 *  ID number (personal-text.js): a warning only, saving is never blocked.
 */
export function personalTextNote(field) {
  const note = h('p.text-warning', { role: 'status', hidden: true, dataset: { testid: 'personal-warning' } });
  const update = () => {
    const warning = personalTextWarning(field.value);
    note.textContent = warning;
    note.hidden = !warning;
  };
  field.addEventListener('input', update);
  update();
  return note;
}
