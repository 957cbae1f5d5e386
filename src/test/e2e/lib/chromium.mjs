// Debian's Chromium driven by playwright-core, with the unpacked extension and a fresh profile.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumId, extensionDir } from './paths.mjs';
import { writeChromiumManifest } from './manifests.mjs';

export const name = 'chromium';

/**
 * @param {{dir: string, launcher?: string, policy?: object}} options
 *   launcher: the host launcher to register (none → the host is "not installed")
 */
export async function launch({ dir, launcher, env = {} }) {
  const userDataDir = path.join(dir, 'profile');
  fs.mkdirSync(userDataDir, { recursive: true });
  if (launcher) writeChromiumManifest(userDataDir, launcher);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    env: { ...process.env, ...env },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] || await context.waitForEvent('serviceworker', { timeout: 15000 });
  const extensionId = new URL(worker.url()).host;
  if (extensionId !== chromiumId) {
    throw new Error(`the extension loaded as ${extensionId}, not the pinned id ${chromiumId}`);
  }
  return {
    name,
    extensionId,
    /** The browser process id, to end it by its own pid if closing hangs. */
    async newPage(url) {
      const page = await context.newPage();
      if (url) await page.goto(url);
      return page;
    },
    async openExtensionPage(file) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    /** Runs a function in the extension's background (service worker). */
    async inBackground(fn, arg) {
      const sw = context.serviceWorkers()[0];
      return sw.evaluate(fn, arg);
    },
    async close() {
      await context.close();
    },
  };
}
