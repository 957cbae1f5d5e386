// The scanner on a page that is still being parsed: it follows the parser, never reads a text
// node the parser may still append to, does not spin while it waits, and once the page is
// parsed catches what the page's scripts changed behind it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countWalkerVisits, makeDom, manualScheduler } from './dom.js';
import { Scanner, LINK_CLASS } from '../content/scanner.js';
import { findCallables } from '../content/detect.js';

function setup(body) {
  const win = makeDom(`<!doctype html><html><body>${body}</body></html>`, undefined, { parsing: true });
  const scheduler = manualScheduler();
  const detected = [];
  const scanner = new Scanner(win.document, (text) => {
    detected.push(text);
    return findCallables(text, 'DE');
  }, { scheduler });
  const links = () => [...win.document.querySelectorAll(`a.${LINK_CLASS}`)].map((a) => a.textContent);
  /** The parser appends `html` at the end of the body. */
  const parse = (html) => win.document.body.insertAdjacentHTML('beforeend', html);
  return { win, doc: win.document, scheduler, scanner, links, parse, detected };
}

test('numbers are linked while the page is still being parsed', () => {
  const ctx = setup('<p>Zentrale 030 9018 2000</p><p>Empfang</p>');
  ctx.scanner.start();
  ctx.scheduler.runAll();
  assert.equal(ctx.doc.readyState, 'loading');
  assert.deepEqual(ctx.links(), ['030 9018 2000']);
});

test('the text node the parser may still append to is read only once the parser has moved on', () => {
  const ctx = setup('<p>Zentrale 030 9018 2000</p><p id="last">Durchwahl 030 901820');
  ctx.scanner.start();
  ctx.scheduler.runAll();
  assert.deepEqual(ctx.links(), ['030 9018 2000'], 'the growing node is not linked yet');
  assert.ok(!ctx.detected.some((t) => t.startsWith('Durchwahl')), 'nor read');
  // The parser's next chunk: more text for that node, then the next element.
  ctx.doc.getElementById('last').firstChild.appendData('99 (Empfang)');
  ctx.parse('<p>Ende</p>');
  ctx.scheduler.fireTimers();
  ctx.scheduler.runAll();
  assert.deepEqual(ctx.links(), ['030 9018 2000', '030 90182099']);
});

test('waiting for the parser costs no task: the scanner looks again on a timer', () => {
  const ctx = setup('<p>Zentrale 030 9018 2000</p><p>x</p>');
  ctx.scanner.start();
  ctx.scheduler.runAll();
  assert.equal(ctx.scheduler.size, 0, 'no task queued while waiting');
  assert.equal(ctx.scheduler.timers, 1, 'one timer');
  ctx.parse('<p>Support 030 9018 2099</p><p>y</p>');
  ctx.scheduler.fireTimers();
  ctx.scheduler.runAll();
  assert.deepEqual(ctx.links(), ['030 9018 2000', '030 9018 2099']);
});

test('following the parser reads every text node once, and the walk after parsing reads none again', () => {
  const ctx = setup('<table id="t"></table>');
  ctx.scanner.start();
  for (let chunk = 0; chunk < 10; chunk += 1) {
    const rows = Array.from({ length: 20 }, (_, i) => `<tr><td>Kontakt</td><td>030 9018 ${2000 + chunk * 20 + i}</td></tr>`);
    ctx.doc.getElementById('t').insertAdjacentHTML('beforeend', rows.join(''));
    ctx.scheduler.fireTimers();
    ctx.scheduler.runAll();
  }
  ctx.parse('<p>Ende</p>');
  ctx.win.finishParsing();
  ctx.scheduler.fireTimers();
  ctx.scheduler.runAll();
  assert.equal(ctx.links().length, 200);
  assert.equal(ctx.detected.length, 200, 'each number read once');
  assert.ok(ctx.scanner.idle);
});

test('what scripts change behind the walk while the page is parsed is caught once it is parsed', () => {
  const ctx = setup('<p id="a">Zentrale 030 9018 2000</p><div id="app"></div><p id="b">Telefon folgt</p><p>x</p>');
  ctx.scanner.start();
  ctx.scheduler.runAll();
  assert.deepEqual(ctx.links(), ['030 9018 2000']);
  // An inline script further down renders into #app, rewrites #a's text (the node we split)
  // and #b's (read, nothing found): nothing observes the page while it is parsed.
  ctx.doc.getElementById('app').innerHTML = '<span>Support 030 9018 2099</span>';
  ctx.doc.getElementById('a').firstChild.data = 'Fax 089 2424 1180';
  ctx.doc.getElementById('b').firstChild.data = 'Telefon 040 3861 4000';
  ctx.parse('<p>Ende</p>');
  ctx.win.finishParsing();
  ctx.scheduler.fireTimers();
  ctx.scheduler.runAll();
  assert.deepEqual(ctx.links().sort(), ['030 9018 2099', '040 3861 4000', '089 2424 1180']);
  assert.equal(ctx.doc.getElementById('a').textContent, 'Fax 089 2424 1180', 'no stale link text left behind');
  // From now on the page's changes are observed.
  ctx.doc.getElementById('app').insertAdjacentHTML('beforeend', '<p>Neu 030 9018 2050</p>');
  return new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
    ctx.scheduler.runAll();
    assert.ok(ctx.links().includes('030 9018 2050'));
  });
});

test('shadow roots that were parsed with the page are scanned after the document walk', () => {
  const ctx = setup('<p>Zentrale 030 9018 2000</p><div id="host"></div><p>x</p>');
  const root = ctx.doc.getElementById('host').attachShadow({ mode: 'open' });
  root.innerHTML = '<span>Vertrieb 030 9018 2077</span>';
  ctx.scanner.start();
  ctx.win.finishParsing();
  ctx.scheduler.runAll();
  assert.deepEqual([...root.querySelectorAll(`a.${LINK_CLASS}`)].map((a) => a.textContent), ['030 9018 2077']);
});

test('stop() while the page is parsed: no timer left, the page as it was', () => {
  const ctx = setup('<p id="a">Zentrale 030 9018 2000</p><p>x</p>');
  const html = ctx.doc.body.innerHTML;
  ctx.scanner.start();
  ctx.scheduler.runAll();
  assert.equal(ctx.links().length, 1);
  ctx.scanner.stop();
  assert.equal(ctx.scheduler.timers, 0);
  assert.equal(ctx.doc.body.innerHTML, html);
});

test('while the page is parsed, links are written in the read task: no animation frame is requested', () => {
  const win = makeDom('<!doctype html><html><body><p>Zentrale 030 9018 2000</p><p>x</p></body></html>', undefined, { parsing: true });
  const tasks = manualScheduler();
  let frames = 0;
  const scheduler = { ...tasks, request: tasks.request, later: tasks.later, cancelLater: tasks.cancelLater, requestFrame: (fn) => { frames += 1; return tasks.request(fn); } };
  const scanner = new Scanner(win.document, (text) => findCallables(text, 'DE'), { scheduler });
  scanner.start();
  tasks.runAll();
  assert.equal(win.document.querySelectorAll(`a.${LINK_CLASS}`).length, 1);
  assert.equal(frames, 0, 'no frame requested while parsing');
  // Parsed: writes go back to animation frames.
  win.document.body.insertAdjacentHTML('beforeend', '<p>Support 030 9018 2099</p><p>y</p>');
  win.finishParsing();
  tasks.runAll();
  assert.equal(win.document.querySelectorAll(`a.${LINK_CLASS}`).length, 2);
  assert.ok(frames > 0, 'a frame for the links found after parsing');
});

test('a page that stays loading without new content is looked at less and less often', () => {
  const win = makeDom('<!doctype html><html><body><p>Zentrale 030 9018 2000</p><p>x</p></body></html>', undefined, { parsing: true });
  const tasks = manualScheduler();
  const delays = [];
  const scheduler = { ...tasks, request: tasks.request, cancelLater: tasks.cancelLater, later: (fn, ms) => { delays.push(ms); return tasks.later(fn); } };
  const scanner = new Scanner(win.document, (text) => findCallables(text, 'DE'), { scheduler });
  scanner.start();
  tasks.runAll();
  for (let i = 0; i < 6; i += 1) {
    tasks.fireTimers();
    tasks.runAll();
  }
  assert.deepEqual(delays, [16, 32, 64, 128, 256, 256, 256]);
  win.document.body.insertAdjacentHTML('beforeend', '<p>Support 030 9018 2099</p><p>y</p>');
  tasks.fireTimers();
  tasks.runAll();
  assert.equal(delays.at(-1), 16, 'new content: back to looking every frame');
  assert.equal(win.document.querySelectorAll(`a.${LINK_CLASS}`).length, 2);
});

test('a text node that only becomes number-like as the parser appends to it is still read', () => {
  const ctx = setup(`${'<p>Keine Nummer hier.</p>'.repeat(50)}<p id="last">Zentrale `);
  ctx.scanner.start();
  ctx.scheduler.runAll();
  ctx.doc.getElementById('last').firstChild.appendData('030 9018 2000');
  ctx.parse('<p>Ende</p>');
  ctx.scheduler.fireTimers();
  ctx.scheduler.runAll();
  assert.deepEqual(ctx.links(), ['030 9018 2000']);
});

test('on a parsed page, a stretch without anything number-like is skipped in one read', () => {
  const win = makeDom(`<!doctype html><html><body>${'<p>Keine Nummer hier.</p>'.repeat(50)}</body></html>`);
  const visits = countWalkerVisits(win.document);
  const scheduler = manualScheduler();
  const scanner = new Scanner(win.document, (text) => findCallables(text, 'DE'), { scheduler });
  scanner.start();
  scheduler.runAll();
  assert.ok(visits() <= 1, `skipped, not visited node by node (${visits()} visits)`);
  assert.ok(scanner.idle);
});

test('a page whose first 16 K characters hold nothing number-like is read once it is parsed, not twice', () => {
  const prose = '<p>Unsere Servicezeiten sind Montag bis Freitag, außer an Feiertagen.</p>';
  const ctx = setup(prose.repeat(300)); // ≈ 20 K characters of text
  ctx.scanner.start();
  ctx.scheduler.runAll();
  assert.equal(ctx.scheduler.timers, 0, 'no more looks while the page is parsed');
  ctx.parse(`${prose.repeat(100)}<p>Zentrale 030 9018 2000</p>`);
  ctx.win.finishParsing();
  ctx.scheduler.runAll();
  assert.deepEqual(ctx.links(), ['030 9018 2000']);
});

test('digits in scripts and styles do not make a page count as holding numbers', () => {
  const win = makeDom(`<!doctype html><html><head><script>var build = 20261203, port = 8080;</script>
    <style>.a { width: 1024px; margin: 100px; }</style></head><body>${'<p>Keine Nummer hier.</p>'.repeat(50)}</body></html>`);
  const scheduler = manualScheduler();
  const scanner = new Scanner(win.document, (text) => findCallables(text, 'DE'), { scheduler });
  scanner.start();
  scheduler.runAll();
  assert.equal(scanner.candidates, false, 'no candidate outside scripts and styles');
  assert.ok(scanner.idle);
});

test('the catch-up walk still runs when the page removed the node where the first walk stood', () => {
  // Nothing number-like while parsed: the catch-up skims up to where the first walk stood.
  const ctx = setup('<p id="a">Zentrale</p><div id="app"></div><p id="last">Ende</p>');
  ctx.scanner.start();
  ctx.scheduler.runAll();
  ctx.doc.getElementById('app').innerHTML = '<span>Support 030 9018 2099</span>';
  ctx.win.finishParsing();
  ctx.doc.getElementById('last').remove(); // where the first walk stood when the page was parsed
  ctx.scheduler.fireTimers();
  ctx.scheduler.runAll();
  assert.deepEqual(ctx.links(), ['030 9018 2099']);
});

test('a parsed digit-free page is skimmed in bounded stretches, and a number at its end is found', () => {
  const win = makeDom(`<!doctype html><html><body>${'<p>Keine Nummer hier.</p>'.repeat(1000)}<p>Zentrale 030 9018 2000</p></body></html>`);
  let reads = 0;
  const createRange = win.document.createRange.bind(win.document);
  win.document.createRange = () => { reads += 1; return createRange(); };
  const scheduler = manualScheduler();
  const scanner = new Scanner(win.document, (text) => findCallables(text, 'DE'), { scheduler });
  scanner.start();
  scheduler.runAll();
  assert.ok(reads >= 1000 / 64, `read in stretches of at most 64 paragraphs (${reads} reads)`);
  assert.deepEqual([...win.document.querySelectorAll(`a.${LINK_CLASS}`)].map((a) => a.textContent), ['030 9018 2000']);
});
