// Keyboard shortcuts (manifest "commands"): dial the selection in the active tab, hang up.
// Users can remap them, so the popup reads the real bindings back with commands.getAll().
import { ext } from '../shared/browser.js';
import { PUSH } from '../shared/messages.js';

export const COMMAND_DIAL_SELECTION = 'dial-selection';
export const COMMAND_HANG_UP = 'hang-up';

/** Ask the content script in the active tab for its selection. */
export async function selectionInActiveTab() {
  const [tab] = await ext().tabs.query({ active: true, currentWindow: true });
  if (!tab || typeof tab.id !== 'number') return null;
  try {
    const reply = await ext().tabs.sendMessage(tab.id, { type: PUSH.GET_SELECTION }, { frameId: 0 });
    return { tab, text: typeof reply?.text === 'string' ? reply.text.slice(0, 256) : '' };
  } catch {
    return { tab, text: '' }; // no content script there (browser pages, store pages)
  }
}
