// The minutes (biên bản) of a meeting in the layout of Nghị định 30/2020/NĐ-CP, ready to print
// or to save as PDF from the browser (page numbers come from css/print.css). Always in
// Vietnamese: it is an official record. Times are Vietnam time (format.js).
import { api } from './api.js';
import { h } from './dom.js';
import { dateWords, docHeader, issuers, printPage } from './document.js';
import {fmtDate, vietnamParts} from './format.js';

const kBlank = '……………………';

function timeWords(ms) {
    const p = vietnamParts(ms);
    return `${p.hh} giờ ${String(p.mm).padStart(2, '0')} phút`;
}

/** "Lê Thị Mỹ Dung — Trưởng Ban Dân vận" -> "Lê Thị Mỹ Dung" (the signature shows the name). */
const personName = (s) =>
    (s || '').replace(/^(Ông|Bà|Đồng chí)\s+/u, '').split(/\s+[—–-]\s+|,\s*/)[0];

function paragraphs(text) {
    if (!text) return [h('p.blank', kBlank + kBlank + kBlank)];
    return text.split(/\n+/).filter((s) => s.trim()).map((s) => h('p', s));
}

function petitionItem(p) {
    const who = p.petitioner_name ? `Ông/bà ${p.petitioner_name}` : 'Người dân';
    const handlers = [
        p.leadAgencyName ? `${p.leadAgencyName} (chủ trì)` : null, ...(p.supportAgencyNames || [])
    ].filter(Boolean);
    return h(
        'li', h('p', h('strong', p.title), p.description ? ': ' + p.description : ''),
        h('p.sub', h('em', 'Người nêu: '), who, p.location ? ` (${p.location})` : '', '.'),
        h('p.sub', h('em', 'Cơ quan giải quyết: '),
          handlers.length ? handlers.join('; ') : 'chưa giao', '.'));
}

/** The photo annex: the meeting's photos, then each petition's, two to an A4 page, captioned. */
function photoAnnex(data) {
    const photos = [];
    const take = (list, about) => {
        for (const a of list || [])
            if (a.kind === 'photo' && a.available) photos.push({a, about});
    };
    take(data.attachments, '');
    data.petitions.forEach((p, i) => take(p.attachments, `kiến nghị số ${i + 1}: ${p.title}`));
    if (photos.length === 0) return null;
    const pages = [];
    for (let i = 0; i < photos.length; i += 2) pages.push(photos.slice(i, i + 2));
    return h('section.annex', {dataset: {testid: 'annex'}},
      pages.map((pair, k) => h('div.annex-page',
        k === 0 ? h('h2.annex-title', 'PHỤ LỤC ẢNH') : null,
        pair.map(({a, about}, j) => h('figure.annex-photo',
          h('img', {src: a.url, alt: a.caption || 'Ảnh'}),
          h('figcaption', h('strong', `Ảnh ${2 * k + j + 1}. `), a.caption || '',
            about ? ` (${about})` : ''))))));
}

let withAnnex = false;

function render(data) {
  const m = data.meeting;
  const lineage = data.lineage;  // the meeting's unit first, then each unit above it
  const {issuer} = issuers(lineage);
  const attendees = m.attendees || [];
  const secretary = m.secretaryName || '';
  const subtitle = 'Buổi tiếp xúc, đối thoại với nhân dân' +
      (lineage[0] ? ' ' + lineage[0].name : '') +
      (lineage[0] && lineage[0] !== issuer && issuer ? ', ' + issuer.name : '');
  let section = 0;
  const h3 = (text) => h('h3', `${++section}. ${text}`);

  document.title = `Biên bản — ${m.title}`;
  return [
      m.status !== 'finalised' ? h('div.draft-mark', {'aria-hidden': 'true'}, 'DỰ THẢO') : null,
      docHeader(lineage, m.held_at, '/BB-UBND'),
      h('h1.doc-title', 'BIÊN BẢN'),
      h('p.doc-subtitle', subtitle),
      h('p.doc-subject', m.title),
      h('p.doc-rule', ''),
      h('section', h('h2', 'I. THỜI GIAN, ĐỊA ĐIỂM'),
        h('p',
          `Vào lúc ${timeWords(m.held_at)}, ${dateWords(m.held_at)}, tại ${
              m.location || kBlank}.`)),
      h('section', h('h2', 'II. THÀNH PHẦN THAM DỰ'),
        h('p', h('strong', '1. Chủ trì: '), m.chaired_by || kBlank),
        h('p', h('strong', '2. Thư ký: '), secretary || kBlank),
        h('p', h('strong', '3. Đoàn công tác: '), m.delegation || kBlank),
        h('p', h('strong', '4. Đại biểu và thành phần tham dự:')),
        attendees.length ?
            h('ul.attendees', attendees.map((p) => h('li', p.name, p.role ? ` — ${p.role}` : ''))) :
                                                                            h('p.blank', kBlank),
        h('p', h('strong', '5. Người dân tham dự: '),
          m.resident_count !== null && m.resident_count !== undefined ?
              `${m.resident_count} người.` :
              '…… người.')),
      h('section', h('h2', 'III. NỘI DUNG'),
        m.agenda ? [h3('Chương trình'), ...paragraphs(m.agenda)] : null, h3('Diễn biến'),
        ...paragraphs(m.minutes), h3('Ý kiến, kiến nghị của người dân'),
        data.petitions.length ? h('ol.petitions', data.petitions.map(petitionItem)) :
                                h('p', 'Không có kiến nghị.')),
      h('section', h('h2', 'IV. KẾT LUẬN, CHỈ ĐẠO'), ...paragraphs(m.conclusions),
        data.directives.length ?
            [
                h('h3', 'Chỉ đạo giao thực hiện'),
                h('ol.directives',
                  data.directives.map(
                      (d) => h(
                          'li', d.agencyName ? h('strong', d.agencyName + ': ') : null,
                          d.instruction, d.due_date ? ` (hạn ${fmtDate(d.due_date)})` : '',
                          d.issued_by && d.issued_by !== m.chaired_by ? ` — ${d.issued_by}` : '')))
            ] :
            null),
      // The closing sentence and both signatures stay on one page (css: .closing).
      h('div.closing',
        h('p.closing-text',
          `Buổi làm việc kết thúc lúc …… giờ …… phút, ${
              dateWords(
                  m.held_at)}; biên bản đã được đọc lại cho các thành phần dự họp nghe và thông qua.`),
        h('div.signatures',
          h('div.sign', h('p.sign-title', 'THƯ KÝ'), h('p.sign-note', '(Ký, ghi rõ họ tên)'),
            h('p.sign-name', personName(secretary))),
          h('div.sign', h('p.sign-title', 'CHỦ TRÌ'), h('p.sign-note', '(Ký, ghi rõ họ tên)'),
            h('p.sign-name', personName(m.chaired_by))))),
      withAnnex ? photoAnnex(data) : null,
  ];
}

// For the notice board the minutes leave the petitioners out. A role that may see them can tick
// "Kèm thông tin người kiến nghị" and give a reason: the minutes are then fetched with it, and
// the server writes the view into the access log.
const id = new URLSearchParams(location.search).get('id') || '';
const path = '/meetings/' + encodeURIComponent(id);
const draw = await printPage({
    backHref: '/#/meetings/' + encodeURIComponent(id),
    notFound: 'Không tìm thấy buổi họp (hoặc ngoài phạm vi của bạn).',
    load: () => api(path, {params: {print: '1', personal: '0'}}),
    render,
});
// "Kèm phụ lục ảnh": the same minutes with the photo annex after the signatures.
let lastLoad = () => api(path, {params: {print: '1', personal: '0'}});
document.getElementById('with-annex').addEventListener('change', (e) => {
    withAnnex = e.target.checked;
    draw(lastLoad);
});
const tools = document.getElementById('personal-tools');
const tick = document.getElementById('with-personal');
const reasonBox = document.getElementById('personal-reason-box');
const reason = document.getElementById('personal-reason');
const msg = document.getElementById('personal-msg');
try {
    const me = await api('/me');
    tools.hidden = !(me.personalFields && me.personalFields.petition && me.personalFields.petition.length);
} catch {
    tools.hidden = true;
}
tick.addEventListener('change', () => {
    reasonBox.hidden = !tick.checked;
    msg.textContent = '';
    if (tick.checked) reason.focus();
    else draw(lastLoad = () => api(path, {params: {print: '1', personal: '0'}}));
});
document.getElementById('personal-apply').addEventListener('click', () => {
    const why = reason.value.trim();
    if ([...why].length < 5) {
        msg.textContent = 'Vui lòng ghi lý do (ít nhất 5 ký tự).';
        reason.focus();
        return;
    }
    msg.textContent = '';
    draw(lastLoad = () => api(path, {params: {print: '1', reason: why}}));
});
