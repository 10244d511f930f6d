// A person's data request on the dashboard, as an admin answers it: find the person's petitions
// by a name typed without diacritics, download the copy, erase the personal fields after a
// confirmation; the petition stays, an official sees it without the name, a tablet that syncs
// afterwards holds none of it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getJson, openBrowser, signIn, startServer, tabletOf, waitRendered } from './harness.mjs';

const kName = 'Phạm Thị Xuân Quỳnh';
const kPhone = '0977 246 813';
const kTitle = 'Cống thoát nước hẻm 40 bị nghẹt';

let server, admin, official, id;

before(async () => {
  server = await startServer();
  const tablet = await tabletOf(server.url, 'canbo.q3');
  id = await tablet.write('petition', 'q3-p4-kp5', {
    received_at: Date.now() - 3 * 86400e3, channel: 'meeting', category: 'urban_transport', title: kTitle,
    status: 'received', petitioner_name: kName, petitioner_contact: kPhone,
  });
  admin = await openBrowser();
  await signIn(admin.page, server.url, 'admin');
  official = await openBrowser();
  await signIn(official.page, server.url, 'canbo.q3');
});

after(async () => {
  for (const b of [admin, official]) if (b) await b.close();
  if (server) await server.stop();
});

test('an admin finds a person by a name typed without diacritics, copies and erases it', async () => {
  const page = admin.page;
  await page.goto(server.url + '/#/privacy');
  await waitRendered(page);
  await page.fill('#privacy-q', 'pham thi xuan quynh');
  await page.fill('#privacy-reason', 'Đơn số 7/2026 ngày 01/12/2026');
  await page.click('#privacy-search');
  await page.waitForSelector('[data-testid="privacy-results"]');
  const row = page.locator(`tr[data-id="${id}"]`);
  assert.match(await row.innerText(), /Phạm Thị Xuân Quỳnh/);
  assert.match(await row.innerText(), /0977 246 813/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#privacy-export')]);
  const copy = JSON.parse(await (await import('node:fs')).promises.readFile(await download.path(), 'utf8'));
  assert.equal(copy.records.length, 1);
  assert.equal(copy.records[0].fields.petitioner_name, kName);
  assert.equal(copy.request, 'Đơn số 7/2026 ngày 01/12/2026');

  page.once('dialog', (d) => d.accept());
  await page.click('#privacy-erase');
  await page.waitForFunction(() => document.body.innerText.includes('Đã xoá thông tin cá nhân trong 1 hồ sơ'));
  // Searched again, the name no longer finds anything.
  await page.waitForFunction(() => /Tìm thấy 0 hồ sơ/.test(document.querySelector('[data-testid="privacy-results"]')?.innerText || ''));

  // The petition stays, without the name, for the official who may see names.
  const seen = await getJson(official.page, server.url, '/petitions/' + id);
  assert.equal(seen.status, 200);
  assert.equal(seen.body.petition.title, kTitle);
  // Neither the current values nor the history (in the same answer) hold the person any more.
  assert.ok(!JSON.stringify(seen.body).includes('Quỳnh'));
  assert.ok(!JSON.stringify(seen.body).includes('246 813'));
});

test('only an admin reaches the person search, and only with a reason', async () => {
  const asOfficial = await getJson(official.page, server.url, '/privacy/person?q=quynh&reason=don%20so%201');
  assert.equal(asOfficial.status, 403);
  const noReason = await getJson(admin.page, server.url, '/privacy/person?q=quynh');
  assert.equal(noReason.status, 400);
});
