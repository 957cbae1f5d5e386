#!/usr/bin/env node
// Page-scanning benchmark for the extension in real browsers (issue 4 targets: a 5 MB page with
// 10,000 numbers fully linked within 1.5 s, no long task over 50 ms caused by the extension, a
// page without digits under 1 ms). See docs/performance.md, "Extension: page scanning".
//
//   node src/test/e2e/bench/detection.mjs [--runs 5] [--browser chromium|firefox] [--heartbeat-ms 16]
//                                          [--json out.json] [--raw]
//
// Needs extension/dist (cd extension && npm run build) and src/test/e2e/node_modules (npm ci).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extensionDir } from '../lib/paths.mjs';
import { browserNames, openBrowser } from './browsers.mjs';
import { digitFreePage, numbersPage } from './page.mjs';
import { probeScript } from './probe.mjs';
import { servePages } from './serve.mjs';
import { summarize, printSummary } from './report.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    browser: { type: 'string' },
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
const numbers = numbersPage({ probe });
const noDigits = digitFreePage({ probe });
console.log(`numbers page: ${(numbers.html.length / 1048576).toFixed(2)} MiB, ${numbers.expected} numbers; `
  + `digit-free page: ${Math.round(noDigits.html.length / 1024)} KiB`);
const server = await servePages({ 'numbers.html': numbers.html, 'no-digits.html': noDigits.html });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Open `url` in a fresh tab, wait until the page says it is done, return the probe's record. */
async function measure(browser, url, { expectLinks, settleMs }) {
  const page = await browser.newPage();
  try {
    await page.goto(url, { timeout: 60000 });
    const deadline = Date.now() + 30000;
    for (;;) {
      const state = await page.evaluate(() => {
        const b = window.__bench;
        return { linked: b.linked, all: b.allLinkedAt, load: b.load,
          scanned: performance.getEntriesByName('click2call:first-scan-done').length > 0 };
      });
      const done = expectLinks ? state.all !== null : state.load !== null;
      if (done || Date.now() > deadline) break;
      await sleep(100);
    }
    await sleep(settleMs);
    return await page.evaluate(() => window.__bench.collect());
  } finally {
    await page.close().catch(() => {});
  }
}

const results = { machine: { cpus: os.cpus().length, loadBefore: os.loadavg() }, runs, browsers: {} };
for (const name of names) {
  const record = { extension: { numbers: [], noDigits: [] }, baseline: { numbers: [] } };
  for (const withExtension of [true, false]) {
    const browser = await openBrowser(name, withExtension);
    try {
      // The first load of each page warms caches and the JIT; it is not counted.
      for (let i = 0; i <= runs; i += 1) {
        const r = await measure(browser, server.url('numbers.html'), { expectLinks: withExtension, settleMs: withExtension ? 300 : 2500 });
        if (i > 0) (withExtension ? record.extension.numbers : record.baseline.numbers).push(r);
        if (withExtension) {
          const d = await measure(browser, server.url('no-digits.html'), { expectLinks: false, settleMs: 300 });
          if (i > 0) record.extension.noDigits.push(d);
        }
        process.stdout.write('.');
      }
    } finally {
      await browser.close();
    }
  }
  process.stdout.write('\n');
  results.browsers[name] = summarize(record, numbers.expected);
  if (args.raw) results.browsers[name].raw = record;
  printSummary(name, results.browsers[name]);
}
results.machine.loadAfter = os.loadavg();
console.log(`load average before ${results.machine.loadBefore.map((l) => l.toFixed(2)).join(' ')}, `
  + `after ${results.machine.loadAfter.map((l) => l.toFixed(2)).join(' ')} (${results.machine.cpus} CPUs)`);
if (args.json) fs.writeFileSync(args.json, JSON.stringify(results, null, 2));
await server.close();
