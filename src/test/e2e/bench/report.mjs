// Turns the probe records into the figures of issue 13, each against the same page without the
// extension (the baseline run), and their medians over the runs.

export const median = (values) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
const quantile = (values, q) => {
  const v = [...values].sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)] : NaN;
};
const max = (values) => values.reduce((m, x) => Math.max(m, x), 0);
const overlaps = ([start, duration], [s2, d2]) => start < s2 + d2 && s2 < start + duration;
const own = (r, name) => r.own.filter(([n]) => n === name).map(([, start, duration]) => [start, duration]);
const ms = (seconds) => (Number.isFinite(seconds) ? seconds * 1000 : NaN);

/** What every page reports, with or without the extension. */
function common(r) {
  const ourScripts = r.frames.flatMap(([, , , scripts]) => scripts)
    .filter(([url]) => /^(chrome|moz)-extension:/.test(url)).map(([, d]) => d);
  const slices = own(r, 'click2call:slice');
  return {
    dclMs: r.dcl,
    // Longest task over the whole run: `longtask` entries (Chromium), else heartbeat gaps.
    longestTaskMs: r.longTasks.length || r.frames.length ? max(r.longTasks.map(([, d]) => d)) : max(r.gaps.map(([, d]) => d)),
    longestGapMs: max(r.gaps.map(([, d]) => d)),
    longestFrameMs: max(r.frames.map(([, d]) => d)),
    // Our own script inside long animation frames (Chromium: the content script's URL).
    longestOwnScriptMs: max(ourScripts),
    longestSliceMs: max(slices.map(([, d]) => d)),
    gapsOverSlice: r.gaps.filter((g) => slices.some((s) => overlaps(g, s))).length,
    scriptMs: ms(r.cdp?.ScriptDuration),
    taskMs: ms(r.cdp?.TaskDuration),
    layoutMs: ms(r.cdp?.LayoutDuration),
    styleMs: ms(r.cdp?.RecalcStyleDuration),
    layouts: r.cdp?.LayoutCount ?? NaN,
    ownScriptEvalMs: own(r, 'click2call:script')[0]?.[1] ?? NaN,
    ownStartMs: own(r, 'click2call:start')[0]?.[1] ?? NaN, // builds before the parse-time scanner
    ownSlicesMs: slices.reduce((sum, [, duration]) => sum + duration, 0), // every read task and write frame of ours
    linkedNow: r.linkedNow,
  };
}

function stream(r) {
  const latencies = r.inserted.map((at, i) => {
    const linked = r.linkedInRows.find(([row]) => row === i)?.[1];
    return linked === undefined ? Infinity : linked - at;
  });
  const frames = r.inserted.map((at, i) => (r.frameAfterInsert[i] ?? NaN) - at);
  return {
    linkedP50Ms: quantile(latencies, 0.5),
    linkedP95Ms: quantile(latencies, 0.95),
    linkedMaxMs: max(latencies),
    frameP95Ms: quantile(frames.filter(Number.isFinite), 0.95),
    rowsLinked: r.linkedInRows.length,
  };
}

const afterDcl = (r, at) => (at === null || at === undefined ? NaN : at - r.dcl);

const pageFigures = {
  stream,
  // After DOMContentLoaded (issue 13's figure) and after navigation start: a scanner that works
  // while the page is parsed can move DOMContentLoaded, so both are reported.
  crm: (r) => ({ allLinkedAfterDclMs: afterDcl(r, r.allLinkedAt), allLinkedMs: r.allLinkedAt ?? NaN }),
  large: (r) => ({
    viewportLinks: r.viewportLinks,
    viewportLinkedAfterDclMs: afterDcl(r, r.viewportLinkedAt),
    viewportLinkedAfterFcpMs: r.viewportLinkedAt === null || r.fcp === null ? NaN : r.viewportLinkedAt - r.fcp,
    fcpAfterDclMs: afterDcl(r, r.fcp),
    allLinkedAfterDclMs: afterDcl(r, r.allLinkedAt),
    viewportLinkedMs: r.viewportLinkedAt ?? NaN,
    allLinkedMs: r.allLinkedAt ?? NaN,
  }),
  nodigits: () => ({}),
};

function medians(rows) {
  const out = {};
  for (const key of Object.keys(rows[0] ?? {})) out[key] = median(rows.map((row) => row[key]));
  return out;
}

export function summarize(record, expected) {
  const out = {};
  for (const [page, runs] of Object.entries(record.extension)) {
    const ext = runs.map((r) => ({ ...common(r), ...pageFigures[page](r), complete: r.linkedNow === expected[page] ? 1 : 0 }));
    const base = record.baseline[page].map((r) => ({ ...common(r), ...pageFigures[page](r) }));
    out[page] = { extension: { runs: ext, median: medians(ext) }, baseline: { runs: base, median: medians(base) } };
  }
  return out;
}

const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const d = (a, b) => (Number.isFinite(a) && Number.isFinite(b) ? `${a - b >= 0 ? '+' : ''}${(a - b).toFixed(1)}` : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

export function printSummary(name, s) {
  console.log(`\n== ${name} (medians; "with − without" is against the same page without the extension) ==`);
  const line = (page, e, b) => {
    console.log(`  longest task ${f(e.longestTaskMs)} vs ${f(b.longestTaskMs)} ms (${d(e.longestTaskMs, b.longestTaskMs)}); `
      + `longest frame ${f(e.longestFrameMs)} vs ${f(b.longestFrameMs)}; longest heartbeat gap ${f(e.longestGapMs)} vs ${f(b.longestGapMs)}; `
      + `our longest script in a long frame ${f(e.longestOwnScriptMs)} ms, longest slice ${f(e.longestSliceMs)} ms`);
    if (Number.isFinite(e.taskMs)) {
      console.log(`  renderer: tasks ${f(e.taskMs)} vs ${f(b.taskMs)} ms (${d(e.taskMs, b.taskMs)}), script ${d(e.scriptMs, b.scriptMs)}, `
        + `layout ${d(e.layoutMs, b.layoutMs)} (${d(e.layouts, b.layouts)} layouts), style ${d(e.styleMs, b.styleMs)} ms`);
    }
  };
  for (const [page, { extension: { median: e, runs }, baseline: { median: b } }] of Object.entries(s)) {
    const complete = runs.every((r) => r.complete) ? 'all linked every run' : `linked ${runs.map((r) => r.linkedNow).join('/')}`;
    if (page === 'stream') {
      console.log(`stream (10 rows / 100 ms for 10 s): row inserted → linked p50 ${f(e.linkedP50Ms)} ms, p95 ${f(e.linkedP95Ms)} ms `
        + `(max ${f(e.linkedMaxMs)}; without: inserted → next frame p95 ${f(b.frameP95Ms)} ms); ${complete}`);
    } else if (page === 'crm') {
      console.log(`crm (0.2 MB, 1,000 numbers): DOMContentLoaded → all linked ${f(e.allLinkedAfterDclMs)} ms; `
        + `navigation start → all linked ${f(e.allLinkedMs)} ms; `
        + `DOMContentLoaded ${f(e.dclMs)} vs ${f(b.dclMs)} ms (${ratio(e.dclMs, b.dclMs)}); ${complete}`);
    } else if (page === 'large') {
      console.log(`large (5 MB, 10,000 numbers): first viewport (${f(e.viewportLinks)} numbers) linked ${f(e.viewportLinkedAfterDclMs)} ms `
        + `after DOMContentLoaded, ${f(e.viewportLinkedAfterFcpMs)} ms after the first contentful paint (the page's FCP: ${f(e.fcpAfterDclMs)} ms `
        + `after DOMContentLoaded with the extension, ${f(b.fcpAfterDclMs)} without); `
        + `all linked ${f(e.allLinkedAfterDclMs)} ms; after navigation start: first viewport ${f(e.viewportLinkedMs)} ms, all ${f(e.allLinkedMs)} ms; `
        + `DOMContentLoaded ${f(e.dclMs)} vs ${f(b.dclMs)} ms (${ratio(e.dclMs, b.dclMs)}); ${complete}`);
    } else {
      console.log(`nodigits (2 MB, no digit): script ${f(e.scriptMs)} vs ${f(b.scriptMs)} ms (${d(e.scriptMs, b.scriptMs)}); `
        + `our User Timing: evaluation ${f(e.ownScriptEvalMs)} + start ${f(e.ownStartMs)} ms, all slices ${f(e.ownSlicesMs)} ms; links ${f(e.linkedNow)}`);
    }
    line(page, e, b);
  }
}
