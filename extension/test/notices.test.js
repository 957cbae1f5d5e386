// The extension's third-party notices (dist/THIRD-PARTY-NOTICES.txt, written by the build) cover
// every runtime dependency: each package the lock file installs for production (anything the
// bundles can contain) is listed with its licence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { bundledPackages } from '../scripts/notices.mjs';

const read = (p) => fs.readFileSync(new URL(p, import.meta.url), 'utf8');

test('every production package is in the notices, with its licence', () => {
  const notices = read('../dist/THIRD-PARTY-NOTICES.txt');
  const lock = JSON.parse(read('../package-lock.json'));
  const production = Object.entries(lock.packages)
    .filter(([key, entry]) => key.startsWith('node_modules/') && !entry.dev && !entry.optional)
    .map(([key, entry]) => ({ name: key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length), entry }));
  assert.ok(production.length > 0);
  for (const { name, entry } of production) {
    assert.ok(notices.includes(`== ${name} ${entry.version} — ${entry.license}`), `${name} ${entry.version} (${entry.license}) is listed`);
  }
});

test('the package names come from the bundles\' inputs', () => {
  const metafile = { inputs: { 'background/main.js': {}, 'node_modules/libphonenumber-js/max/index.js': {}, 'node_modules/@scope/pkg/a.js': {}, '../x/node_modules/deep/b.js': {} } };
  assert.deepEqual(bundledPackages([metafile]), ['@scope/pkg', 'deep', 'libphonenumber-js']);
});
