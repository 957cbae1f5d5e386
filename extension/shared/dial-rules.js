// What is shown vs what is dialed. The display is always the international format; the string
// handed to the host follows the user's (or the organisation's) dialing rules.
export function dialString(parsed, { dialFormat = 'e164', dialPrefix = '', homeCountry = null } = {}) {
  if (parsed.kind !== 'tel') return parsed.target;
  if (dialFormat !== 'local' || !homeCountry || !parsed.phone) return parsed.target;
  let local;
  try {
    local = parsed.country === homeCountry
      ? parsed.phone.formatNational()
      : parsed.phone.format('IDD', { fromCountry: homeCountry });
  } catch {
    local = null;
  }
  const digits = (local ?? '').replace(/[^0-9]/g, '');
  if (!digits) return parsed.target;
  const dialed = `${dialPrefix}${digits}`;
  // The host accepts at most 15 digits without "+"; fall back to E.164 rather than send junk.
  return /^[0-9]{3,15}$/.test(dialed) ? dialed : parsed.target;
}
