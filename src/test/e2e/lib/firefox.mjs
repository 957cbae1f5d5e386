// Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi; the unpacked extension is
// installed as a temporary add-on; HOME points at the test folder so the host manifest is per test.
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { extensionDir, geckoId } from './paths.mjs';
import { writeFirefoxManifest } from './manifests.mjs';
import { writeFirefoxPolicy } from './policy.mjs';

export const name = 'firefox';
const FIXED_UUID = '5f2b9c1e-7d4a-4c3b-9e8f-1a2b3c4d5e6f';

/**
 * @param {{dir: string, launcher?: string, env?: object, policy?: object}} options
 *   policy: managed values for the extension (Firefox reads policies.json once, at start)
 */
// Over WebDriver BiDi, a tab the extension opened itself keeps reporting about:blank as its
// url(); the document knows its real address.
async function addressOf(page) {
  const reported = page.url();
  if (reported !== 'about:blank') return reported;
  return Promise.race([
    page.evaluate(() => location.href).catch(() => reported),
    new Promise((resolve) => setTimeout(() => resolve(reported), 2000)),
  ]);
}

export async function launch({ dir, launcher, env = {}, policy, extension = extensionDir }) {
  const home = path.join(dir, 'home');
  fs.mkdirSync(home, { recursive: true });
  if (launcher) writeFirefoxManifest(home, launcher);
  const removePolicy = policy ? writeFirefoxPolicy(policy) : () => {};
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
      headless: true,
      args: ['--remote-allow-system-access'],
      env: { ...process.env, ...env, HOME: home },
      defaultViewport: { width: 1000, height: 700 },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIXED_UUID }),
        'datareporting.policy.dataSubmissionEnabled': false,
        'browser.shell.checkDefaultBrowser': false,
        // Firefox's own alert windows: headless there is no desktop notification service, and
        // with the system back end a notification closes as soon as it is created.
        'alerts.useSystemBackend': false,
      },
    });
  } finally {
    removePolicy(); // read at start-up; the file must not outlive this browser's start
  }
  await browser.installExtension(extension);
  return {
    name,
    extensionId: FIXED_UUID,
    async newPage(url) {
      const page = await browser.newPage();
      if (url) await page.goto(url);
      return page;
    },
    async openExtensionPage(file, viewport) {
      const page = await browser.newPage();
      if (viewport) await page.setViewport(viewport);
      // An extension page never reports "loaded" over BiDi: navigate without waiting.
      page.goto(`moz-extension://${FIXED_UUID}/${file}`, { timeout: 5000 }).catch(() => {});
      // The navigation moves the tab into the extension's process, which can destroy the realm a
      // wait started in ("Waiting failed"): wait again in the new one until the deadline.
      const deadline = Date.now() + 10000;
      for (;;) {
        try {
          await page.waitForFunction(
            () => location.protocol === 'moz-extension:' && document.readyState === 'complete',
            { timeout: Math.max(100, deadline - Date.now()), polling: 50 });
          return page;
        } catch (error) {
          if (Date.now() >= deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    },
    /** Every open tab's address (tabs the extension opened by itself included). */
    async pageUrls() {
      return Promise.all((await browser.pages()).map(addressOf));
    },
    /** The open tab whose address ends with `suffix`, or null. */
    async findPage(suffix) {
      for (const page of await browser.pages()) {
        if ((await addressOf(page)).endsWith(suffix)) return page;
      }
      return null;
    },
    /** Every open tab and window (also those the extension opened itself). */
    pages() {
      return browser.pages();
    },
    async close() {
      await browser.close();
    },
  };
}
