// Pieces of the self-hosted rollout tests: the organisation's throwaway key, a loopback server
// for the packages, and the host as an install folder holds it (a copy of the packaged jar, so
// allowed-extensions.json beside it is this test's own) with the MicroSIP emulator.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { artifactsRoot, jar } from './paths.mjs';
import { writeLauncher, pidFile } from './launcher.mjs';
import { createEmulator } from './emulator.mjs';
import { endPid, isAlive } from './processes.mjs';

/**
 * A rollout test's workspace: a scratch folder (removed at the end unless C2C_KEEP_TMP=1), a fresh
 * artifacts folder, clean-ups run in reverse order when the test ends, and the `kit` folder the
 * organisation hosts, served over loopback.
 */
export async function rolloutWorkspace(t, prefix, artifactsName) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const artifacts = path.join(artifactsRoot, artifactsName);
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  const cleanups = [];
  t.after(async () => {
    for (const fn of cleanups.reverse()) await Promise.resolve().then(fn).catch(() => {});
    if (process.env.C2C_KEEP_TMP !== '1') fs.rmSync(dir, { recursive: true, force: true });
  });
  const kit = path.join(dir, 'kit');
  const hosting = await serveFolder(kit);
  cleanups.push(() => hosting.close());
  return { dir, artifacts, cleanups, kit, hosting };
}

export function run(program, args, env = process.env) {
  return new Promise((resolve, reject) => {
    execFile(program, args, { timeout: 120000, env }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(program)} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

/** The organisation's key, made for this run and never stored in the repository. */
export function throwawayKey(dir) {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const file = path.join(dir, 'org-key.pem');
  fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return file;
}

const TYPES = { '.crx': 'application/x-chrome-extension', '.xml': 'text/xml', '.xpi': 'application/x-xpinstall' };

/** Serves the files of `dir` on 127.0.0.1 (a random port) and records every file asked for. */
export async function serveFolder(dir) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url, 'http://x').pathname);
    requests.push(name);
    const file = path.join(dir, name);
    if (!name || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}/`, requests, close: () => new Promise((r) => server.close(r)) };
}

/**
 * The host installed in `<dir>/app` with a launcher in `<dir>/bin` whose environment points at
 * the test's folders and the MicroSIP emulator (started, hooks installed with this launcher).
 * `cleanups` receives what to undo.
 */
export async function installedHostWithMicroSip(dir, cleanups, extraEnv = {}) {
  const app = path.join(dir, 'app');
  fs.mkdirSync(app, { recursive: true });
  const appJar = path.join(app, 'click2call.jar');
  fs.copyFileSync(jar, appJar);
  // The start-up archive must be recorded for this copy (the JVM refuses one made for another
  // path, and a host started without it may miss the extension's 5 s hello deadline on a busy
  // machine), as `click2call install` does for a real install.
  const appCds = path.join(app, 'click2call.jsa');
  await run(path.join(process.env.JAVA_HOME || '/usr/lib/jvm/java-17-openjdk-amd64', 'bin', 'java'), ['-jar', appJar, 'cds-archive', '--output', appCds]);
  const emulator = createEmulator();
  cleanups.push(() => emulator.stop());
  const binDir = path.join(dir, 'bin');
  const logDir = path.join(dir, 'host-logs');
  const launcher = writeLauncher(binDir, {
    CLICK2CALL_LOG_DIR: logDir,
    CLICK2CALL_CONFIG: path.join(dir, 'config.json'),
    CLICK2CALL_SYSTEM_CONFIG: path.join(dir, 'system-config.json'),
    CLICK2CALL_RUNTIME_DIR: path.join(dir, 'run'),
    CLICK2CALL_LOG_LEVEL: 'debug',
    CLICK2CALL_SOFTPHONE: 'microsip',
    CLICK2CALL_MICROSIP: emulator.exe,
    ...extraEnv,
  }, { jar: appJar, cds: appCds });
  cleanups.push(async () => {
    const file = pidFile(binDir);
    const pids = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number) : [];
    for (const pid of pids) if (isAlive(pid)) await endPid(pid, 3000);
  });
  return {
    app,
    launcher,
    emulator,
    async startEmulator() {
      await emulator.installHooks(launcher);
      await emulator.start();
    },
    hostLog() {
      if (!fs.existsSync(logDir)) return '';
      return fs.readdirSync(logDir).map((f) => fs.readFileSync(path.join(logDir, f), 'utf8')).join('');
    },
  };
}
