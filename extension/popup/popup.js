// Popup wiring: asks the background for state, re-renders on pushes, sends user actions.
import { ext, t } from '../shared/browser.js';
import { loadSettings, detectionEnabledFor } from '../shared/settings.js';
import { REQ, PUSH } from '../shared/messages.js';
import { localise } from '../shared/i18n-dom.js';
import { render } from './view.js';
import { renderCaller, wireCaller } from './caller.js';

const api = ext();
const $ = (id) => document.getElementById(id);
let state = null;

function show(result) {
  const out = $('action-result');
  out.textContent = result?.text ?? '';
  out.dataset.kind = result?.ok ? 'info' : (result ? 'error' : '');
}

async function send(message) {
  try {
    return await api.runtime.sendMessage(message);
  } catch (err) {
    return { ok: false, text: String(err?.message ?? err) };
  }
}

function update(next) {
  state = next;
  render(document, state);
  renderCaller(document, state);
}

async function act(message) {
  const result = await send(message);
  if (!result?.ok || result.text) show(result);
  return result;
}

localise(document);
api.runtime.onMessage.addListener((message, sender) => {
  if (sender.id === api.runtime.id && message?.type === PUSH.STATE && message.state) update(message.state);
});

wireCaller(document, send, show);
$('btn-answer').addEventListener('click', () => act({ type: REQ.ANSWER }));
$('btn-decline').addEventListener('click', () => act({ type: REQ.DECLINE }));
$('btn-hangup').addEventListener('click', () => act({ type: REQ.HANGUP }));
$('btn-hold').addEventListener('click', () => act({ type: REQ.HOLD }));
$('btn-reconnect').addEventListener('click', () => act({ type: REQ.RECONNECT }));
$('btn-clear-history').addEventListener('click', () => act({ type: REQ.CLEAR_HISTORY }));
$('dial-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const target = $('dial-input').value.trim();
  if (!target) return;
  const result = await act({ type: REQ.POPUP_DIAL, target });
  if (result?.ok) $('dial-input').value = '';
});
$('transfer-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const target = $('transfer-input').value.trim();
  if (target) act({ type: REQ.TRANSFER, target });
});
$('dtmf-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const digits = $('dtmf-input').value.replace(/\s/g, '');
  if (digits) act({ type: REQ.DTMF, digits }).then((r) => { if (r?.ok) $('dtmf-input').value = ''; });
});
$('recent-list').addEventListener('click', (event) => {
  const target = event.target.closest?.('button.redial')?.dataset.target;
  if (target) $('dial-input').value = target;
});
$('link-options').addEventListener('click', (event) => {
  event.preventDefault();
  api.runtime.openOptionsPage();
});
for (const id of ['link-setup', 'btn-setup']) {
  $(id).addEventListener('click', (event) => {
    event.preventDefault();
    send({ type: REQ.OPEN_SETUP }).then(() => window.close());
  });
}
// The default country in one step: choosing it saves it (the background refuses a locked one).
$('country-select').addEventListener('change', async (event) => {
  const result = await act({ type: REQ.SET_SETTING, key: 'defaultCountry', value: event.target.value });
  if (result?.ok) show(null);
});

// The live timer: re-render once a second while a call is connected.
setInterval(() => {
  if (state?.call?.state === 'connected') render(document, state);
}, 1000);

// Per-site detection switch for the page the popup belongs to. Its address comes from that
// tab's own content script (GET_PAGE), so neither the "tabs" permission nor host access to
// read tab.url is needed; Chromium gives tab.url only with them.
async function candidateTabs() {
  const own = await api.tabs.getCurrent?.().catch(() => null);
  if (!own) return api.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  // The popup opened as a page of its own (e.g. from a notification): the tabs used last.
  const tabs = await api.tabs.query({ windowType: 'normal' }).catch(() => []);
  return tabs.filter((tab) => tab.id !== own.id).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0)).slice(0, 5);
}

function webPage(url) {
  try {
    const parsed = new URL(url ?? '');
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? { hostname: parsed.hostname, url: parsed.href } : null;
  } catch {
    return null;
  }
}

async function pageOfTab(tab) {
  if (tab.url) return webPage(tab.url);
  if (typeof tab.id !== 'number') return null;
  const reply = await api.tabs.sendMessage(tab.id, { type: PUSH.GET_PAGE }, { frameId: 0 }).catch(() => null);
  return webPage(typeof reply?.url === 'string' ? reply.url : null);
}

/** The web page the popup is about: the first candidate tab whose content script answers. */
async function currentPage() {
  for (const tab of await candidateTabs()) {
    const page = await pageOfTab(tab);
    if (page) return page;
  }
  return null;
}

async function setupSiteToggle() {
  const page = await currentPage();
  if (!page) return;
  const { values, locked } = await loadSettings();
  const input = $('site-detection');
  input.checked = detectionEnabledFor(page.url, values);
  input.disabled = !values.detectNumbers || locked.includes('siteDenylist') || values.siteAllowlist.length > 0;
  $('site-detection-label').textContent = t('popupDetectOnSite', [page.hostname]);
  $('site-detection-row').hidden = false;
  $('site-detection-row').dataset.hostname = page.hostname;
  input.addEventListener('change', () => act({ type: REQ.SET_SITE_DETECTION, hostname: page.hostname, enabled: input.checked }));
}
setupSiteToggle();

// Shortcuts can be remapped by the user: show the real bindings.
api.commands?.getAll?.().then((commands) => {
  const bound = commands.filter((c) => c.shortcut && c.name !== '_execute_action');
  $('shortcuts').textContent = bound.map((c) => `${c.shortcut}: ${c.description}`).join(' · ');
}).catch(() => {});

send({ type: REQ.GET_STATE }).then((reply) => {
  if (reply?.ok) update(reply.state);
});
