// Where the extension's time goes on one benchmark page, in Chromium: a sampling CPU profile
// (100 µs) of each page load, from navigation until every number is linked, averaged over the
// loads after a first warm-up load. Prints the functions with the most time of their own, and
// the extension's functions with the most time including what they call. Function names are
// readable with an unminified build (--unminified builds one into a temporary folder).
//
//   npm --prefix src/test/e2e run bench:profile -- [--page crm|large|stream|nodigits]
//       [--loads 3] [--build extension/dist] [--unminified] [--save folder]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extensionDir } from '../lib/paths.mjs';
import { openBrowser } from './browsers.mjs';
import { digitFreePage, numbersPage } from './page.mjs';
import { crmPage, streamPage } from './page-crm.mjs';
import { probeScript } from './probe.mjs';
import { servePages } from './serve.mjs';

const { values: args } = parseArgs({
  options: {
    page: { type: 'string', default: 'crm' },
    loads: { type: 'string', default: '3' },
    build: { type: 'string', default: extensionDir },
    unminified: { type: 'boolean', default: false },
    save: { type: 'string' }, // keep each .cpuprofile (opens in Chromium's DevTools)
  },
});
const makers = { crm: crmPage, large: numbersPage, stream: streamPage, nodigits: digitFreePage };
if (!makers[args.page]) throw new Error(`--page must be one of ${Object.keys(makers).join(', ')}`);
const loads = Number(args.loads);
const extensionRoot = path.dirname(extensionDir); // extension/, whose dist/ is the default build
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A copy of the build whose content.js is bundled again without minifying. */
async function unminified(dist) {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'c2c-profile-'));
  fs.cpSync(dist, copy, { recursive: true });
  const { metadataAsJson } = await import(path.join(extensionRoot, 'scripts', 'metadata-as-json.mjs'));
  const esbuild = await import(path.join(extensionRoot, 'node_modules', 'esbuild', 'lib', 'main.js'));
  await (esbuild.build ?? esbuild.default.build)({
    bundle: true, format: 'iife', target: ['chrome116'], logLevel: 'warning', plugins: [metadataAsJson],
    entryPoints: [path.join(extensionRoot, 'content', 'main.js')], outfile: path.join(copy, 'content.js'),
  });
  return copy;
}

const dist = args.unminified ? await unminified(path.resolve(args.build)) : path.resolve(args.build);
const page = makers[args.page]({ probe: (n) => probeScript(n, 16) });
const server = await servePages({ [`${args.page}.html`]: page.html });
const browser = await openBrowser('chromium', dist);
const self = new Map();
const inclusive = new Map();
const name = (node) => `${node.callFrame.functionName || '(anonymous)'} ${path.basename(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
try {
  for (let load = 0; load <= loads; load += 1) {
    const tab = await browser.newPage();
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await tab.goto(server.url(`${args.page}.html`), { timeout: 60000 });
    for (let waited = 0; waited < 60000; waited += 100) {
      const done = await tab.evaluate(() => (window.__bench.done ?? true) && window.__bench.allLinkedAt !== null);
      if (done) break;
      await sleep(100);
    }
    const { profile } = await cdp.send('Profiler.stop');
    await tab.close();
    if (load === 0) continue; // warm-up
    if (args.save) {
      fs.mkdirSync(args.save, { recursive: true });
      fs.writeFileSync(path.join(args.save, `${args.page}-${load}.cpuprofile`), JSON.stringify(profile));
    }
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parents = new Map();
    for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
    profile.samples.forEach((id, i) => {
      const ms = profile.timeDeltas[i] / 1000 / loads;
      const own = name(nodes.get(id));
      self.set(own, (self.get(own) ?? 0) + ms);
      const counted = new Set();
      for (let at = id; at !== undefined; at = parents.get(at)) {
        const fn = name(nodes.get(at));
        if (!counted.has(fn)) inclusive.set(fn, (inclusive.get(fn) ?? 0) + ms);
        counted.add(fn);
      }
    });
  }
} finally {
  await browser.close();
  await server.close();
}

const top = (map, keep, count) => [...map].filter(([fn]) => keep(fn)).sort((a, b) => b[1] - a[1]).slice(0, count)
  .forEach(([fn, ms]) => console.log(`${ms.toFixed(1).padStart(8)} ms  ${fn}`));
console.log(`${args.page}: ms per load (mean of ${loads}), time of their own`);
top(self, (fn) => !/^\((idle|program|root)\)/.test(fn), 25);
console.log('the extension (content.js), including what it calls');
top(inclusive, (fn) => fn.includes('content.js'), 25);
