// Builds the options form and shows which fields the organisation locked.
import { t } from '../shared/browser.js';
import { FIELDS, writeField } from './fields.js';

function inputFor(doc, field) {
  let input;
  if (field.kind === 'checkbox') {
    input = doc.createElement('input');
    input.type = 'checkbox';
  } else if (field.kind === 'list') {
    input = doc.createElement('textarea');
    input.rows = 3;
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

export function buildForm(doc, container) {
  for (const field of FIELDS) {
    const row = doc.createElement('div');
    row.className = `field field-${field.kind}`;
    row.dataset.key = field.key;
    const input = inputFor(doc, field);
    const label = doc.createElement('label');
    label.htmlFor = input.id;
    label.textContent = t(field.label);
    const note = doc.createElement('span');
    note.className = 'locked-note muted';
    note.textContent = t('optionsLockedNote');
    note.hidden = true;
    if (field.kind === 'checkbox') row.append(input, label, note);
    else row.append(label, input, note);
    if (field.kind === 'list') {
      const hint = doc.createElement('span');
      hint.className = 'muted';
      hint.textContent = t('optionsListHint');
      row.append(hint);
    }
    container.append(row);
  }
}

/** Put values into the form; locked fields are disabled and marked data-locked="true". */
export function fillForm(doc, { values, locked }) {
  for (const field of FIELDS) {
    const input = doc.getElementById(`opt-${field.key}`);
    const row = input.closest('.field');
    if (doc.activeElement !== input) writeField(field, input, values[field.key]);
    const isLocked = locked.includes(field.key);
    input.disabled = isLocked;
    for (const el of [input, row]) {
      if (isLocked) el.dataset.locked = 'true';
      else delete el.dataset.locked;
    }
    row.querySelector('.locked-note').hidden = !isLocked;
  }
}
