import {api, exportUrl} from '../api.js';
import {h, mount} from '../dom.js';
import {dateInput, fmtNumber, fmtTime, readDate} from '../format.js';
import {enumLabel, fieldLabel, t} from '../i18n.js';

import {pager, sortHeader, unitOptions} from '../widgets.js';

const kPageSize = 25;

export async function render(main, { params, isCurrent, go }) {
  const filters = {};
  for (const k of ['q', 'unit', 'from', 'to', 'status', 'sort', 'order']) if (params.get(k)) filters[k] = params.get(k);
  const page = Math.max(1, Number(params.get('page') || 1));
  const [data, units] = await Promise.all([
    api('/meetings', { params: { ...filters, offset: (page - 1) * kPageSize, limit: kPageSize } }),
    api('/units'),
  ]);
  if (!isCurrent()) return;
  const navigate = (f) => go('/meetings', f);
  const q = h('input', { type: 'search', id: 'm-q', value: filters.q || '', placeholder: t('searchPlaceholder'), 'aria-label': t('search') });
  const unit = h(
      'select', {id: 'm-unit', 'aria-label': fieldLabel('unit')}, unitOptions(units, filters.unit));
  const from = dateInput({ id: 'm-from', 'aria-label': t('from') }, filters.from);
  const to = dateInput({ id: 'm-to', 'aria-label': t('to') }, filters.to);
  const submit = (e) => {
    e && e.preventDefault();
    const f = readDate(from), tt = readDate(to);
    if (f === null || tt === null) return;
    navigate({ q: q.value.trim(), unit: unit.value, from: f, to: tt, sort: filters.sort, order: filters.order });
  };
  for (const el of [unit, from, to]) el.addEventListener('change', submit);

  const table = data.rows.length === 0 ? h('p.empty', t('none')) : h('table.data',
    h('thead', h('tr',
      sortHeader(fieldLabel('held_at'), 'held_at', filters, navigate, '', 'held_at'),
      sortHeader(fieldLabel('title', 'meeting'), 'title', filters, navigate),
      h('th', fieldLabel('unit')),
      h('th', fieldLabel('chaired_by')),
      h('th.num', fieldLabel('resident_count')),
      h('th.num', t('petitionCount')),
      h('th', fieldLabel('status')))),
    h('tbody', data.rows.map((m) => h('tr', { dataset: { id: m.id } },
      h('td.nowrap', fmtTime(m.held_at)),
      h('td.title-cell', h('a', { href: '#/meetings/' + m.id }, m.title)),
      h('td', m.unitName, m.parentUnitName ? h('span.sub', m.parentUnitName) : null),
      h('td', m.chaired_by || ''),
      h('td.num', m.resident_count ?? ''),
      h('td.num', fmtNumber(m.petitionCount)),
      h('td', h('span.status.status-' + m.status, enumLabel('meeting', 'status', m.status)))))));

  mount(main, h('div.page',
    h('div.page-head', h('h1', t('meetingsTitle')),
      h('div.actions',
        h('a.button', { href: exportUrl('meeting', 'csv', filters), download: '' }, t('exportCsv')),
        h('a.button', { href: exportUrl('meeting', 'xlsx', filters), download: '' }, t('exportXlsx')))),
    h('form.filters', { onsubmit: submit, role: 'search' },
      h('div.filter-row', q, unit, h('label.inline', t('from'), ' ', from), h('label.inline', t('to'), ' ', to),
        h('button.primary', { type: 'submit' }, t('search')),
        h('button.link-button', { type: 'button', onclick: () => navigate({}) }, t('clear')))),
    h('p.result-count', { dataset: { total: data.total } }, t('resultsN', { n: fmtNumber(data.total) })),
    h('div.table-wrap', table),
    pager(data.total, data.offset, kPageSize, (p) => navigate({ ...filters, page: String(p) }))));
}
