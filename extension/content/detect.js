// Finds phone numbers and sip:/sips: addresses in plain text.
// 1. The text is read with plain ASCII digits and punctuation (full-width digits, no-break
//    spaces and hyphens; same offsets).
// 2. Runs of digits joined by at most three of ` .-/()` are split at wide gaps (" / ", " - ",
//    two spaces) into candidates; a piece that is no number alone is tried with the next one.
//    What else the text node holds never changes the result.
// 3. A candidate is a number when libphonenumber (max metadata) says it is valid AND it is
//    written like one: "+"/"00" with a country code, or — for the default country only — with
//    that country's trunk prefix and digit grouping (content/national-style.js). A number that
//    is merely valid in the default country by its digit count is not linked.
// 4. Look-alikes are thrown out by shape and by the words around them (content/lookalikes.js).
import { parsePhoneNumberFromString, getCountryCallingCode } from 'libphonenumber-js/max';
import { plainDigits } from '../shared/plain-digits.js';
import { nationalStyleProblem, digitGroups } from './national-style.js';
import { shapeProblem, contextProblem, hasPhoneWord, ibanRanges } from './lookalikes.js';

// Cheap prefilter: at least 7 digits, separated by at most 3 non-digits each.
const MAYBE_NUMBER = /\d(?:\D{0,3}\d){6}/;
const RUN = /(?:\+|\(\+?)?\d(?:[ .\-/()]{0,3}\d)*\)?/g;
const WIDE_GAP = /\s+[-/]\s*|[-/]\s+|\s{2,}/g;
const EXTENSION = /^\s?(?:x|ext\.?|extension|durchwahl|poste|ramal)\s?(\d{1,6})(?![\p{L}\p{N}])/iu;
const SIP_IN_TEXT = /\bsips?:[A-Za-z0-9._+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(?::[0-9]{1,5}(?![0-9]))?/gi;
const NANP = new Set(['US', 'CA']);
/**
 * How much text around a candidate the rules read (words before it, glued characters and an
 * extension after it). A caller that hands over pieces of a longer text (a pre-pass that cuts
 * out candidates) must include this much on each side to get the same result.
 */
export const CONTEXT_BEFORE = 40;
export const CONTEXT_AFTER = 16;
const MIN_DIGITS = 7;
const MAX_DIGITS = 17; // 15 of E.164 plus a written "00" or trunk prefix

function parse(written, country) {
  try {
    return parsePhoneNumberFromString(written, country ? { defaultCountry: country } : undefined);
  } catch {
    return undefined;
  }
}

// Where the candidate [a, b) really starts and ends: no stray "(" or ")" at its edges.
function trimParens(plain, a, b) {
  let start = a;
  let end = b;
  const s = () => plain.slice(start, end);
  const count = (ch) => s().split(ch).length - 1;
  if (plain[start] === '(' && !s().includes(')')) start += 1;
  if (plain[end - 1] === ')' && count(')') > count('(')) end -= 1;
  if (plain[start] === '(' && plain[end - 1] === ')' && s().indexOf(')') === end - start - 1) {
    start += 1;
    end -= 1;
  }
  while (start < end && !/[0-9+]/.test(plain[start]) && !(plain[start] === '(' && s().includes(')'))) start += 1;
  return [start, end];
}

// Runs of digits, each as its pieces between wide gaps.
function* runs(plain) {
  for (const m of plain.matchAll(RUN)) {
    const pieces = [];
    let from = m.index;
    for (const gap of m[0].matchAll(WIDE_GAP)) {
      pieces.push([from, m.index + gap.index]);
      from = m.index + gap.index + gap[0].length;
    }
    pieces.push([from, m.index + m[0].length]);
    yield pieces;
  }
}

// The number as libphonenumber reads it, when written in an international or national way.
function readNumber(written, digits, country) {
  if (written.startsWith('+')) return parse(written);
  if (digits.startsWith('00')) return parse(`+${digits.slice(2)}`);
  if (NANP.has(country) && digits.startsWith('011')) return parse(`+${digits.slice(3)}`);
  if (!country) return undefined;
  const number = parse(written, country);
  if (!number?.isValid() || number.countryCallingCode !== getCountryCallingCode(country)) return undefined;
  return nationalStyleProblem(written, number, country) ? undefined : number;
}

// The candidate itself, else the candidate without a parenthesised tail that belongs to the
// words around it ("1-800-555-0175 (24/7)"). Never a number cut out of a longer digit run.
function judgeWithTrim(text, plain, a, b, country, ibans) {
  const whole = judge(text, plain, a, b, country, ibans);
  if (whole) return whole;
  const tail = / \([^()]*\)?$/.exec(plain.slice(a, b));
  return tail && tail.index > 0 ? judge(text, plain, a, a + tail.index, country, ibans) : null;
}

function judge(text, plain, a, b, country, ibans) {
  const [start, end] = trimParens(plain, a, b);
  const written = plain.slice(start, end);
  const { digits, breaks } = digitGroups(written);
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return null;
  const ext = EXTENSION.exec(plain.slice(end, end + 16));
  const stop = ext ? end + ext[0].length : end;
  const phoneWord = hasPhoneWord(plain, start);
  if (shapeProblem(written) && !phoneWord) return null;
  if (contextProblem(plain, start, stop, ibans, phoneWord)) return null;
  // A bare run of 9+ digits (no "+", no separators) is far more often an ID than a phone
  // number; accept it only next to a phone word.
  if (!breaks.length && !written.startsWith('+') && digits.length >= 9 && !phoneWord) return null;
  const number = readNumber(written, digits, country);
  if (!number?.isValid() || number.number.length > 16) return null;
  const suffix = ext ? `;ext=${ext[1]}` : number.ext ? `;ext=${number.ext}` : '';
  return { start, end: stop, target: `tel:${number.number}${suffix}`, display: text.slice(start, stop) };
}

/**
 * Phone numbers and sip:/sips: addresses in `text`, in order, without overlaps. `country` is
 * the default country (ISO 3166 alpha-2) for numbers written without a country code.
 * @returns {{start:number, end:number, target:string, display:string}[]}
 */
export function findCallables(text, country) {
  const found = [];
  if (/sip/i.test(text)) {
    for (const m of text.matchAll(SIP_IN_TEXT)) {
      found.push({ start: m.index, end: m.index + m[0].length, target: m[0].replace(/^sips?/i, (s) => s.toLowerCase()), display: m[0] });
    }
  }
  const plain = plainDigits(text);
  if (MAYBE_NUMBER.test(plain)) {
    const ibans = plain.length > 15 ? ibanRanges(plain) : [];
    for (const pieces of runs(plain)) {
      for (let i = 0; i < pieces.length; i += 1) {
        const [a, b] = pieces[i];
        let hit = b - a >= 3 ? judgeWithTrim(text, plain, a, b, country, ibans) : null;
        // A piece that is no number on its own may be one with the next across the gap:
        // "+49 (0) 30 / 901820-0", "030 - 901820".
        if (!hit && i + 1 < pieces.length) {
          hit = judgeWithTrim(text, plain, a, pieces[i + 1][1], country, ibans);
          if (hit) i += 1;
        }
        if (hit && !found.some((f) => hit.start < f.end && hit.end > f.start)) found.push(hit);
      }
    }
  }
  return found.sort((x, y) => x.start - y.start);
}
