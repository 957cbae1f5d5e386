// What the suites that call through a real baresip share: a page server, a baresip rig (SIPp
// plays the far end) and one browser session for the whole suite; each test starts from a popup
// whose host and baresip are ready, and leaves no call, SIPp or page behind.
import { after, before } from 'node:test';
import { openSharedSession } from './session.mjs';
import { startServer } from './server.mjs';
import { baresipRig } from './baresip.mjs';
import { startSipp } from './sipp.mjs';
import { hangUpLeftover, waitForReadyPopup } from './page.mjs';

/**
 * Registers the suite's `before` and `after`; call it inside `describe`. The returned `server`,
 * `rig` and `session` are set once `before` has run.
 * @param {object} driver one of session.mjs's `browsers`
 * @param {string} name the session's name after the browser's (artifacts go there)
 */
export function baresipSuite(driver, name) {
  const suite = { server: null, rig: null, session: null };
  before(async () => {
    suite.server = await startServer();
    suite.rig = await baresipRig();
    suite.session = await openSharedSession(`${driver.name}-${name}`, driver, {
      settings: suite.rig.settings, hostEnv: suite.rig.hostEnv,
    });
  });
  after(async () => {
    await suite.session?.close();
    await suite.server?.close();
  });

  /**
   * Begins test `t` with the popup open and host and baresip ready. `startSipp(scenario, extra)`
   * runs SIPp on the rig's port, keeping its trace with the test's artifacts; once the test is
   * over any call is hung up and SIPp and the pages are closed.
   */
  suite.readyPopup = async (t) => {
    const { session, rig } = suite;
    session.begin(t.name);
    const popup = await session.openPopup();
    let sipp = null;
    t.after(async () => {
      await hangUpLeftover(popup);
      await sipp?.stop();
      await session.closePages();
      session.saveLogs();
    });
    await session.step('host and baresip ready in the popup', () => waitForReadyPopup(popup));
    const startFarEnd = (scenario, extra = []) => {
      sipp = startSipp({ scenario, port: rig.sippPort, dir: session.artifacts, extra });
      return sipp;
    };
    return { popup, startSipp: startFarEnd };
  };
  return suite;
}
