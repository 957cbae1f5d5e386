// Debian's Chromium driven by playwright-core, with the unpacked extension and a fresh profile.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumId, extensionDir } from './paths.mjs';
import { writeChromiumManifest } from './manifests.mjs';
import { writeChromiumPolicy } from './policy.mjs';

export const name = 'chromium';

/**
 * @param {{dir: string, launcher?: string, env?: object, policy?: object}} options
 *   launcher: the host launcher to register (none → the host is "not installed");
 *   policy: managed values for the extension (Chromium reads them for as long as it runs);
 *   extension: another build's folder (the page-scanning benchmark compares builds)
 */
export async function launch({ dir, launcher, env = {}, policy, extension = extensionDir }) {
  const userDataDir = path.join(dir, 'profile');
  fs.mkdirSync(userDataDir, { recursive: true });
  if (launcher) writeChromiumManifest(userDataDir, launcher);
  const removePolicy = policy ? writeChromiumPolicy(policy) : () => {};
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      env: { ...process.env, ...env },
      viewport: { width: 1000, height: 700 },
      args: [
        `--disable-extensions-except=${extension}`,
        `--load-extension=${extension}`,
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    });
  } catch (error) {
    removePolicy();
    throw error;
  }
  const worker = context.serviceWorkers()[0] || await context.waitForEvent('serviceworker', { timeout: 15000 });
  const extensionId = new URL(worker.url()).host;
  if (extensionId !== chromiumId) {
    removePolicy();
    throw new Error(`the extension loaded as ${extensionId}, not the pinned id ${chromiumId}`);
  }
  return {
    name,
    extensionId,
    async newPage(url) {
      const page = await context.newPage();
      if (url) await page.goto(url);
      return page;
    },
    /** An extension page in a tab; `viewport` e.g. {width: 400, height: 600} for the popup. */
    async openExtensionPage(file, viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    /** Every open tab's address (tabs the extension opened by itself included). */
    async pageUrls() {
      return context.pages().map((page) => page.url());
    },
    /** The open tab whose address ends with `suffix`, or null. */
    async findPage(suffix) {
      return context.pages().find((page) => page.url().endsWith(suffix)) ?? null;
    },
    /** Every open tab and window (also those the extension opened itself). */
    pages() {
      return context.pages();
    },
    /** Runs a function in the extension's background (service worker). */
    async inBackground(fn, arg) {
      const sw = context.serviceWorkers()[0];
      return sw.evaluate(fn, arg);
    },
    async close() {
      try {
        await context.close();
      } finally {
        removePolicy();
      }
    },
  };
}
