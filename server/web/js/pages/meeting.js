import { api } from '../api.js';
import { attachmentsPanel, placeLine } from '../attachments.js';
import { h, mount } from '../dom.js';
import { fmtDate, fmtTime } from '../format.js';
import { enumLabel, fieldLabel, t } from '../i18n.js';
import { directiveForm, directiveList, loadRefs } from '../records.js';
import { statusBadge } from '../widgets.js';

function textBlock(title, text, testid) {
  if (!text) return null;
  return h('section.panel', { dataset: { testid } }, h('h2', title), h('div.prose', text.split(/\n{2,}/).map((para) => h('p', para))));
}

export async function render(main, { match, isCurrent, rerender, toast }) {
  const id = match[1];
  const [data, refs] = await Promise.all([api('/meetings/' + id, { params: { personal: '0' } }), loadRefs()]);
  if (!isCurrent()) return;
  const m = data.meeting;
  const attendees = m.attendees || [];
  mount(
      main,
      h('div.page.record', h('a.back', {href: '#/meetings'}, t('back')),
        h('div.page-head',
          h('div', h('h1', m.title),
            h('p.subtitle', h('span.status.status-' + m.status, enumLabel('meeting', 'status', m.status)), ' ',
              fmtTime(m.held_at), ' · ', m.location || '', ' · ', m.unitName,
              m.parentUnitName ? ', ' + m.parentUnitName : ''),
            placeLine(m)),
          h('div.actions',
            h('a.button.primary', {
                href: 'print.html?id=' + encodeURIComponent(id),
                target: '_blank',
                rel: 'noopener',
                id: 'print-minutes'
            },
              t('printMinutes')))),
        attachmentsPanel(data.attachments || []),
        h('div.grid-2.record-grid',
          h('section.panel', {dataset: {testid: 'participants'}}, h('h2', fieldLabel('attendees')),
            h('dl.values', h('dt', fieldLabel('chaired_by')), h('dd', m.chaired_by || '—'),
              h('dt', fieldLabel('delegation')), h('dd', m.delegation || '—'),
              h('dt', fieldLabel('resident_count')), h('dd', m.resident_count ?? '—'),
              h('dt', fieldLabel('secretary')),
              h('dd', {dataset: {field: 'secretary'}}, m.secretaryName || '—')),
            attendees.length ? h('h3', t('attendeesList'), ` (${attendees.length})`) : null,
            attendees.length ?
                h('ul.people',
                  attendees.map(
                      (p) => h('li', h('strong', p.name), p.role ? ' — ' + p.role : ''))) :
                null),
          h('div.side', textBlock(fieldLabel('agenda'), m.agenda, 'agenda'),
            textBlock(fieldLabel('conclusions'), m.conclusions, 'conclusions'))),
        textBlock(fieldLabel('minutes'), m.minutes, 'minutes'),
        h('section.panel', {dataset: {testid: 'petitions'}},
          h('h2', t('petitionsRaised'), ` (${data.petitions.length})`),
          data.petitions.length === 0 ?
              h('p.muted', t('none')) :
              h('table.data.compact',
                h('tbody',
                  data.petitions.map(
                      (p) => h(
                          'tr', h('td.title-cell', h('a', {href: '#/petitions/' + p.id}, p.title)),
                          h('td', enumLabel('petition', 'category', p.category)),
                          h('td', statusBadge(p),
                            p.overdue ? h('span.badge.bad', t('overdueBadge')) : null),
                          h('td', p.leadAgencyName || ''), h('td.nowrap', fmtDate(p.due_date))))))),
        h('section.panel', {dataset: {testid: 'directives'}},
          h('h2', t('directivesGiven'), ` (${data.directives.length})`),
          directiveList(data.directives, refs),
          data.canWrite ? directiveForm({meeting: id}, refs, () => { toast(t('saved'), 'ok'); rerender(); }) : null)));
}
