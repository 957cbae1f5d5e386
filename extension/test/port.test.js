import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HostPort, DEFAULT_CAPABILITIES } from '../background/port.js';
import { classifyHostError } from '../background/host-errors.js';
import { fakeNativePort, manualTimers, flush } from './fake-browser.js';

function setup({ connectError } = {}) {
  const timers = manualTimers();
  const ports = [];
  const statuses = [];
  const events = [];
  const host = new HostPort({
    connect: () => {
      if (connectError) throw new Error(connectError);
      const p = fakeNativePort();
      ports.push(p);
      return p;
    },
    client: { name: 'click2call-extension', version: '0.1.0', browser: 'chromium' },
    onStatus: (s) => statuses.push(s),
    onEvent: (e) => events.push(e),
    timers,
  });
  return { host, timers, ports, statuses, events, port: () => ports.at(-1) };
}

async function handshake(ctx, extra = {}) {
  ctx.host.connect();
  const hello = ctx.port().lastSent('hello');
  ctx.port().fromHost({ type: 'reply', id: hello.id, ok: true, protocol: 1, host: { version: '1.0.0' }, softphone: { kind: 'microsip', available: true }, ...extra });
  await flush();
}

test('hello handshake: client info sent, capabilities and softphone kept', async () => {
  const ctx = setup();
  await handshake(ctx, { capabilities: ['dial', 'hangup', 'hold'] });
  const hello = ctx.port().sent[0];
  assert.equal(hello.type, 'hello');
  assert.match(hello.id, /^.{1,64}$/);
  assert.deepEqual(hello.client, { name: 'click2call-extension', version: '0.1.0', browser: 'chromium' });
  assert.equal(ctx.host.status.state, 'connected');
  assert.deepEqual(ctx.host.status.capabilities, ['dial', 'hangup', 'hold']);
  assert.equal(ctx.host.supports('hold'), true);
  assert.equal(ctx.host.supports('transfer'), false);
  assert.deepEqual(ctx.host.status.softphone, { kind: 'microsip', available: true });
});

test('a host without capabilities in hello gets the protocol-v1 set', async () => {
  const ctx = setup();
  await handshake(ctx);
  assert.deepEqual(ctx.host.status.capabilities, DEFAULT_CAPABILITIES);
});

test('requests carry unique ids and resolve with the matching reply', async () => {
  const ctx = setup();
  await handshake(ctx);
  const a = ctx.host.request('dial', { target: '+4930901820' });
  const b = ctx.host.request('status');
  const [dial, status] = ctx.port().sent.slice(1);
  assert.notEqual(dial.id, status.id);
  ctx.port().fromHost({ type: 'reply', id: status.id, ok: true, call: null });
  ctx.port().fromHost({ type: 'reply', id: dial.id, ok: true, dialed: '+4930901820' });
  assert.equal((await a).dialed, '+4930901820');
  assert.equal((await b).call, null);
});

test('a request without a reply times out and the port stays usable', async () => {
  const ctx = setup();
  await handshake(ctx);
  const pending = ctx.host.request('hangup', {}, 1000);
  ctx.timers.advance(1000);
  assert.equal((await pending).error.code, 'timeout');
  assert.equal(ctx.host.status.state, 'connected');
});

test('Chromium "host not found": real text kept, fix chosen, reconnect with growing backoff', async () => {
  const ctx = setup();
  ctx.host.connect();
  const pending = ctx.host.request('status');
  ctx.port().fail('Specified native messaging host not found.');
  assert.equal((await pending).error.code, 'host_unavailable', 'pending requests fail at once');
  assert.equal(ctx.host.status.state, 'disconnected');
  assert.equal(ctx.host.status.error, 'Specified native messaging host not found.');
  assert.equal(ctx.host.status.code, 'not_installed');
  const delays = [];
  for (let i = 0; i < 7; i += 1) {
    delays.push(ctx.timers.nextDelay());
    ctx.timers.advance(ctx.timers.nextDelay());
    ctx.port().fail('Specified native messaging host not found.');
  }
  assert.deepEqual(delays, [500, 1000, 2000, 5000, 10000, 30000, 30000]);
  assert.equal(ctx.ports.length, 8);
});

test('Chromium reports the error via runtime.lastError', async () => {
  const timers = manualTimers();
  let lastError;
  let port;
  const host = new HostPort({ connect: () => (port = fakeNativePort()), lastError: () => lastError, client: {}, timers });
  host.connect();
  lastError = 'Access to the specified native messaging host is forbidden.';
  port.disconnected = true;
  port.onDisconnect.fire({}); // Chromium: no port.error
  assert.equal(host.status.code, 'forbidden');
  assert.equal(host.status.error, lastError);
});

test('backoff resets after a successful handshake; "host has exited" reconnects', async () => {
  const ctx = setup();
  await handshake(ctx);
  ctx.port().fail('Native host has exited.');
  assert.equal(ctx.host.status.code, 'exited');
  assert.equal(ctx.timers.nextDelay(), 500);
  ctx.timers.advance(500);
  const hello = ctx.port().lastSent('hello');
  ctx.port().fromHost({ type: 'reply', id: hello.id, ok: true, protocol: 1 });
  await flush();
  assert.equal(ctx.host.status.state, 'connected');
  ctx.port().fail('Native host has exited.');
  assert.equal(ctx.timers.nextDelay(), 500);
});

test('a host that never answers hello is dropped and retried', async () => {
  const ctx = setup();
  ctx.host.connect();
  ctx.timers.advance(5000);
  await flush();
  assert.equal(ctx.host.status.state, 'disconnected');
  assert.equal(ctx.ports[0].disconnected, true);
  assert.equal(ctx.timers.pendingCount, 1, 'one reconnect scheduled');
});

test('connectNative throwing (Firefox without permission) is a disconnect, not a crash', () => {
  const ctx = setup({ connectError: 'No such native application click2call.host' });
  ctx.host.connect();
  assert.equal(ctx.host.status.code, 'not_installed');
  assert.equal(ctx.timers.pendingCount, 1);
});

test('events are passed on; softphone events update availability', async () => {
  const ctx = setup();
  await handshake(ctx);
  ctx.port().fromHost({ type: 'event', event: 'softphone', kind: 'microsip', available: false });
  ctx.port().fromHost({ type: 'event', event: 'call', state: 'ringing', direction: 'out', remote: '+1', at: 1 });
  assert.equal(ctx.host.status.softphone.available, false);
  assert.deepEqual(ctx.events.map((e) => e.event), ['softphone', 'call']);
});

test('a softphone event keeps the registration it carries', async () => {
  const ctx = setup();
  await handshake(ctx);
  const registration = { state: 'failed', reason: '403 Forbidden', at: 5 };
  ctx.port().fromHost({ type: 'event', event: 'softphone', kind: 'baresip', available: true, registration });
  assert.deepEqual(ctx.host.status.softphone, { kind: 'baresip', available: true, registration });
  ctx.port().fromHost({ type: 'event', event: 'softphone', kind: 'baresip', available: false });
  assert.equal(ctx.host.status.softphone.registration, null);
});

test('reconnectNow drops the backoff and connects at once', () => {
  const ctx = setup();
  ctx.host.connect();
  ctx.port().fail('Native host has exited.');
  ctx.timers.advance(500);
  ctx.port().fail('Native host has exited.');
  ctx.host.reconnectNow();
  assert.equal(ctx.ports.length, 3);
  assert.equal(ctx.host.status.state, 'connecting');
});

test('browser error strings map to fixes', () => {
  assert.equal(classifyHostError('Specified native messaging host not found.').code, 'not_installed');
  assert.equal(classifyHostError('No such native application click2call.host').code, 'not_installed');
  assert.equal(classifyHostError('Access to the specified native messaging host is forbidden.').code, 'forbidden');
  assert.equal(classifyHostError('Native host has exited.').code, 'exited');
  assert.equal(classifyHostError('Failed to start native messaging host.').code, 'failed_start');
  assert.equal(classifyHostError('Error when communicating with the native messaging host.').code, 'error');
});

test('readiness: taken from hello, refreshed with status after a softphone event, malformed ignored', async () => {
  const ctx = setup();
  await handshake(ctx, { readiness: { ready: false, code: 'needs_domain', message: 'set "domain"' } });
  assert.deepEqual(ctx.host.status.readiness, { ready: false, code: 'needs_domain', message: 'set "domain"' });
  ctx.port().fromHost({ type: 'event', event: 'softphone', kind: 'baresip', available: true, registration: null });
  const status = ctx.port().lastSent('status');
  assert.ok(status, 'a softphone event makes the port ask status again');
  ctx.port().fromHost({ type: 'reply', id: status.id, ok: true, softphone: { kind: 'baresip', available: true }, readiness: { ready: true, code: 'ready', message: null }, call: null });
  await flush();
  assert.deepEqual(ctx.host.status.readiness, { ready: true, code: 'ready', message: null });
  const other = setup();
  await handshake(other, { readiness: { ready: 'yes', code: 7 } });
  assert.equal(other.host.status.readiness, null, 'an older or odd host: the UI falls back to available');
});
