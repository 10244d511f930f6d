// Personal data in the dashboard (issue 15): every look is in the access log and admins read it
// there; exports and printed minutes carry personal data only when asked with a reason; free
// text warns about phone and ID numbers with the same rule as the C++ (the shared JSON table).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { findPersonalNumbers } from '../../server/web/js/personal-text.js';
import { getJson, openBrowser, signIn, startServer, tabletOf, waitRendered } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const kName = 'Markername Riêngtư';
const kContact = '0912 606 707';

let server;
let base;
let petitionId;
let meetingId;

before(async () => {
  server = await startServer();
  base = server.url;
  const tablet = await tabletOf(base, 'canbo.q3');
  meetingId = await tablet.write('meeting', 'q3-p4-kp5', {
    held_at: Date.now() - 3600000, title: 'Họp dân khu phố 5 (riêng tư)', status: 'finalised',
    location: 'Nhà văn hóa Khu phố 5', chaired_by: 'Ông Trần Quốc Dũng',
  });
  petitionId = await tablet.write('petition', 'q3-p4-kp5', {
    meeting: meetingId, received_at: Date.now() - 3600000, channel: 'meeting', category: 'other',
    title: 'Đèn đường hẻm 12 hỏng (riêng tư)', status: 'received',
    petitioner_name: kName, petitioner_contact: kContact,
  });
});

after(async () => {
  if (server) await server.stop();
});

describe('personal data', () => {
  test('the dashboard’s rule finds exactly what the shared table says, as the C++ does', () => {
    const table = JSON.parse(fs.readFileSync(path.join(here, '../data/personal_numbers.json'), 'utf8'));
    assert.ok(table.cases.length >= 30);
    for (const c of table.cases) {
      const got = findPersonalNumbers(c.text).map((m) => ({ kind: m.kind, text: m.text }));
      assert.deepEqual(got, c.matches, c.text);
    }
  });

  test('an admin opens the access log and sees the supervisor’s look at a petition, with its reason', async () => {
    const sup = await openBrowser();
    const admin = await openBrowser();
    try {
      await signIn(sup.page, base, 'giamsat.q3');
      await sup.page.goto(`${base}/#/petitions/${petitionId}`);
      await waitRendered(sup.page);
      assert.ok((await sup.page.textContent('[data-testid="values"]')).includes(kName));

      await signIn(admin.page, base, 'admin');  // lands on the overview, which works for admins
      await admin.page.click('#mainnav a[href="#/access-log"]');
      await waitRendered(admin.page);
      assert.match(await admin.page.textContent('h1'), /Nhật ký truy cập dữ liệu cá nhân/);
      for (const head of ['Người xem', 'Thời điểm', 'Hồ sơ', 'Lý do'])
        assert.ok((await admin.page.textContent('#access-log thead')).includes(head), head);
      const row = admin.page.locator(`#access-log tr[data-user="giamsat.q3"][data-action="petition_detail"]`);
      assert.equal(await row.count(), 1);
      const text = await row.textContent();
      assert.ok(text.includes('Xem chi tiết kiến nghị'));
      assert.ok(text.includes('xem chi tiết kiến nghị'), 'the default reason');
      assert.ok(text.includes('Trang quản lý'), 'seen on the dashboard');
      assert.equal(await row.locator(`a[href="#/petitions/${petitionId}"]`).count(), 1);
      assert.ok(!(await admin.page.textContent('#access-log')).includes(kName), 'the log names records, not people');

      // Filter by the record; the CSV of the log downloads with a BOM.
      await admin.page.fill('#al-record', petitionId);
      await admin.page.click('form.filters button[type=submit]');
      await waitRendered(admin.page);
      assert.ok(Number(await admin.page.getAttribute('.result-count', 'data-total')) >= 1);
      const csv = await admin.page.request.get(`${base}/api/v1/access-log.csv?record=${petitionId}`);
      assert.equal(csv.status(), 200);
      const body = await csv.body();
      assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);

      // Others may not read it.
      assert.equal((await getJson(sup.page, base, '/access-log')).status, 403);
      assert.equal(await sup.page.locator('#mainnav a[href="#/access-log"]').count(), 0);
    } finally {
      await sup.close();
      await admin.close();
    }
  });

  test('the export’s personal-data box asks a reason before the file carries names, and the export is logged', async () => {
    const sup = await openBrowser();
    const admin = await openBrowser();
    try {
      await signIn(sup.page, base, 'giamsat.q3');
      await sup.page.goto(`${base}/#/petitions`);
      await waitRendered(sup.page);
      // The default file: no personal column.
      const plain = await (await sup.page.request.get(base + (await sup.page.getAttribute('#export-csv', 'href')))).text();
      assert.ok(plain.includes('Đèn đường hẻm 12 hỏng'));
      assert.ok(!plain.includes(kName));

      await sup.page.check('#export-personal');
      assert.ok(await sup.page.isVisible('#export-reason'));
      let downloaded = false;
      sup.page.on('download', () => { downloaded = true; });
      await sup.page.click('#export-csv');
      assert.ok(await sup.page.isVisible('#export-reason-msg'), 'asks for the reason');
      assert.match(await sup.page.textContent('#export-reason-msg'), /ít nhất 5 ký tự/);
      await sup.page.waitForTimeout(300);
      assert.equal(downloaded, false, 'nothing downloads without a reason');

      await sup.page.fill('#export-reason', 'Báo cáo Ủy ban phường');
      const [download] = await Promise.all([sup.page.waitForEvent('download'), sup.page.click('#export-csv')]);
      const text = fs.readFileSync(await download.path(), 'utf8');
      assert.ok(text.includes(kName), 'the petitioner’s name is in the file');
      assert.ok(!text.includes(kContact), 'supervisors never get contacts');

      await signIn(admin.page, base, 'admin');
      await admin.page.goto(`${base}/#/access-log?user=giamsat.q3`);
      await waitRendered(admin.page);
      const row = admin.page.locator('#access-log tr[data-action="export"]');
      assert.equal(await row.count(), 1);
      assert.ok((await row.textContent()).includes('Báo cáo Ủy ban phường'));
      // Admins may see no personal field: no box.
      await admin.page.goto(`${base}/#/petitions`);
      await waitRendered(admin.page);
      assert.equal(await admin.page.locator('#export-personal').count(), 0);
    } finally {
      await sup.close();
      await admin.close();
    }
  });

  test('the printed minutes leave petitioners out unless ticked with a reason', async () => {
    const official = await openBrowser();
    try {
      await signIn(official.page, base, 'canbo.q3');
      const { page } = official;
      await page.goto(`${base}/print.html?id=${meetingId}`);
      await page.waitForSelector('#minutes[data-ready="1"]');
      let text = await page.textContent('#minutes');
      assert.ok(text.includes('Đèn đường hẻm 12 hỏng'));
      assert.ok(!text.includes(kName), 'no petitioner on the notice-board copy');
      assert.ok(!text.includes(kContact));
      assert.match(text, /Người nêu: Người dân/);

      assert.ok(await page.isVisible('#with-personal'));
      await page.check('#with-personal');
      await page.click('#personal-apply');
      assert.match(await page.textContent('#personal-msg'), /ít nhất 5 ký tự/);
      await page.fill('#personal-reason', 'Lưu hồ sơ tiếp dân');
      await page.click('#personal-apply');
      await page.waitForSelector('#minutes[data-ready="1"]');
      text = await page.textContent('#minutes');
      assert.ok(text.includes(kName), 'ticked with a reason: the petitioner is named');
      assert.ok(!text.includes(kContact), 'never the contact');
    } finally {
      await official.close();
    }
  });

  test('free text in the handling form warns about a phone number and still saves', async () => {
    const sup = await openBrowser();
    try {
      await signIn(sup.page, base, 'giamsat.q3');
      const { page } = sup;
      await page.goto(`${base}/#/petitions/${petitionId}`);
      await waitRendered(page);
      const warning = page.locator('#handling-form [data-testid="personal-warning"]');
      assert.equal(await warning.evaluateAll((els) => els.filter((e) => !e.hidden).length), 0);
      await page.fill('#h-resolution', 'Đã gọi bà Lan số 0912.345.678 để hẹn sửa đèn.');
      await page.waitForFunction(() => [...document.querySelectorAll('#handling-form [data-testid="personal-warning"]')].some((e) => !e.hidden));
      assert.match(await page.textContent('#handling-form'), /có vẻ chứa số điện thoại/);
      await page.fill('#h-resolution', 'Hỗ trợ 15.000.000 đồng theo Nghị định 13/2023/NĐ-CP.');
      assert.equal(await warning.evaluateAll((els) => els.filter((e) => !e.hidden).length), 0);
      await page.fill('#h-resolution', 'Đã gọi bà Lan số 0912.345.678 để hẹn sửa đèn.');
      await page.click('#handling-form button[type=submit]');
      await waitRendered(page);
      await page.waitForFunction(() => document.querySelector('#h-resolution')?.value.includes('0912.345.678'));
    } finally {
      await sup.close();
    }
  });
});
