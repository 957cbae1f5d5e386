// The background entry as the browser loads it: listeners registered at top level, the native
// port opened at once, and menus, shortcuts and notification buttons wired to the host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installFakeBrowser, fakeNativePort, flush } from './fake-browser.js';

const api = installFakeBrowser();
const ports = [];
api.runtime.connectNative = (name) => {
  assert.equal(name, 'click2call.host');
  const port = fakeNativePort();
  ports.push(port);
  return port;
};
api.tabs.sendMessage = async (tabId, msg, opts) => {
  api.calls.tabsSendMessage.push({ tabId, msg, opts });
  return msg.type === 'get-selection' ? { text: 'Ruf an: +49 30 901820' } : undefined;
};
await import('../background/main.js');
const port = ports[0];

async function hostAnswers() {
  for (let i = 0; i < 6; i += 1) {
    for (const msg of port.sent) {
      if (msg.answered) continue;
      msg.answered = true;
      const extra = msg.type === 'hello'
        ? { protocol: 1, host: { version: '1.0.0' }, softphone: { kind: 'baresip', available: true }, capabilities: ['dial', 'answer', 'hangup', 'decline', 'status'] }
        : msg.type === 'dial' ? { dialed: msg.target } : msg.type === 'status' ? { call: null } : {};
      port.fromHost({ type: 'reply', id: msg.id, ok: true, ...extra });
    }
    await flush();
  }
}

test('listeners are registered synchronously and the port opens with hello', async () => {
  assert.equal(api.runtime.onMessage.listeners.length, 1);
  assert.equal(api.runtime.onInstalled.listeners.length, 1);
  assert.equal(api.commands.onCommand.listeners.length, 1);
  assert.equal(ports.length, 1);
  assert.equal(port.sent[0].type, 'hello');
  assert.equal(port.sent[0].client.browser, 'chromium');
  await hostAnswers();
});

test('install creates the context menus', () => {
  api.runtime.onInstalled.fire({ reason: 'install' });
  assert.deepEqual(api.contextMenus.created.map((m) => m.contexts[0]), ['selection', 'link']);
});

test('"Call <selection>" dials the number in the selection and toasts in the tab', async () => {
  api.contextMenus.onClicked.fire({ menuItemId: 'click2call-call-selection', selectionText: 'Ruf an: +49 30 901820', frameId: 0 }, { id: 5, url: 'https://crm.example.com/' });
  await hostAnswers();
  assert.equal(port.lastSent('dial').target, '+4930901820');
  await flush();
  assert.equal(api.calls.tabsSendMessage.at(-1).msg.text, 'Calling +4930901820');
});

test('the dial-selection shortcut asks the active tab for its selection', async () => {
  await new Promise((r) => setTimeout(r, 10));
  api.commands.onCommand.fire('dial-selection');
  await hostAnswers();
  assert.equal(api.calls.tabsSendMessage.find((s) => s.msg.type === 'get-selection').tabId, 1);
  assert.equal(port.sent.filter((m) => m.type === 'dial').length, 2);
});

test('hang-up shortcut and notification buttons control the call', async () => {
  api.commands.onCommand.fire('hang-up');
  await hostAnswers();
  assert.ok(port.lastSent('hangup'));
  api.notifications.onButtonClicked.fire('click2call-incoming', 0);
  await hostAnswers();
  assert.ok(port.lastSent('answer'));
  api.notifications.onButtonClicked.fire('click2call-incoming', 1);
  await hostAnswers();
  assert.ok(port.lastSent('decline'));
});

test('messages are answered through sendResponse', async () => {
  let response;
  const keep = api.runtime.onMessage.listeners[0]({ type: 'get-state' }, { id: api.runtime.id, url: api.runtime.getURL('popup/popup.html') }, (r) => { response = r; });
  assert.equal(keep, true);
  await hostAnswers();
  assert.equal(response.ok, true);
  assert.equal(response.state.host.state, 'connected');
  assert.equal(response.state.host.softphone.kind, 'baresip');
});
