import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDom } from './dom.js';
import { dispatchToPage, listenForPageDials, EVENT_CALL, EVENT_DIAL, EVENT_DIAL_RESULT } from '../content/page-events.js';
import { createToast } from '../content/toast.js';

const tick = () => new Promise((r) => setImmediate(r));

test('call state reaches the page as a click2call:call event with a JSON string detail', () => {
  const doc = makeDom().document;
  const seen = [];
  doc.addEventListener(EVENT_CALL, (e) => seen.push(e.detail));
  dispatchToPage(doc, EVENT_CALL, JSON.stringify({ version: 1, state: 'ringing' }));
  assert.equal(typeof seen[0], 'string');
  assert.equal(JSON.parse(seen[0]).state, 'ringing');
});

test('page dial requests are ignored unless the origin is allow-listed', async () => {
  const doc = makeDom().document;
  const dials = [];
  listenForPageDials(doc, { enabled: () => false, dial: async (...a) => { dials.push(a); return { ok: true }; } });
  doc.dispatchEvent(new doc.defaultView.CustomEvent(EVENT_DIAL, { detail: JSON.stringify({ target: '+15550104477' }) }));
  await tick();
  assert.deepEqual(dials, []);
});

test('allow-listed page dial: target and activation go to the background, result comes back', async () => {
  const win = makeDom();
  const doc = win.document;
  Object.defineProperty(win.navigator, 'userActivation', { value: { isActive: false }, configurable: true });
  const dials = [];
  const results = [];
  listenForPageDials(doc, { enabled: () => true, dial: async (...a) => { dials.push(a); return { ok: true, pending: true }; } });
  doc.addEventListener(EVENT_DIAL_RESULT, (e) => results.push(JSON.parse(e.detail)));
  doc.dispatchEvent(new win.CustomEvent(EVENT_DIAL, { detail: JSON.stringify({ target: '+15550104477' }) }));
  await tick();
  doc.dispatchEvent(new win.CustomEvent(EVENT_DIAL, { detail: '+4930901820' }));
  await tick();
  doc.dispatchEvent(new win.CustomEvent(EVENT_DIAL, { detail: { nonsense: true } }));
  await tick();
  assert.deepEqual(dials, [['+15550104477', 'page', false], ['+4930901820', 'page', false]]);
  assert.deepEqual(results[0], { ok: true, pending: true, error: null });
});

test('the toast shows text at once and mirrors it for tests', () => {
  const doc = makeDom().document;
  const show = createToast(doc);
  show('Calling +15550104477', 'info');
  const host = doc.querySelector('click2call-toast');
  assert.equal(host.dataset.text, 'Calling +15550104477');
  assert.equal(host.dataset.kind, 'info');
  show('Not a phone number that can be dialed.', 'error');
  assert.equal(doc.querySelectorAll('click2call-toast').length, 1);
  assert.equal(host.dataset.kind, 'error');
});
