// Builds the options form in its groups and shows which fields the organisation locked and
// what is wrong with a value.
import { t } from '../shared/browser.js';
import { countriesByName, countryName } from '../shared/countries.js';
import { FIELDS, GROUPS, writeField } from './fields.js';

function countrySelect(doc, locale, browserCountry) {
  const select = doc.createElement('select');
  const first = doc.createElement('option');
  first.value = '';
  first.textContent = browserCountry ? t('optCountryFromBrowser', [countryName(browserCountry, locale)]) : t('optCountryFromBrowserNone');
  select.append(first);
  for (const { code, name } of countriesByName(locale)) {
    const option = doc.createElement('option');
    option.value = code;
    option.textContent = `${name} (${code})`;
    select.append(option);
  }
  return select;
}

function inputFor(doc, field, context) {
  let input;
  if (field.kind === 'checkbox') {
    input = doc.createElement('input');
    input.type = 'checkbox';
  } else if (field.kind === 'list') {
    input = doc.createElement('textarea');
    input.rows = 3;
  } else if (field.kind === 'country') {
    input = countrySelect(doc, context.locale, context.browserCountry);
  } else if (field.kind === 'select') {
    input = doc.createElement('select');
    for (const [value, label] of field.choices) {
      const option = doc.createElement('option');
      option.value = value;
      option.textContent = t(label);
      input.append(option);
    }
  } else {
    input = doc.createElement('input');
    input.type = 'text';
    input.size = field.size ?? 20;
  }
  input.id = `opt-${field.key}`;
  input.name = field.key;
  return input;
}

/**
 * @param {{locale?: string, browserCountry?: string|null}} context  for the country list
 */
export function buildForm(doc, container, context = {}) {
  const groups = new Map();
  for (const [id, label] of GROUPS) {
    const set = doc.createElement('fieldset');
    set.className = 'group';
    set.id = `group-${id}`;
    const legend = doc.createElement('legend');
    legend.textContent = t(label);
    set.append(legend);
    groups.set(id, set);
    container.append(set);
  }
  for (const field of FIELDS) {
    const row = doc.createElement('div');
    row.className = `field field-${field.kind}`;
    row.dataset.key = field.key;
    const input = inputFor(doc, field, { locale: context.locale ?? 'en', browserCountry: context.browserCountry ?? null });
    const label = doc.createElement('label');
    label.htmlFor = input.id;
    label.textContent = t(field.label);
    const note = doc.createElement('span');
    note.className = 'locked-note muted';
    note.textContent = t('optionsLockedNote');
    note.hidden = true;
    const problem = doc.createElement('p');
    problem.className = 'problem';
    problem.id = `problem-${field.key}`;
    problem.setAttribute('role', 'alert');
    problem.hidden = true;
    input.setAttribute('aria-describedby', problem.id);
    if (field.kind === 'checkbox') row.append(input, label, note);
    else row.append(label, input, note);
    if (field.kind === 'list') {
      const hint = doc.createElement('span');
      hint.className = 'muted';
      hint.textContent = t('optionsListHint');
      row.append(hint);
    }
    row.append(problem);
    (groups.get(field.group) ?? groups.values().next().value).append(row);
  }
}

/** Show (or clear, with null) what is wrong with a field's value, next to the field. */
export function showProblem(doc, key, text) {
  const problem = doc.getElementById(`problem-${key}`);
  const input = doc.getElementById(`opt-${key}`);
  problem.hidden = !text;
  problem.textContent = text ?? '';
  if (text) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** Put values into the form; locked fields are disabled and marked data-locked="true". */
export function fillForm(doc, { values, locked }) {
  for (const field of FIELDS) {
    const input = doc.getElementById(`opt-${field.key}`);
    const row = input.closest('.field');
    if (doc.activeElement !== input && input.getAttribute('aria-invalid') !== 'true') writeField(field, input, values[field.key]);
    const isLocked = locked.includes(field.key);
    input.disabled = isLocked;
    for (const el of [input, row]) {
      if (isLocked) el.dataset.locked = 'true';
      else delete el.dataset.locked;
    }
    row.querySelector('.locked-note').hidden = !isLocked;
  }
}
