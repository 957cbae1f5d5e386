// An esbuild plugin: libphonenumber-js's metadata (157 KB) as a JSON string parsed on first use
// instead of an object literal. The engine only scans a string while compiling a script, so
// evaluating content.js on a page that never needs the detector costs less (docs/performance.md).
import { readFile } from 'node:fs/promises';

export const metadataAsJson = {
  name: 'metadata-as-json',
  setup(b) {
    b.onLoad({ filter: /libphonenumber-js[\\/]metadata\.[a-z]+\.json\.js$/ }, async (args) => {
      const json = await readFile(args.path.replace(/\.js$/, ''), 'utf8');
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(json)))});`, loader: 'js' };
    });
  },
};
