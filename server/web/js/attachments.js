// Photos and documents of a record (server/API.md "Attachments on the dashboard"): a gallery of
// thumbnails that opens a full-size viewer, documents as links with their type and size, what
// has not arrived from the tablet yet, where the record was made, and the upload of a
// directive's result file.
import { ApiError, upload } from './api.js';
import { h } from './dom.js';
import { errorText, lang, t } from './i18n.js';

const kTypes = {
  'image/jpeg': { label: 'typeJpeg', ext: ['jpg', 'jpeg'] },
  'application/pdf': { label: 'typePdf', ext: ['pdf'] },
  'application/msword': { label: 'typeWord', ext: ['doc'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'typeWord', ext: ['docx'] },
  'application/vnd.ms-excel': { label: 'typeExcel', ext: ['xls'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'typeExcel', ext: ['xlsx'] },
  'application/vnd.oasis.opendocument.text': { label: 'typeOdt', ext: ['odt'] },
  'application/vnd.oasis.opendocument.spreadsheet': { label: 'typeOds', ext: ['ods'] },
};

/** "1,2 MB", "350 KB" (decimal comma in Vietnamese). */
export function fmtBytes(n) {
  if (n === null || n === undefined) return '';
  const f = (x, d) => new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: d }).format(x);
  if (n < 1024) return f(n, 0) + ' B';
  if (n < 1024 * 1024) return f(n / 1024, 0) + ' KB';
  return f(n / (1024 * 1024), 1) + ' MB';
}

/** The kind of a file as people name it ("PDF", "Word"). */
export function typeLabel(mime) {
  return kTypes[mime] ? t(kTypes[mime].label) : mime || '';
}

/** The MIME type of a file the browser picked, from its type or else its extension; '' when
 *  the server would not take it. */
function mimeOf(file) {
  if (kTypes[file.type]) return file.type;
  const ext = (file.name.split('.').pop() || '').toLowerCase();
  for (const [mime, def] of Object.entries(kTypes)) if (def.ext.includes(ext)) return mime;
  return '';
}

/** Degrees ×10⁶ as stored → "10,776900". */
function degrees(v) {
  return new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'vi-VN', { minimumFractionDigits: 6, maximumFractionDigits: 6 }).format(v / 1e6);
}

/** Where a petition or meeting was recorded (place_lat/place_lon/place_accuracy), with a link
 *  to OpenStreetMap there; null when the tablet recorded no place. */
export function placeLine(row) {
  if (row.place_lat === null || row.place_lat === undefined || row.place_lon === null || row.place_lon === undefined) return null;
  const lat = (row.place_lat / 1e6).toFixed(6), lon = (row.place_lon / 1e6).toFixed(6);
  const href = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`;
  return h('p.place', { dataset: { testid: 'place' } },
    h('strong', t('placeLabel'), ': '),
    `${degrees(row.place_lat)}, ${degrees(row.place_lon)}`,
    row.place_accuracy !== null && row.place_accuracy !== undefined ? ' ' + t('placeAccuracy', { m: row.place_accuracy }) : '',
    ' · ', h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, t('placeMap')));
}

/** The full-size viewer of `photos` (a modal dialog: caption, previous/next, arrows, Esc). */
function openViewer(photos, start) {
  let index = start;
  const img = h('img.viewer-img', { alt: '' });
  const caption = h('p.viewer-caption', { id: 'viewer-caption' });
  const counter = h('span.viewer-count');
  const prev = h('button.viewer-prev', { type: 'button', 'aria-label': t('photoPrev') }, '‹');
  const next = h('button.viewer-next', { type: 'button', 'aria-label': t('photoNext') }, '›');
  const close = h('button.viewer-close', { type: 'button', 'aria-label': t('close') }, '×');
  const dialog = h('dialog.viewer', { 'aria-labelledby': 'viewer-caption', dataset: { testid: 'photo-viewer' } },
    h('div.viewer-bar', counter, close),
    h('div.viewer-stage', prev, h('figure', img, caption), next));
  const show = (i) => {
    index = (i + photos.length) % photos.length;
    const p = photos[index];
    img.src = p.url;
    img.alt = p.caption || t('photo');
    caption.textContent = p.caption || t('photoNoCaption');
    counter.textContent = t('photoCount', { i: index + 1, n: photos.length });
    prev.hidden = next.hidden = photos.length < 2;
  };
  prev.addEventListener('click', () => show(index - 1));
  next.addEventListener('click', () => show(index + 1));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowLeft') { e.preventDefault(); show(index - 1); }
    if (e.key === 'ArrowRight') { e.preventDefault(); show(index + 1); }
  });
  dialog.addEventListener('click', (e) => { if (e.target === dialog) dialog.close(); });
  const opener = document.activeElement;
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener && opener.focus) opener.focus();
  });
  document.body.append(dialog);
  show(index);
  dialog.showModal();
  close.focus();
  return dialog;
}

/** The "Ảnh và tài liệu" panel of a record; `extra`: a node under the list (the upload form).
 *  Null for a record with nothing attached and nothing to add. */
export function attachmentsPanel(list, extra = null) {
  if (list.length === 0 && !extra) return null;
  const photos = list.filter((a) => a.kind === 'photo');
  const documents = list.filter((a) => a.kind !== 'photo');
  const shown = photos.filter((a) => a.available);
  const pending = () => h('span.pending', t('attachmentPending'));
  const gallery = photos.length === 0 ? null : h('ul.gallery', photos.map((a) => h('li',
    a.available ?
      h('button.thumb', { type: 'button', dataset: { id: a.id }, 'aria-label': t('photoOpen', { c: a.caption || t('photo') }),
          onclick: () => openViewer(shown, shown.indexOf(a)) },
        h('img', { src: a.thumb_url || a.url, alt: a.caption || t('photo'), loading: 'lazy' })) :
      h('div.thumb.thumb-pending', { dataset: { id: a.id } }, pending()),
    h('span.thumb-caption', a.caption || ''))));
  const docs = documents.length === 0 ? null : h('ul.documents', documents.map((a) => h('li', { dataset: { id: a.id } },
    a.available ? h('a', { href: a.url, target: '_blank', rel: 'noopener' }, a.caption || a.file_name || t('document')) :
      h('span', a.caption || a.file_name || t('document')),
    ' ', h('span.muted.small', [typeLabel(a.mime), fmtBytes(a.size), a.caption && a.file_name ? a.file_name : null].filter(Boolean).join(' · ')),
    a.available ? null : [' ', pending()])));
  return h('section.panel.attachments', { dataset: { testid: 'attachments' } },
    h('h2', t('attachmentsTitle'), list.length ? h('span.count', ` (${list.length})`) : null),
    list.length === 0 ? h('p.muted', t('noAttachments')) : null,
    gallery, docs, extra);
}

/** A size check message, or '' when the file may be sent. */
export function uploadRefusal(file, limits) {
  if (!mimeOf(file)) return t('uploadBadType', { name: file.name });
  const max = limits && limits.max_file_bytes;
  if (max && file.size > max) return t('uploadTooLarge', { name: file.name, size: fmtBytes(file.size), max: fmtBytes(max) });
  if (file.size === 0) return t('uploadEmpty', { name: file.name });
  return '';
}

/** The form that attaches a result document or photo to a directive. */
export function uploadForm(directiveId, limits, onSaved) {
  const accept = Object.values(kTypes).flatMap((d) => d.ext.map((e) => '.' + e)).join(',');
  const file = h('input', { type: 'file', id: 'att-file', accept, required: true });
  const caption = h('input', { type: 'text', id: 'att-caption', maxlength: 200, placeholder: t('attachmentCaptionHint') });
  const msg = h('p.form-msg', { role: 'status', id: 'att-msg' });
  const button = h('button.primary', { type: 'submit' }, t('attachmentSend'));
  const fail = (text) => { msg.textContent = text; msg.className = 'form-msg error'; };
  file.addEventListener('change', () => {
    const f = file.files[0];
    const refusal = f ? uploadRefusal(f, limits) : '';
    if (refusal) fail(refusal); else { msg.textContent = ''; msg.className = 'form-msg'; }
  });
  return h('form.stack.inline-form', { id: 'attachment-form', onsubmit: async (e) => {
    e.preventDefault();
    const f = file.files[0];
    if (!f) return fail(t('uploadNoFile'));
    const refusal = uploadRefusal(f, limits);
    if (refusal) return fail(refusal);
    const mime = mimeOf(f);
    const headers = { 'Content-Type': mime, 'X-File-Name': encodeURIComponent(f.name), 'X-Caption': encodeURIComponent(caption.value.trim()) };
    if (mime === 'image/jpeg' && window.createImageBitmap) {
      try {
        const bitmap = await createImageBitmap(f);
        headers['X-Image-Width'] = String(bitmap.width);
        headers['X-Image-Height'] = String(bitmap.height);
        bitmap.close();
      } catch { /* not a readable photo: sent without its size */ }
    }
    button.disabled = true;
    msg.textContent = t('uploading', { size: fmtBytes(f.size) });
    msg.className = 'form-msg';
    try {
      await upload('/directives/' + directiveId + '/attachments', f, headers);
      onSaved();
    } catch (err) {
      fail(err instanceof ApiError && err.code === 'file_too_large' ? t('uploadTooLarge', { name: f.name, size: fmtBytes(f.size), max: fmtBytes(limits && limits.max_file_bytes) }) : errorText(err));
    } finally {
      button.disabled = false;
    }
  } },
    h('h3', t('attachmentAdd')),
    h('label', t('attachmentFile'), file),
    h('p.small.muted', t('attachmentLimitHint', { max: fmtBytes(limits && limits.max_file_bytes) })),
    h('label', t('attachmentCaption'), caption),
    h('div.form-actions', button, msg));
}
