// Finds phone numbers and sip: addresses in plain text. libphonenumber-js (max metadata)
// finds candidates; the rules below throw out what people do not read as a phone number:
// dates, times, prices, IBANs, order and reference numbers, postcodes, long IDs.
import { findPhoneNumbersInText } from 'libphonenumber-js/max';

// Cheap prefilter: at least 7 digits, separated by at most 3 non-digits each.
const MAYBE_NUMBER = /\d(?:\D{0,3}\d){6}/;
// Dates are the most common long digit runs in business pages; they must not reach the parser.
const DATES_IN_TEXT = /\b\d{1,4}[-./]\d{1,2}[-./]\d{1,4}\b/g;
const SIP_IN_TEXT = /\bsips?:[A-Za-z0-9._+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?/gi;

const DATE_LIKE = [
  /^\d{4}\s?[-./]\s?\d{1,2}\s?[-./]\s?\d{1,2}$/, // 2024-03-15
  /^\d{1,2}\s?[-./]\s?\d{1,2}\s?[-./]\s?\d{2,4}$/, // 15.03.2024, 03/15/24
  /^(?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d$/, // 1999-2024
  /^\d{1,2}[:.]\d{2}(?:\s?[-–]\s?\d{1,2}[:.]\d{2})?$/, // 10:00-12:00
];
// Words that, right before a digit run, say it is not a phone number.
const NOT_PHONE_CONTEXT = /(?:order|invoice|ref(?:erence)?|id|no|nr|num(?:ber)?|iban|bic|swift|ticket|case|tracking|account|acct|customer|serial|sku|item|article|zip|postcode|postal|plz|isbn|vat|tax|bestell\w*|rechnung\w*|kunden\w*|auftrag\w*)\.?\s*[#:]?\s*$/i;
// ...unless a phone word is there too ("Phone no. 030 …").
const PHONE_CONTEXT = /(?:tel|phone|fon|call|mobile?|mob|cell|fax|hotline|whatsapp|ruf|telefon\w*|handy)\b[^0-9]{0,20}$/i;
const IBAN = /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b/g;
const CURRENCY_BEFORE = /[$€£¥₹]\s?$|\b(?:usd|eur|gbp|chf|jpy|sek|nok|dkk|pln)\s?$/i;
const CURRENCY_AFTER = /^\s?(?:[$€£¥₹]|(?:usd|eur|gbp|chf|jpy|sek|nok|dkk|pln)\b|,-)/i;
const WORDISH = /[\p{L}\p{N}_@#/\\]/u;

function ibanRanges(text) {
  const ranges = [];
  for (const m of text.matchAll(IBAN)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

function blank(text, ranges) {
  let out = text;
  for (const [a, b] of ranges) out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  return out;
}

function rejectMatch(text, start, end, ibans) {
  const written = text.slice(start, end);
  const before = text.slice(Math.max(0, start - 32), start);
  const after = text.slice(end, end + 8);
  const prev = text[start - 1] ?? '';
  const next = text[end] ?? '';
  if (WORDISH.test(prev) || WORDISH.test(next)) return 'glued';
  // Part of a longer dotted or dashed digit sequence (IP address, version, date-time).
  if (/[.\-:,]$/.test(before) && /\d$/.test(text.slice(0, Math.max(0, start - 1)))) return 'sequence';
  if (/^[.\-:,]\d/.test(after)) return 'sequence';
  if (DATE_LIKE.some((re) => re.test(written.trim()))) return 'date';
  if (CURRENCY_BEFORE.test(before) || CURRENCY_AFTER.test(after) || /[.,]\d{2}$/.test(written) && /[.,]\d{2}\s?[$€£¥]/.test(text.slice(start, end + 3))) return 'price';
  if (ibans.some(([a, b]) => start < b && end > a)) return 'iban';
  if (NOT_PHONE_CONTEXT.test(before) && !PHONE_CONTEXT.test(before)) return 'context';
  // A bare run of digits (no "+", no separators) of 9+ digits is far more often an ID than a
  // phone number; accept it only next to a phone word.
  if (/^\d{9,}$/.test(written) && !PHONE_CONTEXT.test(before)) return 'bare-digits';
  return null;
}

/**
 * Phone numbers and sip: addresses in `text`, in order, without overlaps.
 * @returns {{start:number, end:number, target:string, display:string}[]}
 */
export function findCallables(text, country) {
  const found = [];
  if (text.includes('sip')) {
    for (const m of text.matchAll(SIP_IN_TEXT)) {
      found.push({ start: m.index, end: m.index + m[0].length, target: m[0].replace(/^sips?/i, (s) => s.toLowerCase()), display: m[0] });
    }
  }
  if (MAYBE_NUMBER.test(text) && MAYBE_NUMBER.test(text.replace(DATES_IN_TEXT, ' '))) {
    const ibans = text.length > 15 ? ibanRanges(text) : [];
    let matches;
    try {
      // IBANs are blanked out (same length, so offsets stay) before the parser sees them: their
      // digit groups are many candidates the parser would try one by one, only to be rejected.
      matches = findPhoneNumbersInText(blank(text, ibans), country ? { defaultCountry: country } : undefined);
    } catch {
      matches = [];
    }
    for (const { number, startsAt, endsAt } of matches) {
      if (!number.isValid()) continue;
      if (found.some((f) => startsAt < f.end && endsAt > f.start)) continue;
      if (rejectMatch(text, startsAt, endsAt, ibans)) continue;
      const ext = number.ext ? `;ext=${number.ext}` : '';
      found.push({ start: startsAt, end: endsAt, target: `tel:${number.number}${ext}`, display: text.slice(startsAt, endsAt) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Exposed for the tests' table: why a candidate was rejected. */
export const _rejectMatch = rejectMatch;
