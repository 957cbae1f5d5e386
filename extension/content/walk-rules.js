// Which parts of a page the scanner never links: code, forms and anything editable, existing
// links, media, our own elements, and regions a page opted out with data-click2call-off.
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'TIME', 'DATA',
  'BUTTON', 'HEAD', 'TITLE', 'A', 'CLICK2CALL-TOAST']);
const SKIP_ROLES = new Set(['textbox', 'combobox', 'searchbox', 'button', 'timer', 'code', 'math', 'spinbutton']);

/** Element-level rule: may text inside `el` (not counting its ancestors) be linked? */
export function accept(el) {
  if (!el) return false;
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return false;
  if (el.isContentEditable || el.hasAttribute('contenteditable')) return false;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return false;
  if (el.hasAttribute('data-click2call-off')) return false; // a page can opt a region out
  return true;
}

/** Is `el` inside an element whose text is never linked? */
export function insideSkipped(el) {
  for (let p = el.parentElement; p; p = p.parentElement) if (!accept(p)) return true;
  return false;
}
