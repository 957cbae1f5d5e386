// Issue 17, findings 7–9: page events follow the document, not the tab; other calls are not
// bound to the tab that dialed; sandboxed frames (opaque origins) are never allowed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tab, setup } from './background-setup.js';
import { flush } from './fake-browser.js';

const ALLOW = { local: { settings: { pageEventOrigins: ['https://crm.example.com'] } } };
const incoming = (at, extra = {}) => ({ type: 'event', event: 'call', state: 'incoming', direction: 'in', remote: '+4930901820', at, ...extra });
const sentTo = (ctx, tabId) => ctx.api.calls.tabsSendMessage.filter((s) => s.tabId === tabId && s.msg.type === 'call');

test('7: an allow-listed tab that navigated to another site does not get the next incoming call', async () => {
  const ctx = await setup(ALLOW);
  await ctx.send({ type: 'content-config' }, tab(7, 'https://crm.example.com/contacts/1'));
  await ctx.send({ type: 'content-config' }, tab(7, 'https://evil.example/')); // same tab, new document
  await ctx.hostMsg(incoming(1_000_000));
  assert.deepEqual(sentTo(ctx, 7), [], 'nothing for the tab: its allow-listed document is gone');
});

test('7: a document that said it is going (pagehide) gets nothing more', async () => {
  const ctx = await setup(ALLOW);
  const crm = tab(7, 'https://crm.example.com/contacts/1');
  await ctx.send({ type: 'content-config' }, crm);
  await ctx.send({ type: 'document-gone' }, crm);
  await ctx.hostMsg(incoming(1_000_000));
  assert.deepEqual(sentTo(ctx, 7), []);
});

test('7: every event is addressed to one document and names the origin it is meant for', async () => {
  const ctx = await setup(ALLOW);
  const crm = tab(7, 'https://crm.example.com/contacts/1');
  await ctx.send({ type: 'content-config' }, crm);
  await ctx.hostMsg(incoming(1_000_000));
  const [sent] = sentTo(ctx, 7);
  assert.deepEqual(sent.opts, { documentId: crm.documentId });
  assert.equal(sent.msg.origin, 'https://crm.example.com');
});

test('7: a document the browser cannot reach any more is forgotten', async () => {
  const ctx = await setup(ALLOW);
  const crm = tab(7, 'https://crm.example.com/contacts/1');
  await ctx.send({ type: 'content-config' }, crm);
  ctx.api.tabs.goneDocuments.add(crm.documentId);
  await ctx.hostMsg(incoming(1_000_000));
  assert.equal(ctx.controller.documents.get(crm.documentId), null);
});

test('7: a tab that dialed and then navigated away gets none of that call\'s later events', async () => {
  const ctx = await setup();
  await ctx.send({ type: 'dial', target: 'tel:+15550104477', source: 'link' }, tab(9, 'https://shop.example/'));
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'dialing', direction: 'out', remote: '+15550104477', at: 1_000_100 });
  assert.equal(sentTo(ctx, 9).length, 1, 'the dialing document hears of its call');
  await ctx.send({ type: 'content-config' }, tab(9, 'https://other.example/')); // the tab moved on
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'connected', direction: 'out', remote: '+15550104477', at: 1_000_200 });
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'ended', direction: 'out', remote: '+15550104477', at: 1_000_300 });
  assert.equal(sentTo(ctx, 9).length, 1, 'nothing after the navigation');
});

test('8: a second incoming call during a call never reaches the (not allow-listed) tab that dialed', async () => {
  const ctx = await setup();
  await ctx.send({ type: 'dial', target: 'tel:+15550104477', source: 'link' }, tab(9, 'https://shop.example/'));
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'dialing', direction: 'out', remote: '+15550104477', at: 1_000_100 });
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'connected', direction: 'out', remote: '+15550104477', at: 1_000_200 });
  const before = sentTo(ctx, 9).length;
  // MicroSIP has no call ids: the second call comes with callId null.
  await ctx.hostMsg(incoming(1_000_300, { remote: '+4930111111' }));
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'ringing', direction: 'in', remote: '+4930111111', at: 1_000_400 });
  const after = sentTo(ctx, 9).slice(before).map((s) => JSON.parse(s.msg.detail));
  assert.deepEqual(after.filter((d) => d.direction === 'in'), [], 'no incoming call for the dialing tab');
});

test('8: a dial the host refused (busy) binds no call made 20 s later', async () => {
  const ctx = await setup();
  const pending = ctx.controller.dialFromContent({ type: 'dial', target: 'tel:+15550109999', source: 'link' }, tab(10, 'https://busy.example/'));
  await flush();
  const dial = ctx.port().lastSent('dial');
  dial.answered = true; // answered here, not by the well-behaved host of setup()
  ctx.port().fromHost({ type: 'reply', id: dial.id, ok: false, error: { code: 'busy', message: 'in a call' } });
  assert.equal((await pending).error.code, 'busy');
  // 20 s later the user calls the same number from the softphone itself.
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'dialing', direction: 'out', remote: '+15550109999', at: 1_020_000 });
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'connected', direction: 'out', remote: '+15550109999', at: 1_021_000 });
  assert.deepEqual(sentTo(ctx, 10), [], 'the tab whose dial failed hears nothing');
});

test('8: a dial binds only the call to the number it dialed', async () => {
  const ctx = await setup();
  await ctx.send({ type: 'dial', target: 'tel:+15550104477', source: 'link' }, tab(9, 'https://shop.example/'));
  // Another outgoing call (made in the softphone) starts first: not ours.
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'dialing', direction: 'out', remote: '+4930901820', at: 1_000_100 });
  assert.deepEqual(sentTo(ctx, 9), []);
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'ended', direction: 'out', remote: '+4930901820', at: 1_000_150 });
  // baresip reports the remote as a SIP URI: still the dialed number.
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'dialing', direction: 'out', remote: 'sip:+15550104477@pbx.example', callId: 'a1', at: 1_000_200 });
  assert.equal(sentTo(ctx, 9).length, 1);
});

test('9: a sandboxed frame on an allow-listed URL gets no page events and cannot dial', async () => {
  const ctx = await setup(ALLOW);
  const sandboxed = { ...tab(7, 'https://crm.example.com/frame.html', 4), origin: 'null' };
  const config = await ctx.send({ type: 'content-config' }, sandboxed);
  assert.equal(config.pageEvents, false);
  const dial = await ctx.send({ type: 'dial', target: '+15550104477', source: 'page', activation: true }, sandboxed);
  assert.equal(dial.error.code, 'not_allowed');
  await ctx.hostMsg(incoming(1_000_000));
  assert.deepEqual(sentTo(ctx, 7), []);
  assert.equal(ctx.port().lastSent('dial'), undefined);
  assert.deepEqual(ctx.api.calls.windowsCreate, [], 'no confirmation window either');
});
