// zoom.js — issue 16's zoom scenario, wasm-gallery only (the Swiper page does not load Swiper's zoom
// module, so there is nothing to compare: its columns print "–"). Same emulated phone as the other
// scenarios (measure.js PHONE, CPU 4×), a gallery of ten 12 MP photos (lib/photos.js's 4000 × 3000
// JPEGs, declared 4000 × 3000 in the JSON so the zoom knows each photo's 1:1); network not throttled
// (a 12 MP JPEG over "fast 3G" takes ~11 s, and a zoom fetches its photo again). Two visits, each in a
// fresh Chromium:
//   pinch()   at rest on slide 1: a two-finger pinch (spread 60 → 260 px in 400 ms, an event every
//             16 ms), settle and wait for the sharper texture, PANS one-finger pans within the photo,
//             a pinch back in (260 → 60 px). Frames, input → next paint, long animation frames, the
//             time until the sharper texture arrived, texture bytes.
//   tenZoomed() for each of the 10 slides: double tap in (settled, sharper texture there), double tap
//             out (settled), next(). Texture bytes and renderer + GPU memory before / after / peak;
//             and, as a control, the same visit paging through the ten without zooming.
// Gestures go as a finger's would (measure.js flick): each event stamped with its planned wall-clock
// time, sent on schedule without awaiting the previous one. See bench/README.md, "Zoom".
'use strict';
const fs = require('fs');
const path = require('path');
const measure = require('./measure.js');
const { ensurePhotos, DIR } = require('./photos.js');
const { frameSummary, median, percentile } = require('./stats.js');
const { processMemory } = require('./procmem.js');

const { sleep } = measure;
const SLIDES = 10;
const JSON_NAME = 'zoom-gallery.json', PAGE_NAME = 'wasm-gallery-zoom.html';
const STEP_MS = 16;                       // one touch event every 16 ms, as a 60 Hz digitizer
const PINCH_MS = 400, PINCH_FROM = 60, PINCH_TO = 260;  // finger spread (CSS px)
// One-finger pans of the zoomed photo [dx, dy] (CSS px, 192 ms each): there and back, so the photo
// never nears an edge (zoomed 4.3×, it reaches ~600 px past the box on each side, ~450 above/below).
const PANS = [[-120, 0], [120, 0], [0, -80], [0, 80]];
const PAN_STEPS = 12;
const PAUSE_MS = 300;                     // between two gestures, as a reader pauses
const POLL_MS = 50;
const TEXTURE_TIMEOUT_MS = 30000;         // a sharper texture not there by then counts as missing
const SETTLE_TIMEOUT_MS = 10000;

// The gallery JSON and page (in build/bench-photos/, served at /bench-photos/): ten of lib/photos.js's
// 12 MP JPEGs, each its own URL (decoded separately, like ten different photos).
function ensurePage(log) {
  const photos = ensurePhotos(log);
  const name = (i) => String(i + 1).padStart(3, '0') + '.jpg';
  const gallery = {
    title: `Benchmark: zooming into ${SLIDES} photos of ${photos.width * photos.height / 1e6} MP`,
    slides: Array.from({ length: SLIDES }, (_, i) => ({
      image: name(i), alt: `Generated pattern, photo ${i + 1}`,
      caption: `Photo ${i + 1} of ${SLIDES}: a generated ${photos.width} × ${photos.height} JPEG to zoom into.`,
      credit: 'Generated with ImageMagick', text: 'Double tap or pinch to see the detail.',
      width: photos.width, height: photos.height,
    })),
  };
  fs.writeFileSync(path.join(DIR, JSON_NAME), JSON.stringify(gallery, null, 1));
  const html = fs.readFileSync(path.join(__dirname, '../pages/wasm-gallery.html'), 'utf8');
  if (!html.includes('src="/gallery.json"')) throw new Error('bench/pages/wasm-gallery.html: src="/gallery.json" not found');
  fs.writeFileSync(path.join(DIR, PAGE_NAME), html.replace('src="/gallery.json"', `src="/bench-photos/${JSON_NAME}"`)
    .replace('<title>Benchmark article — wasm-gallery</title>', '<title>Benchmark article — wasm-gallery, zoom</title>'));
  return { path: '/bench-photos/' + PAGE_NAME, slides: SLIDES, width: photos.width, height: photos.height, photoBytes: photos.photoBytes };
}

// ---- in the page ------------------------------------------------------------------------------------
// The engine's stats asked of its thread now (element.stats is a snapshot up to 0.5 s old while it
// draws), with the page's view: the settled zoom (%), whether the element predicts motion.
function now(page) {
  return page.evaluate(async () => {
    const g = __bench.gallery();
    const s = (await g._gallery._client.debug('stats')).stats;
    return { textureBytes: s.textureBytes, texturesResident: s.texturesResident, zoom: s.zoom, framesRendered: s.framesRendered,
      renderScale: s.renderScale, reducedMotions: s.reducedMotions, heapSize: s.heapSize, zoomDetail: s.zoomDetail,
      animating: !!(s.animating || g.stats.animating), zoomPct: g._gallery._zoom || 100, index: g.index,
      pageScale: visualViewport.scale, scrollY, t: performance.now() };
  });
}

// Records in the page, on the page's clock, what the engine asks for and gets: each 'want' (the photos
// to have ready and at what pixel size: a zoom that rests asks for the current one larger, a return to
// the whole photo for it at the usual size) and each 'uploaded' (a decoded photo is in its GL texture).
// The gallery's event handler is looked up on the instance at each call, so wrapping it there sees
// every event first. stats.textureBytes alone cannot tell a sharper texture from a neighbour's
// arriving, nor see one large texture replaced by another.
function installLog(page) {
  return page.evaluate(() => {
    const g = __bench.gallery()._gallery;
    const log = window.__zoomLog = [];
    const orig = g._onEvent;
    g._onEvent = function (type, d) {
      if (type === 'want') log.push({ type, t: performance.now(), d: d.map((w) => ({ slide: w.slide, width: w.width, height: w.height })) });
      else if (type === 'uploaded') log.push({ type, t: performance.now(), d: { slide: d.slide, ok: d.ok } });
      return orig.call(this, type, d);
    };
    // The first 'want' after `since` asking for `slide` larger than 1.25 × `usual` px wide (big) or at
    // most that (!big), and the 'uploaded' of that slide after it: { want: {at, width, height}, at }.
    window.__zoomFind = (slide, since, big, usual) => {
      let want = null;
      for (const e of log) {
        if (e.t < since) continue;
        if (e.type === 'want') {
          if (want) continue;
          const w = e.d.find((x) => x.slide === slide);
          if (w && (big ? w.width > usual * 1.25 : w.width <= usual * 1.25)) want = { at: e.t, width: w.width, height: w.height };
        } else if (want && e.d.slide === slide) return { want, at: e.t, ok: e.d.ok };
      }
      return want ? { want, at: null } : null;
    };
    return Math.ceil(__bench.gallery().getBoundingClientRect().width * devicePixelRatio);  // the usual width
  });
}

// Waits until slide's photo asked for after `since` (page clock) at a size larger than the usual
// (big) or at the usual size again (!big) is uploaded; the find (page-clock times), or the last find
// ({ want, at: null } or null) after the timeout.
async function upload(page, slide, since, big, usual, timeout = TEXTURE_TIMEOUT_MS) {
  const t0 = Date.now();
  for (;;) {
    const f = await page.evaluate(([a, b, c, d]) => window.__zoomFind(a, b, c, d), [slide, since, big, usual]);
    if ((f && f.at !== null) || Date.now() - t0 > timeout) return f;
    await sleep(POLL_MS);
  }
}

// Polls now() every POLL_MS until ok(s) holds; returns that s with `wall` (Date.now() when seen), or
// null after the timeout. onSample(s) sees every sample (peaks).
async function until(page, ok, timeout, onSample) {
  const t0 = Date.now();
  for (;;) {
    const s = await now(page);
    s.wall = Date.now();
    if (onSample) onSample(s);
    if (ok(s)) return s;
    if (Date.now() - t0 > timeout) return null;
    await sleep(POLL_MS);
  }
}

// At rest: not animating on two polls in a row with the same frame count (a fling or rubber band over).
async function rest(page, timeout = SETTLE_TIMEOUT_MS, onSample) {
  let last = null;
  return until(page, (s) => {
    const ok = !s.animating && last && !last.animating && s.framesRendered === last.framesRendered;
    last = s;
    return ok;
  }, timeout, onSample);
}

// The photo's centre in the viewport (its band is the element's width / aspect from its top).
function photoCentre(page, aspect) {
  return page.evaluate((a) => {
    const r = __bench.gallery().getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.width / a / 2, w: r.width, h: r.width / a };
  }, aspect);
}

// ---- gestures -----------------------------------------------------------------------------------------
// Fingers along paths (paths[k][i] = [x, y] of finger k at step i): touchStart with every finger, a
// touchMove per step STEP_MS apart, touchEnd one step after the last; each stamped with its planned
// time, none awaited before the next is due. Returns the wall-clock times of the first and last events.
async function touch(cdp, paths, stepMs = STEP_MS) {
  const pts = (i) => paths.map((p, k) => ({ x: p[i][0], y: p[i][1], id: k + 1, radiusX: 8, radiusY: 8, force: 1 }));
  const n = paths[0].length;
  const events = paths[0].map((_, i) => ({ type: i ? 'touchMove' : 'touchStart', touchPoints: pts(i) }));
  events.push({ type: 'touchEnd', touchPoints: [] });
  const t0 = Date.now();
  const sent = [];
  for (let i = 0; i < events.length; i++) {
    const at = t0 + i * stepMs;
    await sleep(Math.max(0, at - Date.now()));
    sent.push(cdp.send('Input.dispatchTouchEvent', { ...events[i], timestamp: at / 1000 }));
  }
  await Promise.all(sent);
  return { down: t0, up: t0 + n * stepMs };
}

// Two fingers on a horizontal line through (cx, cy), their spread going from `from` to `to` px.
function pinchPaths(cx, cy, from, to) {
  const steps = Math.round(PINCH_MS / STEP_MS);
  const spread = (i) => from + (to - from) * i / steps;
  return [-1, 1].map((dir) => Array.from({ length: steps + 1 }, (_, i) => [cx + dir * spread(i) / 2, cy]));
}

// A one-finger pan by (dx, dy) centred on (cx, cy).
function panPath(cx, cy, dx, dy) {
  return [Array.from({ length: PAN_STEPS + 1 }, (_, i) => [cx - dx / 2 + dx * i / PAN_STEPS, cy - dy / 2 + dy * i / PAN_STEPS])];
}

// A double tap at (x, y): two 50 ms touches, the second 120 ms after the first lifted.
async function doubleTap(cdp, x, y) {
  const p = [{ x, y, id: 1, radiusX: 8, radiusY: 8, force: 1 }];
  const plan = [[0, 'touchStart', p], [50, 'touchEnd', []], [170, 'touchStart', p], [220, 'touchEnd', []]];
  const t0 = Date.now();
  const sent = [];
  for (const [dt, type, touchPoints] of plan) {
    await sleep(Math.max(0, t0 + dt - Date.now()));
    sent.push(cdp.send('Input.dispatchTouchEvent', { type, touchPoints, timestamp: (t0 + dt) / 1000 }));
  }
  await Promise.all(sent);
  return { down: t0, up: t0 + 220 };
}

// Loaded and at rest on slide 1: the network quiet, the photo and its neighbours' resident (the
// gallery loads them once idle: the count and bytes unchanged for STABLE_MS), nothing drawn for a
// while. Returns the engine's stats then.
const STABLE_MS = 3000;
async function atRest(page, quiet) {
  await quiet(1000, 60000);
  await until(page, (s) => s.texturesResident >= 2, 60000);
  let last = null, since = Date.now();
  await until(page, (s) => {
    const key = `${s.texturesResident}/${s.textureBytes}`;
    if (key !== last) { last = key; since = Date.now(); }
    return Date.now() - since >= STABLE_MS;
  }, 60000);
  await quiet(1000, 30000);
  await measure.restingStats(page, 15000);
  return rest(page);
}

// Photo bytes the server sent since `from` (an index into its log).
const photoBytes = (log, from) => log.slice(from).filter((e) => /^image\//.test(e.type)).reduce((a, e) => a + e.bytes, 0);

// ---- 1. pinch and pan a 12 MP photo ----------------------------------------------------------------------
async function pinch(server, page0) {
  return measure.withPhone({ server, path: page0.path, network: null, firstPhotoTimeout: 120000 }, async ({ page, cdp, quiet, log, errors }) => {
    const usual = await installLog(page);
    const start = await atRest(page, quiet);
    const c = await photoCentre(page, page0.width / page0.height);
    const offset = await page.evaluate(() => Date.now() - performance.now());  // wall clock → the page's
    const pageT = (wall) => wall - offset;
    await cdp.send('Performance.enable');
    await page.evaluate(() => __bench.gallery()._gallery._client.debug('frameTimes'));  // empties the engine's frame log
    const logFrom = log.length;
    const busy0 = await measure.taskMs(cdp);
    const t0 = await page.evaluate(() => { __bench.startFrames(); return performance.now(); });
    const spans = { pinchIn: [], pans: [], pinchOut: [] };
    const odd = [];

    // Pinch in, then wait for the zoom to settle and the sharper texture to arrive.
    const g1 = await touch(cdp, pinchPaths(c.x, c.y, PINCH_FROM, PINCH_TO));
    const settledIn = await until(page, (s) => s.zoomPct > 100 && !s.animating, SETTLE_TIMEOUT_MS);
    spans.pinchIn.push([pageT(g1.down), settledIn ? settledIn.t : pageT(Date.now())]);
    if (!settledIn) odd.push('the pinch did not settle zoomed in');
    const sharp = await upload(page, 0, pageT(g1.down), true, usual);
    if (!sharp || sharp.at === null) odd.push(`no sharper texture after the pinch (${sharp ? 'asked for, not uploaded' : 'never asked for'})`);
    else if (!sharp.ok) odd.push('the sharper texture failed to upload');
    // Past what a whole-photo texture holds: the visible part decoded again at the screen's pixels.
    const detailIn = await until(page, (s) => !!s.zoomDetail && s.zoomDetail[0] > 0, TEXTURE_TIMEOUT_MS);
    if (!detailIn) odd.push('no detail (the visible part at the screen\'s pixels) after the pinch');
    const zoomedStats = await rest(page);
    if (zoomedStats && zoomedStats.textureBytes <= start.textureBytes) odd.push('textureBytes did not grow while zoomed');
    const fetchedForZoom = photoBytes(log, logFrom);

    // One-finger pans within the photo; none should reach an edge, none should turn the slide.
    let turned = 0;
    for (const [dx, dy] of PANS) {
      await sleep(PAUSE_MS);
      const g = await touch(cdp, panPath(c.x, c.y, dx, dy));
      const r = await rest(page);
      spans.pans.push([pageT(g.down), r ? r.t : pageT(Date.now())]);
      if (!r || r.index !== 0) { turned++; odd.push(`a pan (${dx}, ${dy}) turned the slide`); }
      else if (r.zoomPct <= 100) odd.push(`a pan (${dx}, ${dy}) left the zoom`);
    }
    const panned = await now(page);

    // Pinch back in to the whole photo.
    await sleep(PAUSE_MS);
    const g2 = await touch(cdp, pinchPaths(c.x, c.y, PINCH_TO, PINCH_FROM));
    const settledOut = await until(page, (s) => s.zoomPct === 100 && !s.animating, SETTLE_TIMEOUT_MS);
    spans.pinchOut.push([pageT(g2.down), settledOut ? settledOut.t : pageT(Date.now())]);
    if (!settledOut) odd.push('the pinch back in did not return to the whole photo');
    const t1 = await page.evaluate(() => performance.now());
    const busyMs = (await measure.taskMs(cdp)) - busy0;
    const pageFrames = await page.evaluate(() => __bench.stopFrames());
    // The large texture freed: the photo at the usual size again.
    const back = await upload(page, 0, pageT(g2.down), false, usual);
    if (!back || back.at === null) odd.push('the large texture was not replaced after the pinch back in');
    const after = (await rest(page)) || (await now(page));

    const { frameTimes, frameWork } = await page.evaluate(() => __bench.gallery()._gallery._client.debug('frameTimes'));
    const probe = await page.evaluate(() => ({ events: __bench.events, loafs: __bench.loafs }));
    const all = [...spans.pinchIn, ...spans.pans, ...spans.pinchOut];
    const inSpans = (ss) => frameWork.filter((_, i) => ss.some(([a, b]) => frameTimes[i] >= a && frameTimes[i] <= b));
    const work = inSpans(all);
    return {
      firstPhoto: null,
      photo: { width: page0.width, height: page0.height, bytes: page0.photoBytes },
      frames: {
        all: frameSummary(frameTimes, all), pinchIn: frameSummary(frameTimes, spans.pinchIn),
        pans: frameSummary(frameTimes, spans.pans), pinchOut: frameSummary(frameTimes, spans.pinchOut),
        workP50: percentile(work, 50), workP95: percentile(work, 95), spans,
      },
      pageFrames: frameSummary(pageFrames),
      input: measure.inputSummary(probe.events, t0, t1),
      longFrames: measure.longFrameSummary(probe.loafs, t0, t1),
      busyMs, windowMs: t1 - t0,
      zoom: settledIn ? settledIn.zoom : null, usualWidth: usual,
      // From the pinch's last event (its touchEnd's stamp): the page saw the zoom at rest; the engine
      // asked for the sharper photo (the zoom rested in the engine); that photo was in its texture.
      pinchEndToSettledMs: settledIn ? settledIn.t - pageT(g1.up) : null,
      pinchEndToWantMs: sharp ? sharp.want.at - pageT(g1.up) : null,
      pinchEndToSharpMs: sharp && sharp.at !== null ? sharp.at - pageT(g1.up) : null,
      sharpSize: sharp ? [sharp.want.width, sharp.want.height] : null,
      pinchEndToDetailMs: detailIn ? detailIn.t - pageT(g1.up) : null,
      detailPerPhotoWidth: detailIn ? detailIn.zoomDetail[0] / detailIn.zoomDetail[2] : null,
      detailSize: detailIn ? detailIn.zoomDetail.slice(0, 2) : null,
      textureBytes: { before: start.textureBytes, zoomed: zoomedStats ? zoomedStats.textureBytes : null,
        afterPans: panned.textureBytes, afterPinchOut: settledOut ? settledOut.textureBytes : null, freed: after.textureBytes,
        freedMs: back && back.at !== null ? back.at - pageT(g2.up) : null },
      texturesResident: { before: start.texturesResident, zoomed: zoomedStats ? zoomedStats.texturesResident : null, end: after.texturesResident },
      renderScale: { reducedMotions: after.reducedMotions - start.reducedMotions },
      photoBytesFetchedForZoom: fetchedForZoom, photoBytesFetched: photoBytes(log, logFrom),
      pansThatTurnedTheSlide: turned, endIndex: after.index, endZoom: after.zoomPct,
      pageScale: after.pageScale, pageScrolled: after.scrollY !== start.scrollY,
      odd, errors,
    };
  });
}

// ---- 2. zoom in and out of 10 photos: memory ---------------------------------------------------------------
// With zoomIn false, the control: the same slides, waits and next() without any zoom, so that what
// paging through ten 12 MP photos costs anyway can be told from what the zoom adds.
// Memory is read after the loop (1 s after rest, after GC) and again once the decode workers, idle for
// 30 s, have ended (web/src/decode-pool.js): their wasm memory, sized by the largest decode, is
// renderer memory until then.
const DECODE_IDLE_MS = 30000;
async function tenZoomed(server, page0, { zoomIn = true } = {}) {
  return measure.withPhone({ server, path: page0.path, network: null, firstPhotoTimeout: 120000 }, async ({ page, cdp, browserCdp, quiet, errors }) => {
    const usual = await installLog(page);
    const start = await atRest(page, quiet);
    const count = await page.evaluate(() => __bench.count());
    const offset = await page.evaluate(() => Date.now() - performance.now());
    const pageT = (wall) => wall - offset;
    const before = await measure.memory(page, cdp, browserCdp, { gc: true });
    before.textureBytes = (await now(page)).textureBytes;
    const peak = { textureBytes: before.textureBytes, process: before.process, renderer: before.renderer, gpu: before.gpu };
    const track = (s) => { peak.textureBytes = Math.max(peak.textureBytes, s.textureBytes); };
    const sharpMs = [], odd = [], perSlide = [];
    let missing = 0;
    const wall0 = Date.now();
    for (let i = 0; i < count; i++) {
      // The photo there, then double tap in at its centre.
      const shown = await until(page, (s) => s.index === i && !s.animating, SETTLE_TIMEOUT_MS, track);
      if (!shown) odd.push(`slide ${i + 1}: not at rest on it`);
      for (let k = 0; k < 300 && !(await page.evaluate((j) => __bench.photoShown(j), i)); k++) await sleep(100);
      const c = await photoCentre(page, page0.width / page0.height);
      const b0 = (await rest(page, SETTLE_TIMEOUT_MS, track)) || (await now(page));
      if (!zoomIn) {
        perSlide.push({ slide: i + 1, before: b0.textureBytes, residentBefore: b0.texturesResident });
        if (i < count - 1) {
          await sleep(PAUSE_MS);
          await page.evaluate(() => __bench.gallery().next());
          if (!(await until(page, (s) => s.index === i + 1 && !s.animating, SETTLE_TIMEOUT_MS, track))) odd.push(`slide ${i + 1}: next() did not settle`);
        }
        continue;
      }
      const tapIn = await doubleTap(cdp, c.x, c.y);
      const zin = await until(page, (s) => s.zoomPct > 100 && !s.animating, SETTLE_TIMEOUT_MS, track);
      if (!zin) odd.push(`slide ${i + 1}: the double tap did not zoom in`);
      const sharp = await upload(page, i, pageT(tapIn.down), true, usual);
      const ok = sharp && sharp.at !== null && sharp.ok;
      if (ok) sharpMs.push(sharp.at - pageT(tapIn.up)); else { missing++; odd.push(`slide ${i + 1}: no sharper texture`); }
      const zoomedNow = (await rest(page, SETTLE_TIMEOUT_MS, track)) || (await now(page));
      const zoomedMem = await processMemory(browserCdp);
      for (const k of ['process', 'renderer', 'gpu']) peak[k] = Math.max(peak[k], zoomedMem[k === 'process' ? 'total' : k]);
      await sleep(PAUSE_MS);
      // Double tap out.
      await doubleTap(cdp, c.x, c.y);
      const zout = await until(page, (s) => s.zoomPct === 100 && !s.animating, SETTLE_TIMEOUT_MS, track);
      if (!zout) odd.push(`slide ${i + 1}: the double tap did not zoom back out`);
      perSlide.push({ slide: i + 1, before: b0.textureBytes, residentBefore: b0.texturesResident, zoom: zin ? zin.zoom : null,
        zoomed: zoomedNow.textureBytes, size: sharp ? [sharp.want.width, sharp.want.height] : null,
        sharpMs: ok ? sharp.at - pageT(tapIn.up) : null, out: zout ? zout.textureBytes : null, process: zoomedMem.total });
      if (i < count - 1) {
        await sleep(PAUSE_MS);
        await page.evaluate(() => __bench.gallery().next());
        if (!(await until(page, (s) => s.index === i + 1 && !s.animating, SETTLE_TIMEOUT_MS, track))) odd.push(`slide ${i + 1}: next() did not settle`);
      }
    }
    const loopMs = Date.now() - wall0;
    await rest(page, SETTLE_TIMEOUT_MS, track);
    await measure.restingStats(page, 15000);
    await sleep(1000);
    const end = await measure.memory(page, cdp, browserCdp, { gc: true });
    const endNow = await now(page);
    track(endNow);
    end.textureBytes = endNow.textureBytes;
    await sleep(DECODE_IDLE_MS + 3000);
    const idle = await measure.memory(page, cdp, browserCdp, { gc: true });
    idle.textureBytes = (await now(page)).textureBytes;
    return {
      zoomIn, firstPhoto: null, count, loopMs, before, end, idle, peak, perSlide,
      texturesResident: { before: start.texturesResident, end: endNow.texturesResident },
      sharpMs: { median: median(sharpMs), max: sharpMs.length ? Math.max(...sharpMs) : null, all: sharpMs }, notSharper: missing,
      // Held on arriving at a slide, before zooming it: more than the usual set when the slide left
      // just after zooming out still holds its large texture (only the current slide's is replaced).
      arrivingMax: Math.max(...perSlide.slice(1).map((x) => x.before)), usualWidth: usual,
      workersAtIdle: page.workers().length,  // the render worker, and decode workers still alive
      endIndex: endNow.index, odd, errors,
    };
  });
}

// One "visit" of the scenario: the pinch visit and the ten-photo visit, each in its own Chromium.
// A failure of one leaves the other's figures (the error is kept in its place).
async function visit(server, page0, log) {
  const out = {};
  for (const [k, fn] of [['pinch', pinch], ['ten', tenZoomed], ['plain', (s, p) => tenZoomed(s, p, { zoomIn: false })]]) {
    try {
      out[k] = await fn(server, page0);
      if (out[k].odd.length) log(`    zoom ${k}: ${out[k].odd.join('; ')}`);
    } catch (e) {
      out[k] = { error: e.message.split('\n')[0] };
      log(`    zoom ${k}: FAILED (${out[k].error})`);
    }
  }
  if (out.pinch.error && out.ten.error && out.plain.error) throw new Error(`${out.pinch.error}; ${out.ten.error}; ${out.plain.error}`);
  return out;
}

module.exports = { ensurePage, visit, pinch, tenZoomed, SLIDES, PINCH_MS, PINCH_FROM, PINCH_TO, PANS, STEP_MS };
