// Issue 15, self-hosted rollout in Chromium: the organisation's key (a throwaway one, made now)
// signs a CRX3 with `package:enterprise`; a loopback HTTP server hosts it with its update.xml;
// the generated managed policy (ExtensionSettings force_installed + update_url) is the only way
// the extension gets in — no --load-extension; `click2call install --extension-id` lets the
// organisation's id reach the host; a click on a tel: link then dials the MicroSIP emulator.
// The policy lives in a private mount namespace of this one browser (lib/private-policy.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot, requireBuilt } from '../lib/paths.mjs';
import { privatePolicyWrapper } from '../lib/private-policy.mjs';
import { installedHostWithMicroSip, rolloutWorkspace, run, throwawayKey } from '../lib/enterprise.mjs';
import { startServer } from '../lib/server.mjs';
import { waitFor } from '../lib/wait.mjs';
import { realClick, waitForReadyPopup } from '../lib/page.mjs';
import { packageEnterprise } from '../../../../extension/scripts/package-enterprise.mjs';

test('chromium: a CRX3 signed with the organisation key is force-installed by policy from a loopback server and dials MicroSIP', async (t) => {
  requireBuilt();
  const { dir, artifacts, cleanups, kit, hosting } = await rolloutWorkspace(t, 'c2c-e2e-crx-', 'chromium-enterprise-crx');
  const keyFile = throwawayKey(dir);
  const built = packageEnterprise({ key: keyFile, baseUrl: hosting.base, out: kit, distDir: path.join(repoRoot, 'extension', 'dist') });
  assert.match(built.id, /^[a-p]{32}$/);
  assert.notEqual(built.id, JSON.parse(fs.readFileSync(path.join(repoRoot, 'host-manifest', 'extension-ids.json'), 'utf8')).chromium[0]);

  // The host as an install folder holds it, registered by `click2call install` itself for this
  // browser profile with the organisation's id.
  const host = await installedHostWithMicroSip(dir, cleanups);
  const { launcher, emulator } = host;
  const profile = path.join(dir, 'profile');
  const installed = await run(launcher, ['install', '--browser', 'chromium', '--user-data-dir', profile, '--launcher', launcher, '--extension-id', built.id]);
  fs.writeFileSync(path.join(artifacts, 'install.txt'), installed);
  const manifest = JSON.parse(fs.readFileSync(path.join(profile, 'NativeMessagingHosts', 'click2call.host.json'), 'utf8'));
  assert.ok(manifest.allowed_origins.includes(`chrome-extension://${built.id}/`), 'the manifest lets the organisation id in');
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(host.app, 'allowed-extensions.json'), 'utf8')).chromium, [built.id]);
  await host.startEmulator();

  // The generated policy file for Chromium on Linux, in this browser's private /etc/chromium.
  const policy = fs.readFileSync(path.join(kit, 'policies', 'chrome', 'linux-managed-click2call.json'), 'utf8');
  assert.equal(JSON.parse(policy).ExtensionSettings[built.id].update_url, `${hosting.base}update.xml`);
  // Test-only addition: Chromium keeps DevTools (and so Playwright) away from force-installed
  // extensions unless DeveloperToolsAvailability is 1; the test needs to open the popup.
  const wrapper = privatePolicyWrapper(dir, {
    browser: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    systemDir: '/etc/chromium',
    files: {
      'policies/managed/click2call.json': policy,
      'policies/managed/e2e-devtools.json': JSON.stringify({ DeveloperToolsAvailability: 1 }),
    },
  });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: wrapper,
    headless: true,
    // No --load-extension: the policy is the only way in. The extension updater needs background
    // networking (it only ever reaches 127.0.0.1 here).
    ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking'],
    viewport: { width: 1000, height: 700 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  cleanups.push(() => context.close());

  const pages = await startServer();
  cleanups.push(() => pages.close());
  const page = await context.newPage();
  // Chromium fetches update.xml and the CRX a few seconds after start; pages opened afterwards
  // get the content script.
  await waitFor('the force-installed extension runs in a page', async () => {
    await page.goto(pages.url('call.html'));
    return waitFor('content script', () => page.evaluate(() => document.documentElement.dataset.click2call === 'ready'), { timeout: 1500 })
      .then(() => true, () => false);
  }, { timeout: 90000, interval: 500 });
  assert.deepEqual(hosting.requests.filter((name) => name.endsWith('.xml') || name.endsWith('.crx')).slice(0, 2), ['update.xml', path.basename(built.crx)]);

  const internals = await context.newPage();
  await internals.goto('chrome://extensions-internals');
  const extensions = JSON.parse(await internals.evaluate(() => document.body.innerText));
  const ours = extensions.find((e) => e.id === built.id);
  assert.ok(ours, `extension ${built.id} is installed`);
  assert.equal(ours.location, 'EXTERNAL_POLICY_DOWNLOAD');
  assert.deepEqual(ours.disable_reasons, []);
  await internals.close();

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${built.id}/popup/popup.html`);
  try {
    await waitForReadyPopup(popup);
  } finally {
    await popup.screenshot({ path: path.join(artifacts, '01-popup.png') });
  }

  await realClick(page, '#call-link');
  await emulator.awaitJournal('MicroSIP receives +15550104477 from the organisation\'s extension', (e) => e.kind === 'command' && e.text === '+15550104477', 20000);
  await page.screenshot({ path: path.join(artifacts, '02-dialed-from-force-installed-crx.png') });
  emulator.saveJournal(artifacts);
  const hostLog = host.hostLog();
  fs.writeFileSync(path.join(artifacts, 'host.log'), hostLog);
  assert.match(hostLog, new RegExp(`host started for chromium:${built.id}`));
});
