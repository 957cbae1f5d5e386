// Issue 15, Firefox route that works offline: Firefox ESR with unsigned add-ons allowed by
// policy (Preferences: xpinstall.signatures.required = false, locked) force-installs the
// organisation's XPI (its own Gecko id) from a loopback install_url given in the generated
// policies.json; `click2call install --extension-id <gecko id>` lets it reach the host; a click on
// a tel: link dials the MicroSIP emulator. policies.json lives in a private mount namespace of
// this one browser (lib/private-policy.mjs); release Firefox would need the XPI signed by AMO.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { repoRoot, requireBuilt } from '../lib/paths.mjs';
import { privatePolicyWrapper } from '../lib/private-policy.mjs';
import { installedHostWithMicroSip, rolloutWorkspace, run, throwawayKey } from '../lib/enterprise.mjs';
import { startServer } from '../lib/server.mjs';
import { waitFor } from '../lib/wait.mjs';
import { realClick } from '../lib/page.mjs';
import { packageEnterprise } from '../../../../extension/scripts/package-enterprise.mjs';

const ORG_GECKO_ID = 'click2call@corp.example';
const FIXED_UUID = '7a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b';

test('firefox: ESR force-installs the organisation\'s unsigned XPI from a loopback install_url and dials MicroSIP', async (t) => {
  requireBuilt();
  const { dir, artifacts, cleanups, kit, hosting } = await rolloutWorkspace(t, 'c2c-e2e-xpi-', 'firefox-enterprise-xpi');
  const built = packageEnterprise({ key: throwawayKey(dir), baseUrl: hosting.base, out: kit, distDir: path.join(repoRoot, 'extension', 'dist'), geckoId: ORG_GECKO_ID });

  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  const host = await installedHostWithMicroSip(dir, cleanups);
  const installed = await run(host.launcher, ['install', '--browser', 'firefox', '--launcher', host.launcher, '--extension-id', ORG_GECKO_ID], { ...process.env, HOME: home });
  fs.writeFileSync(path.join(artifacts, 'install.txt'), installed);
  const manifest = JSON.parse(fs.readFileSync(path.join(home, '.mozilla', 'native-messaging-hosts', 'click2call.host.json'), 'utf8'));
  assert.ok(manifest.allowed_extensions.includes(ORG_GECKO_ID));
  await host.startEmulator();

  // The generated policies.json (organisation id and install_url), plus the ESR route's policy
  // that allows unsigned add-ons.
  const policies = JSON.parse(fs.readFileSync(path.join(kit, 'policies', 'firefox', 'policies.json'), 'utf8'));
  assert.equal(policies.policies.ExtensionSettings[ORG_GECKO_ID].install_url, built.xpiUrl);
  policies.policies.Preferences = { 'xpinstall.signatures.required': { Value: false, Status: 'locked' } };
  const wrapper = privatePolicyWrapper(dir, {
    browser: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    systemDir: '/usr/lib/firefox-esr/distribution',
    files: { 'policies.json': JSON.stringify(policies, null, 2) },
  });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: wrapper,
    headless: true,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, HOME: home },
    defaultViewport: { width: 1000, height: 700 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ORG_GECKO_ID]: FIXED_UUID }),
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  cleanups.push(() => browser.close());

  const pages = await startServer();
  cleanups.push(() => pages.close());
  const page = await browser.newPage();
  await waitFor('the force-installed add-on runs in a page', async () => {
    await page.goto(pages.url('call.html'));
    return waitFor('content script', () => page.evaluate(() => document.documentElement.dataset.click2call === 'ready'), { timeout: 1500 })
      .then(() => true, () => false);
  }, { timeout: 90000, interval: 500 });
  assert.ok(hosting.requests.includes(path.basename(built.xpi)), 'Firefox fetched the XPI from the install_url');

  const popup = await browser.newPage();
  popup.goto(`moz-extension://${FIXED_UUID}/popup/popup.html`, { timeout: 5000 }).catch(() => {});
  try {
    // The navigation moves the tab into the extension's process: evaluate again until it answers.
    await waitFor('the popup shows the host connected', () => popup.evaluate(() => document.querySelector('#host-status')?.dataset.state === 'connected').catch(() => false), { timeout: 20000 });
  } finally {
    await popup.screenshot({ path: path.join(artifacts, '01-popup.png') });
  }

  await realClick(page, '#call-link');
  await host.emulator.awaitJournal('MicroSIP receives +15550104477 from the organisation\'s add-on', (e) => e.kind === 'command' && e.text === '+15550104477', 20000);
  await page.screenshot({ path: path.join(artifacts, '02-dialed-from-force-installed-xpi.png') });
  host.emulator.saveJournal(artifacts);
  const hostLog = host.hostLog();
  fs.writeFileSync(path.join(artifacts, 'host.log'), hostLog);
  assert.match(hostLog, new RegExp(`host started for gecko:${ORG_GECKO_ID.replace('.', '\\.')}`));
});
