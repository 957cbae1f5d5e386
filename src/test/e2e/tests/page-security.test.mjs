// Issue 17, findings 7–10, performed in real browsers against the packaged host and the
// MicroSIP emulator (its hooks report call state; its control channel plays the far end and
// injects incoming calls). Each test does what the attacker did and checks that it no longer
// works, with a positive control showing the same event did reach the page that may have it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { browsers, openSharedSession } from '../lib/session.mjs';
import { startServer } from '../lib/server.mjs';
import { createEmulator } from '../lib/emulator.mjs';
import { waitFor } from '../lib/wait.mjs';
import {
  hangUpLeftover, pageEvents, realClick, setSetting, waitForContentScript, waitForPageState, waitForPopup,
  waitForReadyPopup,
} from '../lib/page.mjs';

// What MicroSIP was asked to dial (its own /commands such as /hangupall left out).
const dialsOf = (journal) => journal.filter((e) => e.kind === 'command' && !e.text.startsWith('/')).map((e) => e.text);
const settle = (ms = 1500) => new Promise((resolve) => setTimeout(resolve, ms));
const CONFIRM = /\/confirm\/confirm\.html\?id=/;

const only = process.env.C2C_BROWSER; // e.g. C2C_BROWSER=chromium runs one browser
for (const driver of browsers.filter((d) => !only || d.name === only)) {
  describe(`${driver.name}: web pages cannot see or start calls they have no right to`, () => {
    let server;
    let emulator;
    let session;

    before(async () => {
      server = await startServer();
      emulator = createEmulator();
      session = await openSharedSession(`${driver.name}-page-security`, driver, {
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

    /** Popup ready, the allow list set, every call ended; returns the popup and a journal view. */
    async function start(t, allowList) {
      session.begin(t.name);
      const popup = await session.openPopup();
      t.after(async () => {
        await hangUpLeftover(popup);
        for (const page of await session.pagesMatching(CONFIRM)) await page.close().catch(() => {});
        emulator.saveJournal(session.artifacts);
        await session.closePages();
        session.saveLogs();
        await settle(500); // the hang-up's hooks arrive before the next test starts
      });
      await session.step('host and MicroSIP ready in the popup', () => waitForReadyPopup(popup));
      await setSetting(popup, 'pageEventOrigins', allowList);
      await session.step('no call left from the previous test', () => emulator.endAllCalls());
      const journalFrom = emulator.journal().length;
      return { popup, newJournal: () => emulator.journal().slice(journalFrom) };
    }

    async function openPage(url) {
      const page = await session.newPage(url);
      await session.step(`content script ready in ${url}`, () => waitForContentScript(page));
      return page;
    }

    const allowed = () => [new URL(server.url('x')).origin];

    test(`${driver.name}: 7 — an allow-listed CRM tab that navigated to another site does not receive the next caller`, async (t) => {
      const { popup } = await start(t, allowed());
      const tab = await openPage(server.url('call.html'));
      const control = await openPage(server.url('call.html')); // stays on the CRM: must get the call
      await session.step('the CRM tab navigates to another site', async () => {
        await tab.goto(server.otherOriginUrl('call.html'));
        await waitForContentScript(tab);
      });
      assert.equal(await emulator.control('incoming', '+4930901820'), 'ok');
      await popup.bringToFront();
      await session.step('popup offers Answer', () => waitFor('#btn-answer visible', () => popup.$eval('#btn-answer', (el) => !el.hidden)));
      await session.step('the CRM tab that stayed gets the caller', () => waitForPageState(control, 'incoming'));
      await settle();
      assert.deepEqual(await pageEvents(tab), [], 'the other site learns nothing about the caller');
    });

    test(`${driver.name}: 7 — a tab that dialed and navigated away gets none of that call's later events`, async (t) => {
      const { popup } = await start(t, []);
      const tab = await openPage(server.url('call.html'));
      await session.step('click the tel: link', () => realClick(tab, '#call-link'));
      await session.step('the dialing page hears of its call', () => waitForPageState(tab, 'dialing'));
      await session.step('the tab navigates to another site', async () => {
        await tab.goto(server.otherOriginUrl('call.html'));
        await waitForContentScript(tab);
      });
      assert.equal(await emulator.control('answer-remote'), 'ok');
      await popup.bringToFront();
      await session.step('popup shows connected', () => waitForPopup(popup, '#call-state', 'data-state', 'connected'));
      await settle();
      assert.deepEqual(await pageEvents(tab), [], 'the next site gets nothing of the call');
    });

    test(`${driver.name}: 8 — a second incoming call during a call never reaches the (not allow-listed) page that dialed`, async (t) => {
      const { popup } = await start(t, []);
      const tab = await openPage(server.url('call.html'));
      await session.step('click the tel: link', () => realClick(tab, '#call-link'));
      await session.step('page gets dialing', () => waitForPageState(tab, 'dialing'));
      assert.equal(await emulator.control('answer-remote'), 'ok');
      await session.step('page gets connected', () => waitForPageState(tab, 'connected'));
      assert.equal(await emulator.control('incoming', '+4930111111'), 'ok');
      await popup.bringToFront();
      await session.step('popup shows the second (incoming) call', () => waitFor('#btn-answer visible', () => popup.$eval('#btn-answer', (el) => !el.hidden)));
      await settle();
      const leaked = (await pageEvents(tab)).filter((e) => e.direction === 'in' || e.remote === '+4930111111');
      assert.deepEqual(leaked, [], 'the incoming caller is not sent to the dialing page');
    });

    test(`${driver.name}: 8 — a dial refused as busy binds no call the user makes later in the softphone`, async (t) => {
      const { popup, newJournal } = await start(t, []);
      assert.equal(await emulator.control('incoming', '+4930901820'), 'ok');
      await popup.bringToFront();
      await session.step('popup offers Answer', () => waitFor('#btn-answer visible', () => popup.$eval('#btn-answer', (el) => !el.hidden)));
      await session.step('Answer in the popup', () => popup.click('#btn-answer'));
      await session.step('popup shows connected', () => waitForPopup(popup, '#call-state', 'data-state', 'connected'));
      const tab = await openPage(server.url('call.html'));
      await session.step('click the tel: link during the call', () => realClick(tab, '#call-link'));
      await session.step('the host refuses: busy (toast)', () => waitFor('error toast', () =>
        tab.evaluate(() => document.querySelector('click2call-toast')?.dataset.kind === 'error')));
      await session.step('Hang up in the popup', () => popup.click('#btn-hangup'));
      await session.step('popup shows ended', () => waitForPopup(popup, '#call-state', 'data-state', 'ended'));
      // The user now dials the same number in MicroSIP itself (its command line, as a user would).
      await new Promise((resolve, reject) => execFile(emulator.exe, ['+15550104477'], { timeout: 20000 }, (e) => (e ? reject(e) : resolve())));
      await session.step('MicroSIP makes that call', () => waitFor('journal: a call to +15550104477', () =>
        newJournal().some((e) => e.kind === 'call' && e.number === '+15550104477')));
      await session.step('popup shows it dialing', () => waitForPopup(popup, '#call-state', 'data-state', 'dialing'));
      await settle();
      assert.deepEqual(await pageEvents(tab), [], 'the page whose dial failed is not bound to the user\'s own call');
    });

    test(`${driver.name}: 9 — a sandboxed frame (opaque origin) on an allow-listed page gets no events and cannot dial`, async (t) => {
      const { popup, newJournal } = await start(t, allowed());
      const page = await openPage(server.url('sandbox.html'));
      const frame = await session.step('the sandboxed frame has the content script', () => waitFor('frame ready', async () => {
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
      assert.equal(await emulator.control('incoming', '+4930901820'), 'ok');
      await session.step('the page itself (allow-listed) gets the caller', () => waitForPageState(page, 'incoming'));
      await popup.bringToFront();
      await settle();
      assert.deepEqual(await frame.evaluate(() => window.__c2cEvents), [], 'the sandboxed frame hears nothing');
      assert.deepEqual(await frame.evaluate(() => window.__results), [], 'its dial request is ignored');
      assert.deepEqual(await session.pagesMatching(CONFIRM), [], 'no confirmation window');
      assert.deepEqual(dialsOf(newJournal()).filter((c) => c.includes('5550104477')), [], 'nothing dialed');
    });

    test(`${driver.name}: 10 — sip:+1900… asks first; Cancel is focused, Call starts disabled, Enter cancels`, async (t) => {
      const { popup, newJournal } = await start(t, []);
      const tab = await openPage(server.url('call.html'));
      await tab.evaluate(() => {
        const link = document.getElementById('call-link');
        link.href = 'sip:+19005550100@127.0.0.1';
        link.textContent = 'Hotline';
      });
      await session.step('click the sip: link', () => realClick(tab, '#call-link'));
      const [confirm] = await session.step('the confirmation window opens', () => waitFor('confirm window', async () => {
        const found = await session.pagesMatching(CONFIRM);
        if (found.length) return found;
        throw new Error(`open pages: ${(await session.browser.pages()).map((p) => p.url()).join(' ')}`);
      }));
      await session.step('the window shows the number', () => waitFor('confirm ready', () => confirm.evaluate(() => document.documentElement.dataset.ready === 'true')));
      const first = await confirm.evaluate(() => ({
        focused: document.activeElement?.id,
        callDisabled: document.getElementById('btn-confirm').disabled,
        premium: !document.getElementById('confirm-premium').hidden,
      }));
      assert.deepEqual(first, { focused: 'btn-cancel', callDisabled: true, premium: true });
      await session.screenshot(confirm, 'confirm-premium');
      assert.deepEqual(dialsOf(newJournal()), [], 'nothing dialed while asking');
      await session.step('Call is enabled after the delay', () => waitFor('btn-confirm enabled', () => confirm.evaluate(() => !document.getElementById('btn-confirm').disabled), { timeout: 5000 }));
      assert.equal(await confirm.evaluate(() => document.activeElement?.id), 'btn-cancel', 'still on Cancel');
      await confirm.keyboard.press('Enter').catch(() => {}); // the window closes itself
      await session.step('the page is told the call was cancelled', () => waitFor('toast "Call cancelled."', () =>
        tab.evaluate(() => document.querySelector('click2call-toast')?.dataset.text === 'Call cancelled.')));
      await popup.bringToFront();
      await settle(500);
      assert.deepEqual(dialsOf(newJournal()), [], 'a stray Enter dialed nothing');
    });

    test(`${driver.name}: 10 — a page without a user gesture gets one confirmation window, not one per request`, async (t) => {
      await start(t, allowed());
      const page = await openPage(server.url('call.html'));
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
      assert.equal((await session.pagesMatching(CONFIRM)).length, 1, 'one confirmation window');
    });
  });
}
