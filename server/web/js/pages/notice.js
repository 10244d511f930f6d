// The results notice of a neighbourhood: choose the unit and period, read the plain text that
// goes to the chat group or the loudspeaker (copy it), and open the A4 page (notice.html).
// The text and the items come from the server (shared resultsNoticeText): one wording.
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { addDays, dateInput, readDate } from '../format.js';
import { errorText, t } from '../i18n.js';
import { unitOptions } from '../widgets.js';

export async function render(main, { params, session, isCurrent, go, toast }) {
  const today = session.me.today;
  const units = await api('/units');
  if (!isCurrent()) return;
  const neighbourhoods = units.rows.filter((u) => u.level === 'neighbourhood');
  const unit = params.get('unit') || (neighbourhoods[0] ? neighbourhoods[0].id : '');
  const from = params.get('from') || addDays(today, -30);
  const to = params.get('to') || today;
  const notice = unit ?
      await api('/results-notice', { params: { unit, from, to, origin: location.origin } }).catch((e) => e) :
      null;
  if (!isCurrent()) return;

  const unitSelect = h('select', { id: 'notice-unit', 'aria-label': t('noticeUnit') },
    unitOptions(units, unit).slice(1));  // a notice is for one unit: no "whole area"
  const fromInput = dateInput({ id: 'notice-from' }, from);
  const toInput = dateInput({ id: 'notice-to' }, to);
  const form = h('form.period', { onsubmit: (e) => {
    e.preventDefault();
    const f = readDate(fromInput), tt = readDate(toInput);
    if (f !== null && tt !== null) go('/notice', { unit: unitSelect.value, from: f, to: tt });
  } },
    h('label', t('noticeUnit'), unitSelect), h('label', t('from'), fromInput), h('label', t('to'), toInput),
    h('button.primary', { type: 'submit' }, t('apply')));

  let body;
  if (!notice) {
    body = h('p.muted', t('none'));
  } else if (notice instanceof Error) {
    body = h('p.error', errorText(notice));
  } else {
    const text = h('textarea.notice-text', { id: 'notice-text', rows: 18, readOnly: true }, notice.text);
    const printUrl = 'notice.html?' + new URLSearchParams({ unit, from: notice.period.from, to: notice.period.to }).toString();
    body = h('section.panel', { dataset: { testid: 'notice' } },
      h('h2', notice.heading, ' — ', t('noticeCount', { n: notice.items.length })),
      text,
      h('div.form-actions',
        h('a.button.primary', { href: printUrl, target: '_blank', rel: 'noopener', id: 'notice-print' }, t('noticePrint')),
        h('button', { type: 'button', id: 'notice-copy', onclick: async () => {
          try {
            await navigator.clipboard.writeText(notice.text);
          } catch {
            text.select();
            document.execCommand('copy');
          }
          toast(t('noticeCopied'), 'ok');
        } }, t('noticeCopy'))));
  }
  mount(main, h('div.page',
    h('div.page-head', h('div', h('h1', t('noticeTitle')), h('p.muted.small', t('noticeLead')))),
    h('section.panel', form),
    body));
}
