// The scanner reads (walks and detects) in short tasks without touching the DOM, and writes the
// links it found in animation frames. The first links (the top of the page: the first viewport)
// are written in the first frame; after that, the cost of the frame after each write decides:
// a page that re-lays out cheaply gets its links every frame, an expensive one in few bursts.
// Fake clock: each detector call "costs" 1 ms; a frame after a write costs `renderMs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDom } from './dom.js';
import { Scanner, LINK_CLASS } from '../content/scanner.js';
import { findCallables } from '../content/detect.js';

/** Tasks and frames in one queue, run one at a time; a frame makes the next task wait `renderMs`. */
function fakeBrowser(clock, renderMs) {
  const queue = [];
  let rendered = false;
  return {
    request(fn) { queue.push({ fn, kind: 'task' }); return fn; },
    requestFrame(fn) { queue.push({ fn, kind: 'frame' }); return fn; },
    afterFrame(fn) { queue.push({ fn, kind: 'after' }); },
    cancel() { queue.length = 0; },
    step() {
      const job = queue.shift();
      if (!job) return null;
      if (job.kind === 'after' && !rendered) {
        clock.now += renderMs;
        rendered = true;
      }
      if (job.kind === 'frame') rendered = false;
      job.fn();
      return job.kind;
    },
    get size() { return queue.length; },
  };
}

function setup(count, { renderMs = 2, ...opts } = {}) {
  const body = Array.from({ length: count }, (_, i) => `<p>Kontakt ${i}: 030 9018 ${2000 + i}</p>`).join('');
  const win = makeDom(`<!doctype html><html><body>${body}</body></html>`);
  const clock = { now: 0 };
  const scheduler = fakeBrowser(clock, renderMs);
  const scanner = new Scanner(win.document, (text) => {
    clock.now += 1;
    return findCallables(text, 'DE');
  }, { scheduler, now: () => clock.now, ...opts });
  // Per job: its kind and the number of links in the page after it.
  const jobs = [];
  const run = () => {
    for (let kind = scheduler.step(); kind; kind = scheduler.step()) {
      jobs.push({ kind, links: win.document.querySelectorAll(`a.${LINK_CLASS}`).length });
    }
  };
  return { win, doc: win.document, clock, scheduler, scanner, run, jobs };
}

test('the first links are written in the first frame, while the walk goes on', () => {
  const ctx = setup(300);
  ctx.scanner.start();
  ctx.run();
  const firstFrame = ctx.jobs.findIndex((j) => j.kind === 'frame');
  assert.ok(firstFrame >= 0 && firstFrame <= 2, `first frame at job ${firstFrame}: ${ctx.jobs.map((j) => j.kind[0]).join('')}`);
  assert.ok(ctx.jobs[firstFrame].links > 0 && ctx.jobs[firstFrame].links < 300, `${ctx.jobs[firstFrame].links} links in the first frame`);
  assert.equal(ctx.jobs.at(-1).links, 300);
  assert.equal(ctx.doc.body.textContent, Array.from({ length: 300 }, (_, i) => `Kontakt ${i}: 030 9018 ${2000 + i}`).join(''));
});

test('reading tasks never write; only frames do', () => {
  const ctx = setup(200);
  ctx.scanner.start();
  ctx.run();
  ctx.jobs.forEach((job, i) => {
    if (job.kind === 'task') assert.equal(job.links, ctx.jobs[i - 1]?.links ?? 0, `task ${i} wrote`);
  });
  assert.equal(ctx.jobs.at(-1).links, 200);
});

test('a page that re-lays out cheaply gets its links in the next frame, all along the walk', () => {
  const ctx = setup(300, { renderMs: 2 });
  ctx.scanner.start();
  ctx.run();
  const writes = ctx.jobs.filter((j, i) => j.kind === 'frame' && j.links > (ctx.jobs[i - 1]?.links ?? 0));
  // Two 8 ms read tasks fit between two frames.
  assert.ok(writes.length >= 300 / 16 - 2, `${writes.length} writing frames for 300 links read 8 per task`);
});

test('a page whose layout after a write is expensive gets its links in few bursts', () => {
  const ctx = setup(300, { renderMs: 100, flushAfterMs: 1e9 });
  ctx.scanner.start();
  ctx.run();
  assert.equal(ctx.jobs.at(-1).links, 300);
  const writes = ctx.jobs.filter((j, i) => j.kind === 'frame' && j.links > (ctx.jobs[i - 1]?.links ?? 0));
  // The first frame, one more that measures the cost, then the rest once the walk is done.
  assert.ok(writes.length <= 4, `${writes.length} writing frames: ${ctx.jobs.map((j) => j.kind[0]).join('')}`);
});

test('where writes are batched, found links still wait at most flushAfterMs', () => {
  const ctx = setup(300, { renderMs: 100, flushAfterMs: 50 });
  ctx.scanner.start();
  ctx.run();
  const writes = ctx.jobs.filter((j, i) => j.kind === 'frame' && j.links > (ctx.jobs[i - 1]?.links ?? 0));
  assert.ok(writes.length >= 300 / 50, `${writes.length} writing frames`);
  assert.equal(ctx.jobs.at(-1).links, 300);
});

test('every read task and every write frame stays within its budget (fake clock)', () => {
  const ctx = setup(300, { renderMs: 100, sliceMs: 8, burstWriteMs: 30 });
  const wrap = ctx.scanner.writer.wrap.bind(ctx.scanner.writer);
  ctx.scanner.writer.wrap = (text, hits) => { ctx.clock.now += 1; wrap(text, hits); };
  ctx.scanner.start();
  ctx.run();
  assert.equal(ctx.jobs.at(-1).links, 300);
  assert.ok(ctx.scanner.stats.longestSliceMs <= 30, `longest slice ${ctx.scanner.stats.longestSliceMs} ms`);
});

test('text the page changed between reading and writing is read again, not wrapped at stale offsets', () => {
  const ctx = setup(1, { renderMs: 100, flushAfterMs: 1e9 });
  ctx.doc.body.insertAdjacentHTML('beforeend', '<p id="late">Zentrale 030 9018 3000</p>');
  const late = ctx.doc.getElementById('late').firstChild;
  ctx.scanner.start();
  assert.equal(ctx.scheduler.step(), 'task'); // reads both nodes, writes nothing
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
  const ctx = setup(50);
  const before = ctx.doc.body.innerHTML;
  ctx.scanner.start();
  ctx.scheduler.step();
  assert.ok(ctx.scanner.pendingWrites > 0);
  ctx.scanner.stop();
  assert.equal(ctx.scanner.pendingWrites, 0);
  assert.equal(ctx.scheduler.size, 0);
  assert.equal(ctx.doc.body.innerHTML, before);
});
