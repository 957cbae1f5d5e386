// Loads the built content script (dist/content.js, a classic script) into a jsdom page with a
// fake `chrome`, as a browser would, and checks the whole wiring.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { fakeBrowser } from './fake-browser.js';

const bundle = readFileSync(new URL('../dist/content.js', import.meta.url), 'utf8');
const wait = (ms) => new Promise((r) => setTimeout(r, ms));

async function load(html, config) {
  const dom = new JSDOM(html, { url: 'https://crm.example.com/', runScripts: 'outside-only', pretendToBeVisual: true, virtualConsole: new VirtualConsole() });
  const win = dom.window;
  const api = fakeBrowser();
  const sent = [];
  api.runtime.sendMessage = async (msg) => {
    sent.push(msg);
    if (msg.type === 'content-config') return { ok: true, detect: true, takeOverLinks: true, modifierClick: 'browser', country: 'DE', pageEvents: false, hostReachable: true, ...config };
    return { ok: true, text: 'Calling +4930901820' };
  };
  win.chrome = api;
  win.eval(bundle);
  for (let i = 0; i < 400 && win.document.documentElement.dataset.click2call !== 'ready'; i += 1) await wait(5);
  return { win, api, sent };
}

test('the bundle starts, reports ready and links numbers', async () => {
  const { win, sent } = await load('<!doctype html><body><p>Zentrale 030 901820</p></body>');
  assert.equal(win.document.documentElement.dataset.click2call, 'ready');
  assert.equal(sent[0].type, 'content-config');
  for (let i = 0; i < 200 && !win.document.querySelector('a.c2c-num'); i += 1) await wait(10);
  assert.equal(win.document.querySelector('a.c2c-num')?.getAttribute('href'), 'tel:+4930901820');
});

test('call pushes from the background become click2call:call events', async () => {
  const { win, api } = await load('<!doctype html><body></body>', { detect: false });
  const seen = [];
  win.document.addEventListener('click2call:call', (e) => seen.push(JSON.parse(e.detail).state));
  api.runtime.onMessage.fire({ type: 'call', origin: 'https://crm.example.com', detail: JSON.stringify({ version: 1, state: 'ringing' }) }, { id: api.runtime.id }, () => {});
  api.runtime.onMessage.fire({ type: 'call', origin: 'https://crm.example.com', detail: JSON.stringify({ version: 1, state: 'connected' }) }, { id: 'another-extension' }, () => {});
  // Meant for another origin (the tab has moved on since the background decided): dropped.
  api.runtime.onMessage.fire({ type: 'call', origin: 'https://other.example', detail: JSON.stringify({ version: 1, state: 'ended' }) }, { id: api.runtime.id }, () => {});
  api.runtime.onMessage.fire({ type: 'call', detail: JSON.stringify({ version: 1, state: 'ended' }) }, { id: api.runtime.id }, () => {});
  assert.deepEqual(seen, ['ringing']);
});

test('switching detection off removes the links', async () => {
  const ctx = await load('<!doctype html><body><p>Zentrale 030 901820</p></body>');
  for (let i = 0; i < 200 && !ctx.win.document.querySelector('a.c2c-num'); i += 1) await wait(10);
  ctx.api.runtime.sendMessage = async () => ({ ok: true, detect: false, takeOverLinks: true, country: 'DE', hostReachable: true });
  ctx.api.storage.onChanged.fire({ settings: { newValue: { detectNumbers: false } } }, 'local');
  for (let i = 0; i < 200 && ctx.win.document.querySelector('a.c2c-num'); i += 1) await wait(10);
  assert.equal(ctx.win.document.querySelector('a.c2c-num'), null);
  assert.equal(ctx.win.document.body.innerHTML, '<p>Zentrale 030 901820</p>');
});
