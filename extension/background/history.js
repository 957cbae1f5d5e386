// Recent calls, kept only in this browser (storage.local), clearable, off when the setting
// (or the organisation's policy) says so.
import { ext, readArea } from '../shared/browser.js';

const KEY = 'recentCalls';
export const HISTORY_LIMIT = 50;

export async function readHistory() {
  const { [KEY]: list = [] } = await readArea('local', KEY);
  return Array.isArray(list) ? list : [];
}

export async function clearHistory() {
  await ext().storage.local.remove(KEY);
}

/** Record a finished call (or a failed dial). No-op when recent calls are switched off. */
export async function recordCall(entry, enabled) {
  if (!enabled) return;
  const list = await readHistory();
  const item = {
    remote: entry.remote ?? null,
    direction: entry.direction ?? null,
    outcome: entry.outcome,
    at: entry.at ?? Date.now(),
    durationMs: entry.durationMs ?? null,
    ...(typeof entry.reason === 'string' ? { reason: entry.reason.slice(0, 300) } : {}),
  };
  await ext().storage.local.set({ [KEY]: [item, ...list].slice(0, HISTORY_LIMIT) });
}

/** A dial that never became a call (host missing, softphone refused): listed as failed, with why. */
export function entryForFailedDial(target, reason, now = Date.now()) {
  return { remote: target, direction: 'out', outcome: 'failed', at: now, durationMs: null, reason };
}

/** Turn a call that just ended into a history entry. */
export function entryForEndedCall(previous, now = Date.now()) {
  if (!previous) return null;
  const answered = previous.since != null;
  return {
    remote: previous.remote,
    direction: previous.direction,
    outcome: answered ? 'answered' : (previous.direction === 'in' ? 'missed' : 'not_answered'),
    at: previous.startedAt ?? now,
    durationMs: answered ? Math.max(0, now - previous.since) : null,
  };
}
