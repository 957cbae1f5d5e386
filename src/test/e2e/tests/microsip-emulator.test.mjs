// Scenarios 1 and 5 with MicroSIP (the emulator, docs/MICROSIP.md): the packaged host drives
// "MicroSIP" through its command line, MicroSIP's hooks (installed by `click2call microsip hooks
// install`) report call state back through `click2call hook`; the emulator's control channel
// plays the far end and its journal shows exactly what MicroSIP received.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browsers } from '../lib/session.mjs';
import { microsipRig } from '../lib/microsip-suite.mjs';
import { waitFor } from '../lib/wait.mjs';
import {
  hangUpLeftover, notificationIds, pageEvents, realClick, setSetting, stateSequence,
  waitForContentScript, waitForPageState, waitForPopup, waitForReadyPopup,
} from '../lib/page.mjs';

const commandsOf = (journal) => journal.filter((e) => e.kind === 'command').map((e) => e.text);

for (const driver of browsers) {
  describe(`${driver.name}: calls through MicroSIP (emulator)`, () => {
    const rig = microsipRig(driver, 'microsip');

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
      return { popup, newJournal: () => rig.emulator.journal().slice(journalFrom) };
    }

    test(`${driver.name}: click a tel: link → MicroSIP receives +15550104477 → dialing, connected → Hang up in the popup → /hangupall → ended`, async (t) => {
      const { popup, newJournal } = await start(t);
      const page = await rig.session.newPage(rig.server.url('call.html'));
      await rig.session.step('content script ready', () => waitForContentScript(page));
      await rig.session.step('click the tel: link', () => realClick(page, '#call-link'));
      await rig.session.step('MicroSIP receives the validated dial string', () => waitFor('journal: command +15550104477 and a call', () =>
        commandsOf(newJournal()).includes('+15550104477') && newJournal().some((e) => e.kind === 'call' && e.number === '+15550104477')));
      const dialing = await rig.session.step('page gets dialing (cmdOutgoingCall hook)', () => waitForPageState(page, 'dialing'));
      assert.equal(dialing.direction, 'out');
      assert.equal(dialing.remote, '+15550104477');
      assert.equal(await rig.emulator.control('answer-remote'), 'ok');
      await rig.session.step('page gets connected (cmdCallStart hook)', () => waitForPageState(page, 'connected'));
      await rig.session.step('popup shows the call and its timer', async () => {
        await popup.bringToFront();
        await waitForPopup(popup, '#call-state', 'data-state', 'connected');
        await waitFor('call timer ticks', () => popup.$eval('#call-timer', (el) => !el.hidden && /^0:0[1-9]$/.test(el.textContent)), { timeout: 5000 });
      });
      await rig.session.screenshot(popup, 'popup-connected-microsip');
      await rig.session.step('Hang up in the popup', () => popup.click('#btn-hangup'));
      await rig.session.step('MicroSIP receives /hangupall', () => waitFor('journal: command /hangupall', () =>
        commandsOf(newJournal()).includes('/hangupall')));
      await rig.session.step('page gets ended (cmdCallEnd hook)', () => waitForPageState(page, 'ended'));
      await rig.session.step('popup shows ended', () => waitForPopup(popup, '#call-state', 'data-state', 'ended'));
      assert.deepEqual(stateSequence(await pageEvents(page)), ['dialing', 'connected', 'ended']);
      assert.deepEqual(commandsOf(newJournal()), ['+15550104477', '/hangupall']);
      assert.deepEqual(newJournal().filter((e) => e.kind === 'violation'), []);
      await rig.session.screenshot(page, 'page-ended-microsip');
    });

    test(`${driver.name}: the far end is busy → MicroSIP's cmdCallBusy → page busy`, async (t) => {
      const { popup, newJournal } = await start(t);
      const page = await rig.session.newPage(rig.server.url('call.html'));
      await rig.session.step('content script ready', () => waitForContentScript(page));
      await rig.session.step('click the tel: link', () => realClick(page, '#call-link'));
      await rig.session.step('page gets dialing', () => waitForPageState(page, 'dialing'));
      assert.equal(await rig.emulator.control('busy'), 'ok');
      await rig.session.step('page gets busy', () => waitForPageState(page, 'busy'));
      await rig.session.step('popup shows busy', () => waitForPopup(popup, '#call-state', 'data-state', 'busy'));
      assert.deepEqual(stateSequence(await pageEvents(page)), ['dialing', 'busy']);
      assert.deepEqual(commandsOf(newJournal()), ['+15550104477']);
    });

    test(`${driver.name}: an incoming call injected into MicroSIP → notification and popup → Answer → /answer; only the allow-listed tab hears of it`, async (t) => {
      const { popup, newJournal } = await start(t);
      await setSetting(popup, 'pageEventOrigins', [new URL(rig.server.url('x')).origin]);
      const page = await rig.session.newPage(rig.server.url('call.html'));
      const other = await rig.session.newPage(rig.server.otherOriginUrl('call.html'));
      await rig.session.step('content scripts ready', async () => {
        await waitForContentScript(page);
        await waitForContentScript(other);
      });
      assert.equal(await rig.emulator.control('incoming', '+4930901820'), 'ok');
      await popup.bringToFront();
      await rig.session.step('popup offers Answer', () => waitFor('#btn-answer visible', () => popup.$eval('#btn-answer', (el) => !el.hidden)));
      await rig.session.step('the incoming-call notification is showing', () => waitFor('notification click2call-incoming', async () =>
        (await notificationIds(popup)).includes('click2call-incoming')));
      const incoming = await rig.session.step('allow-listed page gets incoming', () => waitForPageState(page, 'incoming'));
      assert.equal(incoming.remote, '+4930901820');
      await rig.session.screenshot(popup, 'popup-incoming-microsip');
      await rig.session.step('Answer in the popup', () => popup.click('#btn-answer'));
      await rig.session.step('MicroSIP receives /answer', () => waitFor('journal: command /answer and answered', () =>
        commandsOf(newJournal()).includes('/answer') && newJournal().some((e) => e.kind === 'answered')));
      await rig.session.step('page gets connected', () => waitForPageState(page, 'connected'));
      assert.equal(await rig.emulator.control('hangup-remote'), 'ok');
      await rig.session.step('page gets ended', () => waitForPageState(page, 'ended'));
      const states = stateSequence(await pageEvents(page)).filter((s) => s !== 'ringing');
      assert.deepEqual(states, ['incoming', 'connected', 'ended']);
      assert.deepEqual(await pageEvents(other), [], 'a tab not on the allow list receives nothing');
      assert.deepEqual(commandsOf(newJournal()), ['/answer']);
    });
  });
}
