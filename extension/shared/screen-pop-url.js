// Screen-pop URLs: a template such as `https://crm.example.com/search?phone={e164}` filled
// with the caller's number. Caller ids are hostile input (a SIP user part is whatever the
// caller's phone sends), so each value is normalised to digits or a plain SIP address,
// percent-encoded (every reserved character, `.` sequences refused), and the result must keep
// the template's origin and every character outside the placeholders. The template check
// (https only, http only for loopback, placeholders only after the host) is in
// screen-pop-template.js.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { placeholdersIn, sentinelFor, templateProblem, withSentinels } from './screen-pop-template.js';

export { placeholdersIn, templateProblem };

const MAX_CALLER = 256;
// Control, format (bidi overrides, zero-width) and separator characters never belong in a caller id.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const SIP_USER = /^[A-Za-z0-9_+-][A-Za-z0-9._+-]{0,63}$/;
const SIP_HOST = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*$/;

/** RFC 3986 unreserved characters stay; everything else is percent-encoded. */
function encodeStrict(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Strip what can never be part of a caller id: invisible characters; cap the length. */
export function cleanCallerId(remote) {
  if (typeof remote !== 'string') return '';
  return remote.slice(0, MAX_CALLER * 2).replace(INVISIBLE, '').trim().slice(0, MAX_CALLER);
}

/**
 * The caller in the forms a CRM searches by. Values are null when the caller id has no such
 * form (a SIP name has no E.164 number; a bare number has no SIP address).
 * @returns {{display: string|null, e164: string|null, national: string|null, digits: string|null, sip: string|null}}
 */
export function callerForms(remote, country) {
  const clean = cleanCallerId(remote);
  const forms = { display: null, e164: null, national: null, digits: null, sip: null };
  if (!clean) return forms;
  let numberText = null;
  const sip = /^(?:sips?:)([^@;?>\s]+)@(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::[0-9]{1,5})?(?:[;?>].*)?$/i.exec(clean);
  if (sip) {
    let user = sip[1];
    try {
      user = decodeURIComponent(user);
    } catch {
      // keep it encoded; SIP_USER below refuses the %
    }
    const host = sip[2].toLowerCase();
    if (SIP_USER.test(user) && SIP_HOST.test(host)) forms.sip = `sip:${user}@${host}`;
    const visual = user.replace(/[\s().-]/g, '');
    if (/^\+?[0-9]{3,17}$/.test(visual)) numberText = visual;
  } else {
    const visual = clean.replace(/[\s().-]/g, '');
    if (/^\+?[0-9]{3,17}$/.test(visual)) numberText = visual;
  }
  if (numberText) {
    let number;
    try {
      number = parsePhoneNumberFromString(numberText, country ? { defaultCountry: country } : undefined);
    } catch {
      number = undefined;
    }
    if (number?.isPossible() && number.number.length <= 16) {
      forms.e164 = number.number;
      forms.national = number.formatNational();
      forms.digits = number.number.slice(1);
      forms.display = number.formatInternational();
    } else {
      // An internal extension or a number libphonenumber does not know: digits only.
      forms.digits = numberText.replace(/^\+/, '');
      forms.national = forms.digits;
      forms.display = numberText;
    }
  }
  forms.display ??= forms.sip ?? clean.replace(/[^\p{L}\p{N} +*#@._:()-]/gu, '').slice(0, 64);
  return forms;
}

/**
 * Fill the template. {ok: true, url} or {ok: false, reason}: 'template' (unusable template),
 * 'missing' (the caller has no value for a placeholder it uses), 'unsafe' (the value would move
 * the URL outside the placeholder; cannot happen with normalised forms, checked anyway).
 */
export function screenPopUrl(template, forms) {
  if (templateProblem(template)) return { ok: false, reason: 'template' };
  const base = new URL(withSentinels(template));
  let href = base.href;
  for (const name of placeholdersIn(template)) {
    const value = forms?.[name];
    if (typeof value !== 'string' || !value) return { ok: false, reason: 'missing', placeholder: name };
    const encoded = encodeStrict(value);
    if (/^(?:\.|%2e)*$/i.test(encoded)) return { ok: false, reason: 'unsafe' }; // a dot segment
    href = href.replaceAll(sentinelFor(name), encoded);
  }
  let url;
  try {
    url = new URL(href);
  } catch {
    return { ok: false, reason: 'unsafe' };
  }
  // Parsing must change nothing: no dot segment removed, no character re-encoded, same origin.
  if (url.href !== href || url.origin !== base.origin) return { ok: false, reason: 'unsafe' };
  return { ok: true, url: href };
}
