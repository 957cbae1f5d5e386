// The measuring script placed first in each benchmark page's <head> (page world), the same with
// and without the extension. It records:
// - when each `a.c2c-num` link appears (a MutationObserver from the first script on), so the
//   report can say when all links, the links in the first viewport, or the links of one inserted
//   row appeared;
// - long tasks (Chromium's `longtask` entries, from navigation start) and long animation frames
//   with the scripts that ran in them (an extension's content script shows its own URL);
// - main-thread gaps over 50 ms seen by a setTimeout heartbeat (every engine; Firefox has no
//   `longtask` entries);
// - paint timing (first contentful paint), DOMContentLoaded and load;
// - the extension's own User Timing entries (`click2call:*`) at the end.
// A page that inserts content itself (the streaming page) notes each insertion in
// `__bench.inserted` (index → time) and marks its rows `data-ins="index"`.
function pageProbe(expected, heartbeatMs) {
  const b = {
    expected, linked: 0, allLinkedAt: null, dcl: null, load: null, longTasks: [], frames: [], gaps: [], stopped: false,
    visibility: document.visibilityState, inserted: [], frameAfterInsert: [], done: false,
  };
  const linkTimes = new Map();
  window.__bench = b;
  if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  }
  if (PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = (e.scripts ?? []).map((s) => [s.sourceURL || s.invoker || '', Math.round(s.duration), s.startTime]);
        b.frames.push([e.startTime, e.duration, Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0), scripts]);
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
  let last = performance.now();
  const beat = () => {
    const now = performance.now();
    if (now - last > 50) b.gaps.push([last, now - last]);
    last = now;
    if (!b.stopped) setTimeout(beat, heartbeatMs);
  };
  if (heartbeatMs > 0) setTimeout(beat, heartbeatMs);
  const note = (node, now) => {
    // Only the link element itself: the parser's own insertions (59,000 elements on the large
    // page) must stay cheap for the probe, with and without the extension alike.
    if (node.localName !== 'a' || !node.classList.contains('c2c-num') || linkTimes.has(node)) return;
    linkTimes.set(node, now);
    b.linked += 1;
  };
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) for (const n of r.addedNodes) note(n, now);
    if (b.allLinkedAt === null && expected > 0 && b.linked >= expected) b.allLinkedAt = now;
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => { b.dcl = performance.now(); });
  window.addEventListener('load', () => { b.load = performance.now(); });
  /** The page inserted content `index` now; note the next frame too (when a person can see it). */
  b.insert = (index) => {
    b.inserted[index] = performance.now();
    requestAnimationFrame(() => { b.frameAfterInsert[index] = performance.now(); });
  };
  b.collect = () => {
    b.stopped = true;
    const own = performance.getEntriesByType('measure').concat(performance.getEntriesByType('mark'))
      .filter((e) => e.name.startsWith('click2call:'))
      .map((e) => [e.name, e.startTime, e.duration]);
    const links = [...document.querySelectorAll('a.c2c-num[data-c2c="number"]')];
    // Links in the first viewport (the page is never scrolled), and when each appeared.
    const viewport = [];
    const rows = {}; // inserted index → latest link time in it
    for (const link of links) {
      const at = linkTimes.get(link) ?? NaN;
      const r = link.getBoundingClientRect();
      if (r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth) viewport.push(at);
      const row = link.closest('[data-ins]');
      if (row) rows[row.dataset.ins] = Math.max(rows[row.dataset.ins] ?? 0, at);
    }
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const linkedInRows = Object.entries(rows).map(([i, at]) => [Number(i), at]);
    const rowsInserted = document.querySelectorAll('[data-ins]').length;
    return {
      ...b, collect: undefined, insert: undefined, visibilityEnd: document.visibilityState, own, linkedNow: links.length,
      viewportLinks: viewport.length, viewportLinkedAt: viewport.length ? Math.max(...viewport) : null, fcp,
      linkedInRows, rowsInserted, ready: document.documentElement.dataset.click2call ?? null,
    };
  };
}

/** The probe as inline script text for a page expecting `expected` links. */
export function probeScript(expected, heartbeatMs = 16) {
  return `(${pageProbe.toString()})(${Number(expected)}, ${Number(heartbeatMs)});`;
}
