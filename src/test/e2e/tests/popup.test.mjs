// The popup's secondary actions in a real browser: the per-site switch (the page's address comes
// from the tab's content script, so it works in Chromium without the "tabs" permission) and the
// default country, changed in one step, which the page's number detection follows at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browsers, openSession } from '../lib/session.mjs';
import { waitFor } from '../lib/wait.mjs';
import { startServer } from '../lib/server.mjs';
import { waitForContentScript } from '../lib/page.mjs';

const linkIn = (page, selector) => page.evaluate((s) => document.querySelector(`${s} a.c2c-num`)?.getAttribute('href') ?? null, selector);

for (const driver of browsers) {
  test(`${driver.name}: per-site switch and the default country from the popup`, async (t) => {
    const server = await startServer();
    const session = await openSession(t, driver, { hostEnv: { CLICK2CALL_SOFTPHONE: 'none' } });
    t.after(() => server.close()); // after the browser is gone: its keep-alive connections end with it
    const page = await session.newPage(server.url('national.html'));
    await waitForContentScript(page);
    await page.bringToFront();

    const popup = await session.openPopup();
    await session.step('country shown with its source', () => waitFor('#country-source[data-source=browser]', () =>
      popup.$eval('#country-source', (el) => el.dataset.source === 'browser'), { timeout: 15000 }));
    assert.match(await popup.$eval('#country-source', (el) => el.textContent), /United States \(US\) — from the browser language/);
    assert.equal(await linkIn(page, '#fr-number'), null, 'a French national number is not a US number');

    // One step: pick France in the popup.
    await (popup.selectOption ? popup.selectOption('#country-select', 'FR') : popup.select('#country-select', 'FR'));
    await session.step('country saved as the user\'s choice', () => waitFor('#country-source[data-source=user]', () =>
      popup.$eval('#country-source', (el) => el.dataset.source === 'user'), { timeout: 10000 }));
    assert.match(await popup.$eval('#country-source', (el) => el.textContent), /France \(FR\) — your choice/);
    await page.bringToFront(); // the popup is a tab here; a real popup leaves the page in view
    await session.step('the page links the French number', () => waitFor('a.c2c-num in #fr-number', async () =>
      (await linkIn(page, '#fr-number')) === 'tel:+33142685300', { timeout: 15000 }));

    // The per-site switch names this page's site (Chromium: learned from the content script).
    await session.step('site switch shown', () => waitFor('#site-detection-row visible', () =>
      popup.$eval('#site-detection-row', (el) => !el.hidden), { timeout: 10000 }));
    assert.equal(await popup.$eval('#site-detection-row', (el) => el.dataset.hostname), '127.0.0.1');
    assert.equal(await popup.$eval('#site-detection', (el) => el.checked), true);
    await popup.bringToFront();
    await session.screenshot(popup, 'popup-site-switch');
    await popup.click('#site-detection');
    await page.bringToFront();
    await session.step('links removed from the page', () => waitFor('no a.c2c-num in #fr-number', async () =>
      (await linkIn(page, '#fr-number')) === null, { timeout: 15000 }));
    const denied = await popup.evaluate(async () => (await (globalThis.browser ?? globalThis.chrome).storage.local.get('settings')).settings.siteDenylist);
    assert.deepEqual(denied, ['127.0.0.1']);
  });
}
