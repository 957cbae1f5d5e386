// The page-facing DOM API (docs/PAGE-API.md). Call state goes out as `click2call:call`
// CustomEvents on document; an allow-listed page may ask to dial with `click2call:dial`.
// Details are JSON strings: objects from the content script's world are not always readable
// by page scripts (Firefox).
export const EVENT_CALL = 'click2call:call';
export const EVENT_DIAL = 'click2call:dial';
export const EVENT_DIAL_RESULT = 'click2call:dial-result';

export function dispatchToPage(doc, name, detailJson) {
  const win = doc.defaultView;
  doc.dispatchEvent(new win.CustomEvent(name, { detail: detailJson }));
}

function readDialDetail(detail) {
  let value = detail;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return value.slice(0, 256); // a bare number string is accepted too
    }
  }
  return value && typeof value.target === 'string' ? value.target.slice(0, 256) : null;
}

/**
 * Listen for page dial requests. The background re-checks the origin from the browser's
 * sender and asks the user to confirm unless the page has a fresh user activation.
 */
export function listenForPageDials(doc, { enabled, dial }) {
  const win = doc.defaultView;
  let busy = false;
  async function onDial(event) {
    if (!enabled() || busy) return;
    const target = readDialDetail(event.detail);
    if (!target) return;
    const activation = win.navigator.userActivation?.isActive === true;
    busy = true;
    try {
      const reply = await dial(target, 'page', activation);
      const result = { ok: Boolean(reply?.ok), pending: Boolean(reply?.pending), error: reply?.ok ? null : (reply?.error?.code ?? 'internal') };
      dispatchToPage(doc, EVENT_DIAL_RESULT, JSON.stringify(result));
    } finally {
      busy = false;
    }
  }
  doc.addEventListener(EVENT_DIAL, onDial);
  return () => doc.removeEventListener(EVENT_DIAL, onDial);
}
