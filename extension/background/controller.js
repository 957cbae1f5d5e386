// The background's behaviour: dial flow (validate, rules, confirm, rate limit), call control,
// call events fanned out to the badge, the notification, the popup and the right tabs.
// Browser listeners live in main.js; this class is what they call, so tests can drive it.
import { ext, t, readArea, writeArea } from '../shared/browser.js';
import { ERR, PUSH, okReply, errorReply, pageEventDetail } from '../shared/messages.js';
import { parseTarget, extractTarget } from '../shared/phone.js';
import { dialString } from '../shared/dial-rules.js';
import { loadSettings, homeCountry, countryInfo, localeCountry, detectionEnabledFor, originAllowed } from '../shared/settings.js';
import { CallStore } from './calls.js';
import { DocumentRegistry, senderOrigin, documentKey } from './documents.js';
import { deliverCallEvent } from './page-events.js';
import { PendingConfirmations } from './confirmations.js';
import { withSipPremium } from './premium.js';
import { ScreenPop } from './screen-pop.js';
import { badgeFor, showBadge } from './badge.js';
import { showIncoming, clearIncoming } from './notifications.js';
import { readHistory, recordCall, entryForEndedCall, clearHistory, entryForFailedDial } from './history.js';
import { dialFailureText, SETUP_CODES } from './host-errors.js';

const DIAL_INTERVAL_MS = 1500; // at most one dial per tab in this time: stops click-storms
const CALL_CONTROL = ['answer', 'hangup', 'decline', 'hold', 'transfer', 'dtmf'];

export class Controller {
  constructor({ port, now = () => Date.now() }) {
    this.port = port;
    this.now = now;
    this.calls = new CallStore();
    this.settings = null;
    this.locale = 'en-US';
    this.lastDialAt = new Map(); // tabId → time
    this.confirmations = new PendingConfirmations({ now });
    this.documents = new DocumentRegistry();
    this.screenPop = new ScreenPop({ documents: this.documents });
    this.ready = this.init();
  }

  async init() {
    try {
      this.locale = ext().i18n.getUILanguage?.() ?? this.locale;
    } catch {
      // keep the default
    }
    this.settings = await loadSettings();
    const saved = await readArea('session', ['calls', 'documents', 'pendingConfirm', 'screenPop']);
    if (saved.calls) this.calls = new CallStore(saved.calls);
    this.documents.docs = new DocumentRegistry(saved.documents ?? {}).docs;
    this.confirmations.restore(saved.pendingConfirm);
    this.screenPop.restore(saved.screenPop);
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
      documents: this.documents.snapshot(),
      pendingConfirm: this.confirmations.snapshot(),
      screenPop: this.screenPop.snapshot(),
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
      caller: this.screenPop.view(this.calls.call, this.settings.values, this.country()),
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
    const origin = senderOrigin(sender); // null for opaque origins: never allow-listed
    const tabId = sender.tab.id;
    const frameId = sender.frameId ?? 0;
    const documentId = documentKey(sender);
    this.documents.touch(sender, this.now()); // the call it starts is addressed to this document
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
    return this.dialParsed(parsed, { tabId, frameId, documentId, origin, needsUser });
  }

  async dialFromUser(text, { tabId = null, frameId = 0, origin = null } = {}) {
    await this.ready;
    const parsed = extractTarget(text, { country: this.country() });
    if (!parsed.ok) return this.failure(ERR.INVALID_TARGET, 'errorInvalidNumber');
    return this.dialParsed(parsed, { tabId, frameId, origin, needsUser: false });
  }

  async dialParsed(rawParsed, context) {
    const { values } = this.settings;
    const parsed = withSipPremium(rawParsed, this.country()); // sip:+1900…@pbx is premium too
    const premium = values.warnPremiumRate && parsed.premium;
    if (values.confirmBeforeDial || premium || context.needsUser) {
      return this.askConfirmation(parsed, context, premium);
    }
    return this.sendDial(parsed, context);
  }

  async sendDial(parsed, context) {
    const { tabId, frameId, documentId = null, origin = null } = context;
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
    this.calls.noteDial({ tabId, frameId, documentId, origin, dialed: target, at: this.now() });
    const reply = await this.port.request('dial', context.foreignHost ? { target, confirmForeignHost: true } : { target });
    if (!reply.ok && reply.error?.code === 'foreign_host' && !context.foreignHost) {
      // The host's SIP account would answer this server's login challenge: the user decides.
      this.calls.dropDial(target);
      return this.askConfirmation(parsed, { ...context, foreignHost: true }, false);
    }
    if (!reply.ok) {
      this.calls.dropDial(target); // a failed dial must not bind a later, unrelated call
      const result = { ...this.hostFailure(reply, parsed.display), action: this.port.status.readiness?.ready === false ? 'setup' : undefined };
      await this.recordFailedDial(parsed, result.text);
      await this.persist();
      return result;
    }
    const dialed = typeof reply.dialed === 'string' ? reply.dialed : target;
    this.calls.dialAccepted(target, reply.callId);
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
    // One confirmation per tab at a time: a page cannot stack up windows.
    const open = this.confirmations.openFor(context.tabId);
    if (open) {
      this.confirmations.focus(open);
      return this.failure(ERR.RATE_LIMITED, 'confirmAlreadyOpen');
    }
    const id = `c${this.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const { phone, ...storable } = parsed; // the PhoneNumber object does not survive storage
    void phone;
    this.confirmations.add(id, { parsed: storable, raw: parsed.target, context, premium, at: this.now() });
    await this.persist();
    try {
      const win = await ext().windows.create({ url: ext().runtime.getURL(`confirm/confirm.html?id=${id}`), type: 'popup', width: 420, height: 300 });
      this.confirmations.setWindow(id, win?.id);
      await this.persist();
    } catch {
      this.confirmations.take(id);
      await this.persist();
      return this.failure(ERR.CANCELLED, 'errorConfirmUnavailable');
    }
    return okReply({ pending: true, display: parsed.display, text: t('confirmPending', [parsed.display]) });
  }

  pendingView(id) {
    const p = this.confirmations.get(id);
    if (!p) return errorReply(ERR.CANCELLED);
    return okReply({ display: p.parsed.display, premium: p.premium, foreignHost: p.context.foreignHost === true, type: p.parsed.type ?? null, origin: p.context.origin });
  }

  async confirmDial(id, accept) {
    await this.ready;
    const p = this.confirmations.take(id);
    if (!p) return errorReply(ERR.CANCELLED);
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

  /** The confirm window was closed without an answer (e.g. by the window manager). */
  async onWindowRemoved(windowId) {
    await this.ready;
    const id = this.confirmations.idForWindow(windowId);
    if (id) await this.confirmDial(id, false);
  }

  async toastTab(context, text, kind) {
    if (typeof context?.tabId !== 'number' || !text) return;
    try {
      // Addressed to the document that asked, so a tab that moved on gets nothing.
      const target = context.documentId ? { documentId: context.documentId } : { frameId: context.frameId ?? 0 };
      await ext().tabs.sendMessage(context.tabId, { type: PUSH.TOAST, text, kind }, target);
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
    if (await deliverCallEvent({ call, detail, documents: this.documents, values: this.settings.values })) await this.persist();
    if (call.direction === 'in') {
      const caller = this.screenPop.view(call, this.settings.values, this.country());
      if ((call.state === 'incoming' || call.state === 'ringing') && this.settings.values.notifyIncoming) await showIncoming(call, caller);
      if (await this.screenPop.onCall(call, this.settings.values, this.country())) await this.persist();
    }
    if (call.state !== 'incoming' && !(call.state === 'ringing' && call.direction === 'in')) await clearIncoming();
    if ((call.state === 'ended' || call.state === 'busy') && previous && previous.state !== 'ended') {
      const entry = entryForEndedCall({ ...previous, remote: previous.remote ?? call.remote }, call.at);
      if (entry) await recordCall(entry, this.settings.values.recentCalls);
      this.broadcastState();
    }
  }

  /** The popup's or the notification's "open record" button: the current caller's record. */
  async openRecord() {
    await this.ready;
    const opened = await this.screenPop.openNow(this.calls.call, this.settings.values, this.country());
    if (!opened) return this.failure(ERR.NOT_ALLOWED, 'screenPopUnavailable');
    await this.persist();
    return okReply();
  }

  // ---- content scripts -------------------------------------------------------------------

  /** Effective settings for a content script, decided from the browser's sender. */
  async contentConfig(sender) {
    await this.ready;
    await this.settingsLoad;
    const { values } = this.settings;
    const origin = senderOrigin(sender);
    // Opaque origins (sandboxed frames) are null here and never allowed; without a documentId
    // the document cannot be addressed safely, so it gets no page events either.
    const replaced = this.documents.replacedBy(sender);
    const pageEvents = originAllowed(origin, values) && this.documents.register(sender, { pageEvents: true, at: this.now() });
    // Top-level pages of the screen-pop CRM are remembered so a pop can reuse their tab; no
    // other page is recorded (the background keeps no list of what the user browses).
    const crmTab = !pageEvents && (sender.frameId ?? 0) === 0 && origin !== null && origin === this.screenPop.originOf(values)
      && this.documents.register(sender, { pageEvents: false, at: this.now() });
    if (replaced || pageEvents || crmTab) await this.persist();
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

  /** The content script's document is going away (pagehide). */
  async documentGone(sender) {
    await this.ready;
    if (this.documents.forget(documentKey(sender))) await this.persist();
    return okReply();
  }

  async forgetTab(tabId) {
    await this.ready;
    const changed = this.documents.forgetTab(tabId);
    this.lastDialAt.delete(tabId);
    if (changed) await this.persist();
  }
}
