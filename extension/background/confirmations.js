// Dial requests waiting for the user in the confirm window. At most one per tab (a page
// without a user gesture cannot stack windows up); an entry ends when the user answers, when
// its window closes, or after two minutes.
import { ext } from '../shared/browser.js';

const EXPIRES_MS = 120000;
const NO_TAB = 'none'; // popup, context menu and shortcut requests share one slot

const slotOf = (tabId) => (typeof tabId === 'number' ? String(tabId) : NO_TAB);

export class PendingConfirmations {
  constructor({ now = () => Date.now() } = {}) {
    this.now = now;
    this.pending = new Map(); // id → {parsed, raw, context, premium, at, windowId}
  }

  restore(saved) {
    this.pending = new Map(Object.entries(saved ?? {}));
  }

  snapshot() {
    return Object.fromEntries(this.pending);
  }

  expire() {
    for (const [id, p] of this.pending) if (this.now() - p.at > EXPIRES_MS) this.pending.delete(id);
  }

  /** The id of the confirmation already open for this tab, if any. */
  openFor(tabId) {
    this.expire();
    const slot = slotOf(tabId);
    for (const [id, p] of this.pending) if (slotOf(p.context.tabId) === slot) return id;
    return null;
  }

  add(id, entry) {
    this.pending.set(id, { ...entry, windowId: null });
  }

  setWindow(id, windowId) {
    const p = this.pending.get(id);
    if (p && typeof windowId === 'number') p.windowId = windowId;
  }

  get(id) {
    return this.pending.get(id) ?? null;
  }

  take(id) {
    const p = this.pending.get(id) ?? null;
    this.pending.delete(id);
    return p;
  }

  idForWindow(windowId) {
    for (const [id, p] of this.pending) if (p.windowId === windowId) return id;
    return null;
  }

  /** Bring the open confirmation to the front instead of opening another one. */
  async focus(id) {
    const windowId = this.pending.get(id)?.windowId;
    if (typeof windowId !== 'number') return;
    try {
      await ext().windows.update(windowId, { focused: true });
    } catch {
      // the window is gone; windows.onRemoved ends the entry
    }
  }
}
