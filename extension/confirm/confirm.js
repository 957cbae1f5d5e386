// The confirmation window for calls that need one (confirm-before-dial, premium rate, page
// requests without a user gesture). Extension-owned, so a page cannot click it for the user.
// Cancel is the default (focused, Enter cancels); Call is enabled only after the window has
// been showing for ENABLE_DELAY_MS (re-armed whenever the window loses and regains focus), so
// a key press or click meant for the page cannot dial.
import { ext, t } from '../shared/browser.js';
import { REQ } from '../shared/messages.js';
import { localise } from '../shared/i18n-dom.js';

const api = ext();
const id = new URLSearchParams(location.search).get('id') ?? '';
const $ = (x) => document.getElementById(x);
let answered = false;
let ready = false; // the pending dial was loaded
let enableTimer = null;
const ENABLE_DELAY_MS = 1000;

/** (Re)arm the delay: Call stays disabled until the window has been focused for a moment. */
function armCallButton() {
  clearTimeout(enableTimer);
  $('btn-confirm').disabled = true;
  if (!ready || answered) return;
  enableTimer = setTimeout(() => {
    $('btn-confirm').disabled = false;
    $('btn-confirm').dataset.armed = 'true';
  }, ENABLE_DELAY_MS);
}

async function answer(accept) {
  if (answered) return;
  answered = true;
  await api.runtime.sendMessage({ type: REQ.CONFIRM_DIAL, id, accept });
  window.close();
}

localise(document);
$('btn-cancel').addEventListener('click', () => answer(false));
$('btn-confirm').addEventListener('click', () => answer(true));
window.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') answer(false);
});
window.addEventListener('focus', armCallButton);
window.addEventListener('blur', () => {
  clearTimeout(enableTimer);
  $('btn-confirm').disabled = true;
  $('btn-confirm').dataset.armed = 'false';
});
window.addEventListener('pagehide', () => {
  if (!answered) api.runtime.sendMessage({ type: REQ.CONFIRM_DIAL, id, accept: false });
});

api.runtime.sendMessage({ type: REQ.PENDING_DIAL, id }).then((reply) => {
  if (!reply?.ok) {
    window.close();
    return;
  }
  $('confirm-number').textContent = reply.display;
  $('confirm-premium').hidden = !reply.premium;
  $('confirm-foreign-host').hidden = !reply.foreignHost;
  $('confirm-origin').textContent = reply.origin ? t('confirmFromSite', [reply.origin]) : '';
  $('btn-confirm').textContent = t('confirmCall', [reply.display]);
  $('btn-cancel').focus(); // the safe choice is the default
  ready = true;
  document.documentElement.dataset.ready = 'true'; // for the end-to-end suite
  armCallButton();
});
