// One end-to-end session: a temp folder, a browser with the extension, optionally the host
// registered, and the artifacts (screenshots, logs) kept under target/e2e-artifacts/<test>/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromiumDriver from './chromium.mjs';
import * as firefoxDriver from './firefox.mjs';
import { artifactsRoot, requireBuilt } from './paths.mjs';
import { writeLauncher } from './launcher.mjs';

export const browsers = [chromiumDriver, firefoxDriver];

/**
 * @param {import('node:test').TestContext} t
 * @param {object} driver chromium or firefox driver
 * @param {{installHost?: boolean, hostEnv?: Record<string,string>}} options
 */
export async function openSession(t, driver, { installHost = true, hostEnv = {} } = {}) {
  requireBuilt();
  const slug = `${driver.name}-${t.name}`.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `c2c-e2e-${driver.name}-`));
  const artifacts = path.join(artifactsRoot, slug);
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  const logDir = path.join(dir, 'host-logs');
  const env = {
    CLICK2CALL_LOG_DIR: logDir,
    CLICK2CALL_CONFIG: path.join(dir, 'config.json'),
    CLICK2CALL_SYSTEM_CONFIG: path.join(dir, 'system-config.json'),
    CLICK2CALL_RUNTIME_DIR: path.join(dir, 'run'),
    CLICK2CALL_LOG_LEVEL: 'debug',
    ...hostEnv,
  };
  const launcher = installHost ? writeLauncher(path.join(dir, 'bin'), env) : undefined;
  const browser = await driver.launch({ dir, launcher });
  let shot = 0;
  const session = {
    dir,
    browser,
    artifacts,
    logDir,
    async screenshot(page, label) {
      shot += 1;
      const file = path.join(artifacts, `${String(shot).padStart(2, '0')}-${label}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    hostLog() {
      if (!fs.existsSync(logDir)) return '';
      return fs.readdirSync(logDir)
        .filter((f) => f.endsWith('.log'))
        .map((f) => fs.readFileSync(path.join(logDir, f), 'utf8'))
        .join('');
    },
  };
  t.after(async () => {
    await browser.close().catch(() => {});
    fs.writeFileSync(path.join(artifacts, 'host.log'), session.hostLog());
    if (process.env.C2C_KEEP_TMP !== '1') fs.rmSync(dir, { recursive: true, force: true });
  });
  return session;
}
