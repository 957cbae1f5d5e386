// One end-to-end session: a temp folder, a browser with the extension, optionally the host
// registered (its settings file, log folder, runtime folder and HOME are the session's own),
// and the artifacts (screenshots, logs, SIP traces) kept under target/e2e-artifacts/<test>/.
// A session serves one test (openSession) or, where isolation allows, the tests of one file
// (openSharedSession + begin(t) per test).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromiumDriver from './chromium.mjs';
import * as firefoxDriver from './firefox.mjs';
import { artifactsRoot, requireBuilt } from './paths.mjs';
import { pidFile, writeLauncher } from './launcher.mjs';
import { endPid, isAlive } from './processes.mjs';

export const browsers = [chromiumDriver, firefoxDriver];
export const POPUP_VIEWPORT = { width: 400, height: 600 };

const slugOf = (text) => text.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 90);

/**
 * @param {string} name  names the temp folder and the first artifacts folder
 * @param {object} driver chromium or firefox driver
 * @param {{installHost?: boolean, writeManifest?: boolean, hostEnv?: Record<string,string>,
 *   settings?: object, policy?: object,
 *   beforeLaunch?: (ctx: {launcher: string, env: object, dir: string}) => Promise<void>}} options
 *   settings: the host's settings file (CLICK2CALL_CONFIG); policy: managed extension values;
 *   writeManifest false: the test registers the launcher itself (e.g. with `click2call install`)
 */
export async function openSharedSession(name, driver, { installHost = true, writeManifest = true, hostEnv = {}, settings, policy, beforeLaunch } = {}) {
  requireBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `c2c-e2e-${driver.name}-`));
  const logDir = path.join(dir, 'host-logs');
  const binDir = path.join(dir, 'bin');
  const configFile = path.join(dir, 'config.json');
  if (settings) fs.writeFileSync(configFile, JSON.stringify(settings, null, 2));
  const env = {
    CLICK2CALL_LOG_DIR: logDir,
    CLICK2CALL_CONFIG: configFile,
    CLICK2CALL_SYSTEM_CONFIG: path.join(dir, 'system-config.json'),
    CLICK2CALL_RUNTIME_DIR: path.join(dir, 'run'),
    CLICK2CALL_LOG_LEVEL: 'debug',
    ...hostEnv,
  };
  const launcher = installHost ? writeLauncher(binDir, env) : undefined;
  let artifacts = null;
  let shot = 0;
  const pages = new Set();
  const cleanups = [];
  const track = (page) => {
    pages.add(page);
    return page;
  };

  const session = {
    dir,
    driver,
    logDir,
    get artifacts() {
      return artifacts;
    },
    /** Puts screenshots and logs into `folder` (the demo's own output folder). */
    useArtifactsDir(folder) {
      if (artifacts && fs.existsSync(artifacts) && fs.readdirSync(artifacts).length === 0) fs.rmdirSync(artifacts);
      artifacts = folder;
      fs.mkdirSync(artifacts, { recursive: true });
      shot = 0;
    },
    /** Starts the artifacts folder of test `t` (screenshots and logs of that test go there). */
    begin(testName) {
      if (artifacts && fs.existsSync(artifacts) && fs.readdirSync(artifacts).length === 0) fs.rmdirSync(artifacts);
      const named = testName.startsWith(driver.name) ? testName : `${driver.name}-${testName}`;
      artifacts = path.join(artifactsRoot, slugOf(named));
      fs.rmSync(artifacts, { recursive: true, force: true });
      fs.mkdirSync(artifacts, { recursive: true });
      shot = 0;
    },
    async newPage(url) {
      return track(await session.browser.newPage(url));
    },
    /** The popup page in a tab with a popup-sized viewport. */
    async openPopup() {
      return track(await session.browser.openExtensionPage('popup/popup.html', POPUP_VIEWPORT));
    },
    /** Open pages whose URL matches `test` (a RegExp), tracked like the test's own pages. */
    async pagesMatching(test) {
      const found = [];
      for (const page of await session.browser.pages()) {
        let url = page.url();
        // Firefox over BiDi reports a window the extension opened as about:blank: ask the page.
        if (url === 'about:blank') url = await page.evaluate(() => location.href).catch(() => url);
        if (test.test(url)) found.push(track(page));
      }
      return found;
    },
    async openExtensionPage(file, viewport) {
      return track(await session.browser.openExtensionPage(file, viewport));
    },
    async screenshot(page, label) {
      shot += 1;
      const file = path.join(artifacts, `${String(shot).padStart(2, '0')}-${label}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    /**
     * Runs one named step; when it fails, every open page is photographed and the error says
     * which step it was.
     */
    async step(name, fn) {
      try {
        return await fn();
      } catch (error) {
        let index = 0;
        for (const page of pages) {
          index += 1;
          try {
            await page.screenshot({ path: path.join(artifacts, `failed-${slugOf(name)}-page${index}.png`) });
          } catch {
            // a closed page
          }
        }
        error.message = `step "${name}" failed: ${error.message}`;
        throw error;
      }
    },
    /** Closes the pages opened so far (between the tests of a shared session). */
    async closePages() {
      for (const page of pages) await page.close().catch(() => {});
      pages.clear();
    },
    /** Registers something to undo when the session closes (e.g. stop a SIPp). */
    onClose(fn) {
      cleanups.push(fn);
    },
    hostLog() {
      if (!fs.existsSync(logDir)) return '';
      return fs.readdirSync(logDir)
        .filter((f) => f.endsWith('.log'))
        .map((f) => `==== ${f}\n${fs.readFileSync(path.join(logDir, f), 'utf8')}`)
        .join('');
    },
    /** Host pids in start order (the launcher records each start). */
    hostPids() {
      const file = pidFile(binDir);
      if (!fs.existsSync(file)) return [];
      return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number);
    },
    /** Writes the host's and the softphone's logs into the current test's artifacts. */
    saveLogs() {
      if (artifacts) fs.writeFileSync(path.join(artifacts, 'host.log'), session.hostLog());
    },
    async close() {
      for (const fn of cleanups.reverse()) await Promise.resolve().then(fn).catch(() => {});
      await session.browser?.close().catch(() => {});
      // The host exits when the browser closes its port (and ends its baresip); make sure.
      for (const pid of session.hostPids()) {
        if (isAlive(pid)) await endPid(pid, 3000);
      }
      session.saveLogs();
      if (process.env.C2C_KEEP_TMP !== '1') fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  session.begin(`${name}-setup`);
  try {
    // e.g. install the MicroSIP hooks with this launcher before the browser starts the host
    if (beforeLaunch) await beforeLaunch({ launcher, env, dir });
    session.browser = await driver.launch({ dir, launcher: writeManifest ? launcher : undefined, policy });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return session;
}

/** A session for one test, closed (and its logs kept) when the test ends. */
export async function openSession(t, driver, options = {}) {
  const session = await openSharedSession(t.name, driver, options);
  fs.rmSync(session.artifacts, { recursive: true, force: true });
  session.begin(t.name);
  t.after(() => session.close());
  return session;
}
