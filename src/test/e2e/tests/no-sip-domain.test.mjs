// The Linux default without a SIP domain: the program registered (after the browser started, as a
// user following the setup page would) with baresip and no domain. The setup page and the popup
// say "not ready" with the host's reason, a click's toast carries it, the failed dial is listed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { browsers, openSession } from '../lib/session.mjs';
import { waitFor } from '../lib/wait.mjs';
import { startServer } from '../lib/server.mjs';
import { baresipRig } from '../lib/baresip.mjs';
import { waitForContentScript, realClick } from '../lib/page.mjs';
import { setupTab, toastOf } from '../lib/setup-page.mjs';
import { writeChromiumManifest, writeFirefoxManifest } from '../lib/manifests.mjs';

/** Registers the launcher with this test's browser profile, as `click2call install` would. */
function registerHost(session, launcher) {
  if (session.driver.name === 'chromium') writeChromiumManifest(path.join(session.dir, 'profile'), launcher);
  else writeFirefoxManifest(path.join(session.dir, 'home'), launcher);
}

for (const driver of browsers) {
  test(`${driver.name}: Linux default (baresip, no SIP domain) → "not ready" with the host's reason everywhere`, async (t) => {
    const server = await startServer();
    const rig = await baresipRig();
    const { domain, ...noDomain } = rig.settings.baresip;
    void domain;
    let launcher = null;
    const session = await openSession(t, driver, {
      settings: { softphone: 'baresip', baresip: noDomain }, hostEnv: rig.hostEnv, writeManifest: false,
      beforeLaunch: async (ctx) => { launcher = ctx.launcher; },
    });
    t.after(() => server.close());
    const setup = await setupTab(session);
    await session.step('first: not installed', () => waitFor('#check[data-state=not_installed]', () =>
      setup.$eval('#check', (el) => el.dataset.state === 'not_installed'), { timeout: 15000 }));
    registerHost(session, launcher); // the user follows the steps …
    await setup.click('#btn-test'); // … and presses "Test again"
    await session.step('setup page says not ready: domain', () => waitFor('#check[data-state=not_ready]', () =>
      setup.$eval('#check', (el) => el.dataset.state === 'not_ready'), { timeout: 20000 }));
    assert.match(await setup.$eval('#check-text', (el) => el.textContent), /"domain"/);
    await session.screenshot(setup, 'setup-needs-domain');

    const popup = await session.openPopup();
    await session.step('popup not ready', () => waitFor('#readiness[data-code=needs_domain]', () =>
      popup.$eval('#readiness', (el) => !el.hidden && el.dataset.code === 'needs_domain'), { timeout: 20000 }));
    assert.equal(await popup.$eval('#host-status', (el) => el.textContent), 'Not ready');
    assert.match(await popup.$eval('#readiness-message', (el) => el.textContent), /config\.json/);
    await session.screenshot(popup, 'popup-needs-domain');

    const page = await session.newPage(server.url('support-links.html'));
    await waitForContentScript(page);
    await realClick(page, '#tel-link');
    await session.step('toast carries the host reason', () => waitFor('error toast', async () =>
      (await toastOf(page))?.kind === 'error', { timeout: 15000 }));
    const toast = await toastOf(page);
    assert.match(toast.text, /^Cannot dial yet: baresip can dial phone numbers only through your SIP server/);
    assert.doesNotMatch(toast.text, /Not a phone number/);
    await session.step('failed dial in recent calls', () => waitFor('recent calls: failed', () =>
      popup.$eval('#recent-list', (el) => el.children[0]?.dataset.outcome === 'failed'), { timeout: 10000 }));
    assert.match(session.hostLog(), /host started/);
  });
}
