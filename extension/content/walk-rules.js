// Which parts of a page the scanner never links: code, forms and anything editable, existing
// links, media, our own elements, and regions a page opted out with data-click2call-off.
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'TIME', 'DATA',
  'BUTTON', 'HEAD', 'TITLE', 'A', 'CLICK2CALL-TOAST']);
const SKIP_ROLES = new Set(['textbox', 'combobox', 'searchbox', 'button', 'timer', 'code', 'math', 'spinbutton']);

/** May text inside `el` (not counting its ancestors) be linked, by the element's own markup:
 * tag, attributes, role? Reads no style: whether CSS or design mode made it editable
 * (isContentEditable, which makes Chromium bring style up to date) the scanner asks only for
 * text in which the detector found a number. */
export function acceptMarkup(el) {
  if (!el) return false;
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return false;
  if (el.hasAttribute('contenteditable')) return false;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return false;
  if (el.hasAttribute('data-click2call-off')) return false; // a page can opt a region out
  return true;
}

/** The element above `el`, through a shadow root to its host. */
const up = (el) => el.parentElement ?? el.parentNode?.host ?? null;

/**
 * `acceptMarkup` for an element and all its ancestors (across shadow roots), remembered per
 * element: siblings in one table share the answer. The scanner clears it at every task, since
 * the page may change attributes in between.
 */
export class SkipCache {
  constructor() {
    this.memo = new Map();
  }

  clear() {
    this.memo.clear();
  }

  /** Is text whose parent is `el` never linked (by markup)? */
  skipped(el) {
    if (!el) return true;
    const chain = [];
    let result = false;
    for (let e = el; e; e = up(e)) {
      const known = this.memo.get(e);
      if (known !== undefined) {
        result = known;
        break;
      }
      chain.push(e);
      if (!acceptMarkup(e)) {
        result = true;
        break;
      }
    }
    for (const e of chain) this.memo.set(e, result);
    return result;
  }
}

/**
 * While the page is still being parsed, may the parser still append to `text`? It only ever
 * appends to the last text node of the document, so a node with anything after it is complete.
 */
export function mayGrow(text) {
  for (let n = text; n; n = n.parentNode) if (n.nextSibling) return false;
  return true;
}
