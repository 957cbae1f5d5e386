import { test } from 'node:test';
import assert from 'node:assert/strict';
import { badgeFor } from '../background/badge.js';
import { route } from '../background/router.js';
import { flush } from './fake-browser.js';
import { SELF, POPUP, tab, CRM, setup } from './background-setup.js';

test('a content-script dial is validated, sent to the host and answered with the dialed string', async () => {
  const ctx = await setup();
  assert.equal(ctx.host.status.state, 'connected');
  const reply = await ctx.send({ type: 'dial', target: 'tel:+1-555-010-4477', source: 'link' }, CRM);
  assert.equal(reply.ok, true);
  assert.equal(reply.dialed, '+15550104477');
  assert.equal(reply.text, 'Calling +15550104477');
  assert.equal(ctx.port().lastSent('dial').target, '+15550104477');
  assert.equal(ctx.api.storage.local.data.hostReachable, true, 'content scripts learn that the host is reachable');
});

test('junk never reaches the host', async () => {
  const ctx = await setup();
  const reply = await ctx.send({ type: 'dial', target: 'tel:+4930 /password:x', source: 'link' }, CRM);
  assert.equal(reply.ok, false);
  assert.equal(reply.error.code, 'invalid_target');
  assert.equal(reply.text, 'Not a phone number that can be dialed.');
  assert.equal(ctx.port().lastSent('dial'), undefined);
});

test('messages from other extensions or without a tab are refused; content cannot use popup requests', async () => {
  const ctx = await setup();
  assert.equal((await ctx.send({ type: 'dial', target: 'tel:+15550104477', source: 'link' }, { id: 'evil', tab: { id: 1 }, url: 'https://x' })).error.code, 'not_allowed');
  assert.equal((await ctx.send({ type: 'hangup' }, CRM)).error.code, 'not_allowed');
  assert.equal((await ctx.send({ type: 'set-setting', key: 'pageEventOrigins', value: ['https://evil.example'] }, CRM)).error.code, 'not_allowed');
  assert.equal(ctx.port().lastSent('dial'), undefined);
});

test('the page origin comes from sender, not from the message', async () => {
  const ctx = await setup({ local: { settings: { pageEventOrigins: ['https://crm.example.com'] } } });
  const evil = tab(8, 'https://evil.example/');
  const reply = await ctx.send({ type: 'dial', target: '+15550104477', source: 'page', activation: true, origin: 'https://crm.example.com' }, evil);
  assert.equal(reply.error.code, 'not_allowed');
  const ok = await ctx.send({ type: 'dial', target: '+15550104477', source: 'page', activation: true }, CRM);
  assert.equal(ok.ok, true);
});

test('a page dial without user activation needs confirmation in an extension window', async () => {
  const ctx = await setup({ local: { settings: { pageEventOrigins: ['https://crm.example.com'] } } });
  const reply = await ctx.send({ type: 'dial', target: '+15550104477', source: 'page', activation: false }, CRM);
  assert.equal(reply.ok, true);
  assert.equal(reply.pending, true);
  assert.equal(ctx.port().lastSent('dial'), undefined, 'nothing dialed yet');
  const url = new URL(ctx.api.calls.windowsCreate[0].url);
  const id = url.searchParams.get('id');
  assert.match(url.pathname, /confirm\/confirm\.html$/);
  const view = await ctx.send({ type: 'pending-dial', id }, POPUP);
  assert.equal(view.origin, 'https://crm.example.com');
  assert.equal((await ctx.send({ type: 'confirm-dial', id, accept: true }, CRM)).error.code, 'not_allowed', 'a content script cannot confirm');
  const done = await ctx.send({ type: 'confirm-dial', id, accept: true }, POPUP);
  assert.equal(done.ok, true);
  assert.equal(ctx.port().lastSent('dial').target, '+15550104477');
  assert.equal((await ctx.send({ type: 'confirm-dial', id, accept: true }, POPUP)).ok, false, 'a confirmation is used once');
});

test('premium-rate numbers ask first; declining dials nothing', async () => {
  const ctx = await setup();
  const reply = await ctx.send({ type: 'dial', target: 'tel:+19005550199', source: 'link' }, CRM);
  assert.equal(reply.pending, true);
  const id = new URL(ctx.api.calls.windowsCreate[0].url).searchParams.get('id');
  assert.equal((await ctx.send({ type: 'pending-dial', id }, POPUP)).premium, true);
  await ctx.send({ type: 'confirm-dial', id, accept: false }, POPUP);
  assert.equal(ctx.port().lastSent('dial'), undefined);
  assert.equal(ctx.api.calls.tabsSendMessage.at(-1).msg.text, 'Call cancelled.');
});

test('dials from one tab are rate limited', async () => {
  const ctx = await setup();
  assert.equal((await ctx.send({ type: 'dial', target: 'tel:+15550104477', source: 'link' }, CRM)).ok, true);
  assert.equal((await ctx.send({ type: 'dial', target: 'tel:+15550104477', source: 'link' }, CRM)).error.code, 'rate_limited');
  ctx.tick(2000);
  assert.equal((await ctx.send({ type: 'dial', target: 'tel:+15550104477', source: 'link' }, CRM)).ok, true);
});

test('text-detected dials are refused where detection is off for the site', async () => {
  const ctx = await setup({ managed: { siteDenylist: ['crm.example.com'] } });
  assert.equal((await ctx.send({ type: 'dial', target: 'tel:+15550104477', source: 'text' }, CRM)).error.code, 'not_allowed');
});

test('host not installed: the dial fails with the fix, and the popup shows the browser text', async () => {
  const ctx = await setup({ connect: false });
  ctx.host.connect();
  ctx.port().fail('Specified native messaging host not found.');
  await ctx.pump();
  const reply = await ctx.send({ type: 'dial', target: 'tel:+15550104477', source: 'link' }, CRM);
  assert.equal(reply.error.code, 'host_unavailable');
  // Says what to do (set up, not "your softphone"), and the toast offers the setup page.
  assert.match(reply.text, /not installed on this computer/);
  assert.doesNotMatch(reply.text, /softphone/i);
  assert.equal(reply.action, 'setup');
  const { state } = await ctx.send({ type: 'get-state' }, POPUP);
  assert.equal(state.host.state, 'disconnected');
  assert.equal(state.host.setupNeeded, true);
  assert.equal(state.host.error, 'Specified native messaging host not found.');
  assert.match(state.host.fix, /setup page/);
  assert.equal(ctx.api.storage.local.data.hostReachable, false);
  // The failed dial is in recent calls, with why.
  assert.equal(state.recent.length, 1);
  assert.deepEqual({ ...state.recent[0], at: 0 }, { remote: '+15550104477', direction: 'out', outcome: 'failed', at: 0, durationMs: null, reason: reply.text });
});

test('baresip without a SIP domain: not ready, and a dial failure carries the host\'s reason', async () => {
  const reason = 'baresip can dial phone numbers only through your SIP server: set "domain"';
  const readiness = { ready: false, code: 'needs_domain', message: reason };
  const ctx = await setup({ connect: false });
  ctx.host.connect();
  const hello = ctx.port().lastSent('hello');
  ctx.port().fromHost({ type: 'reply', id: hello.id, ok: true, protocol: 1, host: { version: '1.0.0' }, softphone: { kind: 'baresip', available: true }, readiness });
  await flush();
  const status = ctx.port().lastSent('status');
  ctx.port().fromHost({ type: 'reply', id: status.id, ok: true, softphone: { kind: 'baresip', available: true }, readiness, call: null });
  await flush();
  let { state } = await ctx.send({ type: 'get-state' }, POPUP);
  assert.deepEqual(state.host.readiness, readiness);
  assert.equal(badgeFor(ctx.host.status, null).text, '!', 'the toolbar icon says something is missing');
  const pending = route(ctx.controller, { type: 'dial', target: 'tel:+15550104477', source: 'link' }, CRM, SELF);
  await flush();
  const dial = ctx.port().lastSent('dial');
  ctx.port().fromHost({ type: 'reply', id: dial.id, ok: false, error: { code: 'invalid_target', message: 'baresip can dial a phone number only through a SIP domain' } });
  const reply = await pending;
  assert.equal(reply.error.code, 'invalid_target');
  assert.equal(reply.text, `Cannot dial yet: ${reason}`);
  assert.doesNotMatch(reply.text, /Not a phone number/);
  ({ state } = await ctx.send({ type: 'get-state' }, POPUP));
  assert.equal(state.recent[0].outcome, 'failed');
  assert.equal(state.recent[0].reason, reply.text);
});

test('a refusal by the host names the host\'s reason even without readiness (older host)', async () => {
  const ctx = await setup();
  const pending = route(ctx.controller, { type: 'dial', target: 'tel:+15550104477', source: 'link' }, CRM, SELF);
  await flush();
  const dial = ctx.port().lastSent('dial');
  ctx.port().fromHost({ type: 'reply', id: dial.id, ok: false, error: { code: 'invalid_target', message: 'set baresip.domain' } });
  const reply = await pending;
  assert.equal(reply.text, 'Your softphone cannot dial this: set baresip.domain');
});

test('the popup state names the default country and where it comes from', async () => {
  let ctx = await setup();
  let { state } = await ctx.send({ type: 'get-state' }, POPUP);
  assert.deepEqual(state.countryInfo, { country: 'US', source: 'browser', locked: false });
  ctx = await setup({ local: { settings: { defaultCountry: 'FR' } } });
  ({ state } = await ctx.send({ type: 'get-state' }, POPUP));
  assert.deepEqual(state.countryInfo, { country: 'FR', source: 'user', locked: false });
  ctx = await setup({ managed: { defaultCountry: 'DE' } });
  ({ state } = await ctx.send({ type: 'get-state' }, POPUP));
  assert.deepEqual(state.countryInfo, { country: 'DE', source: 'policy', locked: true });
  assert.equal(state.browserCountry, 'US');
});

test('host errors are shown with their meaning; unknown_type counts as unsupported', async () => {
  const ctx = await setup({ capabilities: ['dial', 'answer', 'hangup', 'hold', 'status'] });
  const pending = route(ctx.controller, { type: 'hold' }, POPUP, SELF);
  await flush();
  const hold = ctx.port().lastSent('hold');
  ctx.port().fromHost({ type: 'reply', id: hold.id, ok: false, error: { code: 'unknown_type', message: 'hold' } });
  const reply = await pending;
  assert.equal(reply.error.code, 'unsupported');
  assert.equal(reply.text, 'Your softphone cannot do this.');
  // transfer is not in the capabilities: refused without asking the host
  const transfer = await ctx.send({ type: 'transfer', target: '+15550104477' }, POPUP);
  assert.equal(transfer.error.code, 'unsupported');
  assert.equal(ctx.port().lastSent('transfer'), undefined);
});

test('call events go to the tab that dialed, as JSON strings; other tabs get nothing', async () => {
  const ctx = await setup();
  await ctx.send({ type: 'dial', target: 'tel:+15550104477', source: 'link' }, tab(7, 'https://crm.example.com/', 3));
  ctx.api.calls.tabsSendMessage.length = 0;
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'ringing', direction: 'out', remote: '+15550104477', callId: 'c1', at: 1_000_100 });
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'connected', direction: 'out', remote: '+15550104477', callId: 'c1', at: 1_000_200 });
  const sent = ctx.api.calls.tabsSendMessage;
  assert.equal(sent.length, 2);
  assert.deepEqual(sent.map((s) => [s.tabId, s.opts.documentId]), [[7, 'doc-7-3-https://crm.example.com/'], [7, 'doc-7-3-https://crm.example.com/']]);
  const detail = JSON.parse(sent[1].msg.detail);
  assert.deepEqual(detail, { version: 1, state: 'connected', direction: 'out', remote: '+15550104477', callId: 'c1', onHold: false, reason: null, at: 1_000_200 });
  assert.deepEqual(badgeFor(ctx.host.status, ctx.controller.calls.call).text, 'LIVE');
});

test('incoming calls: notification with buttons, events only to allow-listed pages, history kept', async () => {
  const ctx = await setup({ local: { settings: { pageEventOrigins: ['https://crm.example.com'] } } });
  await ctx.send({ type: 'content-config' }, CRM);
  await ctx.send({ type: 'content-config' }, tab(8, 'https://news.example/'));
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'incoming', direction: 'in', remote: '+4930901820', at: 1_000_000 });
  const note = ctx.api.calls.notifications.find((n) => n.opts);
  assert.deepEqual(note.opts.buttons.map((b) => b.title), ['Answer', 'Decline']);
  assert.match(note.opts.message, /\+49 30 901820/, 'the caller as the CRM finds them');
  assert.deepEqual([...new Set(ctx.api.calls.tabsSendMessage.map((s) => s.tabId))], [7]);
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'connected', direction: 'in', remote: '+4930901820', at: 1_001_000 });
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'ended', direction: 'in', remote: '+4930901820', reason: 'remote hangup', at: 1_061_000 });
  const { state } = await ctx.send({ type: 'get-state' }, POPUP);
  assert.equal(state.recent.length, 1);
  assert.deepEqual({ ...state.recent[0], at: 0 }, { remote: '+4930901820', direction: 'in', outcome: 'answered', at: 0, durationMs: 60000 });
  await ctx.send({ type: 'clear-history' }, POPUP);
  assert.deepEqual((await ctx.send({ type: 'get-state' }, POPUP)).state.recent, []);
});

test('recent calls switched off by policy are never stored', async () => {
  const ctx = await setup({ managed: { recentCalls: false } });
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'incoming', direction: 'in', remote: '+4930901820', at: 1 });
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'ended', direction: 'in', remote: '+4930901820', at: 2 });
  assert.equal(ctx.api.storage.local.data.recentCalls, undefined);
  assert.equal((await ctx.send({ type: 'set-setting', key: 'recentCalls', value: true }, POPUP)).ok, false);
});

test('hostile remote strings from the host are cleaned before reaching pages', async () => {
  const ctx = await setup({ local: { settings: { pageEventOrigins: ['https://crm.example.com'] } } });
  await ctx.send({ type: 'content-config' }, CRM);
  await ctx.hostMsg({ type: 'event', event: 'call', state: 'incoming', direction: 'in', remote: '<img src=x onerror=alert(1)>"', at: 1 });
  const detail = JSON.parse(ctx.api.calls.tabsSendMessage.at(-1).msg.detail);
  assert.doesNotMatch(detail.remote, /[<>"]/);
});

test('dialing rules from policy shape what the host receives', async () => {
  const ctx = await setup({ managed: { dialFormat: 'local', dialPrefix: '0', defaultCountry: 'DE' } });
  const reply = await ctx.send({ type: 'dial', target: 'tel:+49-30-901820', source: 'link' }, CRM);
  assert.equal(ctx.port().lastSent('dial').target, '0030901820');
  assert.equal(reply.text, 'Calling 0030901820');
});

test('the popup switch edits the deny list; a deny list locked by policy cannot be edited', async () => {
  const ctx = await setup();
  assert.equal((await ctx.send({ type: 'set-site-detection', hostname: 'News.Example', enabled: false }, POPUP)).ok, true);
  await ctx.controller.reloadSettings();
  assert.deepEqual(ctx.controller.settings.values.siteDenylist, ['news.example']);
  assert.equal((await ctx.send({ type: 'set-site-detection', hostname: 'news.example', enabled: true }, POPUP)).ok, true);
  await ctx.controller.reloadSettings();
  assert.deepEqual(ctx.controller.settings.values.siteDenylist, []);
  const locked = await setup({ managed: { siteDenylist: ['bank.example'] } });
  assert.equal((await locked.send({ type: 'set-site-detection', hostname: 'news.example', enabled: false }, POPUP)).ok, false);
});
