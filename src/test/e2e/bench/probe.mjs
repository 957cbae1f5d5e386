// The measuring script placed first in the benchmark page's <head> (page world). It records:
// when all expected links exist (a MutationObserver counting added a.c2c-num links, started at
// DOMContentLoaded), long tasks (Chromium's `longtask` entries), main-thread gaps over 50 ms seen
// by a setTimeout heartbeat (works in every engine; Firefox has no `longtask` entries), and
// reads the extension's own User Timing entries (`click2call:*`) at the end.
function pageProbe(expected, heartbeatMs) {
  const b = {
    expected, linked: 0, allLinkedAt: null, dcl: null, load: null, longTasks: [], frames: [], gaps: [], stopped: false,
    visibility: document.visibilityState,
  };
  window.__bench = b;
  if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  }
  // Long animation frames (Chromium): a frame over 50 ms including style, layout and paint,
  // with the scripts that ran in it (an extension's content script shows its own URL).
  if (PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = (e.scripts ?? []).map((s) => [s.sourceURL || s.invoker || '', Math.round(s.duration)]);
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
  document.addEventListener('DOMContentLoaded', () => {
    b.dcl = performance.now();
    if (expected === 0) return;
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if (n.nodeType === 1 && n.classList.contains('c2c-num')) b.linked += 1;
      }
      if (b.allLinkedAt === null && b.linked >= expected) b.allLinkedAt = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
  window.addEventListener('load', () => { b.load = performance.now(); });
  b.collect = () => {
    b.stopped = true;
    const own = performance.getEntriesByType('measure').concat(performance.getEntriesByType('mark'))
      .filter((e) => e.name.startsWith('click2call:'))
      .map((e) => [e.name, e.startTime, e.duration]);
    const linkedNow = document.querySelectorAll('a.c2c-num[data-c2c="number"]').length;
    return { ...b, collect: undefined, visibilityEnd: document.visibilityState, own, linkedNow, ready: document.documentElement.dataset.click2call ?? null };
  };
}

/** The probe as inline script text for a page expecting `expected` links. */
export function probeScript(expected, heartbeatMs = 16) {
  return `(${pageProbe.toString()})(${Number(expected)}, ${Number(heartbeatMs)});`;
}
