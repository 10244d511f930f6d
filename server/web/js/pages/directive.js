// One directive: what was instructed, to whom, by when, its result, its photos and documents
// (the agency's written answer) and its history. Supervisors and officials attach result files.
import { api } from '../api.js';
import { attachmentsPanel, uploadForm } from '../attachments.js';
import { h, mount } from '../dom.js';
import { fmtDate, fmtTime } from '../format.js';
import { enumLabel, fieldLabel, t } from '../i18n.js';
import { historyTimeline, loadRefs } from '../records.js';

export async function render(main, { match, session, isCurrent, rerender, toast }) {
  const id = match[1];
  const [data, refs] = await Promise.all([api('/directives/' + id), loadRefs()]);
  if (!isCurrent()) return;
  const d = data.directive;
  const limits = session.me && session.me.attachmentLimits;
  const row = (field, value) => [h('dt', fieldLabel(field, 'directive')), h('dd', { dataset: { field } }, value || h('span.muted', '—'))];
  mount(main, h('div.page.record',
    h('a.back', { href: '#/directives' }, t('back')),
    h('div.page-head',
      h('div', h('h1', t('directiveDetail')),
        h('p.subtitle', h('span.status.status-' + d.status, enumLabel('directive', 'status', d.status)),
          d.overdue ? h('span.badge.bad', t('overdueBadge')) : null, ' ', d.unitName || ''))),
    h('div.grid-2.record-grid',
      h('section.panel', { dataset: { testid: 'values' } },
        h('dl.values',
          row('instruction', d.instruction),
          row('agency', d.agencyName),
          row('issued_by', d.issued_by),
          row('due_date', fmtDate(d.due_date)),
          row('result', d.result),
          row('completed_at', d.completed_at ? fmtTime(d.completed_at) : ''),
          d.petition ? row('petition', h('a', { href: '#/petitions/' + d.petition }, t('openDetail'))) : null,
          d.meeting ? row('meeting', h('a', { href: '#/meetings/' + d.meeting }, t('openDetail'))) : null)),
      h('div.side',
        attachmentsPanel(data.attachments || [],
          data.canWrite ? uploadForm(id, limits, () => { toast(t('saved'), 'ok'); rerender(); }) : null))),
    h('section.panel', h('h2', t('history')), historyTimeline('directive', data.history, refs, session.me && session.me.serverSite))));
}
