// First run, as a new user meets it: the extension without its program. The setup page opens by
// itself, a click on a tel: link stays ours and offers setup, and no second handler opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browsers, openSession } from '../lib/session.mjs';
import { waitFor } from '../lib/wait.mjs';
import { startServer } from '../lib/server.mjs';
import { waitForContentScript, realClick } from '../lib/page.mjs';
import { setupTab, toastOf } from '../lib/setup-page.mjs';

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

    const page = await session.newPage(server.url('support-links.html'));
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
    assert.equal(page.url(), server.url('support-links.html'), 'the page did not navigate to tel:');
    await session.screenshot(page, 'page-toast-setup');
  });

}
