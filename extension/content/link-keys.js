// Keyboard and hover behaviour of the numbers the scanner linked.
// - One tab stop for all of them (a 1,000-row table must not add 1,000 tab stops): every link
//   is created with tabindex -1; one of them, the "entry", has tabindex 0. Arrow keys on a
//   focused number move to the next / previous number (document order), which becomes the
//   entry, so Tab leaves the numbers and Shift+Tab comes back to the last one used. Enter dials.
// - A hover hint (title) saying what will be dialed, set when the pointer or focus reaches a
//   link rather than on every link at creation (no attribute writes for 10,000 links).
import { LINK_CLASS } from './link-writer.js';

const SELECTOR = `a.${LINK_CLASS}[data-c2c="number"]`;
const NEXT = new Set(['ArrowDown', 'ArrowRight']);
const PREVIOUS = new Set(['ArrowUp', 'ArrowLeft']);

function ourLink(node) {
  return node?.nodeType === 1 && node.matches?.(SELECTOR) ? node : null;
}

/** What the link will dial, as shown in its hint: "+4930901820", "+4930901820 ext. 12", "alice@example.com". */
export function dialedText(href) {
  const [target, ...params] = href.replace(/^(?:tel|sips?):/i, '').split(';');
  const ext = params.find((p) => /^ext=/i.test(p))?.slice(4);
  return ext ? `${target} ext. ${ext}` : target;
}

/**
 * @param {Document} doc
 * @param {{title: (dialed: string) => string}} deps the hint text (localised)
 * @returns {{refresh: () => void, stop: () => void}} refresh after links were added or removed
 */
export function installLinkKeys(doc, { title }) {
  let entry = null;

  function makeEntry(link) {
    if (entry === link) return;
    if (entry?.isConnected) entry.tabIndex = -1;
    entry = link;
    if (link) link.tabIndex = 0;
  }

  /** Keep exactly one tab stop while there are links: the first one, unless one was used. */
  function refresh() {
    if (entry?.isConnected) return;
    entry = null;
    makeEntry(doc.querySelector(SELECTOR));
  }

  function hint(event) {
    const link = ourLink(event.target);
    if (link && !link.hasAttribute('title')) link.title = title(dialedText(link.getAttribute('href') ?? ''));
  }

  function onFocus(event) {
    const link = ourLink(event.target);
    if (!link) return;
    hint(event);
    makeEntry(link);
  }

  function onKey(event) {
    const link = ourLink(event.target);
    if (!link || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const step = NEXT.has(event.key) ? 1 : PREVIOUS.has(event.key) ? -1 : 0;
    if (!step) return;
    const links = [...doc.querySelectorAll(SELECTOR)];
    const next = links[links.indexOf(link) + step];
    event.preventDefault(); // no scrolling: the focus moves, and the browser scrolls to it
    if (!next) return;
    makeEntry(next);
    next.focus();
  }

  doc.addEventListener('mouseover', hint, true);
  doc.addEventListener('focusin', onFocus, true);
  doc.addEventListener('keydown', onKey, true);
  return {
    refresh,
    stop() {
      doc.removeEventListener('mouseover', hint, true);
      doc.removeEventListener('focusin', onFocus, true);
      doc.removeEventListener('keydown', onKey, true);
      entry = null;
    },
  };
}
