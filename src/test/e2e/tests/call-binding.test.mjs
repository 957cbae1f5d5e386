// Issue 17, finding 8: other calls are not bound to the tab that dialed. Performed in real browsers against the packaged host and the MicroSIP
// emulator; each test does what the attacker did, with a positive control where a page that may
// have the event gets it. Each fails on the code before the fix.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { browsers } from '../lib/session.mjs';
import { waitFor } from '../lib/wait.mjs';
import { microsipSuite, selected, settle } from '../lib/microsip-suite.mjs';
import { pageEvents, realClick, waitForPageState, waitForPopup } from '../lib/page.mjs';

for (const driver of selected(browsers)) {
  describe(`${driver.name}: other calls are not bound to the tab that dialed`, () => {
    const suite = microsipSuite(driver, 'call-binding');

    test(`${driver.name}: 8 — a second incoming call during a call never reaches the (not allow-listed) page that dialed`, async (t) => {
      const { popup } = await suite.start(t, []);
      const tab = await suite.openPage(suite.server.url('call.html'));
      await suite.session.step('click the tel: link', () => realClick(tab, '#call-link'));
      await suite.session.step('page gets dialing', () => waitForPageState(tab, 'dialing'));
      assert.equal(await suite.emulator.control('answer-remote'), 'ok');
      await suite.session.step('page gets connected', () => waitForPageState(tab, 'connected'));
      assert.equal(await suite.emulator.control('incoming', '+4930111111'), 'ok');
      await popup.bringToFront();
      await suite.session.step('popup shows the second (incoming) call', () => waitFor('#btn-answer visible', () => popup.$eval('#btn-answer', (el) => !el.hidden)));
      await settle();
      const leaked = (await pageEvents(tab)).filter((e) => e.direction === 'in' || e.remote === '+4930111111');
      assert.deepEqual(leaked, [], 'the incoming caller is not sent to the dialing page');
    });

    test(`${driver.name}: 8 — a dial refused as busy binds no call the user makes later in the softphone`, async (t) => {
      const { popup, newJournal } = await suite.start(t, []);
      assert.equal(await suite.emulator.control('incoming', '+4930901820'), 'ok');
      await popup.bringToFront();
      await suite.session.step('popup offers Answer', () => waitFor('#btn-answer visible', () => popup.$eval('#btn-answer', (el) => !el.hidden)));
      await suite.session.step('Answer in the popup', () => popup.click('#btn-answer'));
      await suite.session.step('popup shows connected', () => waitForPopup(popup, '#call-state', 'data-state', 'connected'));
      const tab = await suite.openPage(suite.server.url('call.html'));
      await suite.session.step('click the tel: link during the call', () => realClick(tab, '#call-link'));
      await suite.session.step('the host refuses: busy (toast)', () => waitFor('error toast', () =>
        tab.evaluate(() => document.querySelector('click2call-toast')?.dataset.kind === 'error')));
      await suite.session.step('Hang up in the popup', () => popup.click('#btn-hangup'));
      await suite.session.step('popup shows ended', () => waitForPopup(popup, '#call-state', 'data-state', 'ended'));
      // The user now dials the same number in MicroSIP itself (its command line, as a user would).
      await new Promise((resolve, reject) => execFile(suite.emulator.exe, ['+15550104477'], { timeout: 20000 }, (e) => (e ? reject(e) : resolve())));
      await suite.session.step('MicroSIP makes that call', () => waitFor('journal: a call to +15550104477', () =>
        newJournal().some((e) => e.kind === 'call' && e.number === '+15550104477')));
      await suite.session.step('popup shows it dialing', () => waitForPopup(popup, '#call-state', 'data-state', 'dialing'));
      await settle();
      assert.deepEqual(await pageEvents(tab), [], 'the page whose dial failed is not bound to the user\'s own call');
    });
  });
}
