// report.js — turns the runs into the printed table and the rows stored in results.json: for each
// figure, the median with min–max over the runs for each gallery, and the wasm-gallery / Swiper ratio.
'use strict';
const os = require('os');
const fs = require('fs');
const { spread } = require('./stats.js');

const KB = 1024, MB = 1024 * 1024;

// [label, unit, pick(run) → number, scale, decimals, better: 'lower'|'higher'|null]
const TEN_SLIDE_FIGURES = [
  ['transfer: widget code+styles+fonts (gzip)', 'KB', (r) => r.transfer.widget, KB, 1],
  ['transfer: total until loaded (incl. photos)', 'KB', (r) => r.transfer.total, KB, 0],
  ['transfer: total after swiping all slides', 'KB', (r) => r.transferAfterSwipe, KB, 0],
  ['first photo painted', 'ms', (r) => r.firstPhoto, 1, 0],
  ['gallery takes input', 'ms', (r) => r.interactive, 1, 0],
  ['swipe ×9: long tasks', 'count', (r) => r.swipe.longTasks, 1, 0],
  ['swipe ×9: long tasks total', 'ms', (r) => r.swipe.longTaskMs, 1, 0],
  ['swipe ×9: long animation frames', 'count', (r) => r.swipe.longFrames.count, 1, 0],
  ['swipe ×9: long animation frames total', 'ms', (r) => r.swipe.longFrames.ms, 1, 0],
  ['swipe ×9: long animation frames caused by the gallery', 'count', (r) => r.swipe.longFrames.gallery, 1, 0],
  ['swipe ×9: main thread busy (CDP TaskDuration)', 'ms', (r) => r.swipe.busyMs, 1, 0],
  // The same per second of the swipe: each gallery is swiped until it rests, so the windows differ in
  // length, and the page's own frames (the probe's rAF among them) cost it time every second either way.
  ['swipe ×9: main thread busy per second of the swipe', 'ms/s', (r) => r.swipe.busyMs / (r.swipe.ms / 1000), 1, 0],
  ['swipe ×9: input → next paint, max', 'ms', (r) => r.swipe.input.max, 1, 0],
  ['swipe ×9: inputs with next paint > 100 ms', 'count', (r) => r.swipe.input.over100, 1, 0],
  ['swipe ×9: INP-like (slowest interaction)', 'ms', (r) => r.swipe.input.inp, 1, 0],
  ['swipe ×9: gallery\'s frames: interval p50', 'ms', (r) => r.swipe.galleryFrames.p50, 1, 1],
  ['swipe ×9: gallery\'s frames: interval p95', 'ms', (r) => r.swipe.galleryFrames.p95, 1, 1],
  ['swipe ×9: gallery\'s frames: dropped (vs 60 Hz)', 'count', (r) => r.swipe.galleryFrames.dropped, 1, 0],
  ['swipe ×9: page\'s frames (main-thread rAF): interval p50', 'ms', (r) => r.swipe.p50, 1, 1],
  ['swipe ×9: page\'s frames (main-thread rAF): interval p95', 'ms', (r) => r.swipe.p95, 1, 1],
  ['swipe ×9: page\'s frames (main-thread rAF): interval max', 'ms', (r) => r.swipe.max, 1, 0],
  ['swipe ×9: page\'s frames: dropped (vs 60 Hz)', 'count', (r) => r.swipe.dropped, 1, 0],
  ['swipe ×9: page\'s frames: intervals > 1.5× own median', 'count', (r) => r.swipe.slowerThanOwnMedian, 1, 0],
  ['swipe ×9: flicks that did not change the slide', 'count', (r) => r.swipe.failed, 1, 0],
  ['swipe ×9: wall time (flicks+settling)', 's', (r) => r.swipe.ms, 1000, 1],
  ['idle 2 s: rAF callbacks the page asked for', 'count', (r) => r.idle.rafCalls, 1, 0],
  ['idle 2 s: frames the wasm drew (stats)', 'count', (r) => r.idle.framesRendered, 1, 0],
  ['memory: JS heap after GC', 'MB', (r) => r.memory.jsHeap, MB, 2],
  ['memory: wasm memory (heap high-water)', 'MB', (r) => r.memory.wasmMemory, MB, 1],
  ['memory: wasm malloc in use', 'MB', (r) => r.memory.wasmMalloc, MB, 1],
  ['memory: GPU textures held (stats)', 'MB', (r) => r.memory.textureBytes, MB, 1],
  ['memory: renderer+GPU processes, growth', 'MB', (r) => r.memory.processGrowth, MB, 0],
  // Text drawn by the browser (issue 15), wasm-gallery only (its stats and debug 'textCost', measure.js).
  ['text: slide 1 laid out + rasterized from scratch (median of 3)', 'ms', (r) => r.text.cost.cold.ms, 1, 1],
  ['text: the same, measureText widths cached', 'ms', (r) => r.text.cost.warm.ms, 1, 1],
  ['text: of which rasterizing (fillText + upload)', 'ms', (r) => r.text.cost.cold.rasterMs, 1, 1],
  ['text: lines rasterized for slide 1', 'count', (r) => r.text.cost.cold.lines, 1, 0],
  ['text: texture bytes held at rest after load', 'MB', (r) => r.text.loaded.textBytes, MB, 1],
  ['text: texture bytes held after swiping all slides', 'MB', (r) => r.text.swiped.textBytes, MB, 1],
  ['swipe ×9: frames that rasterized text (textInMotion)', 'count', (r) => r.text.swipe.inMotion, 1, 0],
  ['text: lines rasterized, load + swipe ×9 (textImages)', 'count', (r) => r.text.swiped.textImages, 1, 0],
  ['text: time rasterizing them (textMs)', 'ms', (r) => r.text.swiped.textMs, 1, 0],
];

const SCALE_FIGURES = [
  ['photo there when the next step came', 'of 99', (r) => r.shownOnTime, 1, 0],
  ['time to page through', 's', (r) => r.wallMs, 1000, 0],
  ['frame interval p50', 'ms', (r) => r.swipe.p50, 1, 1],
  ['frame interval p95', 'ms', (r) => r.swipe.p95, 1, 0],
  ['frame interval max', 'ms', (r) => r.swipe.max, 1, 0],
  ['dropped frames (vs 60 Hz)', 'count', (r) => r.swipe.dropped, 1, 0],
  ['long tasks', 'count', (r) => r.swipe.longTasks, 1, 0],
  ['long tasks total', 'ms', (r) => r.swipe.longTaskMs, 1, 0],
  ['peak JS heap', 'MB', (r) => r.peak.jsHeap, MB, 1],
  ['wasm memory high-water', 'MB', (r) => r.peak.wasmMemory, MB, 1],
  ['peak GPU textures (stats)', 'MB', (r) => r.peak.textureBytes, MB, 1],
  ['peak renderer+GPU growth', 'MB', (r) => r.peak.processGrowth, MB, 0],
  ['renderer+GPU growth at the end', 'MB', (r) => r.end.processGrowth, MB, 0],
];

// The zoom scenario (issue 16, lib/zoom.js), wasm-gallery only: `pinch` is the pinch-and-pan visit, `ten`
// the visit zooming in and out of ten photos, `plain` its control (the same paging, no zoom).
const ZOOM_FIGURES = [
  ['pinch + pans + pinch out: gallery\'s frames: interval p50', 'ms', (r) => r.pinch.frames.all.p50, 1, 1],
  ['pinch + pans + pinch out: gallery\'s frames: interval p95', 'ms', (r) => r.pinch.frames.all.p95, 1, 1],
  ['pinch + pans + pinch out: gallery\'s frames: dropped (vs 60 Hz)', 'count', (r) => r.pinch.frames.all.dropped, 1, 0],
  ['pinch in (400 ms, until settled): gallery\'s frames: interval p50', 'ms', (r) => r.pinch.frames.pinchIn.p50, 1, 1],
  ['pinch in: gallery\'s frames: interval p95', 'ms', (r) => r.pinch.frames.pinchIn.p95, 1, 1],
  ['pans ×4 (until at rest): gallery\'s frames: interval p50', 'ms', (r) => r.pinch.frames.pans.p50, 1, 1],
  ['pans ×4: gallery\'s frames: interval p95', 'ms', (r) => r.pinch.frames.pans.p95, 1, 1],
  ['pinch out: gallery\'s frames: interval p95', 'ms', (r) => r.pinch.frames.pinchOut.p95, 1, 1],
  ['the engine\'s own work per frame (wg_frame), p50', 'ms', (r) => r.pinch.frames.workP50, 1, 1],
  ['the engine\'s own work per frame (wg_frame), p95', 'ms', (r) => r.pinch.frames.workP95, 1, 1],
  ['page\'s frames (main-thread rAF) over the window: interval p95', 'ms', (r) => r.pinch.pageFrames.p95, 1, 1],
  ['input → next paint, max', 'ms', (r) => r.pinch.input.max, 1, 0],
  ['inputs with next paint > 100 ms', 'count', (r) => r.pinch.input.over100, 1, 0],
  ['long animation frames', 'count', (r) => r.pinch.longFrames.count, 1, 0],
  ['long animation frames total', 'ms', (r) => r.pinch.longFrames.ms, 1, 0],
  ['long animation frames caused by the gallery', 'count', (r) => r.pinch.longFrames.gallery, 1, 0],
  ['main thread busy over the window (CDP TaskDuration)', 'ms', (r) => r.pinch.busyMs, 1, 0],
  ['window: first pinch to whole photo again', 's', (r) => r.pinch.windowMs, 1000, 1],
  ['zoom after the pinch (stats.zoom)', '×', (r) => r.pinch.zoom, 1, 2],
  ['pinch end → the page sees the zoom at rest', 'ms', (r) => r.pinch.pinchEndToSettledMs, 1, 0],
  ['pinch end → the engine asks for a sharper photo', 'ms', (r) => r.pinch.pinchEndToWantMs, 1, 0],
  ['pinch end → sharper texture uploaded', 'ms', (r) => r.pinch.pinchEndToSharpMs, 1, 0],
  ['sharper texture: width decoded at (usual: 1080)', 'px', (r) => r.pinch.sharpSize[0], 1, 0],
  ['pinch end → visible part at the screen\'s pixels (detail) in', 'ms', (r) => r.pinch.pinchEndToDetailMs, 1, 0],
  ['detail: its pixels per photo width (the photo has 4000)', 'px', (r) => r.pinch.detailPerPhotoWidth, 1, 0],
  ['detail: texture size', 'MP', (r) => (r.pinch.detailSize ? r.pinch.detailSize[0] * r.pinch.detailSize[1] : null), 1e6, 2],
  ['GPU textures held: at rest before the pinch', 'MB', (r) => r.pinch.textureBytes.before, MB, 1],
  ['GPU textures held: zoomed, sharper texture and detail in', 'MB', (r) => r.pinch.textureBytes.zoomed, MB, 1],
  ['GPU textures held: whole photo again, at rest', 'MB', (r) => r.pinch.textureBytes.freed, MB, 1],
  ['pinch out end → usual-size texture back (large one freed)', 'ms', (r) => r.pinch.textureBytes.freedMs, 1, 0],
  ['photo bytes fetched again for the zoom', 'MB', (r) => r.pinch.photoBytesFetchedForZoom, MB, 1],
  ['pans that turned the slide', 'count', (r) => r.pinch.pansThatTurnedTheSlide, 1, 0],
  ['10 photos: double tap → sharper texture uploaded, median', 'ms', (r) => r.ten.sharpMs.median, 1, 0],
  ['10 photos: double tap → sharper texture uploaded, slowest', 'ms', (r) => r.ten.sharpMs.max, 1, 0],
  ['10 photos: double taps with no sharper texture', 'count', (r) => r.ten.notSharper, 1, 0],
  ['10 photos: GPU textures held before (slide 1 at rest)', 'MB', (r) => r.ten.before.textureBytes, MB, 1],
  ['10 photos: GPU textures held after (slide 10 at rest)', 'MB', (r) => r.ten.end.textureBytes, MB, 1],
  ['10 photos: GPU textures held, peak (polled every 50 ms)', 'MB', (r) => r.ten.peak.textureBytes, MB, 1],
  ['10 photos: GPU textures held on arriving at a slide, max', 'MB', (r) => r.ten.arrivingMax, MB, 1],
  ['10 photos: renderer+GPU processes (PSS) before', 'MB', (r) => r.ten.before.process, MB, 0],
  ['10 photos: renderer+GPU processes (PSS) after', 'MB', (r) => r.ten.end.process, MB, 0],
  ['10 photos: renderer+GPU processes, after − before', 'MB', (r) => r.ten.end.process - r.ten.before.process, MB, 0],
  ['10 photos: of which GPU process, after − before', 'MB', (r) => r.ten.end.gpu - r.ten.before.gpu, MB, 0],
  ['10 photos: renderer+GPU, 33 s later (decode workers ended) − before', 'MB', (r) => r.ten.idle.process - r.ten.before.process, MB, 0],
  ['10 photos: renderer+GPU processes, peak (each zoomed in)', 'MB', (r) => r.ten.peak.process, MB, 0],
  ['10 photos: JS heap after GC, before', 'MB', (r) => r.ten.before.jsHeap, MB, 2],
  ['10 photos: JS heap after GC, after', 'MB', (r) => r.ten.end.jsHeap, MB, 2],
  ['10 photos: wasm memory (heap high-water) after', 'MB', (r) => r.ten.end.wasmMemory, MB, 1],
  ['10 photos: wall time of the loop', 's', (r) => r.ten.loopMs, 1000, 1],
  ['control, paged without zooming: GPU textures held after', 'MB', (r) => r.plain.end.textureBytes, MB, 1],
  ['control: GPU textures held, peak', 'MB', (r) => r.plain.peak.textureBytes, MB, 1],
  ['control: renderer+GPU processes, after − before', 'MB', (r) => r.plain.end.process - r.plain.before.process, MB, 0],
  ['control: renderer+GPU, 33 s later (decode workers ended) − before', 'MB', (r) => r.plain.idle.process - r.plain.before.process, MB, 0],
  ['control: JS heap after GC, after', 'MB', (r) => r.plain.end.jsHeap, MB, 2],
  ['control: wasm memory (heap high-water) after', 'MB', (r) => r.plain.end.wasmMemory, MB, 1],
];

// First photo and bytes, three ways (issue 13's goals: server-rendered ≤ 0.9× Swiper, JSON only ≤ 1.2×,
// bytes before the first photo ≤ Swiper's).
const FIRST_PHOTO_FIGURES = [
  ['first photo painted', 'ms', (r) => r.firstPhoto, 1, 0],
  ['bytes received before the first photo', 'KB', (r) => r.bytesBeforeFirstPhoto, KB, 1],
  ['gallery takes input', 'ms', (r) => r.interactive, 1, 0],
  ['transfer: widget code+styles+fonts (gzip)', 'KB', (r) => r.transfer.widget, KB, 1],
  ['transfer: the same, font files aside', 'KB', (r) => r.transfer.widget - fontBytes(r.transfer), KB, 1],
  ['transfer: of which font files', 'KB', (r) => fontBytes(r.transfer), KB, 1],
];

// Font files among the widget's own (wasm-gallery fetched two TTFs until issue 15; since then it draws
// text with the page's fonts and fetches none: 0).
const FONT_FILE = /\.(ttf|otf|woff2?)$/i;
function fontBytes(t) {
  return Object.entries(t.widgetFiles || {}).filter(([p]) => FONT_FILE.test(p)).reduce((a, [, b]) => a + b, 0);
}

// The widget's transfer in the last committed run that still fetched font files (bench/results.json of
// commit eef70d9, dist/ of 11848cb, 2026-11-30 08:06 UTC; src="gallery.json", gzip -9 bodies), printed
// under the first-photo table against this run's.
const BEFORE_TEXT_ISSUE = { label: 'bench of 2026-11-30 08:06 UTC, dist/ of 11848cb', widget: 213334, fonts: 24224 + 23531 };

function transferBeforeAfter(runs) {
  const now = spread((runs || []).map((r) => r.transfer.widget)).median, fonts = spread((runs || []).map((r) => fontBytes(r.transfer))).median;
  if (!Number.isFinite(now)) return '';
  const b = BEFORE_TEXT_ISSUE, k = (x) => (x / KB).toFixed(1);
  return `Widget transfer (src="gallery.json", gzip) before the font files went (${b.label}): ${k(b.widget)} KB, of which font files ${k(b.fonts)} KB ` +
    `(${k(b.widget - b.fonts)} KB without them); this run: ${k(now)} KB, of which font files ${k(fonts)} KB — ` +
    `${now <= b.widget ? '−' : '+'}${k(Math.abs(b.widget - now))} KB (${(now / b.widget).toFixed(2)}×).`;
}

// variants: { column name → wasm-gallery runs }; each gets its ratio to Swiper.
function firstPhotoRows(variants, swiperRuns) {
  const names = Object.keys(variants);
  const per = names.map((n) => rows(FIRST_PHOTO_FIGURES, variants[n] || [], swiperRuns));
  return per[0].map((r, i) => ({ label: r.label, unit: r.unit, decimals: r.decimals, swiper: r.swiper,
    variants: names.map((n, k) => ({ name: n, value: per[k][i].wasm, ratio: per[k][i].ratio })) }));
}

function firstPhotoTable(rs) {
  const names = rs[0].variants.map((v) => v.name);
  const head = ['figure', 'unit', ...names, 'Swiper', ...names.map((n) => `${n} / Swiper`)];
  const ratio = (x) => (Number.isFinite(x) ? x.toFixed(2) + '×' : '–');
  const body = rs.map((r) => [r.label, r.unit, ...r.variants.map((v) => cell(v.value, r.decimals, true)), cell(r.swiper, r.decimals, true),
    ...r.variants.map((v) => ratio(v.ratio))]);
  return markdown(head, body);
}

function markdown(head, body) {
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => '| ' + cells.map((c, i) => (i >= 2 ? c.padStart(w[i]) : c.padEnd(w[i]))).join(' | ') + ' |';
  return [line(head), '| ' + w.map((n, i) => (i >= 2 ? '-'.repeat(n - 1) + ':' : '-'.repeat(n))).join(' | ') + ' |', ...body.map(line)].join('\n');
}

const fmt = (v, d) => (Number.isFinite(v) ? v.toFixed(d) : '–');

// One row per figure: { label, unit, wasm: {min,median,max,n}, swiper: {…}, ratio }.
function rows(figures, wasmRuns, swiperRuns) {
  return figures.map(([label, unit, pick, scale, decimals]) => {
    const val = (runs) => spread(runs.map((r) => { try { const v = pick(r); return v === null || v === undefined ? NaN : v / scale; } catch { return NaN; } }));
    const wasm = val(wasmRuns), swiper = val(swiperRuns);
    const ratio = swiper.median ? wasm.median / swiper.median : NaN;
    return { label, unit, decimals, wasm, swiper, ratio };
  });
}

function cell(s, d, withRange) {
  if (!Number.isFinite(s.median)) return '–';
  return withRange && s.n > 1 && s.min !== s.max ? `${fmt(s.median, d)} [${fmt(s.min, d)}–${fmt(s.max, d)}]` : fmt(s.median, d);
}

// A Markdown table (what README.md shows; the terminal prints the same text).
function table(rs, { withRange = true } = {}) {
  const head = ['figure', 'unit', 'wasm-gallery', 'Swiper', 'wasm-gallery / Swiper'];
  const body = rs.map((r) => [r.label, r.unit, cell(r.wasm, r.decimals, withRange), cell(r.swiper, r.decimals, withRange),
    Number.isFinite(r.ratio) ? r.ratio.toFixed(2) + '×' : '–']);
  return markdown(head, body);
}

function machine() {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = (cpuinfo.match(/^model name\s*:\s*(.*)$/m) || [])[1] || os.cpus()[0]?.model || 'unknown';
  const mhz = (cpuinfo.match(/^cpu MHz\s*:\s*(.*)$/m) || [])[1];
  const memKb = +((fs.readFileSync('/proc/meminfo', 'utf8').match(/^MemTotal:\s+(\d+)/m) || [])[1] || 0);
  return { nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length, cpu: model + (mhz ? ` @ ${Math.round(+mhz)} MHz` : ''),
    memoryGiB: +(memKb / MB).toFixed(1), kernel: os.release(), node: process.version };
}

const loadavg = () => os.loadavg().map((x) => +x.toFixed(2));

module.exports = { TEN_SLIDE_FIGURES, SCALE_FIGURES, ZOOM_FIGURES, FIRST_PHOTO_FIGURES, BEFORE_TEXT_ISSUE, rows, table, firstPhotoRows, firstPhotoTable, transferBeforeAfter,
  fontBytes, machine, loadavg };
