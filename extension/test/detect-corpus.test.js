// The detection corpus score, run by `npm test` (so by CI): precision, recall of the numbers a
// default country can resolve, and wrong targets, for the default countries we hold floors for.
// The table is printed as test diagnostics; docs/EXTENSION.md records it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCallables } from '../content/detect.js';
import { buildCorpus } from './corpus/corpus.js';
import { LOOKALIKE_KINDS } from './corpus/lookalikes.js';
import { score, formatTable } from './corpus/score.js';

const FLOORS = { precision: 0.97, recall: 0.95, wrongTargets: 0 };
const DEFAULT_COUNTRIES = ['US', 'DE', 'GB', 'FR', 'IN', 'BR'];
const corpus = buildCorpus();

test('the corpus is as large and as varied as promised, and the same on every run', () => {
  assert.ok(corpus.numbers.length >= 1000, `${corpus.numbers.length} numbers`);
  assert.ok(new Set(corpus.numbers.map((n) => n.country)).size >= 12);
  assert.ok(corpus.numbers.filter((n) => n.international).length >= 400);
  assert.ok(corpus.numbers.filter((n) => !n.international).length >= 400);
  assert.ok(corpus.lookalikes.length >= 1000, `${corpus.lookalikes.length} look-alikes`);
  for (const kind of LOOKALIKE_KINDS) assert.ok(corpus.lookalikes.filter((l) => l.kind === kind).length >= 20, kind);
  assert.deepEqual(buildCorpus().numbers.map((n) => n.text), corpus.numbers.map((n) => n.text));
});

test('corpus score per default country holds the floors', (t) => {
  const rows = DEFAULT_COUNTRIES.map((country) => score(findCallables, corpus, country));
  t.diagnostic(`corpus: ${corpus.numbers.length} numbers, ${corpus.lookalikes.length} look-alikes`);
  for (const line of formatTable(rows).split('\n')) t.diagnostic(line);
  for (const row of rows) {
    const why = row.mistakes.slice(0, 10).map((m) => JSON.stringify(m)).join('\n');
    assert.ok(row.precision >= FLOORS.precision, `${row.country} precision ${row.precision}\n${why}`);
    assert.ok(row.recall >= FLOORS.recall, `${row.country} recall ${row.recall}\n${why}`);
    assert.equal(row.wrongTargets, FLOORS.wrongTargets, `${row.country} wrong targets\n${why}`);
  }
});

test('no look-alike becomes a link, whatever the default country', () => {
  for (const country of [...DEFAULT_COUNTRIES, 'JP', 'IT', 'ES', 'AU']) {
    const linked = corpus.lookalikes.filter((l) => findCallables(l.text, country).some((f) => f.target.startsWith('tel:')));
    assert.deepEqual(linked.map((l) => l.text), [], country);
  }
});
