// The one native port to the host: connect, hello handshake, requests with ids and timeouts,
// reconnect with backoff. Knows nothing about calls or the UI; it reports through callbacks.
import { classifyHostError } from './host-errors.js';

export const HOST_NAME = 'click2call.host';
export const DEFAULT_CAPABILITIES = ['dial', 'answer', 'hangup', 'status'];
const BACKOFF_MS = [500, 1000, 2000, 5000, 10000, 30000];
const REQUEST_TIMEOUT_MS = 10000;
const HELLO_TIMEOUT_MS = 5000;

/**
 * The host's `readiness` (can a clicked number be dialed now), checked field by field; null when
 * the host does not send it (an older host), so the UI falls back to `softphone.available`.
 * The message is shown as text only.
 */
export function readinessOf(raw) {
  if (!raw || typeof raw !== 'object' || typeof raw.ready !== 'boolean' || typeof raw.code !== 'string') return null;
  return {
    ready: raw.ready,
    code: raw.code.slice(0, 40),
    message: typeof raw.message === 'string' ? raw.message.slice(0, 600) : null,
  };
}

export class HostPort {
  /**
   * @param {object} deps
   * @param {() => object} deps.connect  opens a native port (runtime.connectNative(HOST_NAME))
   * @param {() => string|undefined} deps.lastError  runtime.lastError?.message (Chromium)
   * @param {object} deps.client  sent in hello
   * @param {(status: object) => void} deps.onStatus  connection status changed
   * @param {(event: object) => void} deps.onEvent  unsolicited host event
   */
  constructor({ connect, lastError = () => undefined, client, onStatus = () => {}, onEvent = () => {}, timers = globalThis }) {
    this.connectFn = connect;
    this.lastError = lastError;
    this.client = client;
    this.onStatus = onStatus;
    this.onEvent = onEvent;
    this.timers = timers;
    this.port = null;
    this.pending = new Map();
    this.nextId = 1;
    this.attempt = 0;
    this.retryTimer = null;
    this.status = { state: 'disconnected', error: null, code: null, fixKey: null, host: null, softphone: null, capabilities: [], readiness: null };
  }

  setStatus(patch) {
    this.status = { ...this.status, ...patch };
    this.onStatus(this.status);
  }

  connect() {
    if (this.port) return;
    this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.setStatus({ state: 'connecting' });
    let port;
    try {
      port = this.connectFn();
    } catch (err) {
      this.handleDisconnect(null, err?.message ?? String(err));
      return;
    }
    this.port = port;
    port.onMessage.addListener((msg) => this.handleMessage(msg));
    port.onDisconnect.addListener((p) => this.handleDisconnect(port, p?.error?.message ?? this.lastError()));
    this.hello();
  }

  async hello() {
    const port = this.port;
    const reply = await this.request('hello', { client: this.client }, HELLO_TIMEOUT_MS);
    if (this.port !== port) return; // that port is gone already; its disconnect was handled
    if (!reply.ok) {
      // A host that does not answer hello is unusable; drop the port and try again later.
      if (reply.error?.code === 'timeout' || reply.error?.code === 'host_unavailable') {
        this.dropPort(reply.error.message || 'The host did not answer.');
        return;
      }
    }
    this.attempt = 0;
    const capabilities = reply.ok && Array.isArray(reply.capabilities) ? reply.capabilities.filter((c) => typeof c === 'string') : DEFAULT_CAPABILITIES;
    this.setStatus({
      state: 'connected', error: null, code: null, fixKey: null,
      protocol: reply.protocol ?? null, host: reply.host ?? null, softphone: reply.softphone ?? null, capabilities,
      readiness: reply.ok ? readinessOf(reply.readiness) : null,
    });
  }

  handleMessage(msg) {
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'reply') {
      const entry = this.pending.get(msg.id);
      if (!entry) return;
      this.pending.delete(msg.id);
      this.timers.clearTimeout(entry.timer);
      entry.resolve(msg);
    } else if (msg.type === 'event') {
      if (msg.event === 'softphone' && typeof msg.available === 'boolean') {
        this.setStatus({ softphone: { kind: msg.kind ?? null, available: msg.available, registration: msg.registration ?? null } });
        this.refreshReadiness(); // the event does not carry it; status does
      }
      this.onEvent(msg);
    }
  }

  /** Ask the host again whether it can dial (after a softphone change). */
  async refreshReadiness() {
    const port = this.port;
    const reply = await this.request('status');
    if (reply.ok && this.port === port && this.status.state === 'connected') {
      const readiness = readinessOf(reply.readiness);
      if (JSON.stringify(readiness) !== JSON.stringify(this.status.readiness)) this.setStatus({ readiness });
    }
  }

  /** Send a request; always resolves with a reply object ({ok:true,...} or {ok:false,error}). */
  request(type, fields = {}, timeoutMs = REQUEST_TIMEOUT_MS) {
    if (!this.port) {
      return Promise.resolve({ ok: false, error: { code: 'host_unavailable', message: this.status.error ?? '' } });
    }
    const id = String(this.nextId++);
    return new Promise((resolve) => {
      const timer = this.timers.setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, error: { code: 'timeout', message: `No reply to ${type}` } });
      }, timeoutMs);
      this.pending.set(id, { resolve, timer });
      try {
        this.port.postMessage({ ...fields, type, id });
      } catch (err) {
        this.pending.delete(id);
        this.timers.clearTimeout(timer);
        resolve({ ok: false, error: { code: 'host_unavailable', message: err?.message ?? String(err) } });
      }
    });
  }

  dropPort(message) {
    const port = this.port;
    try {
      port?.disconnect();
    } catch {
      // already gone
    }
    this.handleDisconnect(port, message);
  }

  handleDisconnect(port, message) {
    if (port && port !== this.port) return;
    this.port = null;
    for (const [, entry] of this.pending) {
      this.timers.clearTimeout(entry.timer);
      entry.resolve({ ok: false, error: { code: 'host_unavailable', message: message ?? '' } });
    }
    this.pending.clear();
    const error = message || 'Native host has exited.';
    const { code, fixKey } = classifyHostError(error);
    this.setStatus({ state: 'disconnected', error, code, fixKey, capabilities: [], readiness: null });
    this.scheduleReconnect();
  }

  scheduleReconnect() {
    const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt += 1;
    this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
    this.setStatus({ retryInMs: delay });
  }

  /** Reconnect now (the user pressed Retry). */
  reconnectNow() {
    this.attempt = 0;
    if (this.port) this.dropPort('Reconnecting');
    this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.connect();
  }

  supports(type) {
    return this.status.state === 'connected' && this.status.capabilities.includes(type);
  }
}
