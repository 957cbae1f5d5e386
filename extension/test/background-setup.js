// The background under test: a fake browser, a HostPort on a fake native port whose host
// answers like a well-behaved host, and the controller behind the router, as main.js wires it.
import { installFakeBrowser, fakeNativePort, manualTimers, flush } from './fake-browser.js';
import { HostPort } from '../background/port.js';
import { Controller } from '../background/controller.js';
import { route } from '../background/router.js';

export const SELF = { id: 'mhlbmjkkkedfmppgfdalengljggeoagn', baseUrl: 'chrome-extension://mhlbmjkkkedfmppgfdalengljggeoagn/' };
export const POPUP = { id: SELF.id, url: `${SELF.baseUrl}popup/popup.html` };
/** A content-script sender: tab, frame, URL, origin and the document the browser names. */
export const tab = (id, url, frameId = 0) => ({ id: SELF.id, tab: { id }, frameId, url, origin: new URL(url).origin, documentId: `doc-${id}-${frameId}-${url}` });
export const CRM = tab(7, 'https://crm.example.com/contacts/1');

export async function setup({ managed, local, capabilities, connect = true, dialReply } = {}) {
  const api = installFakeBrowser({ managed, local });
  const timers = manualTimers();
  let port;
  let clock = 1_000_000;
  let controller;
  const host = new HostPort({
    connect: () => (port = fakeNativePort()),
    client: {},
    timers,
    onStatus: (s) => controller?.onHostStatus(s),
    onEvent: (e) => controller?.onHostEvent(e),
  });
  controller = new Controller({ port: host, now: () => clock });
  await controller.ready;
  // The host answers: hello, status and dial like a well-behaved host would.
  const autoReply = () => {
    for (const msg of port.sent) {
      if (msg.answered) continue;
      msg.answered = true;
      if (msg.type === 'hello') port.fromHost({ type: 'reply', id: msg.id, ok: true, protocol: 1, host: { version: '1.0.0' }, softphone: { kind: 'microsip', available: true }, ...(capabilities ? { capabilities } : {}) });
      else if (msg.type === 'status') port.fromHost({ type: 'reply', id: msg.id, ok: true, softphone: { kind: 'microsip', available: true }, call: null });
      else if (msg.type === 'dial') port.fromHost({ type: 'reply', id: msg.id, ...(dialReply?.(msg) ?? { ok: true, dialed: msg.target }) });
      else port.fromHost({ type: 'reply', id: msg.id, ok: true });
    }
  };
  const pump = async () => {
    for (let i = 0; i < 5; i += 1) {
      autoReply();
      await flush();
    }
  };
  if (connect) {
    host.connect();
    await pump();
  }
  const send = async (msg, sender) => {
    const p = route(controller, msg, sender, SELF);
    await pump();
    return p;
  };
  return { api, host, controller, timers, send, pump, port: () => port, tick: (ms) => { clock += ms; }, hostMsg: (m) => { port.fromHost(m); return pump(); } };
}

