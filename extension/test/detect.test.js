import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCallables } from '../content/detect.js';
import { TABLE } from './detection-table.js';

for (const row of TABLE) {
  const label = row.expect.length ? 'finds' : 'ignores';
  test(`${label} [${row.country}] ${row.text}`, () => {
    assert.deepEqual(findCallables(row.text, row.country).map((f) => f.target), row.expect);
  });
}

test('offsets point at the written number', () => {
  const text = 'Call (030) 9018-2000 now';
  const [hit] = findCallables(text, 'DE');
  assert.equal(text.slice(hit.start, hit.end), '(030) 9018-2000');
});

test('text without digits or sip costs no parsing', () => {
  assert.deepEqual(findCallables('Just words here, nothing to see.', 'DE'), []);
});
