import { api, exportUrl } from '../api.js';
import { h, mount } from '../dom.js';
import { fmtDate, fmtNumber, fmtTime } from '../format.js';
import { enumLabel, errorText, fieldLabel, getSchema, t } from '../i18n.js';
import { options, pager } from '../widgets.js';

const kPageSize = 50;

export async function render(main, { params, session, isCurrent, go, toast }) {
  const filters = {};
  for (const k of ['agency', 'status', 'overdue', 'unit']) if (params.get(k)) filters[k] = params.get(k);
  const page = Math.max(1, Number(params.get('page') || 1));
  const [data, agencies] = await Promise.all([
    api('/directives', { params: { ...filters, offset: (page - 1) * kPageSize, limit: kPageSize } }),
    api('/agencies'),
  ]);
  if (!isCurrent()) return;
  const navigate = (f) => go('/directives', f);
  const agency = h('select', { id: 'dir-agency' }, options(agencies.rows.map((a) => a.id), (id) => agencies.rows.find((a) => a.id === id).name, filters.agency, t('anyAgency')));
  const status = h('select', { id: 'dir-status' }, options(getSchema().directiveStatuses, (v) => enumLabel('directive', 'status', v), filters.status, t('anyStatus')));
  const overdue = h('input', { type: 'checkbox', id: 'dir-overdue', checked: filters.overdue === '1' });
  const submit = () => navigate({ agency: agency.value, status: status.value, overdue: overdue.checked ? '1' : '' });
  for (const el of [agency, status, overdue]) el.addEventListener('change', submit);

  // Group the page's rows by agency, keeping the server's order (overdue first, then due date).
  const groups = new Map();
  for (const d of data.rows) {
    const key = d.agency || '';
    if (!groups.has(key)) groups.set(key, { name: d.agencyName || t('noAgency'), rows: [] });
    groups.get(key).rows.push(d);
  }
  const canWrite = session.me.canWrite;
  const doneButton = (d) => canWrite && (d.status === 'issued' || d.status === 'in_progress') ? h('button.small', { type: 'button', onclick: async () => {
    const result = prompt(t('resultPrompt'), d.result || '');
    if (result === null) return;
    try {
      await api('/directives/' + d.id, { method: 'POST', body: { status: 'done', result: result.trim() || null } });
      toast(t('saved'), 'ok');
      go('/directives', { ...filters, page: String(page) });
    } catch (err) { toast(errorText(err), 'error'); }
  } }, t('markDone')) : null;

  const body = data.rows.length === 0 ? h('p.empty', t('none')) : [...groups.entries()].map(([key, g]) => h('section.panel.agency-group', { dataset: { agency: key } },
    h('h2', g.name, h('span.count', ` (${g.rows.length})`)),
    h('table.data.compact',
      h('thead', h('tr', h('th', fieldLabel('instruction')), h('th', fieldLabel('due_date')), h('th', fieldLabel('status')), h('th', fieldLabel('result')), h('th', ''))),
      h('tbody', g.rows.map((d) => h('tr' + (d.overdue ? '.overdue-row' : ''), { dataset: { id: d.id } },
        h('td.title-cell', h('p', h('a', { href: '#/directives/' + d.id }, d.instruction)),
          h('p.meta', [d.issued_by, d.unitName].filter(Boolean).join(' · '),
            d.petition ? [' · ', h('a', { href: '#/petitions/' + d.petition }, fieldLabel('petition'))] : null,
            d.meeting ? [' · ', h('a', { href: '#/meetings/' + d.meeting }, fieldLabel('meeting'))] : null)),
        h('td.nowrap' + (d.overdue ? '.bad' : ''), fmtDate(d.due_date) || '—', d.overdue ? h('span.badge.bad', t('overdueBadge')) : null),
        h('td', h('span.status.status-' + d.status, enumLabel('directive', 'status', d.status))),
        h('td', d.result || h('span.muted', t('noResult')), d.completed_at ? h('span.sub', fmtTime(d.completed_at)) : null),
        h('td', doneButton(d))))))));

  mount(main, h('div.page',
    h('div.page-head', h('div', h('h1', t('directivesTitle')), h('p.muted', t('byAgencyLead'))),
      h('div.actions',
        h('a.button', { href: exportUrl('directive', 'csv', filters), download: '' }, t('exportCsv')),
        h('a.button', { href: exportUrl('directive', 'xlsx', filters), download: '' }, t('exportXlsx')))),
    h('form.filters', { onsubmit: (e) => { e.preventDefault(); submit(); } },
      h('div.filter-row', agency, status, h('label.inline', overdue, ' ', t('overdueOnly')),
        h('button.link-button', { type: 'button', onclick: () => navigate({}) }, t('clear')))),
    h('p.result-count', { dataset: { total: data.total } }, t('resultsN', { n: fmtNumber(data.total) })),
    body,
    pager(data.total, data.offset, kPageSize, (p) => navigate({ ...filters, page: String(p) }))));
}
