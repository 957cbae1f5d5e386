// The documents our content scripts run in, keyed by the browser's documentId (not by tab): a
// tab that navigates gets a new document, and whatever the old one was allowed to receive does
// not follow it. A document is forgotten when its content script says it is going (pagehide),
// when a message to it fails, when another document takes its tab and frame, or when its tab
// closes. Pure state, persisted by the controller in storage.session.

const MAX_DOCUMENTS = 1000; // a bound: a tab can create documents faster than it closes them

/**
 * The origin of a message sender as the browser reports it. An opaque origin ("null": a
 * sandboxed frame, a data: URL) is never an origin anyone can allow, so it comes back as null.
 * Only a browser that reports no origin at all falls back to the URL.
 */
export function senderOrigin(sender) {
  if (typeof sender?.origin === 'string') return sender.origin === 'null' ? null : sender.origin;
  try {
    const origin = new URL(sender?.url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** The key a sender's document is known by; null when the browser gives no documentId. */
export function documentKey(sender) {
  return typeof sender?.documentId === 'string' && sender.documentId ? sender.documentId : null;
}

export class DocumentRegistry {
  constructor(saved = {}) {
    this.docs = new Map(Object.entries(saved)); // documentId → {tabId, frameId, origin, pageEvents, at}
  }

  snapshot() {
    return Object.fromEntries(this.docs);
  }

  /**
   * Record the sender's document. `pageEvents`: its origin was allow-listed when it asked.
   * Returns false when the browser gives no documentId (nothing can be addressed then).
   */
  register(sender, { pageEvents, at = Date.now() }) {
    const id = documentKey(sender);
    if (!id || typeof sender.tab?.id !== 'number') return false;
    const tabId = sender.tab.id;
    const frameId = sender.frameId ?? 0;
    this.replacedBy(sender);
    this.docs.delete(id); // re-insert: the map's order is the age order used by the bound
    this.docs.set(id, { tabId, frameId, origin: senderOrigin(sender), pageEvents: Boolean(pageEvents), at });
    while (this.docs.size > MAX_DOCUMENTS) this.docs.delete(this.docs.keys().next().value);
    return true;
  }

  /** A new document in a tab's frame replaces whatever that frame showed before. */
  replacedBy(sender) {
    const id = documentKey(sender);
    const tabId = sender?.tab?.id;
    const frameId = sender?.frameId ?? 0;
    let changed = false;
    for (const [key, doc] of this.docs) {
      if (key !== id && doc.tabId === tabId && doc.frameId === frameId) {
        this.docs.delete(key);
        changed = true;
      }
    }
    return changed;
  }

  /** Make sure the sender's document is known (a dial from it), keeping what it was allowed. */
  touch(sender, at = Date.now()) {
    const known = this.get(documentKey(sender));
    return this.register(sender, { pageEvents: known?.pageEvents ?? false, at });
  }

  get(id) {
    return typeof id === 'string' ? this.docs.get(id) ?? null : null;
  }

  forget(id) {
    return this.docs.delete(id);
  }

  forgetTab(tabId) {
    let changed = false;
    for (const [key, doc] of this.docs) {
      if (doc.tabId === tabId) {
        this.docs.delete(key);
        changed = true;
      }
    }
    return changed;
  }

  /** Documents that asked for page events, with their ids. */
  eventDocuments() {
    return [...this.docs].filter(([, doc]) => doc.pageEvents).map(([id, doc]) => ({ id, ...doc }));
  }

  /** Top-level documents of an origin, most recently registered first. */
  topDocumentsOf(origin) {
    return [...this.docs]
      .filter(([, doc]) => doc.frameId === 0 && doc.origin === origin)
      .map(([id, doc]) => ({ id, ...doc }))
      .reverse();
  }
}
