// Premium-rate check for SIP targets whose user part is a phone number: `sip:+19005550100@pbx`
// reaches the same premium line as `tel:+19005550100`, so it gets the same warning.
import { parseNumber } from '../shared/phone.js';

const NUMERIC_USER = /^sips?:(\+?[0-9]{4,17})@/i;

export function withSipPremium(parsed, country) {
  if (!parsed?.ok || parsed.kind !== 'sip' || parsed.premium) return parsed;
  const user = NUMERIC_USER.exec(parsed.target)?.[1];
  if (!user) return parsed;
  const number = parseNumber(user, { country });
  if (!number.ok || number.kind !== 'tel' || !number.premium) return parsed;
  return { ...parsed, premium: true, type: number.type };
}
