// Options page wiring: every change is saved through the background, which refuses values
// that are invalid or locked by policy.
import { ext, t } from '../shared/browser.js';
import { REQ } from '../shared/messages.js';
import { loadSettings } from '../shared/settings.js';
import { localise } from '../shared/i18n-dom.js';
import { FIELDS, readField } from './fields.js';
import { buildForm, fillForm } from './form.js';

const api = ext();
const form = document.getElementById('options-form');
const status = document.getElementById('options-status');

async function refresh() {
  fillForm(document, await loadSettings());
}

localise(document);
buildForm(document, form);
form.addEventListener('change', async (event) => {
  const field = FIELDS.find((f) => `opt-${f.key}` === event.target.id);
  if (!field) return;
  const reply = await api.runtime.sendMessage({ type: REQ.SET_SETTING, key: field.key, value: readField(field, event.target) });
  status.textContent = reply?.ok ? t('optionsSaved') : (reply?.text ?? t('optionsRefused')); // text names the problem
  status.dataset.kind = reply?.ok ? 'info' : 'error';
  if (!reply?.ok) refresh();
});
form.addEventListener('submit', (event) => event.preventDefault());
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed' || (area === 'local' && changes.settings)) refresh();
});
refresh();
