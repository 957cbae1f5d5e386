// Scenarios 2 and 3: numbers in page text become call links (also added later and inside a
// shadow root) while a date and an order number do not; a page's own script cannot dial —
// neither link.click(), nor a dispatched click, nor an unapproved click2call:dial request.
// The host runs a real baresip; a UDP socket on the far-end address records any INVITE.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browsers, openSharedSession } from '../lib/session.mjs';
import { startServer } from '../lib/server.mjs';
import { baresipRig } from '../lib/baresip.mjs';
import { startUdpFarEnd } from '../lib/udp-far-end.mjs';
import { waitFor } from '../lib/wait.mjs';
import {
  hangUpLeftover, pageEvents, realClick, waitForContentScript, waitForReadyPopup,
} from '../lib/page.mjs';

const linkHref = (page, selector) => page.evaluate((sel) => {
  const [outer, inner] = sel.split(' >>> ');
  const scope = inner ? document.querySelector(outer).shadowRoot : document;
  const link = scope.querySelector(`${inner ?? outer} a.c2c-num[data-c2c="number"]`);
  return link ? link.getAttribute('href') : null;
}, selector);

for (const driver of browsers) {
  describe(`${driver.name}: numbers in pages and page scripts`, () => {
    let server;
    let rig;
    let session;
    let farEnd;
    let popup;

    before(async () => {
      server = await startServer();
      rig = await baresipRig();
      farEnd = await startUdpFarEnd(rig.sippPort);
      session = await openSharedSession(`${driver.name}-page-content`, driver, {
        settings: rig.settings, hostEnv: rig.hostEnv,
      });
    });
    after(async () => {
      await session?.close();
      await farEnd?.close();
      await server?.close();
    });

    async function start(t) {
      session.begin(t.name);
      popup = await session.openPopup();
      t.after(async () => {
        await hangUpLeftover(popup);
        await session.closePages();
        session.saveLogs();
      });
      await session.step('host and baresip ready in the popup', () => waitForReadyPopup(popup));
      farEnd.packets.length = 0;
    }

    test(`${driver.name}: plain-text numbers become links, a date and an order number do not; later and shadow-root numbers too`, async (t) => {
      await start(t);
      const page = await session.newPage(server.url('detect.html'));
      await session.step('content script ready', () => waitForContentScript(page));
      await session.step('the number in the text becomes a link', () => waitFor('a.c2c-num in #text-number', async () =>
        (await linkHref(page, '#text-number')) === 'tel:+4930901820'));
      await session.step('the number in the shadow root becomes a link', () => waitFor('a.c2c-num in the shadow root', async () =>
        (await linkHref(page, '#shadow-host >>> #shadow-text')) === 'tel:+442079460958'));
      await page.evaluate(() => window.addNumberLater());
      await session.step('a number added later by script becomes a link', () => waitFor('a.c2c-num in #later', async () =>
        (await linkHref(page, '#later')) === 'tel:+33142685300'));
      assert.equal(await linkHref(page, '#text-date'), null, 'a date is not a number');
      assert.equal(await linkHref(page, '#text-order'), null, 'an order number is not a number');
      assert.equal(await page.$eval('#text-number', (el) => el.textContent), 'Call our office on +49 30 901820 during business hours.',
        'the page text is unchanged');
      await session.screenshot(page, 'page-detected-numbers');

      // A real click on the number inside the shadow root dials it.
      await session.step('click the number in the shadow root', async () => {
        await page.bringToFront();
        const link = await page.evaluateHandle(() =>
          document.querySelector('#shadow-host').shadowRoot.querySelector('a.c2c-num'));
        await link.click();
      });
      await session.step('the INVITE for the shadow-root number reaches the far end', () => waitFor('INVITE sip:+442079460958@…', () =>
        farEnd.invites().some((p) => p.text.startsWith(`INVITE ${rig.uriFor('+442079460958')} `))));
    });

    test(`${driver.name}: a page script calling link.click() or dispatching events causes no dial`, async (t) => {
      await start(t);
      const page = await session.newPage(server.url('call.html'));
      await session.step('content script ready', () => waitForContentScript(page));
      const callStateBefore = await popup.$eval('#call-state', (el) => el.dataset.state);
      assert.ok(['idle', 'ended'].includes(callStateBefore), `no call up before: ${callStateBefore}`);
      await page.evaluate(() => {
        const link = document.getElementById('call-link');
        // The page's own handler keeps the browser from opening its tel: handler for these.
        link.addEventListener('click', (event) => { if (!event.isTrusted) event.preventDefault(); });
        link.click();
        link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, view: window }));
        link.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
        document.dispatchEvent(new CustomEvent('click2call:dial', { detail: JSON.stringify({ target: '+15550104477' }) }));
        document.dispatchEvent(new CustomEvent('click2call:dial', { detail: '+15550104477' }));
      });
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const invitesFor = (number) => farEnd.invites().filter((p) => p.text.startsWith(`INVITE ${rig.uriFor(number)} `));
      assert.deepEqual(invitesFor('+15550104477'), [], 'no INVITE left baresip');
      assert.deepEqual(await pageEvents(page), [], 'no call events');
      assert.equal(await page.evaluate(() => document.querySelector('click2call-toast')?.dataset.text ?? null), null, 'no toast');
      assert.equal(await popup.$eval('#call-state', (el) => el.dataset.state), callStateBefore, 'the popup shows no new call');

      // The same link with a real click does dial: the check above could have seen one.
      await session.step('a real click on the same link', () => realClick(page, '#call-link'));
      await session.step('the INVITE reaches the far end', () => waitFor('INVITE sip:+15550104477@…', () =>
        invitesFor('+15550104477').length > 0));
    });
  });
}
