// Is a number without a country code written the way people of the default country write
// their own numbers? A digit string that is merely *valid* there is not enough: "(212) 555-0147"
// is a valid German number and "(21) 2345-9930" a valid US one, and both would dial a stranger.
// Checks from libphonenumber's metadata for the country plus a small table of conventions:
// - the trunk prefix ("0" in DE/GB/FR) is written where the country's format writes it;
// - the digit groups sit where the country's format puts them (see STYLES);
// - only the separators and parentheses people there use.
import { Metadata } from 'libphonenumber-js/max';

// How people of a country write their own numbers:
// - separators: the characters between digit groups;
// - parens: 'any' area code may stand in parentheses ("(030) 9018-2000"), 'format' only where
//   the national format puts them ("(212) 555-0147", "(21) 2345-9930"), or none;
// - grouping: 'exact' (the groups of the national format) or 'area' (the break after the area
//   code is right, and at most `extra` more: people split the subscriber number as they like);
// - maxHyphens / hyphenLast / oneSeparator: "0621-546-2173" is not German, "21-2345-9930" not
//   Brazilian, "03585-484 559" not Indian;
// - trunkOptional: a trunk prefix the format does not write may be written ("1-800-…");
// - mobileNoTrunk: mobiles without the trunk prefix, other numbers with it (IN; the metadata
//   calls it optional for all).
const DEFAULT_STYLE = { separators: ' -', parens: false, grouping: 'exact' };
const STYLES = {
  US: { separators: ' -.', parens: 'format', grouping: 'exact', trunkOptional: true },
  CA: { separators: ' -.', parens: 'format', grouping: 'exact', trunkOptional: true },
  DE: { separators: ' -/', parens: 'any', grouping: 'area', extra: 1, maxHyphens: 1 },
  AT: { separators: ' -/', parens: 'any', grouping: 'area', extra: 1, maxHyphens: 1 },
  GB: { separators: ' ', parens: 'any', grouping: 'exact' },
  FR: { separators: ' .-', parens: false, grouping: 'exact' },
  BR: { separators: ' -', parens: 'format', grouping: 'exact', hyphenLast: true },
  IN: { separators: ' -', parens: false, grouping: 'area', extra: 1, oneSeparator: true, mobileNoTrunk: true },
  AU: { separators: ' ', parens: 'format', grouping: 'exact' },
  RU: { separators: ' -', parens: 'format', grouping: 'exact' },
};
const MOBILE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

const metadata = new Metadata();
const patterns = new Map(); // format pattern source -> RegExp

function compiled(source) {
  let re = patterns.get(source);
  if (!re) {
    re = new RegExp(source);
    patterns.set(source, re);
  }
  return re;
}

// The format libphonenumber formats this national number with (same choice as formatNational).
function formatFor(country, nsn) {
  metadata.selectNumberingPlan(country);
  for (const format of metadata.numberingPlan.formats()) {
    const leading = format.leadingDigitsPatterns();
    if (leading.length && !compiled(`^(?:${leading[leading.length - 1]})`).test(nsn)) continue;
    if (compiled(`^(?:${format.pattern()})$`).test(nsn)) return format;
  }
  return null;
}

/** Digits of `written` and the digit offsets where a separator breaks them. */
export function digitGroups(written) {
  let digits = '';
  const breaks = [];
  let pendingBreak = false;
  for (const ch of written) {
    if (ch >= '0' && ch <= '9') {
      if (pendingBreak && digits.length) breaks.push(digits.length);
      pendingBreak = false;
      digits += ch;
    } else {
      pendingBreak = true;
    }
  }
  return { digits, breaks };
}

function sameList(a, b) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function writesTrunk(format, trunk) {
  const rule = format?.nationalPrefixFormattingRule() || '';
  return trunk !== '' && rule.replace('$1', '').replace(/[^0-9]/g, '') === trunk;
}

function trunkProblem(style, format, trunk, prefixLength, number) {
  if (!trunk) return null;
  if (prefixLength > 0) return writesTrunk(format, trunk) || style.trunkOptional || style.mobileNoTrunk ? null : 'trunk';
  if (style.mobileNoTrunk) return MOBILE_TYPES.has(number.getType()) || !writesTrunk(format, trunk) ? null : 'no-trunk';
  return writesTrunk(format, trunk) && !format.nationalPrefixIsOptionalWhenFormattingInNationalFormat() ? 'no-trunk' : null;
}

function punctuationProblem(style, written, canonical) {
  for (const ch of written.replace(/[0-9]/g, '')) {
    if (ch === '(' || ch === ')') {
      if (!style.parens) return 'parens';
    } else if (!style.separators.includes(ch)) {
      return 'separator';
    }
  }
  const hyphens = written.split('-').length - 1;
  if (hyphens > (style.maxHyphens ?? Infinity)) return 'separator';
  if (style.oneSeparator && new Set(written.replace(/[0-9]/g, '')).size > 1) return 'separator';
  if (style.hyphenLast && hyphens && !/^[^-]*-\d+$/.test(written)) return 'separator';
  if (!written.includes('(')) return null;
  // Parentheses only around the area code, at the start: "(030) 9018-2000", "1 (800) 555-0175".
  const inParens = /^(?:\d[ -]?)?\((\d+)\)[^()]*$/.exec(written);
  if (!inParens) return 'parens';
  if (style.parens === 'format' && !canonical.includes(`(${inParens[1]})`)) return 'parens';
  return null;
}

/**
 * Why `written` (national, no country code) is not written like a number of `country`, or null.
 * `number` is libphonenumber's valid parse of it for that country.
 */
export function nationalStyleProblem(written, number, country) {
  const style = STYLES[country] ?? DEFAULT_STYLE;
  const nsn = number.nationalNumber;
  const { digits, breaks } = digitGroups(written);
  const prefixLength = digits.length - nsn.length;
  if (prefixLength < 0 || digits.slice(prefixLength) !== nsn) return 'rewritten'; // carrier codes and the like
  metadata.selectNumberingPlan(country);
  const trunk = metadata.numberingPlan.nationalPrefix() || '';
  if (prefixLength > 0 && digits.slice(0, prefixLength) !== trunk) return 'prefix';
  const canonicalText = number.formatNational();
  const problem = punctuationProblem(style, written, canonicalText) ?? trunkProblem(style, formatFor(country, nsn), trunk, prefixLength, number);
  if (problem) return problem;
  // Break positions counted in the national significant number; a break right after the
  // trunk prefix ("1-800-…") says nothing.
  const writtenBreaks = breaks.map((b) => b - prefixLength).filter((b) => b > 0);
  if (!writtenBreaks.length) return null; // digits without separators: the caller asks for a phone word
  const national = digitGroups(canonicalText);
  const shift = national.digits.length - nsn.length;
  const canonical = national.breaks.map((b) => b - shift).filter((b) => b > 0);
  const exact = style.grouping === 'exact' || (style.mobileNoTrunk && prefixLength === 0);
  if (exact) return sameList(writtenBreaks, canonical) ? null : 'grouping';
  return writtenBreaks[0] === canonical[0] && writtenBreaks.length <= 1 + style.extra ? null : 'grouping';
}
