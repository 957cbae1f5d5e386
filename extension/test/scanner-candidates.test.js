// The candidate pass (content/candidates.js) must let through every text in which the detector
// finds something (its contract with content/detect.js), and must be cheap to say "no".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayHoldCallable, MIN_TEXT } from '../content/candidates.js';
import { findCallables } from '../content/detect.js';
import { TABLE } from './detection-table.js';

test('every text of the detection table with a number passes the candidate pass', () => {
  for (const { text, expect } of TABLE) {
    if (expect.length > 0) assert.ok(mayHoldCallable(text), text);
  }
});

const FULL_WIDTH = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const ARABIC_INDIC = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));

test('digits of any script and every separator pass: ASCII, full-width, Arabic-Indic, no-break and thin spaces, non-breaking hyphens', () => {
  for (const text of [
    '+49 30 901820', FULL_WIDTH('+49 30 901820'), ARABIC_INDIC('030 901820'),
    '+49\u00a030\u00a0901820', '+49\u202f30\u2009901820', '030\u20119018\u20112000', '(030) 9018-2000',
    '\uff0b\uff14\uff19\u3000\uff13\uff10\u3000\uff19\uff10\uff11', 'SIP:Bob@pbx.example', 'write to sips:a@b.example',
  ]) assert.ok(mayHoldCallable(text), JSON.stringify(text));
});

test('text without digits, with fewer than three, or shorter than a number is not a candidate', () => {
  for (const text of ['Nothing to call here at all.', 'Page 2 of 9 shown', 'Q4', '12 34', '', 'Kapitel zwölf']) {
    assert.equal(mayHoldCallable(text), false, JSON.stringify(text));
  }
  assert.ok(MIN_TEXT <= 7);
});

test('whatever the detector finds in generated text, the candidate pass lets through (superset)', () => {
  const separators = [' ', '-', '.', '\u00a0', '\u2009', '\u2011', '/', ''];
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  let found = 0;
  for (let i = 0; i < 3000; i += 1) {
    const digits = 4 + Math.floor(rand() * 11);
    let number = rand() < 0.5 ? '+' : '0';
    for (let d = 0; d < digits; d += 1) number += (rand() < 0.2 ? separators[Math.floor(rand() * separators.length)] : '') + Math.floor(rand() * 10);
    const text = `${['Tel. ', 'Ruf an: ', '', 'x '][i % 4]}${rand() < 0.3 ? FULL_WIDTH(number) : number}${[' bitte', '', '.'][i % 3]}`;
    for (const country of [null, 'DE', 'US', 'GB']) {
      if (findCallables(text, country).length > 0) {
        found += 1;
        assert.ok(mayHoldCallable(text), JSON.stringify(text));
      }
    }
  }
  assert.ok(found > 100, `only ${found} texts had a number: the generator no longer tests anything`);
});
