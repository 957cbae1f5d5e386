// Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi; the unpacked extension is
// installed as a temporary add-on; HOME points at the test folder so the host manifest is per test.
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { extensionDir, geckoId } from './paths.mjs';
import { writeFirefoxManifest } from './manifests.mjs';

export const name = 'firefox';
const FIXED_UUID = '5f2b9c1e-7d4a-4c3b-9e8f-1a2b3c4d5e6f';

export async function launch({ dir, launcher, env = {} }) {
  const home = path.join(dir, 'home');
  fs.mkdirSync(home, { recursive: true });
  if (launcher) writeFirefoxManifest(home, launcher);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, ...env, HOME: home },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIXED_UUID }),
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  await browser.installExtension(extensionDir);
  return {
    name,
    extensionId: FIXED_UUID,
    async newPage(url) {
      const page = await browser.newPage();
      if (url) await page.goto(url);
      return page;
    },
    async openExtensionPage(file) {
      const page = await browser.newPage();
      // An extension page never reports "loaded" over BiDi: navigate without waiting.
      page.goto(`moz-extension://${FIXED_UUID}/${file}`, { timeout: 5000 }).catch(() => {});
      await page.waitForSelector('body', { timeout: 10000 });
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}
