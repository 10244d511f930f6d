// Draws the demo's photos (server/demo/*.jpg) with a canvas in headless Chromium: simple
// illustrations of a neighbourhood meeting and the article's two stories, no real person and no
// copyrighted picture. Each photo has a thumbnail of 320 px (*.thumb.jpg), as the tablet makes.
// Run once from the repository root: node scripts/make_demo_photos.mjs (needs tests/web's
// node_modules and Debian's chromium); the files are committed.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(path.resolve('tests/web/package.json'));
const { chromium } = require('playwright-core');
const outDir = path.resolve('server/demo');
fs.mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
const page = await browser.newPage();
await page.setContent('<canvas id="c" width="960" height="720"></canvas>');

const scenes = await page.evaluate(async () => {
  const c = document.getElementById('c');
  const g = c.getContext('2d');
  const W = c.width, H = c.height;
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const sky = (top, bottom) => { const gr = g.createLinearGradient(0, 0, 0, H); gr.addColorStop(0, top); gr.addColorStop(1, bottom); g.fillStyle = gr; g.fillRect(0, 0, W, H); };
  const person = (x, y, s, shirt) => {
    g.fillStyle = shirt; g.beginPath(); g.ellipse(x, y + 38 * s, 26 * s, 34 * s, 0, 0, Math.PI * 2); g.fill();
    g.fillStyle = '#e8c39e'; g.beginPath(); g.arc(x, y, 16 * s, 0, Math.PI * 2); g.fill();
    g.fillStyle = '#2b2118'; g.beginPath(); g.arc(x, y - 5 * s, 16 * s, Math.PI, 0); g.fill();
  };
  const text = (t, x, y, size, color, align = 'center') => { g.font = `bold ${size}px "Noto Sans", "DejaVu Sans", sans-serif`; g.fillStyle = color; g.textAlign = align; g.fillText(t, x, y); };
  const draw = {
    meeting() {
      sky('#f3efe6', '#d9cfbd');
      g.fillStyle = '#b3261e'; g.fillRect(120, 60, 720, 110);
      text('MỖI TUẦN MỘT KHU PHỐ', 480, 112, 40, '#ffd54f');
      text('Tiếp xúc, đối thoại với nhân dân khu phố 5', 480, 152, 24, '#fff');
      g.fillStyle = '#7a5230'; g.fillRect(200, 230, 560, 40);
      for (let i = 0; i < 4; i++) person(290 + i * 130, 205, 0.9, ['#1f5fa8', '#ffffff', '#1f5fa8', '#ffffff'][i]);
      for (let r = 0; r < 3; r++) for (let i = 0; i < 7; i++) person(120 + i * 120 + (r % 2) * 40, 380 + r * 110, 1.1 + r * 0.1, ['#c0392b', '#2e86c1', '#27ae60', '#f39c12', '#8e44ad', '#16a085', '#7f8c8d'][(i + r) % 7]);
    },
    papers() {
      sky('#8d6e63', '#5d4037');
      const sheet = (x, y, a, title) => {
        g.save(); g.translate(x, y); g.rotate(a);
        g.fillStyle = '#fffdf5'; g.fillRect(-150, -200, 300, 400);
        g.fillStyle = '#999'; for (let i = 0; i < 12; i++) g.fillRect(-120, -110 + i * 24, 240 - (i % 3) * 40, 6);
        text(title, 0, -150, 22, '#b3261e'); g.restore();
      };
      sheet(300, 360, -0.12, 'GIẤY KHAI SINH');
      sheet(640, 380, 0.1, 'SỔ HỘ KHẨU');
      g.fillStyle = '#263238'; g.fillRect(420, 560, 200, 24);
    },
    idcard() {
      sky('#e3f2fd', '#90caf9');
      g.fillStyle = '#fff'; g.fillRect(180, 170, 600, 380);
      g.strokeStyle = '#1f5fa8'; g.lineWidth = 6; g.strokeRect(180, 170, 600, 380);
      text('CĂN CƯỚC CÔNG DÂN', 480, 230, 34, '#b3261e');
      g.fillStyle = '#cfd8dc'; g.fillRect(220, 270, 170, 220);
      g.fillStyle = '#d4a017'; g.fillRect(610, 300, 110, 80);
      g.fillStyle = '#90a4ae'; for (let i = 0; i < 6; i++) g.fillRect(420, 280 + i * 34, 160 - (i % 2) * 50, 14);
    },
    coach() {
      sky('#bbdefb', '#eceff1');
      g.fillStyle = '#616161'; g.fillRect(0, 470, W, 250);
      g.fillStyle = '#fff'; for (let i = 0; i < 8; i++) g.fillRect(i * 130 + 20, 590, 70, 10);
      g.fillStyle = '#9e9e9e'; for (let i = 0; i < 5; i++) g.fillRect(i * 200, 180 + (i % 2) * 40, 170, 300 - (i % 2) * 40);
      g.fillStyle = '#e53935'; g.fillRect(200, 330, 520, 200);
      g.fillStyle = '#b3e5fc'; for (let i = 0; i < 6; i++) g.fillRect(220 + i * 80, 350, 64, 60);
      g.fillStyle = '#212121'; for (const x of [300, 620]) { g.beginPath(); g.arc(x, 530, 36, 0, Math.PI * 2); g.fill(); }
      text('XE KHÁCH', 460, 480, 30, '#fff');
    },
    sign() {
      sky('#90caf9', '#e1f5fe');
      g.fillStyle = '#616161'; g.fillRect(0, 560, W, 160);
      g.fillStyle = '#757575'; g.fillRect(468, 300, 24, 300);
      g.fillStyle = '#1565c0'; g.beginPath(); g.arc(480, 230, 120, 0, Math.PI * 2); g.fill();
      g.strokeStyle = '#d32f2f'; g.lineWidth = 26; g.beginPath(); g.arc(480, 230, 120, 0, Math.PI * 2); g.stroke();
      g.beginPath(); g.moveTo(400, 150); g.lineTo(560, 310); g.moveTo(560, 150); g.lineTo(400, 310); g.stroke();
      g.fillStyle = '#fff'; g.fillRect(390, 370, 180, 60);
      text('7h – 19h', 480, 412, 30, '#000');
    },
  };
  const out = {};
  for (const [name, f] of Object.entries(draw)) {
    g.setTransform(1, 0, 0, 1, 0, 0);
    f();
    // a little grain, so that it looks less like a diagram
    const img = g.getImageData(0, 0, W, H);
    for (let i = 0; i < img.data.length; i += 4) { const n = (rnd() - 0.5) * 14; img.data[i] += n; img.data[i + 1] += n; img.data[i + 2] += n; }
    g.putImageData(img, 0, 0);
    const blob = (canvas, q) => new Promise((r) => canvas.toBlob(r, 'image/jpeg', q));
    const bytes = async (b) => Array.from(new Uint8Array(await b.arrayBuffer()));
    const thumb = document.createElement('canvas');
    thumb.width = 320; thumb.height = 240;
    thumb.getContext('2d').drawImage(c, 0, 0, 320, 240);
    out[name] = { full: await bytes(await blob(c, 0.82)), thumb: await bytes(await blob(thumb, 0.78)) };
  }
  return out;
});
for (const [name, { full, thumb }] of Object.entries(scenes)) {
  fs.writeFileSync(path.join(outDir, name + '.jpg'), Buffer.from(full));
  fs.writeFileSync(path.join(outDir, name + '.thumb.jpg'), Buffer.from(thumb));
  console.log(name, full.length, thumb.length);
}
await browser.close();
