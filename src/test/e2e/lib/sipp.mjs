// SIPp on 127.0.0.1 as the far end of a real SIP call: the scenario files of the Java baresip
// tests, a message trace kept with the test's artifacts, and its own pid to end it by.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { requireTool } from './tools.mjs';

export const scenarioDir = path.join(repoRoot, 'src', 'test', 'resources', 'sipp');

/**
 * @param {{scenario: string, port: number, dir: string, extra?: string[]}} options
 *   scenario: a file in src/test/resources/sipp; port: SIPp's SIP port (media on port + 2, + 3);
 *   dir: where the trace and output go; extra: further arguments (e.g. the address to call)
 */
export function startSipp({ scenario, port, dir, extra = [] }) {
  const sipp = requireTool('sipp', 'sip-tester');
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `sipp-${path.basename(scenario, '.xml')}-${port}`);
  const trace = `${base}-messages.log`;
  const output = `${base}.out`;
  const out = fs.openSync(output, 'w');
  const child = spawn(sipp, [
    '-sf', path.join(scenarioDir, scenario),
    '-i', '127.0.0.1', '-p', String(port), '-m', '1',
    '-mi', '127.0.0.1', '-mp', String(port + 2),
    '-nostdin', '-trace_msg', '-message_file', trace,
    '-timeout', '25', '-timeout_error',
    ...extra,
  ], { cwd: dir, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exitCode = null;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => {
    exitCode = code ?? signal;
    resolve(exitCode);
  }));
  return {
    pid: child.pid,
    /** Waits for SIPp to finish its one call; resolves to its exit status (0 = success). */
    async awaitExit(step, timeout = 15000) {
      let timer;
      const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeout} ms waiting for: ${step}`)), timeout);
      });
      try {
        return await Promise.race([exited, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    trace: () => (fs.existsSync(trace) ? fs.readFileSync(trace, 'utf8') : ''),
    output: () => (fs.existsSync(output) ? fs.readFileSync(output, 'utf8') : ''),
    /** Ends SIPp by its own pid if it is still running. */
    async stop() {
      if (exitCode !== null) return;
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => { try { process.kill(child.pid, 'SIGKILL'); } catch { /* gone */ } }, 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}
