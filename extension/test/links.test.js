import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDom, trustingWindow, click } from './dom.js';
import { installLinkTakeover, numberOf } from '../content/links.js';

function setup(config = {}) {
  const win = makeDom(`<!doctype html><body>
    <a id="tel" href="tel:+15550104477">+1 555 010 4477</a>
    <a id="sip" href="sip:alice@example.com"><span id="inner">Alice</span></a>
    <a id="callto" href="callto:+4930901820">Berlin</a>
    <a id="web" href="https://example.com/">web</a>
    <div id="host"></div></body>`);
  const dials = [];
  const toasts = [];
  const cfg = { takeOverLinks: true, modifierClick: 'browser', hostReachable: true, ...config };
  const teardown = installLinkTakeover(trustingWindow(win), {
    config: () => cfg,
    dial: async (target, source) => { dials.push({ target, source }); return { ok: true, text: `Calling ${target}` }; },
    toast: (text, kind) => toasts.push({ text, kind }),
    t: (key, subs) => `${key}${subs ? `:${subs.join(',')}` : ''}`,
  });
  const $ = (id) => win.document.getElementById(id);
  return { win, dials, toasts, cfg, teardown, $ };
}

test('a trusted primary click on a tel: link is taken over and dialed', async () => {
  const { win, dials, toasts, $ } = setup();
  const event = click(win, $('tel'));
  assert.equal(event.defaultPrevented, true);
  assert.deepEqual(dials, [{ target: 'tel:+15550104477', source: 'link' }]);
  assert.equal(toasts[0].text, 'toastDialing:+15550104477', 'feedback at once, the number the link dials');
  await new Promise((r) => setImmediate(r));
  assert.equal(toasts[1].text, 'Calling tel:+15550104477');
});

test('sip:, sips: and callto: links too, also when the click lands on a child element', () => {
  const { win, dials, $ } = setup();
  click(win, $('inner'));
  click(win, $('callto'));
  assert.deepEqual(dials.map((d) => d.target), ['sip:alice@example.com', 'callto:+4930901820']);
});

test('untrusted (script-made) clicks never dial', () => {
  const { win, dials, $ } = setup();
  const event = click(win, $('tel'), { trusted: false });
  assert.equal(event.defaultPrevented, false);
  $('tel').click(); // jsdom's click() is untrusted, like a page's element.click()
  assert.deepEqual(dials, []);
});

test('middle and right buttons and other links are left alone', () => {
  const { win, dials, $ } = setup();
  click(win, $('tel'), { button: 1 });
  click(win, $('tel'), { button: 2 });
  assert.equal(click(win, $('web')).defaultPrevented, false);
  assert.deepEqual(dials, []);
});

test('modifier-clicks follow the setting', () => {
  const a = setup({ modifierClick: 'browser' });
  assert.equal(click(a.win, a.$('tel'), { ctrlKey: true }).defaultPrevented, false);
  assert.equal(click(a.win, a.$('tel'), { shiftKey: true }).defaultPrevented, false);
  assert.deepEqual(a.dials, []);
  const b = setup({ modifierClick: 'dial' });
  assert.equal(click(b.win, b.$('tel'), { metaKey: true }).defaultPrevented, true);
  assert.equal(b.dials.length, 1);
});

test('host unreachable: the click is still ours (no second handler opens); the reply offers setup', async () => {
  const { win, dials, toasts, $ } = setup({ hostReachable: false });
  const event = click(win, $('tel'));
  assert.equal(event.defaultPrevented, true, 'the browser\'s own tel: handler must not open as well');
  assert.deepEqual(dials, [{ target: 'tel:+15550104477', source: 'link' }]);
  assert.equal(toasts.length, 0, 'no "Calling …" while the host is missing');
  await new Promise((r) => setImmediate(r));
  assert.equal(toasts[0].text, 'Calling tel:+15550104477');
});

test('the "Calling" toast shows what the link dials, never the link\'s text', () => {
  const { win, toasts, $ } = setup();
  click(win, $('callto'));
  assert.equal(toasts[0].text, 'toastDialing:+4930901820');
  assert.equal(numberOf('sip:alice@example.com;transport=tcp'), 'alice@example.com');
  assert.equal(numberOf('tel:%2B49%2030%20901820'), '+49 30 901820');
});

test('link take-over switched off: page links untouched, detected numbers still dial', () => {
  const { win, dials, $ } = setup({ takeOverLinks: false });
  assert.equal(click(win, $('tel')).defaultPrevented, false);
  const ours = win.document.createElement('a');
  ours.href = 'tel:+4930901820';
  ours.dataset.c2c = 'number';
  ours.textContent = '030 901820';
  $('host').append(ours);
  assert.equal(click(win, ours).defaultPrevented, true);
  assert.deepEqual(dials, [{ target: 'tel:+4930901820', source: 'text' }]);
});

test('links inside open shadow roots are found through the composed path', () => {
  const { win, dials, $ } = setup();
  const shadow = $('host').attachShadow({ mode: 'open' });
  shadow.innerHTML = '<a href="tel:+15550104477"><b>call</b></a>';
  click(win, shadow.querySelector('b'));
  assert.equal(dials.length, 1);
});

test('a click the page already prevented is left to the page; teardown removes the listener', () => {
  const { win, dials, teardown, $ } = setup();
  win.addEventListener('click', (e) => e.preventDefault(), true); // registered after ours
  teardown();
  click(win, $('tel'));
  assert.deepEqual(dials, []);
});

test('call links we cannot dial are left to the browser: not taken over, no toast (issue 14)', () => {
  const { win, dials, toasts, $ } = setup();
  for (const href of ['callto://alice.skype', 'callto:alice.smith', 'tel:', 'tel:call-us']) {
    const a = win.document.createElement('a');
    a.setAttribute('href', href);
    a.textContent = 'Skype';
    $('host').append(a);
    assert.equal(click(win, a).defaultPrevented, false, href);
  }
  assert.deepEqual(dials, []);
  assert.deepEqual(toasts, []);
});

test('tel: links written the ways real sites write them are taken over (issue 14)', () => {
  const { win, dials, $ } = setup();
  const hrefs = ['tel:0049 30 23125 456', 'tel:+18005550175,,1234', 'tel:+1\u2011800\u2011555\u20110175'];
  for (const href of hrefs) {
    const a = win.document.createElement('a');
    a.setAttribute('href', href);
    a.textContent = 'call';
    $('host').append(a);
    assert.equal(click(win, a).defaultPrevented, true, href);
  }
  assert.deepEqual(dials.map((d) => d.target), hrefs);
});
