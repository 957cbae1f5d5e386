// Turning what a person or a page wrote into something safe to dial. Used by the content
// script (detection, link take-over), the background (re-validation of everything a content
// script sends) and the popup (dial box). The host validates again; this is the first gate.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { plainDigits } from './plain-digits.js';
import { SCHEMES, WRITTEN_NUMBER, SIP_ADDRESS, schemeOf, splitCallUri } from './call-href.js';

export { SCHEMES, schemeOf, isCallHref, isDialableHref } from './call-href.js';

const MAX_INPUT = 256;
const INTERNAL_EXTENSION = /^[0-9]{3,6}$/;
const RISKY_TYPES = new Set(['PREMIUM_RATE', 'SHARED_COST']);

function fail(reason) {
  return { ok: false, reason };
}

function parse(text, country) {
  try {
    return parsePhoneNumberFromString(text, country ? { defaultCountry: country } : undefined);
  } catch {
    return undefined;
  }
}

function parseSip(rest, scheme) {
  // Strip the one harmless parameter pages commonly add; any other parameter is refused.
  const value = rest.replace(/;user=phone$/i, '');
  const m = SIP_ADDRESS.exec(value);
  if (!m) return fail('invalid_sip');
  const port = m[3] ? Number(m[3]) : null;
  if (port !== null && (port < 1 || port > 65535)) return fail('invalid_sip');
  const uri = `${scheme}:${m[1]}@${m[2].toLowerCase()}${port ? `:${port}` : ''}`;
  return { ok: true, kind: 'sip', target: uri, display: `${m[1]}@${m[2].toLowerCase()}`, premium: false };
}

/**
 * Parse a phone number as written ("030 901820", "+1 (555) 010-4477").
 * `strict`: require a number that is valid for its region (detection in text);
 * otherwise a possible length is enough (the user typed or clicked it on purpose).
 */
export function parseNumber(written, { country, strict = false, ext = null } = {}) {
  const text = plainDigits(written).trim();
  if (!WRITTEN_NUMBER.test(text)) return fail('invalid_number');
  const digits = text.replace(/[^0-9]/g, '');
  if (!text.startsWith('+') && INTERNAL_EXTENSION.test(digits) && !strict) {
    return { ok: true, kind: 'extension', target: digits, display: digits, premium: false };
  }
  const usable = (n) => n && (strict ? n.isValid() : n.isPossible());
  let number = parse(text, country);
  // "0049 30 …": most of the world's international prefix, understood whatever the default
  // country (no national number starts with 00).
  if (!usable(number) && digits.startsWith('00')) number = parse(`+${digits.slice(2)}`);
  if (!usable(number)) return fail('invalid_number');
  if (number.number.length > 16) return fail('invalid_number'); // E.164: at most 15 digits after +
  const type = number.getType() ?? null;
  return {
    ok: true,
    kind: 'tel',
    target: number.number,
    display: number.formatInternational(),
    country: number.country ?? null,
    type,
    premium: RISKY_TYPES.has(type),
    ext: ext ?? number.ext ?? null,
    phone: number,
  };
}

/** Parse a dial target: a tel:/callto:/sip:/sips: URI or a written number. */
export function parseTarget(raw, { country } = {}) {
  if (typeof raw !== 'string') return fail('invalid_target');
  const input = raw.trim();
  if (!input || input.length > MAX_INPUT) return fail('invalid_target');
  const scheme = schemeOf(input);
  if (scheme === null || /^\+?[0-9]/.test(input)) return parseNumber(input, { country });
  if (!SCHEMES.includes(scheme)) return fail('invalid_target');
  const parts = splitCallUri(input);
  if (!parts) return fail('invalid_target');
  if (parts.sip !== undefined) return parseSip(parts.sip, scheme);
  let written = parts.number;
  if (!written.startsWith('+') && parts.context && /^\+[0-9]{1,6}$/.test(parts.context)) {
    written = parts.context + written.replace(/[^0-9]/g, '');
  }
  return parseNumber(written, { country, ext: parts.ext });
}

/** The first dialable thing in a piece of selected text ("Call +49 30 901820 today"). */
export function extractTarget(text, { country } = {}) {
  if (typeof text !== 'string') return fail('invalid_target');
  const direct = parseTarget(text, { country });
  if (direct.ok) return direct;
  const sip = /\bsips?:[^\s<>"']+/i.exec(text);
  if (sip) return parseTarget(sip[0].replace(/[.,;:!?)]+$/, ''), { country });
  const written = /\+?[0-9][0-9\s().\-/]{4,30}[0-9]/.exec(text.slice(0, 1000));
  return written ? parseNumber(written[0], { country }) : fail('invalid_target');
}
