// Scenario 5 and issue 7 (incoming): SIPp calls the host's baresip; the popup and the
// notification show the call; Answer / Decline in the popup reach baresip (SIPp sees 200 / 486);
// a tab whose origin is on the page-event allow list gets the events, another tab gets nothing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browsers } from '../lib/session.mjs';
import { baresipSuite } from '../lib/baresip-suite.mjs';
import { waitFor } from '../lib/wait.mjs';
import {
  notificationIds, pageEvents, setSetting, stateSequence, waitForContentScript, waitForPageState,
  waitForPopup,
} from '../lib/page.mjs';

for (const driver of browsers) {
  describe(`${driver.name}: incoming calls through baresip`, () => {
    const suite = baresipSuite(driver, 'incoming-calls');

    /** Allow-lists the 127.0.0.1 origin, opens it and a localhost tab, then SIPp calls in. */
    async function ringIn(t) {
      const { server, rig, session } = suite;
      const { popup, startSipp } = await suite.readyPopup(t);
      const allowed = new URL(server.url('x')).origin;
      await setSetting(popup, 'pageEventOrigins', [allowed]);
      const page = await session.newPage(server.url('call.html'));
      const other = await session.newPage(server.otherOriginUrl('call.html'));
      await session.step('content scripts ready', async () => {
        await waitForContentScript(page);
        await waitForContentScript(other);
      });
      const sipp = startSipp('uac_wait_bye.xml', rig.callBaresip);
      await popup.bringToFront();
      await session.step('popup shows the incoming call', () => waitForPopup(popup, '#call-state', 'data-state', 'incoming'));
      const incoming = await session.step('allow-listed page gets incoming', () => waitForPageState(page, 'incoming'));
      assert.equal(incoming.direction, 'in');
      assert.match(incoming.remote, /^sip:sipp@127\.0\.0\.1/);
      return { popup, page, other, sipp };
    }

    test(`${driver.name}: an incoming call → notification and popup → Answer → baresip accepts → Hang up`, async (t) => {
      const { session } = suite;
      const { popup, page, other, sipp } = await ringIn(t);
      await session.step('the incoming-call notification is showing', () => waitFor('notification click2call-incoming', async () =>
        (await notificationIds(popup)).includes('click2call-incoming')));
      await session.screenshot(popup, 'popup-incoming');
      await session.step('Answer in the popup', () => popup.click('#btn-answer'));
      await session.step('popup shows connected', () => waitForPopup(popup, '#call-state', 'data-state', 'connected'));
      await session.step('page gets connected', () => waitForPageState(page, 'connected'));
      await session.step('SIPp gets 200 (answered)', () => waitFor('a 200 response in the SIPp trace', () => /^SIP\/2\.0 200 /m.test(sipp.trace())));
      await session.step('the notification is cleared', () => waitFor('notification gone', async () =>
        !(await notificationIds(popup)).includes('click2call-incoming')));
      await session.screenshot(popup, 'popup-incoming-connected');
      await session.step('Hang up in the popup', () => popup.click('#btn-hangup'));
      await session.step('page gets ended', () => waitForPageState(page, 'ended'));
      assert.equal(await sipp.awaitExit('SIPp receives BYE and finishes'), 0, sipp.output());
      assert.doesNotMatch(sipp.trace(), /SIP\/2\.0 486/);
      assert.deepEqual(stateSequence(await pageEvents(page)), ['incoming', 'connected', 'ended']);
      assert.deepEqual(await pageEvents(other), [], 'a tab not on the allow list receives nothing');
      await session.screenshot(page, 'page-incoming-ended');
    });

    test(`${driver.name}: an incoming call declined in the popup → the caller hears busy (486)`, async (t) => {
      const { session } = suite;
      const { popup, page, other, sipp } = await ringIn(t);
      await session.step('Decline in the popup', () => popup.click('#btn-decline'));
      const ended = await session.step('page gets ended', () => waitForPageState(page, 'ended'));
      assert.equal(ended.direction, 'in');
      await session.step('popup shows ended', () => waitForPopup(popup, '#call-state', 'data-state', 'ended'));
      assert.equal(await sipp.awaitExit('SIPp gets 486 and finishes'), 0, sipp.output());
      assert.match(sipp.trace(), /SIP\/2\.0 486/);
      assert.doesNotMatch(sipp.trace(), /^BYE /m);
      assert.deepEqual(stateSequence(await pageEvents(page)), ['incoming', 'ended']);
      assert.deepEqual(await pageEvents(other), [], 'a tab not on the allow list receives nothing');
    });
  });
}
