// The README's screenshots of the extension pages, taken from the real extension in headless
// Chromium: the popup idle, in a call (real baresip → SIPp) and with the host missing, the
// options page and the setup page. Writes docs/images/ui-*.png.
//   mvn -B -q package -DskipTests && npm --prefix extension run build && npm --prefix src/test/e2e run screenshots
import path from 'node:path';
import * as chromium from './lib/chromium.mjs';
import { openSharedSession } from './lib/session.mjs';
import { baresipRig } from './lib/baresip.mjs';
import { startSipp } from './lib/sipp.mjs';
import { repoRoot } from './lib/paths.mjs';
import { waitFor } from './lib/wait.mjs';
import { waitForPopup, waitForReadyPopup } from './lib/page.mjs';

const outDir = path.join(repoRoot, 'docs', 'images');
const shot = (page, name, options = {}) => page.screenshot({ path: path.join(outDir, `ui-${name}.png`), ...options });
const popupClip = async (popup) => {
  const height = await popup.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height) + 4);
  return { clip: { x: 0, y: 0, width: 364, height: Math.min(600, height) } };
};

async function withHost() {
  const rig = await baresipRig();
  const session = await openSharedSession('screenshots-host', chromium, { settings: rig.settings, hostEnv: rig.hostEnv });
  let sipp = null;
  try {
    const popup = await session.openPopup();
    await waitForReadyPopup(popup);
    await shot(popup, 'popup-idle', await popupClip(popup));
    sipp = startSipp({ scenario: 'uas_answer.xml', port: rig.sippPort, dir: session.artifacts, extra: ['-set', 'rtpport', '9'] });
    await popup.fill('#dial-input', '+1 555 010 4477');
    await popup.click('#btn-dial');
    await waitForPopup(popup, '#call-state', 'data-state', 'connected');
    await waitFor('call timer 0:03', () => popup.$eval('#call-timer', (el) => el.textContent === '0:03'), { timeout: 8000 });
    await shot(popup, 'popup-in-call', await popupClip(popup));
    await popup.click('#btn-hangup');
    await waitForPopup(popup, '#call-state', 'data-state', 'ended');
    const options = await session.openExtensionPage('options/options.html', { width: 800, height: 1000 });
    await options.waitForSelector('#opt-defaultCountry');
    await shot(options, 'options', { fullPage: true });
  } finally {
    await sipp?.stop();
    await session.close();
  }
}

async function withoutHost() {
  const session = await openSharedSession('screenshots-no-host', chromium, { installHost: false });
  try {
    await waitFor('setup page opened', () => session.browser.findPage('setup/setup.html'), { timeout: 20000 });
    const setup = await session.browser.findPage('setup/setup.html');
    await setup.setViewportSize({ width: 900, height: 1000 });
    await waitFor('not installed', () => setup.$eval('#check', (el) => el.dataset.state === 'not_installed'), { timeout: 15000 });
    await shot(setup, 'setup', { fullPage: true });
    const popup = await session.openPopup();
    await waitFor('popup: not set up', () => popup.$eval('#host-status', (el) => el.textContent === 'Not set up'), { timeout: 15000 });
    await shot(popup, 'popup-host-missing', await popupClip(popup));
  } finally {
    await session.close();
  }
}

await withoutHost();
await withHost();
console.log(`screenshots written to ${path.relative(repoRoot, outDir)}/ui-*.png`);
