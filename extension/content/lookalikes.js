// Digit strings that parse as a phone number but that people do not read as one: dates, times,
// IP addresses, ISBN/ISSN, social-security-like ids, ids glued to a letter prefix, prices, and
// anything that a word before it calls an order, invoice, passcode, build … All functions work
// on the plain-digit text (shared/plain-digits.js), so offsets are those of the page's text.

const DATE_LIKE = [
  /^\d{4}\s?[-./]\s?\d{1,2}\s?[-./]\s?\d{1,2}$/, // 2024-03-15
  /^\d{1,2}\s?[-./]\s?\d{1,2}\s?[-./]\s?\d{2,4}$/, // 15.03.2024, 03/15/24
  /^(?:19|20)\d\d\s?-\s?(?:19|20)\d\d$/, // 1999-2024
];
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const SSN_LIKE = /^\d{3}-\d{2}-\d{4}$/;
const ISBN10 = /^\d{1,5}[- ]\d{1,7}[- ]\d{1,7}[- ]\d$/;
const ISSN = /^\d{4}-\d{4}$/;
// Words that, right before a digit run, say it is not a phone number.
const NOT_PHONE_CONTEXT = new RegExp(`(?:^|[^\\p{L}])(?:${[
  'order', 'invoice', 'ref(?:erence)?', 'id', 'no', 'nr', 'num(?:ber)?', 'iban', 'bic', 'swift', 'ticket', 'case',
  'tracking', 'track', 'shipment', 'parcel', 'account', 'acct', 'customer', 'serial', 's/?n', 'sku', 'item', 'article',
  'art', 'zip', 'postcode', 'postal', 'plz', 'cep', 'pin(?:code)?', 'isbn', 'issn', 'doi', 'arxiv', 'vat', 'tax', 'ein',
  'ssn', 'social security', 'passcode', 'pass code', 'password', 'access code', 'code', 'meeting', 'webinar',
  'conference', 'participant', 'build', 'version', 'ver', 'release', 'port', 'ports', 'ean', 'gtin', 'upc', 'po',
  'lot', 'batch', 'model', 'part', 'imei', 'patent', 'licen[cs]e', 'policy', 'claim', 'contract', 'member',
  'aadhaar', 'pan', 'gstin', 'cpf', 'cnpj', 'rg', 'siret', 'siren', 'n[°º]', 'commande', 'facture', 'pedido',
  'nota fiscal', 'bestell\\w*', 'rechnung\\w*', 'kunden\\w*', 'auftrag\\w*', 'vorgang\\w*', 'aktenzeichen', 'az',
  'steuer\\w*', 'ust-?id\\w*', 'konto\\w*', 'kto', 'blz', 'sort code',
].join('|')})\\.?\\s*[#:]?\\s*$`, 'iu');
// ...unless a phone word is there too ("Phone no. 030 …").
const PHONE_CONTEXT = /\b(?:tel|phone|telephone|ph|fon|call|mobile?|mobil\w*|mob|cell|fax|hotline|whatsapp|ruf|telefon\w*|handy|festnetz|t[ée]l[ée]?(?:phone)?|portable|ligue|celular|contato|dial|sms)\b[^0-9]{0,20}$/i;
const CURRENCY_BEFORE = /[$€£¥₹]\s?$|\b(?:usd|eur|gbp|chf|jpy|sek|nok|dkk|pln|inr|brl|r\$|rs\.?)\s?$/i;
const CURRENCY_AFTER = /^\s?(?:[$€£¥₹]|(?:usd|eur|gbp|chf|jpy|sek|nok|dkk|pln|inr|brl)\b|,-)/i;
// Letters and digits glued to a match make it part of a word or id. Chinese, Japanese and Korean
// text has no spaces between words, so their letters do not glue.
const WORDISH = /(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])[\p{L}\p{N}_@#\\]/u;
const GLUE = /[-./:_,]/;
const ALNUM = /(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])[\p{L}\p{N}]/u;
const IBAN = /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b/g;

export function ibanRanges(text) {
  const ranges = [];
  for (const m of text.matchAll(IBAN)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** A phone word right before `start` ("Tel.:", "phone", "Fax") */
export function hasPhoneWord(text, start) {
  return PHONE_CONTEXT.test(text.slice(Math.max(0, start - 32), start));
}

function isbn13(digits) {
  if (digits.length !== 13 || !/^97[89]/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 13; i += 1) sum += Number(digits[i]) * (i % 2 ? 3 : 1);
  return sum % 10 === 0;
}

function checksum11(digits) { // ISBN-10 (10 digits) and ISSN (8 digits)
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) sum += Number(digits[i]) * (digits.length - i);
  return sum % 11 === 0;
}

/** Why the written digits have the shape of something else than a phone number, or null. */
export function shapeProblem(written) {
  if (DATE_LIKE.some((re) => re.test(written))) return 'date';
  if (IPV4.test(written)) return 'ip';
  if (SSN_LIKE.test(written)) return 'ssn';
  const digits = written.replace(/[^0-9]/g, '');
  if (isbn13(digits) || (ISBN10.test(written) && checksum11(digits))) return 'isbn';
  if (ISSN.test(written) && checksum11(digits)) return 'issn';
  return null;
}

/** Why the text around [start, end) says this is not a phone number, or null. */
export function contextProblem(text, start, end, ibans, phoneWord) {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 8);
  const prev = text[start - 1] ?? '';
  const next = text[end] ?? '';
  if (WORDISH.test(prev) || WORDISH.test(next)) return 'glued';
  // Glued by punctuation to a word or number: SO-2024-649218, arXiv:2403.12345, 10.0.0.1, v1.2.3.
  // "Tel.:030 …" and "Tel:+49 …" are not glued: a phone word says so.
  if (GLUE.test(prev) && ALNUM.test(text[start - 2] ?? '') && !(/[.:]/.test(prev) && phoneWord)) return 'glued';
  if (prev === '/' && /\d\s?$/.test(text.slice(0, start - 1))) return 'sequence';
  if (GLUE.test(next) && ALNUM.test(text[end + 1] ?? '')) return 'glued';
  if (CURRENCY_BEFORE.test(before) || CURRENCY_AFTER.test(after)) return 'price';
  if (ibans.some(([a, b]) => start < b && end > a)) return 'iban';
  if (!phoneWord && NOT_PHONE_CONTEXT.test(before)) return 'context';
  return null;
}
