// stats.js — the few statistics the benchmark reports: median / min / max over runs, percentiles of
// frame intervals, and the frame-interval summary (p50/p95/max, dropped frames).
'use strict';

const sorted = (xs) => xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);

// Nearest-rank percentile (p in 0..100) of the finite numbers in xs; NaN if there are none.
function percentile(xs, p) {
  const s = sorted(xs);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

function median(xs) {
  const s = sorted(xs);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function spread(xs) {
  const s = sorted(xs);
  return { min: s.length ? s[0] : NaN, median: median(s), max: s.length ? s[s.length - 1] : NaN, n: s.length };
}

// Dropped frames: an interval longer than DROP_FACTOR × the display's frame (headless Chromium begins
// frames at 60 Hz) missed at least one frame the screen would have shown; an interval of k frames drops
// round(k) − 1. Measured against the display, not the page's own median: a page whose every frame is
// slow would otherwise drop "nothing". `slowerThanOwnMedian` is that other count (intervals over
// DROP_FACTOR × the page's own median), kept for comparison.
// spans (optional): [from, to] times; only frames inside one and intervals between two frames of the
// same span count — for a gallery that draws only while something moves, the pause between two spans
// is not a late frame.
const DISPLAY_FRAME_MS = 1000 / 60;
const DROP_FACTOR = 1.5;
function frameSummary(timestamps, spans = [[-Infinity, Infinity]]) {
  const iv = [];
  let frames = 0;
  for (const [from, to] of spans) {
    const ts = timestamps.filter((t) => t >= from && t <= to);
    frames += ts.length;
    for (let i = 1; i < ts.length; i++) iv.push(ts[i] - ts[i - 1]);
  }
  const p50 = percentile(iv, 50);
  let dropped = 0, slowerThanOwnMedian = 0;
  for (const d of iv) {
    if (d > DROP_FACTOR * DISPLAY_FRAME_MS) dropped += Math.max(1, Math.round(d / DISPLAY_FRAME_MS) - 1);
    if (d > DROP_FACTOR * p50) slowerThanOwnMedian++;
  }
  return { frames, p50, p95: percentile(iv, 95), max: iv.length ? Math.max(...iv) : NaN, dropped, slowerThanOwnMedian };
}

module.exports = { percentile, median, spread, frameSummary, DROP_FACTOR, DISPLAY_FRAME_MS };
