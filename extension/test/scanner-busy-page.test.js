// A busy single-page app never grants idle time (requestIdleCallback never fires); numbers must
// be linked anyway, soon after they appear, without the scanner waiting for idleness. Real
// scheduler (posted tasks + animation frames) in jsdom, real timers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDom } from './dom.js';
import { Scanner, LINK_CLASS } from '../content/scanner.js';
import { findCallables } from '../content/detect.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(fn, ms = 3000) {
  const deadline = Date.now() + ms;
  while (!fn() && Date.now() < deadline) await sleep(5);
  return fn();
}

function busyWindow(body) {
  const win = makeDom(`<!doctype html><html><body>${body}</body></html>`);
  win.requestIdleCallback = () => 1; // never idle
  win.cancelIdleCallback = () => {};
  return win;
}

test('a page that never grants idle time still gets its numbers linked', async () => {
  const win = busyWindow('<p>Zentrale 030 9018 2000</p>');
  const scanner = new Scanner(win.document, (text) => findCallables(text, 'DE'));
  scanner.start();
  try {
    assert.ok(await until(() => win.document.querySelectorAll(`a.${LINK_CLASS}`).length === 1), 'not linked');
  } finally {
    scanner.stop();
  }
});

test('rows a busy page keeps appending are linked while it appends', async () => {
  const win = busyWindow('<table><tbody id="rows"></tbody></table>');
  const scanner = new Scanner(win.document, (text) => findCallables(text, 'DE'));
  scanner.start();
  const tbody = win.document.getElementById('rows');
  try {
    for (let i = 0; i < 10; i += 1) {
      tbody.insertAdjacentHTML('beforeend', `<tr><td>Kontakt ${i}</td><td>030 9018 ${2000 + i}</td></tr>`);
      await sleep(20);
    }
    assert.ok(await until(() => win.document.querySelectorAll(`a.${LINK_CLASS}`).length === 10), 'not all linked');
  } finally {
    scanner.stop();
  }
});

test('a page in a hidden tab (no animation frames) still gets its numbers linked', async () => {
  const win = busyWindow('<p>Zentrale 030 9018 2000</p>');
  Object.defineProperty(win.document, 'hidden', { value: true });
  win.requestAnimationFrame = () => 1; // a hidden tab renders no frames
  const scanner = new Scanner(win.document, (text) => findCallables(text, 'DE'));
  scanner.start();
  try {
    assert.ok(await until(() => win.document.querySelectorAll(`a.${LINK_CLASS}`).length === 1), 'not linked');
  } finally {
    scanner.stop();
  }
});
