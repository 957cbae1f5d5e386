// Managed browser policy for ONE browser process, without touching the machine: the browser is
// started through a wrapper that enters a private mount namespace (`unshare --mount`) and
// bind-mounts a temporary copy of the policy folder over the system one (/etc/chromium for
// Chromium, Firefox's distribution folder for Firefox ESR). Other processes, and the other tests
// running on this machine, keep seeing the real folders. Needs root (CAP_SYS_ADMIN), as CI has;
// without it the wrapper fails loudly rather than falling back to the shared folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const shellQuote = (text) => `'${String(text).replaceAll("'", "'\\''")}'`;

/**
 * @param {string} dir the test's folder
 * @param {{browser: string, systemDir: string, files: Record<string, string>}} spec
 *   systemDir: the folder to shadow (must exist); files: relative path → content inside it
 * @returns {string} the wrapper program to start instead of `browser`
 */
export function privatePolicyWrapper(dir, { browser, systemDir, files }) {
  const real = fs.realpathSync(systemDir);
  const shadow = path.join(dir, `shadow-${path.basename(real)}`);
  fs.cpSync(real, shadow, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(shadow, name)), { recursive: true });
    fs.writeFileSync(path.join(shadow, name), text);
  }
  const wrapper = path.join(dir, `${path.basename(browser)}-with-private-policy`);
  fs.writeFileSync(wrapper, [
    '#!/bin/sh',
    '# Runs the browser in a private mount namespace whose policy folder is the test\'s copy.',
    `exec unshare --mount --propagation private sh -c 'mount --bind "$0" "$1" && shift && exec "$@"' ${shellQuote(shadow)} ${shellQuote(real)} ${shellQuote(browser)} "$@"`,
    '',
  ].join('\n'), { mode: 0o755 });
  // Fail now, with the reason, if this machine cannot do it.
  try {
    execFileSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', `mount --bind ${shellQuote(shadow)} ${shellQuote(real)}`], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`a private policy folder needs root and mount namespaces (unshare --mount): ${error.stderr || error.message}`);
  }
  return wrapper;
}
