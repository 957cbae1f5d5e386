// Issue 17, findings 9 and 10: sandboxed frames are never allowed; the confirmation has safe defaults. Performed in real browsers against the packaged host and the MicroSIP
// emulator; each test does what the attacker did, with a positive control where a page that may
// have the event gets it. Each fails on the code before the fix.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browsers } from '../lib/session.mjs';
import { waitFor } from '../lib/wait.mjs';
import { CONFIRM, dialsOf, microsipSuite, selected, settle } from '../lib/microsip-suite.mjs';
import { realClick, waitForPageState } from '../lib/page.mjs';

for (const driver of selected(browsers)) {
  describe(`${driver.name}: sandboxed frames are never allowed; the confirmation has safe defaults`, () => {
    const suite = microsipSuite(driver, 'frames-and-confirm');

    test(`${driver.name}: 9 — a sandboxed frame (opaque origin) on an allow-listed page gets no events and cannot dial`, async (t) => {
      const { popup, newJournal } = await suite.start(t, suite.allowed());
      const page = await suite.openPage(suite.server.url('sandbox.html'));
      const frame = await suite.session.step('the sandboxed frame has the content script', () => waitFor('frame ready', async () => {
        for (const f of page.frames()) {
          if (f === page.mainFrame()) continue;
          const ready = await f.evaluate(() => self.origin === 'null' && document.documentElement.dataset.click2call === 'ready').catch(() => false);
          if (ready) return f;
        }
        return null;
      }, { timeout: 15000 }));
      await frame.evaluate(() => {
        window.__results = [];
        document.addEventListener('click2call:dial-result', (e) => window.__results.push(JSON.parse(e.detail)));
        document.dispatchEvent(new CustomEvent('click2call:dial', { detail: JSON.stringify({ target: '+15550104477' }) }));
      });
      assert.equal(await suite.emulator.control('incoming', '+4930901820'), 'ok');
      await suite.session.step('the page itself (allow-listed) gets the caller', () => waitForPageState(page, 'incoming'));
      await popup.bringToFront();
      await settle();
      assert.deepEqual(await frame.evaluate(() => window.__c2cEvents), [], 'the sandboxed frame hears nothing');
      assert.deepEqual(await frame.evaluate(() => window.__results), [], 'its dial request is ignored');
      assert.deepEqual(await suite.session.pagesMatching(CONFIRM), [], 'no confirmation window');
      assert.deepEqual(dialsOf(newJournal()).filter((c) => c.includes('5550104477')), [], 'nothing dialed');
    });

    test(`${driver.name}: 10 — sip:+1900… asks first; Cancel is focused, Call starts disabled, Enter cancels`, async (t) => {
      const { popup, newJournal } = await suite.start(t, []);
      const tab = await suite.openPage(suite.server.url('call.html'));
      await tab.evaluate(() => {
        const link = document.getElementById('call-link');
        link.href = 'sip:+19005550100@127.0.0.1';
        link.textContent = 'Hotline';
      });
      await suite.session.step('click the sip: link', () => realClick(tab, '#call-link'));
      const [confirm] = await suite.session.step('the confirmation window opens', () => waitFor('confirm window', async () => {
        const found = await suite.session.pagesMatching(CONFIRM);
        if (found.length) return found;
        throw new Error(`open pages: ${(await suite.session.browser.pages()).map((p) => p.url()).join(' ')}`);
      }));
      await suite.session.step('the window shows the number', () => waitFor('confirm ready', () => confirm.evaluate(() => document.documentElement.dataset.ready === 'true')));
      const first = await confirm.evaluate(() => ({
        focused: document.activeElement?.id,
        callDisabled: document.getElementById('btn-confirm').disabled,
        premium: !document.getElementById('confirm-premium').hidden,
      }));
      assert.deepEqual(first, { focused: 'btn-cancel', callDisabled: true, premium: true });
      await suite.session.screenshot(confirm, 'confirm-premium');
      assert.deepEqual(dialsOf(newJournal()), [], 'nothing dialed while asking');
      await suite.session.step('Call is enabled after the delay', () => waitFor('btn-confirm enabled', () => confirm.evaluate(() => !document.getElementById('btn-confirm').disabled), { timeout: 5000 }));
      assert.equal(await confirm.evaluate(() => document.activeElement?.id), 'btn-cancel', 'still on Cancel');
      await confirm.keyboard.press('Enter').catch(() => {}); // the window closes itself
      await suite.session.step('the page is told the call was cancelled', () => waitFor('toast "Call cancelled."', () =>
        tab.evaluate(() => document.querySelector('click2call-toast')?.dataset.text === 'Call cancelled.')));
      await popup.bringToFront();
      await settle(500);
      assert.deepEqual(dialsOf(newJournal()), [], 'a stray Enter dialed nothing');
    });

    test(`${driver.name}: 10 — a page without a user gesture gets one confirmation window, not one per request`, async (t) => {
      await suite.start(t, suite.allowed());
      const page = await suite.openPage(suite.server.url('call.html'));
      // The page asks three times, 1.7 s apart (past the per-tab rate limit), starting once any
      // user activation has expired (5 s in both browsers; the test driver's own evaluate calls
      // count as one in Chromium). The test then waits without touching the page.
      await page.evaluate(() => {
        window.__results = [];
        document.addEventListener('click2call:dial-result', (e) => window.__results.push(JSON.parse(e.detail)));
        window.__asked = [];
        const ask = () => {
          window.__asked.push(Date.now());
          document.dispatchEvent(new CustomEvent('click2call:dial', { detail: JSON.stringify({ target: '+15550104477' }) }));
        };
        setTimeout(() => { ask(); setTimeout(ask, 1700); setTimeout(ask, 3400); }, 6000);
      });
      await settle(6000 + 3400 + 500); // the last request was made: reading the page is harmless now
      const results = await waitFor('three answers', () => page.evaluate(() => (window.__results.length >= 3 ? window.__results : null)), { timeout: 10000 })
        .catch(() => page.evaluate(() => window.__results));
      const asked = await page.evaluate(() => window.__asked.map((at, i, all) => at - all[0]));
      assert.deepEqual(asked.length, 3, 'the page asked three times');
      assert.equal(results[0]?.pending, true, 'the first request waits for the user');
      // Later requests are refused (rate_limited). Firefox at times never answers the later
      // ones (seen in this test only; the page gets no result event): refused either way.
      assert.deepEqual(results.slice(1).filter((r) => r.error !== 'rate_limited'), [], `${JSON.stringify(results)} asked at ${asked}`);
      if (driver.name === 'chromium') assert.equal(results.length, 3, JSON.stringify(results));
      assert.equal((await suite.session.pagesMatching(CONFIRM)).length, 1, 'one confirmation window');
    });
  });
}
