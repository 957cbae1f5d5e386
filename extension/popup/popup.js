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

// The live timer: re-render once a second while a call is connected.
setInterval(() => {
  if (state?.call?.state === 'connected') render(document, state);
}, 1000);

// Per-site detection switch for the active tab (needs the tab's URL, which the browser gives
// only where the extension has host access).
async function setupSiteToggle() {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  let hostname = null;
  try {
    const url = new URL(tab?.url ?? '');
    if (url.protocol === 'http:' || url.protocol === 'https:') hostname = url.hostname;
  } catch {
    return;
  }
  if (!hostname) return;
  const { values, locked } = await loadSettings();
  const input = $('site-detection');
  input.checked = detectionEnabledFor(tab.url, values);
  input.disabled = !values.detectNumbers || locked.includes('siteDenylist') || values.siteAllowlist.length > 0;
  $('site-detection-label').textContent = t('popupDetectOnSite', [hostname]);
  $('site-detection-row').hidden = false;
  input.addEventListener('change', () => act({ type: REQ.SET_SITE_DETECTION, hostname, enabled: input.checked }));
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
