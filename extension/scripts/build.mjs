// Builds the loadable extension into dist/: bundles the four entry points with esbuild (content
// scripts cannot use static imports; the background bundles libphonenumber-js) and copies the
// static files. `npm run build` is all that is needed; load dist/ unpacked.
import { build } from 'esbuild';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { thirdPartyNotices } from './notices.mjs';
import { metadataAsJson } from './metadata-as-json.mjs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

// metafile: which files went into each bundle, for the third-party notices.
const common = {
  bundle: true, format: 'iife', target: ['chrome116', 'firefox128'], minify: true, legalComments: 'none', logLevel: 'warning',
  metafile: true, plugins: [metadataAsJson],
};
const results = await Promise.all([
  build({ ...common, entryPoints: [path.join(root, 'background/main.js')], outfile: path.join(dist, 'background.js') }),
  build({ ...common, entryPoints: [path.join(root, 'content/main.js')], outfile: path.join(dist, 'content.js') }),
  build({ ...common, entryPoints: [path.join(root, 'popup/popup.js')], outfile: path.join(dist, 'popup/popup.js') }),
  build({ ...common, entryPoints: [path.join(root, 'options/options.js')], outfile: path.join(dist, 'options/options.js') }),
  build({ ...common, entryPoints: [path.join(root, 'confirm/confirm.js')], outfile: path.join(dist, 'confirm/confirm.js') }),
  build({ ...common, entryPoints: [path.join(root, 'setup/setup.js')], outfile: path.join(dist, 'setup/setup.js') }),
]);

const statics = ['manifest.json', 'managed_schema.json', '_locales', 'icons', 'content/links.css',
  'popup/popup.html', 'popup/popup.css', 'options/options.html', 'confirm/confirm.html', 'shared/page.css',
  'setup/setup.html', 'setup/setup.css'];
for (const file of statics) {
  await cp(path.join(root, file), path.join(dist, file), { recursive: true });
}
// Every npm package bundled into dist/ (and so into the CRX and the XPI), with its licence.
await writeFile(path.join(dist, 'THIRD-PARTY-NOTICES.txt'), thirdPartyNotices(root, results.map((r) => r.metafile)));
console.log(`built ${path.relative(process.cwd(), dist) || dist}`);
