// The scanner's walks. Each goes through the text nodes of one root in document order, a slice
// at a time, and hands the ones that may hold a number to `visit`; `visit` returns false to stop
// at that node (the detector is not loaded yet) so the next slice starts there again.
//
// - DocumentWalk: the whole document, natively filtered to text nodes (no element wrappers, no
//   script per element: on a 2 MB page about half the cost of reading its textContent). While the
//   page is still parsed it follows the parser: at the end of what is written so far it waits,
//   and the scanner looks again a little later.
// - SubtreeWalk: what the page added or changed later (a row, a dialog, a shadow root). Skipped
//   subtrees are left out by the walker itself and shadow roots inside are reported.
// Both leave isContentEditable (which makes Chromium bring style up to date) to the scanner,
// which asks it only for text in which the detector found something.
// - HostSweep: the shadow roots of the document as it was parsed (the document walk cannot see
//   them); run once after the document walk on pages that have anything number-like at all.
import { MIN_TEXT, mayHoldCallable } from './candidates.js';
import { acceptMarkup, mayGrow } from './walk-rules.js';

export const MAX_TEXT = 20000; // larger text nodes are logs or data dumps, not contact details
const CLOCK_EVERY = 128; // nodes between two clock reads where nothing is detected
const BARREN_WHILE_PARSING = 16384; // characters without a candidate after which parsing is awaited
const SKIM_SIBLINGS = 64; // subtrees per skimmed stretch (bounds one native read)

/** How a slice of a walk ended. */
export const MORE = 'more'; // time is up, there is more
export const DONE = 'done';
export const PAUSED = 'paused'; // visit() asked to stop
export const WAITING = 'waiting'; // at the end of what the parser has written so far
const REST = 'rest'; // hold(): wait for the page to be parsed before going on

/** Could this text node hold a number (length and the candidate pass)? */
export function candidate(text) {
  const n = text.length;
  return n >= MIN_TEXT && n <= MAX_TEXT && mayHoldCallable(text.data);
}

/** The loop every walk shares: candidates to `visit`, the clock read now and then. */
function run(walk, stopAt, now, visit) {
  let node = walk.pending ?? walk.advance();
  walk.pending = null;
  let sinceClock = 0;
  while (node) {
    const hold = walk.hold(node);
    if (hold) {
      if (hold === REST) walk.rewind(node);
      else walk.pending = node;
      walk.waiting = true;
      return WAITING;
    }
    if (candidate(node)) {
      if (!visit(node, walk.checked)) {
        walk.pending = node;
        return PAUSED;
      }
      sinceClock = CLOCK_EVERY;
    }
    sinceClock += 1;
    if (sinceClock >= CLOCK_EVERY) {
      sinceClock = 0;
      if (now() >= stopAt) return MORE;
    }
    node = walk.advance();
  }
  return walk.atEnd();
}

export class DocumentWalk {
  /** @param {Node|null} until the last node to visit (a catch-up walk ends where another was) */
  constructor(doc, until = null) {
    this.doc = doc;
    this.until = until;
    this.walker = doc.createTreeWalker(doc, doc.defaultView.NodeFilter.SHOW_TEXT);
    this.pending = null;
    this.waiting = false;
    this.advanced = false;
    this.parsing = false;
    this.charsWhileParsing = 0; // characters of text passed before the page was parsed
    this.barren = true; // nothing number-like met yet (the scanner says)
    this.checked = false; // visit() applies the markup rules
  }

  /** Where the walk stands: nodes after this it will reach by itself. */
  get position() {
    return this.pending ?? this.walker.currentNode;
  }

  /** The parser may still append to this node (the document's last): wait for it. */
  hold(node) {
    if (!this.parsing) return false;
    // A page whose text so far held nothing number-like: the rest waits for the page to be
    // parsed (reading a digit-free page while it is parsed would mean reading it twice).
    if (this.barren && this.charsWhileParsing >= BARREN_WHILE_PARSING) return REST;
    this.charsWhileParsing += node.length;
    return node.nextSibling === null && mayGrow(node);
  }

  /** Step back before `node`, so that the walk (or its skim) starts with it next time. */
  rewind(node) {
    this.walker.currentNode = node;
    if (this.walker.previousNode() === null) this.walker.currentNode = this.doc;
  }

  /** Stopped early while the page is parsed: nothing number-like so far. */
  get resting() {
    return this.barren && this.charsWhileParsing >= BARREN_WHILE_PARSING;
  }

  advance() {
    if (this.until !== null && this.walker.currentNode === this.until) return null;
    const node = this.walker.nextNode();
    if (node) this.advanced = true;
    return node;
  }

  atEnd() {
    if (this.until !== null || this.doc.readyState !== 'loading') return DONE;
    this.waiting = true;
    return WAITING;
  }

  /**
   * @param {boolean} skimFirst read the text ahead in one native call first, and skip it if it
   *   holds nothing number-like (the scanner asks this until a page has shown any candidate)
   */
  step(stopAt, now, visit, skimFirst = false) {
    // A catch-up walk whose last node the page removed goes to the end.
    if (this.until !== null && !this.until.isConnected) this.until = null;
    // The page removed the node the walk stood on: start over (seen nodes cost a regex test).
    if (!this.position.isConnected) {
      this.pending = null;
      this.walker.currentNode = this.doc;
    }
    this.waiting = false;
    this.advanced = false; // did this step find anything new (the scanner's polling)
    this.parsing = this.until === null && this.doc.readyState === 'loading';
    // Not while the page is parsed: the text ahead may be most of the page, and the catch-up
    // walk would read it all again; node by node the scanner can stop early (scanner.js).
    if (skimFirst && this.pending === null && !this.parsing && this.skim(stopAt, now)) return MORE;
    return run(this, stopAt, now, visit);
  }

  /**
   * Skip what lies ahead while its text holds nothing number-like, a stretch at a time (up to
   * SKIM_SIBLINGS subtrees at the nearest level that has more), until `stopAt` (then true). One
   * Range.toString() costs the engine about what one textContent read of the same text does;
   * visiting the same text node by node costs a content script about three times that (every
   * node needs a wrapper of its own in its isolated world).
   */
  skim(stopAt, now) {
    for (;;) {
      const from = this.walker.currentNode;
      const end = this.until ?? this.stretchEnd(from);
      if (!end || end === from) return false;
      const text = from === this.doc && end === lastNode(this.doc) ? this.doc.documentElement?.textContent ?? ''
        : this.textBetween(from, end);
      if (mayHoldCallable(text)) return false;
      this.walker.currentNode = end;
      this.advanced = true;
      if (this.until !== null) return false;
      if (now() >= stopAt) return true; // time is up; more next time
    }
  }

  /** The end of the next stretch after `from`: the last node of the SKIM_SIBLINGS-th subtree
   * after it, at the nearest level where there are more. */
  stretchEnd(from) {
    let n = from === this.doc ? this.doc.body?.firstChild ?? this.doc.documentElement : from;
    while (n && !n.nextSibling) n = n.parentNode;
    if (!n) return lastNode(this.doc);
    for (let i = 0; i < SKIM_SIBLINGS && n.nextSibling; i += 1) n = n.nextSibling;
    while (n.lastChild) n = n.lastChild;
    return n;
  }

  /** The text after `from` up to and with `end`. */
  textBetween(from, end) {
    const range = this.doc.createRange();
    if (from === this.doc) range.setStart(this.doc, 0);
    else range.setStartAfter(from);
    range.setEndAfter(end);
    return range.toString();
  }
}

/** The document's last node in document order. */
function lastNode(doc) {
  let n = doc.lastChild;
  while (n?.lastChild) n = n.lastChild;
  return n;
}

export class SubtreeWalk {
  /** @returns {SubtreeWalk|null} null when nothing under `root` may be linked */
  static begin(doc, root, { seen, skips, onShadowRoot }) {
    if (!root.isConnected) return null;
    if (root.nodeType === 3) return skips.skipped(root.parentElement ?? root.parentNode?.host) ? null : new SubtreeWalk(null, root);
    if (root.nodeType === 1 && skips.skipped(root)) return null;
    const { NodeFilter } = doc.defaultView;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType === 3) return seen.has(node) ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT;
        if (!acceptMarkup(node)) return NodeFilter.FILTER_REJECT;
        if (node.shadowRoot) onShadowRoot(node.shadowRoot);
        return NodeFilter.FILTER_SKIP;
      },
    });
    return new SubtreeWalk(walker, null);
  }

  constructor(walker, single) {
    this.walker = walker;
    this.single = single;
    this.pending = null;
    this.checked = true; // the walker applied the markup rules
  }

  advance() {
    if (!this.walker) {
      const node = this.single;
      this.single = null;
      return node;
    }
    return this.walker.nextNode();
  }

  hold() {
    return false; // what the page adds is walked once it is parsed (the observer starts then)
  }

  atEnd() {
    return DONE;
  }

  step(stopAt, now, visit) {
    return run(this, stopAt, now, visit);
  }
}

export class HostSweep {
  constructor(doc, onShadowRoot) {
    this.walker = doc.createTreeWalker(doc, doc.defaultView.NodeFilter.SHOW_ELEMENT);
    this.onShadowRoot = onShadowRoot;
  }

  step(stopAt, now) {
    for (let n = 0, el = this.walker.nextNode(); el; el = this.walker.nextNode()) {
      if (el.shadowRoot) this.onShadowRoot(el.shadowRoot, el);
      n += 1;
      if (n % CLOCK_EVERY === 0 && now() >= stopAt) return MORE;
    }
    return DONE;
  }
}
