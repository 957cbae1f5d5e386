// Incoming-call notification. Chromium shows Answer/Decline buttons; Firefox has no
// notification buttons, so a click on the notification opens the popup page instead.
import { ext, isFirefox, t } from '../shared/browser.js';

export const INCOMING_ID = 'click2call-incoming';
export const BUTTON_ANSWER = 0;
export const BUTTON_DECLINE = 1;

/**
 * @param {object} call the call store's call
 * @param {object|null} caller screen-pop view: the caller as the CRM finds them, and whether a
 *   click can open their record (then the notification says so)
 */
export async function showIncoming(call, caller = null) {
  const who = caller?.display ?? call.remote;
  const options = {
    type: 'basic',
    iconUrl: ext().runtime.getURL('icons/icon-128.png'),
    title: t('notifyIncomingTitle'),
    message: who ? t('notifyIncomingFrom', [who]) : t('notifyIncomingUnknown'),
  };
  if (caller?.canOpen) options.contextMessage = t('notifyOpenRecord', [caller.recordHost]);
  if (!isFirefox()) {
    options.buttons = [{ title: t('buttonAnswer') }, { title: t('buttonDecline') }];
    options.requireInteraction = true;
  }
  try {
    await ext().notifications.create(INCOMING_ID, options);
  } catch {
    // Notifications can be blocked by the OS; the badge and popup still show the call.
  }
}

export async function clearIncoming() {
  try {
    await ext().notifications.clear(INCOMING_ID);
  } catch {
    // nothing to clear
  }
}
