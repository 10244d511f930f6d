// The receipt slip (phiếu tiếp nhận kiến nghị) handed to the resident: the receipt code, when
// and where the petition was received, what it is about and how to look it up. No personal
// data: the slip leaves with the resident and may be lost. Two copies on one A4 sheet (one for
// the resident, one kept), cut along the dashed line.
import { api } from './api.js';
import { h } from './dom.js';
import { dateWords, docHeader, printPage } from './document.js';
import { fmtDate } from './format.js';
import { enumLabel } from './i18n.js';

function slip(data, copy) {
  const p = data.petition;
  const lookup = location.origin + '/tra-cuu';
  const row = (label, value) => h('tr', h('th', label), h('td', value || '……………………'));
  return h('section.slip',
    docHeader(data.lineage, p.received_at, '/PTN'),
    h('h1.doc-title', 'PHIẾU TIẾP NHẬN KIẾN NGHỊ'),
    h('p.doc-subject', copy),
    h('p.slip-code', 'Mã tra cứu: ', h('strong', { dataset: { testid: 'slip-code' } }, p.receipt_code)),
    h('table.slip-table',
      row('Ngày tiếp nhận', dateWords(p.received_at)),
      row('Khu phố, địa bàn', [p.unitName, p.parentUnitName].filter(Boolean).join(', ')),
      row('Hình thức', enumLabel('petition', 'channel', p.channel)),
      row('Lĩnh vực', enumLabel('petition', 'category', p.category)),
      row('Nội dung kiến nghị', p.title),
      row('Cơ quan chủ trì giải quyết', p.leadAgencyName),
      row('Hạn giải quyết dự kiến', fmtDate(p.due_date))),
    h('p.slip-lookup',
      'Để biết kết quả, người dân vào trang ', h('strong', lookup),
      ' và nhập mã tra cứu ở trên, hoặc đọc mã này cho cán bộ khu phố.'),
    h('div.signatures',
      h('div.sign'),
      h('div.sign', h('p.sign-title', 'NGƯỜI TIẾP NHẬN'), h('p.sign-note', '(Ký, ghi rõ họ tên)'),
        h('p.sign-name.short', ''))));
}

const id = new URLSearchParams(location.search).get('id') || '';
printPage({
  backHref: '/#/petitions/' + encodeURIComponent(id),
  notFound: 'Không tìm thấy kiến nghị (hoặc ngoài phạm vi của bạn).',
  load: () => api('/petitions/' + encodeURIComponent(id), {params: {personal: '0'}}),
  render: (data) => {
    document.title = 'Phiếu tiếp nhận — ' + data.petition.receipt_code;
    return [slip(data, '(Liên 1: giao người kiến nghị)'), h('hr.cut'), slip(data, '(Liên 2: lưu tại đơn vị)')];
  },
});
