// Scenario 4: the popup tells whether the host is reachable, and why not; when the host dies
// mid-session the extension reconnects (a new host process) and the popup recovers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browsers, openSession } from '../lib/session.mjs';
import { waitFor } from '../lib/wait.mjs';
import { isAlive } from '../lib/processes.mjs';

for (const driver of browsers) {
  test(`${driver.name}: host not installed → the popup shows the browser's error and where the steps are`, async (t) => {
    const session = await openSession(t, driver, { installHost: false });
    const popup = await session.openPopup();
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
    assert.match(fix, /not installed on this computer/);
    assert.match(fix, /setup page/); // the steps are on the setup page, not a bare command
  });

  test(`${driver.name}: host installed without a softphone → connected, softphone unavailable`, async (t) => {
    const session = await openSession(t, driver, { hostEnv: { CLICK2CALL_SOFTPHONE: 'none' } });
    const popup = await session.openPopup();
    await waitFor('host status connected', () =>
      popup.$eval('#host-status', (el) => el.dataset.state === 'connected'), { timeout: 15000 });
    await waitFor('softphone shown unavailable', () =>
      popup.$eval('#softphone-status', (el) => el.dataset.available === 'false'));
    await session.screenshot(popup, 'popup-connected-no-softphone');
    assert.match(session.hostLog(), /host started for (chromium|gecko):/);
  });

  test(`${driver.name}: host killed mid-session → the extension reconnects and the popup recovers`, async (t) => {
    const session = await openSession(t, driver, { hostEnv: { CLICK2CALL_SOFTPHONE: 'none' } });
    const popup = await session.openPopup();
    await session.step('host connected', () => waitFor('host status connected', () =>
      popup.$eval('#host-status', (el) => el.dataset.state === 'connected'), { timeout: 15000 }));
    const [first] = session.hostPids();
    assert.ok(first && isAlive(first), 'the host runs under its own pid');
    // Everything the popup shows from now on, in order.
    await popup.evaluate(() => {
      window.__seen = [];
      const note = () => {
        const status = document.getElementById('host-status').dataset.state;
        const error = document.getElementById('host-error');
        const code = error.hidden ? null : error.dataset.code;
        const last = window.__seen.at(-1);
        if (!last || last.status !== status || last.code !== code) window.__seen.push({ status, code });
      };
      new MutationObserver(note).observe(document.body, { attributes: true, subtree: true, childList: true });
      note();
    });
    process.kill(first, 'SIGKILL');
    await session.step('popup shows the host gone', () => waitFor('host status not connected', () =>
      popup.evaluate(() => window.__seen.some((s) => s.status !== 'connected')), { timeout: 10000 }));
    await session.step('a new host is started', () => waitFor('second host pid', () => session.hostPids().length >= 2, { timeout: 15000 }));
    await session.step('popup connected again', () => waitFor('host status connected after the restart', () =>
      popup.evaluate(() => window.__seen.at(-1).status === 'connected' && window.__seen.length >= 3), { timeout: 15000 }));
    const seen = await popup.evaluate(() => window.__seen);
    const [, second] = session.hostPids();
    assert.notEqual(second, first);
    assert.ok(isAlive(second), 'the new host runs');
    assert.ok(!isAlive(first), 'the killed host is gone');
    assert.ok(seen.some((s) => s.code === 'exited'), `the popup said the host exited: ${JSON.stringify(seen)}`);
    assert.equal(await popup.$eval('#host-error', (el) => el.hidden), true, 'no error left once recovered');
    await session.screenshot(popup, 'popup-recovered');
  });
}
