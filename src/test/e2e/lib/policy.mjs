// Enterprise policy for the extension, written where each browser reads it on Linux. Both
// places are system-wide (neither browser takes a per-profile policy path), so a test writes
// its file only around its own browser's start and removes it afterwards; the suite runs
// sequentially. Refuses to touch a policy file it did not write.
import fs from 'node:fs';
import path from 'node:path';
import { chromiumId, geckoId } from './paths.mjs';

const MARK = 'click2call-e2e';
export const chromiumPolicyFile = path.join('/etc/chromium/policies/managed', `${MARK}.json`);
export const firefoxPolicyFile = '/etc/firefox/policies/policies.json';

function writeOwned(file, content) {
  if (fs.existsSync(file) && !fs.readFileSync(file, 'utf8').includes(MARK)) {
    throw new Error(`${file} exists and was not written by the test suite; not touching it`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...content, [`_comment_${MARK}`]: 'written by the end-to-end suite' }, null, 2));
}

function removeOwned(file) {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(MARK)) fs.rmSync(file);
}

/** Chromium's managed policy JSON: `3rdparty.extensions.<id>` is the extension's storage.managed. */
export function writeChromiumPolicy(values) {
  writeOwned(chromiumPolicyFile, { '3rdparty': { extensions: { [chromiumId]: values } } });
  return () => removeOwned(chromiumPolicyFile);
}

/** Firefox's policies.json: `policies.3rdparty.Extensions.<gecko id>`. */
export function writeFirefoxPolicy(values) {
  writeOwned(firefoxPolicyFile, { policies: { '3rdparty': { Extensions: { [geckoId]: values } } } });
  return () => removeOwned(firefoxPolicyFile);
}
