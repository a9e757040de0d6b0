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

module.exports = { setup, teardown, openPage, gotoGallery, gotoEmpty, events, shot, pixelStats, DEVICES, OUT, ROOT };
