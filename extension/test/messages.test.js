import { test } from 'node:test';
import assert from 'node:assert/strict';
import { senderKind, validateRequest, REQ } from '../shared/messages.js';

const self = { id: 'mhlbmjkkkedfmppgfdalengljggeoagn', baseUrl: 'chrome-extension://mhlbmjkkkedfmppgfdalengljggeoagn/' };
const content = { id: self.id, tab: { id: 4 }, frameId: 0, url: 'https://crm.example.com/a', origin: 'https://crm.example.com' };
const popup = { id: self.id, url: `${self.baseUrl}popup/popup.html` };

test('sender kind comes from the browser: own pages, own content scripts, nothing else', () => {
  assert.equal(senderKind(popup, self), 'extension');
  assert.equal(senderKind(content, self), 'content');
  assert.equal(senderKind({ ...content, id: 'other-extension' }, self), null);
  assert.equal(senderKind({ id: self.id }, self), null);
  assert.equal(senderKind(undefined, self), null);
});

test('content scripts may only dial, ask for their config and ask for the setup page', () => {
  assert.equal(validateRequest({ type: REQ.OPEN_SETUP, url: 'https://evil.example/' }, 'content').ok, true);
  assert.deepEqual(validateRequest({ type: REQ.OPEN_SETUP, url: 'https://evil.example/' }, 'content').message, { type: REQ.OPEN_SETUP }, 'no address of its choosing');
  assert.equal(validateRequest({ type: REQ.OPEN_SETUP }, null).ok, false, 'not from other extensions or pages');
  assert.equal(validateRequest({ type: REQ.DIAL, target: 'tel:+1', source: 'link' }, 'content').ok, true);
  assert.equal(validateRequest({ type: REQ.CONTENT_CONFIG }, 'content').ok, true);
  for (const type of [REQ.ANSWER, REQ.HANGUP, REQ.SET_SETTING, REQ.CONFIRM_DIAL, REQ.POPUP_DIAL, REQ.CLEAR_HISTORY]) {
    assert.equal(validateRequest({ type, id: 'x', accept: true, key: 'k', value: 1, target: '1' }, 'content').code, 'not_allowed', type);
  }
});

test('fields are checked and unknown fields dropped (no origin smuggled in)', () => {
  const r = validateRequest({ type: REQ.DIAL, target: 'tel:+1', source: 'link', origin: 'https://bank.example', tabId: 99 }, 'content');
  assert.deepEqual(r.message, { type: 'dial', target: 'tel:+1', source: 'link' });
  assert.equal(validateRequest({ type: REQ.DIAL, target: 'x'.repeat(257), source: 'link' }, 'content').ok, false);
  assert.equal(validateRequest({ type: REQ.DIAL, target: 'tel:1', source: 'popup' }, 'content').ok, false);
  assert.equal(validateRequest({ type: REQ.DIAL, target: 'tel:1', source: 'page', activation: 'yes' }, 'content').ok, false);
  assert.equal(validateRequest({ type: REQ.DTMF, digits: '12a' }, 'extension').ok, false);
  assert.equal(validateRequest({ type: REQ.DTMF, digits: '12*#' }, 'extension').ok, true);
  assert.equal(validateRequest({ type: 'hello' }, 'extension').ok, false);
  assert.equal(validateRequest({ type: '__proto__' }, 'extension').ok, false);
  assert.equal(validateRequest(null, 'extension').ok, false);
  assert.equal(validateRequest([], 'extension').ok, false);
});
