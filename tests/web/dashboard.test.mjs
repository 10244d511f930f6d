// The supervisor dashboard in a real headless Chromium against the real server with demo data.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { allRows, daysBefore, getJson, openBrowser, parseCsv, signIn, sqliteRows, startServer, stripDiacritics, waitRendered } from './harness.mjs';

let server;
let q3;   // giamsat.q3, supervisor of Quận 3
let base;

before(async () => {
  server = await startServer();
  base = server.url;
  q3 = await openBrowser();
});

after(async () => {
  if (q3) await q3.close();
  if (server) await server.stop();
});

/** Independent figures from the list API (Replica::list), not from /overview. */
async function expectedOverview(page, from, to) {
  const petitions = await allRows(page, base, '/petitions', { from, to });
  const meetings = await allRows(page, base, '/meetings', { from, to });
  const resolved = petitions.filter((p) => p.status === 'resolved' || p.status === 'closed');
  const days = resolved.filter((p) => typeof p.resolved_at === 'number').map((p) => (p.resolved_at - p.received_at) / 86400000).sort((a, b) => a - b);
  let median = null;
  if (days.length) {
    const n = days.length;
    median = Math.round((n % 2 ? days[(n - 1) / 2] : (days[n / 2 - 1] + days[n / 2]) / 2) * 10) / 10;
  }
  return {
    meetings: meetings.length,
    neighbourhoods: new Set(meetings.map((m) => m.unit)).size,
    received: petitions.length,
    resolved: resolved.length,
    overdue: petitions.filter((p) => p.overdue).length,
    median,
  };
}

function median(days) {
  if (!days.length) return null;
  days.sort((a, b) => a - b);
  const n = days.length;
  return Math.round((n % 2 ? days[(n - 1) / 2] : (days[n / 2 - 1] + days[n / 2]) / 2) * 10) / 10;
}

/** The same figures straight from the database with sqlite3 (no server code involved). */
function overviewFromDatabase(scopeUnit, from, to, today, openStatuses) {
  const ms = (day) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) - 7 * 3600 * 1000;
  const fromMs = ms(from), toMs = ms(to) + 86400000;
  const sub = `unit IN (WITH RECURSIVE sub(id) AS (SELECT '${scopeUnit}' UNION SELECT u.id FROM m_unit u JOIN sub ON u.parent = sub.id) SELECT id FROM sub)`;
  const open = openStatuses.map((s) => `'${s}'`).join(',');
  const [[meetings, neighbourhoods]] = sqliteRows(server.dataDir,
    `SELECT count(*), count(DISTINCT unit) FROM m_meeting WHERE deleted IS NOT 1 AND held_at >= ${fromMs} AND held_at < ${toMs} AND ${sub};`);
  const [[received, resolved, overdue]] = sqliteRows(server.dataDir,
    `SELECT count(*), coalesce(sum(status IN ('resolved','closed')), 0), coalesce(sum(status IN (${open}) AND due_date IS NOT NULL AND due_date < '${today}'), 0)
     FROM m_petition WHERE deleted IS NOT 1 AND received_at >= ${fromMs} AND received_at < ${toMs} AND ${sub};`);
  const days = sqliteRows(server.dataDir,
    `SELECT (resolved_at - received_at) / 86400000.0 FROM m_petition WHERE deleted IS NOT 1 AND received_at >= ${fromMs} AND received_at < ${toMs}
     AND status IN ('resolved','closed') AND resolved_at IS NOT NULL AND ${sub};`).map((r) => Number(r[0]));
  return { meetings: +meetings, neighbourhoods: +neighbourhoods, received: +received, resolved: +resolved, overdue: +overdue, median: median(days) };
}

async function shownOverview(page) {
  const value = (id) => page.getAttribute(`[data-testid="${id}"] .card-value`, 'data-value');
  return {
    meetings: Number(await value('meetings-held')),
    neighbourhoods: Number(await page.getAttribute('[data-testid="meetings-held"]', 'data-neighbourhoods')),
    received: Number(await value('petitions-received')),
    resolved: Number(await value('petitions-resolved')),
    overdue: Number(await value('petitions-overdue')),
    median: (await value('median-days')) === '' ? null : Number(await value('median-days')),
  };
}

describe('supervisor dashboard', () => {
  test('a wrong password is refused with a message and no session', async () => {
    const { page } = q3;
    await page.goto(base + '/#/login');
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    await page.fill('#username', 'giamsat.q3');
    await page.fill('#password', 'wrong-password');
    await page.click('form.login-card button[type=submit]');
    await page.waitForSelector('.form-error:not([hidden])');
    assert.match(await page.textContent('.form-error'), /Sai tên đăng nhập hoặc mật khẩu/);
    const { status } = await getJson(page, base, '/me');
    assert.equal(status, 401);
  });

  test('signing in shows the overview of the supervisor’s district in Vietnamese', async () => {
    const { page } = q3;
    await signIn(page, base, 'giamsat.q3');
    assert.match(await page.textContent('#scope-name'), /Quận 3/);
    assert.match(await page.textContent('main h1'), /Tổng quan/);
    assert.match(await page.textContent('[data-testid="meetings-held"]'), /khu phố từ/);
    const cookies = await q3.context.cookies();
    const session = cookies.find((c) => c.name === 'nghedan_session');
    assert.ok(session, 'session cookie set');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Strict');
  });

  test('the overview’s numbers equal those computed from the lists and from the database itself', async () => {
    const { page } = q3;
    const me = (await getJson(page, base, '/me')).body;
    for (const from of [me.today.slice(0, 4) + '-01-01', daysBefore(me.today, 400)]) {
      await page.goto(`${base}/#/?from=${from}&to=${me.today}`);
      await waitRendered(page);
      assert.equal(await page.inputValue('#period-from'), from.split('-').reverse().join('/'));
      const shown = await shownOverview(page);
      const expected = await expectedOverview(page, from, me.today);
      assert.deepEqual(shown, expected, `period from ${from}: overview vs list API`);
      const schema = (await getJson(page, base, '/schema')).body;
      const fromDb = overviewFromDatabase(me.user.scopeUnit, from, me.today, me.today, schema.openPetitionStatuses);
      assert.deepEqual(shown, fromDb, `period from ${from}: overview vs sqlite3 on a copy of the database`);
      if (from !== me.today.slice(0, 4) + '-01-01') assert.ok(expected.meetings > 0 && expected.received > 0, 'demo data has meetings and petitions');
    }
    // The weekly chart draws one bar per week.
    assert.ok(await page.locator('[data-testid="weekly"] svg rect.bar').count() >= 50);
  });

  test('filters narrow the list and a search without diacritics finds the record', async () => {
    const { page } = q3;
    await page.goto(base + '/#/petitions');
    await waitRendered(page);
    const titles = await page.locator('table.data tbody td.title-cell a').allTextContents();
    const target = titles.find((x) => stripDiacritics(x) !== x);
    assert.ok(target, 'a title with diacritics on the first page');
    const typed = stripDiacritics(target).split(/\s+/).slice(0, 4).join(' ').toLowerCase();
    await page.fill('#f-q', typed);
    await page.press('#f-q', 'Enter');
    await page.waitForFunction(() => location.hash.includes('q='));
    await waitRendered(page);
    const found = await page.locator('table.data tbody td.title-cell a').allTextContents();
    assert.ok(found.includes(target), `"${typed}" finds "${target}" (got ${found.length} rows)`);

    await page.goto(base + '/#/petitions');
    await waitRendered(page);
    await page.selectOption('#f-status', 'in_progress');
    await page.waitForFunction(() => location.hash.includes('status=in_progress'));
    await waitRendered(page);
    const statuses = await page.locator('table.data tbody td .status').allTextContents();
    assert.ok(statuses.length > 0);
    assert.ok(statuses.every((s) => s === 'Đang xử lý'), statuses.join('|'));
    const total = Number(await page.getAttribute('.result-count', 'data-total'));
    const api = (await getJson(page, base, '/petitions?status=in_progress&limit=1')).body.total;
    assert.equal(total, api);

    await page.check('#f-overdue');
    await page.waitForFunction(() => location.hash.includes('overdue=1'));
    await waitRendered(page);
    const rows = await page.locator('table.data tbody tr').count();
    assert.equal(await page.locator('table.data tbody tr td.bad .badge').count(), rows, 'every row is overdue');
  });

  test('a petition page shows current values and its full history', async () => {
    const { page } = q3;
    await page.goto(base + '/#/petitions?sort=received_at&order=asc');
    await waitRendered(page);
    const first = page.locator('table.data tbody td.title-cell a').first();
    const title = await first.textContent();
    await first.click();
    await page.waitForSelector('[data-testid="history"] li');
    assert.equal(await page.textContent('main h1'), title);
    const id = (await page.evaluate(() => location.hash)).split('/').pop();
    const history = (await getJson(page, base, '/petitions/' + id)).body.history;
    const changes = new Set(history.map((v) => v.site + ':' + v.seq));
    assert.equal(await page.locator('[data-testid="history"] > li').count(), changes.size);
    const text = await page.textContent('[data-testid="history"]');
    assert.match(text, /Tiêu đề/);
    for (const v of history) assert.ok(text.includes(v.author), `author ${v.author} shown`);
    // Supervisors see the petitioner's name only where the role allows: never the contact.
    assert.equal(await page.locator('[data-field="petitioner_contact"]').count(), 0);
  });

  test('a supervisor sets handling fields and issues a directive; both enter the history', async () => {
    const { page } = q3;
    const list = (await getJson(page, base, '/petitions?status=received&limit=1')).body;
    assert.ok(list.rows.length, 'a received petition exists');
    const id = list.rows[0].id;
    const versionKey = (v) => `${v.site}:${v.seq}:${v.field}`;
    const before = new Set((await getJson(page, base, '/petitions/' + id)).body.history.map(versionKey));
    await page.goto(base + '/#/petitions/' + id);
    await page.waitForSelector('#handling-form');
    await page.selectOption('#h-status', 'assigned');
    const agencies = (await getJson(page, base, '/agencies')).body.rows;
    await page.selectOption('#h-lead', agencies[0].id);
    await page.fill('#h-due', '31/12/2031');
    await page.click('#handling-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('.subtitle .status') && document.querySelector('.subtitle .status').textContent === 'Đã giao xử lý');
    const after1 = (await getJson(page, base, '/petitions/' + id)).body;
    assert.equal(after1.petition.status, 'assigned');
    assert.equal(after1.petition.lead_agency, agencies[0].id);
    assert.equal(after1.petition.due_date, '2031-12-31');
    // Only what the form changed was written (the demo may have made it public before).
    const mine = after1.history.filter((v) => !before.has(versionKey(v)));
    assert.ok(mine.every((v) => v.author === 'giamsat.q3' && v.fromServer));
    assert.deepEqual(mine.map((v) => v.field).sort(), ['due_date', 'lead_agency', 'status']);
    assert.match(await page.textContent('[data-testid="history"]'), /giamsat\.q3 · máy chủ/);

    await page.fill('#d-instruction', 'Kiểm tra hiện trường và trả lời người dân trong tuần');
    await page.selectOption('#d-agency', agencies[1].id);
    await page.fill('#d-due', '30/06/2031');
    await page.click('#directive-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('[data-testid="directives"]').textContent.includes('trả lời người dân trong tuần'));
    const after2 = (await getJson(page, base, '/petitions/' + id)).body;
    assert.equal(after2.directives.length >= 1, true);
    assert.ok(after2.directives.some((d) => d.agency === agencies[1].id && d.unit === after2.petition.unit));
  });

  test('the CSV export of a filtered list has a BOM, CRLF lines and exactly the filtered rows', async () => {
    const { page } = q3;
    await page.goto(base + '/#/petitions?category=environment_sanitation');
    await waitRendered(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nghedan-csv-')), 'export.csv');
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    assert.ok(text.endsWith('\r\n'));
    const rows = parseCsv(text);
    const header = rows[0];
    assert.equal(header[0], 'Mã');
    assert.ok(header.includes('Lĩnh vực') && header.includes('Trạng thái'));
    assert.ok(!header.includes('Liên hệ người kiến nghị'), 'no contact column for supervisors');
    // The area as a path, then one column per level of the unit tree (Quận 3's tree has
    // districts, wards and neighbourhoods).
    assert.deepEqual(header.slice(header.indexOf('Địa bàn'), header.indexOf('Địa bàn') + 4), ['Địa bàn', 'Quận/Huyện', 'Phường/Xã', 'Khu phố']);
    const expected = await allRows(page, base, '/petitions', { category: 'environment_sanitation' });
    assert.equal(rows.length - 1, expected.length);
    // A readable reference (KN-day-first digits of the id), not the 32-digit id.
    assert.ok(rows.slice(1).every((r) => /^KN-\d{8}-[0-9A-F]{6}$/.test(r[0])), rows[1][0]);
    assert.deepEqual(new Set(rows.slice(1).map((r) => r[0].slice(-6))), new Set(expected.map((p) => p.id.slice(0, 6).toUpperCase())));
    assert.ok(!text.match(/\b[0-9a-f]{32}\b/), 'no 32-digit ids in the export');
    const catCol = header.indexOf('Lĩnh vực');
    assert.ok(rows.slice(1).every((r) => r[catCol] === 'Môi trường, vệ sinh'));
    assert.ok(rows.slice(1).every((r) => r.length === header.length));
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  test('the XLSX export is a zip holding the workbook', async () => {
    const { page } = q3;
    const res = await page.request.get(base + '/api/v1/exports/petitions.xlsx?overdue=1');
    assert.equal(res.status(), 200);
    const body = await res.body();
    assert.equal(body.subarray(0, 4).toString('hex'), '504b0304');
    assert.ok(body.includes(Buffer.from('xl/worksheets/sheet1.xml')));
  });

  test('the print view renders the minutes in the administrative layout and prints to PDF', async () => {
    const { page } = q3;
    const meetings = (await getJson(page, base, '/meetings?limit=1')).body.rows;
    const m = meetings[0];
    await page.goto(base + '/print.html?id=' + m.id);
    await page.waitForSelector('#minutes[data-ready="1"]');
    const text = await page.textContent('#minutes');
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(text, /Độc lập - Tự do - Hạnh phúc/);
    assert.match(await page.textContent('.place-date'), /^.+, ngày \d{2} tháng \d{1,2} năm \d{4}$/);
    assert.equal(await page.textContent('.doc-title'), 'BIÊN BẢN');
    assert.match(text, /I\. THỜI GIAN, ĐỊA ĐIỂM/);
    assert.match(text, /II\. THÀNH PHẦN THAM DỰ/);
    assert.match(text, /III\. NỘI DUNG/);
    assert.match(text, /IV\. KẾT LUẬN/);
    assert.ok(text.includes(m.title));
    assert.equal(await page.locator('.signatures .sign').count(), 2);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('.print-toolbar'), false, 'the toolbar is not printed');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.length > 10000);
    await page.emulateMedia({ media: 'screen' });
  });

  test('a petition opened in a new tab is saved there (its CSRF value comes from the session)', async () => {
    const tab = await q3.context.newPage();
    try {
      const list = (await getJson(tab, base, '/petitions?status=assigned&limit=1')).body;
      const id = list.rows[0].id;
      await tab.goto(base + '/#/petitions/' + id);
      await tab.waitForSelector('#handling-form');
      assert.equal(await tab.evaluate(() => sessionStorage.getItem('nghedan.csrf')), null, 'the new tab starts without the login’s CSRF value');
      // Supporting agencies are ticked, not picked with Ctrl-click in a multi-select.
      assert.equal(await tab.locator('select[multiple]').count(), 0);
      const boxes = tab.locator('#h-support input[type=checkbox]:not(:checked)');
      const wanted = [await boxes.nth(0).getAttribute('value'), await boxes.nth(1).getAttribute('value')];
      await tab.fill('#h-support-filter', 'cong an');
      assert.ok(await tab.locator('#h-support label.check:visible').count() > 0);
      await tab.fill('#h-support-filter', '');
      for (const v of wanted) await tab.check(`#h-support input[value="${v}"]`);
      await tab.selectOption('#h-priority', 'urgent');
      await tab.click('#handling-form button[type=submit]');
      await tab.waitForSelector('#toast.toast-ok:not([hidden])');
      const after = (await getJson(tab, base, '/petitions/' + id)).body.petition;
      assert.equal(after.priority, 'urgent');
      for (const v of wanted) assert.ok(after.support_agencies.includes(v), 'supporting agency saved');
    } finally {
      await tab.close();
    }
  });

  test('the area filter names each unit with its parents, so no two options read alike', async () => {
    const { page } = q3;
    await page.goto(base + '/#/petitions');
    await waitRendered(page);
    const labels = (await page.locator('#f-unit option').allTextContents()).slice(1);
    assert.ok(labels.includes('Khu phố 1 — Phường 4 — Quận 3'), labels.slice(0, 10).join(' | '));
    assert.ok(labels.includes('Phường 4 — Quận 3'));
    assert.equal(new Set(labels).size, labels.length, 'every option is distinct');
    // Each ward comes right before its neighbourhoods.
    const ward = labels.indexOf('Phường 4 — Quận 3');
    assert.match(labels[ward + 1], /^Khu phố \d — Phường 4 — Quận 3$/);
    await page.goto(base + '/#/meetings');
    await waitRendered(page);
    assert.ok((await page.locator('#m-unit option').allTextContents()).includes('Khu phố 5 — Phường 4 — Quận 3'));
  });

  test('a date that does not exist (31/02) gets a Vietnamese message next to the field', async () => {
    const { page } = q3;
    await page.goto(base + '/#/petitions');
    await waitRendered(page);
    const before = await page.evaluate(() => location.hash);
    await page.fill('#f-from', '31/02/2025');
    await page.press('#f-from', 'Enter');
    await page.waitForSelector('#f-from-error');
    const message = await page.textContent('#f-from-error');
    assert.equal(message, '“31/02/2025”: tháng 2/2025 không có ngày 31 (tháng này có 28 ngày).');
    assert.ok(await page.isVisible('#f-from-error'));
    assert.equal(await page.getAttribute('#f-from', 'aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => location.hash), before, 'the list was not reloaded with a wrong date');
    // Typing again clears the message; a real date is taken.
    await page.fill('#f-from', '28/02/2025');
    assert.equal(await page.locator('#f-from-error').count(), 0);
    await page.press('#f-from', 'Enter');
    await page.waitForFunction(() => location.hash.includes('from=2025-02-28'));
    await waitRendered(page);
  });

  test('labels follow the app: “Buổi họp” and its status labels', async () => {
    const { page } = q3;
    await page.goto(base + '/#/meetings?status=finalised');
    await waitRendered(page);
    assert.match(await page.textContent('#mainnav'), /Buổi họp/);
    assert.doesNotMatch(await page.textContent('#mainnav'), /tiếp xúc/);
    const statuses = await page.locator('table.data tbody .status').allTextContents();
    assert.ok(statuses.length > 0 && statuses.every((s) => s === 'Đã chốt biên bản'), statuses.join('|'));
  });

  test('the first visit shows the sign-in form plainly; only a session that ended says so', async () => {
    const fresh = await openBrowser();
    try {
      const { page } = fresh;
      await page.goto(base + '/');
      await page.waitForSelector('#username');
      assert.equal(await page.isVisible('.form-error'), false, 'no “session expired” on a first visit');
      for (const id of ['#username', '#password']) {
        const red = await page.$eval(id, (el) => el.matches(':user-invalid') || el.classList.contains('invalid') || getComputedStyle(el).borderTopColor === 'rgb(180, 35, 24)');
        assert.equal(red, false, `${id} is not marked wrong before anyone typed`);
      }
      // A cookie the server no longer knows (signed out elsewhere, password changed): say so.
      await fresh.context.addCookies([{ name: 'nghedan_session', value: 'ended-session-token', url: base }]);
      await page.goto(base + '/#/petitions');
      await page.waitForSelector('.form-error:not([hidden])');
      assert.match(await page.textContent('.form-error'), /Phiên làm việc đã hết hạn/);
    } finally {
      await fresh.close();
    }
  });

  test('English can be switched on and back', async () => {
    const { page } = q3;
    await page.goto(base + '/#/');
    await page.waitForSelector('[data-testid="meetings-held"]');
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('main h1').textContent.startsWith('Overview'));
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'vi' && document.querySelector('main h1').textContent.startsWith('Tổng quan'));
  });

  test('a supervisor of Quận 12 sees nothing of Quận 3', async () => {
    const q12 = await openBrowser();
    try {
      const { page } = q12;
      await signIn(page, base, 'giamsat.q12');
      assert.match(await page.textContent('#scope-name'), /Quận 12/);
      const q3Petitions = await allRows(q3.page, base, '/petitions');
      const q3Meetings = await allRows(q3.page, base, '/meetings');
      const q3Ids = new Set([...q3Petitions, ...q3Meetings].map((r) => r.id));
      const q3Units = new Set((await getJson(q3.page, base, '/units')).body.rows.map((u) => u.id));
      const q12Petitions = await allRows(page, base, '/petitions');
      assert.ok(q12Petitions.length > 0);
      assert.ok(q12Petitions.every((p) => !q3Ids.has(p.id) && !q3Units.has(p.unit)));
      const units = (await getJson(page, base, '/units')).body.rows;
      assert.ok(units.every((u) => !q3Units.has(u.id)));
      // A Quận 3 petition and meeting are not found, in the API and on the page.
      assert.equal((await getJson(page, base, '/petitions/' + q3Petitions[0].id)).status, 404);
      assert.equal((await getJson(page, base, '/meetings/' + q3Meetings[0].id)).status, 404);
      assert.equal((await getJson(page, base, '/petitions?unit=' + [...q3Units][0])).status, 404);
      await page.goto(base + '/#/petitions/' + q3Petitions[0].id);
      await page.waitForSelector('main .error');
      assert.match(await page.textContent('main .error'), /Không tìm thấy/);
      // Searching a Quận 3 title finds nothing of Quận 3; the export holds none of it either.
      const q = encodeURIComponent(stripDiacritics(q3Petitions[0].title));
      const found = (await getJson(page, base, '/petitions?q=' + q)).body.rows;
      assert.ok(found.every((p) => !q3Ids.has(p.id)));
      const csv = await (await page.request.get(base + '/api/v1/exports/petitions.csv')).text();
      for (const id of q3Ids) assert.ok(!csv.includes(id));
      await page.goto(base + '/print.html?id=' + q3Meetings[0].id);
      await page.waitForSelector('#minutes[data-ready="error"]');
    } finally {
      await q12.close();
    }
  });
});
