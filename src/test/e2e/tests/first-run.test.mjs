// First run, as a new user meets it: the extension without its program (the setup page opens by
// itself, a click on a tel: link stays ours and offers setup, no second handler opens), then the
// program registered with the default Linux softphone and no SIP domain (the page and the popup
// say "not ready" with the host's reason, a click's toast carries it, the failed dial is listed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { browsers, openSession } from '../lib/session.mjs';
import { waitFor } from '../lib/wait.mjs';
import { startServer } from '../lib/server.mjs';
import { baresipRig } from '../lib/baresip.mjs';
import { waitForContentScript, realClick } from '../lib/page.mjs';
import { writeChromiumManifest, writeFirefoxManifest } from '../lib/manifests.mjs';

const SETUP = 'setup/setup.html';
const toastOf = (page) => page.evaluate(() => {
  const el = document.querySelector('click2call-toast');
  return el ? { text: el.dataset.text ?? '', kind: el.dataset.kind, action: el.dataset.action ?? '' } : null;
});

/** The setup tab the extension opened by itself after its install. */
async function setupTab(session) {
  await session.step('the setup page opens by itself', () => waitFor('a tab with setup/setup.html', () => session.browser.findPage(SETUP), { timeout: 20000 }));
  return session.browser.findPage(SETUP);
}

/** Registers the launcher with this test's browser profile, as `click2call install` would. */
function registerHost(session, launcher) {
  if (session.driver.name === 'chromium') writeChromiumManifest(path.join(session.dir, 'profile'), launcher);
  else writeFirefoxManifest(path.join(session.dir, 'home'), launcher);
}

for (const driver of browsers) {
  test(`${driver.name}: host missing → the setup page opens; a tel: click stays ours and offers setup`, async (t) => {
    const server = await startServer();
    const session = await openSession(t, driver, { installHost: false });
    t.after(() => server.close()); // after the browser is gone: its keep-alive connections end with it
    const setup = await setupTab(session);
    await session.step('setup page says not installed', () => waitFor('#check[data-state=not_installed]', () =>
      setup.$eval('#check', (el) => el.dataset.state === 'not_installed'), { timeout: 15000 }));
    const steps = await setup.$eval('#steps-list', (el) => el.textContent);
    assert.match(steps, new RegExp(`install --browser ${driver.name === 'chromium' ? 'chromium' : 'firefox'}`));
    assert.match(await setup.$eval('#steps-title', (el) => el.textContent), /Linux/);
    assert.ok(await setup.$$eval('button.copy', (els) => els.length) >= 3, 'copy buttons');
    assert.equal(await setup.$eval('#doctor-link', (el) => el.getAttribute('href')), '#doctor-help');
    assert.match(await setup.$eval('#doctor-command', (el) => el.textContent), /doctor --browser/);
    await session.screenshot(setup, 'setup-host-missing');

    const popup = await session.openPopup();
    await session.step('popup says not set up', () => waitFor('#host-status "Not set up"', () =>
      popup.$eval('#host-status', (el) => el.textContent === 'Not set up'), { timeout: 15000 }));
    assert.equal(await popup.$eval('#btn-setup', (el) => el.hidden), false);
    assert.match(await popup.$eval('#dial-note', (el) => el.textContent), /Set up/);
    await session.screenshot(popup, 'popup-host-missing');

    const page = await session.newPage(server.url('links.html'));
    await waitForContentScript(page);
    const pagesBefore = (await session.browser.pageUrls()).length;
    for (const link of ['#tel-blank', '#tel-link']) { // target=_blank: the browser's own handling would open a tab
      await page.evaluate(() => document.querySelector('click2call-toast')?.remove());
      await realClick(page, link);
      await session.step(`toast offers setup (${link})`, () => waitFor('toast with a Set up action', async () =>
        (await toastOf(page))?.action === 'setup', { timeout: 10000 }));
      await new Promise((resolve) => setTimeout(resolve, 1600)); // one dial per tab in 1.5 s
    }
    const toast = await toastOf(page);
    assert.equal(toast.kind, 'error');
    assert.match(toast.text, /not installed on this computer/);
    assert.doesNotMatch(toast.text, /softphone/i, 'the toast does not blame the softphone');
    assert.equal((await session.browser.pageUrls()).length, pagesBefore, 'no second handler opened a tab or window');
    assert.equal(page.url(), server.url('links.html'), 'the page did not navigate to tel:');
    await session.screenshot(page, 'page-toast-setup');
  });

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

    const page = await session.newPage(server.url('links.html'));
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
