// The weekly chart: petitions as bars, meetings as a line with dots, inline SVG that scales to
// its container. Each bar has a <title> so a pointer shows the week's numbers.
import { svg } from './dom.js';
import { fmtDate } from './format.js';
import { t } from './i18n.js';

export function weeklyChart(weeks) {
  const W = 900, H = 260, left = 40, right = 40, top = 16, bottom = 40;
  const innerW = W - left - right, innerH = H - top - bottom;
  const maxP = Math.max(1, ...weeks.map((w) => w.petitions));
  const maxM = Math.max(1, ...weeks.map((w) => w.meetings));
  const niceP = niceMax(maxP), niceM = niceMax(maxM);  // multiples of 4: whole-number ticks
  const n = Math.max(1, weeks.length);
  const step = innerW / n;
  const barW = Math.max(2, Math.min(28, step * 0.7));
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': t('weeklyChart') });
  // Grid and left axis (petitions), right axis (meetings).
  for (let i = 0; i <= 4; i++) {
    const y = top + innerH - (innerH * i) / 4;
    root.append(svg('line', { x1: left, x2: W - right, y1: y, y2: y, class: 'grid' }));
    root.append(svg('text', { x: left - 6, y: y + 4, class: 'axis axis-left' }, String(Math.round((niceP * i) / 4))));
    root.append(svg('text', { x: W - right + 6, y: y + 4, class: 'axis axis-right' }, String(Math.round((niceM * i) / 4))));
  }
  weeks.forEach((w, i) => {
    const x = left + step * i + (step - barW) / 2;
    const hgt = (innerH * w.petitions) / niceP;
    root.append(svg('rect', { x, y: top + innerH - hgt, width: barW, height: Math.max(0, hgt), class: 'bar' },
      svg('title', {}, `${t('weekOf', { d: fmtDate(w.week) })}: ${w.petitions} ${t('petitionsSeries').toLowerCase()}, ${w.meetings} ${t('meetingsSeries').toLowerCase()}`)));
  });
  const pts = weeks.map((w, i) => [left + step * i + step / 2, top + innerH - (innerH * w.meetings) / niceM]);
  if (pts.length) {
    root.append(svg('polyline', { points: pts.map((p) => p.join(',')).join(' '), class: 'line' }));
    pts.forEach(([x, y], i) => root.append(svg('circle', { cx: x, cy: y, r: 3, class: 'dot' },
      svg('title', {}, `${t('weekOf', { d: fmtDate(weeks[i].week) })}: ${weeks[i].meetings} ${t('meetingsSeries').toLowerCase()}`))));
  }
  // Month labels under the first week of each month.
  let lastMonth = '';
  let lastX = -1e9;
  weeks.forEach((w, i) => {
    // The week's Thursday decides its month (as ISO weeks do); labels keep 48px apart.
    const thursday = new Date(Date.parse(w.week + 'T00:00:00Z') + 3 * 86400000).toISOString();
    const month = thursday.slice(0, 7);
    const x = left + step * i + 2;
    if (month !== lastMonth && x - lastX >= 48) {
      lastMonth = month;
      lastX = x;
      root.append(svg('text', { x: left + step * i + 2, y: H - bottom + 18, class: 'axis' }, `${month.slice(5, 7)}/${month.slice(0, 4)}`));
    }
  });
  return root;
}

function niceMax(v) {
  const raw = Math.max(1, v / 4);
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 3, 5, 10]) if (m * p >= raw) return 4 * m * p;
  return 4 * raw;
}

/** A horizontal bar for a table cell: share of `max`. */
export function shareBar(value, max, cls = '') {
  const width = max > 0 ? Math.round((200 * value) / max) : 0;
  return svg('svg', { viewBox: '0 0 200 10', class: 'share ' + cls, 'aria-hidden': 'true', preserveAspectRatio: 'none' },
    svg('rect', { x: 0, y: 0, width, height: 10 }));
}
