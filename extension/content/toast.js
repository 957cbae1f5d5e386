// A small "Calling …" / error toast in the page, so no click is ever silent. Styled through
// the CSSOM only (page CSP may forbid <style>), inside a closed shadow root so page CSS does
// not reach it. The current text is mirrored in data-text for end-to-end tests.
export const TOAST_TAG = 'click2call-toast';
const SHOW_MS = 4000;

export function createToast(doc) {
  let host = null;
  let box = null;
  let timer = null;

  function ensure() {
    if (host?.isConnected) return;
    host = doc.createElement(TOAST_TAG);
    Object.assign(host.style, { position: 'fixed', right: '16px', bottom: '16px', zIndex: '2147483647', display: 'none' });
    const shadow = host.attachShadow({ mode: 'closed' });
    box = doc.createElement('div');
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    Object.assign(box.style, {
      font: '14px/1.4 system-ui, sans-serif', color: '#fff', background: '#1a73e8', padding: '10px 14px',
      borderRadius: '8px', boxShadow: '0 2px 8px rgba(0,0,0,.3)', maxWidth: '360px',
    });
    shadow.append(box);
    doc.documentElement.append(host);
  }

  return function show(text, kind = 'info') {
    if (!text) return;
    ensure();
    box.textContent = text;
    box.style.background = kind === 'error' ? '#c5221f' : '#1a73e8';
    host.dataset.kind = kind;
    host.dataset.text = text;
    host.style.display = 'block';
    doc.defaultView.clearTimeout(timer);
    timer = doc.defaultView.setTimeout(() => {
      host.style.display = 'none';
    }, SHOW_MS);
  };
}
