// The confirmation window for calls that need one (confirm-before-dial, premium rate, page
// requests without a user gesture). Extension-owned, so a page cannot click it for the user.
import { ext, t } from '../shared/browser.js';
import { REQ } from '../shared/messages.js';
import { localise } from '../shared/i18n-dom.js';

const api = ext();
const id = new URLSearchParams(location.search).get('id') ?? '';
const $ = (x) => document.getElementById(x);
let answered = false;

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
  $('confirm-origin').textContent = reply.origin ? t('confirmFromSite', [reply.origin]) : '';
  $('btn-confirm').textContent = t('confirmCall', [reply.display]);
  $('btn-confirm').disabled = false;
  $('btn-confirm').focus();
});
