// The in-page toast: a close button, errors that stay long enough, a "Set up" button that only
// a real click of the user triggers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDom } from './dom.js';
import { createToast, TOAST_TAG, SHOW_MS } from '../content/toast.js';

function setup() {
  const win = makeDom();
  // The toast uses a closed shadow root; keep a handle to it for the test.
  let shadow = null;
  const attach = win.Element.prototype.attachShadow;
  win.Element.prototype.attachShadow = function attachShadow(init) {
    shadow = attach.call(this, init);
    return shadow;
  };
  const timers = [];
  win.setTimeout = (fn, ms) => timers.push({ fn, ms }) && timers.length;
  win.clearTimeout = () => {};
  const setups = [];
  const show = createToast(win.document, { onSetup: () => setups.push(1), t: (k) => k });
  return { win, show, timers, setups, shadow: () => shadow, host: () => win.document.querySelector(TOAST_TAG) };
}

test('errors stay longer than info, and a close button hides the toast at once', () => {
  const ctx = setup();
  ctx.show('Calling +15550104477', 'info');
  assert.equal(ctx.timers.at(-1).ms, SHOW_MS.info);
  assert.ok(SHOW_MS.info > 4000);
  ctx.show('Cannot dial yet: set domain', 'error');
  assert.equal(ctx.timers.at(-1).ms, SHOW_MS.error);
  assert.ok(SHOW_MS.error >= 10000);
  assert.equal(ctx.host().dataset.text, 'Cannot dial yet: set domain');
  const close = [...ctx.shadow().querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'toastClose');
  assert.ok(close, 'a close button');
  close.click();
  assert.equal(ctx.host().style.display, 'none');
});

test('"Set up" shows only with that action, and only a trusted click opens the setup page', () => {
  const ctx = setup();
  ctx.show('Calling', 'info');
  const setupButton = [...ctx.shadow().querySelectorAll('button')].find((b) => b.textContent === 'toastSetUp');
  assert.equal(setupButton.style.display, 'none');
  ctx.show('Click2Call cannot call yet', 'error', { action: 'setup' });
  assert.equal(setupButton.style.display, '');
  assert.equal(ctx.host().dataset.action, 'setup');
  setupButton.click(); // jsdom's click() is untrusted, like a page script's
  assert.deepEqual(ctx.setups, []);
});
