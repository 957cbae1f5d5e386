// The two browsers, each with the extension (the suite's own launchers in ../lib) or without it
// (the baseline that tells the page's own long tasks from the extension's).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import * as chromiumDriver from '../lib/chromium.mjs';
import * as firefoxDriver from '../lib/firefox.mjs';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function plainChromium(dir) {
  const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1000, height: 700 }, // as the extension's launcher: the same first viewport
  });
  return { newPage: () => context.newPage(), close: () => context.close() };
}

async function plainFirefox(dir) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
    defaultViewport: { width: 1000, height: 700 },
    env: { ...process.env, HOME: dir },
    extraPrefsFirefox: { 'datareporting.policy.dataSubmissionEnabled': false, 'browser.shell.checkDefaultBrowser': false },
  });
  return { newPage: () => browser.newPage(), close: () => browser.close() };
}

export const browserNames = ['chromium', 'firefox'];

/**
 * @param {'chromium'|'firefox'} name
 * @param {string|null} extension the extension build's folder, or null for none (the baseline)
 */
export async function openBrowser(name, extension) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `c2c-bench-${name}-`));
  let browser;
  if (extension) {
    const driver = name === 'chromium' ? chromiumDriver : firefoxDriver;
    browser = await driver.launch({ dir, extension }); // no host registered: detection does not need it
  } else {
    browser = name === 'chromium' ? await plainChromium(dir) : await plainFirefox(dir);
  }
  return {
    newPage: () => browser.newPage(),
    async close() {
      await browser.close().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
