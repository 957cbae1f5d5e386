// Numbers are linked while a page is still loading (the scanner follows the parser), and a
// number the network delivers in two pieces is linked whole, never by its first half. The page
// is served in two chunks with a pause between them that the test ends. Real browsers with the
// built extension; no host is needed (detection runs without it).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import * as chromium from '../lib/chromium.mjs';
import * as firefox from '../lib/firefox.mjs';
import { waitFor } from '../lib/wait.mjs';
import { waitForContentScript } from '../lib/page.mjs';

const FIRST = '<!doctype html><html><head><meta charset="utf-8"><title>Loading</title></head><body>'
  + '<p id="first">Zentrale +49 30 9018 2000</p>'
  + `<p>${'Unsere Servicezeiten sind Montag bis Freitag. '.repeat(200)}</p>`
  + '<p id="growing">Durchwahl +49 30 9018 ';
const REST = '2099 (Empfang)</p><p>Ende</p></body></html>';

/** Serves loading.html's first chunk at once and the rest when `release()` is called; any other
 * path is a small page served whole (to see the extension running before the test starts). */
async function twoChunkServer() {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const server = http.createServer(async (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    if (new URL(req.url, 'http://x').pathname !== '/loading.html') {
      res.end('<!doctype html><html><head><meta charset="utf-8"><title>Ready</title></head><body><p>Ready</p></body></html>');
      return;
    }
    res.write(FIRST);
    await held;
    res.end(REST);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    url: `${base}/loading.html`,
    readyUrl: `${base}/ready.html`,
    release: () => release(),
    close: () => new Promise((resolve) => { release(); server.closeAllConnections?.(); server.close(resolve); }),
  };
}

const pageState = (page) => page.evaluate(() => ({
  url: location.pathname,
  readyState: document.readyState,
  ready: document.documentElement.dataset.click2call ?? null,
  links: [...document.querySelectorAll('a.c2c-num')].map((a) => a.textContent),
}));

for (const driver of [chromium, firefox]) {
  describe(`${driver.name}: numbers on a page that is still loading`, () => {
    let server;
    let browser;
    let dir;
    before(async () => {
      server = await twoChunkServer();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), `c2c-loading-${driver.name}-`));
      browser = await driver.launch({ dir });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    test(`${driver.name}: linked before the page has finished loading; a number split by the network is linked whole`, async () => {
      // A browser that has just started may not have registered the extension's content
      // scripts yet: wait until they run on a plain page first.
      const page = await browser.newPage(server.readyUrl);
      await waitForContentScript(page);
      await page.bringToFront();
      const navigation = page.goto(server.url, { timeout: 60000 }).catch(() => {}); // ends with the page
      let last = null;
      const early = await waitFor('the first number linked while the page loads', async () => {
        last = await pageState(page);
        return last.url === '/loading.html' && last.links.length > 0 ? last : null;
      }, { timeout: 30000 }).catch((error) => {
        throw new Error(`${error.message}; the page last said ${JSON.stringify(last)}`);
      });
      assert.equal(early.readyState, 'loading', 'linked before the page was parsed');
      assert.deepEqual(early.links, ['+49 30 9018 2000'], 'the half-delivered number is not linked');
      server.release();
      await navigation;
      const done = await waitFor('the second number linked whole', async () => {
        const state = await pageState(page);
        return state.links.length === 2 ? state : null;
      });
      assert.deepEqual(done.links, ['+49 30 9018 2000', '+49 30 9018 2099']);
      assert.equal(await page.evaluate(() => document.getElementById('growing').textContent), 'Durchwahl +49 30 9018 2099 (Empfang)');
    });
  });
}
