import {api} from '../api.js';
import {shareBar, weeklyChart} from '../chart.js';
import {h, mount} from '../dom.js';
import {addDays, dateInput, fmtDate, fmtDays, fmtNumber, fmtPercent, readDate} from '../format.js';
import {enumLabel, fieldLabel, t} from '../i18n.js';

import {unitOptions} from '../widgets.js';


function card(label, value, sub, opts = {}) {
  return h('section.card' + (opts.cls ? '.' + opts.cls : ''), { dataset: { testid: opts.id } },
    h('h2.card-label', label),
    opts.href ? h('a.card-value', { href: opts.href, dataset: { value: opts.raw ?? '' } }, value) : h('p.card-value', { dataset: { value: opts.raw ?? '' } }, value),
    sub ? h('p.card-sub', sub) : null);
}

function tallyTable(title, rows, keyLabel, linkOf, testid, limit = 0) {
  const max = Math.max(0, ...rows.map((r) => r.received));
  const body = h('tbody');
  const panel = h('section.panel', { dataset: { testid } },
    h('h2', title),
    rows.length === 0 ? h('p.muted', t('none')) :
      h('table.data.compact.tally',
        h('thead', h('tr', h('th', keyLabel), h('th.num', t('received')), h('th.bar-col', ''), h('th.num', t('resolved')), h('th.num', t('overdue')),
          h('th.num', t('satisfied')), h('th.num', t('unsatisfied')))),
        body));
  const fill = (all) => mount(body, (all || !limit ? rows : rows.slice(0, limit)).map((r) => h('tr',
          h('td', linkOf ? h('a', { href: linkOf(r) }, r.label) : r.label),
          h('td.num', fmtNumber(r.received)),
          h('td.bar-col', shareBar(r.received, max)),
          h('td.num', fmtNumber(r.resolved)),
          h('td.num' + (r.overdue ? '.bad' : ''), fmtNumber(r.overdue)),
          h('td.num', { dataset: { col: 'satisfied' } }, fmtNumber(r.satisfied)),
          h('td.num' + (r.unsatisfied ? '.bad' : ''), { dataset: { col: 'unsatisfied' } }, fmtNumber(r.unsatisfied)))));
  fill(false);
  if (limit && rows.length > limit) {
    let all = false;
    const more = h('button.link-button', { type: 'button', onclick: () => { all = !all; fill(all); more.textContent = all ? t('showLess') : t('showAll', { n: rows.length }); } }, t('showAll', { n: rows.length }));
    panel.append(more);
  }
  return panel;
}

export async function render(main, { params, session, isCurrent, go }) {
  const today = session.me.today;
  const from = params.get('from') || today.slice(0, 4) + '-01-01';
  const to = params.get('to') || today;
  const unit = params.get('unit') || '';
  const [o, units] = await Promise.all([
    api('/overview', { params: { from, to, unit } }),
    api('/units'),
  ]);
  if (!isCurrent()) return;
  const p = o.petitions;
  const since = from.slice(5) === '01-01' && from.slice(0, 4) === to.slice(0, 4) ? t('monthN', { m: 1 }) : fmtDate(from);
  const listLink = (extra) => '#/petitions?' + new URLSearchParams({ from, to, ...(unit ? { unit } : {}), ...extra }).toString();

  const fromInput = dateInput({ id: 'period-from' }, from);
  const toInput = dateInput({ id: 'period-to' }, to);
  const unitSelect =
      h('select', {id: 'period-unit', 'aria-label': t('area')},
        unitOptions(units, unit, (u) => u.level !== 'neighbourhood'));
  const apply = (f, tt) => go('/', { from: f, to: tt, unit: unitSelect.value });

  const header = h('div.page-head',
    h('div', h('h1', t('overviewTitle'), ' — ', o.unitName), h('p.muted.small', t('periodNote', { today: fmtDate(o.today) }))),
    h('form.period', { onsubmit: (e) => {
      e.preventDefault();
      const f = readDate(fromInput), tt = readDate(toInput);
      if (f !== null && tt !== null) apply(f, tt);
    } },
      h('label', t('from'), fromInput), h('label', t('to'), toInput), h('label', t('area'), unitSelect),
      h('button.primary', { type: 'submit' }, t('apply')),
      h('div.quick',
        h('button.chip', { type: 'button', onclick: () => apply(today.slice(0, 4) + '-01-01', today) }, t('sinceYearStart')),
        h('button.chip', { type: 'button', onclick: () => apply(addDays(today, -29), today) }, t('last30')),
        h('button.chip', { type: 'button', onclick: () => apply(addDays(today, -89), today) }, t('last90'))))) ;

  const cards = h('div.cards',
    card(t('meetingsHeld'), fmtNumber(o.meetings.held), t('neighbourhoodsSince', { n: fmtNumber(o.meetings.neighbourhoods), since }),
      { id: 'meetings-held', raw: o.meetings.held, href: '#/meetings?' + new URLSearchParams({ from, to, ...(unit ? { unit } : {}) }) }),
    card(t('petitionsReceived'), fmtNumber(p.received), `${fmtNumber(p.open)} ${t('open').toLowerCase()}`, { id: 'petitions-received', raw: p.received, href: listLink({}) }),
    card(t('resolved'), fmtNumber(p.resolved), `${t('resolutionRate')}: ${fmtPercent(p.resolutionRate)}`, { id: 'petitions-resolved', raw: p.resolved, href: listLink({ status: 'resolved,closed' }) }),
    card(t('overdue'), fmtNumber(p.overdue), null, { id: 'petitions-overdue', raw: p.overdue, cls: p.overdue ? 'bad' : '', href: listLink({ overdue: '1' }) }),
    card(t('acceptance'), p.satisfied + p.unsatisfied ? fmtPercent(p.satisfied / (p.satisfied + p.unsatisfied)) : '—',
      t('acceptanceSub', { s: fmtNumber(p.satisfied), u: fmtNumber(p.unsatisfied) }),
      { id: 'acceptance', raw: `${p.satisfied}/${p.unsatisfied}` }),
    card(t('medianDays'), p.medianDaysToResolve === null ? '—' : `${fmtDays(p.medianDaysToResolve)} ${t('days')}`, null, { id: 'median-days', raw: p.medianDaysToResolve ?? '' }),
    card(t('directivesOpen'), fmtNumber(o.directives.open), o.directives.overdue ? t('directivesOverdueN', { n: fmtNumber(o.directives.overdue) }) : null,
      { id: 'directives-open', raw: o.directives.open, cls: o.directives.overdue ? 'warn' : '', href: '#/directives' }));
  // Keep the exact figures machine-readable for checks and assistive tools.
  cards.querySelector('[data-testid="meetings-held"]').dataset.neighbourhoods = o.meetings.neighbourhoods;
  cards.querySelector('[data-testid="petitions-resolved"]').dataset.rate = p.resolutionRate ?? '';

  const chart = h('section.panel.chart-panel', { dataset: { testid: 'weekly' } },
    h('h2', t('weeklyChart')),
    h('div.legend', h('span.key.key-bar', t('petitionsSeries')), h('span.key.key-line', t('meetingsSeries'))),
    weeklyChart(o.weekly));

  const cat = o.byCategory.map((r) => ({ ...r, label: enumLabel('petition', 'category', r.category) }));
  const byUnit = o.byUnit.map((r) => ({ ...r, label: r.name || r.unit }));
  const byAgency = o.byAgency.map((r) => ({ ...r, label: r.agency ? (r.name || r.agency) : t('noAgency') }));

  const overdue = h('section.panel', { dataset: { testid: 'oldest-overdue' } },
    h('h2', t('oldestOverdue')),
    o.oldestOverdue.length === 0 ? h('p.muted', t('noOverdue')) :
      h('ol.overdue-list', o.oldestOverdue.map((x) => h('li',
        h('a', { href: '#/petitions/' + x.id }, x.title),
        h('span.meta', [x.unitName, x.leadAgencyName, `${t('dueDate')} ${fmtDate(x.due_date)}`].filter(Boolean).join(' · '),
          h('span.badge.bad', t('daysOverdue', { n: x.daysOverdue })))))));

  mount(main, h('div.page.overview', header, cards,
    h('div.grid-2', chart, tallyTable(t('byUnit'), byUnit, t('area'), (r) => listLink({ unit: r.unit }), 'by-unit', 12)),
    h('div.grid-3',
      overdue,
      tallyTable(t('byCategory'), cat, fieldLabel('category'), (r) => listLink({ category: r.category }), 'by-category'),
      tallyTable(t('byAgency'), byAgency, t('agency'), (r) => r.agency ? listLink({ agency: r.agency }) : null, 'by-agency', 10))));
}
