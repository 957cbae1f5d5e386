// Helpers for the first-run tests: the setup tab the extension opens by itself, and the page's toast.
import { waitFor } from './wait.mjs';

export const SETUP_PAGE = 'setup/setup.html';

/** The toast's text, kind and action as the content script mirrors them, or null. */
export const toastOf = (page) => page.evaluate(() => {
  const el = document.querySelector('click2call-toast');
  return el ? { text: el.dataset.text ?? '', kind: el.dataset.kind, action: el.dataset.action ?? '' } : null;
});

/** The setup tab the extension opened by itself after its install. */
export async function setupTab(session) {
  await session.step('the setup page opens by itself', () => waitFor('a tab with setup/setup.html', () => session.browser.findPage(SETUP_PAGE), { timeout: 20000 }));
  return session.browser.findPage(SETUP_PAGE);
}
