// Issue 14 findings that are about where a match is, not only its target (the target rows are
// in detection-table.js): neighbours, parentheses, ports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCallables } from '../content/detect.js';

const shown = (text, country) => findCallables(text, country).map((f) => text.slice(f.start, f.end));

test('a number alone in its text node is found the same as next to another number', () => {
  for (const country of ['US', 'DE', 'GB', 'FR', 'IN', 'BR']) {
    const alone = findCallables('+91-80-2345-0210', country).map((f) => f.target);
    const withNeighbour = findCallables('+91-80-2345-0210 / +49 30 901820', country).map((f) => f.target);
    assert.deepEqual(alone, ['tel:+918023450210'], country);
    assert.deepEqual(withNeighbour, ['tel:+918023450210', 'tel:+4930901820'], country);
  }
});

test('no link starts with a stray "(" or ends with a stray ")"', () => {
  assert.deepEqual(shown('Zentrale (+49 30 901820)', 'DE'), ['+49 30 901820']);
  assert.deepEqual(shown('(Tel. +1 415-555-2671)', 'US'), ['+1 415-555-2671']);
  assert.deepEqual(shown('Hotline (0800 1234567)', 'DE'), ['0800 1234567']);
  assert.deepEqual(shown('(+44 20 7946 0958)', 'GB'), ['+44 20 7946 0958']);
  assert.deepEqual(shown('Call (030) 9018-2000', 'DE'), ['(030) 9018-2000']);
});

test('a sips: address keeps its port; sip: without a port is unchanged', () => {
  const [hit] = findCallables('Secure: sips:bob@pbx.example.org:5061 (TLS)', 'US');
  assert.equal(hit.target, 'sips:bob@pbx.example.org:5061');
  assert.equal(findCallables('sip:alice@example.com', 'US')[0].target, 'sip:alice@example.com');
});

test('full-width digits are read and the link covers the original characters', () => {
  const text = 'お電話は０３−１２３４−５６７８まで';
  const [hit] = findCallables(text, 'JP');
  assert.equal(hit.target, 'tel:+81312345678');
  assert.equal(text.slice(hit.start, hit.end), '０３−１２３４−５６７８');
});

test('what a text node holds besides an entry never changes what is found in it', async () => {
  const { buildCorpus } = await import('./corpus/corpus.js');
  const { numbers, lookalikes } = buildCorpus();
  const entries = [...numbers, ...lookalikes].filter((_, i) => i % 7 === 0);
  const before = 'Branch list, updated weekly: Berlin +49 30 901820, Paris +33 1 23 45 67 89. See you soon. ';
  const after = ' Thanks. London +44 20 7946 0958 and 2024-03-15; 10.0.0.1.';
  for (const country of ['US', 'DE', 'IN']) {
    for (const entry of entries) {
      const alone = findCallables(entry.text, country).map((f) => [f.start, f.target]);
      const inside = findCallables(before + entry.text + after, country)
        .filter((f) => f.start >= before.length && f.end <= before.length + entry.text.length)
        .map((f) => [f.start - before.length, f.target]);
      assert.deepEqual(inside, alone, `${country}: ${entry.text}`);
    }
  }
});

test('a piece cut from a longer text with CONTEXT_BEFORE/AFTER around the candidate gives the same result', async () => {
  const { CONTEXT_BEFORE, CONTEXT_AFTER } = await import('../content/detect.js');
  const text = 'Kundennummer: 0301234567 (bitte angeben). Zentrale (030) 9018-2000, Durchwahl x12 — Order no. 0171 1234567';
  const whole = findCallables(text, 'DE');
  for (const m of text.matchAll(/\(?\d[\d ()-]*\d/g)) {
    const from = Math.max(0, m.index - CONTEXT_BEFORE);
    const to = Math.min(text.length, m.index + m[0].length + CONTEXT_AFTER);
    const piece = findCallables(text.slice(from, to), 'DE')
      .filter((f) => f.start <= m.index - from && f.end >= m.index - from + 1)
      .map((f) => f.target);
    const expected = whole.filter((f) => f.start <= m.index && f.end >= m.index + 1).map((f) => f.target);
    assert.deepEqual(piece, expected, m[0]);
  }
});
