// Linked numbers never change a page's layout, even where the site styles every `a` bold,
// padded, bordered, inline-block and with icons; a long list of numbers adds one tab stop, not
// one per number; the hover hint names the number that will be dialed. Real browsers with the
// built extension; no host is needed (detection runs without it).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromium from '../lib/chromium.mjs';
import * as firefox from '../lib/firefox.mjs';
import { startServer } from '../lib/server.mjs';
import { waitFor } from '../lib/wait.mjs';
import { waitForContentScript } from '../lib/page.mjs';

for (const driver of [chromium, firefox]) {
  describe(`${driver.name}: linked numbers and the page's own link styles`, () => {
    let server;
    let browser;
    let dir;
    before(async () => {
      server = await startServer();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), `c2c-layout-${driver.name}-`));
      browser = await driver.launch({ dir });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    test(`${driver.name}: links keep the text exactly where it was; one tab stop for 50 numbers; a hover hint`, async () => {
      const page = await browser.newPage(server.url('link-layout.html'));
      await waitForContentScript(page);
      await waitFor('all 53 numbers linked', () => page.evaluate(() => document.querySelectorAll('a.c2c-num').length === 53));
      const geometry = await page.evaluate(() => {
        const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, w: r.width, h: r.height }; };
        const pair = (ref, id) => ({
          ref: { block: box(document.getElementById(ref)), mark: box(document.querySelector(`#${ref} .mark`)) },
          linked: { block: box(document.getElementById(id)), mark: box(document.querySelector(`#${id} .mark`)) },
          links: document.querySelectorAll(`#${id} a.c2c-num`).length,
          text: document.getElementById(ref).textContent === document.getElementById(id).textContent,
        });
        return { text: pair('ref-text', 'text'), table: pair('ref-table', 'table') };
      });
      // Splitting a text node can change glyph positioning at the split by a fraction of a pixel
      // (shaping runs end there); the site's link styles would move the text by tens of pixels.
      const near = (a, b, what) => {
        for (const k of Object.keys(a)) assert.ok(Math.abs(a[k] - b[k]) < 0.5, `${what}: ${k} ${a[k]} vs ${b[k]}`);
      };
      for (const [name, g] of Object.entries(geometry)) {
        assert.ok(g.links > 0, `${name}: numbers linked`);
        assert.ok(g.text, `${name}: same text`);
        near(g.linked.mark, g.ref.mark, `${name}: the text after the numbers did not move`);
        near({ w: g.linked.block.w, h: g.linked.block.h }, { w: g.ref.block.w, h: g.ref.block.h }, `${name}: same size`);
      }
      const tabStops = await page.evaluate(() => [...document.querySelectorAll('a.c2c-num')].filter((a) => a.tabIndex >= 0).length);
      assert.equal(tabStops, 1, 'one tab stop for all numbers');
      // Keyboard: Tab reaches the numbers once, the arrow keys go from number to number, the next
      // Tab leaves them.
      await page.bringToFront();
      await page.keyboard.press('Tab');
      const focused = () => page.evaluate(() => document.activeElement?.textContent ?? null);
      assert.equal(await focused(), '+49 30 901820');
      await page.keyboard.press('ArrowDown');
      assert.equal(await focused(), '+1 212-555-0100');
      await page.keyboard.press('ArrowDown');
      assert.equal(await focused(), '+44 20 7946 0958');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('c2c-num') ?? false), false, 'Tab left the numbers');
      await page.hover('#rows li:nth-child(3) a.c2c-num');
      const title = await page.evaluate(() => document.querySelector('#rows li:nth-child(3) a.c2c-num').title);
      assert.match(title, /\+12125551002/);
    });
  });
}
