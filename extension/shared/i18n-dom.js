// Fill data-i18n (text) and data-i18n-placeholder attributes of an extension page.
import { t } from './browser.js';

export function localise(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
}
