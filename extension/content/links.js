// Takes over clicks on tel:, sip:, sips: and callto: links (including the numbers the scanner
// linked). Only real, trusted primary-button clicks dial: a page script cannot dial by
// dispatching a synthetic click. Listens in the capture phase on window, before page handlers.
// A call link we could never dial (callto: with a Skype name, tel: without digits) is left to
// the browser and whatever handles it there: no take-over, no dead click.
import { isCallHref, isDialableHref } from '../shared/call-href.js';

function callLinkOf(event) {
  const path = typeof event.composedPath === 'function' ? event.composedPath() : [event.target];
  for (const node of path) {
    if (!node || node.nodeType !== 1) continue;
    const tag = node.localName;
    if (tag !== 'a' && tag !== 'area') continue;
    const href = node.getAttribute('href') ?? node.getAttribute('xlink:href');
    return isCallHref(href) ? { node, href: href.trim() } : null; // the innermost link decides
  }
  return null;
}

/** What a link dials, for the "Calling …" toast: the number or address, never the link's text. */
export function numberOf(href) {
  const rest = href.replace(/^[a-z]+:(\/\/)?/i, '');
  let value = rest;
  try {
    value = decodeURIComponent(rest);
  } catch {
    // keep it as written
  }
  return value.split(/[;?]/)[0].trim().slice(0, 64);
}

/**
 * @param {Window} win
 * @param {object} deps
 * @param {() => object} deps.config  current content config (takeOverLinks, modifierClick, hostReachable)
 * @param {(target: string, source: string) => Promise<object>} deps.dial
 * @param {(text: string, kind: string) => void} deps.toast
 * @param {(key: string, subs?: string[]) => string} deps.t
 * @returns {() => void} teardown
 */
export function installLinkTakeover(win, { config, dial, toast, t }) {
  function onClick(event) {
    if (!event.isTrusted || event.button !== 0 || event.defaultPrevented) return;
    const link = callLinkOf(event);
    if (!link || !isDialableHref(link.href)) return;
    const cfg = config();
    const ours = link.node.dataset?.c2c === 'number';
    if (!ours && !cfg.takeOverLinks) return;
    const modified = event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
    if (modified && cfg.modifierClick !== 'dial') return; // the browser's own handling
    // Ours from here, also when the host is missing: a second handler (the browser's own tel:
    // app) must not open as well. The background then answers with what to set up.
    event.preventDefault();
    event.stopImmediatePropagation();
    if (cfg.hostReachable) toast(t('toastDialing', [numberOf(link.href)]), 'info');
    dial(link.href, ours ? 'text' : 'link').then((reply) => {
      toast(reply?.text ?? t('errorInternal', ['']), reply?.ok ? 'info' : 'error', { action: reply?.action });
    });
  }
  win.addEventListener('click', onClick, true);
  return () => win.removeEventListener('click', onClick, true);
}
