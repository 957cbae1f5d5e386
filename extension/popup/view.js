// Renders the background's state into the popup. Pure DOM work, no messaging, so tests can
// feed it states.
import { t } from '../shared/browser.js';
import { formatDuration } from '../shared/time.js';

const ACTIVE = ['dialing', 'ringing', 'incoming', 'connected'];

function hostText(host) {
  if (host.state === 'connected') return t('popupHostConnected', [host.host?.version ?? '']);
  if (host.state === 'connecting') return t('popupHostConnecting');
  return t('popupHostDisconnected');
}

function softphoneText(host) {
  const sp = host.softphone;
  if (!sp || host.state !== 'connected') return t('popupSoftphoneUnknown');
  const name = sp.kind ?? 'Softphone';
  return sp.available ? t('popupSoftphoneAvailable', [name]) : t('popupSoftphoneUnavailable', [name]);
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

export function render(doc, state, now = Date.now()) {
  const $ = (id) => doc.getElementById(id);
  const { host, call } = state;
  $('host-status').dataset.state = host.state;
  $('host-status').textContent = hostText(host);
  const sp = $('softphone-status');
  sp.dataset.available = host.state === 'connected' && host.softphone ? String(Boolean(host.softphone.available)) : 'unknown';
  sp.textContent = softphoneText(host);
  const reg = $('softphone-registration');
  const regText = registrationText(host);
  reg.hidden = regText === null;
  reg.dataset.state = regText === null ? '' : host.softphone.registration.state;
  reg.textContent = regText ?? '';

  const showError = host.state !== 'connected' && Boolean(host.error);
  $('host-error').hidden = !showError;
  $('host-error').dataset.code = host.code ?? '';
  $('host-error-fix').textContent = showError ? (host.fix ?? '') : '';
  $('host-error-detail').textContent = showError ? t('popupBrowserError', [host.error]) : '';

  const active = Boolean(call) && ACTIVE.includes(call.state);
  const callState = $('call-state');
  callState.dataset.state = call ? call.state : 'idle';
  callState.dataset.hold = String(Boolean(call?.onHold));
  callState.dataset.direction = call?.direction ?? '';
  callState.textContent = call ? callText(call) : t('popupNoCall');
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
  $('btn-dial').disabled = host.state !== 'connected';

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
    const outcome = { answered: 'outcomeAnswered', missed: 'outcomeMissed' }[entry.outcome] ?? 'outcomeNotAnswered';
    const duration = entry.durationMs != null ? ` ${formatDuration(entry.durationMs)}` : '';
    when.textContent = `${new Date(entry.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} ${t(outcome)}${duration}`;
    li.append(who, when);
    list.append(li);
  }
  const empty = doc.getElementById('recent-empty');
  empty.textContent = state.recentEnabled === false ? t('popupRecentOff') : (recent.length === 0 ? t('popupNoRecentCalls') : '');
  doc.getElementById('btn-clear-history').hidden = recent.length === 0;
}
