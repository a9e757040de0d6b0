// harness.js — what every browser test needs: the static server, Debian's Chromium driven by
// playwright-core (never a downloaded browser), device presets, screenshots under test-output/,
// and small helpers to read the gallery's state and look at pixels.
'use strict';
const path = require('path');
const fs = require('fs');
const { PNG } = require('pngjs');
const { chromium } = require('playwright-core');
const { listen } = require('../../scripts/serve.js');

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'test-output');
fs.mkdirSync(OUT, { recursive: true });

const CHROMIUM_ARGS = ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  '--disable-dev-shm-usage'];

const DEVICES = {
  phone: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  tablet: { viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
};

const THREAD = process.env.WG_THREAD === 'main' ? 'main' : 'worker';

let shared = null;
async function setup() {
  if (shared) return shared;
  const srv = await listen(0);
  const browser = await chromium.launch({ executablePath: process.env.WG_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  shared = { browser, server: srv.server, url: srv.url };
  return shared;
}
async function teardown() {
  if (!shared) return;
  await shared.browser.close();
  shared.server.close();
  shared = null;
}

// A new page with console errors collected; device: a DEVICES key or context options.
async function openPage(device = 'desktop', extra = {}) {
  const { browser } = await setup();
  const ctx = await browser.newContext({ ...(typeof device === 'string' ? DEVICES[device] : device), ...extra });
  // The test switch: WG_THREAD=main runs every gallery's engine on the page's thread (the fallback for
  // browsers that cannot draw WebGL2 in a worker), WG_THREAD=worker (the default) in render workers.
  if (THREAD !== 'worker') await ctx.addInitScript((t) => { self.__wgThread = t; }, THREAD);
  const page = await ctx.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  return page;
}

// Records every ready/error/slidechange of the page's galleries in window.__wg.events.
async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__wg = { events: [] };
    for (const type of ['ready', 'error', 'slidechange']) {
      document.addEventListener(type, (e) => {
        const t = e.composedPath()[0];
        window.__wg.events.push({ type, id: t && t.id, detail: e.detail, time: performance.now() });
      }, true);
    }
  });
}

// Navigates and resolves with the first `ready` or `error` of the page's galleries.
async function gotoGallery(page, urlPath, selector = 'wasm-gallery', timeout = 30000) {
  await recordEvents(page);
  await page.goto(shared.url + urlPath);
  await page.waitForFunction(() => window.__wg.events.some((e) => (e.type === 'ready' || e.type === 'error')), null, { timeout });
  return page.evaluate(() => window.__wg.events.slice());
}

// Navigates to a page whose galleries the test mounts itself: the same recorder, without waiting
// for a gallery that is not there yet.
async function gotoEmpty(page, urlPath) {
  await recordEvents(page);
  await page.goto(shared.url + urlPath);
  await page.waitForFunction(() => window.WasmGallery && window.WasmGallery.mount);
}

// Waits until fn(arg), run and awaited in the page (or a frame), is truthy, trying again every
// `polling` ms. page.waitForFunction does not await a promise its predicate returns (a promise is
// truthy: the wait passes at once), so a predicate that asks the engine (a debug round trip) or
// watches frames goes through this. Throws a TimeoutError (`what` says what never came).
async function until(page, fn, arg, { timeout = 10000, polling = 50, what = 'the condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > deadline) {
      const e = new Error(`Timeout ${timeout}ms exceeded waiting for ${what}`);
      e.name = 'TimeoutError';
      throw e;
    }
    if (polling > 0) await page.evaluate((ms) => new Promise((r) => setTimeout(r, ms)), polling);
  }
}

// Waits until every gallery on the page (or the one at `sel`) is still: none animating, and none drew
// a frame across three of the page's animation frames (a photo's cross-fade is over, the last frame is
// on screen). Frames are counted by each engine on its own thread (debug 'stats'): `stats` is a
// snapshot the engine posts at most every 500 ms while it draws, so a short fade could pass unseen.
// Use it before a screenshot instead of a fixed sleep.
async function still(page, timeout = 20000, sel = null) {
  await until(page, (s) => new Promise((resolve) => {
    const gs = [...document.querySelectorAll(s || 'wasm-gallery, [data-wasm-gallery]')].filter((g) => g.stats);
    const ask = (g) => {
      const c = g._gallery && g._gallery._client;
      if (!c || !c.started) return g.stats.framesRendered;
      // A context lost, or an engine gone, may not answer: then its last snapshot.
      return Promise.race([c.debug('stats').then((r) => r.stats.framesRendered),
        new Promise((r) => setTimeout(() => r(g.stats.framesRendered), 1000))]);
    };
    const frames = () => Promise.all(gs.map(ask)).then((l) => l.join());
    frames().then((f0) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() =>
      frames().then((f1) => resolve(f1 === f0 && gs.every((g) => !g.stats.animating)))))));
  }), sel, { timeout, polling: 0, what: `${sel || 'every gallery'} to be still` });
}

// The frames the gallery at `sel` has drawn, counted by its engine on its own thread.
function engineFrames(page, sel = 'wasm-gallery') {
  return page.$eval(sel, async (g) => (await g._gallery._client.debug('stats')).stats.framesRendered);
}

// Waits until the gallery at `sel` has drawn more than `from` frames (engineFrames): what a change
// that redraws the canvas (focus ring, size, theme) waits for before `still`.
async function drawnSince(page, sel, from, timeout = 10000) {
  await until(page, async ([s, f]) => (await document.querySelector(s)._gallery._client.debug('stats')).stats.framesRendered > f,
    [sel, from], { timeout, what: `a frame of ${sel} after its ${from}th` });
}

// Waits until no CSS transition or animation runs on the gallery at `sel` or in its shadow tree (its
// height growing to More's text, a control fading in): its boxes are where they end up.
async function transitionsDone(page, sel = 'wasm-gallery', timeout = 10000) {
  await page.waitForFunction((s) => {
    const g = document.querySelector(s);
    const running = (l) => l.filter((a) => a.playState === 'running' || a.playState === 'pending');
    return running(g.getAnimations()).length === 0 && (!g.shadowRoot || running(g.shadowRoot.getAnimations()).length === 0);
  }, sel, { timeout, polling: 50 });
}

// A real photo has thousands of colours; a blank, flat or placeholder canvas has a handful.
const PHOTO_COLOURS = 500;

// The photo band of the gallery at `sel` (its top, above the text panel) as pixel statistics; the
// screenshot is saved as test-output/<name>.png when a name is given.
async function photoStats(page, sel, name) {
  const handle = await page.$(sel);
  const buf = await handle.screenshot(name ? { path: path.join(OUT, name + '.png') } : {});
  const png = PNG.sync.read(buf);
  const box = await handle.boundingBox();
  const photoH = Math.round(png.height * Math.min(0.6, (box.width / 1.5) / box.height));
  return pixelStats(png, { x: 0, y: 0, w: png.width, h: photoH });
}

// Waits until the gallery at `sel` rests with a photo texture and its canvas shows the current slide's
// photo, faded in (the gallery still): looks at the pixels until a photo is there (more than `colours`
// colours); throws if none appears within `timeout`. Returns the photo band's pixel statistics. `page`
// may be a Frame (the playground's preview).
async function photoDrawn(page, sel = 'wasm-gallery', { name = null, what = 'a photo is drawn', timeout = 20000, colours = PHOTO_COLOURS } = {}) {
  await page.waitForFunction((s) => {
    const st = document.querySelector(s).stats;
    return st.texturesResident > 0 && !st.animating;
  }, sel, { timeout, polling: 50 });
  const t0 = Date.now();
  for (;;) {
    await still(page, timeout, sel);
    const photo = await photoStats(page, sel, name);
    if (photo.colours > colours) return photo;
    if (Date.now() - t0 > timeout) throw new Error(`${what}: no photo drawn (${photo.colours} colours)`);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
}

// Sums the page's layout shifts not caused by input (its CLS) into window.__cls from before any of its
// scripts run; read it with layoutShift(page).
async function recordLayoutShifts(page) {
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
  });
}
const layoutShift = (page) => page.evaluate(() => window.__cls);

// The test server's URL of a path (after openPage has started it).
function url(urlPath) { return shared.url + urlPath; }

async function events(page, type) {
  return page.evaluate((t) => window.__wg.events.filter((e) => !t || e.type === t), type);
}

async function shot(page, name, target) {
  const file = path.join(OUT, name + '.png');
  const buf = target ? await target.screenshot({ path: file }) : await page.screenshot({ path: file });
  return { file, png: PNG.sync.read(buf) };
}

// Pixel statistics of a PNG region: how many distinct colours, and luminance spread.
function pixelStats(png, rect) {
  const { width, height, data } = png;
  const r = rect || { x: 0, y: 0, w: width, h: height };
  const colours = new Set();
  let min = 255, max = 0;
  for (let y = r.y; y < Math.min(height, r.y + r.h); y += 2) {
    for (let x = r.x; x < Math.min(width, r.x + r.w); x += 2) {
      const i = (y * width + x) * 4;
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      const l = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
      if (l < min) min = l;
      if (l > max) max = l;
    }
  }
  return { colours: colours.size, lumaRange: max - min };
}

// ---- input as a person's hardware sends it ------------------------------------------------------
// A finger, a mouse or a trackpad produces events on its own clock: each event carries the time it
// happened (CDP Input.dispatch*Event takes it as `timestamp`, seconds since the epoch, and Chromium
// keeps it as the DOM event's timeStamp), and the next one comes when the hand moves on, whether or
// not the page has handled the last. So a gesture here is a timeline planned in advance: events are
// sent on schedule, stamped with their planned times, and never wait for a reply. Two ways this
// machine could otherwise distort them:
//  - awaiting each cdp.send: Chromium replies to Input.dispatchTouch/MouseEvent only once the renderer
//    acked the event (after the main thread handled it, for a blocking one), so under load the
//    "finger" would be paced by the page's frame time, ~100 ms a step: a flick becomes a slow drag;
//  - no timestamp: the browser stamps an event when it gets there, so a late sender (this process
//    under load) would stretch the gesture the same way.
// A sender that is late anyway still stamps each event with its planned time (never a time ahead of
// now), as an OS delivers input that queued up behind a busy CPU. When the page has handled a whole
// gesture is learnt in the page, not from the replies (Chromium acks non-blocking touch moves, and
// coalesced wheel events, before the main thread sees them): see handled().

// Mean absolute difference per channel between two same-size PNG regions (every
// other pixel): how far a hand-over's pixels moved.
function meanDiff(a, b, r) {
  let sum = 0, n = 0;
  for (let y = r.y; y < r.y + r.h; y += 2) {
    for (let x = r.x; x < r.x + r.w; x += 2) {
      const i = (y * a.width + x) * 4;
      for (let c = 0; c < 3; c++) sum += Math.abs(a.data[i + c] - b.data[i + c]);
      n += 3;
    }
  }
  return sum / n;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Points from `from` to `to` in `steps` equal steps (steps + 1 points, both ends included).
function line(from, to, steps) {
  const out = [];
  for (let i = 0; i <= steps; i++) out.push([from[0] + (to[0] - from[0]) * i / steps, from[1] + (to[1] - from[1]) * i / steps]);
  return out;
}

// Records, in the page, the latest input it has dispatched (event.timeStamp, which for CDP input is
// the stamp we sent) and each scroll's end: passive listeners on window, so nothing changes for the page.
// Only events that carry a sent stamp count: not pointercancel/touchcancel, which the browser makes up
// when it takes a gesture over (a scroll, a pinch) and stamps with the time it does so.
function installInputRecorder() {
  if (window.__wgInput) return;
  const rec = window.__wgInput = { last: -Infinity, scrollEnds: 0 };
  const types = ['pointerdown', 'pointermove', 'pointerup', 'mousedown', 'mousemove', 'mouseup',
    'touchstart', 'touchmove', 'touchend', 'wheel'];
  for (const t of types) {
    window.addEventListener(t, (e) => { if (e.timeStamp > rec.last) rec.last = e.timeStamp; }, { capture: true, passive: true });
  }
  window.addEventListener('scrollend', () => { rec.scrollEnds++; }, { capture: true, passive: true });
}

class Input {
  constructor(page, cdp, timeOrigin) {
    this.page = page;
    this.cdp = cdp;
    this.timeOrigin = timeOrigin; // the page's performance.timeOrigin: epoch ms ↔ event.timeStamp
    this.lastAt = -Infinity;      // epoch ms of the last event sent
    this.slack = 4;               // ms: how early a page event may be stamped and still count as the last
  }

  // Sends `events` ({ at: ms from the gesture's start, method, params }) on schedule, each stamped
  // with its planned time, without waiting for replies; then waits until the page has handled the
  // last of them. `after`: the gesture starts at least this long (event time) after the previous one
  // ended, as a person pauses between two swipes; the wait, if any, is for that planned moment, never
  // for the page.
  async play(events, { after = 0, timeout = 20000 } = {}) {
    const start = Math.max(Date.now(), this.lastAt + after);
    const replies = [];
    let late = 0;
    for (const e of events) {
      const at = start + e.at;
      const wait = at - Date.now();
      if (wait > 0) await sleep(wait);
      else late = Math.max(late, -wait);
      replies.push(this.cdp.send(e.method, { ...e.params, timestamp: at / 1000 }));
    }
    const n = events.length;
    this.lastAt = start + events[n - 1].at;
    // Half the gap to the event before the last tells the last one apart (the clocks agree to ~0.1 ms).
    this.slack = n > 1 ? Math.min(4, (events[n - 1].at - events[n - 2].at) / 2) : 4;
    await Promise.all(replies);
    await this.handled(timeout);
    return { start, end: this.lastAt, lateMs: late };
  }

  // Waits until the page has dispatched an input event stamped at (or after) the last one sent: the
  // whole gesture reached the page, however slow its frames are. (Chromium maps the CDP stamp to the
  // event's timeStamp through the same wall clock as performance.timeOrigin: they agree to ~0.1 ms.)
  async handled(timeout = 20000) {
    const want = this.lastAt - this.timeOrigin - this.slack;
    try {
      await this.page.waitForFunction((w) => window.__wgInput.last >= w, want, { timeout, polling: 20 });
    } catch (e) {
      const seen = await this.page.evaluate(() => window.__wgInput.last).catch(() => NaN);
      throw new Error(`the page did not handle the gesture's last event (stamped ${want.toFixed(1)} ms in page time; ` +
        `latest input it handled: ${Number(seen).toFixed(1)} ms): ${e.message.split('\n')[0]}`);
    }
  }

  // How many scrolls of the page (with their flings) have ended so far; see scrollEnded().
  scrollEnds() { return this.page.evaluate(() => window.__wgInput.scrollEnds); }
  // Waits for the `scrollend` after count `n` (from scrollEnds() before the gesture that scrolls).
  async scrollEnded(n, timeout = 20000) {
    try {
      await this.page.waitForFunction((k) => window.__wgInput.scrollEnds > k, n, { timeout, polling: 20 });
    } catch (e) {
      throw new Error(`no scrollend: the page did not scroll, or its scroll never ended: ${e.message.split('\n')[0]}`);
    }
  }

  // Fingers along paths: paths[k] is the list of [x, y] (CSS px in the visual viewport, what CDP takes)
  // of finger k, all equally long; one event per point, `stepMs` apart, then held still for
  // `holdSteps` steps and lifted. (Chromium drops a touchMove that moves no finger, so holding still
  // shows in the page only as the time between the last move and the lift.)
  touch(paths, stepMs, { holdSteps = 0, ...opts } = {}) {
    const at = (i) => paths.map((p, k) => ({ x: p[i][0], y: p[i][1], id: k + 1, radiusX: 4, radiusY: 4, force: 1 }));
    const n = paths[0].length;
    const events = paths[0].map((_, i) => ({ type: i ? 'touchMove' : 'touchStart', touchPoints: at(i) }));
    for (let i = 0; i < holdSteps; i++) events.push({ type: 'touchMove', touchPoints: at(n - 1) });
    events.push({ type: 'touchEnd', touchPoints: [] });
    return this.play(events.map((params, i) => ({ at: i * stepMs, method: 'Input.dispatchTouchEvent', params })), opts);
  }

  // Mouse events [type, x, y, extra] every `stepMs`; extra { held: true } marks a move with the left
  // button down.
  mouse(list, stepMs, opts = {}) {
    return this.play(list.map(([type, x, y, extra], i) => {
      const held = type === 'mousePressed' || (type === 'mouseMoved' && !!(extra && extra.held));
      return { at: i * stepMs, method: 'Input.dispatchMouseEvent', params: { type, x, y,
        button: held || type === 'mouseReleased' ? 'left' : 'none', buttons: held ? 1 : 0,
        clickCount: type === 'mousePressed' || type === 'mouseReleased' ? 1 : 0 } };
    }), opts);
  }

  // A drag with the left button: over the first point, press, one move per further point `stepMs`
  // apart, `holdSteps` steps still, release at the last point.
  drag(points, stepMs, { holdSteps = 0, ...opts } = {}) {
    const [x, y] = points[0], end = points[points.length - 1];
    return this.mouse([['mouseMoved', x, y], ['mousePressed', x, y],
      ...points.slice(1).map(([px, py]) => ['mouseMoved', px, py, { held: true }]),
      ...Array.from({ length: holdSteps }, () => ['mouseMoved', end[0], end[1], { held: true }]),
      ['mouseReleased', end[0], end[1]]], stepMs, opts);
  }

  // A wheel gesture at (x, y): deltas[i] = [dx, dy] (CSS px), `stepMs` apart (trackpad momentum
  // comes every ~16 ms). The last delta must not be [0, 0]: a zero wheel reaches no page.
  wheel(x, y, deltas, stepMs, opts = {}) {
    return this.play(deltas.map(([dx, dy], i) => ({ at: i * stepMs, method: 'Input.dispatchMouseEvent',
      params: { type: 'mouseWheel', x, y, deltaX: dx, deltaY: dy, button: 'none', buttons: 0 } })), opts);
  }
}

// The input devices of a page (one CDP session, one recorder); a page keeps the same one.
async function input(page) {
  if (page.__wgInput) return page.__wgInput;
  await page.evaluate(installInputRecorder);
  const timeOrigin = await page.evaluate(() => performance.timeOrigin);
  const cdp = await page.context().newCDPSession(page);
  page.__wgInput = new Input(page, cdp, timeOrigin);
  return page.__wgInput;
}

// Waits until the gallery at `sel` rests: no snap or drag under way and, if given, on slide `index`.
// After input, call it once the page has handled the gesture (Input.play returns only then), or a
// gallery that has not yet heard of the gesture passes for one at rest.
async function settled(page, sel = 'wasm-gallery', index = null, timeout = 15000) {
  await page.waitForFunction(([s, i]) => {
    const g = document.querySelector(s);
    const st = g && g.stats;
    return !!st && !st.animating && (i === null || g.index === i);
  }, [sel, index], { timeout, polling: 50 });
  return page.$eval(sel, (g) => {
    const s = g.stats || {};
    return { index: g.index, count: g.count, frames: s.framesRendered, animating: !!s.animating };
  });
}

// The viewport point (visual viewport, what CDP input takes) at fractions (fx, fy) of the gallery's
// photo band (its width at 3:2 from its top); correct under the page's pinch zoom too.
function photoPoint(page, sel, fx, fy) {
  return page.$eval(sel, (g, [a, b]) => {
    const r = g.getBoundingClientRect();
    const vv = window.visualViewport;
    const x = r.left + r.width * a, y = r.top + (r.width / 1.5) * b;
    return [(x - vv.offsetLeft) * vv.scale, (y - vv.offsetTop) * vv.scale];
  }, [fx, fy]);
}

// Records every WebGL2 context the page's own thread creates (weakly), so liveContexts can count them.
function trackContexts(page) {
  return page.addInitScript(() => {
    const refs = [];
    const seen = new WeakSet();
    const orig = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      const ctx = orig.call(this, type, ...rest);
      if (ctx && type === 'webgl2' && !seen.has(ctx)) { seen.add(ctx); refs.push(new WeakRef(ctx)); }
      return ctx;
    };
    window.__liveContexts = () => refs.filter((r) => { const c = r.deref(); return c && !c.isContextLost(); }).length;
  });
}

// Live WebGL contexts of the page's galleries, asked of the browser: on the page's thread (trackContexts)
// and in every render worker (each holds its gallery's engine as self.__wgEngine).
async function liveContexts(page) {
  let n = await page.evaluate(() => (window.__liveContexts ? window.__liveContexts() : 0));
  for (const w of renderWorkers(page)) {
    n += await w.evaluate(() => { const e = self.__wgEngine; return e && e.ctx && !e.ctx.isContextLost() ? 1 : 0; }).catch(() => 0);
  }
  return n;
}

function renderWorkers(page) {
  return page.workers().filter((w) => /wasm-gallery-render\.js/.test(w.url()));
}

// Asks the engine's thread (render worker or page) of the gallery `selector` (client.js debug).
function engineDebug(page, selector, what) {
  return page.$eval(selector, (g, w) => g._gallery._client.debug(w), what);
}

module.exports = { meanDiff, until, photoPoint, photoDrawn, transitionsDone, photoStats, PHOTO_COLOURS, engineFrames, drawnSince, THREAD, trackContexts, liveContexts, renderWorkers, engineDebug, setup, teardown, openPage, gotoGallery, gotoEmpty, url, still, recordLayoutShifts, layoutShift, events, shot, pixelStats, input, line, settled, sleep,
  DEVICES, OUT, ROOT };
