// measure.js — one measured visit of one benchmark page in a fresh Chromium (cold cache, fresh GPU
// process), under the emulated phone: what it transferred, when the first photo showed, how swiping
// felt, what it drew while idle and what memory it held. Both galleries go through exactly this code.
'use strict';
const { chromium } = require('playwright-core');
const instrument = require('./instrument.js');
const { processMemory } = require('./procmem.js');
const { frameSummary, median } = require('./stats.js');
const trace = require('./trace.js');

// The phone: a 360 × 740 CSS px screen at DPR 3 with touch, a mid-range CPU (4× slower than this
// machine's core) and a "fast 3G"-like link (Chrome DevTools' preset, rounded).
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const CPU_THROTTLE = 4;
const FAST_3G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
// Same flags as tests/browser/harness.js: Debian's Chromium, WebGL on SwiftShader (no GPU here).
const CHROMIUM_ARGS = ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  '--disable-dev-shm-usage'];
// A flick: touchStart, FLICK_STEPS touchMoves spread over FLICK_MS, touchEnd — a quick thumb swipe
// across two thirds of the screen.
const FLICK_MS = 120, FLICK_STEPS = 8, FLICK_FRACTION = 0.65;
const SETTLE_TIMEOUT_MS = 5000;  // a gallery still moving after this counts as not having come to rest
const MAX_EXTRA_FLICKS = 6;      // flicks that did not change the slide, retried, across the swipe-through
const IDLE_MS = 2000;            // the idle window in which drawn frames are counted
const NETWORK_QUIET_MS = 1000;   // "loaded": no request in flight for this long

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Whether the page is still loading: requests in flight on the page's own target, and any server
// activity (the server log also sees what workers fetch, which the page's session does not). A
// dedicated worker's script (type Script, initiator "other") is announced to the page's session but
// finishes on the worker's own target, so it is not counted as in flight.
// quiet.bytesBefore(ms): bytes received on the wire (as emulated, gzip where served so) by the requests
// of the page's own target that finished within ms of the navigation's start (the page's time 0).
function trackNetwork(cdp, serverLog) {
  let lastChange = Date.now(), logged = serverLog.length;
  const open = new Set();  // requestIds in flight (a redirect reuses its id)
  let origin = null;       // monotonic s of the document's request ≈ performance.timeOrigin
  const finished = [];     // { t: ms after origin, bytes }
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Document' && origin === null) origin = e.timestamp;
    if (e.type === 'Script' && e.initiator && e.initiator.type === 'other') return;
    open.add(e.requestId); lastChange = Date.now();
  });
  const end = (e) => { if (open.delete(e.requestId)) lastChange = Date.now(); };
  cdp.on('Network.loadingFinished', (e) => {
    if (origin !== null) finished.push({ t: (e.timestamp - origin) * 1000, bytes: e.encodedDataLength });
    end(e);
  });
  cdp.on('Network.loadingFailed', end);
  quiet.bytesBefore = (ms) => finished.filter((f) => f.t <= ms).reduce((a, f) => a + f.bytes, 0);
  return quiet;
  async function quiet(ms, timeout) {
    const t0 = Date.now();
    while (Date.now() - t0 < timeout) {
      if (serverLog.length !== logged) { logged = serverLog.length; lastChange = Date.now(); }
      if (!open.size && Date.now() - lastChange >= ms) return true;
      await sleep(100);
    }
    return false;
  }
}

// Body bytes the server sent since the run began (gzip where the server compresses), split into the
// gallery's own code/styles/wasm/fonts ("widget"), photos, and the rest (HTML, article CSS, JSON).
function isWidget(p) {
  return p.startsWith('/dist/') || p.startsWith('/node_modules/swiper/') || p === '/bench/pages/swiper-init.js';
}
function transferSummary(log) {
  const s = { widget: 0, photos: 0, other: 0, total: 0, requests: log.length, widgetFiles: {} };
  for (const e of log) {
    if (isWidget(e.path)) { s.widget += e.bytes; s.widgetFiles[e.path] = (s.widgetFiles[e.path] || 0) + e.bytes; } else if (/^image\//.test(e.type)) s.photos += e.bytes;
    else s.other += e.bytes;
    s.total += e.bytes;
  }
  return s;
}

// The finger moves on the wall clock, as a real one does: each event is sent at its time without
// waiting for the page to have handled the previous one (a busy main thread then sees the moves late
// and bunched, as it would on a phone), and all acknowledgements are awaited at the end.
async function flick(cdp, fromX, toX, y) {
  const pt = (x) => [{ x, y, id: 1, radiusX: 8, radiusY: 8, force: 1 }];
  // Each event carries the time the finger was there (CDP `timestamp`, seconds since the epoch), not
  // the time the browser got round to it.
  const t0 = Date.now();
  const at = (i) => (t0 + (FLICK_MS * i) / FLICK_STEPS) / 1000;
  const sent = [cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pt(fromX), timestamp: at(0) })];
  for (let i = 1; i <= FLICK_STEPS; i++) {
    await sleep(Math.max(0, t0 + (FLICK_MS * i) / FLICK_STEPS - Date.now()));
    sent.push(cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pt(fromX + (toX - fromX) * i / FLICK_STEPS), timestamp: at(i) }));
  }
  sent.push(cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: at(FLICK_STEPS) }));
  await Promise.all(sent);
}

// Waits until the gallery is at rest — not animating, same index on two polls in a row — and returns
// that index (or -1 after the timeout) and `at`, the page's time of the poll that found it so. A flick
// that did not change the slide resolves as fast as one that did, so a miss costs the swipe window no
// idle time.
async function rest(page, timeout = SETTLE_TIMEOUT_MS) {
  const t0 = Date.now();
  let last = null;
  while (Date.now() - t0 < timeout) {
    const [i, moving, at] = await page.evaluate(() => [__bench.index(), __bench.animating(), performance.now()]);
    if (!moving && i === last) return { index: i, at };
    last = moving ? null : i;
    await sleep(100);
  }
  return { index: -1, at: await page.evaluate(() => performance.now()) };
}

// Waits until the gallery rests on `index`; true if it did within the timeout.
async function settled(page, index, timeout = SETTLE_TIMEOUT_MS) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeout) {
    const [i, moving] = await page.evaluate(() => [__bench.index(), __bench.animating()]);
    if (i === index && !moving) return true;
    await sleep(100);
  }
  return false;
}

// wasm-gallery's text figures (issue 15) come from its stats, a snapshot the render worker posts every
// 500 ms while it draws and after the frame that ends a move. Read once that snapshot is final: the
// gallery not animating and framesRendered unchanged for longer than that period (no frame drawn
// since, so none of the last one's work, such as the neighbours' text drawn at rest, is missing).
// null for Swiper (no stats); `settled: false` if the gallery did not come to rest within the timeout.
const STATS_FRESH_MS = 600;
async function restingStats(page, timeout = SETTLE_TIMEOUT_MS) {
  const t0 = Date.now();
  let last = null, since = Date.now();
  for (;;) {
    const s = await page.evaluate(() => {
      const x = __bench.stats();
      return x && { animating: !!x.animating, framesRendered: x.framesRendered, textImages: x.textImages ?? null, textMs: x.textMs ?? null,
        textBytes: x.textBytes ?? null, textInMotion: x.textInMotion ?? null, renderScale: x.renderScale ?? null, index: __bench.index() };
    });
    if (!s) return null;
    if (s.animating || !last || s.framesRendered !== last.framesRendered) { last = s; since = Date.now(); }
    else if (Date.now() - since >= STATS_FRESH_MS) return { ...s, settled: true };
    if (Date.now() - t0 > timeout) return { ...s, settled: false };
    await sleep(100);
  }
}

// Time to lay out and rasterize the text of slide `slide` from scratch, on the thread the engine
// draws on (the render worker): its debug command 'textCost' drops the wasm's cached widths, break
// opportunities and text images, then lays the slide out and draws its lines (measureText, fillText,
// texture upload) and says how long that took. The page's text module (web/src/text-engine.js, in the
// worker) keeps a measureText cache of its own that the command leaves warm; "cold" runs empty it
// first (through the worker's test handle, self.__wgEngine), "warm" runs do not: TEXT_COST_RUNS of
// each, alternating, the gallery at rest between two (each is followed by a frame that draws the screen
// and the neighbours' text again). Each run also says how many lines it rasterized and how long
// fillText + upload took of it (the stats' textImages / textMs deltas); the rest of `ms` is layout and
// measuring. Only the caches above are dropped: Chromium's own font and shaping caches stay warm.
// null for Swiper.
const TEXT_COST_RUNS = 3;
async function textCost(page, slide) {
  const has = await page.evaluate(() => { const g = __bench.gallery(); return !!(g && g._gallery && g._gallery._client); });
  if (!has) return null;
  if ((await page.evaluate(() => __bench.index())) !== slide) {
    await page.evaluate((i) => __bench.gallery().goTo(i), slide);
    await settled(page, slide, 15000);
  }
  // The render worker holding the engine (none if the engine runs on the page's thread).
  let worker = null;
  for (const w of page.workers()) {
    try { if (await w.evaluate(() => !!(self.__wgEngine && self.__wgEngine.M && self.__wgEngine.M.wgText))) { worker = w; break; } } catch { /* a decode worker ending */ }
  }
  let before = await restingStats(page);
  const cold = [], warm = [];
  for (let i = 0; i < 2 * TEXT_COST_RUNS; i++) {
    const isCold = i % 2 === 0;
    if (isCold && worker) await worker.evaluate(() => self.__wgEngine.M.wgText.widths.clear());
    const r = await page.evaluate(async () => {
      const x = await __bench.gallery()._gallery._client.debug('textCost');
      return { ms: x.ms, index: __bench.index(), textImages: x.stats ? x.stats.textImages : null, textMs: x.stats ? x.stats.textMs : null,
        textBytes: x.stats ? x.stats.textBytes : null };
    });
    (isCold ? cold : warm).push({ ms: r.ms >= 0 ? r.ms : null, slide: r.index, lines: r.textImages - before.textImages,
      rasterMs: +(r.textMs - before.textMs).toFixed(1), textBytes: r.textBytes });
    before = await restingStats(page);
  }
  const sum = (runs) => ({ runs, ms: median(runs.map((r) => r.ms)), lines: median(runs.map((r) => r.lines)), rasterMs: median(runs.map((r) => r.rasterMs)),
    textBytes: median(runs.map((r) => r.textBytes)) });
  // Without the worker's handle the "cold" runs could not empty the text module's cache: say so.
  return { slide, coldMeasures: !!worker, cold: sum(cold), warm: sum(warm) };
}

async function memory(page, cdp, browserCdp, { gc }) {
  if (gc) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const stats = await page.evaluate(() => __bench.stats());
  const proc = await processMemory(browserCdp);
  return {
    jsHeap: heap.usedSize, jsHeapTotal: heap.totalSize, backingStore: heap.backingStorageSize ?? null,
    wasmMemory: stats ? stats.heapSize : null, wasmMalloc: stats ? stats.heapBytes : null,
    textureBytes: stats ? stats.textureBytes ?? null : null, process: proc.total, renderer: proc.renderer, gpu: proc.gpu,
  };
}

// Event Timing entries (from instrument.js) that began in [t0, t1]: the longest input-to-next-paint,
// how many took over 100 ms, and an INP-like figure: the slowest interaction (entries that share an
// interactionId: the pointerdown / pointerup / click… of one touch). Entries under 16 ms are not
// reported by the browser, so 0 means "all under 16 ms".
function inputSummary(events, t0, t1) {
  const e = events.filter((x) => x.start >= t0 && x.start <= t1);
  const slowest = e.reduce((a, x) => (x.duration > a.duration ? x : a), { name: null, duration: 0 });
  const interactions = new Set(e.filter((x) => x.interactionId).map((x) => x.interactionId));
  return { entries: e.length, max: slowest.duration, slowest: slowest.name, over100: e.filter((x) => x.duration > 100).length,
    interactions: interactions.size, inp: Math.max(0, ...e.filter((x) => x.interactionId).map((x) => x.duration)) };
}

// Long animation frames that began in [t0, t1]; "caused by the gallery": one of its scripts (its own
// files, as counted in transfer.widget) ran ≥ 5 ms in that frame.
function longFrameSummary(loafs, t0, t1) {
  const l = loafs.filter((x) => x.start >= t0 && x.start <= t1);
  const ours = (url) => { try { return isWidget(new URL(url).pathname); } catch { return false; } };
  const gallery = l.filter((x) => x.scripts.some(ours));
  const ms = (xs) => xs.reduce((a, x) => a + x.duration, 0);
  // Which of the gallery's scripts ran in those frames (function, invoker, ms): where to look.
  const scripts = gallery.map((x) => (x.detail || []).filter((d) => ours(d.url) && d.ms >= 5));
  return { all: process.env.WG_BENCH_LOAFS ? l : undefined, count: l.length, ms: ms(l), blockingMs: l.reduce((a, x) => a + x.blocking, 0), gallery: gallery.length, galleryMs: ms(gallery), galleryScripts: scripts };
}

// The main thread's busy time so far (CDP Performance.getMetrics TaskDuration, s → ms).
async function taskMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
}

// Opens `url` in a fresh browser under the phone profile; `visit(ctx)` does the scenario.
async function withPhone({ server, path, network, cpu = CPU_THROTTLE, firstPhotoTimeout = 90000, traced = false }, visit) {
  const browser = await chromium.launch({ executablePath: process.env.WG_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.addInitScript(instrument);
    const cdp = await context.newCDPSession(page);
    const browserCdp = await browser.newBrowserCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Runtime.enable');
    server.log.length = 0;
    const quiet = trackNetwork(cdp, server.log);
    if (network) await cdp.send('Network.emulateNetworkConditions', network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const before = await processMemory(browserCdp);
    if (traced) await browser.startTracing(page, { categories: trace.CATEGORIES });
    await page.goto(server.url + path, { waitUntil: 'commit' });
    // The first photo, and the gallery taking input (for wasm-gallery they differ since the poster).
    await page.waitForFunction(() => window.__bench && __bench.t.firstPhoto !== undefined && __bench.t.interactive !== undefined,
      null, { timeout: firstPhotoTimeout, polling: 100 });
    const result = await visit({ page, cdp, browserCdp, quiet, log: server.log, errors, before });
    if (traced) result.trace = trace.summarize(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
    return result;
  } finally {
    await browser.close();
  }
}

// The 10-slide scenario: load, swipe through every slide with touch flicks, idle, memory.
async function tenSlides(server, path) {
  return withPhone({ server, path, network: FAST_3G }, async ({ page, cdp, browserCdp, quiet, log, errors, before }) => {
    const t = await page.evaluate(() => ({ ...__bench.t, elements: __bench.elements }));
    await quiet(NETWORK_QUIET_MS, 30000);
    // The swipes are the canvas's: wasm-gallery takes input on its poster first, the canvas then takes over.
    await page.waitForFunction(() => window.benchSwiper || __bench.t.canvasPhoto !== undefined, null, { timeout: 30000, polling: 100 });
    const load = transferSummary(log);
    // wasm-gallery's text at rest after loading (the first slide's and its neighbour's); Swiper: null.
    const textLoaded = await restingStats(page);
    const box = await page.evaluate(() => {
      const r = __bench.gallery().getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, count: __bench.count() };
    });
    // Flick across the middle of the photo (3:2 → its centre is at width / 3 from the top).
    const y = box.y + box.width / 3;
    const fromX = box.x + box.width * (0.5 + FLICK_FRACTION / 2), toX = box.x + box.width * (0.5 - FLICK_FRACTION / 2);
    // Wall clock → the page's clock, to place each flick's touch-down on the page's timeline.
    const offset = await page.evaluate(() => Date.now() - performance.now());
    await cdp.send('Performance.enable');
    await page.evaluate(() => __bench.galleryFrames());  // empties the engine's frame log
    const busy0 = await taskMs(cdp);
    const t0 = await page.evaluate(() => { __bench.startFrames(); return performance.now(); });
    let flicks = 0, failed = 0;
    const moving = [];  // [touch-down, at rest] of each flick on the page's clock: the gallery's own frames
    for (let at = 0; at < box.count - 1 && flicks < box.count - 1 + MAX_EXTRA_FLICKS; ) {
      const down = Date.now() - offset;
      await flick(cdp, fromX, toX, y);
      flicks++;
      const r = await rest(page);
      moving.push([down, r.at]);
      if (r.index > at) at = r.index;
      else failed++;
    }
    const t1 = await page.evaluate(() => performance.now());
    const busyMs = (await taskMs(cdp)) - busy0;
    const frames = await page.evaluate(() => __bench.stopFrames());
    // The gallery's own frames: wasm-gallery's engine (render worker, or the page's thread); Swiper
    // moves in the page's frames.
    const own = await page.evaluate(() => __bench.galleryFrames());
    const probe = await page.evaluate(() => ({ longtasks: __bench.longtasks, events: __bench.events, loafs: __bench.loafs,
      thread: __bench.stats() ? __bench.stats().thread : 'main', endIndex: __bench.index() }));
    const lt = probe.longtasks.filter((l) => l.start >= t0 && l.start <= t1);
    // Idle: nothing moves, every photo near the current one is loaded.
    await sleep(1000);
    const idle0 = await page.evaluate(() => ({ raf: __bench.rafCalls, frames: __bench.stats() ? __bench.stats().framesRendered : null }));
    await sleep(IDLE_MS);
    const idle1 = await page.evaluate(() => ({ raf: __bench.rafCalls, frames: __bench.stats() ? __bench.stats().framesRendered : null, anims: document.getAnimations().length }));
    // wasm-gallery's text after the swipe-through, at rest (the snapshot is final: nothing has been
    // drawn since the idle window), then the cost of the first slide's text from scratch — last, as it
    // drops the text the gallery holds.
    const textSwiped = await restingStats(page);
    const mem = await memory(page, cdp, browserCdp, { gc: true });
    const transferAfterSwipe = transferSummary(log).total;  // before textCost's goTo(0) fetches slide 1 again
    const cost = textLoaded ? await textCost(page, 0) : null;
    return {
      firstPhoto: t.firstPhoto, interactive: t.interactive, firstImgLoad: t.firstImgLoad ?? null, swiperInit: t.swiperInit ?? null,
      elementTiming: (t.elements.find((e) => e.id === 'first-photo') || {}).renderTime ?? null,
      transfer: load, transferAfterSwipe, bytesBeforeFirstPhoto: quiet.bytesBefore(t.firstPhoto),
      swipe: { ...frameSummary(frames), ms: t1 - t0, flicks, failed, endIndex: probe.endIndex, count: box.count,
        longTasks: lt.length, longTaskMs: lt.reduce((a, l) => a + l.duration, 0), busyMs,
        input: inputSummary(probe.events, t0, t1), longFrames: longFrameSummary(probe.loafs, t0, t1),
        galleryFrames: { thread: own ? probe.thread : 'main', ...frameSummary(own || frames, moving) } },
      idle: { rafCalls: idle1.raf - idle0.raf, framesRendered: idle1.frames === null ? null : idle1.frames - idle0.frames, runningAnimations: idle1.anims },
      memory: { ...mem, processGrowth: mem.process - before.total },
      // Text (issue 15; wasm-gallery only): stats at rest after loading and after the swipe-through,
      // and what the swipe-through added (inMotion: frames of a move that had to rasterize text).
      text: textLoaded && textSwiped ? {
        loaded: textLoaded, swiped: textSwiped, cost,
        swipe: { images: textSwiped.textImages - textLoaded.textImages, ms: +(textSwiped.textMs - textLoaded.textMs).toFixed(1),
          inMotion: textSwiped.textInMotion - textLoaded.textInMotion },
      } : null,
      errors,
    };
  });
}

// The 100-photo scenario: a reader flicking through quickly — next() (wasm-gallery's API) or
// swiper.slideNext() every STEP_MS on the wall clock — while memory is sampled; just before each step
// it notes whether the current slide's photo is there (wasm-gallery: its pixels reached the wasm;
// Swiper: the <img> has loaded, which is generous: Chromium may still be decoding it for paint).
const STEP_MS = 700;      // a brisk but readable pace; 99 steps ≈ 70 s per gallery
const SAMPLE_EVERY = 5;   // memory sample every n slides (each sample costs a /proc walk)
async function manySlides(server, path, { cpu, network = null }) {
  return withPhone({ server, path, network, cpu, firstPhotoTimeout: 120000 }, async ({ page, cdp, browserCdp, log, errors, before }) => {
    const count = await page.evaluate(() => __bench.count());
    const peak = { process: 0, jsHeap: 0, wasmMemory: null, textureBytes: null };  // null: the gallery has none
    const sample = async (gc) => {
      const m = await memory(page, cdp, browserCdp, { gc });
      for (const k of Object.keys(peak)) if (m[k] !== null && m[k] !== undefined) peak[k] = Math.max(peak[k] || 0, m[k]);
      return m;
    };
    await sample(false);
    const t0 = await page.evaluate(() => { __bench.startFrames(); return performance.now(); });
    let shownOnTime = 0;
    const wall0 = Date.now();
    for (let i = 1; i < count; i++) {
      await page.evaluate(() => __bench.next());
      if (i % SAMPLE_EVERY === 0) await sample(false);
      await sleep(Math.max(0, wall0 + STEP_MS * i - Date.now()));
      if (await page.evaluate((k) => __bench.index() === k && __bench.photoShown(k), i)) shownOnTime++;
    }
    const wallMs = Date.now() - wall0;
    const t1 = await page.evaluate(() => performance.now());
    const frames = await page.evaluate(() => __bench.stopFrames());
    const lt = (await page.evaluate(() => __bench.longtasks)).filter((l) => l.start >= t0 && l.start <= t1);
    const endIndex = await page.evaluate(() => __bench.index());
    await sleep(1000);
    const end = await sample(true);
    return {
      count, endIndex, shownOnTime, wallMs,
      swipe: { ...frameSummary(frames), longTasks: lt.length, longTaskMs: lt.reduce((a, l) => a + l.duration, 0) },
      peak: { ...peak, processGrowth: peak.process - before.total }, end: { ...end, processGrowth: end.process - before.total },
      transfer: transferSummary(log).total, errors,
    };
  });
}

// A traced visit: load under the phone profile (CPU throttled, network not: the trace is about CPU),
// then three animated slide changes; returns the trace summary (see trace.js) and first-photo time.
async function attribution(server, path) {
  return withPhone({ server, path, network: null, traced: true }, async ({ page }) => {
    const firstPhoto = await page.evaluate(() => __bench.t.firstPhoto);
    for (let i = 1; i <= 3; i++) {
      await page.evaluate(() => __bench.next());
      await settled(page, i);
    }
    return { firstPhoto };
  });
}

module.exports = { attribution, tenSlides, manySlides, PHONE, CPU_THROTTLE, FAST_3G, CHROMIUM_ARGS, FLICK_MS, FLICK_STEPS, IDLE_MS, STEP_MS,
  // for lib/zoom.js: the same phone, probes and summaries
  withPhone, memory, inputSummary, longFrameSummary, taskMs, restingStats, sleep };
