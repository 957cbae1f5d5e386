// Popup view and options form: the ids and data attributes the end-to-end suite relies on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { makeDom } from './dom.js';
import { installFakeBrowser } from './fake-browser.js';
import { render } from '../popup/view.js';
import { buildForm, fillForm, showProblem } from '../options/form.js';
import { stepsFor, installBrowserName, doctorCommand } from '../setup/steps.js';
import { checkView } from '../setup/check.js';
import { FIELDS } from '../options/fields.js';
import { resolveSettings } from '../shared/settings.js';

installFakeBrowser();
const popupHtml = readFileSync(new URL('../popup/popup.html', import.meta.url), 'utf8');
const connected = { state: 'connected', host: { version: '1.0.0' }, softphone: { kind: 'microsip', available: true }, capabilities: ['dial', 'answer', 'hangup', 'decline', 'hold', 'transfer', 'dtmf', 'status'], error: null };

function popup(state) {
  const doc = makeDom(popupHtml, 'chrome-extension://id/popup/popup.html').document;
  render(doc, { recent: [], recentEnabled: true, call: null, ...state }, 100_000);
  return { doc, $: (id) => doc.getElementById(id) };
}

test('host not installed: "Not set up", the setup button, and the dial box says why it is off', () => {
  const { $ } = popup({ host: { state: 'disconnected', code: 'not_installed', setupNeeded: true, error: 'Specified native messaging host not found.', fix: 'The setup page shows the steps.', capabilities: [] } });
  assert.equal($('host-status').dataset.state, 'disconnected');
  assert.equal($('host-status').textContent, 'Not set up');
  assert.equal($('host-error').hidden, false);
  assert.equal($('host-error').dataset.code, 'not_installed');
  assert.equal($('host-error-fix').textContent, 'The setup page shows the steps.');
  assert.match($('host-error-detail').textContent, /Specified native messaging host not found\./);
  assert.equal($('connection-actions').hidden, false);
  assert.equal($('btn-setup').hidden, false);
  assert.equal($('btn-dial').disabled, true);
  assert.equal($('dial-note').hidden, false);
  assert.match($('dial-note').textContent, /Set up/);
  assert.equal($('softphone-status').hidden, true, 'no "Softphone status unknown" noise');
});

test('connected but not ready (baresip without a SIP domain): "Not ready" and the host\'s reason', () => {
  const message = 'baresip can dial phone numbers only through your SIP server: set "domain"';
  const { $ } = popup({ host: { ...connected, softphone: { kind: 'baresip', available: true }, readiness: { ready: false, code: 'needs_domain', message } } });
  assert.equal($('host-status').textContent, 'Not ready');
  assert.equal($('host-status').dataset.ready, 'false');
  assert.equal($('readiness').hidden, false);
  assert.equal($('readiness').dataset.code, 'needs_domain');
  assert.equal($('readiness-message').textContent, message);
  assert.equal($('btn-setup').hidden, false);
  assert.equal($('softphone-status').hidden, true);
});

test('ready and idle: "Ready" in the header, a quiet idle line, no error boxes', () => {
  const { $ } = popup({ host: { ...connected, readiness: { ready: true, code: 'ready', message: null } } });
  assert.equal($('host-status').textContent, 'Ready');
  assert.equal($('host-status').dataset.ready, 'true');
  assert.equal($('softphone-status').textContent, 'MicroSIP dials the numbers you click.');
  assert.equal($('call-state').textContent, 'Click a phone number on a page, or type one here.');
  assert.notEqual($('call-state').textContent, 'No call');
  assert.equal($('readiness').hidden, true);
  assert.equal($('host-error').hidden, true);
  assert.equal($('connection-actions').hidden, true);
  assert.equal($('dial-note').hidden, true);
});

test('the default country: shown by name with its source, chosen from a list by name', () => {
  let { $ } = popup({ host: connected, countryInfo: { country: 'DE', source: 'browser', locked: false }, locale: 'en', browserCountry: 'DE' });
  const select = $('country-select');
  assert.equal(select.value, '');
  assert.equal(select.options[0].textContent, 'From the browser language (Germany)');
  assert.ok(select.options.length > 200);
  assert.ok([...select.options].some((o) => o.value === 'FR' && o.textContent === 'France'));
  assert.equal($('country-source').textContent, 'Germany (DE) — from the browser language');
  ({ $ } = popup({ host: connected, countryInfo: { country: 'FR', source: 'policy', locked: true }, locale: 'en', browserCountry: 'US' }));
  assert.equal($('country-select').value, 'FR');
  assert.equal($('country-select').disabled, true);
  assert.equal($('country-source').dataset.source, 'policy');
  assert.match($('country-source').textContent, /France \(FR\) — set by your organisation/);
});

test('a failed dial is listed in recent calls with its reason', () => {
  const { $ } = popup({ host: connected, recent: [{ remote: '+15550104477', direction: 'out', outcome: 'failed', at: 0, durationMs: null, reason: 'Cannot dial yet: set domain' }] });
  const li = $('recent-list').children[0];
  assert.equal(li.dataset.outcome, 'failed');
  assert.match(li.textContent, /failed/);
  assert.equal(li.title, 'Cannot dial yet: set domain');
});

test('connected call: live timer, hang up, hold, transfer and keypad', () => {
  const { $ } = popup({ host: connected, call: { state: 'connected', direction: 'out', remote: '+15550104477', since: 100_000 - 65_000 } });
  assert.equal($('host-status').dataset.state, 'connected');
  assert.equal($('softphone-status').dataset.available, 'true');
  assert.equal($('call-state').dataset.state, 'connected');
  assert.equal($('call-timer').hidden, false);
  assert.equal($('call-timer').textContent, '1:05');
  assert.equal($('btn-hangup').hidden, false);
  assert.equal($('btn-hold').hidden, false);
  assert.equal($('transfer-form').hidden, false);
  assert.equal($('dtmf-form').hidden, false);
  assert.equal($('btn-answer').hidden, true);
});

test('softphone registration: shown under the softphone line, the reason as text', () => {
  const withRegistration = (registration) => ({ host: { ...connected, softphone: { kind: 'baresip', available: true, registration } } });
  let { $ } = popup(withRegistration({ state: 'registered', reason: '200 OK', at: 1 }));
  assert.equal($('softphone-registration').hidden, false);
  assert.equal($('softphone-registration').dataset.state, 'registered');
  assert.equal($('softphone-registration').textContent, 'Registered');

  ({ $ } = popup(withRegistration({ state: 'failed', reason: '403 <img src=x onerror=alert(1)>', at: 1 })));
  assert.equal($('softphone-registration').dataset.state, 'failed');
  assert.equal($('softphone-registration').textContent, 'Not registered: 403 <img src=x onerror=alert(1)>');
  assert.equal($('softphone-registration').children.length, 0);

  ({ $ } = popup(withRegistration({ state: 'unregistered', reason: null, at: 1 })));
  assert.equal($('softphone-registration').textContent, 'Not registered');

  for (const host of [connected, withRegistration(null).host, { ...withRegistration({ state: 'registered' }).host, state: 'connecting' }]) {
    ({ $ } = popup({ host }));
    assert.equal($('softphone-registration').hidden, true);
    assert.equal($('softphone-registration').textContent, '');
  }
});

test('incoming call: answer and decline; controls follow the host capabilities', () => {
  const { $ } = popup({ host: connected, call: { state: 'incoming', direction: 'in', remote: '+4930901820' } });
  assert.equal($('btn-answer').hidden, false);
  assert.equal($('btn-decline').hidden, false);
  const basic = popup({ host: { ...connected, capabilities: ['dial', 'answer', 'hangup', 'status'] }, call: { state: 'connected', direction: 'out', remote: '+1', since: 0 } });
  assert.equal(basic.$('btn-hold').hidden, true);
  assert.equal(basic.$('transfer-form').hidden, true);
});

test('recent calls are listed; idle state is "idle"', () => {
  const { $ } = popup({ host: connected, recent: [{ remote: '+4930901820', direction: 'in', outcome: 'missed', at: 0, durationMs: null }] });
  assert.equal($('call-state').dataset.state, 'idle');
  assert.equal($('recent-list').children.length, 1);
  assert.equal($('recent-list').children[0].dataset.outcome, 'missed');
});

test('options: every field has an id; locked fields are disabled and marked data-locked', () => {
  const doc = makeDom('<form id="f"></form>', 'chrome-extension://id/options/options.html').document;
  buildForm(doc, doc.getElementById('f'));
  fillForm(doc, resolveSettings({ defaultCountry: 'FR' }, { confirmBeforeDial: true, pageEventOrigins: ['https://crm.example.com'] }));
  for (const field of FIELDS) assert.ok(doc.getElementById(`opt-${field.key}`), field.key);
  const confirm = doc.getElementById('opt-confirmBeforeDial');
  assert.equal(confirm.checked, true);
  assert.equal(confirm.disabled, true);
  assert.equal(confirm.dataset.locked, 'true');
  assert.equal(confirm.closest('.field').querySelector('.locked-note').hidden, false);
  assert.equal(doc.getElementById('opt-pageEventOrigins').value, 'https://crm.example.com');
  assert.equal(doc.getElementById('opt-defaultCountry').value, 'FR');
  assert.equal(doc.getElementById('opt-defaultCountry').dataset.locked, undefined);
});

test('options: grouped, the country a list by name, a problem shown next to its field', () => {
  const doc = makeDom('<form id="f"></form>', 'chrome-extension://id/options/options.html').document;
  buildForm(doc, doc.getElementById('f'), { locale: 'en', browserCountry: 'DE' });
  const groups = [...doc.querySelectorAll('fieldset.group')].map((g) => g.id);
  assert.deepEqual(groups, ['group-numbers', 'group-pages', 'group-calling', 'group-privacy', 'group-screenPop']);
  assert.ok(doc.querySelector('#group-numbers #opt-defaultCountry'));
  const country = doc.getElementById('opt-defaultCountry');
  assert.equal(country.localName, 'select');
  assert.equal(country.options[0].textContent, 'From the browser language (Germany)');
  assert.ok([...country.options].some((o) => o.value === 'DE' && o.textContent === 'Germany (DE)'));
  showProblem(doc, 'siteDenylist', '“https://x/” is not a site name');
  assert.equal(doc.getElementById('problem-siteDenylist').hidden, false);
  assert.equal(doc.getElementById('opt-siteDenylist').getAttribute('aria-invalid'), 'true');
  showProblem(doc, 'siteDenylist', null);
  assert.equal(doc.getElementById('problem-siteDenylist').hidden, true);
});

test('setup page: steps for this OS and browser with the exact command, and what the check says', () => {
  const linux = stepsFor('linux', 'chromium');
  assert.ok(linux.some((s) => s.command === 'java -jar ~/.local/share/click2call/click2call.jar install --browser chromium'));
  assert.ok(linux.some((s) => /"domain"/.test(s.command ?? '')), 'the Linux steps include the SIP domain');
  assert.ok(stepsFor('win', 'edge').some((s) => s.command === 'click2call microsip hooks install'));
  assert.equal(installBrowserName({ firefox: true }), 'firefox');
  assert.equal(installBrowserName({ brands: [{ brand: 'Chromium' }, { brand: 'Not.A/Brand' }] }), 'chromium');
  assert.equal(installBrowserName({ brands: [{ brand: 'Chromium' }, { brand: 'Google Chrome' }] }), 'chrome');
  assert.equal(doctorCommand('linux', 'firefox'), 'java -jar ~/.local/share/click2call/click2call.jar doctor --browser firefox');
  assert.equal(checkView({ state: 'disconnected', code: 'not_installed', error: 'Specified native messaging host not found.' }).state, 'not_installed');
  const notReady = checkView({ state: 'connected', softphone: { kind: 'baresip', available: true }, readiness: { ready: false, code: 'needs_domain', message: 'set domain' } });
  assert.equal(notReady.state, 'not_ready');
  assert.match(notReady.text, /set domain/);
  assert.equal(checkView({ state: 'connected', softphone: { kind: 'baresip', available: true }, readiness: { ready: true, code: 'ready', message: null } }).state, 'ready');
});
