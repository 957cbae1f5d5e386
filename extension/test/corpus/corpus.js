// The detection corpus: generated and hand-written numbers in page-like text, generated and
// hand-written look-alikes, and what each default country must make of every entry.
import { getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { generateNumbers, nationalStyles, seeded } from './numbers.js';
import { generateLookalikes } from './lookalikes.js';
import { HANDWRITTEN_NUMBERS, HANDWRITTEN_LOOKALIKES } from './handwritten.js';

// Words a page puts around a number. "{n}" is the number.
const CONTEXTS = [
  '{n}',
  'Tel.: {n}',
  'Call us at {n}.',
  'Phone: {n} (Mon–Fri)',
  'Fax {n}',
  'Telefon {n}',
  'Téléphone : {n}',
  'Hotline {n}, 24/7',
  'Anna Weber · Vertrieb · {n} · anna.weber@example.de',
  'Head office — {n} — Main Street 5',
  '{n} (switchboard)',
  'Support: {n}',
  'Reach our Lyon team on {n} or by e-mail.',
  'Ligue {n} agora',
  'Contact {n}',
];
// Writings without any separator need a phone word to be read as a number.
const PHONE_WORD_CONTEXTS = CONTEXTS.filter((c) => /Tel|Call|Phone|Fax|Telefon|Téléphone|Hotline|Ligue/.test(c));

/** Expected target for a number entry when the default country is `defaultCountry`, or null. */
export function expectedTarget(entry, defaultCountry) {
  if (entry.international) return entry.e164;
  return getCountryCallingCode(entry.country) === getCountryCallingCode(defaultCountry) ? entry.e164 : null;
}

/**
 * A national number of another country written with exactly the characters a person of the
 * default country uses for one of their own valid numbers ("07559 565530" is a British mobile
 * and, written the same way, a number in Überlingen). Nothing in the string can tell them apart;
 * the scorer counts these separately. Decided by the corpus's own writing styles, not by the
 * detector.
 */
export function identicalWriting(entry, defaultCountry) {
  if (entry.international || expectedTarget(entry, defaultCountry)) return false;
  const plain = entry.written.normalize('NFKC');
  const number = parsePhoneNumberFromString(plain, defaultCountry);
  if (!number?.isValid() || number.countryCallingCode !== getCountryCallingCode(defaultCountry)) return false;
  return nationalStyles(defaultCountry, number).includes(plain);
}

/**
 * @returns {{numbers: object[], lookalikes: object[]}} entries with `text`, `start`, `end`
 *   (where the number or look-alike is in the text), numbers also `country`, `e164`, `international`.
 */
export function buildCorpus({ seed = 14 } = {}) {
  const rng = seeded(seed + 1);
  const numbers = [];
  for (const n of generateNumbers({ seed })) {
    const bare = !/[^0-9+]/.test(n.written);
    const context = rng.pick(bare ? PHONE_WORD_CONTEXTS : CONTEXTS);
    const start = context.indexOf('{n}');
    numbers.push({ ...n, text: context.replace('{n}', n.written), start, end: start + n.written.length, source: 'generated' });
  }
  for (const n of HANDWRITTEN_NUMBERS) {
    const start = n.text.indexOf(n.written);
    if (start < 0) throw new Error(`corpus: "${n.written}" is not in "${n.text}"`);
    const international = /^(?:\+|00|＋)/.test(n.written);
    numbers.push({ ...n, international, start, end: start + n.written.length, source: 'hand-written' });
  }
  const lookalikes = [
    ...generateLookalikes({ seed: seed * 101 }).map((l) => ({ ...l, source: 'generated' })),
    ...HANDWRITTEN_LOOKALIKES.map((text) => ({ kind: 'hand-written', text, value: text, source: 'hand-written' })),
  ];
  return { numbers, lookalikes };
}
