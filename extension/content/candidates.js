// The scanner's cheap candidate pass: which text (a text node, or a whole subtree's text) is
// worth handing to the detector at all. It runs on every text node of every page, so it is one
// native regular-expression test and nothing else.
//
// CONTRACT with content/detect.js (`findCallables(text, country)`): this pass must accept a
// SUPERSET of the texts in which findCallables can find anything. It accepts any text with at
// least MIN_DIGITS decimal digits of any script (ASCII, full-width U+FF10–FF19 and every other
// Unicode Nd digit), whatever separates them (spaces, no-break and thin spaces, non-breaking
// hyphens, dots, brackets, "+"), and any text containing "sip:" or "sips:" in any case. If the
// detector ever finds a number with fewer digits, or some other kind of address, change this
// file in the same commit; when in doubt, let the text through — the detector decides.
const MIN_DIGITS = 3;
// Two simple expressions are faster than one with an alternative (a 1.5 MB text without digits:
// 0.8 ms against 2.4 ms in Node 20).
const DIGITS = /\p{Nd}(?:\P{Nd}*\p{Nd}){2}/u; // MIN_DIGITS
const SIP = /sips?:/i;
// Shorter text cannot hold a number the detector finds (its shortest match, "sip:a@b", has 7).
export const MIN_TEXT = 7;

/** Could `text` hold a phone number or a sip: address? (false means: certainly not) */
export function mayHoldCallable(text) {
  return text.length >= MIN_TEXT && (DIGITS.test(text) || SIP.test(text));
}

export const _MIN_DIGITS = MIN_DIGITS; // tests
