// A per-test launcher script for the packaged host: what `click2call install` writes for a user,
// with the test's own environment (log folder, softphone) baked in, because a browser may start
// its native host with a reduced environment.
import fs from 'node:fs';
import path from 'node:path';
import { cdsArchive, jar, jvmOptionsFile } from './paths.mjs';

function jvmOptions(archive = cdsArchive) {
  return fs.readFileSync(jvmOptionsFile, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.replace('${CDS_ARCHIVE}', archive));
}

const shellQuote = (text) => `'${String(text).replaceAll("'", "'\\''")}'`;

/** Every host the browser started, one pid a line, oldest first. */
export const pidFile = (dir) => path.join(dir, 'host.pids');

/**
 * Writes `<dir>/click2call` and returns its absolute path.
 * @param {string} dir
 * @param {Record<string,string>} env variables the host must see
 * @param {{jar?: string, cds?: string}} options jar: another copy of the packaged jar (files
 *   beside it matter), cds: the start-up archive recorded for that copy
 */
export function writeLauncher(dir, env, { jar: jarFile = jar, cds = cdsArchive } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const java = path.join(process.env.JAVA_HOME || '/usr/lib/jvm/java-17-openjdk-amd64', 'bin', 'java');
  const javaPath = fs.existsSync(java) ? java : 'java';
  const lines = ['#!/bin/sh'];
  for (const [key, value] of Object.entries(env)) lines.push(`export ${key}=${shellQuote(value)}`);
  // exec keeps the shell's pid: the test learns the host's own pid to end it by (only for host
  // mode, which a browser starts; not for CLI commands such as the MicroSIP hooks).
  lines.push(`case "$1" in chrome-extension://*|/*) echo $$ >> ${shellQuote(pidFile(dir))} ;; esac`);
  lines.push(`exec ${shellQuote(javaPath)} ${jvmOptions(cds).map(shellQuote).join(' ')} -cp ${shellQuote(jarFile)} dev.click2call.Main "$@"`);
  const file = path.join(dir, 'click2call');
  fs.writeFileSync(file, lines.join('\n') + '\n', { mode: 0o755 });
  return file;
}
