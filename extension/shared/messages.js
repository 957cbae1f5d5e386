// The one message schema inside the extension. Background, content scripts, popup, options
// and the confirm page import it; the background validates every incoming message against it,
// because a content script runs next to untrusted pages and can be forged by a compromised
// renderer. The page origin is never taken from a message: the background uses `sender`.

/** Requests to the background (runtime.sendMessage). */
export const REQ = {
  // allowed from content scripts
  DIAL: 'dial', // {target, source: 'link'|'text'|'page', activation?: boolean}
  CONTENT_CONFIG: 'content-config', // {} → effective settings for the sender's page
  OPEN_SETUP: 'open-setup', // {} → opens (or focuses) the setup page; content and pages
  DOCUMENT_GONE: 'document-gone', // {} the sender's document is being unloaded (pagehide)
  // extension pages only (popup, options, confirm)
  GET_STATE: 'get-state',
  POPUP_DIAL: 'popup-dial', // {target}
  ANSWER: 'answer',
  HANGUP: 'hangup',
  DECLINE: 'decline',
  HOLD: 'hold',
  TRANSFER: 'transfer', // {target}
  DTMF: 'dtmf', // {digits}
  RECONNECT: 'reconnect',
  CLEAR_HISTORY: 'clear-history',
  SET_SETTING: 'set-setting', // {key, value}
  SET_SITE_DETECTION: 'set-site-detection', // {hostname, enabled}
  PENDING_DIAL: 'pending-dial', // {id} → the dial waiting for confirmation
  CONFIRM_DIAL: 'confirm-dial', // {id, accept}
  OPEN_RECORD: 'open-record', // {} open the current caller's CRM record (screen-pop on demand)
};

/** Pushes from the background (tabs.sendMessage to content, runtime.sendMessage to pages). */
export const PUSH = {
  STATE: 'state', // {state} to extension pages
  CALL: 'call', // {detail, origin} to one document: a click2call:call page event
  TOAST: 'toast', // {text, kind: 'info'|'error'} to a content script
  GET_SELECTION: 'get-selection', // → {text}
  GET_PAGE: 'get-page', // → {url} of the tab's top frame, for the popup's per-site switch
};

/** Error codes inside the extension; the host's codes pass through unchanged. */
export const ERR = {
  BAD_MESSAGE: 'bad_message',
  NOT_ALLOWED: 'not_allowed',
  INVALID_TARGET: 'invalid_target',
  HOST_UNAVAILABLE: 'host_unavailable',
  TIMEOUT: 'timeout',
  RATE_LIMITED: 'rate_limited',
  CANCELLED: 'cancelled',
  UNSUPPORTED: 'unsupported',
  NO_CALL: 'no_call',
  BUSY: 'busy',
  SOFTPHONE_UNAVAILABLE: 'softphone_unavailable',
};

const str = (max) => (v) => typeof v === 'string' && v.length >= 1 && v.length <= max;
const bool = (v) => typeof v === 'boolean';
const optional = (check) => (v) => v === undefined || check(v);
const oneOf = (...values) => (v) => values.includes(v);

const CONTENT = 'content';
const PAGE = 'extension';

// type → who may send it and what fields it must carry.
const SCHEMA = {
  [REQ.DIAL]: { from: [CONTENT], fields: { target: str(256), source: oneOf('link', 'text', 'page'), activation: optional(bool) } },
  [REQ.CONTENT_CONFIG]: { from: [CONTENT], fields: {} },
  [REQ.OPEN_SETUP]: { from: [CONTENT, PAGE], fields: {} },
  [REQ.DOCUMENT_GONE]: { from: [CONTENT], fields: {} },
  [REQ.GET_STATE]: { from: [PAGE], fields: {} },
  [REQ.POPUP_DIAL]: { from: [PAGE], fields: { target: str(256) } },
  [REQ.ANSWER]: { from: [PAGE], fields: {} },
  [REQ.HANGUP]: { from: [PAGE], fields: {} },
  [REQ.DECLINE]: { from: [PAGE], fields: {} },
  [REQ.HOLD]: { from: [PAGE], fields: {} },
  [REQ.TRANSFER]: { from: [PAGE], fields: { target: str(256) } },
  [REQ.DTMF]: { from: [PAGE], fields: { digits: (v) => typeof v === 'string' && /^[0-9*#]{1,32}$/.test(v) } },
  [REQ.RECONNECT]: { from: [PAGE], fields: {} },
  [REQ.CLEAR_HISTORY]: { from: [PAGE], fields: {} },
  [REQ.SET_SETTING]: { from: [PAGE], fields: { key: str(64), value: () => true } },
  [REQ.SET_SITE_DETECTION]: { from: [PAGE], fields: { hostname: str(253), enabled: bool } },
  [REQ.PENDING_DIAL]: { from: [PAGE], fields: { id: str(64) } },
  [REQ.CONFIRM_DIAL]: { from: [PAGE], fields: { id: str(64), accept: bool } },
  [REQ.OPEN_RECORD]: { from: [PAGE], fields: {} },
};

/**
 * Who sent this? 'extension' for our own pages, 'content' for our content scripts in a tab,
 * null for anything else (other extensions, web pages via externally_connectable).
 */
export function senderKind(sender, { id, baseUrl }) {
  if (!sender || sender.id !== id) return null;
  if (typeof sender.url === 'string' && sender.url.startsWith(baseUrl)) return PAGE;
  if (sender.tab && typeof sender.tab.id === 'number') return CONTENT;
  return null;
}

/** Check a request against the schema. Returns {ok, message} with only the known fields kept. */
export function validateRequest(message, kind) {
  if (!message || typeof message !== 'object' || Array.isArray(message)) return { ok: false, code: ERR.BAD_MESSAGE };
  const spec = Object.hasOwn(SCHEMA, message.type) ? SCHEMA[message.type] : null;
  if (!spec) return { ok: false, code: ERR.BAD_MESSAGE };
  if (!spec.from.includes(kind)) return { ok: false, code: ERR.NOT_ALLOWED };
  const clean = { type: message.type };
  for (const [name, check] of Object.entries(spec.fields)) {
    if (!check(message[name])) return { ok: false, code: ERR.BAD_MESSAGE, field: name };
    if (message[name] !== undefined) clean[name] = message[name];
  }
  return { ok: true, message: clean };
}

export function okReply(fields = {}) {
  return { ok: true, ...fields };
}

export function errorReply(code, message = '') {
  return { ok: false, error: { code, message } };
}

/** Call states from the host protocol, plus the page-event payload shape. */
export const CALL_STATES = ['dialing', 'incoming', 'ringing', 'connected', 'ended', 'busy'];

/** The detail of a click2call:call page event (serialised to a JSON string). */
export function pageEventDetail(call) {
  return {
    version: 1,
    state: call.state,
    direction: call.direction ?? null,
    remote: call.remote ?? null,
    callId: call.callId ?? null,
    onHold: Boolean(call.onHold),
    reason: call.reason ?? null,
    at: call.at ?? Date.now(),
  };
}
