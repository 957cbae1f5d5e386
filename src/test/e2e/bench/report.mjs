// Turns the probe records of several runs into per-run figures and their medians.

export const median = (values) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
const max = (values) => values.reduce((m, x) => Math.max(m, x), 0);
const overlaps = ([start, duration], [s2, d2]) => start < s2 + d2 && s2 < start + duration;

function own(r, name) {
  return r.own.filter(([n]) => n === name).map(([, start, duration]) => [start, duration]);
}

/** Long animation frames (Chromium) after DOMContentLoaded: [start, duration, render ms, scripts]. */
function frames(r) {
  const after = r.frames.filter(([start]) => start >= r.dcl);
  return {
    longFramesAfterDcl: after.length,
    longestFrameAfterDclMs: max(after.map(([, d]) => d)),
    longFrameRenderMs: after.reduce((sum, [, , render]) => sum + render, 0),
  };
}

function extensionRun(r, expected) {
  const slices = own(r, 'click2call:slice');
  const afterDcl = (list) => list.filter(([start]) => start >= r.dcl);
  const byExtension = (list) => list.filter((t) => slices.some((s) => overlaps(t, s)));
  const done = own(r, 'click2call:first-scan-done')[0];
  return {
    linkedNow: r.linkedNow,
    complete: r.linkedNow === expected,
    dclMs: r.dcl,
    loadMs: r.load,
    allLinkedMs: r.allLinkedAt,
    linkedAfterDclMs: r.allLinkedAt - r.dcl,
    // The first idle moment comes after the page's own first layout, which the extension waits for.
    firstSliceAfterDclMs: (slices[0]?.[0] ?? NaN) - r.dcl,
    linkedAfterFirstSliceMs: r.allLinkedAt - (slices[0]?.[0] ?? NaN),
    firstScanDoneMs: done ? done[0] : NaN,
    scriptMs: own(r, 'click2call:script')[0]?.[1] ?? NaN,
    startMs: own(r, 'click2call:start')[0]?.[1] ?? NaN,
    detectorLoadMs: own(r, 'click2call:detector-load')[0]?.[1] ?? NaN,
    slices: slices.length,
    sliceSumMs: slices.reduce((sum, [, d]) => sum + d, 0),
    longestSliceMs: max(slices.map(([, d]) => d)),
    longTasksAfterDcl: afterDcl(r.longTasks).length,
    longestTaskAfterDclMs: max(afterDcl(r.longTasks).map(([, d]) => d)),
    longTasksWithSlice: byExtension(r.longTasks).length,
    longestTaskWithSliceMs: max(byExtension(r.longTasks).map(([, d]) => d)),
    gapsAfterDcl: afterDcl(r.gaps).length,
    longestGapAfterDclMs: max(afterDcl(r.gaps).map(([, d]) => d)),
    ...frames(r),
    gapsWithSlice: byExtension(r.gaps).length,
    longestGapWithSliceMs: max(byExtension(r.gaps).map(([, d]) => d)),
  };
}

function baselineRun(r) {
  const afterDcl = (list) => list.filter(([start]) => start >= r.dcl);
  return {
    dclMs: r.dcl,
    loadMs: r.load,
    longTasksAfterDcl: afterDcl(r.longTasks).length,
    longestTaskAfterDclMs: max(afterDcl(r.longTasks).map(([, d]) => d)),
    gapsAfterDcl: afterDcl(r.gaps).length,
    longestGapAfterDclMs: max(afterDcl(r.gaps).map(([, d]) => d)),
    ...frames(r),
  };
}

function noDigitsRun(r) {
  const script = own(r, 'click2call:script')[0]?.[1] ?? NaN;
  const start = own(r, 'click2call:start')[0]?.[1] ?? NaN;
  return { scriptMs: script, startMs: start, totalMs: script + start, detectorLoads: own(r, 'click2call:detector-load').length, slices: own(r, 'click2call:slice').length, linkedNow: r.linkedNow };
}

function medians(rows) {
  const out = {};
  for (const key of Object.keys(rows[0] ?? {})) {
    out[key] = typeof rows[0][key] === 'number' ? median(rows.map((row) => row[key])) : rows.every((row) => row[key]);
  }
  return out;
}

export function summarize(record, expected) {
  const ext = record.extension.numbers.map((r) => extensionRun(r, expected));
  const base = record.baseline.numbers.map(baselineRun);
  const none = record.extension.noDigits.map(noDigitsRun);
  return {
    extension: { runs: ext, median: medians(ext), worstSliceMs: max(ext.map((r) => r.longestSliceMs)) },
    baseline: { runs: base, median: medians(base) },
    noDigits: { runs: none, median: medians(none), worstStartMs: max(none.map((r) => r.startMs)) },
  };
}

const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

export function printSummary(name, s) {
  const e = s.extension.median;
  const b = s.baseline.median;
  const n = s.noDigits.median;
  console.log(`\n== ${name} (medians of ${s.extension.runs.length} runs) ==`);
  console.log(`5 MB page: all ${e.complete ? 'linked' : 'NOT linked'}; DOMContentLoaded ${f(e.dclMs)} ms (no extension ${f(b.dclMs)}), `
    + `all linked at ${f(e.allLinkedMs)} ms after navigation start = ${f(e.linkedAfterDclMs)} ms after DOMContentLoaded`);
  console.log(`  first scanner slice ${f(e.firstSliceAfterDclMs)} ms after DOMContentLoaded (the page's first layout comes first); `
    + `all linked ${f(e.linkedAfterFirstSliceMs)} ms after it`);
  console.log(`  scanner: ${f(e.slices)} slices, ${f(e.sliceSumMs)} ms busy, longest slice ${f(e.longestSliceMs)} ms (worst run ${f(s.extension.worstSliceMs)})`);
  console.log(`  long tasks after DOMContentLoaded: ${f(e.longTasksAfterDcl)} (longest ${f(e.longestTaskAfterDclMs)} ms); `
    + `containing a scanner slice: ${f(e.longTasksWithSlice)} (longest ${f(e.longestTaskWithSliceMs)} ms); `
    + `without extension: ${f(b.longTasksAfterDcl)} (longest ${f(b.longestTaskAfterDclMs)} ms)`);
  if (e.longFramesAfterDcl + b.longFramesAfterDcl > 0) {
    console.log(`  long animation frames after DOMContentLoaded: ${f(e.longFramesAfterDcl)} (longest ${f(e.longestFrameAfterDclMs)} ms, `
      + `${f(e.longFrameRenderMs)} ms of style/layout/paint in them); without extension: ${f(b.longFramesAfterDcl)} (longest ${f(b.longestFrameAfterDclMs)} ms)`);
  }
  console.log(`  heartbeat gaps > 50 ms after DOMContentLoaded: ${f(e.gapsAfterDcl)} (longest ${f(e.longestGapAfterDclMs)} ms); `
    + `over a scanner slice: ${f(e.gapsWithSlice)} (longest ${f(e.longestGapWithSliceMs)} ms); without extension: ${f(b.gapsAfterDcl)} (longest ${f(b.longestGapAfterDclMs)} ms)`);
  console.log(`  content script evaluation ${f(e.scriptMs)} ms, scanner start ${f(e.startMs)} ms, detector load ${f(e.detectorLoadMs)} ms`);
  console.log(`digit-free page: content script evaluation ${f(n.scriptMs)} ms + scanner start ${f(n.startMs)} ms `
    + `= ${f(n.totalMs)} ms (worst start ${f(s.noDigits.worstStartMs)}); detector loaded ${f(n.detectorLoads)}×, slices ${f(n.slices)}, links ${f(n.linkedNow)}`);
}
