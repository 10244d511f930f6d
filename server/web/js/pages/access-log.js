// The access log of personal data (admins only): who was shown which records' personal values,
// when, from where and why; filters by user, record and period; the CSV of the filtered log.
import { api, query } from '../api.js';
import { h, mount } from '../dom.js';
import { dateInput, fmtNumber, fmtTime, readDate } from '../format.js';
import { t } from '../i18n.js';
import { pager } from '../widgets.js';

const kPageSize = 50;
const kShownRecords = 5;

function recordLinks(entry) {
  const links = entry.records.slice(0, kShownRecords).map((r) =>
    r.entity === 'petition' ? h('a', { href: '#/petitions/' + r.id, title: r.id }, r.id.slice(0, 8))
      : h('span', { title: r.entity + '/' + r.id }, r.id.slice(0, 8)));
  const more = entry.recordCount - links.length;
  return [links.flatMap((l, i) => (i ? [', ', l] : [l])),
    more > 0 ? h('span.sub', t('alMore', { n: fmtNumber(more) })) : null];
}

export async function render(main, { params, isCurrent, go }) {
  const filters = {};
  for (const k of ['user', 'record', 'from', 'to']) if (params.get(k)) filters[k] = params.get(k);
  const page = Math.max(1, Number(params.get('page') || 1));
  const data = await api('/access-log', { params: { ...filters, offset: (page - 1) * kPageSize, limit: kPageSize } });
  if (!isCurrent()) return;
  const navigate = (f) => go('/access-log', f);
  const user = h('input', { id: 'al-user', value: filters.user || '', placeholder: t('alUser'), 'aria-label': t('alUser') });
  const record = h('input', { id: 'al-record', value: filters.record || '', placeholder: t('alRecord'), 'aria-label': t('alRecord') });
  const from = dateInput({ id: 'al-from', 'aria-label': t('from') }, filters.from);
  const to = dateInput({ id: 'al-to', 'aria-label': t('to') }, filters.to);
  const submit = (e) => {
    e && e.preventDefault();
    const f = readDate(from), tt = readDate(to);
    if (f === null || tt === null) return;
    navigate({ user: user.value.trim(), record: record.value.trim(), from: f, to: tt });
  };
  const form = h('form.filters', { onsubmit: submit, role: 'search' },
    h('div.filter-row', user, record,
      h('label.inline', t('from'), ' ', from), h('label.inline', t('to'), ' ', to),
      h('button.primary', { type: 'submit' }, t('apply')),
      h('button.link-button', { type: 'button', onclick: () => navigate({}) }, t('clear'))));

  const table = data.rows.length === 0 ? h('p.empty', t('alEmpty')) : h('table.data#access-log',
    h('thead', h('tr',
      h('th', t('alTime')), h('th', t('alViewer')), h('th', t('alAction')), h('th', t('alRecords')),
      h('th', t('alReason')), h('th', t('alDevice')), h('th', t('alAddress')))),
    h('tbody', data.rows.map((e) => h('tr', { dataset: { id: e.id, user: e.username, action: e.action } },
      h('td.nowrap', fmtTime(e.at)),
      h('td', e.username, h('span.sub', e.roleLabel)),
      h('td', e.actionLabel),
      h('td.records-cell', recordLinks(e)),
      h('td', e.reason),
      h('td.nowrap', e.device === 'dashboard' ? t('alDashboard') : h('span', { title: e.device }, e.device.slice(0, 8))),
      h('td.nowrap', e.ip)))));

  mount(main, h('div.page',
    h('div.page-head', h('div', h('h1', t('accessLogTitle')), h('p.muted', t('accessLogLead'))),
      h('div.actions',
        h('a.button', { href: '/api/v1/access-log.csv' + query(filters), download: '', id: 'access-log-csv' }, t('exportCsv')))),
    form,
    h('p.result-count', { dataset: { total: data.total } }, t('alEntries', { n: fmtNumber(data.total) })),
    h('div.table-wrap', table),
    pager(data.total, data.offset, kPageSize, (p) => navigate({ ...filters, page: String(p) }))));
}
