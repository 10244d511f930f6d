// Dates, numbers and labels as people in Vietnam read them. Times are shown in Vietnam time
// whatever the browser's zone: the offset is the server's (shared calendar.h, sent in
// /api/v1/schema), read once the schema is loaded; nothing is formatted before that.
import {getSchema, lang, t} from './i18n.js';

const offsetMs = () => getSchema().calendar.utcOffsetMinutes * 60000;

/** The Vietnam calendar date and clock time of a UTC ms time: {y, m, d, hh, mm}. */
export function vietnamParts(ms) {
    const d = new Date(ms + offsetMs());
    return {
        y: d.getUTCFullYear(),
        m: d.getUTCMonth() + 1,
        d: d.getUTCDate(),
        hh: d.getUTCHours(),
        mm: d.getUTCMinutes()
    };
}
const p2 = (n) => String(n).padStart(2, '0');

/** 10/03/2023 from ms or "2023-03-10". */
export function fmtDate(v) {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : v;
  }
  const p = vietnamParts(v);
  return `${p2(p.d)}/${p2(p.m)}/${p.y}`;
}

/** 08:30 10/03/2023 */
export function fmtTime(ms) {
  if (ms === null || ms === undefined) return '';
  const p = vietnamParts(ms);
  return `${p2(p.hh)}:${p2(p.mm)} ${p2(p.d)}/${p2(p.m)}/${p.y}`;
}

/** Vietnam calendar date "YYYY-MM-DD" of a ms time. */
export function isoDay(ms) {
    const p = vietnamParts(ms);
    return `${p.y}-${p2(p.m)}-${p2(p.d)}`;
}

export function fmtNumber(n) {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'vi-VN').format(n);
}

export function fmtPercent(x) {
  if (x === null || x === undefined) return '—';
  return new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(x);
}

export function fmtDays(x) {
  if (x === null || x === undefined) return '—';
  return new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 }).format(x);
}

/** Start of a Vietnam day "YYYY-MM-DD" in ms (UTC). */
export function dayStartMs(day) {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d) - offsetMs();
}

/** A date field showing dd/mm/yyyy whatever the browser's language (Chromium's own date input
 *  follows the browser UI and shows 03/10 for 10 March in English builds — misread here). */
export function dateInput(attrs, iso) {
  const input = document.createElement('input');
  input.type = 'text';
  input.inputMode = 'numeric';
  input.placeholder = 'dd/mm/yyyy';
  input.maxLength = 10;
  input.className = 'date-input';
  input.autocomplete = 'off';
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) input.setAttribute(k, v);
  input.value = iso ? fmtDate(iso) : '';
  input.addEventListener('input', () => showDateError(input, ''));
  return input;
}

/** Shows (or clears, with '') the error of a date field as text right after it. */
function showDateError(input, message) {
    const id = (input.id || 'date') + '-error';
    let note =
        input.nextElementSibling && input.nextElementSibling.classList.contains('field-error') ?
        input.nextElementSibling :
        null;
    input.setCustomValidity(message);
    input.classList.toggle('invalid', !!message);
    if (!message) {
        if (note) note.remove();
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
        return;
    }
    if (!note) {
        note = document.createElement('span');
        note.className = 'field-error';
        note.id = id;
        note.setAttribute('role', 'alert');
        input.after(note);
    }
    note.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
}

/**
 * The ISO day of a date field: '' when empty, null when not a real date (then the reason is
 *  shown next to the field and the field takes the focus).
 */
export function readDate(input) {
  const v = input.value.trim();
  if (!v) {
      showDateError(input, '');
      return '';
  }
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  let y, mo, d;
  if (m) { d = +m[1]; mo = +m[2]; y = +m[3]; } else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v))) { y = +m[1]; mo = +m[2]; d = +m[3]; }
  const date = m ? new Date(Date.UTC(y, mo - 1, d)) : null;
  if (!date || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
      const message = !m ?
          t('dateFormat', {v}) :
          mo < 1 || mo > 12 ?
          t('dateNoMonth', {v, m: mo}) :
          t('dateNoDay', {v, d, m: mo, y, n: new Date(Date.UTC(y, mo, 0)).getUTCDate()});
      showDateError(input, message);
      input.focus();
      return null;
  }
  showDateError(input, '');
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The YYYY-MM-DD day `n` days after `day` (before, for negative `n`). */
export function addDays(day, n) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
