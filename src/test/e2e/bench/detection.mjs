#!/usr/bin/env node
// Page-scanning benchmark for the extension in real browsers (issue 13). Five pages, each loaded
// with the extension and without it (the baseline) in the same run; every figure is reported as
// a difference or ratio against the baseline. See docs/performance.md, "Extension: page scanning".
//
//   npm --prefix src/test/e2e run bench:pages -- [--runs 3] [--browser chromium|firefox]
//       [--pages stream,crm,large,nodigits] [--builds before=/old/dist,after=extension/dist]
//       [--heartbeat-ms 16] [--json out.json] [--raw]
//
// Needs extension/dist (cd extension && npm run build) and src/test/e2e/node_modules (npm ci).
// --builds measures several builds of the extension (e.g. an older commit's dist) in the same
// runs, interleaved with each other and with the baseline, so a shared machine's load falls on
// all of them alike.
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
    builds: { type: 'string', default: `extension=${extensionDir}` },
    json: { type: 'string' },
    'heartbeat-ms': { type: 'string', default: '16' }, // 0: no heartbeat (an idle page)
    raw: { type: 'boolean', default: false }, // keep every probe record in the JSON
  },
});
const runs = Number(args.runs);
const names = args.browser ? [args.browser] : browserNames;
const builds = args.builds.split(',').map((b) => b.split('=')).map(([label, dir]) => ({ label, dir: path.resolve(dir) }));
for (const { dir } of builds) {
  if (!fs.existsSync(path.join(dir, 'content.js'))) {
    throw new Error(`missing ${dir}/content.js: run \`npm ci && npm run build\` in extension/ first`);
  }
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
const server = await servePages(Object.fromEntries([...new Set([...pages, 'crm'])].map((p) => [`${p}.html`, built[p].html])));
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
  const patience = name === 'large' ? 90000 : 40000; // a loaded 2-core machine is slow
  const page = await browser.newPage();
  try {
    const cdp = await cdpMetrics(page);
    await page.goto(server.url(`${name}.html`), { timeout: 60000 });
    const deadline = Date.now() + patience;
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

const results = { machine: { cpus: os.cpus().length, loadBefore: os.loadavg() }, builds, runs, browsers: {} };
const expected = Object.fromEntries(pages.map((p) => [p, built[p].expected]));
for (const browserName of names) {
  const records = Object.fromEntries([...builds.map((b) => b.label), 'baseline'].map((label) => [label, Object.fromEntries(pages.map((p) => [p, []]))]));
  // A fresh browser per counted run (issue 13's method); builds and the baseline alternate, so
  // the machine's load drifts over all alike. One load of the small CRM page warms each browser up.
  for (let i = 0; i < runs; i += 1) {
    for (const { label, dir } of [...builds, { label: 'baseline', dir: null }]) {
      const browser = await openBrowser(browserName, dir);
      try {
        for (const p of pages) {
          if (p === pages[0]) await measure(browser, 'crm', Boolean(dir)); // warm-up (a small page)
          records[label][p].push(await measure(browser, p, Boolean(dir)));
          process.stdout.write('.');
        }
      } finally {
        await browser.close();
      }
    }
  }
  process.stdout.write('\n');
  results.browsers[browserName] = {};
  for (const { label } of builds) {
    const summary = summarize({ extension: records[label], baseline: records.baseline }, expected);
    results.browsers[browserName][label] = summary;
    printSummary(`${browserName}, ${label}`, summary);
  }
  if (args.raw) results.browsers[browserName].raw = records;
}
results.machine.loadAfter = os.loadavg();
console.log(`load average before ${results.machine.loadBefore.map((l) => l.toFixed(2)).join(' ')}, `
  + `after ${results.machine.loadAfter.map((l) => l.toFixed(2)).join(' ')} (${results.machine.cpus} CPUs)`);
if (args.json) fs.writeFileSync(args.json, JSON.stringify(results, null, 2));
await server.close();
