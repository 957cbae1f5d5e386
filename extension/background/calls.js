// The current call as the host reports it, plus which tab started it (so only that tab gets
// its page events). Pure state: no browser APIs here, the router persists and broadcasts.
import { CALL_STATES } from '../shared/messages.js';

const ORIGIN_WINDOW_MS = 30000; // a dial binds the next outgoing call that starts within this time
const REMOTE_MAX = 128;

function cleanRemote(remote) {
  if (typeof remote !== 'string') return null;
  // Host data can carry caller-chosen SIP user parts: keep it short and printable.
  const printable = remote.replace(/[^\p{L}\p{N} +*#@._:()-]/gu, '').slice(0, REMOTE_MAX);
  return printable || null;
}

export function normaliseCallEvent(event) {
  if (!event || event.event !== 'call' || !CALL_STATES.includes(event.state)) return null;
  return {
    state: event.state,
    direction: event.direction === 'in' || event.direction === 'out' ? event.direction : null,
    remote: cleanRemote(event.remote),
    callId: typeof event.callId === 'string' ? event.callId.slice(0, 128) : null,
    onHold: event.onHold === true,
    reason: typeof event.reason === 'string' ? event.reason.slice(0, 200) : null,
    at: Number.isFinite(event.at) ? event.at : Date.now(),
  };
}

export class CallStore {
  constructor(initial = {}) {
    this.call = initial.call ?? null; // {state, direction, remote, callId, onHold, since, origin}
    this.pendingDial = initial.pendingDial ?? null; // {tabId, frameId, dialed, at}
  }

  snapshot() {
    return { call: this.call, pendingDial: this.pendingDial };
  }

  noteDial({ tabId = null, frameId = 0, dialed, at = Date.now() }) {
    this.pendingDial = { tabId, frameId, dialed, at };
  }

  /** Apply a host call event. Returns {call, previous, origin} describing the change. */
  apply(event) {
    const next = normaliseCallEvent(event);
    if (!next) return null;
    const previous = this.call;
    const sameCall = previous && previous.state !== 'ended' && previous.state !== 'busy'
      && (next.callId === null || previous.callId === null || previous.callId === next.callId);
    let origin = sameCall ? previous.origin : null;
    if (!origin && next.direction === 'out' && this.pendingDial && next.at - this.pendingDial.at <= ORIGIN_WINDOW_MS) {
      origin = { tabId: this.pendingDial.tabId, frameId: this.pendingDial.frameId };
      this.pendingDial = null;
    }
    const since = next.state === 'connected'
      ? (sameCall && previous.state === 'connected' ? previous.since : next.at)
      : (sameCall ? previous.since ?? null : null);
    this.call = {
      ...next,
      callId: next.callId ?? (sameCall ? previous.callId : null),
      remote: next.remote ?? (sameCall ? previous.remote : null),
      direction: next.direction ?? (sameCall ? previous.direction : null),
      since,
      startedAt: sameCall ? previous.startedAt : next.at,
      origin,
    };
    return { call: this.call, previous, origin };
  }

  /** Adopt the host's status reply (e.g. after a reconnect). */
  applyStatus(status) {
    const c = status?.call;
    if (!c) {
      if (this.call && this.call.state !== 'ended') this.call = { ...this.call, state: 'ended', reason: 'host_status' };
      return;
    }
    this.apply({ event: 'call', state: c.state, direction: c.direction, remote: c.remote, callId: c.callId, onHold: c.onHold, at: Date.now() });
    if (this.call && Number.isFinite(c.since)) this.call.since = c.since;
  }

  isActive() {
    return Boolean(this.call) && !['ended', 'busy'].includes(this.call.state);
  }
}
