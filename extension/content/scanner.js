// Turns numbers written in the page into links without ever holding the main thread. Reading
// (walk + detect) runs in posted tasks of SLICE_MS; writing runs in animation frames (see
// scheduling.js). The walk goes in document order from the top, so the first frame after
// DOMContentLoaded already links what the first viewport shows on an ordinary page; mutations
// queue only the added or changed nodes. Walks open shadow roots. Marks what it processed so
// nothing is wrapped twice, and unwraps everything when stopped.
//
// Reading and writing are separate phases because every frame that follows a DOM change makes
// the browser redo style and layout, and on a large page that has a high fixed cost (the 5 MB
// benchmark page: ≈ 100 ms for one changed text node; a 1,000-row table: a few ms). The cost of
// the frame after each write is measured (the first task after it); where it is high, links wait
// and are written in few, large bursts; where it is low, links found are written in the next frame.
import { LINK_CLASS, LinkWriter } from './link-writer.js';
import { MIN_TEXT, mayHoldCallable } from './candidates.js';
import { accept, insideSkipped } from './walk-rules.js';
import { browserScheduler, Timing } from './scheduling.js';

export { LINK_CLASS };
const SLICE_MS = 8; // one read task
const WRITE_MS = 8; // writes per frame where the page re-lays out cheaply
const BURST_WRITE_MS = 30; // ... where it does not: fewer, larger bursts (still < 50 ms)
const EXPENSIVE_RENDER_MS = 24; // style+layout+paint after a write above this: batch writes
const MAX_TEXT = 20000; // larger text nodes are logs or data dumps, not contact details
const FLUSH_AFTER_MS = 1000; // where writes are batched: found links wait at most this long
const FLUSH_AT = 4000; // ... or until this many are waiting

export class Scanner {
  /**
   * @param {Document} doc
   * @param {((text: string) => {start, end, target, display}[]) | (() => Promise<Function>)} find
   *   the detector, or (with `lazy: true`) a function that loads it: a page without digits then
   *   never pays for evaluating the detector and its metadata
   * @param {object} [opts] scheduler {request, requestFrame?, afterFrame?, cancel}, now (clock),
   *   sliceMs, writeMs, burstWriteMs, flushAfterMs, flushAt, timing (User Timing entries), lazy,
   *   onWrite (called after each frame that wrote links: link-keys.js keeps its tab stop)
   */
  constructor(doc, find, {
    scheduler, now, sliceMs = SLICE_MS, writeMs = WRITE_MS, burstWriteMs = BURST_WRITE_MS, timing = true,
    flushAfterMs = FLUSH_AFTER_MS, flushAt = FLUSH_AT, lazy = false, onWrite = () => {},
  } = {}) {
    this.doc = doc;
    this.win = doc.defaultView;
    this.find = lazy ? null : find;
    this.loadFind = lazy ? find : null;
    this.loading = null;
    this.scheduler = scheduler ?? browserScheduler(this.win);
    this.now = now ?? (() => this.win.performance.now());
    this.sliceMs = sliceMs;
    this.writeMs = writeMs;
    this.burstWriteMs = Math.max(writeMs, burstWriteMs);
    this.flushAfterMs = flushAfterMs;
    this.flushAt = flushAt;
    this.found = []; // {text, value, hits} detected, not yet written
    this.foundHead = 0; // index of the next one to write
    this.firstFoundAt = 0;
    this.writing = false; // a write burst is under way
    this.queue = []; // roots to walk: elements, shadow roots, text nodes
    this.walk = null; // the walk in progress
    this.handle = null; // the read task requested
    this.frameHandle = null; // the write frame requested
    this.renderCosts = []; // ms of style+layout+paint after our last writes
    this.framesMeasured = 0;
    this.seen = new WeakSet(); // text nodes already looked at (and our own leftovers)
    this.writer = new LinkWriter(doc, this.seen);
    this.roots = new Set(); // shadow roots we observe, for teardown
    this.running = false;
    this.checkPending = false; // the first look at the page (firstCheck) is still to come
    this.stats = { textNodes: 0, links: 0, slices: 0, writeSlices: 0, longestSliceMs: 0 };
    // The first scan of a page is timed with User Timing entries (`click2call:*`) that the
    // page and benchmarks can read; later (mutation) slices are not, so entries stay bounded.
    this.timing = new Timing(this.win.performance, timing);
    this.observer = new this.win.MutationObserver((records) => this.onMutations(records));
    this.NodeFilter = this.win.NodeFilter;
    this.onWrite = onWrite;
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.observe(this.doc.documentElement);
    // Nothing else here: start() runs in the page's DOMContentLoaded task, which on a large page
    // is already long (its parsing ends there); the first look at the page is a task of its own.
    this.checkPending = true;
    this.schedule();
  }

  /** A page without anything number-like costs one native textContent read, no walk and no
   * detector. Shadow roots on such a page are found when the page next adds elements. */
  firstCheck() {
    this.checkPending = false;
    const started = this.now();
    const root = this.doc.body ?? this.doc.documentElement;
    if (root && mayHoldCallable(root.textContent ?? '')) this.queue.unshift(root);
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
    return !this.checkPending && this.queue.length === 0 && this.walk === null && this.pendingWrites === 0;
  }

  get reading() {
    return this.queue.length > 0 || this.walk !== null;
  }

  get pendingWrites() {
    return this.found.length - this.foundHead;
  }

  /** Does re-laying out this page after a write cost much? (the cheapest of the last frames) */
  get expensive() {
    return this.renderCosts.length > 0 && Math.min(...this.renderCosts) > EXPENSIVE_RENDER_MS;
  }

  /** Write now? Always the first links (the first viewport) and where writes are cheap;
   * elsewhere when nothing is left to read, or enough links or time have piled up. */
  writeDue(now) {
    const waiting = this.pendingWrites;
    if (waiting === 0) return false;
    if (this.stats.writeSlices === 0 || !this.expensive) return true;
    return this.writing || !this.reading || waiting >= this.flushAt || now - this.firstFoundAt >= this.flushAfterMs;
  }

  scheduleWrite() {
    if (this.frameHandle !== null || !this.running || !this.writeDue(this.now())) return;
    const request = this.scheduler.requestFrame ?? this.scheduler.request;
    this.frameHandle = request.call(this.scheduler, () => {
      this.frameHandle = null;
      this.frame();
    });
  }

  /** A read task: walk and detect until the slice's time is up; no DOM writes. */
  slice() {
    if (!this.running) return;
    if (this.checkPending) this.firstCheck();
    if (!this.reading) {
      this.scheduleWrite(); // mutations handled by the observer callback may have left writes
      return;
    }
    if (!this.find) {
      this.requireFind(); // the observer keeps collecting meanwhile
      return;
    }
    const started = this.now();
    this.onMutations(this.observer.takeRecords(), false);
    this.read(started + this.sliceMs);
    this.sliceDone(started);
    if (this.reading) this.schedule();
    this.scheduleWrite();
  }

  /** A write frame: wrap found numbers until the frame's budget is spent. */
  frame() {
    if (!this.running) return;
    const started = this.now();
    this.onMutations(this.observer.takeRecords(), false);
    this.observer.disconnect(); // our own wrapping must not feed the observer
    try {
      this.stats.writeSlices += 1;
      if (this.pendingWrites > 0) this.write(started + (this.expensive ? this.burstWriteMs : this.writeMs));
      this.onWrite();
    } finally {
      this.reobserve();
    }
    const ended = this.sliceDone(started);
    // The first task after this frame: what the browser spent on style, layout and paint.
    this.scheduler.afterFrame?.(() => {
      this.framesMeasured += 1;
      if (this.framesMeasured === 1) return; // the page's own first layout is in it
      this.renderCosts.push(this.now() - ended);
      if (this.renderCosts.length > 3) this.renderCosts.shift();
    });
    if (this.reading) this.schedule();
    this.scheduleWrite();
  }

  sliceDone(started) {
    const ended = this.now();
    this.stats.slices += 1;
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, ended - started);
    this.timing.measure('click2call:slice', started, ended);
    if (this.idle) this.timing.finish();
    return ended;
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

  /** Write found links until `stopAt` (always at least one text node, so it progresses). */
  write(stopAt) {
    do {
      const { text, value, hits } = this.found[this.foundHead];
      this.found[this.foundHead] = null;
      this.foundHead += 1;
      if (!text.isConnected) continue;
      if (text.data !== value || this.writer.isSplit(text)) {
        // The page changed it since we read it: read it again.
        this.seen.delete(text);
        this.enqueue(text);
        continue;
      }
      this.writer.wrap(text, hits);
    } while (this.pendingWrites > 0 && this.now() < stopAt);
    this.stats.links = this.writer.links;
    // What is left is written in the next frames, before the page gets more batching.
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
      return accept(parent) && !insideSkipped(parent) ? { single: root } : null;
    }
    if (root.nodeType === 1 && (!accept(root) || insideSkipped(root))) return null;
    const walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType === 3) {
          return node.length >= MIN_TEXT && !this.seen.has(node) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
        }
        if (!accept(node)) return NodeFilter.FILTER_REJECT;
        if (node.shadowRoot && !this.roots.has(node.shadowRoot)) {
          this.roots.add(node.shadowRoot);
          this.queue.push(node.shadowRoot);
        }
        return NodeFilter.FILTER_SKIP;
      },
    });
    return { walker };
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
      // Nothing is written while reading, but the page may change the DOM between slices: the
      // walker goes on from the node it stands on, which stays valid.
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
    if (value.length > MAX_TEXT || !mayHoldCallable(value)) return;
    this.stats.textNodes += 1;
    const hits = this.find(value);
    if (hits.length === 0) return;
    if (this.pendingWrites === 0) this.firstFoundAt = this.now();
    this.found.push({ text, value, hits });
  }

  onMutations(records, schedule = true) {
    for (const record of records) {
      if (record.type === 'characterData') {
        const node = record.target;
        if (node.parentElement?.classList.contains(LINK_CLASS)) continue;
        // The page rewrote a node we split (e.g. a framework updating its text): drop our link
        // and leftover text, then look at the new text as a whole.
        if (this.writer.isSplit(node)) this.writer.unsplit(node);
        this.seen.delete(node);
        this.queue.push(node);
      } else {
        for (const node of record.removedNodes) {
          if (node.nodeType === 3 && this.writer.isSplit(node)) this.writer.unsplit(node);
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
    this.checkPending = false;
    this.observer.disconnect();
    if (this.handle !== null) this.scheduler.cancel(this.handle);
    if (this.frameHandle !== null) this.scheduler.cancel(this.frameHandle);
    this.scheduler.close?.();
    this.handle = null;
    this.frameHandle = null;
    this.queue = [];
    this.walk = null;
    this.found = [];
    this.foundHead = 0;
    this.writing = false;
    this.writer.restore([this.doc, ...this.roots]);
    this.roots.clear();
    this.seen = new WeakSet();
    this.writer = new LinkWriter(this.doc, this.seen);
  }
}
