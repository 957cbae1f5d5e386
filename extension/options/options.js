// Options page wiring: every change is checked here first (so the message names what is wrong
// and how to write it), then saved through the background, which checks again and refuses
// values locked by policy. The save state stays in view at the top of the page.
import { ext, t } from '../shared/browser.js';
import { REQ } from '../shared/messages.js';
import { loadSettings, settingProblem, localeCountry } from '../shared/settings.js';
import { localise } from '../shared/i18n-dom.js';
import { FIELDS, readField } from './fields.js';
import { buildForm, fillForm, showProblem } from './form.js';

const api = ext();
const form = document.getElementById('options-form');
const status = document.getElementById('options-status');
const locale = api.i18n.getUILanguage?.() ?? 'en';

function setStatus(text, kind) {
  status.textContent = text;
  status.dataset.kind = kind;
}

async function refresh() {
  fillForm(document, await loadSettings());
}

localise(document);
buildForm(document, form, { locale, browserCountry: localeCountry(locale) });
form.addEventListener('change', async (event) => {
  const field = FIELDS.find((f) => `opt-${f.key}` === event.target.id);
  if (!field) return;
  const label = t(field.label);
  const value = readField(field, event.target);
  const problem = settingProblem(field.key, value);
  if (problem) {
    const text = t(problem.key, problem.subs);
    showProblem(document, field.key, text);
    setStatus(t('optionsNotSaved', [text]), 'error');
    return;
  }
  setStatus(t('optionsSaving'), 'saving');
  const reply = await api.runtime.sendMessage({ type: REQ.SET_SETTING, key: field.key, value });
  if (reply?.ok) {
    showProblem(document, field.key, null);
    setStatus(t('optionsSavedField', [label]), 'info');
  } else {
    const { locked } = await loadSettings();
    const text = locked.includes(field.key) ? t('problemLocked') : (reply?.text ?? t('optionsRefused')); // text names the problem
    showProblem(document, field.key, text);
    setStatus(t('optionsNotSaved', [text]), 'error');
    refresh();
  }
});
form.addEventListener('submit', (event) => event.preventDefault());
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed' || (area === 'local' && changes.settings)) refresh();
});
refresh();
