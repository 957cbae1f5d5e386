// Linked numbers: one tab stop for all of them (arrow keys move between them), and a hover hint
// saying what will be dialed. jsdom, real scanner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDom, manualScheduler } from './dom.js';
import { Scanner, LINK_CLASS } from '../content/scanner.js';
import { installLinkKeys, dialedText } from '../content/link-keys.js';
import { findCallables } from '../content/detect.js';

function setup(rows) {
  const body = Array.from({ length: rows }, (_, i) => `<tr><td>Kunde ${i}</td><td>030 9018 ${2000 + i}</td></tr>`).join('');
  const win = makeDom(`<!doctype html><html><body><button id="before">x</button><table>${body}</table><button id="after">y</button></body></html>`);
  const doc = win.document;
  const keys = installLinkKeys(doc, { title: (n) => `Call ${n}` });
  const scheduler = manualScheduler();
  const scanner = new Scanner(doc, (text) => findCallables(text, 'DE'), { scheduler, onWrite: keys.refresh });
  scanner.start();
  scheduler.runAll();
  const links = () => [...doc.querySelectorAll(`a.${LINK_CLASS}`)];
  return { win, doc, keys, scanner, scheduler, links };
}

const key = (win, el, k) => el.dispatchEvent(new win.KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

test('a 1,000-row table adds one tab stop, not 1,000', () => {
  const ctx = setup(1000);
  assert.equal(ctx.links().length, 1000);
  const tabbable = ctx.links().filter((a) => a.tabIndex >= 0);
  assert.equal(tabbable.length, 1);
  assert.equal(tabbable[0], ctx.links()[0]);
});

test('arrow keys move the focus and the tab stop from number to number', () => {
  const ctx = setup(5);
  const [first, second, third] = ctx.links();
  first.focus();
  assert.equal(ctx.doc.activeElement, first);
  assert.equal(key(ctx.win, first, 'ArrowDown'), false, 'the key is consumed (no scrolling)');
  assert.equal(ctx.doc.activeElement, second);
  key(ctx.win, second, 'ArrowRight');
  assert.equal(ctx.doc.activeElement, third);
  key(ctx.win, third, 'ArrowUp');
  assert.equal(ctx.doc.activeElement, second);
  assert.deepEqual(ctx.links().map((a) => a.tabIndex), [-1, 0, -1, -1, -1], 'the last number used is the tab stop');
  assert.equal(key(ctx.win, second, 'Tab'), true, 'Tab is left to the browser');
});

test('when the tab stop is removed by the page, another number becomes it', async () => {
  const ctx = setup(3);
  ctx.links()[0].closest('tr').remove();
  ctx.doc.querySelector('table').insertAdjacentHTML('beforeend', '<tr><td>Neu</td><td>030 9018 3000</td></tr>');
  await new Promise((r) => setTimeout(r, 0));
  ctx.scheduler.runAll();
  assert.equal(ctx.links().filter((a) => a.tabIndex === 0).length, 1);
});

test('the hover hint says the number that will be dialed, set on hover or focus only', () => {
  const ctx = setup(2);
  const [first, second] = ctx.links();
  assert.equal(first.hasAttribute('title'), false, 'no attribute writes for every link');
  first.dispatchEvent(new ctx.win.MouseEvent('mouseover', { bubbles: true }));
  assert.equal(first.title, 'Call +493090182000');
  second.focus();
  assert.equal(second.title, 'Call +493090182001');
  assert.equal(dialedText('tel:+442079460958;ext=12'), '+442079460958 ext. 12');
  assert.equal(dialedText('sip:alice@example.com'), 'alice@example.com');
});

test('stop() removes the listeners', () => {
  const ctx = setup(2);
  ctx.keys.stop();
  const [first] = ctx.links();
  first.dispatchEvent(new ctx.win.MouseEvent('mouseover', { bubbles: true }));
  assert.equal(first.hasAttribute('title'), false);
});
