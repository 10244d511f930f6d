// The parts every printed document shares in the layout of Nghị định 30/2020/NĐ-CP: the
// issuing body and the national title, dates in words, and the page's loading and errors.
// The minutes (print.js), the receipt slip (receipt.js) and the results notice (notice-print.js)
// use them. Always Vietnamese: these are official papers.
import { h, mount } from './dom.js';
import { vietnamParts } from './format.js';
import { setSchema } from './i18n.js';
import { api } from './api.js';

/** "ngày 10 tháng 3 năm 2023"; days under 10 and months 1–2 take a leading zero (Nghị định 30/2020). */
export function dateWords(ms) {
    const p = vietnamParts(ms);
    const day = p.d < 10 ? '0' + p.d : String(p.d);
    const month = p.m < 3 ? '0' + p.m : String(p.m);
    return `ngày ${day} tháng ${month} năm ${p.y}`;
}

export const upper = (s) => (s || '').toLocaleUpperCase('vi');

/**
 * The body that issues a document: the unit above a neighbourhood (which issues nothing),
 *  else the unit itself; and the body above it. `lineage` is nearest first.
 */
export function issuers(lineage) {
    const at = lineage.length > 1 && lineage[0].level === 'neighbourhood' ? 1 : 0;
    return {issuer: lineage[at], above: lineage[at + 1]};
}

/** "Ủy ban nhân dân Phường 4" for an administrative unit; a neighbourhood keeps its name. */
export const orgName = (u) => (u ? (u.level !== 'neighbourhood' ? 'Ủy ban nhân dân ' : '') + u.name : '');

/** The header: issuer and number (`numberSuffix`, e.g. "/BB-UBND") left, national title and
 *  "<place>, <date in words>" right. */
export function docHeader(lineage, ms, numberSuffix) {
    const {issuer, above} = issuers(lineage);
    return h('header.doc-header',
        h('div.issuer', above ? h('p.issuer-above', upper(orgName(above))) : null,
          h('p.issuer-name', upper(orgName(issuer))), h('p.rule', ''),
          h('p.doc-number', 'Số: ', h('span.number-blank', '……'), numberSuffix)),
        h('div.motto', h('p.nation', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
          h('p', h('span.motto-line', 'Độc lập - Tự do - Hạnh phúc')),
          h('p.place-date', `${issuer ? issuer.name : ''}, ${dateWords(ms)}`)));
}

/**
 * Loads a printed document: wires the toolbar, reads the schema, then `load()` and `render(data)`
 *  into the page's article; marks it data-ready="1" (or "error" with a Vietnamese message) for
 *  tests and tools. Returns a function that draws the document again from another `load`.
 */
export async function printPage({ backHref, notFound, load, render }) {
    const root = document.querySelector('article.page');
    document.getElementById('print-button').addEventListener('click', () => window.print());
    document.getElementById('back-link').href = backHref;
    const draw = async (loadNow) => {
        delete root.dataset.ready;
        try {
            mount(root, render(await loadNow()));
            // Ready once its pictures are decoded (a photo annex), so that printing shows them.
            await Promise.all([...root.querySelectorAll('img')].map((img) => img.decode().catch(() => {})));
            root.dataset.ready = '1';
        } catch (e) {
            mount(root, h('p.error',
                e.status === 404 ? notFound :
                e.status === 401 ? 'Vui lòng đăng nhập bảng điều hành trước.' :
                e.code === 'access_reason_required' ? 'Cần ghi lý do (ít nhất 5 ký tự).' : 'Có lỗi: ' + e.message));
            root.dataset.ready = 'error';
        }
    };
    try {
        setSchema(await api('/schema'));
    } catch (e) {
        mount(root, h('p.error', e.status === 401 ? 'Vui lòng đăng nhập bảng điều hành trước.' : 'Có lỗi: ' + e.message));
        root.dataset.ready = 'error';
        return draw;
    }
    await draw(load);
    return draw;
}
