// engines.js — wasm-gallery and Swiper side by side in each engine a reader may have (Chromium, Firefox,
// WebKit), through the test suite's driver (tests/engines/driver.js): what each engine's tools allow
// alike, with no CPU or network throttling (only Chromium has them, through CDP): the first photo, when
// the gallery takes input, the transfer, and nine flicks through the ten slides (their wall time and
// the page's frame intervals meanwhile). Every visit is a fresh browser (cold cache); the probes are
// the same inline script for both galleries in every engine (server.js ?probe).
'use strict';
const { launch, ENGINES } = require('../../tests/engines/driver.js');
const { median, percentile } = require('./stats.js');

const PAGES = [['wasm-gallery', '/bench/pages/wasm-gallery.html?probe'], ['Swiper', '/bench/pages/swiper.html?probe']];
// A phone's width; DPR 2 where the driver sets it (Chromium, Firefox; WebKitGTK's WebDriver cannot).
const VIEW = { width: 360, height: 740, dpr: 2, touch: true };
const QUIET_MS = 1500;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Waits until the server has sent nothing for `ms`: what the page needed to load is in.
async function quiet(log, ms, max = 20000) {
  const end = Date.now() + max;
  let n = -1, since = Date.now();
  while (Date.now() < end) {
    if (log.length !== n) { n = log.length; since = Date.now(); }
    if (Date.now() - since >= ms) return;
    await sleep(100);
  }
}

async function visit(browser, srv, page) {
  const tab = await browser.newTab(srv.url, VIEW);
  try {
    srv.log.length = 0;
    await tab.goto(page);
    const t = await tab.waitFor(() => window.__bench && __bench.t.firstPhoto !== undefined && __bench.t.interactive !== undefined && __bench.t,
      null, { timeout: 60000 });
    await quiet(srv.log, QUIET_MS);
    const transfer = srv.log.reduce((a, e) => a + e.bytes, 0);
    const box = await tab.evaluate(() => { const r = __bench.gallery().getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, count: __bench.count() }; });
    const y = box.y + box.w / 3, from = [box.x + box.w * 0.8, y], to = [box.x + box.w * 0.2, y];
    const t0 = await tab.evaluate(() => { __bench.startFrames(); return performance.now(); });
    let at = 0, flicks = 0;
    while (at < box.count - 1 && flicks < box.count + 3) {
      await tab.swipe(from, to, { ms: 120, pointer: 'touch' });
      flicks++;
      // At rest on a later slide (or, for a flick that did not take, at rest where it was).
      at = await tab.waitFor((a) => !__bench.animating() && __bench.index() >= a && __bench.index(), at + 1, { timeout: 5000 })
        .catch(() => tab.evaluate(() => __bench.index()));
    }
    const t1 = await tab.evaluate(() => performance.now());
    const frames = await tab.evaluate(() => __bench.stopFrames());
    const gaps = frames.slice(1).map((f, i) => f - frames[i]);
    return { firstPhoto: t.firstPhoto, interactive: t.interactive, transfer, swipeMs: t1 - t0, flicks, endIndex: at,
      frameP50: percentile(gaps, 50), frameP95: percentile(gaps, 95) };
  } finally {
    await tab.close();
  }
}

// runs visits of each gallery in each engine, taken in turn (wasm-gallery, Swiper, wasm-gallery, …).
async function run(srv, { runs = 3, log = console.log, engines = ENGINES } = {}) {
  const out = {};
  for (const engine of engines) {
    const r = out[engine] = { version: '', runs: { 'wasm-gallery': [], Swiper: [] }, failures: [] };
    for (let i = 0; i < runs; i++) {
      for (const [name, page] of PAGES) {
        let browser = null;
        try {
          browser = await launch(engine);
          r.version = browser.version;
          r.runs[name].push(await visit(browser, srv, page));
        } catch (e) {
          r.failures.push({ gallery: name, run: i + 1, error: String(e.message).split('\n')[0] });
        } finally {
          if (browser) await browser.close();
        }
      }
    }
    log(`  ${engine} (${r.version}): ${r.runs['wasm-gallery'].length}+${r.runs.Swiper.length} visits` +
      (r.failures.length ? `, failed: ${r.failures.map((f) => `${f.gallery} #${f.run} ${f.error}`).join('; ')}` : ''));
  }
  return out;
}

const FIGURES = [
  ['first photo', 'firstPhoto', 'ms'], ['takes input', 'interactive', 'ms'], ['transfer', 'transfer', 'KB'],
  ['nine flicks, wall time', 'swipeMs', 'ms'], ['page frame interval p95 while flicking', 'frameP95', 'ms'],
];

function fmt(v, unit) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  return unit === 'KB' ? `${(v / 1024).toFixed(1)} KB` : `${Math.round(v)} ms`;
}

// The markdown table: one row per figure and engine, medians of the visits, wasm-gallery / Swiper.
function table(res) {
  const lines = ['| engine | figure | wasm-gallery | Swiper | ratio |', '| --- | --- | ---: | ---: | ---: |'];
  for (const [engine, r] of Object.entries(res)) {
    for (const [label, key, unit] of FIGURES) {
      const a = median(r.runs['wasm-gallery'].map((x) => x[key])), b = median(r.runs.Swiper.map((x) => x[key]));
      lines.push(`| ${r.version || engine} | ${label} | ${fmt(a, unit)} | ${fmt(b, unit)} | ${a && b ? (a / b).toFixed(2) + '×' : '–'} |`);
    }
  }
  return lines.join('\n');
}

module.exports = { run, table };
