// Generated phone numbers for the detection corpus: valid numbers drawn from libphonenumber's
// metadata (the national number pattern of each type), written the ways people of each country
// write them, nationally and internationally. Deterministic: a seeded generator, no clock.
import { Metadata, parsePhoneNumberFromString, getCountryCallingCode } from 'libphonenumber-js/max';

export const COUNTRIES = ['US', 'CA', 'DE', 'GB', 'FR', 'IN', 'BR', 'IT', 'ES', 'NL', 'JP', 'AU', 'MX', 'CH', 'AT', 'PL', 'SE'];
const TYPES = ['FIXED_LINE', 'MOBILE', 'TOLL_FREE'];
// Lengths of the national significant number that people actually have (metadata allows more).
const TYPICAL_LENGTHS = {
  US: [10], CA: [10], DE: [10, 11], GB: [10], FR: [9], IN: [10], BR: [10, 11], IT: [9, 10], ES: [9], NL: [9],
  JP: [9, 10], AU: [9], MX: [10], CH: [9], AT: [10, 11, 12], PL: [9], SE: [8, 9],
};
const TRUNK_IN_PARENS = new Set(['DE', 'GB', 'AT', 'CH']); // "+49 (0)30 …"

/** mulberry32: small, fast, good enough for test data. */
export function seeded(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)], digits: (n) => Array.from({ length: n }, () => int(10)).join('') };
}

function randomValid(rng, country, type) {
  const meta = new Metadata();
  meta.selectNumberingPlan(country);
  const plan = meta.numberingPlan;
  const spec = plan.type(type);
  const source = spec?.pattern() || (type === 'FIXED_LINE' ? plan.nationalNumberPattern() : '');
  if (!source) return null;
  const re = new RegExp(`^(?:${source})$`);
  const allowed = spec?.possibleLengths() ?? plan.possibleLengths();
  const typical = allowed.filter((n) => TYPICAL_LENGTHS[country].includes(n));
  const lengths = typical.length ? typical : allowed.slice(0, 1);
  for (let tries = 0; tries < 4000; tries += 1) {
    const nsn = rng.digits(rng.pick(lengths));
    if (!re.test(nsn)) continue;
    const number = parsePhoneNumberFromString(`+${getCountryCallingCode(country)}${nsn}`);
    if (number?.isValid() && number.country === country) return number;
  }
  return null;
}

const dashes = (s) => s.replace(/ /g, '-');

// National ways of writing, from the canonical national format.
export function nationalStyles(country, number) {
  const nat = number.formatNational();
  const nsn = number.nationalNumber;
  const styles = [nat];
  switch (country) {
    case 'US':
    case 'CA':
      styles.push(`${nsn.slice(0, 3)}-${nsn.slice(3, 6)}-${nsn.slice(6)}`, `${nsn.slice(0, 3)}.${nsn.slice(3, 6)}.${nsn.slice(6)}`,
        `1-${nsn.slice(0, 3)}-${nsn.slice(3, 6)}-${nsn.slice(6)}`, `${nsn.slice(0, 3)} ${nsn.slice(3, 6)} ${nsn.slice(6)}`);
      break;
    case 'DE':
    case 'AT': {
      // The area code as "030" or "(030)", then the subscriber number whole or split once.
      const [area, ...rest] = nat.split(' ');
      const sub = rest.join('');
      const subs = [sub];
      if (sub.length >= 6) subs.push(`${sub.slice(0, 3)} ${sub.slice(3)}`, `${sub.slice(0, -2)}-${sub.slice(-2)}`);
      for (const s of subs) styles.push(`${area} ${s}`, `${area}/${s}`, `(${area}) ${s}`, ...(s.includes('-') ? [] : [`${area}-${s}`]));
      break;
    }
    case 'FR':
      styles.push(nat.replace(/ /g, '.'), dashes(nat));
      break;
    case 'BR':
      styles.push(nat.replace(/^\((\d+)\) /, '$1 '));
      break;
    case 'IN': {
      const [area, ...rest] = nat.split(' ');
      styles.push(dashes(nat), `${area} ${rest.join('')}`, `${area}-${rest.join('')}`);
      if (nat.startsWith('0') && number.getType() === 'MOBILE') styles.push(nat.slice(1), dashes(nat.slice(1)));
      break;
    }
    case 'GB': {
      const [area, ...rest] = nat.split(' ');
      if (!/^07/.test(area)) styles.push(`(${area}) ${rest.join(' ')}`);
      break;
    }
    case 'AU':
      styles.push(nat.replace(/^\((\d+)\) /, '$1 '));
      break;
    default:
      styles.push(dashes(nat));
      break;
  }
  return [...new Set(styles)];
}

function internationalStyles(country, number) {
  const intl = number.formatInternational();
  const cc = number.countryCallingCode;
  const styles = [intl, number.number, dashes(intl), `00${intl.slice(1)}`];
  if (TRUNK_IN_PARENS.has(country)) styles.push(intl.replace(`+${cc} `, `+${cc} (0)`));
  return styles;
}

/**
 * @returns {{country:string, e164:string, written:string, international:boolean, type:string}[]}
 */
export function generateNumbers({ seed = 14, perCountry = 24 } = {}) {
  const rng = seeded(seed);
  const out = [];
  for (const country of COUNTRIES) {
    let made = 0;
    for (let i = 0; made < perCountry && i < perCountry * 4; i += 1) {
      const type = i % 6 === 5 ? 'TOLL_FREE' : TYPES[i % 2];
      const number = randomValid(rng, country, type);
      if (!number) continue;
      made += 1;
      const national = nationalStyles(country, number);
      const international = internationalStyles(country, number);
      // Two national and two international writings of each number, varied by the generator.
      for (const written of [rng.pick(national), rng.pick(national), rng.pick(international), rng.pick(international)]) {
        out.push({ country, e164: number.number, written, international: /^(?:\+|00)/.test(written), type: number.getType() ?? type });
      }
    }
  }
  // One entry per written form.
  const seen = new Set();
  return out.filter((n) => !seen.has(n.written) && seen.add(n.written));
}
