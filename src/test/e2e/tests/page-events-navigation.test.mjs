// Issue 17, finding 7: page events follow the document, not the tab. Performed in real browsers against the packaged host and the MicroSIP
// emulator; each test does what the attacker did, with a positive control where a page that may
// have the event gets it. Each fails on the code before the fix.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browsers } from '../lib/session.mjs';
import { waitFor } from '../lib/wait.mjs';
import { microsipSuite, selected, settle } from '../lib/microsip-suite.mjs';
import { pageEvents, realClick, waitForContentScript, waitForPageState, waitForPopup } from '../lib/page.mjs';

for (const driver of selected(browsers)) {
  describe(`${driver.name}: page events follow the document, not the tab`, () => {
    const suite = microsipSuite(driver, 'page-events-navigation');

    test(`${driver.name}: 7 — an allow-listed CRM tab that navigated to another site does not receive the next caller`, async (t) => {
      const { popup } = await suite.start(t, suite.allowed());
      const tab = await suite.openPage(suite.server.url('call.html'));
      const control = await suite.openPage(suite.server.url('call.html')); // stays on the CRM: must get the call
      await suite.session.step('the CRM tab navigates to another site', async () => {
        await tab.goto(suite.server.otherOriginUrl('call.html'));
        await waitForContentScript(tab);
      });
      assert.equal(await suite.emulator.control('incoming', '+4930901820'), 'ok');
      await popup.bringToFront();
      await suite.session.step('popup offers Answer', () => waitFor('#btn-answer visible', () => popup.$eval('#btn-answer', (el) => !el.hidden)));
      await suite.session.step('the CRM tab that stayed gets the caller', () => waitForPageState(control, 'incoming'));
      await settle();
      assert.deepEqual(await pageEvents(tab), [], 'the other site learns nothing about the caller');
    });

    test(`${driver.name}: 7 — a tab that dialed and navigated away gets none of that call's later events`, async (t) => {
      const { popup } = await suite.start(t, []);
      const tab = await suite.openPage(suite.server.url('call.html'));
      await suite.session.step('click the tel: link', () => realClick(tab, '#call-link'));
      await suite.session.step('the dialing page hears of its call', () => waitForPageState(tab, 'dialing'));
      await suite.session.step('the tab navigates to another site', async () => {
        await tab.goto(suite.server.otherOriginUrl('call.html'));
        await waitForContentScript(tab);
      });
      assert.equal(await suite.emulator.control('answer-remote'), 'ok');
      await popup.bringToFront();
      await suite.session.step('popup shows connected', () => waitForPopup(popup, '#call-state', 'data-state', 'connected'));
      await settle();
      assert.deepEqual(await pageEvents(tab), [], 'the next site gets nothing of the call');
    });
  });
}
