// With `lazy: true` the scanner gets a loader instead of the detector: a page without digits
// never loads (evaluates) the detector; a page with digits loads it once, at the first slice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDom, manualScheduler } from './dom.js';
import { Scanner, LINK_CLASS } from '../content/scanner.js';
import { findCallables } from '../content/detect.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(body) {
  const win = makeDom(`<!doctype html><html><body>${body}</body></html>`);
  const scheduler = manualScheduler();
  const loads = { count: 0 };
  const load = async () => {
    loads.count += 1;
    return (text) => findCallables(text, 'DE');
  };
  const scanner = new Scanner(win.document, load, { scheduler, lazy: true });
  return { win, doc: win.document, scheduler, scanner, loads, links: () => win.document.querySelectorAll(`a.${LINK_CLASS}`).length };
}

test('a page without digits never loads the detector', async () => {
  const ctx = setup('<p>Nothing to call here.</p>'.repeat(50));
  ctx.scanner.start();
  ctx.scheduler.runAll();
  await tick();
  ctx.scheduler.runAll();
  assert.equal(ctx.loads.count, 0);
});

test('a page with digits loads the detector once, then links its numbers', async () => {
  const ctx = setup('<p>Zentrale 030 9018 2000</p><p>Fax 030 9018 2099</p>');
  ctx.scanner.start();
  ctx.scheduler.runAll(); // first slice: starts loading, does nothing else
  assert.equal(ctx.links(), 0);
  await tick();
  ctx.scheduler.runAll();
  assert.equal(ctx.loads.count, 1);
  assert.equal(ctx.links(), 2);
});

test('digits added later to a digit-free page load the detector then', async () => {
  const ctx = setup('<p>Nothing to call here.</p>');
  ctx.scanner.start();
  ctx.scheduler.runAll();
  assert.equal(ctx.scheduler.size, 0);
  ctx.doc.body.insertAdjacentHTML('beforeend', '<p>Neu: 089 2424 1180</p>');
  await tick(); // mutation records arrive
  ctx.scheduler.runAll();
  await tick();
  ctx.scheduler.runAll();
  assert.equal(ctx.loads.count, 1);
  assert.equal(ctx.links(), 1);
});

test('stop() while the detector loads: nothing is linked afterwards', async () => {
  const ctx = setup('<p>Zentrale 030 9018 2000</p>');
  ctx.scanner.start();
  ctx.scheduler.runAll();
  ctx.scanner.stop();
  await tick();
  ctx.scheduler.runAll();
  assert.equal(ctx.links(), 0);
  assert.equal(ctx.scheduler.size, 0);
});
