// The MicroSIP emulator (src/test/java/dev/click2call/emulator, docs/MICROSIP.md) for one test:
// its own short folder under /tmp (it holds Unix sockets), a `microsip` launcher that
// CLICK2CALL_MICROSIP points at, its UTF-16LE ini, the control channel (the far end: incoming
// calls, remote answer / hang-up, busy) and its JSON-lines journal.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { waitFor } from './wait.mjs';
import { endPid, isAlive } from './processes.mjs';

const target = path.join(repoRoot, 'target');

function classpath() {
  const listed = path.join(target, 'test-classpath.txt');
  const emulator = path.join(target, 'test-classes', 'dev', 'click2call', 'emulator', 'MicroSipEmulator.class');
  for (const file of [listed, emulator]) {
    if (!fs.existsSync(file)) throw new Error(`missing ${file}: run \`mvn -B package -DskipTests\` first`);
  }
  const deps = fs.readFileSync(listed, 'utf8').trim();
  return [path.join(target, 'test-classes'), path.join(target, 'classes'), deps].join(':');
}

const shellQuote = (text) => `'${String(text).replaceAll("'", "'\\''")}'`;

function javaPath() {
  const java = path.join(process.env.JAVA_HOME || '/usr/lib/jvm/java-17-openjdk-amd64', 'bin', 'java');
  return fs.existsSync(java) ? java : 'java';
}

/** Writes an ini the way MicroSIP keeps it: UTF-16LE with a BOM, CRLF. */
function writeIni(file, lines) {
  const body = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf16le');
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
}

export function createEmulator() {
  const dir = fs.mkdtempSync('/tmp/c2cms-');
  const exe = path.join(dir, 'microsip');
  fs.writeFileSync(exe, `#!/bin/sh\nexec ${shellQuote(javaPath())} -Xshare:auto -XX:TieredStopAtLevel=1 -cp ${shellQuote(classpath())} dev.click2call.emulator.MicroSipEmulator --exe "$0" "$@"\n`, { mode: 0o700 });
  writeIni(path.join(dir, 'microsip.ini'), ['[Settings]', 'singleMode=1']);
  let child = null;

  const emulator = {
    dir,
    exe,
    /** Runs `click2call microsip hooks install` with the test's host launcher. */
    installHooks(launcher) {
      return new Promise((resolve, reject) => {
        execFile(launcher, ['microsip', 'hooks', 'install', '--launcher', launcher], { timeout: 60000 }, (error, stdout, stderr) => {
          if (error) reject(new Error(`microsip hooks install failed: ${error.message}\n${stdout}${stderr}`));
          else resolve(stdout);
        });
      });
    },
    /** Starts "MicroSIP" (minimised) as its own process and waits for its window socket. */
    async start() {
      const err = fs.openSync(path.join(dir, 'emulator.err'), 'a');
      child = spawn(exe, ['/minimized'], { stdio: ['ignore', 'ignore', err] });
      fs.closeSync(err);
      await waitFor('the MicroSIP emulator is running (window.sock)', () => fs.existsSync(path.join(dir, 'window.sock')), { timeout: 20000 });
    },
    /** A far-end action on the control channel; resolves to the emulator's reply line. */
    control(command, argument) {
      return new Promise((resolve, reject) => {
        const socket = net.connect({ path: path.join(dir, 'control.sock') });
        let data = '';
        socket.setTimeout(20000, () => socket.destroy(new Error(`control ${command}: no reply`)));
        socket.on('connect', () => socket.write(`${JSON.stringify(argument === undefined ? { command } : { command, argument })}\n`));
        socket.on('data', (chunk) => {
          data += chunk;
          if (data.includes('\n')) {
            socket.end();
            resolve(data.split('\n')[0]);
          }
        });
        socket.on('error', reject);
      });
    },
    journal() {
      const file = path.join(dir, 'journal.jsonl');
      if (!fs.existsSync(file)) return [];
      return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
    },
    /** Waits for a journal entry that matches; the step names what was expected. */
    awaitJournal(step, match, timeout = 15000) {
      return waitFor(step, () => emulator.journal().find(match), { timeout });
    },
    /** Ends every call the far end still has (each remote hang-up runs MicroSIP's end hook). */
    async endAllCalls(timeout = 10000) {
      await waitFor('MicroSIP has no call', async () => {
        if (JSON.parse(await emulator.control('state')).calls.length === 0) return true;
        await emulator.control('hangup-remote');
        return false;
      }, { timeout, interval: 300 });
    },
    /** Copies the journal into a test's artifacts. */
    saveJournal(folder) {
      const file = path.join(dir, 'journal.jsonl');
      if (folder && fs.existsSync(file)) fs.copyFileSync(file, path.join(folder, 'microsip-journal.jsonl'));
    },
    /** Quits the emulator over its control channel, then ends its process by pid. */
    async stop() {
      if (child && isAlive(child.pid)) {
        await emulator.control('quit').catch(() => {});
        await waitFor('emulator exits', () => !isAlive(child.pid), { timeout: 3000 }).catch(() => {});
        if (isAlive(child.pid)) await endPid(child.pid, 2000);
      }
      if (process.env.C2C_KEEP_TMP !== '1') fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return emulator;
}
