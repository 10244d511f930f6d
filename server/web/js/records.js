// Record widgets shared by the petition, meeting and directive pages: reference names, values
// as people read them, the history timeline, the directive form and list.
import { api } from './api.js';
import { h } from './dom.js';
import { dateInput, fmtDate, fmtTime, readDate } from './format.js';
import { enumLabel, errorText, fieldLabel, fieldsOf, t } from './i18n.js';
import { personalTextNote } from './widgets.js';

/** Reference names for displaying values: agencies and units by id. */
export async function loadRefs() {
  const [agencies, units] = await Promise.all([api('/agencies'), api('/units')]);
  return {
    agencies: new Map(agencies.rows.map((a) => [a.id, a])),
    units: new Map(units.rows.map((u) => [u.id, u])),
  };
}

/** A field value as people read it. */
export function formatValue(entity, field, value, refs) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '';
  if (field === 'unit') return (refs.units.get(value) || {}).name || value;
  const def = fieldsOf(entity).find((f) => f.name === field);
  if (!def) return typeof value === 'object' ? JSON.stringify(value) : String(value);
  switch (def.type) {
    case 'time': return fmtTime(value);
    case 'date': return fmtDate(value);
    case 'enum': return enumLabel(entity, field, value);
    case 'boolean': return value ? '✓' : '✗';
    case 'ref':
      if (def.ref === 'agency') return (refs.agencies.get(value) || {}).name || value;
      if (def.ref === 'unit') return (refs.units.get(value) || {}).name || value;
      if (refs.titles && refs.titles.has(value)) return refs.titles.get(value);
      return value;
    case 'reflist': return value.map((id) => (refs.agencies.get(id) || {}).name || id).join('; ');
    case 'people': return value.map((p) => p.role ? `${p.name} (${p.role})` : p.name).join('; ');
    default: return String(value);
  }
}

/** Who wrote a version and from where. */
export function origin(v, serverSite) {
  return v.site === serverSite || v.fromServer ? t('fromServer') : t('fromTablet', { id: v.site.slice(0, 8) });
}

/** History grouped by change (site, seq), oldest first. */
export function historyTimeline(entity, history, refs, serverSite) {
  const groups = new Map();
  for (const v of history) {
    const key = v.site + ':' + v.seq;
    if (!groups.has(key)) groups.set(key, { at: v.at, author: v.author, site: v.site, fromServer: v.fromServer, proven: v.proven !== false, versions: [] });
    groups.get(key).versions.push(v);
  }
  const order = new Map(fieldsOf(entity).map((f, i) => [f.name, i]));
  for (const g of groups.values()) g.versions.sort((a, b) => (order.get(a.field) ?? 99) - (order.get(b.field) ?? 99));
  const list = [...groups.values()].sort((a, b) => a.at - b.at);
  return h('ol.timeline', { dataset: { testid: 'history' } }, list.map((g) => h('li.event',
    h('div.event-head',
      h('time', { datetime: new Date(g.at).toISOString() }, fmtTime(g.at)), ' · ',
      h('strong', g.author || '?'), ' · ', h('span.origin', origin(g, serverSite)),
      g.proven ? null : [' · ', h('span.tag.unsigned', { title: t('unsignedHint') }, t('unsigned'))]),
    h('dl.changes', g.versions.filter((v) => v.field !== 'deleted' || v.value).map((v) => [
      h('dt', fieldLabel(v.field)),
      h('dd', { class: v.current ? 'current' : 'replaced' },
        v.hidden ? h('em.muted', t('hiddenPersonal')) : formatValue(entity, v.field, v.value, refs) || '∅',
        v.current ? null : h('span.tag', t('replaced')))])))));
}

/** The form that issues a directive linked by `body`; `onSaved` runs once it is stored. */
export function directiveForm(body, refs, onSaved) {
  const instruction = h('textarea', { id: 'd-instruction', required: true, rows: 2, placeholder: t('instruction') });
  const agency = h('select', { id: 'd-agency', required: true }, h('option', { value: '' }, t('selectNone')),
    [...refs.agencies.values()].map((a) => h('option', { value: a.id }, a.name)));
  const due = dateInput({ id: 'd-due' }, '');
  const msg = h('p.form-msg', { role: 'status' });
  return h('form.stack.inline-form', { id: 'directive-form', onsubmit: async (e) => {
    e.preventDefault();
    const dueDay = readDate(due);
    if (dueDay === null) return;
    try {
      await api('/directives', { method: 'POST', body: { ...body, instruction: instruction.value.trim(), agency: agency.value, due_date: dueDay || null } });
      onSaved();
    } catch (err) {
      msg.textContent = errorText(err);
      msg.className = 'form-msg error';
    }
  } },
    h('h3', t('issueDirective')),
    h('label', t('instruction'), instruction), personalTextNote(instruction),
    h('div.row-2', h('label', t('agency'), agency), h('label', t('dueDate'), due)),
    h('div.form-actions', h('button.primary', { type: 'submit' }, t('issue')), msg));
}

export function directiveList(rows, refs) {
  if (!rows.length) return h('p.muted', t('noDirectives'));
  return h('ul.directive-list', rows.map((d) => h('li' + (d.overdue ? '.overdue' : ''),
    h('p.instruction', h('a', { href: '#/directives/' + d.id }, d.instruction)),
    h('p.meta', [d.agencyName, d.issued_by, d.due_date ? `${t('dueDate')}: ${fmtDate(d.due_date)}` : null].filter(Boolean).join(' · '), ' ',
      h('span.status.status-' + d.status, enumLabel('directive', 'status', d.status)), d.overdue ? h('span.badge.bad', t('overdueBadge')) : null),
    d.result ? h('p.result', h('strong', t('result'), ': '), d.result) : null)));
}
