#!/usr/bin/env node
// Page-scanning benchmark for the extension in real browsers (issue 13). Five pages, each loaded
// with the extension and without it (the baseline) in the same run; every figure is reported as
// a difference or ratio against the baseline. See docs/performance.md, "Extension: page scanning".
//
//   npm --prefix src/test/e2e run bench:pages -- [--runs 3] [--browser chromium|firefox]
//       [--pages stream,crm,large,nodigits] [--heartbeat-ms 16] [--json out.json] [--raw]
//
// Needs extension/dist (cd extension && npm run build) and src/test/e2e/node_modules (npm ci).
// C2C_EXTENSION_DIR=/path/to/dist measures another build (e.g. an older commit's) instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extensionDir } from '../lib/paths.mjs';
import { browserNames, openBrowser } from './browsers.mjs';
import { digitFreePage, numbersPage } from './page.mjs';
import { crmPage, streamPage } from './page-crm.mjs';
import { probeScript } from './probe.mjs';
import { servePages } from './serve.mjs';
import { summarize, printSummary } from './report.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    browser: { type: 'string' },
    pages: { type: 'string', default: 'stream,crm,large,nodigits' },
    json: { type: 'string' },
    'heartbeat-ms': { type: 'string', default: '16' }, // 0: no heartbeat (an idle page)
    raw: { type: 'boolean', default: false }, // keep every probe record in the JSON
  },
});
const runs = Number(args.runs);
const names = args.browser ? [args.browser] : browserNames;
if (!fs.existsSync(path.join(extensionDir, 'content.js'))) {
  throw new Error(`missing ${extensionDir}/content.js: run \`npm ci && npm run build\` in extension/ first`);
}

const probe = (expected) => probeScript(expected, Number(args['heartbeat-ms']));
const built = {
  stream: streamPage({ probe }),
  crm: crmPage({ probe }),
  large: numbersPage({ probe }),
  nodigits: digitFreePage({ probe }),
};
const pages = args.pages.split(',').filter((p) => built[p]);
for (const name of pages) {
  console.log(`${name}: ${(built[name].html.length / 1048576).toFixed(2)} MiB, ${built[name].expected} numbers`);
}
const server = await servePages(Object.fromEntries(pages.map((p) => [`${p}.html`, built[p].html])));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Chromium only: the renderer's own counters (seconds of script, layout, style; counts). */
async function cdpMetrics(page) {
  if (typeof page.context !== 'function') return null; // puppeteer (Firefox over BiDi): none
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return {
    async read() {
      const { metrics } = await session.send('Performance.getMetrics');
      return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
    },
  };
}

/** Open the page in a fresh tab, wait until it says it is done, return the probe's record. */
async function measure(browser, name, withExtension) {
  const page = await browser.newPage();
  try {
    const cdp = await cdpMetrics(page);
    await page.goto(server.url(`${name}.html`), { timeout: 60000 });
    const deadline = Date.now() + (name === 'stream' ? 40000 : 30000);
    for (;;) {
      const s = await page.evaluate(() => ({ all: window.__bench.allLinkedAt, load: window.__bench.load, done: window.__bench.done }));
      const finished = name === 'stream' ? s.done && (!withExtension || s.all !== null)
        : withExtension && built[name].expected > 0 ? s.all !== null : s.load !== null;
      if (finished || Date.now() > deadline) break;
      await sleep(250);
    }
    await sleep(name === 'large' && !withExtension ? 2500 : 500);
    const record = await page.evaluate(() => window.__bench.collect());
    record.cdp = cdp ? await cdp.read() : null;
    return record;
  } finally {
    await page.close().catch(() => {});
  }
}

const results = { machine: { cpus: os.cpus().length, loadBefore: os.loadavg() }, extensionDir, runs, browsers: {} };
for (const browserName of names) {
  const record = { extension: {}, baseline: {} };
  for (const p of pages) {
    record.extension[p] = [];
    record.baseline[p] = [];
  }
  // A fresh browser per counted run (issue 13's method); with and without alternate, so the
  // machine's load drifts over both alike. The first load of each page in a browser warms it up.
  for (let i = 0; i < runs; i += 1) {
    for (const withExtension of [true, false]) {
      const browser = await openBrowser(browserName, withExtension);
      try {
        for (const p of pages) {
          await measure(browser, p === 'stream' ? 'crm' : p, withExtension); // warm-up
          const r = await measure(browser, p, withExtension);
          (withExtension ? record.extension : record.baseline)[p].push(r);
          process.stdout.write('.');
        }
      } finally {
        await browser.close();
      }
    }
  }
  process.stdout.write('\n');
  results.browsers[browserName] = summarize(record, Object.fromEntries(pages.map((p) => [p, built[p].expected])));
  if (args.raw) results.browsers[browserName].raw = record;
  printSummary(browserName, results.browsers[browserName]);
}
results.machine.loadAfter = os.loadavg();
console.log(`load average before ${results.machine.loadBefore.map((l) => l.toFixed(2)).join(' ')}, `
  + `after ${results.machine.loadAfter.map((l) => l.toFixed(2)).join(' ')} (${results.machine.cpus} CPUs)`);
if (args.json) fs.writeFileSync(args.json, JSON.stringify(results, null, 2));
await server.close();
