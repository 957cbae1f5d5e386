// Scenario 1 and issue 7 (outgoing): a click on a tel: link in a real page goes through the
// extension and the packaged host to a real baresip, which calls SIPp on 127.0.0.1; the call
// state comes back to the page (click2call:call) and the popup.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browsers } from '../lib/session.mjs';
import { baresipSuite } from '../lib/baresip-suite.mjs';
import { waitFor } from '../lib/wait.mjs';
import {
  pageEvents, realClick, stateSequence, waitForContentScript, waitForPageState, waitForPopup,
} from '../lib/page.mjs';

const NUMBER = '+15550104477';

for (const driver of browsers) {
  describe(`${driver.name}: outgoing calls through baresip`, () => {
    const suite = baresipSuite(driver, 'outgoing-calls');

    /** Opens the popup and the CRM page, starts SIPp with `scenario`, clicks the number. */
    async function dialFromPage(t, scenario, extra = []) {
      const { server, session } = suite;
      const { popup, startSipp } = await suite.readyPopup(t);
      const sipp = startSipp(scenario, extra);
      const page = await session.newPage(server.url('call.html'));
      await session.step('content script ready', () => waitForContentScript(page));
      await session.step('click the tel: link', () => realClick(page, '#call-link'));
      return { popup, page, sipp };
    }

    test(`${driver.name}: click a tel: link → baresip calls SIPp → dialing, connected → Hang up in the popup → ended`, async (t) => {
      const { rig, session } = suite;
      const { popup, page, sipp } = await dialFromPage(t, 'uas_answer.xml', ['-set', 'rtpport', '9']);
      const dialing = await session.step('page gets dialing', () => waitForPageState(page, 'dialing'));
      assert.equal(dialing.direction, 'out');
      assert.equal(dialing.remote, rig.uriFor(NUMBER).replace(/[^\p{L}\p{N} +*#@._:()-]/gu, ''));
      const connected = await session.step('page gets connected', () => waitForPageState(page, 'connected'));
      await session.step('toast shows the dialed string', () => waitFor('toast "Calling sip:+1555…"', () =>
        page.evaluate(() => document.querySelector('click2call-toast')?.dataset.text ?? '').then((text) => text.includes(rig.uriFor(NUMBER)))));
      await session.step('SIPp receives the INVITE for the validated number', () => waitFor('INVITE in the SIPp trace', () =>
        sipp.trace().includes(`INVITE ${rig.uriFor(NUMBER)} SIP/2.0`)));
      await session.screenshot(page, 'page-connected');

      await session.step('popup shows the connected call and its timer', async () => {
        await popup.bringToFront();
        await waitForPopup(popup, '#call-state', 'data-state', 'connected');
        await waitFor('call timer ticks to 0:01', () => popup.$eval('#call-timer', (el) => !el.hidden && /^0:0[1-9]$/.test(el.textContent)), { timeout: 5000 });
      });
      await session.screenshot(popup, 'popup-connected');

      await session.step('Hang up in the popup', () => popup.click('#btn-hangup'));
      const ended = await session.step('page gets ended', () => waitForPageState(page, 'ended'));
      assert.equal(ended.reason, 'Connection reset by user');
      assert.equal(ended.callId, connected.callId);
      await session.step('popup shows ended', () => waitForPopup(popup, '#call-state', 'data-state', 'ended'));
      assert.equal(await sipp.awaitExit('SIPp finishes the call'), 0, sipp.output());
      assert.match(sipp.trace(), /BYE sip:/);
      const states = stateSequence(await pageEvents(page));
      assert.deepEqual(states.filter((s) => s !== 'ringing'), ['dialing', 'connected', 'ended']);
      assert.ok(states.indexOf('ringing') === -1 || states.indexOf('ringing') === 1, `order: ${states}`);
      await session.step('popup lists the call as recent', () => waitFor('recent call listed', () =>
        popup.$eval('#recent-list', (el) => el.children.length > 0)));
      await session.screenshot(page, 'page-ended');
      await session.screenshot(popup, 'popup-ended');
    });

    test(`${driver.name}: the far end is busy (486) → dialing, ringing, busy`, async (t) => {
      const { session } = suite;
      const { popup, page, sipp } = await dialFromPage(t, 'uas_busy.xml');
      const busy = await session.step('page gets busy', () => waitForPageState(page, 'busy'));
      assert.equal(busy.reason, '486 Busy Here');
      assert.deepEqual(stateSequence(await pageEvents(page)), ['dialing', 'ringing', 'busy']);
      await session.step('popup shows busy', async () => {
        await popup.bringToFront();
        await waitForPopup(popup, '#call-state', 'data-state', 'busy');
      });
      assert.equal(await sipp.awaitExit('SIPp sends 486 and gets the ACK'), 0, sipp.output());
      await session.screenshot(popup, 'popup-busy');
    });

    test(`${driver.name}: the far end hangs up (BYE) → connected, ended by the peer`, async (t) => {
      const { session } = suite;
      const { popup, page, sipp } = await dialFromPage(t, 'uas_remote_bye.xml');
      await session.step('page gets connected', () => waitForPageState(page, 'connected'));
      const ended = await session.step('page gets ended', () => waitForPageState(page, 'ended'));
      assert.equal(ended.reason, 'Connection reset by peer');
      assert.deepEqual(stateSequence(await pageEvents(page)).filter((s) => s !== 'ringing'), ['dialing', 'connected', 'ended']);
      await session.step('popup shows ended', async () => {
        await popup.bringToFront();
        await waitForPopup(popup, '#call-state', 'data-state', 'ended');
      });
      assert.equal(await sipp.awaitExit('SIPp sends BYE and gets 200'), 0, sipp.output());
    });
  });
}
