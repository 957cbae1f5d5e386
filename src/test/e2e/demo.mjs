// The README demo: a headless Chromium opens a sample CRM page, clicks the customer's number,
// the call goes through the extension and the packaged host to a real baresip, which calls a
// SIPp far end on 127.0.0.1; the page's click2call:call events are printed as they arrive, the
// call is hung up from the popup, and screenshots are written to target/demo/.
// Run it with .ci/demo from the repository root (installs what is missing, builds, then runs this).
import fs from 'node:fs';
import path from 'node:path';
import * as chromium from './lib/chromium.mjs';
import { openSharedSession } from './lib/session.mjs';
import { startServer } from './lib/server.mjs';
import { baresipRig } from './lib/baresip.mjs';
import { startSipp } from './lib/sipp.mjs';
import { repoRoot } from './lib/paths.mjs';
import { waitFor } from './lib/wait.mjs';
import { waitForContentScript, waitForPageState, waitForPopup, waitForReadyPopup } from './lib/page.mjs';

const outDir = path.join(repoRoot, 'target', 'demo');
const t0 = Date.now();
const say = (text) => console.log(`[${((Date.now() - t0) / 1000).toFixed(2).padStart(6)} s] ${text}`);

async function main() {
  fs.rmSync(outDir, { recursive: true, force: true });
  const server = await startServer();
  const rig = await baresipRig();
  say(`baresip on 127.0.0.1:${rig.sipPort}, SIPp far end on 127.0.0.1:${rig.sippPort}`);
  const session = await openSharedSession('demo', chromium, { settings: rig.settings, hostEnv: rig.hostEnv });
  session.useArtifactsDir(outDir);
  let sipp = null;
  try {
    say('headless Chromium started with the Click2Call extension; host registered for this profile');
    const popup = await session.openPopup();
    await session.step('host and baresip ready', () => waitForReadyPopup(popup));
    say('popup: host connected, baresip ready');

    sipp = startSipp({ scenario: 'uas_answer.xml', port: rig.sippPort, dir: outDir, extra: ['-set', 'rtpport', '9'] });
    const page = await session.newPage();
    await page.exposeFunction('__c2cReport', (detail) => {
      const call = JSON.parse(detail);
      say(`page event click2call:call  ${JSON.stringify(call)}`);
    });
    await page.goto(server.url('call.html'));
    await session.step('content script ready', () => waitForContentScript(page));
    say(`opened ${server.url('call.html')}; clicking "+1 555 010 4477"`);
    await page.bringToFront();
    await page.click('#call-link');

    await session.step('connected', () => waitForPageState(page, 'connected'));
    const invite = sipp.trace().match(/^INVITE (\S+) SIP\/2\.0/m);
    say(`SIPp received: INVITE ${invite?.[1] ?? '?'}`);
    await session.screenshot(page, 'page-connected');
    await popup.bringToFront();
    await session.step('popup shows the call', () => waitForPopup(popup, '#call-state', 'data-state', 'connected'));
    await waitFor('call timer 0:02', () => popup.$eval('#call-timer', (el) => el.textContent === '0:02'), { timeout: 5000 });
    await session.screenshot(popup, 'popup-connected');
    say('popup shows the call with its timer; clicking Hang up in the popup');
    await popup.click('#btn-hangup');

    await session.step('ended', () => waitForPageState(page, 'ended'));
    const exit = await sipp.awaitExit('SIPp finishes the call');
    say(`SIPp ${/^BYE /m.test(sipp.trace()) ? 'received BYE and ' : ''}finished (exit ${exit})`);
    await session.screenshot(page, 'page-ended');
    await session.screenshot(popup, 'popup-ended');
    say(`screenshots: ${fs.readdirSync(outDir).filter((f) => f.endsWith('.png')).map((f) => path.join('target/demo', f)).join(', ')}`);
    if (exit !== 0) throw new Error(`SIPp reported a failed call:\n${sipp.output()}`);
  } finally {
    await sipp?.stop();
    await session.close();
    await server.close();
  }
}

main().then(() => {
  say('demo finished: click → host → baresip → SIP far end → call state back to the page');
}, (error) => {
  console.error(`demo failed: ${error.message}\nlogs and screenshots: ${outDir}`);
  process.exitCode = 1;
});
