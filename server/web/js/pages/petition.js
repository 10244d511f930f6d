import { api } from '../api.js';
import { attachmentsPanel, placeLine } from '../attachments.js';
import { h, mount } from '../dom.js';
import { dateInput, fmtDate, fmtTime, readDate } from '../format.js';
import { enumLabel, errorText, fieldLabel, fieldsOf, getSchema, t } from '../i18n.js';
import { directiveForm, directiveList, formatValue, historyTimeline, loadRefs } from '../records.js';
import { personalTextNote, statusBadge } from '../widgets.js';

function valuesList(entity, row, refs, skip, links = {}) {
  const items = [];
  for (const f of fieldsOf(entity)) {
    if (skip.includes(f.name) || f.name === 'deleted' || f.name.startsWith('place_')) continue;
    if (!(f.name in row)) continue;  // personal fields removed by the server
    const text = links[f.name] || formatValue(entity, f.name, row[f.name], refs);
    items.push(h('dt', fieldLabel(f.name)), h('dd', { dataset: { field: f.name } }, text || h('span.muted', '—')));
  }
  return h('dl.values', items);
}

/**
 * Agencies to tick (no Ctrl-click): the chosen ones first, a box that narrows the list as
 *  one types (diacritics optional), and how many are chosen.
 */
function agencyChecklist(id, label, agencies, chosen) {
    const fold = (s) =>
        s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
    const ordered = [...agencies].sort((a, b) => chosen.includes(b.id) - chosen.includes(a.id));
    const count =
        h('span.small', {hidden: chosen.length === 0}, t('supportChosen', {n: chosen.length}));
    const items = ordered.map(
        (a) =>
            h('label.check', {dataset: {name: fold(a.name)}}, h('input', {
                  type: 'checkbox',
                  name: 'support_agencies',
                  value: a.id,
                  checked: chosen.includes(a.id)
              }),
              ' ', a.name));
    const filter = h('input', {
        type: 'search',
        id: id + '-filter',
        placeholder: t('supportFilter'),
        'aria-label': t('supportFilter'),
        oninput: () => {
            const q = fold(filter.value.trim());
            for (const el of items) el.hidden = !!q && !el.dataset.name.includes(q);
        }
    });
    const box =
        h('fieldset.check-list', {id}, h('legend', label, ' ', count), filter,
          h('div.check-scroll', items));
    box.addEventListener('change', () => {
        const n = box.querySelectorAll('input[type=checkbox]:checked').length;
        count.textContent = t('supportChosen', {n});
        count.hidden = n === 0;
    });
    return box;
}

/** The supervisor's handling form; `levels`: the handling levels the petition's unit tree has. */
function handlingForm(p, refs, levels, onSaved) {
  const schema = getSchema();
  const next = schema.petitionTransitions[p.status] || [];
  const status = h('select', { name: 'status', id: 'h-status' },
    h('option', { value: p.status }, enumLabel('petition', 'status', p.status)),
    next.map((s) => h('option', { value: s }, enumLabel('petition', 'status', s))));
  const agencyOptions = (selected) => [h('option', { value: '' }, t('selectNone')),
    ...[...refs.agencies.values()].map((a) => h('option', { value: a.id, selected: a.id === selected }, a.name))];
  const lead = h('select', { name: 'lead_agency', id: 'h-lead' }, agencyOptions(p.lead_agency));
  const support = agencyChecklist(
      'h-support', fieldLabel('support_agencies'), [...refs.agencies.values()],
      p.support_agencies || []);
  const level = h('select', { name: 'handling_level', id: 'h-level' }, h('option', { value: '' }, t('selectNone')),
    levels.map((v) => h('option', { value: v, selected: v === p.handling_level }, enumLabel('petition', 'handling_level', v))));
  const prioDef = fieldsOf('petition').find((f) => f.name === 'priority');
  const priority = h('select', { name: 'priority', id: 'h-priority' }, h('option', { value: '' }, t('selectNone')),
    (prioDef ? prioDef.enum : []).map((v) => h('option', { value: v, selected: v === p.priority }, enumLabel('petition', 'priority', v))));
  const due = dateInput({ name: 'due_date', id: 'h-due' }, p.due_date);
  const reason = h('textarea', { name: 'status_reason', id: 'h-reason', rows: 2 }, p.status_reason || '');
  const resolution = h('textarea', { name: 'resolution', id: 'h-resolution', rows: 3 }, p.resolution || '');
  const isPublic = h('input', { type: 'checkbox', name: 'public', id: 'h-public', checked: p.public === true });
  const publicNote = h('textarea', { name: 'public_note', id: 'h-public-note', rows: 2 }, p.public_note || '');
  const msg = h('p.form-msg', { role: 'status' });
  const form =
      h('form.stack', {
          id: 'handling-form',
          onsubmit: async (e) => {
              e.preventDefault();
              const set = {};
              const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
              const supportIds =
                  [...support.querySelectorAll('input[type=checkbox]:checked')].map((o) => o.value);
              const dueDay = readDate(due);
              if (dueDay === null) return;
              const fields = {
                  status: status.value,
                  lead_agency: lead.value || null,
                  support_agencies: supportIds,
                  handling_level: level.value || null,
                  priority: priority.value || null,
                  due_date: dueDay || null,
                  status_reason: reason.value.trim() || null,
                  resolution: resolution.value.trim() || null,
                  public: isPublic.checked,
                  public_note: publicNote.value.trim() || null
              };
              for (const [k, v] of Object.entries(fields)) {
                  const old = k === 'support_agencies' ? (p[k] || []) : k === 'public' ? p[k] === true : p[k];
                  if (!same(v, old) &&
                      !(k === 'support_agencies' && v.length === 0 && old.length === 0))
                      set[k] = v;
              }
              if (Object.keys(set).length === 0) {
                  msg.textContent = t('saved');
                  return;
              }
              try {
                  await api('/petitions/' + p.id + '/handling', {method: 'POST', body: set});
                  onSaved();
              } catch (err) {
                  msg.textContent = errorText(err);
                  msg.className = 'form-msg error';
              }
          }
      },
        h('label', fieldLabel('status'), status), h('label', fieldLabel('lead_agency'), lead),
        support,
        h('div.row-2', h('label', fieldLabel('handling_level'), level),
          h('label', fieldLabel('priority'), priority)),
        h('label', fieldLabel('due_date'), due), h('label', fieldLabel('status_reason'), reason),
        personalTextNote(reason),
        h('label', fieldLabel('resolution'), resolution), personalTextNote(resolution),
        h('fieldset.public-box',
          h('legend', t('publicTitle')),
          h('label.check', isPublic, ' ', t('publicSwitch')),
          h('p.small.muted', t('publicExplain')),
          h('label', fieldLabel('public_note'), publicNote), personalTextNote(publicNote)),
        h('div.form-actions', h('button.primary', {type: 'submit'}, t('save')), msg));
  return form;
}

export async function render(main, { match, isCurrent, rerender, toast }) {
  const id = match[1];
  const [data, refs] = await Promise.all([api('/petitions/' + id), loadRefs()]);
  if (!isCurrent()) return;
  const p = data.petition;
  refs.titles = new Map(data.meeting ? [[data.meeting.id, data.meeting.title]] : []);
  const again = () => rerender();
  const saved = () => { toast(t('saved'), 'ok'); rerender(); };

  const conflictFields = Object.keys(data.conflicts);
  const conflicts = conflictFields.length === 0 ? null : h('section.panel.conflicts', { dataset: { testid: 'conflicts' } },
    h('h2', t('conflicts')), h('p.muted', t('conflictsLead')),
    conflictFields.map((field) => h('div.conflict',
      h('h3', fieldLabel(field)),
      h('ul', data.conflicts[field].map((v) => h('li',
        h('span.value', v.hidden ? t('hiddenPersonal') : formatValue('petition', field, v.value, refs)),
        h('span.meta', `${v.author} · ${fmtTime(v.at)} · ${origin(v, data.serverSite)}`),
        data.canWrite && getSchema().handlingFields.includes(field) ? h('button.small', { type: 'button', onclick: async () => {
          try {
            await api('/petitions/' + id + '/handling', { method: 'POST', body: { [field]: v.value } });
            toast(t('saved'), 'ok');
            again();
          } catch (err) { toast(errorText(err), 'error'); }
        } }, t('useThis')) : null))))));

  const updates = h('section.panel',
    h('h2', t('updates')),
    data.updates.length === 0 ? h('p.muted', t('noUpdates')) :
      h('ul.updates', data.updates.map((u) => h('li', h('p', u.text), h('p.meta', `${u.created_by || ''} · ${u.created_hlc ? fmtTime(Math.floor(u.created_hlc / 65536)) : ''}`)))),
    data.canWrite ? (() => {
      const text = h('textarea', { id: 'u-text', rows: 2, required: true, placeholder: t('addUpdate') });
      return h('form.stack.inline-form', { id: 'update-form', onsubmit: async (e) => {
        e.preventDefault();
        try {
          await api('/updates', { method: 'POST', body: { parent: id, text: text.value.trim() } });
          toast(t('saved'), 'ok');
          again();
        } catch (err) { toast(errorText(err), 'error'); }
      } }, text, personalTextNote(text), h('div.form-actions', h('button', { type: 'submit' }, t('add'))));
    })() : null);

  const reportBacks = h('section.panel', { dataset: { testid: 'report-backs' } },
    h('h2', t('reportBacks')),
    data.reportBacks.length === 0 ? h('p.muted', t('noReportBacks')) :
      h('ul.updates', data.reportBacks.map((r) => h('li',
        h('p', h('span.badge.' + (r.verdict === 'satisfied' ? 'ok' : 'bad'), enumLabel('report_back', 'verdict', r.verdict)),
          r.note ? ' ' + r.note : ''),
        h('p.meta', `${r.created_by || ''} · ${r.created_hlc ? fmtTime(Math.floor(r.created_hlc / 65536)) : ''}`)))));

  mount(main, h('div.page.record',
    h('a.back', { href: '#/petitions' }, t('back')),
    h('div.page-head',
      h('div', h('h1', p.title),
        h('p.receipt-line',
          h('span.muted', fieldLabel('receipt_code'), ': '),
          h('strong.receipt-code', { dataset: { testid: 'receipt-code' } }, p.receipt_code || '—'), ' ',
          h('span.badge' + (p.public ? '.ok' : ''), { dataset: { testid: 'public-badge' } },
            p.public ? t('publicYes') : t('publicNo'))),
        h('p.subtitle', statusBadge(p), p.overdue ? h('span.badge.bad', t('overdueBadge')) : null,
          p.conflicts ? h('span.badge.warn', t('conflictBadge', { n: p.conflicts })) : null,
          ' ', p.unitName, p.parentUnitName ? ', ' + p.parentUnitName : '', ' · ', fmtDate(p.received_at),
          data.meeting ? [' · ', h('a', { href: '#/meetings/' + data.meeting.id }, t('meeting'), ': ', data.meeting.title)] : null)),
      h('div.actions',
        h('a.button', { href: 'receipt.html?id=' + encodeURIComponent(id), target: '_blank', rel: 'noopener', id: 'print-receipt' },
          t('printReceipt')))),
    conflicts,
    attachmentsPanel(data.attachments || []),
    h('div.grid-2.record-grid',
      h('section.panel', { dataset: { testid: 'values' } }, h('h2', t('currentValues')),
        valuesList('petition', p, refs, ['title'], data.meeting ? { meeting: h('a', { href: '#/meetings/' + data.meeting.id }, data.meeting.title) } : {}),
        placeLine(p),
        data.canSeePersonal ? null : h('p.muted.small', t('personalNote'))),
      h('div.side',
        data.canWrite ? h('section.panel', h('h2', t('handling')), handlingForm(p, refs, data.handlingLevels, saved)) : null,
        h('section.panel', { dataset: { testid: 'directives' } }, h('h2', t('directives')), directiveList(data.directives, refs),
          data.canWrite ? directiveForm({ petition: id }, refs, saved) : null),
        reportBacks,
        updates)),
    h('section.panel', h('h2', t('history')), h('p.muted', t('historyLead')), historyTimeline('petition', data.history, refs, data.serverSite))));
}

