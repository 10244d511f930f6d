// Takes screenshots of every dashboard page (desktop 1366×768 and tablet 800×1280) into
// docs/screenshots/, against a fresh demo server. Usage:
//   NGHEDAN_SERVER=build/server/nghedan-server node tests/web/screenshots.mjs
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getJson, openBrowser, signIn, startServer, waitRendered } from './harness.mjs';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
fs.mkdirSync(outDir, { recursive: true });

const server = await startServer();
const base = server.url;
try {
  for (const [suffix, viewport] of [['', { width: 1366, height: 768 }], ['-tablet', { width: 800, height: 1280 }]]) {
    const b = await openBrowser(viewport);
    const { page } = b;
    const shot = async (name, full = true) => {
      await page.waitForTimeout(150);
      await page.screenshot({ path: path.join(outDir, `dashboard-${name}${suffix}.png`), fullPage: full });
    };
    await page.goto(base + '/#/login');
    await page.waitForSelector('#username');
    await shot('login', false);
    await signIn(page, base, 'giamsat.q3');
    await waitRendered(page);
    const me = (await getJson(page, base, '/me')).body;
    const from = `${Number(me.today.slice(0, 4)) - 1}${me.today.slice(4)}`;
    await page.goto(`${base}/#/?from=${from}&to=${me.today}`);
    await waitRendered(page);
    await shot('overview');
    await page.goto(base + '/#/petitions');
    await waitRendered(page);
    await shot('petitions');
    // A petition with a conflict if the demo has one, else one with a long history.
    const conflicted = (await getJson(page, base, '/petitions?sort=conflicts&order=desc&limit=1')).body.rows?.[0]
      || (await getJson(page, base, '/petitions?limit=1')).body.rows[0];
    await page.goto(base + '/#/petitions/' + conflicted.id);
    await waitRendered(page);
    await shot('petition');
    await page.goto(base + '/#/meetings');
    await waitRendered(page);
    await shot('meetings');
    const meeting = (await getJson(page, base, '/meetings?limit=1')).body.rows[0];
    await page.goto(base + '/#/meetings/' + meeting.id);
    await waitRendered(page);
    await shot('meeting');
    await page.goto(base + '/#/directives');
    await waitRendered(page);
    await shot('directives');
    // "Nói dân nghe": the results notice of the article's Khu phố 5 and a receipt slip.
    await page.goto(`${base}/#/notice?unit=q3-p4-kp5&from=${from}&to=${me.today}`);
    await waitRendered(page);
    await shot('results-notice');
    await page.goto(`${base}/notice.html?unit=q3-p4-kp5&from=${from}&to=${me.today}`);
    await page.waitForSelector('#notice[data-ready="1"]');
    await shot('results-notice-print');
    const chipRows = (await getJson(page, base, '/petitions?q=' + encodeURIComponent('căn cước gắn chip'))).body.rows;
    const chip = chipRows.find((r) => r.title === 'Người dân mất thông tin hộ tịch không làm được căn cước công dân gắn chip') || chipRows[0];
    await page.goto(`${base}/receipt.html?id=${chip.id}`);
    await page.waitForSelector('#receipt[data-ready="1"]');
    await shot('receipt-slip');
    if (!suffix) {  // the public lookup as a resident sees it on a phone
      const phone = await openBrowser({ width: 360, height: 740 });
      await phone.page.goto(`${base}/tra-cuu?ma=${chip.receipt_code}`);
      await phone.page.waitForSelector('section h2');
      await phone.page.screenshot({ path: path.join(outDir, 'public-lookup-phone.png'), fullPage: true });
      await phone.close();
    }
    await page.goto(base + '/print.html?id=' + meeting.id);
    await page.waitForSelector('#minutes[data-ready="1"]');
    await shot('minutes');
    if (!suffix) {  // photos (issue #16): the chip-ID petition's gallery, the viewer, the annex
      const withPhotos = (await getJson(page, base, '/petitions/' + chip.id)).body;
      await page.goto(base + '/#/petitions/' + chip.id);
      await waitRendered(page);
      await page.waitForFunction(() => [...document.querySelectorAll('.gallery img')].every((i) => i.complete && i.naturalWidth > 0));
      await page.locator('[data-testid="attachments"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(outDir, 'dashboard-petition-photos.png'), fullPage: false });
      await page.locator('.gallery button.thumb').first().click();
      await page.waitForFunction(() => { const i = document.querySelector('dialog .viewer-img'); return i && i.complete && i.naturalWidth > 0; });
      await page.waitForTimeout(150);
      await page.screenshot({ path: path.join(outDir, 'dashboard-photo-viewer.png'), fullPage: false });
      await page.keyboard.press('Escape');
      await page.goto(base + '/print.html?id=' + withPhotos.meeting.id);
      await page.waitForSelector('#minutes[data-ready="1"]');
      await page.check('#with-annex');
      await page.waitForSelector('#minutes[data-ready="1"] .annex');
      await page.evaluate(() => { document.getElementById('toolbar').style.display = 'none'; });
      await page.locator('.annex-page').first().screenshot({ path: path.join(outDir, 'minutes-annex.png') });
    }
    await b.close();
  }
  // The access log of personal data as an admin reads it, after the supervisor's looks above.
  {
    const b = await openBrowser({ width: 1366, height: 768 });
    await signIn(b.page, base, 'admin');
    await b.page.goto(base + '/#/access-log');
    await waitRendered(b.page);
    await b.page.waitForTimeout(150);
    await b.page.screenshot({ path: path.join(outDir, 'dashboard-access-log.png'), fullPage: false });
    // A person's data request: a demo petitioner found by a name typed without diacritics.
    await b.page.goto(base + '/#/privacy?' + new URLSearchParams({ q: 'nguyen van', reason: 'Đơn số 12/2026 ngày 01/12/2026' }));
    await waitRendered(b.page);
    await b.page.waitForTimeout(150);
    await b.page.screenshot({ path: path.join(outDir, 'dashboard-person-request.png'), fullPage: false });
    await b.close();
  }
  console.log('screenshots written to ' + outDir);
} finally {
  await server.stop();
}
