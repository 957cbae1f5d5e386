// Issue 14: call links as real sites write them. `tel:` links with an international "00",
// pauses before an extension (",,1234") are dialed; links we can never dial (a Skype name in
// callto:, a tel: without digits) are left to the browser: the click goes on to the page and the
// browser's own handling, nothing reaches the softphone, no toast. Runs with the MicroSIP emulator
// (docs/MICROSIP.md): its journal shows exactly what the softphone received.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browsers, openSharedSession } from '../lib/session.mjs';
import { startServer } from '../lib/server.mjs';
import { createEmulator } from '../lib/emulator.mjs';
import { waitFor } from '../lib/wait.mjs';
import {
  hangUpLeftover, realClick, waitForContentScript, waitForPopup, waitForReadyPopup,
} from '../lib/page.mjs';

const commandsOf = (journal) => journal.filter((e) => e.kind === 'command').map((e) => e.text);
const reachedPage = (page) => page.evaluate(() => window.__reachedPage);
const toastText = (page) => page.evaluate(() => document.querySelector('click2call-toast')?.dataset.text ?? null);

for (const driver of browsers) {
  describe(`${driver.name}: call links as real sites write them`, () => {
    let server;
    let emulator;
    let session;

    before(async () => {
      server = await startServer();
      emulator = createEmulator();
      session = await openSharedSession(`${driver.name}-call-links`, driver, {
        hostEnv: { CLICK2CALL_SOFTPHONE: 'microsip', CLICK2CALL_MICROSIP: emulator.exe },
        beforeLaunch: async ({ launcher }) => {
          await emulator.installHooks(launcher);
          await emulator.start();
        },
      });
    });
    after(async () => {
      await session?.close();
      await emulator?.stop();
      await server?.close();
    });

    async function start(t) {
      session.begin(t.name);
      const popup = await session.openPopup();
      const journalFrom = emulator.journal().length;
      t.after(async () => {
        await hangUpLeftover(popup);
        emulator.saveJournal(session.artifacts);
        await session.closePages();
        session.saveLogs();
      });
      await session.step('host and MicroSIP ready in the popup', () => waitForReadyPopup(popup));
      const page = await session.newPage(server.url('links.html'));
      await session.step('content script ready', () => waitForContentScript(page));
      return { popup, page, newJournal: () => emulator.journal().slice(journalFrom) };
    }

    // The far end hangs up, so that the next test starts without a call (MicroSIP in
    // single-call mode refuses a second dial).
    async function endCall(popup) {
      assert.equal(await emulator.control('hangup-remote'), 'ok');
      await session.step('popup shows the call ended', () => waitForPopup(popup, '#call-state', 'data-state', 'ended'));
    }

    test(`${driver.name}: callto: with a Skype name and tel: without digits are left to the browser`, async (t) => {
      const { page, newJournal } = await start(t);
      for (const id of ['skype', 'skype-name', 'no-digits']) {
        await session.step(`real click on #${id}`, () => realClick(page, `#${id}`));
      }
      await session.step('every click went on to the page, not prevented', () => waitFor('three clicks on the page', async () =>
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
      await session.step('real click on tel:+18005550175,,1234', () => realClick(page, '#paused'));
      await session.step('MicroSIP receives +18005550175', () => waitFor('journal: command +18005550175', () =>
        commandsOf(newJournal()).includes('+18005550175')));
      await session.step('the toast names the extension', () => waitFor('toast with 1234', async () =>
        /1234/.test((await toastText(page)) ?? '')));
      assert.deepEqual(await reachedPage(page), [], 'the extension took the click over');
      await endCall(popup);
    });

    test(`${driver.name}: tel: with an international 00 and spaces is dialed`, async (t) => {
      const { popup, page, newJournal } = await start(t);
      await session.step('real click on tel:0049 30 23125 456', () => realClick(page, '#idd'));
      await session.step('MicroSIP receives +493023125456', () => waitFor('journal: command +493023125456', () =>
        commandsOf(newJournal()).includes('+493023125456')));
      assert.deepEqual(await reachedPage(page), [], 'the extension took the click over');
      await endCall(popup);
    });
  });
}
