// Context menu "Call <selection>" and "Call this link" (for tel:/sip:/callto: links).
import { ext, t } from '../shared/browser.js';

export const MENU_SELECTION = 'click2call-call-selection';
export const MENU_LINK = 'click2call-call-link';

export function createMenus() {
  const { contextMenus } = ext();
  if (!contextMenus) return;
  contextMenus.removeAll(() => {
    contextMenus.create({ id: MENU_SELECTION, title: t('menuCallSelection'), contexts: ['selection'] });
    contextMenus.create({
      id: MENU_LINK,
      title: t('menuCallLink'),
      contexts: ['link'],
      targetUrlPatterns: ['tel:*', 'callto:*', 'sip:*', 'sips:*'],
    });
  });
}

/** What a menu click asks to dial, or null. */
export function targetFromMenuClick(info) {
  if (info.menuItemId === MENU_SELECTION) return info.selectionText ?? null;
  if (info.menuItemId === MENU_LINK) return info.linkUrl ?? null;
  return null;
}
