// Turns numbers written in the page into links without ever holding the main thread. Reading
// (walk + detect) runs in posted tasks of SLICE_MS; writing runs in animation frames (see
// scheduling.js). It starts while the page is still being parsed: the document walk follows the
// parser (text-walks.js), so the first screen's numbers are linked before the page's first
// layout, which then lays them out at no extra cost; until the page is parsed, links are written
// in the read tasks. Nothing observes the parser's insertions (a record per node is a high price on a large
// page); once the page is parsed, a second document walk catches what the page's own scripts
// changed behind the first one, and from then on a MutationObserver queues only the added or
// changed nodes. Walks open shadow roots. Marks what it processed so nothing is wrapped twice,
// and unwraps everything when stopped.
//
// Reading and writing are separate phases because every frame that follows a DOM change makes
// the browser redo style and layout, and on a large page that has a high fixed cost (the 5 MB
// benchmark page: ≈ 100 ms for one changed text node; a 1,000-row table: a few ms). After the
// page is parsed, the cost of the frame after each write is measured (the first task after it);
// where it is high, links wait and are written in few, large bursts; where it is low, links found
// are written in the next frame.
import { LINK_CLASS, LinkWriter } from './link-writer.js';
import { SkipCache } from './walk-rules.js';
import { DocumentWalk, HostSweep, MORE, PAUSED, SubtreeWalk, WAITING } from './text-walks.js';
import { browserScheduler, Timing } from './scheduling.js';

export { LINK_CLASS };
const SLICE_MS = 8; // one read task
const WRITE_MS = 8; // writes per frame where the page re-lays out cheaply
const BURST_WRITE_MS = 30; // ... where it does not: fewer, larger bursts (still < 50 ms)
const EXPENSIVE_RENDER_MS = 24; // style+layout+paint after a write above this: batch writes
const FLUSH_AFTER_MS = 1000; // where writes are batched: found links wait at most this long
const FLUSH_AT = 4000; // ... or until this many are waiting
const PARSER_POLL_MS = 16; // while parsing, how often the waiting document walk looks again
const PARSER_POLL_MAX_MS = 256; // ... at most, while nothing arrives

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
    this.documentWalk = null; // the walk over the whole document (first scan)
    this.startedParsing = false; // then a second document walk follows the first (catch-up)
    this.catchUpUntil = null; // ... as far as the first had come when the page was parsed
    this.readWhileParsing = new WeakMap(); // text → its value when read before the page was parsed
    this.observing = false; // the MutationObserver runs once the page is parsed
    this.pollHandle = null;
    this.pollMs = PARSER_POLL_MS;
    this.candidates = false; // the document walk met text worth detecting
    this.queue = []; // roots to walk: elements, shadow roots, text nodes; and the host sweep
    this.walk = null; // the walk in progress
    this.skips = new SkipCache();
    this.handle = null; // the read task requested
    this.frameHandle = null; // the write frame requested
    this.renderCosts = []; // ms of style+layout+paint after our last writes
    this.framesMeasured = 0;
    this.seen = new WeakSet(); // text nodes already looked at (and our own leftovers)
    this.writer = new LinkWriter(doc, this.seen);
    this.roots = new Set(); // shadow roots we observe, for teardown
    this.running = false;
    this.stats = { textNodes: 0, links: 0, slices: 0, writeSlices: 0, longestSliceMs: 0 };
    // The first scan of a page is timed with User Timing entries (`click2call:*`) that the
    // page and benchmarks can read; later (mutation) slices are not, so entries stay bounded.
    this.timing = new Timing(this.win.performance, timing);
    this.observer = new this.win.MutationObserver((records) => this.onMutations(records));
    this.onReadyState = () => {
      if (this.parsing) return;
      // Parsed: from now on the page's changes are observed, and the document walk's last text
      // node is complete, so the walk can finish. Behind where it stands now, nothing observed
      // what the page's scripts changed: the catch-up walk goes that far.
      this.doc.removeEventListener('readystatechange', this.onReadyState);
      this.observeAll();
      const walk = this.documentWalk;
      if (walk) {
        walk.waiting = false;
        this.catchUpUntil = walk.position === this.doc ? null : walk.position;
      }
      this.schedule();
    };
    this.onWrite = onWrite;
    this.visit = (text, checked) => this.process(text, checked);
    this.addShadowRoot = (root, host) => {
      if (this.roots.has(root) || (host && this.skips.skipped(host))) return;
      this.roots.add(root);
      this.queue.push(root);
      this.observe(root);
    };
  }

  /** Start now, also while the page is still being parsed: nothing here but scheduling. */
  start() {
    if (this.running) return;
    this.running = true;
    this.documentWalk = new DocumentWalk(this.doc);
    if (this.parsing) {
      this.startedParsing = true;
      this.doc.addEventListener('readystatechange', this.onReadyState);
    } else {
      this.observeAll();
    }
    this.schedule();
  }

  observeAll() {
    this.observing = true;
    this.reobserve();
  }

  get parsing() {
    return this.doc.readyState === 'loading';
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
    return this.documentWalk === null && !this.reading && this.pendingWrites === 0;
  }

  /** Is there reading to do now (not counting a document walk waiting for the parser)? */
  get reading() {
    return this.queue.length > 0 || this.walk !== null || (this.documentWalk !== null && !this.documentWalk.waiting);
  }

  get pendingWrites() {
    return this.found.length - this.foundHead;
  }

  /** Does re-laying out this page after a write cost much? (the cheapest of the last frames) */
  get expensive() {
    return this.renderCosts.length > 0 && Math.min(...this.renderCosts) > EXPENSIVE_RENDER_MS;
  }

  /** Write in the next frame? Always the first links (the first viewport) and where writes are
   * cheap; elsewhere when nothing is left to read, or enough links or time have piled up. */
  writeDue(now) {
    const waiting = this.pendingWrites;
    if (waiting === 0) return false;
    if (this.stats.writeSlices === 0 || !this.expensive) return true;
    return this.writing || !this.reading || waiting >= this.flushAt || now - this.firstFoundAt >= this.flushAfterMs;
  }

  scheduleWrite() {
    if (this.frameHandle !== null || !this.running || this.parsing || !this.writeDue(this.now())) return;
    const request = this.scheduler.requestFrame ?? this.scheduler.request;
    this.frameHandle = request.call(this.scheduler, () => {
      this.frameHandle = null;
      this.frame();
    });
  }

  /** A read task: walk and detect until the slice's time is up; no DOM writes. */
  slice() {
    if (!this.running) return;
    const started = this.now();
    this.skips.clear(); // the page may have changed attributes since the last task
    this.onMutations(this.observer.takeRecords(), false);
    if (this.reading) this.read(started + this.sliceMs);
    if (this.parsing && this.pendingWrites > 0) this.writeWhileParsing();
    this.sliceDone(started);
    if (this.reading || (this.parsing && this.pendingWrites > 0)) this.schedule();
    this.scheduleWrite();
  }

  /** While the page is parsed, links are written in the read task: the parser changes the page
   * between our tasks anyway, and asking for an animation frame would make the browser lay out
   * the half-parsed page once more (the CRM benchmark page's DOMContentLoaded came 25 % later). */
  writeWhileParsing() {
    this.stats.writeSlices += 1;
    this.write(this.now() + this.writeMs);
    this.onWrite();
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
    // The first task after this frame: what the browser spent on style, layout and paint (no
    // frame is asked for while the page is parsed, so the parser's own layout is not in it).
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
        this.paused = false;
        this.schedule();
      }, () => {
        // Without a detector there is nothing to do; links on the page keep working.
      });
  }

  /** Walk: first what the page added or changed (queue), then on with the document walk. */
  read(stopAt) {
    this.paused = false;
    while (!this.paused && this.now() < stopAt) {
      if (!this.walk) {
        const next = this.queue.shift();
        if (next) {
          this.walk = next instanceof HostSweep ? next
            : SubtreeWalk.begin(this.doc, next, { seen: this.seen, skips: this.skips, onShadowRoot: this.addShadowRoot });
          continue;
        }
        if (!this.documentWalk || this.documentWalk.waiting) break;
        this.walk = this.documentWalk;
      }
      // Until the page shows anything number-like, the document walk skims ahead natively.
      const documentWalk = this.walk === this.documentWalk;
      if (documentWalk) this.walk.barren = !this.candidates;
      const result = this.walk.step(stopAt, this.now, this.visit, documentWalk && !this.candidates);
      if (result === MORE || result === PAUSED) break;
      if (result === WAITING) this.waitForParser();
      else if (this.walk === this.documentWalk) this.documentDone();
      this.walk = null; // DONE, or WAITING (the document walk stays, waiting for the parser)
    }
  }

  /** The document walk waits at the end of what the parser has written. Where the page's text so
   * far held nothing number-like, it waits for the page to be parsed (readystatechange): reading a
   * digit-free page while it is parsed would only mean reading it twice (the catch-up walk). */
  waitForParser() {
    if (this.documentWalk.resting) return;
    this.pollParser();
  }

  /** Look again soon; less often while nothing arrives (a page that streams for minutes). */
  pollParser() {
    if (this.pollHandle !== null || !this.scheduler.later) return;
    this.pollMs = this.documentWalk.advanced ? PARSER_POLL_MS : Math.min(this.pollMs * 2, PARSER_POLL_MAX_MS);
    this.pollHandle = this.scheduler.later(() => {
      this.pollHandle = null;
      if (this.documentWalk) this.documentWalk.waiting = false;
      this.schedule();
    }, this.pollMs);
  }

  /** The document walk reached the end of the parsed page. If it began while the page was
   * parsed, a second one goes over what the first read before the page was parsed, for what
   * scripts changed behind it meanwhile (it skips what is unchanged); then the shadow roots (the
   * walks cannot see them), on pages with anything number-like at all. */
  documentDone() {
    this.timing.mark('click2call:document-walked');
    this.doc.removeEventListener('readystatechange', this.onReadyState);
    if (this.startedParsing) {
      this.startedParsing = false;
      this.observeAll();
      if (this.catchUpUntil) {
        this.documentWalk = new DocumentWalk(this.doc, this.catchUpUntil);
        this.catchUpUntil = null;
        return;
      }
    }
    this.documentWalk = null;
    if (this.candidates) this.queue.push(new HostSweep(this.doc, this.addShadowRoot));
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
      // What a script may change behind a walk that began before the page was parsed.
      if (this.readWhileParsing.has(text)) this.readWhileParsing.set(text, text.data);
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
    if (!this.running || !this.observing) return;
    this.observe(this.doc);
    for (const root of this.roots) if (root.host?.isConnected) this.observe(root);
  }

  /** A candidate text node from a walk; false: stop here until the detector is loaded. */
  process(text, checked) {
    if (!text.isConnected) return true;
    if (this.seen.has(text) && !this.changedSinceParsing(text)) return true;
    if (!checked && this.skips.skipped(text.parentElement ?? text.parentNode?.host)) return true;
    this.candidates = true; // (digits in a script or style do not count)
    if (!this.find) {
      this.requireFind(); // the observer keeps collecting meanwhile
      this.paused = true;
      return false;
    }
    this.seen.add(text);
    const value = text.data;
    if (this.startedParsing) this.readWhileParsing.set(text, value);
    this.stats.textNodes += 1;
    const hits = this.find(value);
    if (hits.length === 0) return true;
    if (this.editable(text)) return true;
    if (this.pendingWrites === 0) this.firstFoundAt = this.now();
    this.found.push({ text, value, hits });
    return true;
  }

  /** Did CSS or design mode make `text` editable? Asked only for text with a number in it, as
   * isContentEditable makes Chromium bring style up to date: while the page is parsed that would
   * be a style pass over the half-parsed page per read task (the CRM benchmark page's
   * DOMContentLoaded came 1.3–1.6× later), so until then only design mode is checked. */
  editable(text) {
    if (this.parsing) return this.doc.designMode === 'on';
    return (text.parentElement ?? text.parentNode?.host)?.isContentEditable === true;
  }

  /** A text node read while the page was parsed (no observer then) that a script changed
   * since: undo our links in it and read it again. */
  changedSinceParsing(text) {
    const value = this.readWhileParsing.get(text);
    if (value === undefined || value === text.data) return false;
    this.readWhileParsing.delete(text);
    if (this.writer.isSplit(text)) this.writer.unsplit(text);
    this.seen.delete(text);
    return true;
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
    this.observer.disconnect();
    this.doc.removeEventListener('readystatechange', this.onReadyState);
    if (this.handle !== null) this.scheduler.cancel(this.handle);
    if (this.frameHandle !== null) this.scheduler.cancel(this.frameHandle);
    if (this.pollHandle !== null) this.scheduler.cancelLater?.(this.pollHandle);
    this.pollHandle = null;
    this.observing = false;
    this.catchUpUntil = null;
    this.scheduler.close?.();
    this.handle = null;
    this.frameHandle = null;
    this.documentWalk = null;
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
