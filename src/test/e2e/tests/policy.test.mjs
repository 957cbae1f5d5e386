// Scenario 6: an organisation's managed policy (Chromium's policy JSON, Firefox's policies.json)
// locks an option: the options page shows it locked with the organisation's value, the
// background refuses to change it, and the behaviour follows it (no number detection).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browsers, openSession } from '../lib/session.mjs';
import { startServer } from '../lib/server.mjs';
import { waitFor } from '../lib/wait.mjs';
import { waitForContentScript } from '../lib/page.mjs';

for (const driver of browsers) {
  test(`${driver.name}: a managed policy locks "detect numbers" off → options page shows it locked, no numbers linked`, async (t) => {
    const server = await startServer();
    t.after(() => server.close());
    const session = await openSession(t, driver, {
      installHost: false,
      policy: { detectNumbers: false, pageEventOrigins: ['https://crm.example.com'] },
    });
    const options = await session.openExtensionPage('options/options.html', { width: 800, height: 900 });
    await session.step('options page shows detectNumbers locked', () => waitFor('#opt-detectNumbers[data-locked=true]', () =>
      options.$eval('#opt-detectNumbers', (el) => el.dataset.locked === 'true')));
    const field = await options.$eval('#opt-detectNumbers', (el) => ({
      disabled: el.disabled,
      checked: el.checked,
      rowLocked: el.closest('.field').dataset.locked,
      note: el.closest('.field').querySelector('.locked-note').hidden ? null : el.closest('.field').querySelector('.locked-note').textContent,
    }));
    assert.deepEqual(field, { disabled: true, checked: false, rowLocked: 'true', note: field.note });
    assert.match(field.note ?? '', /organisation/i);
    assert.equal(await options.$eval('#opt-pageEventOrigins', (el) => el.dataset.locked), 'true');
    assert.equal(await options.$eval('#opt-confirmBeforeDial', (el) => el.disabled), false, 'an option the policy does not set stays free');
    await session.screenshot(options, 'options-locked');

    const refused = await options.evaluate(() => (globalThis.browser ?? globalThis.chrome).runtime.sendMessage(
      { type: 'set-setting', key: 'detectNumbers', value: true }));
    assert.equal(refused.ok, false, 'the background refuses to change a locked option');

    const page = await session.newPage(server.url('detect.html'));
    await session.step('content script ready', () => waitForContentScript(page));
    await page.evaluate(() => window.addNumberLater());
    // The same page gets its links within a second when detection is on (page-content test).
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.equal(await page.evaluate(() => document.querySelectorAll('a.c2c-num').length), 0, 'no number was linked');
    await session.screenshot(page, 'page-detection-off-by-policy');
  });
}
