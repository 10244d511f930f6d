// The minutes (biên bản) of a meeting in the Vietnamese administrative layout, ready to print
// or to save as PDF from the browser. Always in Vietnamese: it is an official record.
import { api } from './api.js';
import { h, mount } from './dom.js';
import { fmtDate } from './format.js';
import { setSchema } from './i18n.js';

const kOffsetMs = 7 * 3600 * 1000;

function vnParts(ms) {
  const d = new Date(ms + kOffsetMs);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), hh: d.getUTCHours(), mm: d.getUTCMinutes() };
}

/** "ngày 10 tháng 3 năm 2023"; days under 10 and months 1–2 take a leading zero (Nghị định 30/2020). */
export function dateWords(ms) {
  const p = vnParts(ms);
  const day = p.d < 10 ? '0' + p.d : String(p.d);
  const month = p.m < 3 ? '0' + p.m : String(p.m);
  return `ngày ${day} tháng ${month} năm ${p.y}`;
}

function timeWords(ms) {
  const p = vnParts(ms);
  return `${p.hh} giờ ${String(p.mm).padStart(2, '0')} phút`;
}

const upper = (s) => (s || '').toLocaleUpperCase('vi');
/** "Lê Thị Mỹ Dung — Trưởng Ban Dân vận" -> "Lê Thị Mỹ Dung" (the signature shows the name). */
const personName = (s) => (s || '').split(/\s+[—–-]\s+|,\s*/)[0];

function paragraphs(text) {
  if (!text) return [h('p.blank', '……………………………………………………………………')];
  return text.split(/\n+/).filter((s) => s.trim()).map((s) => h('p', s));
}

function render(data) {
  const m = data.meeting;
  const lineage = data.lineage;  // the meeting's unit first, then each unit above it
  const issuerIndex = lineage.length > 1 && lineage[0].level === 'neighbourhood' ? 1 : 0;
  const issuer = lineage[issuerIndex];
  const above = lineage[issuerIndex + 1];
  const placeUnit = lineage.find((u) => u.level === 'ward') || issuer || lineage[0];
  const orgName = (u) => (u ? (u.level === 'city' || u.level === 'district' || u.level === 'ward' ? 'Ủy ban nhân dân ' : '') + u.name : '');
  const attendees = m.attendees || [];
  const title = 'Buổi tiếp xúc, đối thoại với nhân dân' + (lineage[0] ? ' ' + lineage[0].name : '');

  document.title = `Biên bản — ${m.title}`;
  return [
    m.status !== 'finalised' ? h('div.draft-mark', { 'aria-hidden': 'true' }, 'DỰ THẢO') : null,
    h('header.doc-header',
      h('div.issuer',
        above ? h('p.issuer-above', upper(orgName(above))) : null,
        h('p.issuer-name', upper(orgName(issuer))),
        h('p.rule', '')),
      h('div.motto',
        h('p.nation', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
        h('p.motto-line', 'Độc lập - Tự do - Hạnh phúc'),
        h('p.place-date', `${placeUnit ? placeUnit.name : ''}, ${dateWords(m.held_at)}`))),
    h('h1.doc-title', 'BIÊN BẢN'),
    h('p.doc-subtitle', title),
    h('p.doc-subject', m.title),
    h('section',
      h('h2', 'I. THỜI GIAN, ĐỊA ĐIỂM'),
      h('p', `Vào lúc ${timeWords(m.held_at)}, ${dateWords(m.held_at)}, tại ${m.location || '……………………'}.`)),
    h('section',
      h('h2', 'II. THÀNH PHẦN THAM DỰ'),
      h('p', h('strong', '1. Chủ trì: '), m.chaired_by || '……………………'),
      h('p', h('strong', '2. Đoàn công tác: '), m.delegation || '……………………'),
      h('p', h('strong', '3. Đại biểu và thành phần tham dự:')),
      attendees.length ? h('ul.attendees', attendees.map((p) => h('li', p.name, p.role ? ` — ${p.role}` : ''))) : h('p.blank', '……………………'),
      h('p', h('strong', '4. Người dân: '), m.resident_count !== null && m.resident_count !== undefined ? `${m.resident_count} người.` : '…… người.'),
      h('p', h('strong', '5. Thư ký: '), m.recorded_by || '……………………')),
    h('section',
      h('h2', 'III. NỘI DUNG'),
      m.agenda ? [h('h3', '1. Chương trình'), ...paragraphs(m.agenda)] : null,
      h('h3', (m.agenda ? '2' : '1') + '. Diễn biến'), ...paragraphs(m.minutes),
      h('h3', (m.agenda ? '3' : '2') + '. Ý kiến, kiến nghị của người dân'),
      data.petitions.length ? h('ol.petitions', data.petitions.map((p) => h('li', h('strong', p.title), p.description ? ': ' + p.description : ''))) : h('p', 'Không có kiến nghị.')),
    h('section',
      h('h2', 'IV. KẾT LUẬN'),
      ...paragraphs(m.conclusions),
      data.directives.length ? [h('h3', 'Chỉ đạo giao thực hiện'),
        h('ol.directives', data.directives.map((d) => h('li', d.agencyName ? h('strong', d.agencyName + ': ') : null, d.instruction,
          d.due_date ? ` (hạn ${fmtDate(d.due_date)})` : '')))] : null),
    h('section.signatures',
      h('div.sign', h('p.sign-title', 'THƯ KÝ'), h('p.sign-note', '(Ký, ghi rõ họ tên)'), h('p.sign-name', personName(m.recorded_by))),
      h('div.sign', h('p.sign-title', 'CHỦ TRÌ'), h('p.sign-note', '(Ký, ghi rõ họ tên)'), h('p.sign-name', personName(m.chaired_by)))),
  ];
}

async function main() {
  const id = new URLSearchParams(location.search).get('id') || '';
  const root = document.getElementById('minutes');
  document.getElementById('print-button').addEventListener('click', () => window.print());
  document.getElementById('back-link').href = '/#/meetings/' + encodeURIComponent(id);
  try {
    setSchema(await api('/schema'));
    const data = await api('/meetings/' + encodeURIComponent(id));
    mount(root, render(data));
    root.dataset.ready = '1';
  } catch (e) {
    mount(root, h('p.error', e.status === 404 ? 'Không tìm thấy buổi tiếp xúc (hoặc ngoài phạm vi của bạn).'
      : e.status === 401 ? 'Vui lòng đăng nhập bảng điều hành trước.' : 'Có lỗi: ' + e.message));
    root.dataset.ready = 'error';
  }
}

main();
