// Turns numbers written in the page into links, without ever blocking the page: work is
// queued (initial document, then MutationObserver batches) and done in idle slices of a few
// milliseconds. Walks open shadow roots. Marks what it processed so nothing is wrapped twice,
// and unwraps everything when stopped.
//
// Detection and DOM writes are separate phases. Every slice that writes makes the browser redo
// style and layout for the page, and on a large page that costs far more than the writes (a
// 5 MB page: ~25 ms of layout for a single changed text node, whatever its size). So slices
// first only read and detect; the links found are written together when the walk is done, when
// many are waiting, or when the oldest has waited long enough for a person to notice. Each
// write slice has the same time budget, so the rendering that follows it stays proportional.
export const LINK_CLASS = 'c2c-num';
const SLICE_MS = 8; // without requestIdleCallback (and the least a slice gets)
// Slices may use the idle period the browser offers, up to this. A browser runs one idle
// callback per idle period (a callback requested during one runs in the next), and idle periods
// are at most 50 ms long: 8 ms per period left the thread idle 80% of the time on big pages.
const MAX_SLICE_MS = 30;
const MAX_TEXT = 20000; // larger text nodes are logs or data dumps, not contact details
const MIN_TEXT = 7;
const FLUSH_AFTER_MS = 1000; // found links wait at most this long (while the walk goes on)
const FLUSH_AT = 4000; // ... or until this many are waiting
const HAS_DIGIT = /\d/;
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'TIME', 'DATA',
  'BUTTON', 'HEAD', 'TITLE', 'A', 'CLICK2CALL-TOAST']);
const SKIP_ROLES = new Set(['textbox', 'combobox', 'searchbox', 'button', 'timer', 'code', 'math', 'spinbutton']);

function idleScheduler(win) {
  if (typeof win.requestIdleCallback === 'function') {
    return {
      request: (fn) => win.requestIdleCallback(fn, { timeout: 250 }),
      cancel: (h) => win.cancelIdleCallback(h),
    };
  }
  return {
    request: (fn) => win.setTimeout(() => fn({ timeRemaining: () => SLICE_MS, didTimeout: false }), 1),
    cancel: (h) => win.clearTimeout(h),
  };
}

/** User Timing entries for the first scan only; never throws (old engines, fake clocks). */
class Timing {
  constructor(performance, enabled) {
    this.performance = enabled && typeof performance?.measure === 'function' ? performance : null;
  }

  measure(name, start, end) {
    if (!this.performance) return;
    try {
      this.performance.measure(name, { start, end });
    } catch {
      this.performance = null;
    }
  }

  /** The first scan is done: mark it, and record nothing more. */
  finish() {
    if (!this.performance) return;
    try {
      this.performance.mark('click2call:first-scan-done');
    } catch {
      // not worth failing the scan for
    }
    this.performance = null;
  }
}

export class Scanner {
  /**
   * @param {Document} doc
   * @param {((text: string) => {start, end, target, display}[]) | (() => Promise<Function>)} find
   *   the detector, or (with `lazy: true`) a function that loads it: a page without digits then
   *   never pays for evaluating the detector and its metadata
   * @param {object} [opts]
   */
  constructor(doc, find, { scheduler, now, sliceMs = SLICE_MS, maxSliceMs = MAX_SLICE_MS, timing = true, flushAfterMs = FLUSH_AFTER_MS, flushAt = FLUSH_AT, lazy = false } = {}) {
    this.doc = doc;
    this.win = doc.defaultView;
    this.find = lazy ? null : find;
    this.loadFind = lazy ? find : null;
    this.loading = null;
    this.scheduler = scheduler ?? idleScheduler(this.win);
    this.now = now ?? (() => this.win.performance.now());
    this.sliceMs = sliceMs;
    this.maxSliceMs = Math.max(maxSliceMs, sliceMs);
    this.flushAfterMs = flushAfterMs;
    this.flushAt = flushAt;
    this.found = []; // {text, value, hits} detected, not yet written
    this.foundHead = 0; // index of the next one to write
    this.firstFoundAt = 0;
    this.writing = false; // a write burst is under way
    this.queue = []; // roots to walk: elements, shadow roots, text nodes
    this.walk = null; // the walk in progress {walker}
    this.handle = null;
    this.seen = new WeakSet(); // text nodes already looked at (and our own leftovers)
    // Text node we split → the nodes we inserted after it. Frameworks keep a reference to the
    // original node: when they change or remove it, our inserted nodes must go too. Cleared
    // entry by entry when the page drops a node, and wholly on stop().
    this.splits = new Map();
    this.roots = new Set(); // shadow roots we observe, for teardown
    this.running = false;
    this.stats = { textNodes: 0, links: 0, slices: 0, writeSlices: 0, longestSliceMs: 0 };
    // The first scan of a page is timed with User Timing entries (`click2call:*`) that the
    // page and benchmarks can read; later (mutation) slices are not, so entries stay bounded.
    this.timing = new Timing(this.win.performance, timing);
    this.observer = new this.win.MutationObserver((records) => this.onMutations(records));
    this.NodeFilter = this.win.NodeFilter;
  }

  start() {
    if (this.running) return;
    this.running = true;
    const started = this.now();
    const root = this.doc.body ?? this.doc.documentElement;
    this.observe(this.doc.documentElement);
    // A page without digits costs one native textContent read, no walk.
    // Shadow roots on such a page are found when the page next adds elements (mutations).
    if (root && HAS_DIGIT.test(root.textContent ?? '')) this.enqueue(root);
    this.timing.measure('click2call:start', started, this.now());
    if (this.idle) this.timing.finish(); // nothing to scan: the first scan is over
  }

  observe(node) {
    this.observer.observe(node, { childList: true, subtree: true, characterData: true });
  }

  enqueue(node) {
    this.queue.push(node);
    this.schedule();
  }

  schedule() {
    if (this.handle !== null || !this.running) return;
    this.handle = this.scheduler.request((deadline) => {
      this.handle = null;
      this.slice(deadline);
    });
  }

  /** Did everything queued get done? (tests, e2e) */
  get idle() {
    return this.queue.length === 0 && this.walk === null && this.pendingWrites === 0;
  }

  get pendingWrites() {
    return this.found.length - this.foundHead;
  }

  /** Write now? When nothing is left to read, or enough links or time have piled up. */
  writeDue(now) {
    const waiting = this.pendingWrites;
    if (waiting === 0) return false;
    const reading = this.queue.length > 0 || this.walk !== null;
    return this.writing || !reading || waiting >= this.flushAt || now - this.firstFoundAt >= this.flushAfterMs;
  }

  slice(deadline) {
    if (!this.find) {
      this.requireFind(); // the observer keeps collecting meanwhile
      return;
    }
    const started = this.now();
    const offered = Math.max(1, deadline?.timeRemaining?.() ?? this.sliceMs);
    this.onMutations(this.observer.takeRecords(), false);
    this.observer.disconnect(); // our own wrapping must not feed the observer
    try {
      if (this.writeDue(started)) {
        this.stats.writeSlices += 1;
        this.write(started + Math.min(this.maxSliceMs, offered));
      } else this.read(started + Math.min(this.maxSliceMs, offered));
    } finally {
      this.reobserve();
    }
    const ended = this.now();
    const took = ended - started;
    this.stats.slices += 1;
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, took);
    this.timing.measure('click2call:slice', started, ended);
    if (!this.idle) this.schedule();
    else this.timing.finish();
  }

  /** Load the detector once, then go on with the queued work. */
  requireFind() {
    if (this.loading) return;
    let started;
    this.loading = Promise.resolve()
      .then(() => {
        started = this.now();
        return this.loadFind();
      })
      .then((find) => {
        this.timing.measure('click2call:detector-load', started, this.now());
        this.find = find;
        this.schedule();
      }, () => {
        // Without a detector there is nothing to do; links on the page keep working.
      });
  }

  /** Walk and detect until the deadline; no DOM writes. */
  read(stopAt) {
    while (this.now() < stopAt) {
      if (!this.walk) {
        const next = this.queue.shift();
        if (!next) break;
        this.walk = this.beginWalk(next);
        if (!this.walk) continue;
      }
      if (!this.step(stopAt)) this.walk = null;
    }
  }

  /** Write found links until the deadline (always at least one text node, so it progresses). */
  write(stopAt) {
    do {
      const { text, value, hits } = this.found[this.foundHead];
      this.found[this.foundHead] = null;
      this.foundHead += 1;
      if (!text.isConnected) continue;
      if (text.data !== value || this.splits.has(text)) {
        // The page changed it since we read it: read it again.
        this.seen.delete(text);
        this.queue.push(text);
        continue;
      }
      this.wrap(text, hits);
    } while (this.pendingWrites > 0 && this.now() < stopAt);
    // What is left is written by the next slices, before any more reading: one burst of frames
    // with many links each costs the browser less than many frames with a few (each frame that
    // follows a write re-lays out the page, and on a large page that has a high fixed cost).
    this.writing = this.pendingWrites > 0;
    if (!this.writing) {
      this.found = [];
      this.foundHead = 0;
    }
  }

  reobserve() {
    if (!this.running) return;
    this.observe(this.doc.documentElement);
    for (const root of this.roots) if (root.host?.isConnected) this.observe(root);
  }

  beginWalk(root) {
    if (!root.isConnected) return null;
    const { NodeFilter } = this;
    if (root.nodeType === 3) {
      const parent = root.parentElement;
      return this.accept(parent) && !this.insideSkipped(parent) ? { single: root } : null;
    }
    if (root.nodeType === 1 && (!this.accept(root) || this.insideSkipped(root))) return null;
    const walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType === 3) {
          return node.length >= MIN_TEXT && !this.seen.has(node) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
        }
        if (!this.accept(node)) return NodeFilter.FILTER_REJECT;
        if (node.shadowRoot && !this.roots.has(node.shadowRoot)) {
          this.roots.add(node.shadowRoot);
          this.queue.push(node.shadowRoot);
        }
        return NodeFilter.FILTER_SKIP;
      },
    });
    return { walker };
  }

  /** Element-level rules: skip code, forms, editable content, existing links, our own nodes. */
  accept(el) {
    if (!el) return false;
    if (SKIP_TAGS.has(el.tagName.toUpperCase())) return false;
    if (el.isContentEditable || el.hasAttribute('contenteditable')) return false;
    const role = el.getAttribute('role');
    if (role && SKIP_ROLES.has(role)) return false;
    if (el.hasAttribute('data-click2call-off')) return false; // a page can opt a region out
    return true;
  }

  insideSkipped(el) {
    for (let p = el.parentElement; p; p = p.parentElement) if (!this.accept(p)) return true;
    return false;
  }

  /** Process text nodes until the deadline; false when this walk is finished. */
  step(stopAt) {
    if (this.walk.single) {
      this.process(this.walk.single);
      return false;
    }
    const { walker } = this.walk;
    let node = this.walk.pending ?? walker.nextNode();
    this.walk.pending = null;
    while (node) {
      // Wrapping splits the text node but keeps it in place, so the walker can go on from it.
      const next = walker.nextNode();
      this.process(node);
      if (!next) return false;
      if (this.now() >= stopAt) {
        this.walk.pending = next;
        return true;
      }
      node = next;
    }
    return false;
  }

  process(text) {
    if (this.seen.has(text) || !text.isConnected) return;
    this.seen.add(text);
    const value = text.data;
    if (value.length < MIN_TEXT || value.length > MAX_TEXT || !HAS_DIGIT.test(value) && !value.includes('sip')) return;
    this.stats.textNodes += 1;
    const hits = this.find(value);
    if (hits.length === 0) return;
    if (this.pendingWrites === 0) this.firstFoundAt = this.now();
    this.found.push({ text, value, hits });
  }

  wrap(text, hits) {
    // Split from the end so earlier offsets stay valid; the original node keeps the leading
    // text, so a framework holding a reference to it still finds it in the page.
    const inserted = [];
    this.splits.set(text, inserted);
    for (let i = hits.length - 1; i >= 0; i -= 1) {
      const { start, end, target } = hits[i];
      const tail = text.splitText(end);
      const middle = text.splitText(start);
      this.seen.add(tail);
      this.seen.add(middle);
      const link = this.doc.createElement('a');
      link.className = LINK_CLASS;
      link.href = target;
      link.dataset.c2c = 'number';
      middle.replaceWith(link);
      link.append(middle);
      inserted.unshift(link, tail);
      this.stats.links += 1;
    }
  }

  /** Undo a split: remove what we inserted after `text` (the page changed or removed it). */
  unsplit(text) {
    const inserted = this.splits.get(text);
    if (!inserted) return;
    this.splits.delete(text);
    for (const node of inserted) node.remove();
  }

  onMutations(records, schedule = true) {
    for (const record of records) {
      if (record.type === 'characterData') {
        const node = record.target;
        if (node.parentElement?.classList.contains(LINK_CLASS)) continue;
        if (this.splits.has(node)) {
          // The page rewrote a node we split (e.g. a framework updating its text): drop our
          // link and leftover text, then look at the new text as a whole.
          this.unsplit(node);
        }
        this.seen.delete(node);
        this.queue.push(node);
      } else {
        for (const node of record.removedNodes) {
          if (node.nodeType === 3 && this.splits.has(node)) this.unsplit(node);
        }
        for (const node of record.addedNodes) {
          if (node.nodeType === 1 && !node.classList.contains(LINK_CLASS)) this.queue.push(node);
          else if (node.nodeType === 3 && !this.seen.has(node)) this.queue.push(node);
        }
      }
    }
    if (schedule && this.queue.length > 0) this.schedule();
  }

  /** Stop and put the page back as it was. */
  stop() {
    this.running = false;
    this.observer.disconnect();
    if (this.handle !== null) this.scheduler.cancel(this.handle);
    this.handle = null;
    this.queue = [];
    this.walk = null;
    this.found = [];
    this.foundHead = 0;
    this.writing = false;
    // Give each split text node its whole text back, so the page's references stay valid and
    // no other text node is touched (no normalize(): frameworks keep adjacent text nodes apart).
    for (const [text, inserted] of this.splits) {
      if (text.isConnected && inserted.every((n) => n.parentNode === text.parentNode)) {
        text.data += inserted.map((n) => n.textContent).join('');
        for (const node of inserted) node.remove();
      }
    }
    this.splits.clear();
    for (const scope of [this.doc, ...this.roots]) {
      for (const link of scope.querySelectorAll(`a.${LINK_CLASS}[data-c2c="number"]`)) link.replaceWith(...link.childNodes);
    }
    this.roots.clear();
    this.seen = new WeakSet();
  }
}
