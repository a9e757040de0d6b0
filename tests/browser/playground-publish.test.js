// playground-publish.test.js — the playground as a newsroom tool, end to end in Chromium: a photo too
// big for the widget gets smaller JPEG copies written by the widget's own C++ (one editor change, one
// Ctrl+Z), the publish bundle downloads as a .zip that is a working site when served as it is, and
// export is refused while the JSON is invalid or a slide's photo has an error.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { PNG } = require('pngjs');
const { unzipSync, strFromU8 } = require('fflate');
const h = require('./harness.js');
const { DRAFT_KEY, openPlayground, previewFrame, waitValid } = require('./playground-pages.js');

after(h.teardown);

const SAMPLE = JSON.parse(fs.readFileSync(path.join(h.ROOT, 'gallery.json'), 'utf8'));
// What the photo fix writes, and the widget's files a page needs (web/playground/src/*.js).
const FIX_WIDTHS = [640, 1080, 1600, 2048];
const DIST_FILES = ['wasm-gallery.js', 'wasm-gallery.wasm', 'wasm-gallery-render.js', 'wasm-gallery-worker.js',
  'wasm-gallery-decoder.wasm', 'wasm-gallery.css'];
// Wider than the widget ever shows (2048 px a side): the checks warn, the fix writes all four widths.
const BIG = { width: 2600, height: 1700 };

const draftText = (page) => page.evaluate((k) => (JSON.parse(localStorage.getItem(k) || '{}').text || ''), DRAFT_KEY);
// The draft (saved 400 ms after each change) once it contains `needle`, or once it is exactly `text`.
async function draftWith(page, needle) {
  await page.waitForFunction(([k, s]) => (JSON.parse(localStorage.getItem(k) || '{}').text || '').includes(s), [DRAFT_KEY, needle], { timeout: 30000 });
  return draftText(page);
}
async function draftIs(page, text) {
  await page.waitForFunction(([k, s]) => JSON.parse(localStorage.getItem(k) || '{}').text === s, [DRAFT_KEY, text], { timeout: 30000 });
  return draftText(page);
}

// A photo with many colours (gradients and waves), encoded as PNG in the test: no fixture to keep.
function bigPng() {
  const png = new PNG({ width: BIG.width, height: BIG.height, colorType: 2 });
  for (let y = 0; y < BIG.height; y++) {
    for (let x = 0; x < BIG.width; x++) {
      const i = (y * BIG.width + x) * 4;
      png.data[i] = Math.round(255 * x / BIG.width);
      png.data[i + 1] = Math.round(255 * y / BIG.height);
      png.data[i + 2] = Math.round(128 + 127 * Math.sin((x + 2 * y) / 53));
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 2 });
}

// A plain static server of one folder, as the README tells an editor to run (python3 -m http.server).
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css',
  '.wasm': 'application/wasm', '.jpg': 'image/jpeg', '.png': 'image/png', '.txt': 'text/plain' };
// `served` lists the paths asked for (the decode worker's fetches included, which the page does not see).
function serveFolder(dir) {
  const served = [];
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    served.push(p);
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(dir, p);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, served, url: `http://127.0.0.1:${server.address().port}` })));
}

test('photo fix: smaller JPEGs from the widget’s C++ become image + srcset in one undo step; the bundle is a working site', async () => {
  const page = await h.openPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 }, { acceptDownloads: true });
  await openPlayground(page);

  // Added with the file input (Add photos…): it becomes the last slide, and the current one.
  await page.setInputFiles('#add-files', { name: 'big harbour.png', mimeType: 'image/png', buffer: bigPng() });
  const added = JSON.parse(await draftWith(page, 'photos/big-harbour.png'));
  const at = added.slides.findIndex((s) => s.image === 'photos/big-harbour.png');
  assert.equal(at, SAMPLE.slides.length);
  await waitValid(page);
  const fix = page.locator('#slide-checks button[data-fix="photo"]');
  await fix.waitFor({ timeout: 30000 });
  assert.equal(await fix.count(), 1, 'one fix button per slide');
  const checks = await page.$$eval('#slide-checks li', (l) => l.map((x) => x.textContent));
  assert.ok(checks.some((c) => c.includes(`${BIG.width}×${BIG.height}`)), checks.join('\n'));
  const before = await draftText(page);

  await fix.click();
  const fixed = JSON.parse(await draftWith(page, 'big-harbour-2048.jpg'));
  const slide = fixed.slides[at];
  const height = (w) => Math.round(BIG.height * w / BIG.width);
  assert.deepEqual({ image: slide.image, width: slide.width, height: slide.height },
    { image: 'photos/big-harbour-2048.jpg', width: 2048, height: height(2048) });
  assert.deepEqual(slide.srcset, FIX_WIDTHS.slice(0, -1).map((w) => ({ url: `photos/big-harbour-${w}.jpg`, width: w })));
  // The other slides are untouched, and the checks no longer flag the photo (its copies are local photos now).
  assert.deepEqual(fixed.slides.filter((_, i) => i !== at), added.slides.filter((_, i) => i !== at));
  await page.waitForFunction(() => document.querySelector('#state').dataset.state === 'valid' && document.querySelector('#state').dataset.checks === 'done' &&
    !document.querySelector('#slide-checks button[data-fix="photo"]') &&
    ![...document.querySelectorAll('#slide-checks li')].some((l) => /Photo /.test(l.textContent)), null, { timeout: 30000 });
  assert.match(await page.$eval('#status', (s) => s.textContent), /Wrote 640, 1080, 1600, 2048 px wide JPEGs/);

  // One Ctrl+Z undoes the whole fix; redo brings it back.
  const after = await draftText(page);
  await page.click('.cm-content', { position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  assert.equal(await draftIs(page, before), before);
  await page.keyboard.press('Control+y');
  assert.equal(await draftIs(page, after), after);
  await waitValid(page);

  // The bundle.
  await page.click('#open-export');
  await page.waitForFunction(() => !document.querySelector('#download-bundle').disabled, null, { timeout: 30000 });
  assert.equal(await page.$eval('#bundle-blocked', (p) => p.hidden), true);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('#download-bundle')]);
  assert.equal(download.suggestedFilename(), 'gallery-bundle.zip');
  const zip = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
  const names = Object.keys(zip).sort();
  const text = (n) => strFromU8(zip[n]);

  const index = text('index.html');
  assert.match(index, /<script src="dist\/wasm-gallery\.js" defer><\/script>/);
  assert.match(index, /<wasm-gallery src="gallery\.json"><\/wasm-gallery>/);
  assert.match(index, /<link rel="stylesheet" href="dist\/wasm-gallery\.css">/);
  assert.equal(text('gallery.json'), after, 'gallery.json is the editor’s text (its photo URLs already fit the folder)');
  for (const f of DIST_FILES) {
    assert.ok(names.includes('dist/' + f), `dist/${f} in ${names.join(', ')}`);
    assert.deepEqual(Buffer.from(zip['dist/' + f]), fs.readFileSync(path.join(h.ROOT, 'dist', f)), `dist/${f} is the dev server’s`);
  }
  // The photos: the fix's copies (not the replaced PNG), and the sample's photos at their relative paths.
  for (const w of FIX_WIDTHS) {
    const jpeg = zip[`photos/big-harbour-${w}.jpg`];
    assert.ok(jpeg, `photos/big-harbour-${w}.jpg in ${names.join(', ')}`);
    assert.deepEqual([jpeg[0], jpeg[1], jpeg[2]], [0xFF, 0xD8, 0xFF], 'a JPEG');
  }
  assert.ok(!names.includes('photos/big-harbour.png'));
  for (const s of SAMPLE.slides) {
    assert.deepEqual(Buffer.from(zip[s.image]), fs.readFileSync(path.join(h.ROOT, s.image)), s.image);
  }
  const readme = text('README.txt');
  assert.match(readme, /python3 -m http\.server/);
  assert.match(readme, /file:\/\//);
  assert.match(readme, /dist\//);
  assert.match(await page.$eval('#bundle-note', (n) => n.textContent), /Saved gallery-bundle\.zip/);
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // Unzipped and served as it is, the page shows the gallery: `ready`, the photos from the folder.
  const dir = path.join(h.OUT, 'playground-bundle');
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [n, bytes] of Object.entries(zip)) {
    if (n.endsWith('/')) continue;
    fs.mkdirSync(path.dirname(path.join(dir, n)), { recursive: true });
    fs.writeFileSync(path.join(dir, n), bytes);
  }
  const site = await serveFolder(dir);
  try {
    const reader = await h.openPage('desktop');
    const failed = [];
    const fetched = [];
    reader.on('response', (r) => { fetched.push(r.url()); if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    reader.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
    await reader.addInitScript(() => {
      window.__ready = [];
      document.addEventListener('ready', (e) => window.__ready.push(e.composedPath()[0].tagName), true);
    });
    await reader.goto(site.url + '/');
    await reader.waitForFunction(() => window.__ready.length > 0, null, { timeout: 30000 });
    assert.equal(await reader.$eval('wasm-gallery', (g) => g.count), SAMPLE.slides.length + 1);
    // The fixed photo's slide: one of its copies is fetched (the size for the box) and drawn.
    await reader.$eval('wasm-gallery', (g, i) => g.goTo(i), at);
    // The photo loader's own record (as images.test.js reads it): shown, or failed.
    await reader.waitForFunction((i) => { const L = document.querySelector('wasm-gallery')._gallery._images;
      return L && (L.shown.has(i) || L.state.get(i) === 'failed'); }, at, { timeout: 30000 });
    assert.notEqual(await reader.$eval('wasm-gallery', (g, i) => g._gallery._images.state.get(i), at), 'failed');
    await reader.waitForFunction((i) => { const g = document.querySelector('wasm-gallery'); return g.index === i && !g.stats.animating; }, at);
    await h.still(reader); // the cross-fade over and its last frame drawn
    assert.ok(site.served.some((p) => /^\/photos\/big-harbour-\d+\.jpg$/.test(p)), site.served.join('\n'));
    // The loader's record says the page has the pixels; they may still be on their way to the render
    // worker (its stats cannot tell yet), so look until the photo is on the canvas.
    const photo = await h.photoDrawn(reader, 'wasm-gallery', { name: 'playground-bundle-page', colours: 300 })
      .catch((e) => ({ colours: 0, error: e.message }));
    assert.ok(photo.colours > 300, `photo area has ${photo.colours} colours ${photo.error || ''}`);
    assert.deepEqual(failed, []);
    assert.ok(fetched.every((u) => u.startsWith(site.url)), 'everything from the bundle’s folder');
    assert.deepEqual(reader.errors, []);
    await reader.context().close();
  } finally {
    site.server.close();
  }
});

test('export is refused while the JSON is invalid, and while a slide’s photo has an error (the slide is named)', async () => {
  const page = await h.openPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await openPlayground(page);
  const creditLine = '"credit": "© AFP 2023 / STR",';
  await page.locator('.cm-line', { hasText: creditLine }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(',');
  await page.waitForFunction(() => document.querySelector('#state').dataset.state === 'invalid');
  await page.click('#open-export');
  // The gate follows the pipeline's state: wait for it rather than for time.
  await page.waitForFunction(() => !document.querySelector('#bundle-blocked').hidden);
  assert.equal(await page.$eval('#download-bundle', (b) => b.disabled), true);
  assert.match(await page.$eval('#bundle-blocked', (p) => p.textContent), /JSON has errors/);
  await page.click('#close-export');
  await page.locator('.cm-line', { hasText: creditLine + ',' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await waitValid(page);
  await page.click('#open-export');
  await page.waitForFunction(() => !document.querySelector('#download-bundle').disabled);
  assert.equal(await page.$eval('#bundle-blocked', (p) => p.hidden), true);
  await page.context().close();

  // A photo that does not load is an error finding: the bundle is refused, naming the slide.
  const broken = await h.openPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const gallery = { title: 'Broken', slides: [
    { image: '/demo/photos/02.jpg', alt: 'Blue flowers', width: 1596, height: 1064 },
    { image: '/demo/photos/does-not-exist.jpg', alt: 'Nothing' },
  ] };
  await openPlayground(broken, '?src=' + encodeURIComponent('data:application/json,' + encodeURIComponent(JSON.stringify(gallery))));
  await broken.waitForFunction(() => document.querySelector('#state').dataset.checks === 'done', null, { timeout: 30000 });
  await broken.click('#open-export');
  await broken.waitForFunction(() => !document.querySelector('#bundle-blocked').hidden);
  assert.equal(await broken.$eval('#download-bundle', (b) => b.disabled), true);
  const why = await broken.$eval('#bundle-blocked', (p) => p.textContent);
  assert.match(why, /slide 2: Photo HTTP 404/);
  assert.ok(!/slide 1\b/.test(why), why);
  await broken.context().close();
});
