// Photos and documents on the dashboard (issue #16): the demo's photos in a petition's gallery
// and the full-size viewer, a tablet's attachment whose bytes have not arrived, a supervisor's
// PDF attached to a directive, a file over the limit refused in the browser, the exports' links,
// the minutes' photo annex printed to PDF, and scope: a Q12 supervisor never gets a Q3 photo.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { getJson, openBrowser, parseCsv, printedPdf, signIn, startServer, tabletOf, waitRendered } from './harness.mjs';

let server, base, q3, q12, tmp, chip, coach;

/** A petition of the article's stories in the demo, by its title, with the detail reply. */
async function petitionByTitle(page, title) {
  const rows = (await getJson(page, base, '/petitions?q=' + encodeURIComponent('"' + title + '"'))).body.rows;
  const row = rows.find((r) => r.title === title);
  assert.ok(row, `the demo has the petition "${title}"`);
  return (await getJson(page, base, '/petitions/' + row.id)).body;
}

before(async () => {
  server = await startServer();
  base = server.url;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nghedan-attachments-'));
  q3 = await openBrowser();
  await signIn(q3.page, base, 'giamsat.q3');
  q12 = await openBrowser();
  await signIn(q12.page, base, 'giamsat.q12');
  chip = await petitionByTitle(q3.page, 'Người dân mất thông tin hộ tịch không làm được căn cước công dân gắn chip');
  coach = await petitionByTitle(q12.page, 'Nhà xe chiếm dụng đường nội khu khu dân cư Phú Nhuận làm nơi đón trả khách');
});

after(async () => {
  if (q3) await q3.close();
  if (q12) await q12.close();
  if (server) await server.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('attachments on the dashboard', () => {
  test('the petition page shows its photos as thumbnails and the viewer opens them full size', async () => {
    const { page } = q3;
    const photos = chip.attachments.filter((a) => a.kind === 'photo');
    assert.equal(photos.length, 2, 'the demo petition has two photos');
    for (const a of photos) {
      assert.equal(a.available, true);
      assert.match(a.url, /^\/api\/v1\/blobs\/[0-9a-f]{64}$/);
      assert.equal(a.thumb_url, '/api/v1/blobs/' + a.thumb_sha256);
    }
    await page.goto(base + '/#/petitions/' + chip.petition.id);
    await waitRendered(page);
    assert.match(await page.textContent('[data-testid="attachments"] h2'), /Ảnh và tài liệu/);
    const thumbs = page.locator('[data-testid="attachments"] .gallery button.thumb img');
    assert.equal(await thumbs.count(), 2);
    await page.waitForFunction(() => [...document.querySelectorAll('.gallery img')].every((i) => i.complete && i.naturalWidth > 0));
    assert.equal(await thumbs.first().evaluate((i) => i.naturalWidth), 320, 'the gallery loads the 320 px thumbnail');
    // The place the tablet recorded, with a link to the map there.
    const place = await page.textContent('[data-testid="place"]');
    assert.match(place, /10,769520, 106,681740/);
    assert.match(place, /±12 m/);
    assert.match(await page.getAttribute('[data-testid="place"] a', 'href'), /openstreetmap\.org\/\?mlat=10\.769520&mlon=106\.681740/);

    // Keyboard: focus the first thumbnail, Enter opens the viewer at full size.
    await page.locator('.gallery button.thumb').first().focus();
    await page.keyboard.press('Enter');
    const viewer = page.locator('dialog[data-testid="photo-viewer"][open]');
    await viewer.waitFor();
    await page.waitForFunction(() => { const i = document.querySelector('dialog .viewer-img'); return i.complete && i.naturalWidth > 0; });
    assert.equal(await page.locator('dialog .viewer-img').evaluate((i) => i.naturalWidth), 960, 'full size, not the thumbnail');
    assert.equal(await page.textContent('dialog .viewer-caption'), photos[0].caption);
    assert.equal(await page.textContent('dialog .viewer-count'), 'Ảnh 1/2');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.textContent('dialog .viewer-caption'), photos[1].caption);
    await page.click('dialog .viewer-next');
    assert.equal(await page.textContent('dialog .viewer-caption'), photos[0].caption, 'next after the last is the first');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog[data-testid="photo-viewer"]', { state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('thumb')), true, 'focus back on the thumbnail');
  });

  test('an attachment whose bytes have not arrived says it is uploading from the tablet', async () => {
    const tablet = await tabletOf(base, 'canbo.q3');
    const hash = crypto.randomBytes(32).toString('hex');
    await tablet.write('attachment', chip.petition.unit, {
      parent_entity: 'petition', parent: chip.petition.id, kind: 'photo', caption: 'Ảnh chưa gửi xong',
      sha256: hash, size: 123456, mime: 'image/jpeg', file_name: 'IMG_0001.jpg', width: 1600, height: 1200,
    });
    const reply = (await getJson(q3.page, base, '/petitions/' + chip.petition.id)).body;
    const pending = reply.attachments.find((a) => a.sha256 === hash);
    assert.equal(pending.available, false);
    const { page } = q3;
    await page.goto(base + '/#/petitions/' + chip.petition.id);
    await page.reload();  // the same route as before: read it again
    await waitRendered(page);
    const item = page.locator(`.gallery .thumb-pending[data-id="${pending.id}"]`);
    assert.match(await item.textContent(), /đang tải lên từ máy tính bảng/);
    assert.equal((await q3.page.request.get(base + pending.url)).status(), 404, 'the blob is not served yet');
  });

  test('a supervisor attaches a PDF to a directive and it appears with its type and size', async () => {
    const { page } = q3;
    const directive = chip.directives[0];
    await page.goto(base + '/#/directives/' + directive.id);
    await waitRendered(page);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n' + 'x'.repeat(2000));
    await page.setInputFiles('#att-file', { name: 'Báo cáo kết quả.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.fill('#att-caption', 'Báo cáo kết quả hỗ trợ làm căn cước');
    await page.click('#attachment-form button[type=submit]');
    const link = page.locator('[data-testid="attachments"] .documents a', { hasText: 'Báo cáo kết quả hỗ trợ làm căn cước' });
    await link.waitFor();
    const item = await page.locator('[data-testid="attachments"] .documents li').filter({ hasText: 'Báo cáo kết quả hỗ trợ làm căn cước' }).textContent();
    assert.match(item, /PDF/);
    assert.match(item, /KB/);
    const reply = (await getJson(page, base, '/directives/' + directive.id)).body;
    const stored = reply.attachments.find((a) => a.caption === 'Báo cáo kết quả hỗ trợ làm căn cước');
    assert.equal(stored.kind, 'document');
    assert.equal(stored.file_name, 'Báo cáo kết quả.pdf');
    assert.equal(stored.size, pdf.length);
    assert.equal(stored.sha256, crypto.createHash('sha256').update(pdf).digest('hex'));
    assert.equal(stored.created_by, 'giamsat.q3', 'written in the supervisor\'s name');
    const got = await page.request.get(base + (await link.getAttribute('href')));
    assert.equal(got.status(), 200);
    assert.equal(got.headers()['content-type'], 'application/pdf');
    assert.ok(Buffer.from(await got.body()).equals(pdf), 'the same bytes come back');
    // Without the CSRF token the same upload is refused.
    const forged = await page.request.post(`${base}/api/v1/directives/${directive.id}/attachments`,
      { headers: { 'Content-Type': 'application/pdf', 'X-File-Name': 'a.pdf' }, data: pdf });
    assert.equal(forged.status(), 403);
  });

  test('a file over the limit is refused in the browser with a Vietnamese message and never sent', async () => {
    const { page } = q3;
    const limits = (await getJson(page, base, '/me')).body.attachmentLimits;
    assert.ok(limits.max_file_bytes > 0);
    await page.goto(base + '/#/directives/' + chip.directives[0].id);
    await waitRendered(page);
    let sent = 0;
    page.on('request', (r) => { if (r.url().includes('/attachments')) sent++; });
    await page.setInputFiles('#att-file', { name: 'Ảnh quá lớn.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(limits.max_file_bytes + 1, 1) });
    await page.click('#attachment-form button[type=submit]');
    const msg = await page.textContent('#att-msg');
    assert.match(msg, /Tệp “Ảnh quá lớn\.jpg” quá lớn \(20 MB\); mỗi tệp tối đa 20 MB\./);
    await page.setInputFiles('#att-file', { name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('abc') });
    assert.match(await page.textContent('#att-msg'), /chỉ nhận ảnh JPEG, PDF, Word, Excel hoặc OpenDocument/);
    assert.equal(sent, 0, 'nothing went to the server');
    // The server holds the same limit for a client that does not check (chunked, no length).
    const over = await fetch(`${base}/api/v1/directives/${chip.directives[0].id}/attachments`, {
      method: 'POST', duplex: 'half',
      headers: { 'Content-Type': 'application/pdf', Cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; '),
        'X-CSRF-Token': await page.evaluate(() => sessionStorage.getItem('nghedan.csrf')) },
      body: new ReadableStream({
        start(c) { for (let i = 0; i <= limits.max_file_bytes / (1 << 20); ++i) c.enqueue(new Uint8Array(1 << 20)); c.close(); },
      }),
    }).catch((e) => ({ status: 'cut: ' + e.message }));
    assert.ok(over.status === 413 || String(over.status).startsWith('cut'), `refused: ${over.status}`);
  });

  test('exports list each attachment with its caption and an absolute link', async () => {
    const { page } = q3;
    const res = await page.request.get(`${base}/api/v1/exports/petitions.csv?q=${encodeURIComponent('căn cước gắn chip hộ tịch')}`);
    assert.equal(res.status(), 200);
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    const col = rows[0].indexOf('Tệp đính kèm');
    assert.ok(col >= 0, 'a column "Tệp đính kèm"');
    const row = rows.find((r) => r.some((c) => c === chip.petition.title));
    for (const a of chip.attachments.filter((x) => x.kind === 'photo'))
      assert.ok(row[col].includes(`${a.caption}: ${base}/api/v1/blobs/${a.sha256}`), row[col]);
    // The place as degrees, as maps take them.
    assert.equal(row[rows[0].indexOf('Vĩ độ')], '10.769520');
    assert.equal(row[rows[0].indexOf('Kinh độ')], '106.681740');
    const link = /(http:\/\/\S+)/.exec(row[col])[1];
    assert.equal((await page.request.get(link)).status(), 200, 'the link opens for a reader of the scope');
    const xlsx = await page.request.get(`${base}/api/v1/exports/meetings.xlsx`);
    assert.equal(xlsx.status(), 200);
  });

  test('the minutes print with a photo annex, two captioned photos to an A4 page', async () => {
    const { page } = q3;
    const meetingId = chip.meeting.id;
    const meeting = (await getJson(page, base, '/meetings/' + meetingId + '?personal=0')).body;
    const photos = [...meeting.attachments, ...meeting.petitions.flatMap((p) => p.attachments || [])].filter((a) => a.kind === 'photo' && a.available);
    assert.ok(photos.length >= 3, `the demo meeting and its petitions have ${photos.length} photos`);
    await page.goto(`${base}/print.html?id=${meetingId}`);
    await page.waitForSelector('#minutes[data-ready="1"]');
    assert.equal(await page.locator('.annex').count(), 0, 'no annex unless asked');
    await page.check('#with-annex');
    await page.waitForSelector('#minutes[data-ready="1"] .annex');
    const pages = page.locator('.annex-page');
    assert.equal(await pages.count(), Math.ceil(photos.length / 2));
    for (let i = 0; i < await pages.count(); ++i) assert.ok(await pages.nth(i).locator('figure').count() <= 2);
    assert.ok(await page.evaluate(() => [...document.querySelectorAll('.annex img')].every((i) => i.naturalWidth === 960)));
    const printed = await printedPdf(page, path.join(tmp, 'annex.pdf'));
    const textOf = (p) => p.words.map((w) => w.text).join(' ');
    const annexStart = printed.findIndex((p) => textOf(p).includes('PHỤ LỤC ẢNH'));
    assert.ok(annexStart > 0, 'the annex starts on its own page after the minutes');
    const first = textOf(printed[annexStart]);
    assert.ok(first.includes('Ảnh 1.') && first.includes('Ảnh 2.') && !first.includes('Ảnh 3.'), first);
    assert.ok(first.includes(photos[0].caption.split(' ').slice(0, 4).join(' ')), 'captions printed with their diacritics');
    assert.ok(textOf(printed[annexStart + 1]).includes('Ảnh 3.'), 'the third photo on the next page');
  });

  test('a Q12 supervisor never gets a Q3 photo and a Q3 supervisor never a Q12 one', async () => {
    const q3Photo = chip.attachments.find((a) => a.kind === 'photo');
    const q12Photo = coach.attachments.find((a) => a.kind === 'photo');
    assert.ok(q12Photo && q12Photo.available, 'the Q12 demo petition has a photo');
    assert.equal((await q12.page.request.get(base + q12Photo.url)).status(), 200, 'Q12 gets its own photo');
    for (const url of [q3Photo.url, '/api/v1/blobs/' + q3Photo.thumb_sha256]) {
      const res = await q12.page.request.get(base + url);
      assert.equal(res.status(), 404, url);
      assert.equal((await res.json()).error.code, 'blob_not_found');
    }
    assert.equal((await getJson(q12.page, base, '/petitions/' + chip.petition.id)).status, 404);
    assert.equal((await q3.page.request.get(base + q12Photo.url)).status(), 404);
    // The Q12 dashboard itself asks for no Q3 blob on its pages.
    const asked = [];
    q12.page.on('request', (r) => { if (r.url().includes('/api/v1/blobs/')) asked.push(r.url()); });
    await q12.page.goto(base + '/#/petitions/' + coach.petition.id);
    await waitRendered(q12.page);
    await q12.page.waitForFunction(() => [...document.querySelectorAll('.gallery img')].every((i) => i.complete));
    assert.ok(asked.length > 0);
    for (const u of asked) assert.ok(!u.includes(q3Photo.sha256) && !u.includes(q3Photo.thumb_sha256), u);
  });
});
