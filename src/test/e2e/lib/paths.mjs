// Where the pieces under test live, relative to the repository root.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const jar = path.join(repoRoot, 'target', 'click2call.jar');
export const cdsArchive = path.join(repoRoot, 'target', 'click2call.jsa');
export const jvmOptionsFile = path.join(
  repoRoot, 'src', 'main', 'resources', 'dev', 'click2call', 'jvm.options');
export const extensionDir = path.join(repoRoot, 'extension', 'dist');
export const artifactsRoot = path.join(repoRoot, 'target', 'e2e-artifacts');
export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

const ids = JSON.parse(fs.readFileSync(path.join(repoRoot, 'host-manifest', 'extension-ids.json'), 'utf8'));
export const chromiumId = ids.chromium[0];
export const geckoId = ids.gecko[0];
export const hostName = 'click2call.host';

/** Fails early, with the fix, when something the suite needs has not been built. */
export function requireBuilt() {
  for (const [file, fix] of [
    [jar, 'run `mvn -B package` first'],
    [path.join(extensionDir, 'manifest.json'), 'run `npm ci && npm run build` in extension/ first'],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`missing ${file}: ${fix}`);
  }
}
