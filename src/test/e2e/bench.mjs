// Latency benchmark in the real browsers (not a timed test; run by hand: npm run bench).
// A UDP far end (lib/udp-far-end.mjs) stamps the INVITE and its own 180 / 486 on this process's
// clock; the page stamps its trusted click and each click2call:call event on its clock (both
// epoch milliseconds on the same machine). Per call:
//   click → INVITE at the far end            (page click → extension → host → baresip → SIP)
//   far end sends 180 → page gets "ringing"  (SIP → baresip → host → extension → page)
//   far end sends 486 → page gets "busy"
import * as chromium from './lib/chromium.mjs';
import * as firefox from './lib/firefox.mjs';
import { openSharedSession } from './lib/session.mjs';
import { startServer } from './lib/server.mjs';
import { baresipRig } from './lib/baresip.mjs';
import { startUdpFarEnd } from './lib/udp-far-end.mjs';
import { waitFor } from './lib/wait.mjs';
import { waitForContentScript, waitForReadyPopup } from './lib/page.mjs';

const CALLS = Number(process.env.BENCH_CALLS ?? 15);
const callIdOf = (text) => text.match(/^Call-ID:\s*(\S+)/mi)?.[1];

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: sorted.length, median: at(0.5), p90: at(0.9), max: sorted.at(-1) };
}

async function run(driver) {
  const server = await startServer();
  const rig = await baresipRig();
  const farEnd = await startUdpFarEnd(rig.sippPort, { ringAfterMs: 100, busyAfterMs: 300 });
  const session = await openSharedSession(`bench-${driver.name}`, driver, { settings: rig.settings, hostEnv: rig.hostEnv });
  const rows = { clickToInvite: [], ringToPage: [], busyToPage: [] };
  try {
    const popup = await session.openPopup();
    await waitForReadyPopup(popup);
    const page = await session.newPage(server.url('call.html'));
    await waitForContentScript(page);
    for (let i = 0; i <= CALLS; i += 1) {
      const invitesBefore = farEnd.invites().length;
      await page.bringToFront();
      await page.click('#call-link');
      const invite = await waitFor(`INVITE ${i}`, () => farEnd.invites()[invitesBefore]);
      const callId = callIdOf(invite.text);
      const busy = await waitFor(`busy ${i}`, async () =>
        (await page.evaluate(() => window.__c2cEvents)).find((e) => e.callId === callId && e.state === 'busy'));
      const events = await page.evaluate(() => window.__c2cEvents);
      const ringing = events.find((e) => e.callId === callId && e.state === 'ringing');
      const click = (await page.evaluate(() => window.__c2cClicks)).at(-1);
      const sent = (status) => farEnd.sent.find((s) => s.status === status && callIdOf(s.callId ?? '') === callId)?.at;
      if (i > 0) { // the first call warms everything up
        rows.clickToInvite.push(invite.at - click);
        rows.ringToPage.push(ringing.receivedAt - sent('180 Ringing'));
        rows.busyToPage.push(busy.receivedAt - sent('486 Busy Here'));
      }
      await new Promise((resolve) => setTimeout(resolve, 1600)); // one dial per tab per 1.5 s
    }
  } finally {
    await session.close();
    await farEnd.close();
    await server.close();
  }
  return rows;
}

for (const driver of [chromium, firefox]) {
  const rows = await run(driver);
  console.log(`\n${driver.name} (${CALLS} calls after one warm-up), milliseconds:`);
  console.log('| path | median | p90 | max |\n|---|---|---|---|');
  for (const [name, values] of Object.entries(rows)) {
    const s = stats(values);
    console.log(`| ${name} | ${s.median.toFixed(1)} | ${s.p90.toFixed(1)} | ${s.max.toFixed(1)} |`);
  }
}
