// Scenario 4 (part): the popup tells whether the host is reachable, and why not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browsers, openSession } from '../lib/session.mjs';
import { waitFor } from '../lib/wait.mjs';

for (const driver of browsers) {
  test(`${driver.name}: host not installed → the popup shows the browser's error and the fix`, async (t) => {
    const session = await openSession(t, driver, { installHost: false });
    const popup = await session.browser.openExtensionPage('popup/popup.html');
    await waitFor('host status disconnected', () =>
      popup.$eval('#host-status', (el) => el.dataset.state === 'disconnected'));
    const code = await popup.$eval('#host-error', (el) => el.dataset.code);
    const detail = await popup.$eval('#host-error-detail', (el) => el.textContent);
    const fix = await popup.$eval('#host-error-fix', (el) => el.textContent);
    await session.screenshot(popup, 'popup-host-missing');
    assert.equal(code, 'not_installed');
    const expected = driver.name === 'chromium'
      ? 'Specified native messaging host not found.'
      : 'No such native application click2call.host';
    assert.match(detail, new RegExp(expected.replace(/[.]/g, '\\.')));
    assert.match(fix, /click2call install/);
  });

  test(`${driver.name}: host installed without a softphone → connected, softphone unavailable`, async (t) => {
    const session = await openSession(t, driver, { hostEnv: { CLICK2CALL_SOFTPHONE: 'none' } });
    const popup = await session.browser.openExtensionPage('popup/popup.html');
    await waitFor('host status connected', () =>
      popup.$eval('#host-status', (el) => el.dataset.state === 'connected'), { timeout: 15000 });
    await waitFor('softphone shown unavailable', () =>
      popup.$eval('#softphone-status', (el) => el.dataset.available === 'false'));
    await session.screenshot(popup, 'popup-connected-no-softphone');
    assert.match(session.hostLog(), /host started for (chromium|gecko):/);
  });
}
