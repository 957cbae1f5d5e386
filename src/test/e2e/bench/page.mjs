// Generates the benchmark pages: a ~5 MB business page with a known number of real phone numbers
// in mixed formats among realistic distractors (dates, prices, order numbers, IBANs, postcodes),
// and a digit-free page. Every text node is checked with the extension's own detector while
// generating, so the expected link count is exact and does not depend on the default country.
import { findCallables } from '../../../../extension/content/detect.js';

const COUNTRIES_CHECKED = [null, 'US', 'DE', 'GB'];

/** Small deterministic PRNG (mulberry32), so every run serves the same page. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Elif', 'Finn', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Karla', 'Luca', 'Mara', 'Noah', 'Olga', 'Paul'];
export const LAST = ['Schneider', 'Smith', 'Dubois', 'Rossi', 'Novak', 'Jansen', 'Garcia', 'Brown', 'Weber', 'Martin', 'Keller', 'Olsen'];
export const CITIES = ['Berlin', 'Hamburg', 'London', 'Paris', 'Madrid', 'Vienna', 'Zurich', 'Amsterdam', 'Chicago', 'Denver'];
const PROSE = [
  'Our account team answers questions about delivery, returns and warranty within one working day.',
  'Please keep this reference ready when you contact the service desk about your order.',
  'The customer asked for an updated quote including installation and a maintenance contract.',
  'Meeting notes: pricing approved, shipping address confirmed, follow up after the trade fair.',
  'Opening hours are Monday to Friday; on public holidays the hotline forwards to voicemail.',
];

// Phone formats: [template, country]; "d" is a random digit. Validated by the detector below.
const FORMATS = [
  '+49 30 dddddddd', '+49 (0)89 ddddddd', '+49 151 dddddddd', '+49-40-dddddd-dd', '+49 221 ddd dd dd',
  '+1 212-ddd-dddd', '+1 (415) ddd-dddd', '+1.312.ddd.dddd', '+1 646 ddd dddd',
  '+44 20 dddd dddd', '+44 7700 ddd ddd', '+44 161 ddd dddd',
  '+33 1 dd dd dd dd', '+33 6 dd dd dd dd', '+31 20 ddd dddd', '+41 44 ddd dd dd',
  '+43 1 ddddddd', '+39 06 dddd dddd', '+34 91 ddd dd dd', '+46 8 ddd ddd dd',
];

function fill(template, rand) {
  return template.replace(/d/g, () => String(Math.floor(rand() * 10)));
}

export const digits = (rand, n) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
export const pick = (rand, list) => list[Math.floor(rand() * list.length)];

function hits(text) {
  const counts = COUNTRIES_CHECKED.map((c) => findCallables(text, c).length);
  return counts.every((n) => n === counts[0]) ? counts[0] : -1;
}

/** A phone number that the detector finds exactly once in `text(number)`, for every country. */
export function phoneText(rand, wrap) {
  for (;;) {
    const text = wrap(fill(pick(rand, FORMATS), rand));
    if (hits(text) === 1) return text;
  }
}

/** Distractor text must produce no link. */
export function plain(text) {
  if (hits(text) !== 0) throw new Error(`distractor would be linked: ${text}`);
  return text;
}

export const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function distractors(rand) {
  const day = 1 + Math.floor(rand() * 28);
  const month = 1 + Math.floor(rand() * 12);
  const iban = `DE${digits(rand, 2)} ${digits(rand, 4)} ${digits(rand, 4)} ${digits(rand, 4)} ${digits(rand, 4)} ${digits(rand, 2)}`;
  return [
    `Order #${digits(rand, 8)}`,
    `Invoice no. ${digits(rand, 4)}-${digits(rand, 6)}`,
    `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.2024`,
    `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} 14:30`,
    `€ ${digits(rand, 1)}.${digits(rand, 3)},${digits(rand, 2)}`,
    `${digits(rand, 3)}.${digits(rand, 2)} USD`,
    `IBAN ${iban}`,
    `Tracking ${digits(rand, 12)}`,
    `${digits(rand, 5)} ${pick(rand, CITIES)}`,
  ].map(plain);
}

// Three layouts, so the page is not one giant table: table rows, address cards, prose paragraphs.
function record(rand, i) {
  const name = `${pick(rand, FIRST)} ${pick(rand, LAST)}`;
  const d = distractors(rand);
  const prose = plain(pick(rand, PROSE));
  switch (i % 3) {
    case 0:
      return { html: `<tr><td>${name}</td><td>${esc(d[8])}</td><td>${esc(phoneText(rand, (n) => n))}</td><td>${esc(d[0])}</td><td>${d[2]}</td><td>${esc(d[4])}</td><td>${esc(d[6])}</td><td>${prose}</td></tr>`, numbers: 1, table: true };
    case 1:
      return {
        html: `<div class="card"><h3>${name}</h3><ul><li>${esc(phoneText(rand, (n) => `Tel. ${n}`))}</li><li>${esc(phoneText(rand, (n) => `Fax ${n}`))}</li><li>${esc(d[1])}</li><li>${esc(d[3])}</li><li>${esc(d[7])}</li></ul><p>${prose} ${esc(d[5])}</p></div>`,
        numbers: 2,
      };
    default:
      return { html: `<p>${name} wrote on ${d[2]}: ${prose} Reach me at ${esc(phoneText(rand, (n) => n))} or by mail. ${esc(d[0])}, ${esc(d[4])}, ${esc(d[6])}.</p>`, numbers: 1 };
  }
}

/**
 * @param {{numbers?: number, bytes?: number, probe: (expected: number) => string}} options
 * @returns {{html: string, expected: number}}
 */
export function numbersPage({ numbers = 10000, bytes = 5 * 1024 * 1024, probe }) {
  const rand = rng(4);
  const parts = [];
  let expected = 0;
  let size = 0;
  let table = [];
  const flush = () => {
    if (table.length) parts.push(`<table>${table.join('\n')}</table>`);
    table = [];
  };
  for (let i = 0; expected < numbers; i += 1) {
    const r = record(rand, i);
    if (expected + r.numbers > numbers) continue;
    expected += r.numbers;
    size += r.html.length;
    if (r.table) table.push(r.html);
    else {
      flush();
      parts.push(r.html);
    }
    if (table.length >= 50) flush();
  }
  flush();
  // Pad with digit-free prose to the target size (the parser and walker pay for it, the detector
  // does not), spread through the page.
  const filler = `<p>${PROSE.join(' ')} ${PROSE.join(' ')}</p>`;
  const missing = Math.max(0, bytes - size);
  const every = Math.max(1, Math.floor(parts.length / Math.ceil(missing / filler.length)));
  const body = [];
  let added = 0;
  parts.forEach((part, i) => {
    body.push(part);
    if (i % every === 0 && added < missing) {
      body.push(filler);
      added += filler.length;
    }
  });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Customer directory</title><script>${probe(expected)}</script></head><body><h1>Customer directory</h1>\n${body.join('\n')}\n</body></html>`;
  return { html, expected };
}

/** A page of the same shape without a single digit (names, prose, addresses without numbers). */
export function digitFreePage({ bytes = 2 * 1024 * 1024, probe }) {
  const rand = rng(7);
  const parts = [];
  let size = 0;
  while (size < bytes) {
    const p = `<div class="card"><h3>${pick(rand, FIRST)} ${pick(rand, LAST)}</h3><p>${pick(rand, PROSE)} ${pick(rand, PROSE)}</p><p>${pick(rand, CITIES)}, ${pick(rand, CITIES)}</p></div>`;
    parts.push(p);
    size += p.length;
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>About us</title><script>${probe(0)}</script></head><body>\n${parts.join('\n')}\n</body></html>`;
  if (/\d/.test(parts.join('').replace(/<[^>]*>/g, ''))) throw new Error('the digit-free page has digits');
  return { html, expected: 0 };
}
