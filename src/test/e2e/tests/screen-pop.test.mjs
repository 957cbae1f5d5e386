// Issue 18: screen-pop in real browsers. An incoming call injected through MicroSIP's hook path
// (the emulator runs the hooks the packaged host installed) opens the caller's record: the CRM
// tab that is already open is navigated to it, or exactly one new tab opens; the popup shows the
// caller as the CRM finds them with an "Open record" button; the options page names what is
// wrong with a template.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browsers } from '../lib/session.mjs';
import { microsipRig } from '../lib/microsip-suite.mjs';
import { waitFor } from '../lib/wait.mjs';
import { hangUpLeftover, setSetting, waitForContentScript, waitForReadyPopup } from '../lib/page.mjs';

const settle = (ms = 1500) => new Promise((resolve) => setTimeout(resolve, ms));
const only = process.env.C2C_BROWSER; // e.g. C2C_BROWSER=firefox runs one browser

for (const driver of browsers.filter((d) => !only || d.name === only)) {
  describe(`${driver.name}: screen-pop through MicroSIP (emulator)`, () => {
    const rig = microsipRig(driver, 'screen-pop');

    const template = () => `${rig.server.url('call.html')}?phone={e164}&digits={digits}`;
    const recordUrl = (e164) => `${rig.server.url('call.html')}?phone=${encodeURIComponent(e164)}&digits=${e164.slice(1)}`;

    async function start(t, settings) {
      rig.session.begin(t.name);
      const popup = await rig.session.openPopup();
      t.after(async () => {
        await hangUpLeftover(popup);
        rig.emulator.saveJournal(rig.session.artifacts);
        await rig.session.closePages();
        for (const page of await rig.session.pagesMatching(/^http:\/\/(127\.0\.0\.1|localhost):/)) await page.close().catch(() => {});
        rig.session.saveLogs();
      });
      await rig.session.step('host and MicroSIP ready in the popup', () => waitForReadyPopup(popup));
      await rig.session.step('no call left from the previous test', () => rig.emulator.endAllCalls());
      for (const [key, value] of Object.entries({ defaultCountry: 'DE', screenPopUrl: template(), ...settings })) await setSetting(popup, key, value);
      return popup;
    }

    async function ringIn(popup, caller) {
      assert.equal(await rig.emulator.control('incoming', caller), 'ok');
      await popup.bringToFront();
      await rig.session.step('popup offers Answer', () => waitFor('#btn-answer visible', () => popup.$eval('#btn-answer', (el) => !el.hidden)));
    }

    test(`${driver.name}: ringing, focus mode — the CRM tab already open is navigated to the caller's record; no new tab`, async (t) => {
      const popup = await start(t, { screenPopWhen: 'ringing', screenPopTab: 'focus' });
      const crm = await rig.session.newPage(rig.server.url('call.html'));
      await rig.session.step('content script ready in the CRM tab', () => waitForContentScript(crm));
      const other = await rig.session.newPage(rig.server.otherOriginUrl('call.html')); // another site, opened later
      await rig.session.step('content script ready in the other tab', () => waitForContentScript(other));
      const before = (await rig.session.browser.pages()).length;
      await ringIn(popup, '+4930901820');
      const expected = recordUrl('+4930901820');
      await rig.session.step('the CRM tab shows the record', () => waitFor(`CRM tab at ${expected}`, () => crm.url() === expected));
      await rig.session.step('Answer in the popup', () => popup.click('#btn-answer'));
      await settle();
      const pages = await rig.session.browser.pages();
      assert.equal(pages.length, before, 'no tab was opened');
      assert.equal(pages.filter((p) => p.url() === expected).length, 1, 'exactly one tab shows the record');
      assert.equal(other.url(), rig.server.otherOriginUrl('call.html'), 'the other site is untouched');
      await rig.session.step('the popup shows the caller as the CRM finds them', async () => {
        await popup.bringToFront();
        await waitFor('#caller visible', () => popup.$eval('#caller', (el) => !el.hidden));
      });
      assert.equal(await popup.$eval('#caller-display', (el) => el.textContent), '+49 30 901820');
      assert.match(await popup.$eval('#caller-lookup', (el) => el.textContent), /\+4930901820 · 4930901820/);
      assert.equal(await popup.$eval('#btn-open-record', (el) => !el.hidden && !el.disabled), true);
      await rig.session.screenshot(popup, 'popup-caller-open-record');
    });

    test(`${driver.name}: new-tab mode — exactly one new tab per call, none for a hostile caller id`, async (t) => {
      const popup = await start(t, { screenPopWhen: 'ringing', screenPopTab: 'new' });
      const crm = await rig.session.newPage(rig.server.url('call.html'));
      await rig.session.step('content script ready in the CRM tab', () => waitForContentScript(crm));
      const before = (await rig.session.browser.pages()).length;
      await ringIn(popup, '+15550104477');
      const expected = recordUrl('+15550104477');
      const [record] = await rig.session.step('one new tab shows the record', () => waitFor(`a tab at ${expected}`, () =>
        rig.session.pagesMatching(new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)).then((p) => (p.length ? p : null))));
      await rig.session.step('Answer in the popup', () => popup.click('#btn-answer'));
      await settle();
      assert.equal((await rig.session.browser.pages()).length, before + 1, 'one tab for one call, not one per event');
      assert.equal(crm.url(), rig.server.url('call.html'), 'new-tab mode leaves the CRM tab alone');
      await rig.session.screenshot(record, 'screen-pop-record-tab');
      // A caller id built to escape the placeholder: no usable number, so nothing opens.
      await rig.session.step('the call ended', () => rig.emulator.endAllCalls());
      const count = (await rig.session.browser.pages()).length;
      await ringIn(popup, '../../admin%2F?x=1#"\u202e');
      await settle(2500);
      const urls = (await rig.session.browser.pages()).map((p) => p.url());
      assert.equal(urls.length, count, 'no tab for a caller id without a number');
      assert.equal(urls.filter((u) => /admin/.test(u)).length, 0);
    });

    test(`${driver.name}: screen-pop off — the popup's Open record button opens the record on demand`, async (t) => {
      const popup = await start(t, { screenPopWhen: 'off', screenPopTab: 'new' });
      const before = (await rig.session.browser.pages()).length;
      await ringIn(popup, '+4930901820');
      await settle();
      assert.equal((await rig.session.browser.pages()).length, before, 'nothing opens by itself');
      await rig.session.step('Open record in the popup', () => popup.click('#btn-open-record'));
      const expected = recordUrl('+4930901820');
      await rig.session.step('the record opens', () => waitFor(`a tab at ${expected}`, async () =>
        (await rig.session.browser.pages()).some((p) => p.url() === expected)));
    });

    test(`${driver.name}: the options page refuses an http:// CRM URL and says why`, async (t) => {
      rig.session.begin(t.name);
      const options = await rig.session.openExtensionPage('options/options.html', { width: 900, height: 1100 });
      t.after(() => rig.session.closePages());
      await rig.session.step('options page ready', () => waitFor('#opt-screenPopUrl', () => options.$('#opt-screenPopUrl')));
      await options.$eval('#opt-screenPopUrl', (input) => {
        input.value = 'http://crm.example.com/search?phone={e164}';
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await rig.session.step('the status names the problem', () => waitFor('#options-status mentions https://', () =>
        options.$eval('#options-status', (el) => el.dataset.kind === 'error' && /https:\/\/.*not http:/.test(el.textContent))));
      await options.$eval('#opt-screenPopUrl', (input) => {
        input.value = 'https://crm.example.com/search?phone={e164}';
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await rig.session.step('a good template is saved', () => waitFor('#options-status saved', () =>
        options.$eval('#options-status', (el) => el.dataset.kind === 'info')));
      await options.$eval('#opt-screenPopUrl', (input) => input.scrollIntoView());
      await rig.session.screenshot(options, 'options-screen-pop');
    });
  });
}
