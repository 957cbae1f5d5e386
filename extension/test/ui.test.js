// Popup view and options form: the ids and data attributes the end-to-end suite relies on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { makeDom } from './dom.js';
import { installFakeBrowser } from './fake-browser.js';
import { render } from '../popup/view.js';
import { buildForm, fillForm } from '../options/form.js';
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

test('host not installed: status, fix and the browser text are shown', () => {
  const { $ } = popup({ host: { state: 'disconnected', code: 'not_installed', error: 'Specified native messaging host not found.', fix: 'Run “click2call install”.', capabilities: [] } });
  assert.equal($('host-status').dataset.state, 'disconnected');
  assert.equal($('host-error').hidden, false);
  assert.equal($('host-error').dataset.code, 'not_installed');
  assert.match($('host-error-detail').textContent, /Specified native messaging host not found\./);
  assert.equal($('btn-dial').disabled, true);
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
