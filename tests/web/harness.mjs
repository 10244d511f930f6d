// Starts the real nghedan-server with the demo data on a free loopback port, and Debian's
// Chromium through playwright-core with a fresh profile per browser.
import { execFileSync, spawn } from 'node:child_process';
import nodeCrypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const kPassword = 'demo1234';

export function serverBinary() {
  const bin = process.env.NGHEDAN_SERVER;
  if (!bin || !fs.existsSync(bin)) throw new Error('set NGHEDAN_SERVER to the nghedan-server binary (got ' + bin + ')');
  return bin;
}

/** Runs `nghedan-server serve --demo --port 0` in a temp data dir; resolves once it listens.
 *  `tree`: the demo's unit tree, 'districts' (the article's) or 'two-tier' (today's city). */
export async function startServer({ tree = 'districts' } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nghedan-web-'));
  const child = spawn(serverBinary(), ['serve', '--demo', '--demo-tree', tree, '--port', '0', '--address', '127.0.0.1', '--data', dataDir, '--log-level', 'warn'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start in 120 s: ' + stderr)), 120000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}): ${stderr}`)); });
  });
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const kChromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=vi-VN'];

/** A browser with a fresh profile (its own cookies), viewport as given. */
export async function openBrowser({ width = 1366, height = 768 } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nghedan-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: kChromiumArgs,
    viewport: { width, height },
    acceptDownloads: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    env: { ...process.env, LANG: 'vi_VN.UTF-8', LANGUAGE: 'vi' },
  });
  context.setDefaultTimeout(30000);
  const page = context.pages()[0] || await context.newPage();
  return {
    context,
    page,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login page and waits for the overview. */
export async function signIn(page, baseUrl, username, password = kPassword) {
  await page.goto(baseUrl + '/#/login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('form.login-card button[type=submit]');
  await page.waitForSelector('[data-testid="meetings-held"]');
}

/** GET a JSON endpoint with the page's session cookie. */
export async function getJson(page, baseUrl, apiPath) {
  const res = await page.request.get(baseUrl + '/api/v1' + apiPath);
  const body = await res.json();
  return { status: res.status(), body };
}

/** Every row of a list endpoint, page by page (limit 200). */
export async function allRows(page, baseUrl, listPath, params = {}) {
  const rows = [];
  for (let offset = 0; ; offset += 200) {
    const q = new URLSearchParams({ ...params, offset: String(offset), limit: '200' });
    const { status, body } = await getJson(page, baseUrl, `${listPath}?${q}`);
    if (status !== 200) throw new Error(`${listPath} ${status} ${JSON.stringify(body)}`);
    rows.push(...body.rows);
    if (rows.length >= body.total || body.rows.length === 0) return rows;
  }
}

/** RFC 4180 parser: rows of fields (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text) {
  const rows = [];
  let row = [], field = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    if (c === '\n') throw new Error('bare LF line ending at ' + i);
    field += c; i++;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** What a person types without Vietnamese diacritics. */
export function stripDiacritics(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** "YYYY-MM-DD" n days before `day`. */
export function daysBefore(day, n) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/** Waits until the dashboard has rendered the route now in the address bar. */
export async function waitRendered(page) {
  await page.waitForFunction(() => {
    const main = document.getElementById('app');
    return main && main.dataset.rendered === (location.hash || '#/');
  });
}

/** Runs SQL with Debian's sqlite3 on a copy of the server's database (made with the sqlite3
 *  ".backup" command, consistent while the server runs); rows as arrays of strings. */
export function sqliteRows(dataDir, sql) {
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nghedan-db-')), 'copy.db');
  try {
    execFileSync('sqlite3', ['-readonly', path.join(dataDir, 'nghedan.db'), `.backup '${copy}'`]);
    const out = execFileSync('sqlite3', ['-separator', '\t', copy, sql], { encoding: 'utf8', maxBuffer: 1 << 28 });
    return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
  } finally {
    fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  }
}

/** JSON text as the server's toJsonText writes it: object keys sorted, no spaces; BigInt for
 *  the 64-bit hlc, which a JS number cannot hold exactly. */
/** The fields the schema marks personal (shared/src/schema.cpp). */
const kPersonalFields = ['petitioner_name', 'petitioner_contact'];
/** The app version a simulated tablet names (X-NgheDan-Client-Version): this build's, which is
 *  its schema version (shared/include/nghedan/client_version.h). */
const kClientVersion = fs.readFileSync(new URL('../../shared/include/nghedan/schema.h', import.meta.url), 'utf8')
  .match(/kSchemaVersion = (\d+)/)[1];

function canonicalJson(value) {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  if (value && typeof value === 'object')
    return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + canonicalJson(value[k])).join(',') + '}';
  return JSON.stringify(value);
}

/** A simulated tablet of `username`: signs in with a new device id and its own Ed25519 key, and
 *  pushes changes of its own site signed by that key, as the app does (POST /sync/push).
 *  `write(entity, unit, set)` returns the new id. */
export async function tabletOf(baseUrl, username, password = kPassword) {
  const hex = (n) => [...crypto.getRandomValues(new Uint8Array(n))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const site = hex(16);
  const keys = nodeCrypto.generateKeyPairSync('ed25519');
  const publicKey = keys.publicKey.export({ format: 'jwk' }).x;  // raw 32 bytes, base64url
  const sign = (text) => nodeCrypto.sign(null, Buffer.from(text, 'utf8'), keys.privateKey).toString('base64url');
  const keyProof = sign(`nghedan device key v1\n${site}\n${username}\n${publicKey}`);
  const login = await fetch(baseUrl + '/api/v1/auth/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-NgheDan-Client-Version': kClientVersion },
    body: JSON.stringify({ username, password, device: site, publicKey, keyProof }),
  });
  if (login.status !== 200) throw new Error(`tablet login of ${username}: ${login.status} ${await login.text()}`);
  const { token } = await login.json();
  let seq = 0;
  const call = async (method, apiPath, body) => {
    const res = await fetch(baseUrl + '/api/v1' + apiPath, {
      method, headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json', 'X-NgheDan-Client-Version': kClientVersion },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const json = await res.json();
    if (res.status !== 200) throw new Error(`${method} ${apiPath}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    get: (apiPath) => call('GET', apiPath),
    async write(entity, unit, set) {
      const id = hex(16);
      const change = { v: 1, site, seq: ++seq, hlc: BigInt(Date.now()) * 65536n, entity, id, unit, author: username, set, bases: {} };
      // Personal values carry a salt, and the signature covers them as salted hashes
      // (shared/include/nghedan/personal.h), as the app writes them.
      const salts = {};
      for (const field of kPersonalFields) if (field in set) salts[field] = nodeCrypto.randomBytes(16).toString('base64url');
      if (Object.keys(salts).length === 0) {
        change.sig = sign('nghedan change v1\n' + canonicalJson(change));
      } else {
        change.v = 2;
        const hashed = { ...change, set: { ...set } };
        for (const [field, salt] of Object.entries(salts)) {
          const digest = nodeCrypto.createHash('sha256');
          digest.update(Buffer.from(salt, 'base64url'));
          digest.update(Buffer.from(canonicalJson(set[field]), 'utf8'));
          hashed.set[field] = { $h: digest.digest('base64url') };
        }
        change.sig = sign('nghedan change v2\n' + canonicalJson(hashed));
        change.salts = salts;
      }
      const reply = await call('POST', '/sync/push', `{"changes":[${canonicalJson(change)}]}`);
      if (reply.accepted !== 1) throw new Error(`push refused: ${JSON.stringify(reply.refused)}`);
      return id;
    },
  };
}

/** Prints the page now shown to `file` as PDF (A4 or the page's own @page rules, as a browser's
 *  print dialog does) and reads it back with pdfWords. */
export async function printedPdf(page, file) {
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return pdfWords(file);
}

/** The words of a PDF by page, from poppler's `pdftotext -bbox`: [{width, height, words:
 *  [{text, xMin, yMin, xMax, yMax}]}], in reading order. */
export function pdfWords(pdfFile) {
  const html = execFileSync('pdftotext', ['-bbox', pdfFile, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const pages = [];
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((w) => ({ xMin: +w[1], yMin: +w[2], xMax: +w[3], yMax: +w[4], text: unescape(w[5]) }));
    pages.push({ width: +m[1], height: +m[2], words });
  }
  return pages;
}
