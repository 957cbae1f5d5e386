// The two CRM-shaped benchmark pages of issue 13: a 0.2 MB customer table with 1,000 numbers,
// and a single-page list whose script appends 10 rows (one number each) every 100 ms for 10 s.
// Numbers and distractors come from the same validated generator as the 5 MB page.
import { CITIES, FIRST, LAST, digits, esc, phoneText, pick, plain, rng } from './page.mjs';

const STATUS = ['open', 'won', 'lost', 'follow-up', 'quote sent'];
const COMPANY = ['Nordlicht GmbH', 'Acme Corp', 'Blue Harbor Ltd', 'Keller & Sohn KG', 'Martin SARL', 'Olsen AS'];

function row(rand, attrs = '') {
  const name = `${pick(rand, FIRST)} ${pick(rand, LAST)}`;
  const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
  const cells = [
    name, pick(rand, COMPANY), phoneText(rand, (n) => n), `${name.split(' ')[0].toLowerCase()}@example.com`,
    pick(rand, CITIES), plain(`${day}.${month}.2025`), plain(`Order #${digits(rand, 8)}`), pick(rand, STATUS),
  ];
  return `<tr${attrs}>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
}

const HEAD = '<thead><tr><th>Name</th><th>Company</th><th>Phone</th><th>E-mail</th><th>City</th><th>Last contact</th><th>Order</th><th>Status</th></tr></thead>';
const STYLE = '<style>body{font:14px sans-serif;margin:0}nav{padding:8px 16px;background:#234;color:#fff}table{border-collapse:collapse;width:100%}td,th{padding:4px 8px;border-bottom:1px solid #ddd;text-align:left}</style>';

/** A 0.2 MB CRM table of `numbers` rows, one number each. */
export function crmPage({ numbers = 1000, probe }) {
  const rand = rng(11);
  const rows = Array.from({ length: numbers }, () => row(rand));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contacts</title><script>${probe(numbers)}</script>${STYLE}</head>`
    + `<body><nav>Contacts · Deals · Tickets</nav><table>${HEAD}<tbody>${rows.join('')}</tbody></table></body></html>`;
  return { html, expected: numbers };
}

/**
 * A single-page list: after load its script appends `perTick` rows every `everyMs` for
 * `ticks` ticks, as a CRM does when a list streams in. Each batch notes its insertion time with
 * the probe (`__bench.insert(i)`); its rows carry `data-ins="i"`.
 */
export function streamPage({ perTick = 10, everyMs = 100, ticks = 100, probe }) {
  const rand = rng(12);
  const batches = Array.from({ length: ticks }, (_, i) => Array.from({ length: perTick }, () => row(rand, ` data-ins="${i}"`)).join(''));
  const script = `(() => {
    const batches = ${JSON.stringify(batches)};
    let i = 0;
    addEventListener('load', () => {
      const body = document.querySelector('tbody');
      const timer = setInterval(() => {
        body.insertAdjacentHTML('beforeend', batches[i]);
        __bench.insert(i);
        i += 1;
        if (i === batches.length) { clearInterval(timer); __bench.done = true; }
      }, ${everyMs});
    });
  })();`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live queue</title><script>${probe(perTick * ticks)}</script>${STYLE}</head>`
    + `<body><nav>Live queue</nav><table>${HEAD}<tbody></tbody></table><script>${script}</script></body></html>`;
  return { html, expected: perTick * ticks, batches: ticks };
}
