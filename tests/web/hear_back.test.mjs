// "Nói dân nghe" on the dashboard: the receipt slip and the results notice printed to PDF by
// headless Chromium and read back with pdftotext (Vietnamese intact, nothing personal on
// them), a tablet's report-back shown after sync, and a supervisor making a petition public.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { getJson, openBrowser, printedPdf, signIn, startServer, tabletOf, waitRendered } from './harness.mjs';

const kMarkers = {
  petitioner_name: 'Markername Tưởngtượng',
  petitioner_contact: '0999 111 222',
  description: 'MARKERDESC nhà số 99 bí mật',
  status_reason: 'MARKERREASON ghi chú nội bộ',
};
// Where the tablet recorded the petition: for signed-in readers only, never public.
const kPlace = { place_lat: 10771234, place_lon: 106699876, place_accuracy: 9 };
const kPlaceTexts = ['10771234', '106699876', '10.771234', '106.699876', '10,771234', '106,699876', '10.77123', '106.69987'];
const kTitle = 'Đèn chiếu sáng hẻm 215 Nguyễn Thiện Thuật hư hỏng kéo dài';
const kHidden = 'Kiến nghị chưa công khai về việc lấn chiếm vỉa hè';
const kKp = 'q3-p4-kp5';

let server, base, q3, tmp, tablet, publicId, hiddenId;

before(async () => {
  server = await startServer();
  base = server.url;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nghedan-hear-back-'));
  tablet = await tabletOf(base, 'canbo.q3');
  const agencies = (await tablet.get('/agencies')).rows;
  const lead = agencies.find((a) => /Phường 4/.test(a.name)) || agencies[0];
  const received = Date.now() - 12 * 86400e3;
  publicId = await tablet.write('petition', kKp, {
    received_at: received, channel: 'meeting', category: 'urban_transport', title: kTitle,
    status: 'resolved', resolution: 'Đã thay 4 bóng đèn LED và sửa tủ điện.', resolved_at: received + 5 * 86400e3,
    lead_agency: lead.id, due_date: '2031-12-31', public: true, public_note: 'Điện lực đã kiểm tra lại.',
    ...kMarkers, ...kPlace,
  });
  hiddenId = await tablet.write('petition', kKp, {
    received_at: received, channel: 'meeting', category: 'urban_transport', title: kHidden,
    status: 'received', petitioner_name: 'Người Không Công Khai',
  });
  // At the next visit the residents are not satisfied: the tablet records it and reopens.
  await tablet.write('report_back', kKp, { petition: publicId, verdict: 'unsatisfied', note: 'Đèn lại tắt sau hai ngày' });
  q3 = await openBrowser();
  await signIn(q3.page, base, 'giamsat.q3');
});

after(async () => {
  if (q3) await q3.close();
  if (server) await server.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function printed(page, name) {
  const pages = await printedPdf(page, path.join(tmp, name + '.pdf'));
  return { pages, text: pages.map((p) => p.words.map((w) => w.text).join(' ')).join('\n') };
}

const kMm = 72 / 25.4;

/** The phrase is on the page (the DOM, exactly) and in the PDF, every word with its
 *  diacritics (PDF text runs table columns and wrapped lines together). */
function assertPrinted(dom, pdf, phrase, where) {
  assert.ok(dom.replace(/\s+/g, ' ').includes(phrase), `${where} shows "${phrase}"`);
  const words = new Set(pdf.split(/\s+/));
  for (const w of phrase.split(' '))
    assert.ok(words.has(w) || pdf.includes(w), `${where} prints "${w}" of "${phrase}"`);
}

function assertNoMarkers(text, where) {
  for (const [field, marker] of Object.entries(kMarkers))
    for (const word of marker.split(' ').filter((w) => w.length > 4))
      assert.ok(!text.includes(word), `${where} shows ${field} ("${word}")`);
}

describe('residents hear back', () => {
  test('the petition page shows the receipt code and the tablet\'s report-back after sync', async () => {
    const { page } = q3;
    const p = (await getJson(page, base, '/petitions/' + publicId)).body;
    assert.match(p.petition.receipt_code, /^KN-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    await page.goto(base + '/#/petitions/' + publicId);
    await waitRendered(page);
    assert.equal(await page.textContent('[data-testid="receipt-code"]'), p.petition.receipt_code);
    assert.equal(await page.textContent('[data-testid="public-badge"]'), 'Đã công khai');
    const backs = await page.textContent('[data-testid="report-backs"]');
    assert.match(backs, /Chưa hài lòng/);
    assert.match(backs, /Đèn lại tắt sau hai ngày/);
    assert.match(backs, /canbo\.q3/);
    // The code typed into the list's search finds the petition.
    const found = (await getJson(page, base, '/petitions?q=' + encodeURIComponent(p.petition.receipt_code.toLowerCase()))).body;
    assert.deepEqual(found.rows.map((r) => r.id), [publicId]);
  });

  test('the overview counts residents\' verdicts by unit and by agency', async () => {
    const { page } = q3;
    const today = (await getJson(page, base, '/me')).body.today;
    const o = (await getJson(page, base, `/overview?from=${today.slice(0, 4)}-01-01&to=${today}`)).body;
    assert.ok(o.petitions.unsatisfied >= 1);
    const unitTotal = o.byUnit.reduce((s, r) => s + r.satisfied + r.unsatisfied, 0);
    const agencyTotal = o.byAgency.reduce((s, r) => s + r.satisfied + r.unsatisfied, 0);
    assert.equal(unitTotal, o.petitions.satisfied + o.petitions.unsatisfied);
    assert.equal(agencyTotal, o.petitions.satisfied + o.petitions.unsatisfied);
    await page.goto(`${base}/#/?from=${today.slice(0, 4)}-01-01&to=${today}`);
    await waitRendered(page);
    const card = await page.textContent('[data-testid="acceptance"]');
    assert.match(card, new RegExp(`${o.petitions.satisfied} hài lòng / ${o.petitions.unsatisfied} chưa hài lòng`));
  });

  test('the receipt slip prints on one landscape A4 sheet, two copies, with the code and no personal data', async () => {
    const { page } = q3;
    const code = (await getJson(page, base, '/petitions/' + publicId)).body.petition.receipt_code;
    await page.goto(`${base}/receipt.html?id=${publicId}`);
    await page.waitForSelector('#receipt[data-ready="1"]');
    const dom = await page.textContent('#receipt');
    const { pages, text } = await printed(page, 'receipt');
    assert.equal(pages.length, 1, 'one sheet');
    assert.ok(Math.abs(pages[0].width - 297 * kMm) < 2 && Math.abs(pages[0].height - 210 * kMm) < 2, 'A4 landscape');
    assert.equal(text.split('PHIẾU TIẾP NHẬN KIẾN NGHỊ').length - 1, 2, 'two copies');
    assert.equal(text.split(code).length - 1, 2, 'the code on each copy');
    for (const phrase of ['Liên 1: giao người kiến nghị', 'Liên 2: lưu tại đơn vị', 'Khu phố 5, Phường 4',
      'Trật tự đô thị, giao thông', 'ỦY BAN NHÂN DÂN PHƯỜNG 4', kTitle])
      assertPrinted(dom, text, phrase, 'the slip');
    assert.ok(dom.includes(base + '/tra-cuu'), 'where to look the code up');
    assertNoMarkers(text, 'the receipt slip');
    assertNoMarkers(dom, 'the receipt page');
  });

  test('the results notice: text to paste and an A4 page with only public petitions and fields', async () => {
    const { page } = q3;
    const today = (await getJson(page, base, '/me')).body.today;
    const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    await page.goto(`${base}/#/notice?unit=${kKp}&from=${from}&to=${today}`);
    await waitRendered(page);
    const text = await page.inputValue('#notice-text');
    assert.match(text, /^THÔNG BÁO KẾT QUẢ GIẢI QUYẾT KIẾN NGHỊ\nKhu phố 5, Phường 4\n/);
    assert.ok(text.includes(kTitle));
    assert.ok(text.includes('Kết quả: Đã thay 4 bóng đèn LED và sửa tủ điện.'));
    assert.ok(text.includes(base + '/tra-cuu'), 'where to look a code up');
    assert.ok(!text.includes(kHidden), 'a petition not made public stays out');
    assertNoMarkers(text, 'the notice text');

    await page.goto(`${base}/notice.html?unit=${kKp}&from=${from}&to=${today}`);
    await page.waitForSelector('#notice[data-ready="1"]');
    const dom = await page.textContent('#notice');
    const { pages, text: pdf } = await printed(page, 'notice');
    assert.ok(pages.length >= 1);
    for (const phrase of ['THÔNG BÁO', 'Kết quả giải quyết kiến nghị của người dân', 'ỦY BAN NHÂN DÂN PHƯỜNG 4',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Đã thay 4 bóng đèn LED và sửa tủ điện.', 'Điện lực đã kiểm tra lại.'])
      assertPrinted(dom, pdf, phrase, 'the notice');
    assert.ok(!pdf.includes('Lấn chiếm') && !pdf.includes('lấn chiếm'), 'no petition that is not public');
    assertNoMarkers(pdf, 'the printed notice');
    assertNoMarkers(dom, 'the notice page');
  });

  test('a resident looks a code up on a phone: no sign-in, no cookie, nothing personal, fits 360 px', async () => {
    const code = (await getJson(q3.page, base, '/petitions/' + publicId)).body.petition.receipt_code;
    const phone = await openBrowser({ width: 360, height: 740 });
    try {
      const { page } = phone;
      await page.goto(base + '/tra-cuu');
      // Typed as people type it: lower case, spaces instead of dashes.
      await page.fill('#ma', code.toLowerCase().replace(/-/g, ' '));
      await page.click('button[type=submit]');
      await page.waitForSelector('section h2');
      const text = await page.textContent('main');
      for (const phrase of [kTitle, code, 'Trật tự đô thị, giao thông', 'Khu phố 5, Phường 4', 'Đã giải quyết',
        'Đã thay 4 bóng đèn LED và sửa tủ điện.', 'Điện lực đã kiểm tra lại.'])
        assert.ok(text.includes(phrase), `the lookup shows "${phrase}"`);
      assertNoMarkers(text, 'the lookup page');
      // The place the tablet recorded stays off every public output: lookup, Open311, feed.
      const signedIn = (await getJson(q3.page, base, '/petitions/' + publicId)).body.petition;
      assert.equal(signedIn.place_lat, kPlace.place_lat, 'a signed-in reader sees the place');
      const open311 = await (await fetch(`${base}/open311/v2/requests.json`)).text();
      const feed = await (await fetch(`${base}/feed/${kKp}.atom`)).text();
      assert.ok(open311.includes(kTitle), 'Open311 lists the public petition');
      for (const [name, out] of [['the lookup page', text + await page.content()], ['Open311', open311], ['the feed', feed]])
        for (const p of kPlaceTexts) assert.ok(!out.includes(p), `${name} shows no coordinate (${p})`);
      assert.ok(!text.includes('Đèn lại tắt'), 'the residents\' verdict note is not public');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling at 360 px');
      assert.deepEqual(await phone.context.cookies(), [], 'no cookie');
      // A petition that is not public reads like a code that does not exist.
      const hiddenCode = (await getJson(q3.page, base, '/petitions/' + hiddenId)).body.petition.receipt_code;
      const hiddenReply = await fetch(`${base}/tra-cuu?ma=${hiddenCode}`);
      const unknownReply = await fetch(`${base}/tra-cuu?ma=KN-2222-2222-2222`);
      assert.equal(hiddenReply.status, unknownReply.status);
      assert.equal((await hiddenReply.text()).replaceAll(hiddenCode, 'X'), (await unknownReply.text()).replaceAll('KN-2222-2222-2222', 'X'));
    } finally {
      await phone.close();
    }
  });

  test('a supervisor makes a petition public from the handling form; it enters the history', async () => {
    const { page } = q3;
    await page.goto(base + '/#/petitions/' + hiddenId);
    await page.waitForSelector('#handling-form');
    assert.equal(await page.textContent('[data-testid="public-badge"]'), 'Chưa công khai');
    await page.check('#h-public');
    await page.fill('#h-public-note', 'Phường đang kiểm tra hiện trường.');
    await page.click('#handling-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('[data-testid="public-badge"]')?.textContent === 'Đã công khai');
    const after = (await getJson(page, base, '/petitions/' + hiddenId)).body;
    assert.equal(after.petition.public, true);
    assert.equal(after.petition.public_note, 'Phường đang kiểm tra hiện trường.');
    const written = after.history.filter((v) => v.field === 'public' || v.field === 'public_note');
    assert.deepEqual(written.map((v) => [v.field, v.author]).sort(), [['public', 'giamsat.q3'], ['public_note', 'giamsat.q3']]);
  });
});
