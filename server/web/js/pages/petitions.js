import { api, exportUrl } from '../api.js';
import { h, mount } from '../dom.js';
import { dateInput, fmtDate, fmtNumber, readDate } from '../format.js';
import { enumLabel, fieldLabel, getSchema, t } from '../i18n.js';
import { exportActions, options, pager, sortHeader, statusBadge, unitOptions } from '../widgets.js';

const kPageSize = 25;
const kKeys = ['q', 'status', 'category', 'unit', 'agency', 'overdue', 'from', 'to', 'sort', 'order'];

/** Filter values from the route, as the API takes them. */
function filtersOf(params) {
  const f = {};
  for (const k of kKeys) if (params.get(k)) f[k] = params.get(k);
  return f;
}

export async function render(main, { params, session, isCurrent, go }) {
  const filters = filtersOf(params);
  const page = Math.max(1, Number(params.get('page') || 1));
  const [data, units, agencies] = await Promise.all([
    api('/petitions', { params: { ...filters, offset: (page - 1) * kPageSize, limit: kPageSize } }),
    api('/units'), api('/agencies'),
  ]);
  if (!isCurrent()) return;
  const schema = getSchema();
  const navigate = (f) => go('/petitions', f);

  const q = h('input', { type: 'search', id: 'f-q', value: filters.q || '', placeholder: t('searchPlaceholder'), 'aria-label': t('search') });
  const status = h('select', { id: 'f-status', 'aria-label': fieldLabel('status') }, options(schema.petitionStatuses, (v) => enumLabel('petition', 'status', v), filters.status, t('anyStatus')));
  if (filters.status && !schema.petitionStatuses.includes(filters.status)) status.append(h('option', { value: filters.status, selected: true }, filters.status.split(',').map((s) => enumLabel('petition', 'status', s)).join(', ')));
  const category = h('select', { id: 'f-category', 'aria-label': fieldLabel('category') }, options(schema.categories, (v) => enumLabel('petition', 'category', v), filters.category, t('anyCategory')));
  const unit = h(
      'select', {id: 'f-unit', 'aria-label': fieldLabel('unit')}, unitOptions(units, filters.unit));
  const agency = h('select', { id: 'f-agency', 'aria-label': fieldLabel('lead_agency') }, options(agencies.rows.map((a) => a.id), (id) => agencies.rows.find((a) => a.id === id).name, filters.agency, t('anyAgency')));
  const overdue = h('input', { type: 'checkbox', id: 'f-overdue', checked: filters.overdue === '1' });
  const from = dateInput({ id: 'f-from', 'aria-label': t('from') }, filters.from);
  const to = dateInput({ id: 'f-to', 'aria-label': t('to') }, filters.to);
  const submit = (e) => {
    e && e.preventDefault();
    const f = readDate(from), tt = readDate(to);
    if (f === null || tt === null) return;
    navigate({ q: q.value.trim(), status: status.value, category: category.value, unit: unit.value, agency: agency.value,
      overdue: overdue.checked ? '1' : '', from: f, to: tt, sort: filters.sort, order: filters.order });
  };
  for (const el of [status, category, unit, agency, overdue, from, to]) el.addEventListener('change', submit);

  const exportParams = { ...filters };
  const form = h('form.filters', { onsubmit: submit, role: 'search' },
    h('div.filter-row', q, h('button.primary', { type: 'submit' }, t('search'))),
    h('div.filter-row', status, category, unit, agency,
      h('label.inline', overdue, ' ', t('overdueOnly')),
      h('label.inline', t('from'), ' ', from), h('label.inline', t('to'), ' ', to),
      h('button.link-button', { type: 'button', onclick: () => navigate({}) }, t('clear'))));

  const rows = data.rows;
  const table = rows.length === 0 ? h('p.empty', t('none')) : h('table.data',
    h('thead', h('tr',
      sortHeader(fieldLabel('received_at'), 'received_at', filters, navigate, '', 'received_at'),
      sortHeader(fieldLabel('title'), 'title', filters, navigate),
      h('th', fieldLabel('unit')),
      sortHeader(fieldLabel('category'), 'category', filters, navigate),
      sortHeader(fieldLabel('status'), 'status', filters, navigate),
      h('th', fieldLabel('lead_agency')),
      sortHeader(fieldLabel('due_date'), 'due_date', filters, navigate))),
    h('tbody', rows.map((r) => h('tr', { dataset: { id: r.id } },
      h('td.nowrap', fmtDate(r.received_at)),
      h('td.title-cell', h('a', { href: '#/petitions/' + r.id }, r.title),
        r.conflicts ? h('span.badge.warn', t('conflictBadge', { n: r.conflicts })) : null),
      h('td.unit-cell', r.unitName, r.parentUnitName ? h('span.sub', r.parentUnitName) : null),
      h('td', enumLabel('petition', 'category', r.category)),
      h('td', statusBadge(r)),
      h('td', r.leadAgencyName || h('span.muted', t('noAgency'))),
      h('td.nowrap' + (r.overdue ? '.bad' : ''), fmtDate(r.due_date), r.overdue ? h('span.badge.bad', t('overdueBadge')) : null)))));

  mount(main, h('div.page',
    h('div.page-head', h('h1', t('petitionsTitle')),
      exportActions('petition', exportParams, session, exportUrl)),
    form,
    h('p.result-count', { dataset: { total: data.total } }, t('resultsN', { n: fmtNumber(data.total) })),
    h('div.table-wrap', table),
    pager(data.total, data.offset, kPageSize, (p) => navigate({ ...filters, page: String(p) }))));
}
