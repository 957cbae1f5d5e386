// Content-script entry (bundled into one classic script by esbuild). Wires the features
// together; each lives in its own file. Never talks to the host: only to the background.
import { scriptStart } from './script-start.js'; // first: times the evaluation of the bundle
import { ext, t } from '../shared/browser.js';
import { REQ, PUSH } from '../shared/messages.js';
import { installLinkTakeover } from './links.js';
import { Scanner } from './scanner.js';
import { installLinkKeys } from './link-keys.js';
import { dispatchToPage, listenForPageDials, EVENT_CALL } from './page-events.js';
import { createToast } from './toast.js';

const api = ext();
const doc = document;
// A toast's "Set up" button asks the background to open the setup page.
const toast = createToast(doc, { onSetup: () => send({ type: REQ.OPEN_SETUP }), t });
let config = { detect: false, takeOverLinks: true, modifierClick: 'browser', hostReachable: false, pageEvents: false, country: null };
let scanner = null;
let linkKeys = null;

async function send(message) {
  try {
    return await api.runtime.sendMessage(message);
  } catch {
    // The extension was updated or reloaded; this old content script is orphaned.
    return { ok: false, error: { code: 'extension_unavailable' }, text: t('errorExtensionReloaded') };
  }
}

function dial(target, source, activation) {
  return send({ type: REQ.DIAL, target, source, ...(activation === undefined ? {} : { activation }) });
}

installLinkTakeover(window, { config: () => config, dial, toast, t });
listenForPageDials(doc, { enabled: () => config.pageEvents, dial });

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== api.runtime.id || !message) return undefined;
  if (message.type === PUSH.CALL && typeof message.detail === 'string') {
    // The background addressed this document; the origin check is a second lock in case the
    // frame changed origin since (an opaque origin is "null" and never matches).
    if (message.origin === self.origin && self.origin !== 'null') dispatchToPage(doc, EVENT_CALL, message.detail);
  } else if (message.type === PUSH.TOAST && typeof message.text === 'string') {
    toast(message.text, message.kind === 'error' ? 'error' : 'info', { action: message.action });
  } else if (message.type === PUSH.GET_SELECTION) {
    sendResponse({ text: String(window.getSelection?.() ?? '').slice(0, 256) });
  } else if (message.type === PUSH.GET_PAGE && window === window.top) {
    sendResponse({ url: location.href }); // the popup's per-site switch: this page's address
  }
  return undefined;
});

api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes.hostReachable) config = { ...config, hostReachable: changes.hostReachable.newValue === true };
  if ((area === 'local' && changes.settings) || area === 'managed') refreshConfig();
});

function applyDetection() {
  if (config.detect && !scanner) {
    // The detector (libphonenumber and its metadata, most of this script) is evaluated only
    // when a page has text worth looking at; esbuild turns this import() into a lazy init.
    const country = config.country;
    const load = () => import('./detect.js').then(({ findCallables }) => (text) => findCallables(text, country));
    linkKeys = installLinkKeys(doc, { title: (dialed) => t('linkTitle', [dialed]) });
    scanner = new Scanner(doc, load, { lazy: true, onWrite: linkKeys.refresh });
    // Also while the page is parsed: the scanner follows the parser (scanner.js).
    scanner.start();
  } else if (!config.detect && scanner) {
    scanner.stop(); // removes every link it added
    scanner = null;
    linkKeys?.stop();
    linkKeys = null;
  }
}

async function refreshConfig() {
  const reply = await send({ type: REQ.CONTENT_CONFIG });
  if (!reply?.ok) return;
  const countryChanged = scanner && reply.country !== config.country;
  config = reply;
  if (countryChanged) {
    scanner.stop();
    scanner = null;
    linkKeys?.stop();
    linkKeys = null;
  }
  applyDetection();
  doc.documentElement.dataset.click2call = 'ready'; // stable hook for end-to-end tests
}

refreshConfig();
// The background forgets this document when it goes (page events must not follow the tab to the
// next page); a page restored from the back/forward cache registers again.
window.addEventListener('pagehide', () => {
  send({ type: REQ.DOCUMENT_GONE });
});
window.addEventListener('pageshow', (event) => {
  if (event.persisted) refreshConfig();
});
try {
  performance.measure('click2call:script', { start: scriptStart, end: performance.now() });
} catch {
  // User Timing is informative only
}
