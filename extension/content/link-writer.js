// The scanner's DOM writes: wrapping detected numbers in links, and undoing that. The page's
// text and its text nodes stay as they were: the original node keeps the text before the first
// number (frameworks hold references to it), the rest is split off after it.
export const LINK_CLASS = 'c2c-num';

export class LinkWriter {
  /** @param {Document} doc @param {WeakSet<Text>} seen text nodes the scanner must not read again */
  constructor(doc, seen) {
    this.doc = doc;
    this.seen = seen;
    // Text node we split → the nodes we inserted after it. Frameworks keep a reference to the
    // original node: when they change or remove it, our inserted nodes must go too.
    this.splits = new Map();
    this.links = 0;
  }

  /**
   * Wrap `hits` ({start, end, target}, in order) of `text`. Links are not tab stops of their
   * own (tabindex -1): link-keys.js gives the page one tab stop for all of them.
   */
  wrap(text, hits) {
    const inserted = [];
    this.splits.set(text, inserted);
    // Split from the end so earlier offsets stay valid.
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
      link.tabIndex = -1;
      middle.replaceWith(link);
      link.append(middle);
      inserted.unshift(link, tail);
      this.links += 1;
    }
  }

  isSplit(text) {
    return this.splits.has(text);
  }

  /** Undo a split: remove what we inserted after `text` (the page changed or removed it). */
  unsplit(text) {
    const inserted = this.splits.get(text);
    if (!inserted) return;
    this.splits.delete(text);
    for (const node of inserted) node.remove();
  }

  /** Put every split text node back whole and remove every link (in `scopes`). */
  restore(scopes) {
    // No normalize(): frameworks keep adjacent text nodes apart.
    for (const [text, inserted] of this.splits) {
      if (text.isConnected && inserted.every((n) => n.parentNode === text.parentNode)) {
        text.data += inserted.map((n) => n.textContent).join('');
        for (const node of inserted) node.remove();
      }
    }
    this.splits.clear();
    for (const scope of scopes) {
      for (const link of scope.querySelectorAll(`a.${LINK_CLASS}[data-c2c="number"]`)) link.replaceWith(...link.childNodes);
    }
  }
}
