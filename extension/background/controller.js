// The background's behaviour: dial flow (validate, rules, confirm, rate limit), call control,
// call events fanned out to the badge, the notification, the popup and the right tabs.
// Browser listeners live in main.js; this class is what they call, so tests can drive it.
import { ext, t, readArea, writeArea } from '../shared/browser.js';
import { ERR, PUSH, okReply, errorReply, pageEventDetail } from '../shared/messages.js';
import { parseTarget, extractTarget } from '../shared/phone.js';
import { dialString } from '../shared/dial-rules.js';
import { loadSettings, homeCountry, countryInfo, localeCountry, detectionEnabledFor, originAllowed } from '../shared/settings.js';
import { CallStore } from './calls.js';
import { badgeFor, showBadge } from './badge.js';
import { showIncoming, clearIncoming } from './notifications.js';
import { readHistory, recordCall, entryForEndedCall, clearHistory, entryForFailedDial } from './history.js';
import { dialFailureText, SETUP_CODES } from './host-errors.js';

const DIAL_INTERVAL_MS = 1500; // at most one dial per tab in this time: stops click-storms
const CALL_CONTROL = ['answer', 'hangup', 'decline', 'hold', 'transfer', 'dtmf'];

function senderOrigin(sender) {
  if (typeof sender.origin === 'string' && sender.origin !== 'null') return sender.origin;
  try {
    return new URL(sender.url).origin;
  } catch {
    return null;
  }
}

export class Controller {
  constructor({ port, now = () => Date.now() }) {
    this.port = port;
    this.now = now;
    this.calls = new CallStore();
    this.settings = null;
    this.locale = 'en-US';
    this.lastDialAt = new Map(); // tabId → time
    this.pendingConfirm = new Map(); // id → dial request waiting for the user
    this.eventFrames = new Map(); // "tabId:frameId" → origin, for allow-listed pages
    this.ready = this.init();
  }

  async init() {
    try {
      this.locale = ext().i18n.getUILanguage?.() ?? this.locale;
    } catch {
      // keep the default
    }
    this.settings = await loadSettings();
    const saved = await readArea('session', ['calls', 'eventFrames', 'pendingConfirm']);
    if (saved.calls) this.calls = new CallStore(saved.calls);
    for (const [k, v] of Object.entries(saved.eventFrames ?? {})) this.eventFrames.set(k, v);
    for (const [k, v] of Object.entries(saved.pendingConfirm ?? {})) this.pendingConfirm.set(k, v);
  }

  reloadSettings() {
    // Kept as a promise: a content script that heard of the same change asks for its config
    // right away and must get the new values (e.g. the country just chosen in the popup).
    this.settingsLoad = (async () => {
      this.settings = await loadSettings();
      if (!this.settings.values.recentCalls) await clearHistory();
    })();
    return this.settingsLoad;
  }

  country() {
    return homeCountry(this.settings.values, this.locale);
  }

  persist() {
    return writeArea('session', {
      calls: this.calls.snapshot(),
      eventFrames: Object.fromEntries(this.eventFrames),
      pendingConfirm: Object.fromEntries(this.pendingConfirm),
    });
  }

  // ---- host connection -------------------------------------------------------------------

  async onHostStatus(status) {
    await this.ready; // the call store may still be loading from storage.session
    const reachable = status.state === 'connected';
    const { hostReachable } = await readArea('local', 'hostReachable');
    // Content scripts read this to decide synchronously whether a tel: click may fall through.
    if (hostReachable !== reachable) await writeArea('local', { hostReachable: reachable });
    if (reachable) {
      const reply = await this.port.request('status');
      if (reply.ok) {
        this.calls.applyStatus(reply);
        await this.persist();
      }
    }
    this.refreshViews();
  }

  hostView() {
    const s = this.port.status;
    return {
      state: s.state,
      error: s.error,
      code: s.code,
      fix: s.fixKey ? t(s.fixKey) : null,
      softphone: s.softphone,
      capabilities: s.capabilities,
      host: s.host,
      retryInMs: s.retryInMs ?? null,
      readiness: s.readiness ?? null,
      setupNeeded: s.state !== 'connected' && SETUP_CODES.includes(s.code),
    };
  }

  refreshViews() {
    showBadge(badgeFor(this.port.status, this.calls.call));
    this.broadcastState();
  }

  async broadcastState() {
    try {
      await ext().runtime.sendMessage({ type: PUSH.STATE, state: await this.stateView() });
    } catch {
      // no popup or options page open
    }
  }

  async stateView() {
    await this.ready;
    return {
      host: this.hostView(),
      call: this.calls.call,
      recent: this.settings.values.recentCalls ? await readHistory() : [],
      recentEnabled: this.settings.values.recentCalls,
      country: this.country(),
      countryInfo: { ...countryInfo(this.settings.values, this.settings.locked, this.locale), locked: this.settings.locked.includes('defaultCountry') },
      locale: this.locale,
      browserCountry: localeCountry(this.locale),
    };
  }

  // ---- dialing ---------------------------------------------------------------------------

  failure(code, key, subs, message) {
    return { ...errorReply(code, message ?? ''), text: t(key, subs) };
  }

  /** A dial request from a content script. `sender` comes from the browser, never the page. */
  async dialFromContent(msg, sender) {
    await this.ready;
    const origin = senderOrigin(sender);
    const tabId = sender.tab.id;
    const frameId = sender.frameId ?? 0;
    if (msg.source === 'page' && !originAllowed(origin, this.settings.values)) {
      return this.failure(ERR.NOT_ALLOWED, 'errorPageDialNotAllowed');
    }
    if (msg.source === 'text' && !detectionEnabledFor(sender.url, this.settings.values)) {
      return this.failure(ERR.NOT_ALLOWED, 'errorDetectionOff');
    }
    const last = this.lastDialAt.get(tabId) ?? -Infinity;
    if (this.now() - last < DIAL_INTERVAL_MS) return this.failure(ERR.RATE_LIMITED, 'errorRateLimited');
    this.lastDialAt.set(tabId, this.now());
    const parsed = parseTarget(msg.target, { country: this.country() });
    if (!parsed.ok) return this.failure(ERR.INVALID_TARGET, 'errorInvalidNumber');
    const needsUser = msg.source === 'page' && msg.activation !== true;
    return this.dialParsed(parsed, { tabId, frameId, origin, needsUser });
  }

  async dialFromUser(text, { tabId = null, frameId = 0, origin = null } = {}) {
    await this.ready;
    const parsed = extractTarget(text, { country: this.country() });
    if (!parsed.ok) return this.failure(ERR.INVALID_TARGET, 'errorInvalidNumber');
    return this.dialParsed(parsed, { tabId, frameId, origin, needsUser: false });
  }

  async dialParsed(parsed, context) {
    const { values } = this.settings;
    const premium = values.warnPremiumRate && parsed.premium;
    if (values.confirmBeforeDial || premium || context.needsUser) {
      return this.askConfirmation(parsed, context, premium);
    }
    return this.sendDial(parsed, context);
  }

  async sendDial(parsed, { tabId, frameId }) {
    if (this.port.status.state !== 'connected') {
      const host = this.hostView();
      const result = host.setupNeeded
        ? { ...this.failure(ERR.HOST_UNAVAILABLE, 'errorNotSetUp'), host, action: 'setup' }
        : { ...this.failure(ERR.HOST_UNAVAILABLE, 'errorHostUnavailable', [host.fix ?? '']), host, action: 'setup' };
      await this.recordFailedDial(parsed, result.text);
      return result;
    }
    const { values } = this.settings;
    const target = dialString(parsed, { dialFormat: values.dialFormat, dialPrefix: values.dialPrefix, homeCountry: this.country() });
    this.calls.noteDial({ tabId, frameId, dialed: target, at: this.now() });
    const reply = await this.port.request('dial', { target });
    if (!reply.ok) {
      const result = { ...this.hostFailure(reply, parsed.display), action: this.port.status.readiness?.ready === false ? 'setup' : undefined };
      await this.recordFailedDial(parsed, result.text);
      return result;
    }
    const dialed = typeof reply.dialed === 'string' ? reply.dialed : target;
    const extensionNote = parsed.ext ? ` ${t('callingExtension', [parsed.ext])}` : '';
    return okReply({ dialed, display: parsed.display, text: `${t('callingNumber', [dialed])}${extensionNote}` });
  }

  recordFailedDial(parsed, reason) {
    return recordCall(entryForFailedDial(parsed.target, reason, this.now()), this.settings.values.recentCalls).then(() => this.broadcastState());
  }

  hostFailure(reply, display = '') {
    const code = reply.error?.code ?? 'internal';
    const message = reply.error?.message ?? '';
    // The host's own reason says what is missing (e.g. baresip without a SIP domain).
    const withReason = dialFailureText(code, message, this.port.status.readiness);
    if (withReason) return { ...errorReply(code, message), text: withReason };
    switch (code) {
      case 'invalid_target': return this.failure(code, 'errorInvalidNumber', undefined, message);
      case 'softphone_unavailable': return this.failure(code, 'errorSoftphoneUnavailable', undefined, message);
      case 'busy': return this.failure(code, 'errorBusy', undefined, message);
      case 'forbidden': return this.failure(code, 'errorForbidden', undefined, message);
      case 'unknown_type':
      case 'unsupported': return this.failure(ERR.UNSUPPORTED, 'errorUnsupported', undefined, message);
      case 'no_call': return this.failure(code, 'errorNoCall', undefined, message);
      case 'timeout': return this.failure(code, 'errorTimeout', undefined, message);
      case 'host_unavailable': return this.failure(code, 'errorHostUnavailable', [this.hostView().fix ?? ''], message);
      default: return this.failure(code, 'errorInternal', [message || display], message);
    }
  }

  async askConfirmation(parsed, context, premium) {
    const id = `c${this.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const { phone, ...storable } = parsed; // the PhoneNumber object does not survive storage
    void phone;
    this.pendingConfirm.set(id, { parsed: storable, raw: parsed.target, context, premium, at: this.now() });
    await this.persist();
    try {
      await ext().windows.create({ url: ext().runtime.getURL(`confirm/confirm.html?id=${id}`), type: 'popup', width: 420, height: 300 });
    } catch {
      this.pendingConfirm.delete(id);
      return this.failure(ERR.CANCELLED, 'errorConfirmUnavailable');
    }
    return okReply({ pending: true, display: parsed.display, text: t('confirmPending', [parsed.display]) });
  }

  pendingView(id) {
    const p = this.pendingConfirm.get(id);
    if (!p) return errorReply(ERR.CANCELLED);
    return okReply({ display: p.parsed.display, premium: p.premium, type: p.parsed.type ?? null, origin: p.context.origin });
  }

  async confirmDial(id, accept) {
    await this.ready;
    const p = this.pendingConfirm.get(id);
    if (!p) return errorReply(ERR.CANCELLED);
    this.pendingConfirm.delete(id);
    await this.persist();
    if (!accept || this.now() - p.at > 120000) {
      this.toastTab(p.context, t('dialCancelled'), 'info');
      return errorReply(ERR.CANCELLED);
    }
    const parsed = parseTarget(p.raw, { country: this.country() }); // rebuild the number object
    if (!parsed.ok) return this.failure(ERR.INVALID_TARGET, 'errorInvalidNumber');
    const result = await this.sendDial(parsed, p.context);
    this.toastTab(p.context, result.text, result.ok ? 'info' : 'error');
    return result;
  }

  async toastTab(context, text, kind) {
    if (typeof context?.tabId !== 'number' || !text) return;
    try {
      await ext().tabs.sendMessage(context.tabId, { type: PUSH.TOAST, text, kind }, { frameId: context.frameId ?? 0 });
    } catch {
      // the tab is gone or has no content script
    }
  }

  // ---- call control from the popup -------------------------------------------------------

  async control(type, fields = {}) {
    await this.ready;
    if (!CALL_CONTROL.includes(type)) return errorReply(ERR.BAD_MESSAGE);
    if (this.port.status.state !== 'connected') return this.failure(ERR.HOST_UNAVAILABLE, 'errorHostUnavailable', [this.hostView().fix ?? '']);
    if (!this.port.supports(type)) return this.failure(ERR.UNSUPPORTED, 'errorUnsupported');
    let request = {};
    if (type === 'transfer') {
      const parsed = parseTarget(fields.target, { country: this.country() });
      if (!parsed.ok) return this.failure(ERR.INVALID_TARGET, 'errorInvalidNumber');
      const { values } = this.settings;
      request = { target: dialString(parsed, { dialFormat: values.dialFormat, dialPrefix: values.dialPrefix, homeCountry: this.country() }) };
    } else if (type === 'dtmf') {
      request = { digits: fields.digits };
    }
    const reply = await this.port.request(type, request);
    return reply.ok ? okReply() : this.hostFailure(reply);
  }

  // ---- host events -----------------------------------------------------------------------

  async onHostEvent(event) {
    await this.ready;
    if (event.event === 'softphone') {
      this.refreshViews();
      return;
    }
    const change = this.calls.apply(event);
    if (!change) return;
    const { call, previous } = change;
    await this.persist();
    this.refreshViews();
    const detail = JSON.stringify(pageEventDetail(call));
    if (call.origin && typeof call.origin.tabId === 'number') {
      this.sendToFrame(call.origin.tabId, call.origin.frameId, { type: PUSH.CALL, detail });
    }
    if (call.direction === 'in') {
      for (const key of this.eventFrames.keys()) {
        const [tabId, frameId] = key.split(':').map(Number);
        if (originAllowed(this.eventFrames.get(key), this.settings.values)) this.sendToFrame(tabId, frameId, { type: PUSH.CALL, detail });
      }
      if ((call.state === 'incoming' || call.state === 'ringing') && this.settings.values.notifyIncoming) await showIncoming(call);
    }
    if (call.state !== 'incoming' && !(call.state === 'ringing' && call.direction === 'in')) await clearIncoming();
    if ((call.state === 'ended' || call.state === 'busy') && previous && previous.state !== 'ended') {
      const entry = entryForEndedCall({ ...previous, remote: previous.remote ?? call.remote }, call.at);
      if (entry) await recordCall(entry, this.settings.values.recentCalls);
      this.broadcastState();
    }
  }

  async sendToFrame(tabId, frameId, message) {
    try {
      await ext().tabs.sendMessage(tabId, message, { frameId });
    } catch {
      this.eventFrames.delete(`${tabId}:${frameId}`);
    }
  }

  // ---- content scripts -------------------------------------------------------------------

  /** Effective settings for a content script, decided from the browser's sender. */
  async contentConfig(sender) {
    await this.ready;
    await this.settingsLoad;
    const { values } = this.settings;
    const origin = senderOrigin(sender);
    const pageEvents = originAllowed(origin, values);
    if (pageEvents) {
      this.eventFrames.set(`${sender.tab.id}:${sender.frameId ?? 0}`, origin);
      await this.persist();
    }
    const { hostReachable = false } = await readArea('local', 'hostReachable');
    return okReply({
      detect: detectionEnabledFor(sender.url, values),
      takeOverLinks: values.takeOverLinks,
      modifierClick: values.modifierClick,
      country: this.country(),
      pageEvents,
      hostReachable,
    });
  }

  forgetTab(tabId) {
    let changed = false;
    for (const key of [...this.eventFrames.keys()]) {
      if (key.startsWith(`${tabId}:`)) {
        this.eventFrames.delete(key);
        changed = true;
      }
    }
    this.lastDialAt.delete(tabId);
    if (changed) this.persist();
  }
}
