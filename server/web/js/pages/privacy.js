// A person's data requests, answered by an admin (server/routes/privacy.cpp): find every record
// that names the person by name or phone (diacritics ignored), download a copy for them, erase
// their personal fields. Every step names the request it serves; the server logs each one.
import { api, query } from '../api.js';
import { h, mount } from '../dom.js';
import { enumLabel, errorText, t } from '../i18n.js';

export async function render(main, { params, isCurrent, go, toast }) {
  const q = params.get('q') || '';
  const reason = params.get('reason') || '';
  const found = q && reason ?
      await api('/privacy/person', { params: { q, reason } }).catch((e) => e) : null;
  if (!isCurrent()) return;

  const qInput = h('input', { id: 'privacy-q', type: 'search', value: q, required: true,
    placeholder: t('privacyQueryHint'), 'aria-label': t('privacyQuery') });
  const reasonInput = h('input', { id: 'privacy-reason', value: reason, required: true, minlength: 5,
    placeholder: t('privacyReasonHint'), 'aria-label': t('privacyReason') });
  const form = h('form.period', { onsubmit: (e) => {
    e.preventDefault();
    go('/privacy', { q: qInput.value.trim(), reason: reasonInput.value.trim() });
  } },
    h('label', t('privacyQuery'), qInput), h('label', t('privacyReason'), reasonInput),
    h('button.primary', { type: 'submit', id: 'privacy-search' }, t('privacyFind')));

  let body = h('p.muted', t('privacyLead'));
  if (found instanceof Error) {
    body = h('p.error', { id: 'privacy-error' }, errorText(found));
  } else if (found) {
    const boxes = [];
    const rows = found.items.map((item) => {
      const box = h('input', { type: 'checkbox', checked: true, 'aria-label': item.title || item.id,
        dataset: { entity: item.entity, id: item.id } });
      boxes.push(box);
      return h('tr', { dataset: { id: item.id } },
        h('td', box),
        h('td', item.petitioner_name || h('span.muted', t('privacyErased'))),
        h('td', item.petitioner_contact || h('span.muted', '—')),
        h('td', h('a', { href: `#/petitions/${encodeURIComponent(item.id)}` }, item.title || item.id),
          item.receipt_code ? h('div.muted.small', item.receipt_code) : null),
        h('td', item.unitName || ''),
        h('td', item.status ? enumLabel('petition', 'status', item.status) : ''));
    });
    const exportUrl = '/api/v1/privacy/person/export' + query({ q, reason });
    const erase = async () => {
      const records = boxes.filter((b) => b.checked).map((b) => ({ entity: b.dataset.entity, id: b.dataset.id }));
      if (!records.length) return;
      if (!window.confirm(t('privacyEraseConfirm', { n: records.length }))) return;
      try {
        const r = await api('/privacy/erase', { method: 'POST', body: { records, reason } });
        toast(t('privacyErasedN', { n: r.erased }), 'ok');
        go('/privacy', { q, reason });
      } catch (e) {
        toast(errorText(e), 'error');
      }
    };
    body = h('section.panel', { dataset: { testid: 'privacy-results' } },
      h('h2', t('privacyFound', { n: found.items.length })),
      found.truncated ? h('p.error', t('privacyTruncated')) : null,
      found.items.length ? h('div.table-wrap', h('table.data',
        h('thead', h('tr', h('th', ''), h('th', t('privacyName')), h('th', t('privacyContact')),
          h('th', t('privacyRecord')), h('th', t('privacyUnit')), h('th', t('privacyStatus')))),
        h('tbody', rows))) : h('p.muted', t('none')),
      found.items.length ? h('div.form-actions',
        h('a.button', { href: exportUrl, id: 'privacy-export', download: 'du-lieu-ca-nhan.json' }, t('privacyExport')),
        h('button.danger', { type: 'button', id: 'privacy-erase', onclick: erase }, t('privacyErase'))) : null,
      h('p.muted.small', t('privacyEraseNote')));
  }
  mount(main, h('div.page',
    h('div.page-head', h('div', h('h1', t('privacyTitle')), h('p.muted.small', t('privacyLeadShort')))),
    h('section.panel', form),
    body));
}
