// Splitting a tel:/callto:/sip:/sips: link into its parts, without libphonenumber: the content
// script decides synchronously in a click handler whether a link is one we can dial (then we
// take it over) or not (a Skype name in callto:, a tel: without digits: the browser keeps it).
// shared/phone.js validates the parts fully; the background does that for every dial.
import { plainDigits } from './plain-digits.js';

export const SCHEMES = ['tel', 'callto', 'sip', 'sips'];

// Visual separators allowed in a written number (RFC 3966 §5.1.1 plus spaces and slashes).
export const WRITTEN_NUMBER = /^\+?[0-9\s().\-/]{3,40}$/;
// user@host[:port]. No password, no headers, no transport/maddr parameters from page content.
export const SIP_ADDRESS = /^([A-Za-z0-9._+-]{1,64})@([A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*)(?::([0-9]{1,5}))?$/;
// Dialer pauses after the number, then digits the softphone cannot send for us: "…,,1234",
// "…p1234", "…w1234" (the extension is shown to the user).
const PAUSED_EXTENSION = /^([^,;pw]*?)\s*[,pw]+\s*([0-9]{1,8})$/i;

export function schemeOf(value) {
  const m = /^([a-z]+):/i.exec(value);
  return m ? m[1].toLowerCase() : null;
}

/** Is this href one of the link schemes we take over? */
export function isCallHref(href) {
  return typeof href === 'string' && SCHEMES.includes(schemeOf(href.trim()));
}

function safeDecode(value) {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * The parts of a call URI: `{scheme, sip}` (user@host[:port] text) or `{scheme, number, ext,
 * context}` with `number` in plain ASCII digits and separators; null when it is not one.
 */
export function splitCallUri(input) {
  const scheme = schemeOf(input);
  if (!SCHEMES.includes(scheme)) return null;
  const decoded = safeDecode(input.slice(scheme.length + 1).replace(/^\/\//, ''));
  if (decoded === null) return null;
  const rest = plainDigits(decoded).trim();
  if ((scheme === 'sip' || scheme === 'sips') && !/^[0-9+][0-9\s().-]*$/.test(rest)) return { scheme, sip: rest };
  // number[;ext=..][;phone-context=..] (other parameters are ignored)
  const [head, ...params] = rest.split(';');
  let number = head.trim();
  let ext = null;
  let context = null;
  const paused = PAUSED_EXTENSION.exec(number);
  if (paused) {
    number = paused[1].trim();
    ext = paused[2];
  }
  for (const param of params) {
    const [name, value = ''] = param.split('=');
    if (/^ext$/i.test(name) && /^[0-9]{1,8}$/.test(value)) ext = value;
    else if (/^phone-context$/i.test(name)) context = value;
  }
  return { scheme, number, ext, context };
}

/** Can this href be dialed at all (by its form)? Links that cannot are left to the browser. */
export function isDialableHref(href) {
  if (!isCallHref(href)) return false;
  const parts = splitCallUri(href.trim());
  if (!parts) return false;
  if (parts.sip !== undefined) return SIP_ADDRESS.test(parts.sip.replace(/;user=phone$/i, ''));
  return WRITTEN_NUMBER.test(parts.number) && /[0-9](?:\D*[0-9]){2}/.test(parts.number);
}
