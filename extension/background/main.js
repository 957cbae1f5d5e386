// Background entry (Chromium service worker, Firefox event page). Every listener is
// registered synchronously at top level so an event that wakes the worker is not lost;
// handlers wait for the controller's init promise. The open native port keeps it alive.
import { ext } from '../shared/browser.js';
import { HostPort, HOST_NAME } from './port.js';
import { Controller } from './controller.js';
import { route } from './router.js';
import { openSetupIfNeeded } from './setup-tab.js';
import { createMenus, targetFromMenuClick } from './menus.js';
import { INCOMING_ID, BUTTON_ANSWER } from './notifications.js';
import { COMMAND_DIAL_SELECTION, COMMAND_HANG_UP, selectionInActiveTab } from './shortcuts.js';

const api = ext();
const self = { id: api.runtime.id, baseUrl: api.runtime.getURL('') };
const browserName = typeof api.runtime.getBrowserInfo === 'function' ? 'firefox' : 'chromium';

let controller = null;
const port = new HostPort({
  connect: () => api.runtime.connectNative(HOST_NAME),
  lastError: () => api.runtime.lastError?.message,
  client: { name: 'click2call-extension', version: api.runtime.getManifest().version, browser: browserName },
  onStatus: (status) => controller?.onHostStatus(status),
  onEvent: (event) => controller?.onHostEvent(event),
});
controller = new Controller({ port });

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  route(controller, message, sender, self).then(sendResponse, (err) => {
    sendResponse({ ok: false, error: { code: 'internal', message: String(err?.message ?? err) } });
  });
  return true; // reply asynchronously
});

api.runtime.onInstalled.addListener((details) => {
  createMenus();
  if (details?.reason === 'install') openSetupIfNeeded(port); // first run: say what is missing
});
api.runtime.onStartup?.addListener(() => createMenus());

api.contextMenus?.onClicked.addListener((info, tab) => {
  const target = targetFromMenuClick(info);
  if (!target) return;
  const origin = tab?.url ? safeOrigin(tab.url) : null;
  controller.dialFromUser(target, { tabId: tab?.id ?? null, frameId: info.frameId ?? 0, origin })
    .then((result) => controller.toastTab({ tabId: tab?.id, frameId: info.frameId ?? 0 }, result.text, result.ok ? 'info' : 'error'));
});

api.commands?.onCommand.addListener(async (command) => {
  if (command === COMMAND_HANG_UP) {
    await controller.control('hangup');
  } else if (command === COMMAND_DIAL_SELECTION) {
    const found = await selectionInActiveTab();
    if (!found) return;
    const context = { tabId: found.tab.id, frameId: 0 };
    const result = await controller.dialFromUser(found.text, context);
    controller.toastTab(context, result.text, result.ok ? 'info' : 'error');
  }
});

api.notifications?.onButtonClicked?.addListener((id, button) => {
  if (id !== INCOMING_ID) return;
  controller.control(button === BUTTON_ANSWER ? 'answer' : 'decline');
});

api.notifications?.onClicked.addListener(async (id) => {
  if (id !== INCOMING_ID) return;
  // With a CRM record URL set, the notification opens the caller's record; else the popup.
  const opened = await controller.openRecord();
  if (!opened.ok) api.windows?.create({ url: api.runtime.getURL('popup/popup.html'), type: 'popup', width: 360, height: 560 });
});

api.windows?.onRemoved?.addListener((windowId) => controller.onWindowRemoved(windowId));

api.storage.onChanged.addListener((changes, area) => {
  if ((area === 'local' && changes.settings) || area === 'managed') {
    controller.reloadSettings().then(() => controller.refreshViews());
  }
});

api.tabs?.onRemoved.addListener((tabId) => controller.forgetTab(tabId));

function safeOrigin(url) {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

port.connect();
