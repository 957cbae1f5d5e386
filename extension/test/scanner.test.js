import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countWalkerVisits, makeDom, manualScheduler } from './dom.js';
import { Scanner, LINK_CLASS } from '../content/scanner.js';
import { findCallables } from '../content/detect.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(body, opts = {}) {
  const win = makeDom(`<!doctype html><html><body>${body}</body></html>`);
  const scheduler = manualScheduler();
  const scanner = new Scanner(win.document, (text) => findCallables(text, 'DE'), { scheduler, ...opts });
  return { win, doc: win.document, scheduler, scanner, links: () => [...win.document.querySelectorAll(`a.${LINK_CLASS}`)] };
}

test('numbers in text become links; the visible text stays exactly the same', () => {
  const ctx = setup('<p id="p">Zentrale (030) 9018-2000 oder mobil 0171 1234567, danke.</p>');
  const before = ctx.doc.getElementById('p').textContent;
  ctx.scanner.start();
  ctx.scheduler.runAll();
  assert.deepEqual(ctx.links().map((a) => a.getAttribute('href')), ['tel:+493090182000', 'tel:+491711234567']);
  assert.deepEqual(ctx.links().map((a) => a.textContent), ['(030) 9018-2000', '0171 1234567']);
  assert.equal(ctx.doc.getElementById('p').textContent, before);
  assert.equal(ctx.links()[0].className, LINK_CLASS, 'one small class, nothing else');
});

test('editable content, code, scripts, styles and existing links are skipped', () => {
  const ctx = setup(`
    <input value="030 9018 2000"><textarea>030 9018 2000</textarea>
    <div contenteditable="true"><p>030 9018 2000</p></div>
    <div role="textbox">030 9018 2000</div>
    <script>var n = "030 9018 2000";</script><style>/* 030 9018 2000 */</style>
    <pre>030 9018 2000</pre><code>030 9018 2000</code>
    <a href="https://example.com">030 9018 2000</a>
    <div data-click2call-off>030 9018 2000</div>
    <p id="ok">030 9018 2000</p>`);
  ctx.scanner.start();
  ctx.scheduler.runAll();
  assert.equal(ctx.links().length, 1);
  assert.equal(ctx.links()[0].parentElement.id, 'ok');
});

test('dynamic content is picked up in batches (MutationObserver)', async () => {
  const ctx = setup('<p>1 2 3</p><div id="list"></div>');
  ctx.scanner.start();
  ctx.scheduler.runAll();
  for (let i = 0; i < 50; i += 1) {
    const li = ctx.doc.createElement('p');
    li.textContent = `Kontakt ${i}: 030 9018 ${String(2000 + i)}`;
    ctx.doc.getElementById('list').append(li);
  }
  await tick();
  assert.ok(ctx.scheduler.size <= 1, 'one scheduled slice for the whole batch');
  ctx.scheduler.runAll();
  assert.equal(ctx.links().length, 50);
});

test('changed text (characterData) is scanned again', async () => {
  const ctx = setup('<p id="p">Bitte warten… 1234</p>');
  ctx.scanner.start();
  ctx.scheduler.runAll();
  ctx.doc.getElementById('p').firstChild.data = 'Ruf an: 030 9018 2000';
  await tick();
  ctx.scheduler.runAll();
  assert.equal(ctx.links().length, 1);
});

test('never wraps twice: rescans, re-added nodes and our own changes do not nest links', async () => {
  const ctx = setup('<p id="p">Tel 030 9018 2000</p>');
  ctx.scanner.start();
  ctx.scheduler.runAll();
  const p = ctx.doc.getElementById('p');
  p.remove();
  ctx.doc.body.append(p); // re-added: mutation queues it again
  await tick();
  ctx.scheduler.runAll();
  ctx.scanner.enqueue(ctx.doc.body);
  ctx.scheduler.runAll();
  assert.equal(ctx.links().length, 1);
  assert.equal(ctx.doc.querySelectorAll(`a.${LINK_CLASS} a`).length, 0);
});

test('open shadow roots are scanned', () => {
  const ctx = setup('<p>Shadow 1 2 3</p><x-card id="card"></x-card>');
  const shadow = ctx.doc.getElementById('card').attachShadow({ mode: 'open' });
  shadow.innerHTML = '<span>Hotline +49 30 901820</span>';
  ctx.scanner.start();
  ctx.scheduler.runAll();
  assert.equal(shadow.querySelectorAll(`a.${LINK_CLASS}`).length, 1);
});

test('stop() removes every link and restores the page', () => {
  const html = '<p>Zentrale (030) 9018-2000 oder mobil 0171 1234567.</p><div><span>+49 30 901820</span></div>';
  const ctx = setup(html);
  ctx.scanner.start();
  ctx.scheduler.runAll();
  assert.equal(ctx.links().length, 3);
  ctx.scanner.stop();
  assert.equal(ctx.doc.body.innerHTML, html);
});

test('a page without digits is not walked node by node: it is read in a few stretches', () => {
  const ctx = setup('<p>Nothing to call here.</p>'.repeat(200));
  ctx.scanner.start();
  assert.ok(ctx.scheduler.runAll() <= Math.ceil(200 / 64) + 1, 'at most one task per stretch');
  assert.equal(ctx.scanner.stats.textNodes, 0);
  assert.ok(ctx.scanner.idle);
});

test('start() itself does nothing but schedule: the task that calls it stays as long as it was', () => {
  const ctx = setup('<p>Zentrale 030 9018 2000</p>');
  const walks = countWalkerVisits(ctx.doc);
  ctx.scanner.start();
  assert.equal(walks(), 0, 'no node visited inside start()');
  assert.equal(ctx.scheduler.size, 1, 'one task posted');
  ctx.scheduler.runAll();
  assert.ok(walks() > 0);
  assert.equal(ctx.links().length, 1);
});

test('work is cut into slices that respect the time budget (fake clock)', () => {
  let clock = 0;
  const body = Array.from({ length: 300 }, (_, i) => `<p>Kontakt ${i}: 030 9018 ${2000 + i}</p>`).join('');
  const ctx = setup(body, { now: () => clock, sliceMs: 8 });
  // each detector call "costs" 1 ms
  ctx.scanner.find = (text) => { clock += 1; return findCallables(text, 'DE'); };
  ctx.scanner.start();
  const slices = ctx.scheduler.runAll();
  assert.equal(ctx.links().length, 300);
  assert.ok(slices >= 300 / 8, `expected at least ${300 / 8} slices, got ${slices}`);
  assert.ok(ctx.scanner.stats.longestSliceMs <= 8, `longest slice ${ctx.scanner.stats.longestSliceMs} ms`);
});

test('a framework rewriting or removing a text node we split leaves no stale links behind', async () => {
  const ctx = setup('<p id="p">Tel 030 9018 2000 (Zentrale)</p><p id="q">Fax 030 9018 2099 (Büro)</p>');
  const p = ctx.doc.getElementById('p');
  const original = p.firstChild; // what a framework would hold on to
  ctx.scanner.start();
  ctx.scheduler.runAll();
  assert.equal(ctx.links().length, 2);
  original.data = 'Tel 0171 1234567 (mobil)'; // the framework updates "its" node
  await tick();
  ctx.scheduler.runAll();
  assert.equal(p.textContent, 'Tel 0171 1234567 (mobil)');
  assert.deepEqual([...p.querySelectorAll('a')].map((a) => a.getAttribute('href')), ['tel:+491711234567']);
  const q = ctx.doc.getElementById('q');
  q.removeChild(q.firstChild); // the framework removes "its" node
  await tick();
  ctx.scheduler.runAll();
  assert.equal(q.textContent, '');
});

test('text changed inside a skipped element (pre, code) is not linked', async () => {
  const ctx = setup('<pre><span id="s">x</span></pre>');
  ctx.scanner.start();
  ctx.scheduler.runAll();
  ctx.doc.getElementById('s').firstChild.data = 'call 030 9018 2000';
  await tick();
  ctx.scheduler.runAll();
  assert.equal(ctx.links().length, 0);
});

test('stop() gives the original text node its whole text back and leaves other nodes alone', () => {
  const ctx = setup('<p id="p"></p>');
  const p = ctx.doc.getElementById('p');
  const a = ctx.doc.createTextNode('Tel 030 9018 2000 ');
  const b = ctx.doc.createTextNode('(Zentrale)');
  p.append(a, b); // two adjacent text nodes, as a framework renders {label}{note}
  ctx.scanner.start();
  ctx.scheduler.runAll();
  assert.equal(ctx.links().length, 1);
  ctx.scanner.stop();
  assert.deepEqual([...p.childNodes], [a, b]);
  assert.equal(a.data, 'Tel 030 9018 2000 ');
});

test('a linked number costs the page few changes: no empty node after a number that ends its text, one insertion per link', async () => {
  const ctx = setup('<table><tr><td id="a">030 9018 2000</td><td id="b">Tel 0171 1234567 (mobil)</td></tr></table>');
  const records = [];
  const pageObserver = new ctx.win.MutationObserver((list) => records.push(...list));
  pageObserver.observe(ctx.doc.body, { childList: true, characterData: true, subtree: true });
  const a = ctx.doc.getElementById('a').firstChild;
  ctx.scanner.start();
  ctx.scheduler.runAll();
  await tick();
  assert.equal(ctx.links().length, 2);
  const cell = ctx.doc.getElementById('a');
  assert.deepEqual([...cell.childNodes].map((n) => n.nodeName), ['#text', 'A'], 'the original node, then the link: nothing empty after it');
  assert.equal(cell.firstChild, a, 'the page keeps its own text node');
  assert.equal(ctx.doc.getElementById('b').textContent, 'Tel 0171 1234567 (mobil)');
  const added = records.filter((r) => r.type === 'childList').reduce((n, r) => n + r.addedNodes.length, 0);
  // cell a: the link; cell b: the text after the number, the link
  assert.equal(added, 3, `nodes the page saw added: ${added}`);
  pageObserver.disconnect();
});

test('text with full-width or other non-ASCII digits, or only an upper-case SIP: address, reaches the detector', () => {
  const seen = [];
  const win = makeDom('<!doctype html><html><body><p>\uff10\uff13\uff10\u3000\uff19\uff10\uff11\uff18\uff12\uff10</p><p>Write to SIP:Bob@pbx.example</p></body></html>');
  const scheduler = manualScheduler();
  const scanner = new Scanner(win.document, (text) => { seen.push(text); return []; }, { scheduler });
  scanner.start();
  scheduler.runAll();
  assert.equal(seen.length, 2, 'the detector decides, not the scanner');
});
