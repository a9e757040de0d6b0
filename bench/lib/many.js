// many.js — the "20 galleries on one page" scenario (issue: one render worker per gallery, or one render
// worker drawing every gallery with one context?). One page of 20 <wasm-gallery src="/gallery.json">,
// loaded in a fresh Chromium per visit under one emulated desktop, in three designs side by side:
//   (a) workers — the shipped dist/: one render worker per gallery, each with its own WebGL2 context
//                 (only galleries near the viewport hold one: gl-lease.js);
//   (b) shared  — a bench-only prototype: ONE render worker hosting the 20 engines with ONE WebGL2
//                 context, frames sent to the page as ImageBitmaps shown in `bitmaprenderer` canvases
//                 (shared-render-worker.js, shared-client.js; the rest of the page code is web/src's);
//   (c) main    — the shipped dist/ with `self.__wgThread = 'main'`: every engine on the page's thread.
// Figures per visit: start-up (navigation → every gallery's `ready`, scrolling down the page gallery
// by gallery), memory (PSS, USS and RSS of every Chromium process once all have drawn), frame
// intervals of one gallery while it animates alone, while every gallery holding a context animates,
// and alone on a page whose thread is kept busy, with the page's main-thread busy time and every
// process's CPU time meanwhile. How and why: bench/README.md, "20 galleries on one page".
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { CHROMIUM_ARGS } = require('./measure.js');
const { median, frameSummary } = require('./stats.js');

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'bench/out/many');       // gitignored: bundles and pages written per run
const URL_DIR = '/bench/out/many/';
const GALLERIES = 20;
// A desktop: the column below is 640 CSS px wide, so each gallery is 640 × 640 (3:2 photo, dots band,
// 7-line text panel) and its canvas 640 × 640 device px. About 1¼ galleries fit on the screen; with
// gl-lease's 150 % margin, 3–5 are near the viewport (and hold a context) at any scroll position.
const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false };
const READY_TIMEOUT_MS = 90000;
const SETTLE_MS = 1500;         // after the last `ready`: neighbours' photos arrive, then memory is read
const STEP_MS = 250;            // animation: next()/prev() this often, under the 300 ms snap, so it never rests
const STEPS = 12;               // 6 × next(), 6 × prev(): 3 s of motion
const TAIL_MS = 400;            // the last snap ends within this after the last step
const BUSY_MS = 100;            // the busy-page run: a 100 ms task every 150 ms on the page's thread

const DESIGNS = [
  { key: 'workers', label: '(a) one render worker per gallery (shipped)', page: 'shipped.html' },
  { key: 'shared', label: '(b) one render worker, one WebGL2 context (prototype)', page: 'shared.html' },
  { key: 'main', label: '(c) every engine on the page thread (__wgThread=main)', page: 'shipped.html', main: true },
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- the prototype's bundles and the pages ----------------------------------------------------------
async function buildPrototype() {
  const esbuild = require('esbuild');
  fs.mkdirSync(OUT, { recursive: true });
  // As scripts/build.js bundles dist/ (minified, es2020), so the designs parse the same amount of code.
  const common = { bundle: true, minify: true, target: ['es2020'], legalComments: 'none', logLevel: 'warning', format: 'iife',
    define: { 'import.meta.url': 'self.location.href' } };
  await esbuild.build({ ...common, entryPoints: [path.join(__dirname, 'shared-render-worker.js')],
    alias: { 'wasm-gallery-glue': path.join(ROOT, 'build/wasm/wasm-gallery.js') }, outfile: path.join(OUT, 'shared-render.js') });
  // The page bundle: web/src as dist/wasm-gallery.js has it, with shared-client.js for client.js.
  const swapClient = { name: 'shared-client', setup(b) {
    b.onResolve({ filter: /^\.\/client\.js$/ }, (a) => (a.importer.startsWith(path.join(ROOT, 'web/src') + path.sep)
      ? { path: path.join(__dirname, 'shared-client.js') } : undefined));
  } };
  await esbuild.build({ ...common, entryPoints: [path.join(__dirname, 'shared-entry.js')], plugins: [swapClient],
    outfile: path.join(OUT, 'wasm-gallery-shared.js') });
  const page = (script, what) => `<!doctype html>
<!-- ${what} — written by bench/lib/many.js: ${GALLERIES} galleries on one page (see bench/README.md). -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${GALLERIES} galleries</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/dist/wasm-gallery.css">
<style>body { margin: 0; font: 16px/1.5 sans-serif; } main { width: 640px; margin: 0 auto; padding: 8px 0; } p { margin: 12px 0; }
  /* Room below the last gallery, so that it too scrolls to the top of the screen like the others. */
  .end { height: 100vh; }</style>
<script src="${script}" defer></script>
</head>
<body>
<main>
<h1>${GALLERIES} galleries</h1>
${Array.from({ length: GALLERIES }, (_, i) => `<p>Gallery ${i + 1}.</p>\n<wasm-gallery id="g${i}" src="/gallery.json"></wasm-gallery>`).join('\n')}
<div class="end"></div>
</main>
</body>
</html>
`;
  fs.writeFileSync(path.join(OUT, 'shipped.html'), page('/dist/wasm-gallery.js', 'shipped.html: dist/wasm-gallery.js'));
  fs.writeFileSync(path.join(OUT, 'shared.html'), page(URL_DIR + 'wasm-gallery-shared.js',
    'shared.html: the one-render-worker prototype (wasm-gallery-shared.js)'));
}

// ---- the in-page probe (addInitScript) ----------------------------------------------------------------
// Records each gallery's `ready` on the page clock and scrolls the reader down: the first gallery not
// yet drawn is scrolled to the top of the screen, the next as soon as it has drawn (galleries within
// gl-lease's margin below it have often drawn already). `done`: the last `ready`.
function probe() {
  const M = window.__many = { ready: {}, fallback: 0, target: null, done: undefined, frames: null };
  const origRaf = window.requestAnimationFrame.bind(window);
  const all = () => [...document.querySelectorAll('wasm-gallery')];
  const step = () => {
    const next = all().find((g) => M.ready[g.id] === undefined);
    if (!next) { if (M.done === undefined) M.done = performance.now(); return; }
    if (M.target !== next) { M.target = next; next.scrollIntoView({ block: 'start' }); }
  };
  document.addEventListener('ready', (e) => {
    const g = e.target;
    if (!g || !g.id || M.ready[g.id] !== undefined) return;
    M.ready[g.id] = performance.now();
    if (e.detail && e.detail.fallback) M.fallback++;
    step();
  }, true);
  document.addEventListener('DOMContentLoaded', step);
  M.client = (id) => document.getElementById(id)._gallery._client;
  M.live = () => all().filter((g) => g.stats.webgl === 'live').map((g) => g.id);
  M.wasmHeaps = () => all().reduce((a, g) => a + (g.stats.heapSize || 0), 0);
  M.startFrames = () => {
    M.frames = [];
    const loop = (ts) => { if (!M.frames) return; M.frames.push(ts); origRaf(loop); };
    origRaf(loop);
  };
  M.stopFrames = () => { const f = M.frames || []; M.frames = null; return f; };
  // Half the steps next(), half prev(), on every gallery in `ids` at once.
  // With `busyMs`, the page's thread is also kept busy that long out of every busyMs × 1.5 (long tasks,
  // as a heavy page has them).
  M.animate = async (ids, steps, ms, busyMs = 0) => {
    const gs = ids.map((id) => document.getElementById(id));
    const hog = busyMs ? setInterval(() => { const t = performance.now(); while (performance.now() - t < busyMs); }, busyMs * 1.5) : 0;
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) {
      for (const g of gs) (i < steps / 2 ? g.next() : g.prev());
      await new Promise((r) => setTimeout(r, Math.max(0, t0 + ms * (i + 1) - performance.now())));
    }
    clearInterval(hog);
  };
}

// ---- process figures -------------------------------------------------------------------------------------
function rollup(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (k) => { const m = s.match(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm')); return m ? +m[1] * 1024 : 0; };
    return { pss: kb('Pss'), rss: kb('Rss'), uss: kb('Private_Clean') + kb('Private_Dirty') };
  } catch { return { pss: 0, rss: 0, uss: 0 }; } // ended between listing and reading
}

// Every process of this browser (browser, renderer, GPU, utility): PSS, RSS and USS by type, and CPU
// time. USS (private pages) is the steadiest: PSS shrinks when other Chromiums on this shared machine
// map the same library pages, RSS counts those pages whole.
async function processes(browserCdp) {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  const out = { pss: 0, rss: 0, uss: 0, cpuMs: 0, byType: {}, count: processInfo.length };
  for (const p of processInfo) {
    const m = rollup(p.id);
    out.pss += m.pss; out.rss += m.rss; out.uss += m.uss; out.cpuMs += p.cpuTime * 1000;
    const t = out.byType[p.type] || (out.byType[p.type] = { pss: 0, rss: 0, uss: 0, n: 0 });
    t.pss += m.pss; t.rss += m.rss; t.uss += m.uss; t.n++;
  }
  return out;
}

// A full GC in the page and in every worker (render and decode workers: `gc` is exposed by the
// --expose-gc flag this scenario launches with), so that no design is measured with more garbage
// than another: CDP's HeapProfiler.collectGarbage reaches the page's isolate only.
async function collectGarbage(page) {
  const collect = () => { if (typeof self.gc === 'function') { self.gc(); return 1; } return 0; };
  const n = await Promise.all([page, ...page.workers()].map((t) => t.evaluate(collect).catch(() => 0)));
  return n.reduce((a, b) => a + b, 0);
}

async function taskMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = metrics.find((x) => x.name === 'TaskDuration');
  return m ? m.value * 1000 : NaN;
}

// One gallery's frame intervals (page clock) while `ids` animate, plus what it cost the page and the
// browser: the page's main-thread task time (CDP TaskDuration) and every process's CPU time.
async function animation(page, cdp, browserCdp, watched, ids, busyMs = 0) {
  const debug = (what) => page.evaluate(([id, w]) => __many.client(id).debug(w), [watched, what]);
  const shared = await page.evaluate((id) => !!__many.client(id).presented, watched); // (b)
  await debug('frameTimes'); // empties the log
  const p0 = shared ? await debug('presented') : null, w0 = shared ? await debug('shared') : null;
  const cpu0 = (await processes(browserCdp)).cpuMs, task0 = await taskMs(cdp);
  const t0 = await page.evaluate(() => { __many.startFrames(); return performance.now(); });
  await page.evaluate(([i, s, ms, b]) => __many.animate(i, s, ms, b), [ids, STEPS, STEP_MS, busyMs]);
  await sleep(TAIL_MS);
  const t1 = await page.evaluate(() => performance.now());
  const pageFrames = await page.evaluate(() => __many.stopFrames());
  const task1 = await taskMs(cdp), cpu1 = (await processes(browserCdp)).cpuMs;
  const drawn = (await debug('frameTimes')).frameTimes.filter((t) => t >= t0 && t <= t1);
  const s = (t1 - t0) / 1000;
  const out = {
    galleries: ids.length, ms: t1 - t0, frames: frameSummary(drawn), pageFrames: frameSummary(pageFrames),
    mainBusyMsPerS: (task1 - task0) / s, cpuMsPerS: (cpu1 - cpu0) / s,
  };
  if (shared) {
    // (b): frames reaching the watched gallery's canvas on the page, what showing them cost the page,
    // and where the worker's time went per frame (all galleries' frames).
    const p1 = await debug('presented'), w1 = await debug('shared');
    const n = w1.frames - w0.frames;
    out.presented = frameSummary(p1.presented.filter((t) => t >= t0 && t <= t1));
    out.presentMsPerS = (p1.presentMs - p0.presentMs) / s;
    out.worker = { frames: n, drawMsPerFrame: (w1.drawMs - w0.drawMs) / n, transferMsPerFrame: (w1.transferMs - w0.transferMs) / n };
  }
  return out;
}

// ---- one visit -----------------------------------------------------------------------------------------------
async function visit(srv, design) {
  const browser = await chromium.launch({ executablePath: process.env.WG_CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'], headless: true });
  try {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    if (design.main) await page.addInitScript(() => { self.__wgThread = 'main'; });
    await page.addInitScript(probe);
    const cdp = await context.newCDPSession(page);
    const browserCdp = await browser.newBrowserCDPSession();
    await cdp.send('Performance.enable');
    const before = await processes(browserCdp);
    await page.goto(srv.url + URL_DIR + design.page, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => window.__many && __many.done !== undefined, null, { timeout: READY_TIMEOUT_MS, polling: 100 });
    } catch (e) {
      const n = await page.evaluate(() => Object.keys(__many.ready).length).catch(() => '?');
      throw new Error(`${n} of ${GALLERIES} galleries drawn after ${READY_TIMEOUT_MS / 1000} s${errors.length ? ' (' + errors[0] + ')' : ''}`);
    }
    const atDone = await processes(browserCdp);
    const r = await page.evaluate(() => ({ ready: __many.ready, done: __many.done, fallback: __many.fallback,
      threads: [...document.querySelectorAll('wasm-gallery')].map((g) => g.stats.thread) }));
    const times = Object.values(r.ready);
    // The reader goes on to the last gallery (the chain may have ended a few galleries earlier, the
    // last ones having drawn within the margin): every design is measured at the same place, with the
    // same galleries holding a context.
    await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: 'start' }), `g${GALLERIES - 1}`);
    await sleep(SETTLE_MS);
    const collected = await collectGarbage(page);
    await sleep(300);
    const mem = await processes(browserCdp);
    const live = await page.evaluate(() => __many.live());
    const wasmHeaps = await page.evaluate(() => __many.wasmHeaps());
    // The last gallery, at the top of the screen, animates alone, then with every other gallery that
    // holds a context (the ones near the viewport).
    const watched = `g${GALLERIES - 1}`;
    const one = await animation(page, cdp, browserCdp, watched, [watched]);
    const all = await animation(page, cdp, browserCdp, watched, live.includes(watched) ? live : [watched, ...live]);
    // Alone again, with the page's thread busy: (a)'s frames reach the compositor from the worker, (b)'s
    // only once the page's thread has shown them.
    const busy = await animation(page, cdp, browserCdp, watched, [watched], BUSY_MS);
    const shared = design.key === 'shared' ? await page.evaluate((id) => __many.client(id).debug('shared'), watched) : null;
    return {
      firstReady: Math.min(...times), allReady: r.done, readyTimes: r.ready, fallback: r.fallback,
      threads: [...new Set(r.threads)], startupCpuMs: atDone.cpuMs - before.cpuMs,
      memory: { pss: mem.pss, rss: mem.rss, uss: mem.uss, byType: mem.byType, processes: mem.count, wasmHeaps, liveContexts: live.length,
        isolatesCollected: collected },
      one, all, busy, shared, errors,
    };
  } finally {
    await browser.close();
  }
}

// ---- the scenario, its summary and its table ---------------------------------------------------------------
// Figures of the summary: [label, unit, (visit) → number, digits].
const MB = 1048576;
const FIGURES = [
  ['start-up: first gallery drawn', 'ms', (v) => v.firstReady, 0],
  [`start-up: all ${GALLERIES} drawn (scrolling down)`, 'ms', (v) => v.allReady, 0],
  ['CPU time of all processes until then', 'ms', (v) => v.startupCpuMs, 0],
  ['memory: PSS of all Chromium processes', 'MB', (v) => v.memory.pss / MB, 0],
  ['memory: of which renderer (page + workers)', 'MB', (v) => (v.memory.byType.renderer || {}).pss / MB, 0],
  ['memory: of which GPU process', 'MB', (v) => (v.memory.byType.GPU || {}).pss / MB, 0],
  ['memory: USS (private) of all Chromium processes', 'MB', (v) => v.memory.uss / MB, 0],
  ['memory: USS of the renderer (page + workers)', 'MB', (v) => (v.memory.byType.renderer || {}).uss / MB, 0],
  ['memory: RSS of all Chromium processes', 'MB', (v) => v.memory.rss / MB, 0],
  ['WebGL contexts live at the end', 'count', (v) => (v.memory.liveContexts), 0],
  ['1 animating: frame interval p50', 'ms', (v) => v.one.frames.p50, 1],
  ['1 animating: frame interval p95', 'ms', (v) => v.one.frames.p95, 1],
  ['1 animating: frames drawn', 'count', (v) => v.one.frames.frames, 0],
  ['1 animating: page main thread busy', 'ms/s', (v) => v.one.mainBusyMsPerS, 0],
  ['1 animating: page frame interval p95', 'ms', (v) => v.one.pageFrames.p95, 1],
  ['1 animating: CPU of all processes', 'ms/s', (v) => v.one.cpuMsPerS, 0],
  ['all near animating: galleries', 'count', (v) => v.all.galleries, 0],
  ['all near animating: frame interval p50', 'ms', (v) => v.all.frames.p50, 1],
  ['all near animating: frame interval p95', 'ms', (v) => v.all.frames.p95, 1],
  ['all near animating: page main thread busy', 'ms/s', (v) => v.all.mainBusyMsPerS, 0],
  ['all near animating: CPU of all processes', 'ms/s', (v) => v.all.cpuMsPerS, 0],
  // Frames handed to the compositor: (a) and (c) as drawn, (b) as shown by the page's thread.
  [`1 animating, page busy ${BUSY_MS}/${BUSY_MS * 1.5} ms: frame interval p50`, 'ms', (v) => (v.busy.presented || v.busy.frames).p50, 1],
  [`1 animating, page busy ${BUSY_MS}/${BUSY_MS * 1.5} ms: frame interval p95`, 'ms', (v) => (v.busy.presented || v.busy.frames).p95, 1],
];
// (b) only, printed under the table: where its frames' time goes.
const SHARED_FIGURES = [
  ['1 animating: page time showing the bitmaps', 'ms/s', (v) => v.one.presentMsPerS, 0],
  ['1 animating: worker, engine frame (wg_frame)', 'ms/frame', (v) => v.one.worker.drawMsPerFrame, 1],
  ['1 animating: worker, transferToImageBitmap', 'ms/frame', (v) => v.one.worker.transferMsPerFrame, 1],
  ['all near animating: page time showing the bitmaps', 'ms/s', (v) => v.all.presentMsPerS, 0],
  ['all near animating: worker, engine frame (wg_frame)', 'ms/frame', (v) => v.all.worker.drawMsPerFrame, 1],
  ['all near animating: worker, transferToImageBitmap', 'ms/frame', (v) => v.all.worker.transferMsPerFrame, 1],
];

function summarize(runs, figures = FIGURES, designs = DESIGNS) {
  return figures.map(([label, unit, get, digits]) => {
    const row = { figure: label, unit };
    for (const d of designs) {
      const xs = (runs[d.key] || []).map((v) => { try { return get(v); } catch { return NaN; } }).filter(Number.isFinite);
      row[d.key] = xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length, digits } : null;
    }
    return row;
  });
}

function table(summary, withRange, designs = DESIGNS) {
  const cell = (c) => {
    if (!c) return '–';
    const f = (x) => x.toFixed(c.digits);
    return withRange && c.n > 1 ? `${f(c.median)} [${f(c.min)}–${f(c.max)}]` : f(c.median);
  };
  const both = designs.some((d) => d.key === 'workers') && designs.some((d) => d.key === 'shared');
  const ratio = (a, b) => (a && b && a.median ? (b.median / a.median).toFixed(2) + '×' : '–');
  const lines = [`| figure | unit | ${designs.map((d) => d.label).join(' | ')} |${both ? ' (b) / (a) |' : ''}`,
    `| --- | --- | ${designs.map(() => '---:').join(' | ')} |${both ? ' ---: |' : ''}`];
  for (const r of summary) {
    lines.push(`| ${r.figure} | ${r.unit} | ${designs.map((d) => cell(r[d.key])).join(' | ')} |${both ? ` ${ratio(r.workers, r.shared)} |` : ''}`);
  }
  return lines.join('\n');
}

// Runs the scenario: `runs` visits per design, alternating their order. Returns what results.json keeps
// under `many` (every visit, the summary, the Markdown table).
async function run(srv, { runs = 1, log = console.log } = {}) {
  await buildPrototype();
  const out = { page: URL_DIR + '{shipped,shared}.html', galleries: GALLERIES, desktop: DESKTOP, stepMs: STEP_MS, steps: STEPS,
    designs: Object.fromEntries(DESIGNS.map((d) => [d.key, d.label])), runs: Object.fromEntries(DESIGNS.map((d) => [d.key, []])), failures: [] };
  for (let i = 0; i < runs; i++) {
    for (const d of i % 2 ? [...DESIGNS].reverse() : DESIGNS) {
      const t0 = Date.now();
      try {
        const v = await visit(srv, d);
        out.runs[d.key].push(v);
        log(`  ${d.key} #${i + 1}: ${Math.round((Date.now() - t0) / 1000)} s, all ${GALLERIES} drawn at ${Math.round(v.allReady)} ms, ` +
          `PSS ${Math.round(v.memory.pss / MB)} MB, USS ${Math.round(v.memory.uss / MB)} MB, frame p50/p95 ${v.one.frames.p50.toFixed(1)}/${v.one.frames.p95.toFixed(1)} ms` +
          `${v.errors.length ? `, page errors: ${v.errors.slice(0, 2).join('; ')}` : ''}`);
      } catch (e) {
        out.failures.push({ design: d.key, run: i + 1, error: e.message.split('\n')[0] });
        log(`  ${d.key} #${i + 1}: FAILED (${e.message.split('\n')[0]})`);
      }
    }
  }
  out.summary = summarize(out.runs);
  out.sharedSummary = summarize(out.runs, SHARED_FIGURES, DESIGNS.filter((d) => d.key === 'shared'));
  out.table = table(out.summary, runs > 1) + '\n\nWhere (b)\'s frames go:\n\n' +
    table(out.sharedSummary, runs > 1, DESIGNS.filter((d) => d.key === 'shared'));
  return out;
}

module.exports = { run, buildPrototype, visit, summarize, table, DESIGNS, GALLERIES, DESKTOP };
