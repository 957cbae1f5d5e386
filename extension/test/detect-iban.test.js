// IBANs are blanked out before the phone-number parser runs (a speed-up: their digit groups are
// many candidates). Offsets and neighbours must still be those of the original text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCallables } from '../content/detect.js';

test('a number after an IBAN is found at its own offsets in the original text', () => {
  const text = 'IBAN DE89 3704 0044 0532 0130 00, Tel. +49 30 9018 2000 (Zentrale)';
  const hits = findCallables(text, 'DE');
  assert.equal(hits.length, 1);
  assert.equal(text.slice(hits[0].start, hits[0].end), '+49 30 9018 2000');
  assert.equal(hits[0].target, 'tel:+493090182000');
});

test('digits inside an IBAN never become a number, with or without spaces', () => {
  for (const text of ['Konto DE89 3704 0044 0532 0130 00 bitte', 'Konto DE89370400440532013000 bitte', 'GB29 NWBK 6016 1331 9268 19']) {
    assert.deepEqual(findCallables(text, 'DE'), [], text);
  }
});

test('a number glued to an IBAN stays rejected (the neighbours come from the original text)', () => {
  assert.deepEqual(findCallables('DE89 3704 0044 0532 0130 00/030 9018 2000', 'DE'), []);
});
