// A small "Calling …" / error toast in the page, so no click is ever silent. Styled through
// the CSSOM only (page CSP may forbid <style>), inside a closed shadow root so page CSS does
// not reach it. It has a close button, stays while the pointer is on it, and errors stay long
// enough to be read; a toast about a missing installation carries a "Set up" button.
// The current text is mirrored in data-text (and the action in data-action) for end-to-end tests.
export const TOAST_TAG = 'click2call-toast';
export const SHOW_MS = { info: 5000, error: 12000 };

function button(doc, label, style) {
  const el = doc.createElement('button');
  el.type = 'button';
  el.textContent = label;
  Object.assign(el.style, {
    font: 'inherit', color: '#fff', background: 'transparent', border: '1px solid rgba(255,255,255,.7)',
    borderRadius: '6px', padding: '2px 8px', cursor: 'pointer', margin: '0', ...style,
  });
  return el;
}

/**
 * @param {Document} doc
 * @param {{onSetup?: () => void, t?: (key: string) => string}} options
 */
export function createToast(doc, { onSetup = () => {}, t = (key) => key } = {}) {
  let host = null;
  let box = null;
  let text = null;
  let setup = null;
  let timer = null;
  let hideAt = 0;

  function hide() {
    if (host) host.style.display = 'none';
  }

  function schedule(ms) {
    doc.defaultView.clearTimeout(timer);
    hideAt = Date.now() + ms;
    timer = doc.defaultView.setTimeout(hide, ms);
  }

  function ensure() {
    if (host?.isConnected) return;
    host = doc.createElement(TOAST_TAG);
    Object.assign(host.style, { position: 'fixed', right: '16px', bottom: '16px', zIndex: '2147483647', display: 'none' });
    const shadow = host.attachShadow({ mode: 'closed' });
    box = doc.createElement('div');
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    Object.assign(box.style, {
      font: '14px/1.4 system-ui, sans-serif', color: '#fff', background: '#1a73e8', padding: '10px 12px 10px 14px',
      borderRadius: '8px', boxShadow: '0 2px 8px rgba(0,0,0,.3)', maxWidth: '380px', display: 'flex', gap: '10px', alignItems: 'flex-start',
    });
    text = doc.createElement('span');
    text.style.flex = '1';
    setup = button(doc, t('toastSetUp'), { fontWeight: '600', background: 'rgba(255,255,255,.2)' });
    // Only a real click of the user; a page cannot reach into the closed shadow root, and a
    // script-made event is not trusted.
    setup.addEventListener('click', (event) => {
      if (!event.isTrusted) return;
      hide();
      onSetup();
    });
    const close = button(doc, '×', { border: '0', fontSize: '16px', lineHeight: '1', padding: '0 2px' });
    close.setAttribute('aria-label', t('toastClose'));
    close.title = t('toastClose');
    close.addEventListener('click', hide);
    box.append(text, setup, close);
    // Reading it keeps it: the timer pauses while the pointer is on the toast.
    box.addEventListener('pointerenter', () => doc.defaultView.clearTimeout(timer));
    box.addEventListener('pointerleave', () => schedule(Math.max(1500, hideAt - Date.now())));
    shadow.append(box);
    doc.documentElement.append(host);
  }

  return function show(message, kind = 'info', { action } = {}) {
    if (!message) return;
    ensure();
    text.textContent = message;
    box.style.background = kind === 'error' ? '#c5221f' : '#1a73e8';
    const withSetup = action === 'setup';
    setup.style.display = withSetup ? '' : 'none';
    host.dataset.kind = kind;
    host.dataset.text = message;
    host.dataset.action = withSetup ? 'setup' : '';
    host.style.display = 'block';
    schedule(SHOW_MS[kind] ?? SHOW_MS.info);
  };
}
