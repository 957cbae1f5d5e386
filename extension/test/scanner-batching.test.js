// The scanner reads (walks and detects) in idle slices without touching the DOM, and writes the
// links it found in separate, short write slices: every slice that writes makes the browser redo
// style and layout, which on a large page costs more than the writes themselves. Fake clock:
// each detector call "costs" 1 ms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDom } from './dom.js';
import { Scanner, LINK_CLASS } from '../content/scanner.js';
import { findCallables } from '../content/detect.js';

/** A scheduler that runs one slice at a time and offers `idleMs` of idle time to each. */
function steppedScheduler(idleMs) {
  const queue = [];
  return {
    request(fn) { queue.push(fn); return queue.length; },
    cancel() { queue.length = 0; },
    step() {
      const fn = queue.shift();
      if (fn) fn({ timeRemaining: () => idleMs, didTimeout: false });
      return Boolean(fn);
    },
    get size() { return queue.length; },
  };
}

function setup(count, { idleMs = 8, ...opts } = {}) {
  const body = Array.from({ length: count }, (_, i) => `<p>Kontakt ${i}: 030 9018 ${2000 + i}</p>`).join('');
  const win = makeDom(`<!doctype html><html><body>${body}</body></html>`);
  const clock = { now: 0 };
  const scheduler = steppedScheduler(idleMs);
  const scanner = new Scanner(win.document, (text) => {
    clock.now += 1;
    return findCallables(text, 'DE');
  }, { scheduler, now: () => clock.now, ...opts });
  // Record, per slice, how many links were in the page after it.
  const linksAfterEachSlice = [];
  const run = () => {
    while (scheduler.step()) linksAfterEachSlice.push(win.document.querySelectorAll(`a.${LINK_CLASS}`).length);
  };
  return { win, doc: win.document, clock, scheduler, scanner, run, linksAfterEachSlice };
}

test('reading writes nothing; the links found are written together once the walk is done', () => {
  const ctx = setup(200, { flushAfterMs: 1e9, flushAt: 1e9 });
  ctx.scanner.start();
  ctx.run();
  const readSlices = ctx.linksAfterEachSlice.filter((n) => n === 0).length;
  assert.ok(readSlices >= 200 / 8, `${readSlices} read slices before the first write`);
  assert.equal(ctx.linksAfterEachSlice.at(-1), 200);
  assert.equal(ctx.scanner.stats.links, 200);
  // 200 wraps fit in very few write slices (writes cost nothing on the fake clock).
  assert.ok(ctx.scanner.stats.writeSlices <= 2, `${ctx.scanner.stats.writeSlices} write slices`);
  assert.equal(ctx.doc.body.textContent, Array.from({ length: 200 }, (_, i) => `Kontakt ${i}: 030 9018 ${2000 + i}`).join(''));
});

test('links found earlier are written while the walk goes on, after flushAfterMs', () => {
  const ctx = setup(200, { flushAfterMs: 20, flushAt: 1e9 });
  ctx.scanner.start();
  ctx.run();
  const firstWrite = ctx.linksAfterEachSlice.findIndex((n) => n > 0);
  assert.ok(firstWrite > 0 && firstWrite < 6, `first links after slice ${firstWrite}`);
  assert.ok(ctx.linksAfterEachSlice[firstWrite] < 200, 'written before the walk was over');
  assert.equal(ctx.linksAfterEachSlice.at(-1), 200);
});

test('links are written once flushAt of them are waiting', () => {
  const ctx = setup(100, { flushAfterMs: 1e9, flushAt: 10 });
  ctx.scanner.start();
  ctx.run();
  assert.ok(ctx.scanner.stats.writeSlices >= 100 / 16, `${ctx.scanner.stats.writeSlices} write slices`);
  assert.equal(ctx.linksAfterEachSlice.at(-1), 100);
});

test('slices use the idle time offered, up to maxSliceMs; never more', () => {
  const ctx = setup(300, { idleMs: 45, sliceMs: 8, maxSliceMs: 30 });
  ctx.scanner.start();
  ctx.run();
  assert.equal(ctx.linksAfterEachSlice.at(-1), 300);
  assert.ok(ctx.scanner.stats.longestSliceMs <= 30, `longest slice ${ctx.scanner.stats.longestSliceMs} ms`);
  // 300 detector calls of 1 ms in slices of 30 ms: about 10 read slices, not 300 / 8.
  assert.ok(ctx.scanner.stats.slices <= 300 / 30 + 3, `${ctx.scanner.stats.slices} slices`);
});

test('a browser offering less idle time than maxSliceMs gets shorter slices', () => {
  const ctx = setup(100, { idleMs: 5, maxSliceMs: 30 });
  ctx.scanner.start();
  ctx.run();
  assert.equal(ctx.linksAfterEachSlice.at(-1), 100);
  assert.ok(ctx.scanner.stats.longestSliceMs <= 5, `longest slice ${ctx.scanner.stats.longestSliceMs} ms`);
});

test('text the page changed between reading and writing is read again, not wrapped at stale offsets', () => {
  const ctx = setup(1, { flushAfterMs: 1e9, flushAt: 1e9 });
  ctx.doc.body.insertAdjacentHTML('beforeend', '<p id="late">Zentrale 030 9018 3000</p>');
  const late = ctx.doc.getElementById('late').firstChild;
  ctx.scanner.start();
  // Read everything (one slice is enough for two nodes), but do not write yet.
  ctx.scanner.flushAt = 1e9;
  ctx.scheduler.step();
  assert.equal(ctx.doc.querySelectorAll(`a.${LINK_CLASS}`).length, 0, 'nothing written while reading');
  assert.equal(ctx.scanner.pendingWrites, 2);
  late.data = 'Neu: Tel. 089 2424 1180 (Empfang)';
  ctx.run();
  const link = ctx.doc.querySelector('#late a');
  assert.equal(link.textContent, '089 2424 1180');
  assert.equal(link.getAttribute('href'), 'tel:+498924241180');
  assert.equal(ctx.doc.getElementById('late').textContent, 'Neu: Tel. 089 2424 1180 (Empfang)');
});

test('stop() while links wait to be written drops them and leaves the page untouched', () => {
  const ctx = setup(50, { flushAfterMs: 1e9, flushAt: 1e9 });
  const before = ctx.doc.body.innerHTML;
  ctx.scanner.start();
  ctx.scheduler.step();
  assert.ok(ctx.scanner.pendingWrites > 0);
  ctx.scanner.stop();
  assert.equal(ctx.scanner.pendingWrites, 0);
  assert.equal(ctx.scheduler.size, 0);
  assert.equal(ctx.doc.body.innerHTML, before);
});

test('once writing starts, the waiting links are written in consecutive slices (one burst)', () => {
  const ctx = setup(120, { flushAfterMs: 1e9, flushAt: 60, idleMs: 8 });
  // Each wrap "costs" 1 ms too, so a write slice holds about 8 of them.
  const wrap = ctx.scanner.wrap.bind(ctx.scanner);
  ctx.scanner.wrap = (text, hits) => {
    ctx.clock.now += 1;
    wrap(text, hits);
  };
  ctx.scanner.start();
  ctx.run();
  assert.equal(ctx.linksAfterEachSlice.at(-1), 120);
  // Slices that wrote: their link count grew. They come in runs, not one write between reads.
  const grew = ctx.linksAfterEachSlice.map((n, i) => n > (ctx.linksAfterEachSlice[i - 1] ?? 0));
  const firstWrite = grew.indexOf(true);
  assert.ok(grew.slice(firstWrite, firstWrite + 60 / 8).every(Boolean), `writes: ${grew.map((g) => (g ? 'W' : 'r')).join('')}`);
});
