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
    this.template = doc.createElement('a');
    this.template.className = LINK_CLASS;
    this.template.dataset.c2c = 'number';
    this.template.tabIndex = -1;
  }

  /**
   * Wrap `hits` ({start, end, target}, in order) of `text`. Links are not tab stops of their
   * own (tabindex -1): link-keys.js gives the page one tab stop for all of them. Each link is
   * built while detached (a copy of one template, with its own text node) and inserted once; the
   * original node is cut back to the text before the number (no empty node after a number that
   * ends the text): the fewest changes the page's own observers and the layout see.
   */
  wrap(text, hits) {
    const inserted = [];
    this.splits.set(text, inserted);
    // From the end, so earlier offsets stay valid.
    for (let i = hits.length - 1; i >= 0; i -= 1) {
      const { start, end, target } = hits[i];
      if (end < text.length) {
        const tail = text.splitText(end);
        this.seen.add(tail);
        inserted.unshift(tail);
      }
      const link = this.template.cloneNode(false);
      link.href = target;
      const number = this.doc.createTextNode(text.data.slice(start));
      link.append(number);
      this.seen.add(number);
      text.after(link);
      text.data = text.data.slice(0, start);
      inserted.unshift(link);
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
