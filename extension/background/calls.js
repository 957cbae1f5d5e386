// The current call as the host reports it, plus which document started it (so only that
// document gets its page events). Pure state: no browser APIs here, the controller persists and
// broadcasts. A dial binds only the outgoing call that matches it (same call id, or the remote
// party is the dialed target); a failed dial binds nothing, and an incoming call never
// inherits the binding of the call that was up before it.
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

const digitsOf = (text) => String(text ?? '').replace(/[^0-9]/g, '');

/** The user part (and host) of a SIP URI, or the string itself. */
function partyOf(remote) {
  const m = /^sips?:([^@;>]+)(?:@([^;>:]+))?/i.exec(String(remote ?? '').trim());
  return m ? { user: m[1], host: m[2]?.toLowerCase() ?? null } : { user: String(remote ?? ''), host: null };
}

/** Is this call event the call a dial of `dialed` started? */
export function remoteMatchesDial(remote, dialed) {
  if (typeof remote !== 'string' || typeof dialed !== 'string') return false;
  const want = partyOf(dialed);
  const got = partyOf(remote);
  const wantDigits = digitsOf(want.user);
  if (/^\+?[0-9]{3,}$/.test(want.user) && wantDigits === digitsOf(got.user) && /^\+?[0-9]+$/.test(got.user)) return true;
  if (want.host) return want.user.toLowerCase() === got.user.toLowerCase() && want.host === got.host;
  return want.user.toLowerCase() === got.user.toLowerCase();
}

export class CallStore {
  constructor(initial = {}) {
    this.call = initial.call ?? null; // {state, direction, remote, callId, onHold, since, origin}
    this.pendingDial = initial.pendingDial ?? null; // {tabId, frameId, documentId, origin, dialed, callId, at}
  }

  snapshot() {
    return { call: this.call, pendingDial: this.pendingDial };
  }

  noteDial({ tabId = null, frameId = 0, documentId = null, origin = null, dialed, at = Date.now() }) {
    this.pendingDial = { tabId, frameId, documentId, origin, dialed, callId: null, at };
  }

  /** The host accepted the dial; its reply may name the call. */
  dialAccepted(dialed, callId) {
    if (this.pendingDial?.dialed !== dialed) return;
    if (typeof callId === 'string' && callId) this.pendingDial.callId = callId;
    if (typeof dialed === 'string' && dialed) this.pendingDial.dialed = dialed;
  }

  /** The dial failed: nothing it asked for will happen, so nothing may bind to it later. */
  dropDial(dialed) {
    if (!this.pendingDial || (dialed !== undefined && this.pendingDial.dialed !== dialed)) return;
    this.pendingDial = null;
  }

  bindsToDial(next) {
    const p = this.pendingDial;
    if (!p || next.direction !== 'out' || next.at - p.at > ORIGIN_WINDOW_MS) return false;
    if (p.callId && next.callId) return p.callId === next.callId;
    return remoteMatchesDial(next.remote, p.dialed);
  }

  /** Apply a host call event. Returns {call, previous, origin} describing the change. */
  apply(event) {
    const next = normaliseCallEvent(event);
    if (!next) return null;
    const previous = this.call;
    const sameCall = previous && previous.state !== 'ended' && previous.state !== 'busy'
      && (next.callId === null || previous.callId === null || previous.callId === next.callId)
      && (next.direction === null || previous.direction === null || previous.direction === next.direction)
      && !(next.state === 'incoming' && previous.state !== 'incoming');
    let origin = sameCall ? previous.origin : null;
    if (!origin && this.bindsToDial(next)) {
      const { tabId, frameId, documentId, origin: pageOrigin } = this.pendingDial;
      origin = { tabId, frameId, documentId: documentId ?? null, origin: pageOrigin ?? null };
      this.pendingDial = null;
    }
    if (next.direction === 'in') origin = null; // an incoming call belongs to no dialing page
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
