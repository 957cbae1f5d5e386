// Every option, its default and its validation, in one table. Values come from
// storage.local (the user) overlaid by storage.managed (the organisation); a managed key is
// locked: the options page shows it as set by the organisation and the background refuses to
// change it.
import { ext, readArea } from './browser.js';
import { isCountryCode } from './countries.js';
import { templateProblem } from './screen-pop-template.js';

const HOSTNAME = /^(\*\.)?[a-z0-9.-]{1,253}$/;
const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9.-]{1,253}(:[0-9]{1,5})?$/;

const list = (pattern) => (v) => Array.isArray(v) && v.length <= 500 && v.every((s) => typeof s === 'string' && pattern.test(s));

export const SETTINGS = {
  defaultCountry: { default: '', valid: (v) => v === '' || isCountryCode(v) },
  detectNumbers: { default: true, valid: (v) => typeof v === 'boolean' },
  siteAllowlist: { default: [], valid: list(HOSTNAME) },
  siteDenylist: { default: [], valid: list(HOSTNAME) },
  takeOverLinks: { default: true, valid: (v) => typeof v === 'boolean' },
  modifierClick: { default: 'browser', valid: (v) => v === 'browser' || v === 'dial' },
  confirmBeforeDial: { default: false, valid: (v) => typeof v === 'boolean' },
  warnPremiumRate: { default: true, valid: (v) => typeof v === 'boolean' },
  dialFormat: { default: 'e164', valid: (v) => v === 'e164' || v === 'local' },
  dialPrefix: { default: '', valid: (v) => typeof v === 'string' && /^[0-9]{0,4}$/.test(v) },
  pageEventOrigins: { default: [], valid: list(ORIGIN) },
  notifyIncoming: { default: true, valid: (v) => typeof v === 'boolean' },
  recentCalls: { default: true, valid: (v) => typeof v === 'boolean' },
  // Screen-pop (background/screen-pop.js): '' = no CRM record URL.
  screenPopUrl: { default: '', valid: (v) => v === '' || templateProblem(v) === null },
  screenPopWhen: { default: 'off', valid: (v) => v === 'off' || v === 'ringing' || v === 'answered' },
  screenPopTab: { default: 'focus', valid: (v) => v === 'focus' || v === 'new' },
};

export function defaults() {
  return Object.fromEntries(Object.entries(SETTINGS).map(([k, s]) => [k, structuredClone(s.default)]));
}

export function isValidSetting(key, value) {
  return Object.hasOwn(SETTINGS, key) && SETTINGS[key].valid(value);
}

/** Merge user and managed values; returns { values, locked: [keys] }. Invalid values are ignored. */
export function resolveSettings(local = {}, managed = {}) {
  const values = defaults();
  const locked = [];
  for (const key of Object.keys(SETTINGS)) {
    if (isValidSetting(key, local[key])) values[key] = local[key];
    if (isValidSetting(key, managed[key])) {
      values[key] = managed[key];
      locked.push(key);
    }
  }
  return { values, locked };
}

export async function loadSettings() {
  const { settings: local = {} } = await readArea('local', 'settings');
  const managed = await readArea('managed', null);
  return resolveSettings(local, managed);
}

/** Save one user setting unless the organisation locked it. Returns false when refused. */
export async function saveSetting(key, value) {
  if (!isValidSetting(key, value)) return false;
  const { locked } = await loadSettings();
  if (locked.includes(key)) return false;
  const { settings: local = {} } = await readArea('local', 'settings');
  await ext().storage.local.set({ settings: { ...local, [key]: value } });
  return true;
}

/** The effective default country: options, else the browser's locale. */
export function homeCountry(values, locale) {
  return countryInfo(values, [], locale).country;
}

/** The country the browser's language implies ("de-AT" → AT), or null ("de" alone says none). */
export function localeCountry(locale) {
  const m = /^[a-z]{2,3}[-_](?:[A-Za-z]{4}[-_])?([A-Z]{2})\b/i.exec(locale ?? '');
  return m && isCountryCode(m[1].toUpperCase()) ? m[1].toUpperCase() : null;
}

/**
 * The effective default country and where it comes from: 'policy' (the organisation set it),
 * 'user' (chosen in the options or the popup), 'browser' (the browser's language), or null.
 */
export function countryInfo(values, locked, locale) {
  if (values.defaultCountry) {
    return { country: values.defaultCountry, source: locked.includes('defaultCountry') ? 'policy' : 'user' };
  }
  const fromLocale = localeCountry(locale);
  return { country: fromLocale, source: fromLocale ? 'browser' : null };
}

const LIST_PROBLEM = { siteAllowlist: 'problemHostname', siteDenylist: 'problemHostname', pageEventOrigins: 'problemOrigin' };

/**
 * What is wrong with a value the user entered, as a message key and its substitutions, or null
 * when it is valid. Names the offending entry, so the options page can say what to fix.
 */
export function settingProblem(key, value) {
  if (!Object.hasOwn(SETTINGS, key)) return { key: 'problemUnknown', subs: [String(key)] };
  if (isValidSetting(key, value)) return null;
  if (key === 'defaultCountry') return { key: 'problemCountry', subs: [String(value)] };
  if (key === 'dialPrefix') return { key: 'problemDialPrefix', subs: [String(value)] };
  if (key === 'screenPopUrl') return templateProblem(value) ?? { key: 'problemValue', subs: [String(value)] };
  if (Object.hasOwn(LIST_PROBLEM, key) && Array.isArray(value)) {
    if (value.length > 500) return { key: 'problemListLong', subs: ['500'] };
    const bad = value.find((entry) => !SETTINGS[key].valid([entry]));
    if (bad !== undefined) return { key: LIST_PROBLEM[key], subs: [String(bad)] };
  }
  return { key: 'problemValue', subs: [String(value)] };
}

function hostMatches(hostname, pattern) {
  const bare = pattern.replace(/^\*\./, '');
  return hostname === bare || hostname.endsWith(`.${bare}`);
}

/** Is number detection on for this page URL? */
export function detectionEnabledFor(url, values) {
  if (!values.detectNumbers) return false;
  let hostname;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (values.siteDenylist.some((p) => hostMatches(hostname, p))) return false;
  if (values.siteAllowlist.length > 0) return values.siteAllowlist.some((p) => hostMatches(hostname, p));
  return true;
}

/** Is this page origin allowed to receive incoming-call events and request dials? */
export function originAllowed(origin, values) {
  if (typeof origin !== 'string' || origin === 'null') return false;
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return values.pageEventOrigins.some((entry) => {
    const m = /^(https?):\/\/(\*\.)?([^:/]+)(?::([0-9]+))?$/.exec(entry);
    if (!m || `${m[1]}:` !== url.protocol) return false;
    if ((m[4] ?? '') !== url.port) return false;
    return m[2] ? url.hostname.endsWith(`.${m[3]}`) : url.hostname === m[3];
  });
}
