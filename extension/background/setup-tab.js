// The first-run setup page: opened on install and from the popup or a toast's "Set up" button.
// One tab at most: a second request focuses the open one (a page cannot open tabs in a loop
// through a content script; it can only bring this one page forward).
import { ext } from '../shared/browser.js';
import { okReply } from '../shared/messages.js';

export const SETUP_PAGE = 'setup/setup.html';
let setupTabId = null;

export async function openSetup() {
  const api = ext();
  if (setupTabId !== null) {
    try {
      const tab = await api.tabs.update(setupTabId, { active: true });
      if (tab) {
        await api.windows?.update?.(tab.windowId, { focused: true }).catch?.(() => {});
        return okReply({ opened: false });
      }
    } catch {
      // closed in the meantime
    }
  }
  const tab = await api.tabs.create({ url: api.runtime.getURL(SETUP_PAGE) });
  setupTabId = tab?.id ?? null;
  return okReply({ opened: true });
}

/**
 * After a first install: open the setup page unless the host turns out to be ready. A fleet
 * that installs host and extension together never sees the page; a user without the host does.
 * Waits for the first connection attempt (and for a softphone that is still starting).
 */
export async function openSetupIfNeeded(port, { timeoutMs = 8000, stepMs = 250, sleep = (ms) => new Promise((r) => setTimeout(r, ms)) } = {}) {
  for (let waited = 0; waited < timeoutMs; waited += stepMs) {
    const { state, readiness, softphone } = port.status;
    if (state === 'disconnected') return openSetup();
    if (state === 'connected') {
      const ready = readiness ? readiness.ready : Boolean(softphone?.available);
      if (ready) return okReply({ opened: false });
      if (readiness && readiness.code !== 'unavailable') return openSetup(); // a setting is missing
    }
    await sleep(stepMs);
  }
  return openSetup();
}
