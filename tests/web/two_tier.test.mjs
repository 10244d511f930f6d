// The dashboard in today's city (since 1 July 2025): 168 wards, communes and a special zone
// directly under Ho Chi Minh City, no districts (serve --demo --demo-tree two-tier). The paths
// the article's districts take must read right here too: scope, areas, handling, minutes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getJson, openBrowser, signIn, startServer, waitRendered } from './harness.mjs';

let server;
let city;   // giamsat.q3: in a two-tier city the supervisors see the city
let base;

before(async () => {
  server = await startServer({ tree: 'two-tier' });
  base = server.url;
  city = await openBrowser();
  await signIn(city.page, base, 'giamsat.q3');
});

after(async () => {
  if (city) await city.close();
  if (server) await server.stop();
});

describe('a two-tier city', () => {
  test('the overview counts by ward under the city, with no district', async () => {
    const { page } = city;
    assert.match(await page.textContent('#scope-name'), /Thành phố Hồ Chí Minh/);
    await page.goto(base + '/#/');
    await waitRendered(page);
    const areas = await page.locator('[data-testid="by-unit"] tbody tr th, [data-testid="by-unit"] tbody tr td:first-child').allTextContents();
    assert.ok(areas.length > 0, 'the overview lists areas');
    assert.ok(areas.some((a) => /Phường 4/.test(a)), areas.slice(0, 8).join(' | '));
    assert.ok(!areas.some((a) => /^Quận/.test(a.trim())), areas.slice(0, 8).join(' | '));
  });

  test('the area filter names wards and communes right under the city', async () => {
    const { page } = city;
    await page.goto(base + '/#/petitions');
    await waitRendered(page);
    const labels = (await page.locator('#f-unit option').allTextContents()).slice(1);
    assert.ok(labels.includes('Phường 4'), labels.slice(0, 10).join(' | '));
    assert.ok(labels.includes('Khu phố 5 — Phường 4'));
    assert.ok(labels.includes('Xã số 1'));
    assert.ok(labels.includes('Đặc khu Côn Đảo'));
    assert.ok(!labels.some((l) => /Quận/.test(l)), 'no district anywhere in the tree');
  });

  test('a petition is handled at its ward or the city, never at a district', async () => {
    const { page } = city;
    const list = (await getJson(page, base, '/petitions?unit=q3-p4&status=assigned,in_progress&limit=1')).body;
    const id = list.rows[0].id;
    await page.goto(base + '/#/petitions/' + id);
    await page.waitForSelector('#handling-form');
    const levels = (await page.locator('#h-level option').allTextContents()).slice(1);
    assert.ok(levels.includes('Thành phố'), levels.join(' | '));
    assert.ok(levels.includes('Phường/Xã'), levels.join(' | '));
    assert.ok(!levels.includes('Quận/Huyện'), levels.join(' | '));
    await page.selectOption('#h-status', 'escalated');
    await page.fill('#h-reason', '');
    await page.click('#handling-form button[type=submit]');
    // The shared workflow refuses an escalation without a reason; the form says so in Vietnamese.
    await page.waitForSelector('#handling-form .form-msg.error');
    assert.equal(await page.textContent('#handling-form .form-msg.error'), 'Bước chuyển trạng thái này cần ghi rõ lý do.');
    await page.fill('#h-reason', 'Vượt thẩm quyền phường');
    await page.selectOption('#h-level', 'city');
    await page.click('#handling-form button[type=submit]');
    await page.waitForSelector('#toast.toast-ok:not([hidden])');
    const after = (await getJson(page, base, '/petitions/' + id)).body;
    assert.equal(after.petition.status, 'escalated');
    assert.equal(after.petition.handling_level, 'city');
    assert.deepEqual(after.escalationLevels, ['city']);
  });

  test('the minutes are issued by the ward under the city', async () => {
    const { page } = city;
    const m = (await getJson(page, base, '/meetings?unit=q3-p4&limit=1')).body.rows[0];
    await page.goto(base + '/print.html?id=' + m.id);
    await page.waitForSelector('#minutes[data-ready="1"]');
    assert.equal((await page.textContent('.issuer-above')).trim(), 'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH');
    assert.equal((await page.textContent('.issuer-name')).trim(), 'ỦY BAN NHÂN DÂN PHƯỜNG 4');
    assert.doesNotMatch(await page.textContent('#minutes'), /QUẬN 3/);
  });
});
