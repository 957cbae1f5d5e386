// Issue 6: `click2call install` registers the host for a throwaway Chromium profile and a
// throwaway Firefox HOME, the real browser connects through what it wrote, and `uninstall` leaves
// no manifest behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { browsers, openSession } from '../lib/session.mjs';
import { waitFor } from '../lib/wait.mjs';
import { hostName, jar } from '../lib/paths.mjs';

/** Runs the packaged `click2call` CLI with HOME inside the test folder. */
function click2call(dir, args) {
  const home = path.join(dir, 'home');
  fs.mkdirSync(home, { recursive: true });
  const run = spawnSync('java', ['-jar', jar, ...args], {
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: '', CLICK2CALL_LOG_DIR: path.join(dir, 'cli-logs') },
    encoding: 'utf8',
    timeout: 60000,
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}`, stdout: run.stdout };
}

function manifestsUnder(root) {
  const found = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === `${hostName}.json`) found.push(full);
    }
  };
  if (fs.existsSync(root)) walk(root);
  return found;
}

for (const driver of browsers) {
  test(`${driver.name}: click2call install registers the host, the browser connects, uninstall removes it`, async (t) => {
    let installArgs;
    const session = await openSession(t, driver, {
      hostEnv: { CLICK2CALL_SOFTPHONE: 'none' },
      writeManifest: false,
      beforeLaunch: async ({ launcher, dir }) => {
        installArgs = driver.name === 'chromium'
          ? ['--browser', 'chromium', '--user-data-dir', path.join(dir, 'profile')]
          : ['--browser', 'firefox'];
        const install = click2call(dir, ['install', ...installArgs, '--launcher', launcher]);
        assert.equal(install.status, 0, install.out);
        const written = manifestsUnder(dir);
        assert.equal(written.length, 1, `one manifest written: ${written.join(', ')}`);
        const manifest = JSON.parse(fs.readFileSync(written[0], 'utf8'));
        assert.equal(manifest.path, launcher);
      },
    });

    const popup = await session.openPopup();
    await session.step('the browser reaches the host through the installed manifest', () =>
      waitFor('host status connected', () =>
        popup.$eval('#host-status', (el) => el.dataset.state === 'connected'), { timeout: 20000 }));
    await session.screenshot(popup, 'popup-connected-after-install');
    assert.match(session.hostLog(), driver.name === 'chromium' ? /host started for chromium:/ : /host started for gecko:/);

    const doctor = click2call(session.dir, ['doctor', '--json', ...installArgs]);
    const report = JSON.parse(doctor.stdout);
    const section = report.sections.find((s) => s.id === driver.name);
    assert.ok(section, `doctor reports ${driver.name}`);
    assert.equal(section.ok, true, JSON.stringify(section));

    const uninstall = click2call(session.dir, ['uninstall', ...installArgs]);
    assert.equal(uninstall.status, 0, uninstall.out);
    assert.deepEqual(manifestsUnder(session.dir), [], 'no manifest left behind');
  });
}
