// Issue 14: call links as real sites write them. `tel:` links with an international "00",
// pauses before an extension (",,1234") are dialed; links we can never dial (a Skype name in
// callto:, a tel: without digits) are left to the browser: the click goes on to the page and the
// browser's own handling, nothing reaches the softphone, no toast. Runs with the MicroSIP emulator
// (docs/MICROSIP.md): its journal shows exactly what the softphone received.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browsers } from '../lib/session.mjs';
import { microsipRig } from '../lib/microsip-suite.mjs';
import { waitFor } from '../lib/wait.mjs';
import {
  hangUpLeftover, realClick, waitForContentScript, waitForPopup, waitForReadyPopup,
} from '../lib/page.mjs';

const commandsOf = (journal) => journal.filter((e) => e.kind === 'command').map((e) => e.text);
const reachedPage = (page) => page.evaluate(() => window.__reachedPage);
const toastText = (page) => page.evaluate(() => document.querySelector('click2call-toast')?.dataset.text ?? null);

for (const driver of browsers) {
  describe(`${driver.name}: call links as real sites write them`, () => {
    const rig = microsipRig(driver, 'call-links');

    async function start(t) {
      rig.session.begin(t.name);
      const popup = await rig.session.openPopup();
      const journalFrom = rig.emulator.journal().length;
      t.after(async () => {
        await hangUpLeftover(popup);
        rig.emulator.saveJournal(rig.session.artifacts);
        await rig.session.closePages();
        rig.session.saveLogs();
      });
      await rig.session.step('host and MicroSIP ready in the popup', () => waitForReadyPopup(popup));
      const page = await rig.session.newPage(rig.server.url('links.html'));
      await rig.session.step('content script ready', () => waitForContentScript(page));
      return { popup, page, newJournal: () => rig.emulator.journal().slice(journalFrom) };
    }

    // The far end hangs up, so that the next test starts without a call (MicroSIP in
    // single-call mode refuses a second dial).
    async function endCall(popup) {
      assert.equal(await rig.emulator.control('hangup-remote'), 'ok');
      await rig.session.step('popup shows the call ended', () => waitForPopup(popup, '#call-state', 'data-state', 'ended'));
    }

    test(`${driver.name}: callto: with a Skype name and tel: without digits are left to the browser`, async (t) => {
      const { page, newJournal } = await start(t);
      for (const id of ['skype', 'skype-name', 'no-digits']) {
        await rig.session.step(`real click on #${id}`, () => realClick(page, `#${id}`));
      }
      await rig.session.step('every click went on to the page, not prevented', () => waitFor('three clicks on the page', async () =>
        (await reachedPage(page)).length === 3));
      assert.deepEqual(await reachedPage(page), [
        { id: 'skype', prevented: false }, { id: 'skype-name', prevented: false }, { id: 'no-digits', prevented: false },
      ]);
      // Give a wrongly taken-over click time to reach the softphone before saying it did not.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.deepEqual(commandsOf(newJournal()), [], 'nothing reached MicroSIP');
      assert.equal(await toastText(page), null, 'no toast: the click was not ours');
    });

    test(`${driver.name}: tel: with pauses before an extension is dialed (the number; the extension shown)`, async (t) => {
      const { popup, page, newJournal } = await start(t);
      await rig.session.step('real click on tel:+18005550175,,1234', () => realClick(page, '#paused'));
      await rig.session.step('MicroSIP receives +18005550175', () => waitFor('journal: command +18005550175', () =>
        commandsOf(newJournal()).includes('+18005550175')));
      await rig.session.step('the toast names the extension', () => waitFor('toast with 1234', async () =>
        /1234/.test((await toastText(page)) ?? '')));
      assert.deepEqual(await reachedPage(page), [], 'the extension took the click over');
      await endCall(popup);
    });

    test(`${driver.name}: tel: with an international 00 and spaces is dialed`, async (t) => {
      const { popup, page, newJournal } = await start(t);
      await rig.session.step('real click on tel:0049 30 23125 456', () => realClick(page, '#idd'));
      await rig.session.step('MicroSIP receives +493023125456', () => waitFor('journal: command +493023125456', () =>
        commandsOf(newJournal()).includes('+493023125456')));
      assert.deepEqual(await reachedPage(page), [], 'the extension took the click over');
      await endCall(popup);
    });
  });
}
