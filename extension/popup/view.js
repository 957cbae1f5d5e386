// Renders the background's state into the popup. Pure DOM work, no messaging, so tests can
// feed it states.
import { t } from '../shared/browser.js';
import { formatDuration } from '../shared/time.js';
import { countriesByName, countryName } from '../shared/countries.js';

const ACTIVE = ['dialing', 'ringing', 'incoming', 'connected'];
const SOFTPHONE_NAMES = { microsip: 'MicroSIP', baresip: 'baresip' };

function softphoneName(host) {
  const kind = host.softphone?.kind;
  return SOFTPHONE_NAMES[kind] ?? t('popupYourSoftphone');
}

/**
 * Can a clicked number be dialed? The host's readiness when it sends one; an older host only
 * says whether the softphone is available.
 */
export function readinessOf(host) {
  if (host.state !== 'connected') return null;
  if (host.readiness) return host.readiness;
  return { ready: Boolean(host.softphone?.available), code: host.softphone?.available ? 'ready' : 'unavailable', message: null };
}

function headerState(host, readiness) {
  if (host.state === 'connected') return readiness?.ready ? t('popupStateReady') : t('popupStateNotReady');
  if (host.state === 'connecting') return t('popupStateConnecting');
  return host.setupNeeded ? t('popupStateNotSetUp') : t('popupStateNotConnected');
}

// The softphone's SIP registration, or null when unknown; the reason is the registrar's own
// text, so it is only ever set as textContent.
function registrationText(host) {
  const reg = host.state === 'connected' ? host.softphone?.registration : null;
  if (!reg || typeof reg !== 'object') return null;
  if (reg.state === 'registered') return t('popupRegistered');
  const reason = typeof reg.reason === 'string' && reg.reason ? reg.reason : null;
  return reason ? t('popupNotRegisteredReason', [reason]) : t('popupNotRegistered');
}

function callText(call) {
  const remote = call.remote ?? t('remoteUnknown');
  if (call.onHold) return t('stateOnHold', [remote]);
  switch (call.state) {
    case 'dialing': return t('stateDialing', [remote]);
    case 'ringing': return call.direction === 'in' ? t('stateIncoming', [remote]) : t('stateRinging', [remote]);
    case 'incoming': return t('stateIncoming', [remote]);
    case 'connected': return t('stateConnected', [remote]);
    case 'busy': return t('stateBusy');
    default: return t('stateEnded');
  }
}

function renderConnection(doc, host) {
  const $ = (id) => doc.getElementById(id);
  const readiness = readinessOf(host);
  const status = $('host-status');
  status.dataset.state = host.state;
  status.dataset.ready = readiness ? String(readiness.ready) : '';
  status.textContent = headerState(host, readiness);

  const sp = $('softphone-status');
  sp.dataset.available = host.state === 'connected' && host.softphone ? String(Boolean(host.softphone.available)) : 'unknown';
  sp.hidden = !readiness?.ready;
  sp.textContent = readiness?.ready ? t('popupReadyDetail', [softphoneName(host)]) : '';
  const reg = $('softphone-registration');
  const regText = registrationText(host);
  reg.hidden = regText === null;
  reg.dataset.state = regText === null ? '' : host.softphone.registration.state;
  reg.textContent = regText ?? '';

  const notReady = Boolean(readiness) && !readiness.ready;
  $('readiness').hidden = !notReady;
  $('readiness').dataset.code = notReady ? readiness.code : '';
  $('readiness-title').textContent = notReady ? t('popupNotReadyDetail', [softphoneName(host)]) : '';
  $('readiness-message').textContent = notReady ? (readiness.message ?? t('errorSoftphoneUnavailable')) : '';

  const showError = host.state === 'disconnected' && Boolean(host.error);
  $('host-error').hidden = !showError;
  $('host-error').dataset.code = host.code ?? '';
  $('host-error-fix').textContent = showError ? (host.fix ?? '') : '';
  $('host-error-detail').textContent = showError ? t('popupBrowserError', [host.error]) : '';

  $('connection-actions').hidden = !(showError || notReady);
  $('btn-setup').hidden = !(host.setupNeeded || notReady);
  $('btn-reconnect').classList.toggle('primary', !host.setupNeeded && !notReady);
}

function renderCall(doc, host, call, now) {
  const $ = (id) => doc.getElementById(id);
  const active = Boolean(call) && ACTIVE.includes(call.state);
  const callState = $('call-state');
  callState.dataset.state = call ? call.state : 'idle';
  callState.dataset.hold = String(Boolean(call?.onHold));
  callState.dataset.direction = call?.direction ?? '';
  callState.textContent = call ? callText(call) : t('popupIdle');
  const timer = $('call-timer');
  timer.hidden = !(active && call.state === 'connected' && call.since != null);
  timer.textContent = timer.hidden ? '0:00' : formatDuration(now - call.since);

  const caps = new Set(host.state === 'connected' ? host.capabilities : []);
  const ringingIn = active && call.direction === 'in' && (call.state === 'incoming' || call.state === 'ringing');
  $('btn-answer').hidden = !(ringingIn && caps.has('answer'));
  $('btn-decline').hidden = !(ringingIn && caps.has('decline'));
  $('btn-hangup').hidden = !(active && caps.has('hangup') && !(ringingIn && caps.has('decline')));
  $('btn-hold').hidden = !(active && call.state === 'connected' && caps.has('hold'));
  $('btn-hold').textContent = call?.onHold ? t('buttonResume') : t('buttonHold');
  $('transfer-form').hidden = !(active && call.state === 'connected' && caps.has('transfer'));
  $('dtmf-form').hidden = !(active && call.state === 'connected' && caps.has('dtmf'));
  // The dial box says why it cannot be used instead of just greying out.
  const connected = host.state === 'connected';
  $('dial-form').hidden = active; // during a call the call's own controls are the main element
  $('btn-dial').disabled = !connected;
  $('dial-input').disabled = !connected;
  const note = $('dial-note');
  note.hidden = connected;
  note.textContent = connected ? '' : t(host.setupNeeded ? 'popupDialNeedsSetup' : 'popupDialWaiting');
}

const SOURCE_KEYS = { policy: 'popupCountrySourcePolicy', user: 'popupCountrySourceUser', browser: 'popupCountrySourceBrowser' };

/**
 * The default-country select: "from the browser language (…)" first, then every country by its
 * name in the user's language. Built once per locale and browser country.
 */
export function renderCountry(doc, info, locale, browserCountry) {
  const select = doc.getElementById('country-select');
  const signature = `${locale}|${browserCountry ?? ''}`;
  if (select.dataset.built !== signature) {
    const first = doc.createElement('option');
    first.value = '';
    first.textContent = browserCountry ? t('optCountryFromBrowser', [countryName(browserCountry, locale)]) : t('optCountryFromBrowserNone');
    const options = countriesByName(locale).map(({ code, name }) => {
      const option = doc.createElement('option');
      option.value = code;
      option.textContent = name;
      return option;
    });
    select.replaceChildren(first, ...options);
    select.dataset.built = signature;
  }
  select.value = info.source === 'user' || info.source === 'policy' ? info.country : '';
  select.disabled = Boolean(info.locked);
  const source = doc.getElementById('country-source');
  source.dataset.source = info.source ?? 'none';
  const named = info.country ? `${countryName(info.country, locale)} (${info.country}) — ` : '';
  source.textContent = `${named}${t(SOURCE_KEYS[info.source] ?? 'popupCountrySourceNone')}`;
}

export function render(doc, state, now = Date.now()) {
  const { host, call } = state;
  renderConnection(doc, host);
  renderCall(doc, host, call, now);
  if (state.countryInfo) {
    const browserCountry = state.countryInfo.source === 'browser' ? state.countryInfo.country : (state.browserCountry ?? null);
    renderCountry(doc, state.countryInfo, state.locale ?? 'en', browserCountry);
  }
  renderRecent(doc, state);
}

function renderRecent(doc, state) {
  const list = doc.getElementById('recent-list');
  list.replaceChildren();
  const recent = state.recent ?? [];
  for (const entry of recent.slice(0, 20)) {
    const li = doc.createElement('li');
    li.dataset.outcome = entry.outcome;
    const who = doc.createElement('button');
    who.type = 'button';
    who.className = 'redial';
    who.dataset.target = entry.remote ?? '';
    who.textContent = `${entry.direction === 'in' ? '↙' : '↗'} ${entry.remote ?? t('remoteUnknown')}`;
    const when = doc.createElement('span');
    when.className = 'muted';
    const outcome = { answered: 'outcomeAnswered', missed: 'outcomeMissed', failed: 'outcomeFailed' }[entry.outcome] ?? 'outcomeNotAnswered';
    const duration = entry.durationMs != null ? ` ${formatDuration(entry.durationMs)}` : '';
    when.textContent = `${new Date(entry.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} ${t(outcome)}${duration}`;
    if (typeof entry.reason === 'string') li.title = entry.reason; // why it failed, as text
    li.append(who, when);
    list.append(li);
  }
  const empty = doc.getElementById('recent-empty');
  empty.textContent = state.recentEnabled === false ? t('popupRecentOff') : (recent.length === 0 ? t('popupNoRecentCalls') : '');
  doc.getElementById('btn-clear-history').hidden = recent.length === 0;
}
