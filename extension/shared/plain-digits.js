// Pages write digits and number punctuation in many Unicode forms: full-width digits on Japanese
// pages, Arabic-Indic or Devanagari digits, no-break spaces, non-breaking hyphens. We read them
// as ASCII, one UTF-16 unit for one, so an offset in the result is the offset in the original.
// No libphonenumber here: the content script's link take-over uses this without the metadata.

const PUNCTUATION = new Map([
  ['\u00a0', ' '], ['\u2007', ' '], ['\u2009', ' '], ['\u200a', ' '], ['\u202f', ' '], ['\u3000', ' '],
  ['\u2002', ' '], ['\u2003', ' '], ['\u2004', ' '], ['\u2005', ' '], ['\u2006', ' '], ['\u2008', ' '],
  ['\u2010', '-'], ['\u2011', '-'], ['\u2012', '-'], ['\u2013', '-'], ['\u2212', '-'], ['\uff0d', '-'],
  ['\uff0b', '+'], ['\uff08', '('], ['\uff09', ')'], ['\uff0e', '.'], ['\uff0f', '/'], ['\uff1a', ':'],
]);
const NON_ASCII = /[^ -~\t\n\r]/; // anything outside printable ASCII
const TO_PLAIN = /[\u00a0\u2002-\u200a\u202f\u3000\u2010-\u2013\u2212\uff08\uff09\uff0b\uff0d-\uff0f\uff1a]|[^\P{Nd}0-9]/gu;
const IS_DIGIT = /^\p{Nd}$/u;
const values = new Map();

// Unicode lays every decimal digit set out as a run of ten, zero first.
function digitValue(ch) {
  let value = values.get(ch);
  if (value === undefined) {
    const cp = ch.codePointAt(0);
    let start = cp;
    while (start > 0 && cp - start < 40 && IS_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
    value = String((cp - start) % 10);
    values.set(ch, value);
  }
  return value;
}

/** `text` with ASCII digits and punctuation, same length. Astral digits (two units) stay as they are. */
export function plainDigits(text) {
  if (!NON_ASCII.test(text)) return text;
  return text.replace(TO_PLAIN, (ch) => {
    if (ch.length !== 1) return ch;
    return PUNCTUATION.get(ch) ?? digitValue(ch);
  });
}
