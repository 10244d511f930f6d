// The results notice of a neighbourhood (thông báo kết quả giải quyết kiến nghị) on A4, to post
// on the neighbourhood's notice board: the public petitions received in the period, their
// status and result. Only what the server's public view holds (public_view.h).
import { api } from './api.js';
import { h } from './dom.js';
import { docHeader, issuers, orgName, printPage, upper } from './document.js';
import { fmtDate } from './format.js';
import { enumLabel } from './i18n.js';

function render(n) {
  const {issuer} = issuers(n.lineage);
  document.title = 'Thông báo kết quả — ' + n.heading;
  const status = (p) => {
    const label = enumLabel('petition', 'status', p.status);
    if (p.resolved_at && (p.status === 'resolved' || p.status === 'closed'))
      return `${label} (${fmtDate(p.resolved_at)})`;
    return p.due_date ? `${label} (hạn ${fmtDate(p.due_date)})` : label;
  };
  return [
    docHeader(n.lineage, Date.now(), '/TB-UBND'),
    h('h1.doc-title', 'THÔNG BÁO'),
    h('p.doc-subtitle', 'Kết quả giải quyết kiến nghị của người dân'),
    h('p.doc-subject', `${n.heading}, từ ngày ${fmtDate(n.period.from)} đến ngày ${fmtDate(n.period.to)}`),
    h('p.doc-rule', ''),
    h('section',
      h('p', `${issuer ? orgName(issuer) : 'Đơn vị'} thông báo đến bà con ${n.heading} kết quả giải quyết ` +
        `${n.items.length} kiến nghị tiếp nhận trong thời gian trên như sau:`)),
    n.items.length === 0 ? h('p', 'Không có kiến nghị công khai nào trong thời gian này.') :
      h('table.notice-table', { dataset: { testid: 'notice-table' } },
        h('thead', h('tr', h('th', 'STT'), h('th', 'Nội dung kiến nghị'), h('th', 'Cơ quan chủ trì'),
          h('th', 'Tình trạng'), h('th', 'Kết quả giải quyết'))),
        h('tbody', n.items.map((p, i) => h('tr',
          h('td.num', String(i + 1)),
          h('td', h('strong', p.title), h('br'), h('span.small', 'Mã ', h('span.notice-code', p.receipt_code), ` · ${enumLabel('petition', 'category', p.category)} · tiếp nhận ${fmtDate(p.received_at)}`)),
          h('td', p.agencyName || ''),
          h('td', status(p)),
          h('td', p.resolution || '', p.public_note ? [h('br'), h('em', p.public_note)] : null))))),
    h('section',
      h('p', 'Người dân tra cứu kiến nghị của mình bằng mã trên phiếu tiếp nhận tại ',
        h('strong', n.lookupUrl || '/tra-cuu'), '. Ý kiến về kết quả giải quyết xin gửi về cán bộ khu phố hoặc nêu tại buổi tiếp xúc kỳ tới.')),
    h('div.signatures',
      h('div.sign', h('p.sign-title.left', 'Nơi nhận:'), h('p.sign-note.left', '- Bảng tin khu phố;'), h('p.sign-note.left', '- Lưu: VT.')),
      h('div.sign', h('p.sign-title', issuer ? 'TM. ' + upper(orgName(issuer)) : ''), h('p.sign-note', '(Ký, ghi rõ họ tên, đóng dấu)'),
        h('p.sign-name', ''))),
  ];
}

const q = new URLSearchParams(location.search);
printPage({
  backHref: '/#/notice?' + q.toString(),
  notFound: 'Không tìm thấy địa bàn này trong phạm vi của bạn.',
  load: () => api('/results-notice', { params: { unit: q.get('unit') || '', from: q.get('from') || '', to: q.get('to') || '', origin: location.origin } }),
  render,
});
