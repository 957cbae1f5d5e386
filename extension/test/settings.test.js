import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installFakeBrowser } from './fake-browser.js';
import { resolveSettings, loadSettings, saveSetting, detectionEnabledFor, originAllowed, homeCountry, defaults, countryInfo, isValidSetting, settingProblem } from '../shared/settings.js';

test('defaults apply when nothing is stored', () => {
  const { values, locked } = resolveSettings();
  assert.deepEqual(values, defaults());
  assert.deepEqual(locked, []);
});

test('managed values override and lock; invalid ones are ignored', () => {
  const { values, locked } = resolveSettings(
    { detectNumbers: false, defaultCountry: 'FR', dialPrefix: '9' },
    { detectNumbers: true, recentCalls: false, dialPrefix: 'x; rm', defaultCountry: 'germany' },
  );
  assert.equal(values.detectNumbers, true);
  assert.equal(values.recentCalls, false);
  assert.equal(values.dialPrefix, '9', 'an invalid managed value does not replace the user value');
  assert.equal(values.defaultCountry, 'FR');
  assert.deepEqual(locked.sort(), ['detectNumbers', 'recentCalls']);
});

test('a locked setting cannot be saved by the user', async () => {
  const api = installFakeBrowser({ managed: { confirmBeforeDial: true } });
  assert.equal(await saveSetting('confirmBeforeDial', false), false);
  assert.equal(await saveSetting('warnPremiumRate', false), true);
  assert.equal(await saveSetting('dialPrefix', 'abc'), false, 'invalid values are refused');
  assert.equal(await saveSetting('noSuchKey', 1), false);
  assert.deepEqual(api.storage.local.data.settings, { warnPremiumRate: false });
  const { values, locked } = await loadSettings();
  assert.equal(values.confirmBeforeDial, true);
  assert.deepEqual(locked, ['confirmBeforeDial']);
});

test('missing managed storage (Firefox without policy) reads as empty', async () => {
  const api = installFakeBrowser();
  api.storage.managed.data = null;
  const { locked } = await loadSettings();
  assert.deepEqual(locked, []);
});

test('per-site detection: deny list wins, allow list restricts, subdomains included', () => {
  const v = { ...defaults(), siteDenylist: ['bank.example'], siteAllowlist: [] };
  assert.equal(detectionEnabledFor('https://crm.example.com/x', v), true);
  assert.equal(detectionEnabledFor('https://www.bank.example/', v), false);
  const only = { ...defaults(), siteAllowlist: ['crm.example.com'] };
  assert.equal(detectionEnabledFor('https://eu.crm.example.com/', only), true);
  assert.equal(detectionEnabledFor('https://other.example/', only), false);
  assert.equal(detectionEnabledFor('https://crm.example.com/', { ...only, detectNumbers: false }), false);
});

test('page-event origins: exact origin or *. subdomains, scheme and port must match', () => {
  const v = { ...defaults(), pageEventOrigins: ['https://crm.example.com', 'https://*.sales.example', 'http://localhost:8080'] };
  assert.equal(originAllowed('https://crm.example.com', v), true);
  assert.equal(originAllowed('http://crm.example.com', v), false);
  assert.equal(originAllowed('https://evil-crm.example.com', v), false);
  assert.equal(originAllowed('https://eu.sales.example', v), true);
  assert.equal(originAllowed('https://sales.example.evil.com', v), false);
  assert.equal(originAllowed('http://localhost:8080', v), true);
  assert.equal(originAllowed('http://localhost:9090', v), false);
  assert.equal(originAllowed('null', v), false);
  assert.equal(originAllowed(undefined, v), false);
});

test('home country comes from options, else the browser locale', () => {
  assert.equal(homeCountry({ defaultCountry: 'AT' }, 'de-DE'), 'AT');
  assert.equal(homeCountry({ defaultCountry: '' }, 'de-DE'), 'DE');
  assert.equal(homeCountry({ defaultCountry: '' }, 'en'), null);
  assert.equal(homeCountry({ defaultCountry: '' }, 'zh-Hant-TW'), 'TW');
});

test('the default country says where it comes from: policy, user or browser language', () => {
  assert.deepEqual(countryInfo({ defaultCountry: 'DE' }, ['defaultCountry'], 'en-US'), { country: 'DE', source: 'policy' });
  assert.deepEqual(countryInfo({ defaultCountry: 'FR' }, [], 'en-US'), { country: 'FR', source: 'user' });
  assert.deepEqual(countryInfo({ defaultCountry: '' }, [], 'pt-BR'), { country: 'BR', source: 'browser' });
  assert.deepEqual(countryInfo({ defaultCountry: '' }, [], 'de'), { country: null, source: null });
});

test('a country must be one of the list; problems name the entry and how to write it', () => {
  assert.equal(isValidSetting('defaultCountry', 'DE'), true);
  assert.equal(isValidSetting('defaultCountry', ''), true);
  assert.equal(isValidSetting('defaultCountry', 'XX'), false, 'two letters are not enough');
  assert.equal(isValidSetting('defaultCountry', 'Germany'), false);
  assert.deepEqual(settingProblem('defaultCountry', 'Germany'), { key: 'problemCountry', subs: ['Germany'] });
  assert.deepEqual(settingProblem('siteDenylist', ['crm.example.com', 'https://x.example.com/']), { key: 'problemHostname', subs: ['https://x.example.com/'] });
  assert.deepEqual(settingProblem('pageEventOrigins', ['crm.example.com']), { key: 'problemOrigin', subs: ['crm.example.com'] });
  assert.deepEqual(settingProblem('dialPrefix', '9a'), { key: 'problemDialPrefix', subs: ['9a'] });
  assert.equal(settingProblem('dialPrefix', '9'), null);
  assert.equal(settingProblem('siteDenylist', ['*.example.com']), null);
  // A policy that writes a name instead of a code is ignored, not applied half-way.
  assert.equal(resolveSettings({}, { defaultCountry: 'Germany' }).values.defaultCountry, '');
});
