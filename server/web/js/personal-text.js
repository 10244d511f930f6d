// The dashboard's copy of findPersonalNumbers (shared/src/personal_text.cpp): phone and ID
// numbers typed into free text, so that forms can warn (never block). The two copies are tested
// against the same table, tests/data/personal_numbers.json: change both and the table together.

const isDigit = (c) => c >= '0' && c <= '9';
/** A letter or digit; any non-ASCII character counts as a letter (Vietnamese letters). */
const isWordChar = (c) => c !== undefined && c !== '' && (/[A-Za-z0-9]/.test(c) || c.charCodeAt(0) >= 0x80);
const isSeparator = (c) => c === ' ' || c === '.' || c === '-';

const kMoneyWords = ['đồng', 'Đồng', 'đ', 'Đ', 'vnđ', 'VNĐ', 'vnd', 'VND', 'nghìn', 'Nghìn', 'ngàn', 'Ngàn',
  'triệu', 'Triệu', 'tỷ', 'Tỷ', 'tỉ', 'Tỉ', 'usd', 'USD', '%'];

function startsWithMoneyWord(rest) {
  rest = rest.replace(/^ +/, '');
  for (const word of kMoneyWords) {
    if (!rest.startsWith(word)) continue;
    if (word.length >= rest.length) return true;
    const next = rest[word.length];
    if (!/[A-Za-z]/.test(next) && next.charCodeAt(0) < 0x80) return true;
    if (['đồng', 'Đồng', 'triệu', 'Triệu'].includes(word)) return true;
  }
  return false;
}

function looksLikeAmount(text, groups) {
  if (groups.length < 2) return false;
  const first = groups[0];
  const len = first.end - first.begin;
  if (len < 1 || len > 3 || text[first.begin] === '0') return false;
  return groups.slice(1).every((g) => g.end - g.begin === 3 && (g.sepBefore === '.' || g.sepBefore === ','));
}

function kindOf(digits, plus) {
  const n = digits.length;
  const mobileLead = (c) => '35789'.includes(c);
  if (digits.startsWith('84') && n >= 11) {
    if (n === 11 && mobileLead(digits[2])) return 'phone';
    if (n === 12 && digits[2] === '2') return 'phone';
  }
  if (plus) return '';
  if (n === 10 && digits[0] === '0' && mobileLead(digits[1])) return 'phone';
  if (n === 11 && digits.startsWith('02')) return 'phone';
  if (n === 12 && digits[0] === '0') return 'id_number';
  if (n === 9) return 'id_number';
  return '';
}

/** [{kind: 'phone'|'id_number', begin, end, text}] of `text` (string indices), in text order. */
export function findPersonalNumbers(text) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i])) { i++; continue; }
    const groups = [];
    let at = i;
    let sep = '';
    for (;;) {
      let end = at;
      while (end < text.length && isDigit(text[end])) end++;
      groups.push({ begin: at, end, sepBefore: sep });
      let next = end;
      let s = '';
      if (next < text.length && text[next] === ')') {
        next++;
        s = ' ';
        if (next < text.length && text[next] === ' ') next++;
      } else if (next + 1 < text.length && (isSeparator(text[next]) || text[next] === ',')) {
        s = text[next];
        next++;
      }
      if (s && next < text.length && isDigit(text[next])) { sep = s; at = next; continue; }
      break;
    }
    const runBegin = groups[0].begin;
    const runEnd = groups[groups.length - 1].end;
    i = runEnd;

    let start = runBegin;
    let plus = false;
    if (start > 0 && text[start - 1] === '(' && groups.length > 1 && text[groups[0].end] === ')') start--;
    if (start > 0 && text[start - 1] === '+') { start--; plus = true; }
    let glued = false;
    if (start > 0) {
      const before = text[start - 1];
      if (isWordChar(before) || before === '/') glued = true;
      if ((before === '-' || before === '.') && start > 1 && isWordChar(text[start - 2])) glued = true;
    }
    if (runEnd < text.length) {
      const after = text[runEnd];
      if (isWordChar(after) || after === '/') glued = true;
      if ((after === '-' || after === '.' || after === ',') && runEnd + 1 < text.length && isWordChar(text[runEnd + 1])) glued = true;
    }
    if (glued || looksLikeAmount(text, groups) || startsWithMoneyWord(text.slice(runEnd))) continue;

    const opensAt = (g) => g === 0 || groups[g].sepBefore === ' ';
    const closesAt = (last) => last + 1 === groups.length || groups[last + 1].sepBefore === ' ';
    for (let g = 0; g < groups.length;) {
      let found = false;
      for (let last = groups.length - 1; opensAt(g) && last >= g; last--) {
        if (!closesAt(last)) continue;
        let digits = '';
        for (let k = g; k <= last; k++) digits += text.slice(groups[k].begin, groups[k].end);
        const kind = kindOf(digits, plus && g === 0);
        if (!kind) continue;
        const begin = g === 0 ? start : groups[g].begin;
        out.push({ kind, begin, end: groups[last].end, text: text.slice(begin, groups[last].end) });
        g = last + 1;
        found = true;
        break;
      }
      if (!found) g++;
    }
  }
  return out;
}

/** The warning to show under a free-text field, or '' when the text looks clean. */
export function personalTextWarning(text) {
  const found = findPersonalNumbers(text || '');
  if (found.length === 0) return '';
  return found.some((m) => m.kind === 'phone')
    ? 'Nội dung có vẻ chứa số điện thoại. Thông tin cá nhân chỉ ghi ở ô Liên hệ của người kiến nghị.'
    : 'Nội dung có vẻ chứa số CCCD/CMND. Thông tin cá nhân chỉ ghi ở ô Liên hệ của người kiến nghị.';
}
