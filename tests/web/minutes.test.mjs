// The printed minutes (biên bản): a meeting with long minutes, recorded from a tablet, printed to
// PDF by headless Chromium against the real server and read back with poppler's pdftotext.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openBrowser, printedPdf, signIn, startServer, tabletOf } from './harness.mjs';

let server;
let base;
let q3;        // giamsat.q3 (supervisor: sees petitioners' names)
let meetingId;
let tmp;
const kPetitioner = 'Phạm Văn Tư';
const kRecorder = 'Lê Thị Minh Thư';  // display name of canbo.q3, who records the meeting

before(async () => {
  server = await startServer();
  base = server.url;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nghedan-minutes-'));
  const tablet = await tabletOf(base, 'canbo.q3');
  const agencies = (await tablet.get('/agencies')).rows;
  const police = agencies.find((a) => a.name === 'Công an Quận 3') || agencies.find((a) => /Công an/.test(a.name));
  const health = agencies.find((a) => /Y tế/.test(a.name)) || agencies[1];
  const minutes = Array.from({ length: 28 }, (_, i) => `Ý kiến thứ ${i + 1}: người dân khu phố phản ánh tình trạng ` +
    'hẻm bị ngập khi mưa lớn, đèn chiếu sáng công cộng hư hỏng, rác thải tập kết không đúng nơi quy định; ' +
    'đại diện Ủy ban nhân dân phường tiếp thu, giải trình và hứa kiểm tra, trả lời trong thời hạn quy định.').join('\n');
  meetingId = await tablet.write('meeting', 'q3-p4-kp5', {
    held_at: Date.UTC(2026, 2, 6, 1, 30),  // 08:30 on 6 March 2026 in Vietnam
    title: 'Mỗi tuần một khu phố — Khu phố 5, Phường 4 (biên bản dài)',
    location: 'Nhà văn hóa Khu phố 5',
    chaired_by: 'Ông Trần Quốc Dũng — Phó Bí thư Quận ủy',
    delegation: 'Lãnh đạo Quận ủy, Ủy ban nhân dân Quận 3 và các phòng, ban',
    attendees: [{ name: 'Nguyễn Văn Hùng', role: 'Bí thư chi bộ' }, { name: 'Đỗ Thị Mai', role: 'Trưởng ban công tác Mặt trận' }],
    resident_count: 64,
    agenda: 'Nghe người dân phản ánh, kiến nghị.\nLãnh đạo quận trả lời và chỉ đạo.',
    minutes,
    conclusions: 'Giao các cơ quan giải quyết dứt điểm các kiến nghị trong tháng.',
    status: 'finalised',
    recorded_by: 'canbo.q3',  // the app stores the recorder's username
  });
  await tablet.write('petition', 'q3-p4-kp5', {
    meeting: meetingId, received_at: Date.UTC(2026, 2, 6, 2, 0), channel: 'meeting', category: 'health_insurance',
    title: 'Cấp thẻ bảo hiểm y tế miễn phí cho hộ cận nghèo', status: 'assigned', petitioner_name: kPetitioner,
    petitioner_contact: '0909 123 456', lead_agency: health.id, support_agencies: [police.id],
  });
  await tablet.write('directive', 'q3-p4-kp5', {
    meeting: meetingId, issued_by: 'Ông Trần Quốc Dũng', agency: police.id, status: 'issued',
    instruction: 'Hỗ trợ người dân làm thẻ căn cước gắn chip ngay trong tuần.', due_date: '2026-03-31',
  });
  q3 = await openBrowser();
  await signIn(q3.page, base, 'giamsat.q3');
});

after(async () => {
  if (q3) await q3.close();
  if (server) await server.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Prints the minutes page now shown to PDF (A4, the page's own @page rules) and reads it back. */
async function printed(page, name) {
  const file = path.join(tmp, name + '.pdf');
  return { file, pages: await printedPdf(page, file) };
}

/** Lines of a page: words on one baseline (yMax within 1 pt), split where a gap wider than
 *  5 mm separates two columns (the header's left and right halves). */
function linesOf(pageWords) {
  const rows = [];
  for (const w of pageWords.words) {
    const row = rows.find((r) => Math.abs(r.yMax - w.yMax) < 1);
    if (row) row.words.push(w); else rows.push({ yMax: w.yMax, words: [w] });
  }
  const lines = [];
  for (const r of rows.sort((a, b) => a.yMax - b.yMax)) {
    r.words.sort((a, b) => a.xMin - b.xMin);
    let line = null;
    for (const w of r.words) {
      if (!line || w.xMin - line.words.at(-1).xMax > 5 * kMm) lines.push(line = { yMax: r.yMax, yMin: w.yMin, words: [] });
      line.words.push(w);
    }
  }
  for (const l of lines) l.text = l.words.map((w) => w.text).join(' ');
  return lines;
}

/** The page and the run of words spelling `phrase` in order, or null. */
function findPhrase(pages, phrase) {
  const want = phrase.split(' ');
  for (let p = 0; p < pages.length; ++p) {
    const words = pages[p].words;
    for (let i = 0; i + want.length <= words.length; ++i)
      if (want.every((w, k) => words[i + k].text === w)) return { page: p, words: words.slice(i, i + want.length) };
  }
  return null;
}

const kMm = 72 / 25.4;

describe('printed minutes', () => {
  test('the minutes print on A4 in the layout of Nghị định 30/2020 with page numbers and the signatures kept with the closing', async () => {
    const { page } = q3;
    await page.goto(`${base}/print.html?id=${meetingId}`);
    await page.waitForSelector('#minutes[data-ready="1"]');
    // Petitioners are left out unless asked with a reason (privacy.test.mjs): this copy names them.
    await page.check('#with-personal');
    await page.fill('#personal-reason', 'Lưu hồ sơ buổi họp');
    await page.click('#personal-apply');
    await page.waitForSelector('#minutes[data-ready="1"]');
    const { pages } = await printed(page, 'minutes');
    assert.ok(pages.length >= 2, `the long minutes take ${pages.length} pages`);
    for (const p of pages) assert.ok(Math.abs(p.width - 210 * kMm) < 2 && Math.abs(p.height - 297 * kMm) < 2, 'A4 pages');

    // The national title and the motto: each on one line (one baseline), inside the page.
    for (const phrase of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']) {
      const found = findPhrase(pages, phrase);
      assert.ok(found, `"${phrase}" printed with its words in order`);
      assert.equal(found.page, 0);
      const ys = new Set(found.words.map((w) => Math.round(w.yMax)));
      assert.equal(ys.size, 1, `"${phrase}" on one line (baselines ${[...ys].join(', ')})`);
      assert.ok(found.words.at(-1).xMax <= pages[0].width - 15 * kMm + 1, `"${phrase}" inside the right margin`);
    }
    const first = linesOf(pages[0]);
    const number = first.find((l) => /^Số: \S*\/BB-UBND$/.test(l.text));
    assert.ok(number, 'a "Số: …/BB-UBND" line: ' + first.slice(0, 8).map((l) => l.text).join(' | '));
    assert.ok(first.some((l) => l.text.includes('ỦY BAN NHÂN DÂN QUẬN 3')), 'the parent body above');
    assert.ok(first.some((l) => l.text.includes('ỦY BAN NHÂN DÂN PHƯỜNG 4')), 'the issuing body');
    assert.ok(first.some((l) => l.text === 'Phường 4, ngày 06 tháng 3 năm 2026'), 'place and date in Vietnam time');
    assert.ok(first.some((l) => l.text === 'BIÊN BẢN'));
    assert.ok(first.some((l) => l.text.startsWith('Vào lúc 8 giờ 30 phút, ngày 06 tháng 3 năm 2026')), 'held at 08:30 Vietnam time');

    // Page numbers: centred in the top margin of every page but the first (Nghị định 30/2020).
    const topMargin = 20 * kMm;
    assert.equal(pages[0].words.filter((w) => w.yMax < topMargin).length, 0, 'no number on page 1');
    for (let p = 1; p < pages.length; ++p) {
      const top = pages[p].words.filter((w) => w.yMax < topMargin);
      assert.deepEqual(top.map((w) => w.text), [String(p + 1)], `page ${p + 1} is numbered in its top margin`);
      const centre = (top[0].xMin + top[0].xMax) / 2;
      assert.ok(Math.abs(centre - (30 * kMm + (pages[p].width - 45 * kMm) / 2)) < 3 * kMm, 'the number is centred');
    }

    // The closing sentence, then the signatures with names, on the same page.
    const text = pages.map((p) => linesOf(p).map((l) => l.text).join('\n')).join('\n');
    assert.match(text.replace(/\s+/g, ' '), /Buổi làm việc kết thúc lúc …… giờ …… phút, ngày 06 tháng 3 năm 2026; biên bản đã được đọc lại cho các thành phần dự họp nghe và thông qua\./);
    const secretaryHead = findPhrase(pages, 'THƯ KÝ');
    const chairHead = findPhrase(pages, 'CHỦ TRÌ');
    const closing = findPhrase(pages, 'Buổi làm việc kết thúc lúc');
    assert.ok(secretaryHead && chairHead && closing);
    assert.equal(chairHead.page, secretaryHead.page);
    assert.equal(closing.page, secretaryHead.page, 'the closing sentence is on the signatures’ page');
    assert.ok(closing.words[0].yMax < secretaryHead.words[0].yMin, 'the closing sentence is above the signatures');
    const signPage = linesOf(pages[secretaryHead.page]);
    const secretaryName = signPage.find((l) => l.text === kRecorder);
    const chairName = signPage.find((l) => l.text === 'Trần Quốc Dũng');
    assert.ok(secretaryName && chairName, 'both names under the signatures: ' + signPage.slice(-4).map((l) => l.text).join(' | '));
    assert.equal(secretaryName.yMax, chairName.yMax, 'the names on one line');
    assert.ok(secretaryName.yMin > secretaryHead.words[0].yMax + 15 * kMm, 'room to sign above the names');
    // The secretary: the recorder's display name, never the username the app stored.
    assert.ok(!text.includes('canbo.q3'));
    assert.match(text, new RegExp('2\\. Thư ký: ' + kRecorder));
    // The petition with who raised it (a supervisor may see names) and who handles it.
    assert.match(text.replace(/\s+/g, ' '), new RegExp('Người nêu: Ông/bà ' + kPetitioner));
    assert.match(text.replace(/\s+/g, ' '), /Cơ quan giải quyết: .*\(chủ trì\); Công an/);
    assert.ok(!text.includes('0909 123 456'), 'no contact details in the minutes');
    assert.match(text.replace(/\s+/g, ' '), /Hỗ trợ người dân làm thẻ căn cước gắn chip ngay trong tuần/);
  });

  test('wherever the page break falls, the signatures never stand alone at the top of a page', async () => {
    const { page } = q3;
    await page.goto(`${base}/print.html?id=${meetingId}`);
    await page.waitForSelector('#minutes[data-ready="1"]');
    // The same minutes with 0, 1, 2, … more lines before the closing: over a page's worth of
    // lines, so that the page break passes through the closing block line by line.
    for (let extra = 0; extra < 40; ++extra) {
      if (extra) {
        await page.evaluate(() => {
          const p = document.createElement('p');
          p.textContent = 'Dòng bổ sung.';
          document.querySelector('ol.directives').closest('section').append(p);
        });
      }
      const { pages } = await printed(page, 'minutes-' + extra);
      const head = findPhrase(pages, 'THƯ KÝ');
      const closing = findPhrase(pages, 'Buổi làm việc kết thúc lúc');
      assert.ok(head && closing);
      assert.equal(closing.page, head.page, `${extra} more lines: the closing sentence is on the signatures’ page`);
      const above = pages[head.page].words.filter((w) => w.yMax < head.words[0].yMin && w.yMin > 20 * 72 / 25.4);
      assert.ok(above.length > 5, `${extra} more lines: body text above the signatures`);
    }
  });

  test('an administrator’s minutes leave the petitioner’s name out', async () => {
    const admin = await openBrowser();
    try {
      await signIn(admin.page, base, 'admin');
      await admin.page.goto(`${base}/print.html?id=${meetingId}`);
      await admin.page.waitForSelector('#minutes[data-ready="1"]');
      const text = await admin.page.textContent('#minutes');
      assert.ok(text.includes('Cấp thẻ bảo hiểm y tế miễn phí cho hộ cận nghèo'));
      assert.ok(!text.includes(kPetitioner), 'admins see no petitioner names');
      assert.match(text, /Người nêu: Người dân/);
    } finally {
      await admin.close();
    }
  });
});
