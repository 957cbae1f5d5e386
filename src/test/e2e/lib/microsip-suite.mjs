// What the suites that play the far end with the MicroSIP emulator share (issue 17 attack tests):
// a page server, the emulator with the hooks the packaged host installed, one browser session
// per suite; each test starts with the popup ready, the allow list it asks for and no call left.
import { after, before } from 'node:test';
import { openSharedSession } from './session.mjs';
import { startServer } from './server.mjs';
import { createEmulator } from './emulator.mjs';
import { hangUpLeftover, setSetting, waitForContentScript, waitForReadyPopup } from './page.mjs';

export const CONFIRM = /\/confirm\/confirm\.html\?id=/;
export const settle = (ms = 1500) => new Promise((resolve) => setTimeout(resolve, ms));
// What MicroSIP was asked to dial (its own /commands such as /hangupall left out).
export const dialsOf = (journal) => journal.filter((e) => e.kind === 'command' && !e.text.startsWith('/')).map((e) => e.text);
/** The browsers to run: all, or the one named by C2C_BROWSER (chromium, firefox). */
export const selected = (browsers) => browsers.filter((d) => !process.env.C2C_BROWSER || d.name === process.env.C2C_BROWSER);

/**
 * Registers a suite's before/after: a page server, the MicroSIP emulator with the hooks the
 * packaged host installed, one browser session. Call inside describe; the returned object's
 * server, emulator and session are set once the suite has started.
 */
export function microsipRig(driver, name) {
  const rig = { server: null, emulator: null, session: null };
  before(async () => {
    rig.server = await startServer();
    rig.emulator = createEmulator();
    rig.session = await openSharedSession(`${driver.name}-${name}`, driver, {
      hostEnv: { CLICK2CALL_SOFTPHONE: 'microsip', CLICK2CALL_MICROSIP: rig.emulator.exe },
      beforeLaunch: async ({ launcher }) => {
        await rig.emulator.installHooks(launcher);
        await rig.emulator.start();
      },
    });
  });
  after(async () => {
    await rig.session?.close();
    await rig.emulator?.stop();
    await rig.server?.close();
  });
  return rig;
}

/** The rig, plus each test's start: popup ready, an allow list, no call left (issue 17 suites). */
export function microsipSuite(driver, name) {
  const suite = microsipRig(driver, name);

  /** Popup ready, `allowList` set, every call ended; returns the popup and a journal view. */
  suite.start = async (t, allowList) => {
    const { session, emulator } = suite;
    session.begin(t.name);
    const popup = await session.openPopup();
    t.after(async () => {
      await hangUpLeftover(popup);
      for (const page of await session.pagesMatching(CONFIRM)) await page.close().catch(() => {});
      emulator.saveJournal(session.artifacts);
      await session.closePages();
      session.saveLogs();
    });
    await session.step('host and MicroSIP ready in the popup', () => waitForReadyPopup(popup));
    await setSetting(popup, 'pageEventOrigins', allowList);
    await session.step('no call left from the previous test', () => emulator.endAllCalls());
    const journalFrom = emulator.journal().length;
    return { popup, newJournal: () => emulator.journal().slice(journalFrom) };
  };

  suite.openPage = async (url) => {
    const page = await suite.session.newPage(url);
    await suite.session.step(`content script ready in ${url}`, () => waitForContentScript(page));
    return page;
  };

  /** The server's own origin, as an allow list. */
  suite.allowed = () => [new URL(suite.server.url('x')).origin];
  return suite;
}
