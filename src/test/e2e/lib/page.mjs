// Helpers for a fixture page, the same for a Playwright (Chromium) and a Puppeteer (Firefox) page.
import { waitFor } from './wait.mjs';

/** Waits until the content script of the top frame has its settings. */
export function waitForContentScript(page) {
  return waitFor('content script ready (html[data-click2call=ready])', () =>
    page.evaluate(() => document.documentElement.dataset.click2call === 'ready'), { timeout: 15000 });
}

/** The click2call:call events the page received so far (recorded by fixtures/events.js). */
export function pageEvents(page) {
  return page.evaluate(() => window.__c2cEvents);
}

export async function waitForPageState(page, state, timeout = 15000) {
  return waitFor(`page receives click2call:call "${state}"`, async () =>
    (await pageEvents(page)).find((e) => e.state === state), { timeout });
}

/** A real (trusted) mouse click, with the tab brought to the front first. */
export async function realClick(page, selector) {
  await page.bringToFront();
  await page.click(selector);
}

/** The popup's state attribute of an element. */
export function popupAttr(popup, selector, attribute) {
  return popup.$eval(selector, (el, name) => el.getAttribute(name), attribute);
}

export function waitForPopup(popup, selector, attribute, value, timeout = 15000) {
  return waitFor(`popup ${selector}[${attribute}=${value}]`, async () =>
    (await popupAttr(popup, selector, attribute)) === value, { timeout });
}

/** Host connected and the softphone available, as the popup shows them. */
export async function waitForReadyPopup(popup, timeout = 20000) {
  await waitForPopup(popup, '#host-status', 'data-state', 'connected', timeout);
  await waitForPopup(popup, '#softphone-status', 'data-available', 'true', timeout);
}

/** The ordered list of states, without repeats of the same state in a row. */
export function stateSequence(events) {
  return events.map((e) => e.state).filter((s, i, all) => i === 0 || all[i - 1] !== s);
}

/** Changes an option the way the options page does (a message from an extension page). */
export async function setSetting(extensionPage, key, value) {
  const reply = await extensionPage.evaluate((message) =>
    (globalThis.browser ?? globalThis.chrome).runtime.sendMessage(message), { type: 'set-setting', key, value });
  if (!reply?.ok) throw new Error(`set-setting ${key} refused: ${JSON.stringify(reply)}`);
  return reply;
}

/** The ids of the extension's notifications that are showing. */
export function notificationIds(extensionPage) {
  return extensionPage.evaluate(async () =>
    Object.keys(await (globalThis.browser ?? globalThis.chrome).notifications.getAll()));
}

/**
 * Ends whatever call is still up (after a failed step), so the next test of a shared session
 * starts idle. Errors are ignored: usually there is no call.
 */
export async function hangUpLeftover(extensionPage) {
  await extensionPage.evaluate(() =>
    (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'hangup' })).catch(() => {});
}
