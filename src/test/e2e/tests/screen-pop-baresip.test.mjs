// Issue 18 with baresip: SIPp calls the host's real baresip; the caller id arrives as a SIP URI
// (sip:sipp@127.0.0.1:<port>) and a {sip} template opens exactly one tab at the caller's record.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browsers } from '../lib/session.mjs';
import { baresipSuite } from '../lib/baresip-suite.mjs';
import { waitFor } from '../lib/wait.mjs';
import { setSetting, waitForPopup } from '../lib/page.mjs';

const only = process.env.C2C_BROWSER; // e.g. C2C_BROWSER=firefox runs one browser

for (const driver of browsers.filter((d) => !only || d.name === only)) {
  describe(`${driver.name}: screen-pop through baresip`, () => {
    const suite = baresipSuite(driver, 'screen-pop-baresip');

    test(`${driver.name}: a SIPp call into baresip opens exactly one tab at the caller's record ({sip})`, async (t) => {
      const { server, rig, session } = suite;
      const { popup, startSipp } = await suite.readyPopup(t);
      t.after(async () => {
        for (const page of await session.pagesMatching(/^http:\/\/127\.0\.0\.1:/)) await page.close().catch(() => {});
      });
      await setSetting(popup, 'screenPopUrl', `${server.url('call.html')}?caller={sip}`);
      await setSetting(popup, 'screenPopWhen', 'ringing');
      await setSetting(popup, 'screenPopTab', 'new');
      const before = (await session.browser.pages()).length;
      startSipp('uac_wait_bye.xml', rig.callBaresip);
      await popup.bringToFront();
      await session.step('popup shows the incoming call', () => waitForPopup(popup, '#call-state', 'data-state', 'incoming'));
      const expected = `${server.url('call.html')}?caller=${encodeURIComponent('sip:sipp@127.0.0.1')}`;
      await session.step('the record opens', () => waitFor(`a tab at ${expected}`, async () =>
        (await session.browser.pages()).some((p) => p.url() === expected)));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const pages = await session.browser.pages();
      assert.equal(pages.length, before + 1, 'one tab for the call');
      assert.equal(pages.filter((p) => p.url() === expected).length, 1);
      assert.equal(await popup.$eval('#caller-display', (el) => el.textContent), 'sip:sipp@127.0.0.1');
    });
  });
}
