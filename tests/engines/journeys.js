// journeys.js — what every file of tests/engines shares: one browser of the engine under test
// (WG_ENGINE = chromium | firefox | webkit) and a static server for the whole file; journey(), which runs
// a test in a new tab, checks the page threw nothing and records its verdict (and the engine's version
// and path) in test-output/engines/support-<engine>.json for the README's support table (support.js);
// and the questions every journey asks of a gallery.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { listen } = require('../../scripts/serve.js');
const { launch, OUT } = require('./driver.js');

const ENGINE = process.env.WG_ENGINE || 'chromium';
const SUPPORT = path.join(OUT, `support-${ENGINE}.json`);
let browser = null, server = null, base = '';
const results = {};
let thread = '';

before(async () => {
  const srv = await listen(0, '127.0.0.1');
  server = srv.server;
  base = srv.url;
  browser = await launch(ENGINE);
});
// Each file adds its verdicts to the engine's record (scripts/test.js removes it before a run).
after(async () => {
  const support = fs.existsSync(SUPPORT) ? JSON.parse(fs.readFileSync(SUPPORT, 'utf8')) : { engine: ENGINE, thread: '', results: {} };
  if (browser) support.version = browser.version;
  if (thread) support.thread = thread;
  Object.assign(support.results, results);
  fs.writeFileSync(SUPPORT, JSON.stringify(support, null, 1));
  if (browser) await browser.close();
  if (server) server.close();
});

// Runs `fn(tab)` in a new tab (opts: width, height, dpr, touch), records the outcome for the support
// table, and checks that the page threw nothing uncaught.
// A journey that runs past JOURNEY_MS fails (a browser that died must not hold the suite up).
const JOURNEY_MS = 180000;

function journey(name, opts, fn) {
  test(`${ENGINE}: ${name}`, { timeout: JOURNEY_MS }, async () => {
    const tab = await browser.newTab(base, opts);
    try {
      await fn(tab);
      // Not the page's: WebGL's own warnings, and Firefox's report of a broken photo an <img> of the
      // poster loaded (a page of broken photos has them on purpose).
      const errors = (await tab.pageErrors()).filter((e) => !/WebGL|context|^Image corrupt or truncated/i.test(e));
      assert.deepEqual(errors, [], 'no uncaught error on the page');
      results[name] = 'pass';
    } catch (e) {
      results[name] = 'fail: ' + String(e.message).split('\n')[0].slice(0, 200);
      throw e;
    } finally {
      await tab.close();
    }
  });
}

// The path the gallery takes in this engine (stats.thread), for the support table.
const notePath = (t) => { thread = t; };

// ---- reading the gallery ---------------------------------------------------------------------------
const state = (tab, sel = 'wasm-gallery') => tab.evaluate((s) => {
  const g = document.querySelector(s);
  const st = g.stats || {};
  return { index: g.index, count: g.count, zoom: st.zoom, animating: !!st.animating, mode: st.mode, webgl: st.webgl,
    frames: st.framesRendered, thread: st.thread };
}, sel);

// The gallery is drawing with a live context and at rest (on slide `index` if given).
function settled(tab, sel = 'wasm-gallery', index = null, timeout = 20000) {
  return tab.waitFor(([s, i]) => {
    const g = document.querySelector(s);
    const st = g && g.stats;
    return !!st && st.mode === 'gl' && st.webgl === 'live' && st.framesRendered > 0 && !st.animating && (i === null || g.index === i);
  }, [sel, index], { timeout });
}

// No frame drawn across a few of the page's animation frames: what a screenshot then shows is final.
function still(tab, sel = 'wasm-gallery') {
  return tab.waitFor((s) => new Promise((resolve) => {
    const g = document.querySelector(s);
    const f0 = g.stats.framesRendered;
    let n = 0;
    const tick = () => (++n < 4 ? requestAnimationFrame(tick) : resolve(g.stats.framesRendered === f0 && !g.stats.animating));
    requestAnimationFrame(tick);
  }), sel);
}

// The gallery's box and its photo band (3:2 from its top), in CSS px of the viewport.
const box = (tab, sel = 'wasm-gallery') => tab.evaluate((s) => {
  const r = document.querySelector(s).getBoundingClientRect();
  return { x: r.left, y: r.top, w: r.width, h: r.height, photoH: r.width / 1.5, vw: innerWidth };
}, sel);

// Records the galleries' slidechange events from now on (window.__wgSlides).
const recordSlides = (tab) => tab.evaluate(() => {
  window.__wgSlides = [];
  document.addEventListener('slidechange', (e) => window.__wgSlides.push(e.detail.index), true);
});
const slides = (tab) => tab.evaluate(() => window.__wgSlides.slice());

// Distinct colours and luminance spread of a rect (CSS px) of a screenshot; the screenshot's own
// scale (device pixels) is read from its width.
function pixels(shot, b, rect) {
  const { png } = shot;
  const k = png.width / b.vw;
  const x0 = Math.max(0, Math.round(rect.x * k)), y0 = Math.max(0, Math.round(rect.y * k));
  const x1 = Math.min(png.width, Math.round((rect.x + rect.w) * k)), y1 = Math.min(png.height, Math.round((rect.y + rect.h) * k));
  const colours = new Set();
  let min = 255, max = 0;
  for (let y = y0; y < y1; y += 2) {
    for (let x = x0; x < x1; x += 2) {
      const i = (y * png.width + x) * 4, d = png.data;
      colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      const l = 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
      min = Math.min(min, l); max = Math.max(max, l);
    }
  }
  return { colours: colours.size, lumaRange: max - min };
}

// The photo is on screen: a photo has hundreds of colours where a poster colour or a blank canvas has few.
async function photoDrawn(tab, name, sel = 'wasm-gallery') {
  await tab.waitFor((s) => { const st = document.querySelector(s).stats; return st.photoDrawn && !st.animating; }, sel);
  // The photo band on screen (an article's gallery may start below the fold), then drawn there.
  await tab.evaluate((s) => {
    const g = document.querySelector(s), r = g.getBoundingClientRect();
    if (r.top < 0 || r.top + r.width / 1.5 > innerHeight) g.scrollIntoView({ block: 'start' });
  }, sel);
  await still(tab, sel);
  const b = await box(tab, sel);
  const shot = await tab.screenshot(`${ENGINE}-${name}`);
  const p = pixels(shot, b, { x: b.x + b.w * 0.2, y: b.y + b.photoH * 0.25, w: b.w * 0.6, h: b.photoH * 0.5 });
  assert.ok(p.colours > 300, `${name}: the photo is drawn (${p.colours} colours in its middle; ${shot.file})`);
  return { b, shot };
}

async function firstPhoto(tab, page, sel = 'wasm-gallery') {
  await tab.goto(page);
  await settled(tab, sel, null, 40000);
  return photoDrawn(tab, 'first-photo', sel);
}


module.exports = { ENGINE, journey, notePath, state, settled, still, box, recordSlides, slides, pixels, photoDrawn, firstPhoto };
