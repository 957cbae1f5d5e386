// The setup page opens after a first install only when the host is not ready, and at most once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installFakeBrowser } from './fake-browser.js';
import { openSetupIfNeeded, openSetup } from '../background/setup-tab.js';

function fake() {
  const api = installFakeBrowser();
  const created = [];
  const updated = [];
  api.tabs.create = async (opts) => { created.push(opts); return { id: 40 + created.length, windowId: 1 }; };
  api.tabs.update = async (id) => { updated.push(id); return { id, windowId: 1 }; };
  api.windows.update = async () => ({});
  return { api, created, updated };
}
const noSleep = { sleep: async () => {} };

test('host missing after install: the setup page opens; a second request focuses it', async () => {
  const { created, updated } = fake();
  await openSetupIfNeeded({ status: { state: 'disconnected', code: 'not_installed' } }, noSleep);
  assert.equal(created.length, 1);
  assert.match(created[0].url, /setup\/setup\.html$/);
  await openSetup();
  assert.equal(created.length, 1);
  assert.equal(updated.length, 1);
});

test('a ready host after install: no setup page; a host that cannot dial: the page', async () => {
  let f = fake();
  await openSetupIfNeeded({ status: { state: 'connected', readiness: { ready: true, code: 'ready' } } }, noSleep);
  assert.equal(f.created.length, 0);
  f = fake();
  f.api.tabs.update = async () => { throw new Error('No tab with id'); }; // the old one was closed
  await openSetupIfNeeded({ status: { state: 'connected', readiness: { ready: false, code: 'needs_domain', message: 'x' } } }, noSleep);
  assert.equal(f.created.length, 1);
});
