// images.test.js — photos end to end: broken files become placeholders with a reason and an `error`
// event while everything else keeps working; EXIF orientation; the formats stb lacks decoded by the
// browser in the worker; prefetch order and aborts; no long task on the main thread while paging.
// Fixtures: tests/browser/pages/img/ (made by make-fixtures.js there).
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness.js');
const fs = require('fs');
const { ensurePhoto } = require('../../bench/decode/decode-bench.js');

after(h.teardown);

// ---- helpers ------------------------------------------------------------------------------------
const loader = (id) => `document.getElementById(${JSON.stringify(id)})._gallery._images`;

// Waits until slide `s` of gallery `id` has its photo shown or has failed; returns {path, …} or 'failed'.
async function outcome(page, id, s, timeout = 30000) {
  await page.waitForFunction(([l, s]) => { const L = eval(l); return L && (L.shown.has(s) || L.state.get(s) === 'failed'); },
    [loader(id), s], { timeout });
  return page.evaluate(([l, s]) => { const L = eval(l); return L.shown.get(s) || L.state.get(s); }, [loader(id), s]);
}

// Moves gallery `id` to slide `i` and waits until the motion and the photo's cross-fade are over.
async function goTo(page, id, i) {
  await page.evaluate(([id, i]) => document.getElementById(id).goTo(i), [id, i]);
  await page.waitForFunction(([id, i]) => { const g = document.getElementById(id); return g.index === i && !g.stats.animating; }, [id, i]);
}
const settle = (page) => h.still(page); // the cross-fade (180 ms) over and its last frame drawn

// The photo area of a gallery screenshot (3:2 from the top, as the layout reserves without declared sizes).
function photoRect(png, aspect = 1.5) {
  return { x: 0, y: 0, w: png.width, h: Math.floor(png.width / aspect) - 8 };
}

// Centroids and bounding box of clearly red and clearly blue pixels in `rect`.
function redBlue(png, rect) {
  const acc = () => ({ n: 0, x: 0, y: 0, x0: Infinity, y0: Infinity, x1: -1, y1: -1 });
  const red = acc(), blue = acc();
  const { width, data } = png;
  for (let y = rect.y; y < rect.y + rect.h; y++) {
    for (let x = rect.x; x < rect.x + rect.w; x++) {
      const i = (y * width + x) * 4, r = data[i], g = data[i + 1], b = data[i + 2];
      const c = r > 150 && g < 90 && b < 90 ? red : b > 150 && r < 90 && g < 110 ? blue : null;
      if (!c) continue;
      c.n++; c.x += x; c.y += y;
      c.x0 = Math.min(c.x0, x); c.y0 = Math.min(c.y0, y); c.x1 = Math.max(c.x1, x); c.y1 = Math.max(c.y1, y);
    }
  }
  for (const c of [red, blue]) if (c.n) { c.x /= c.n; c.y /= c.n; }
  return { red, blue };
}

// Red above blue, one over the other, the picture portrait (taller than wide): upright.
function assertUpright(png, what) {
  const { red, blue } = redBlue(png, photoRect(png));
  assert.ok(red.n > 1000 && blue.n > 1000, `${what}: red ${red.n} px, blue ${blue.n} px`);
  assert.ok(red.y < blue.y, `${what}: red (y ${red.y.toFixed(0)}) is above blue (y ${blue.y.toFixed(0)})`);
  const w = Math.max(red.x1, blue.x1) - Math.min(red.x0, blue.x0), hgt = Math.max(red.y1, blue.y1) - Math.min(red.y0, blue.y0);
  assert.ok(Math.abs(red.x - blue.x) < 0.1 * w, `${what}: red and blue share a column (x ${red.x.toFixed(0)} vs ${blue.x.toFixed(0)})`);
  assert.ok(hgt > 1.3 * w, `${what}: portrait as displayed (${w}×${hgt})`);
}

// Share of the most common colour in `rect`: ~1 for a flat placeholder, small for a photo.
function flatShare(png, rect) {
  const counts = new Map();
  let n = 0;
  for (let y = rect.y; y < rect.y + rect.h; y += 2) {
    for (let x = rect.x; x < rect.x + rect.w; x += 2) {
      const i = (y * png.width + x) * 4, c = (png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2];
      counts.set(c, (counts.get(c) || 0) + 1);
      n++;
    }
  }
  return Math.max(...counts.values()) / n;
}

function meanRgb(png, rect) {
  const s = [0, 0, 0];
  let n = 0;
  for (let y = rect.y; y < rect.y + rect.h; y += 2) {
    for (let x = rect.x; x < rect.x + rect.w; x += 2) {
      const i = (y * png.width + x) * 4;
      s[0] += png.data[i]; s[1] += png.data[i + 1]; s[2] += png.data[i + 2]; n++;
    }
  }
  return s.map((v) => v / n);
}

// ---- broken input --------------------------------------------------------------------------------
const BROKEN = [ // slide, error id, what the reason says (images-mixed.html)
  [1, 'image.empty', /no data \(0 bytes\)/],
  [2, 'image.truncated', /JPEG data ends before/],
  [3, 'image.not_an_image', /looks like an HTML page/],
  [4, 'image.too_many_pixels', /30000×30000 is 900\.0 MP, over the 40\.0 MP limit/],
  [5, 'image.http', /HTTP 404/],
  [6, 'image.network', /network/],
];

// The browser logs every failed download; those are expected here, anything else is not.
const unexpected = (errors) => errors.filter((e) => !/^Failed to load resource/.test(e));
// images-mixed.html's slide 7 points at img/unreachable.jpg: its connection is refused.
const refuse = (page) => page.route('**/img/unreachable.jpg', (r) => r.abort('connectionrefused'));

test('good and broken photos in one gallery: photos for the good, a placeholder and an error per broken one', async () => {
  const page = await h.openPage('desktop');
  await refuse(page);
  await h.gotoGallery(page, '/test/images-mixed.html');
  for (let i = 0; i < 8; i++) {
    await goTo(page, 'mixed', i);
    await outcome(page, 'mixed', i);
  }
  await settle(page);
  const errors = (await h.events(page, 'error')).map((e) => e.detail);
  assert.deepEqual(errors.map((d) => d.slide).sort(), BROKEN.map(([s]) => s), 'one error per broken slide, none for the good ones');
  for (const [s, id, re] of BROKEN) {
    const d = errors.find((e) => e.slide === s);
    assert.equal(d.id, id, `slide ${s}`);
    assert.match(d.message, re, `slide ${s}`);
    assert.match(d.message, new RegExp(`^Slide ${s + 1}: `), 'the message names the slide');
  }
  for (const s of [0, 7]) assert.equal((await outcome(page, 'mixed', s)).path, 'wasm', `slide ${s} decoded by the worker's wasm`);

  // The last slide (good) is a photo; a broken one is a flat placeholder with text on it.
  const el = await page.$('#mixed');
  const good = (await h.shot(page, 'images-mixed-good', el)).png;
  assert.ok(h.pixelStats(good, photoRect(good)).colours > 500, 'a photo in slide 8');
  await goTo(page, 'mixed', 3);
  await settle(page);
  const html = (await h.shot(page, 'images-mixed-html', el)).png;
  const flat = flatShare(html, photoRect(html));
  assert.ok(flat > 0.8, `placeholder is flat (${(flat * 100).toFixed(0)} % one colour)`);
  assert.ok(h.pixelStats(html, photoRect(html)).lumaRange > 100, 'placeholder shows its reason and alt text');
  assert.ok(flatShare(good, photoRect(good)) < 0.2, 'a photo is not flat');

  // The 30000×30000 PNG: refused from its header (the worker spends about a millisecond on it, and its
  // memory stays where small photos left it; decoding it would need 2.7 GB).
  const { huge, pool } = await page.evaluate(([l]) => ({ huge: eval(l).failed.get(4), pool: eval(l).pool.stats() }), [loader('mixed')]);
  assert.equal(huge.id, 'image.too_many_pixels');
  assert.ok(huge.decodeMs < 100, `refused after ${huge.decodeMs.toFixed(1)} ms in the worker`);
  assert.ok(pool.peakWorkerMemory <= 32 * 1024 * 1024, `decoder memory ${(pool.peakWorkerMemory / 1048576).toFixed(0)} MB`);
  assert.deepEqual(unexpected(page.errors), []);
  await page.context().close();
});

test('a broken gallery does not stop the good one next to it', async () => {
  const page = await h.openPage('desktop');
  await h.gotoGallery(page, '/test/images-pair.html');
  await page.waitForFunction(() => ['good', 'broken'].every((id) => window.__wg.events.some((e) => e.type === 'ready' && e.id === id)));
  await outcome(page, 'broken', 2);
  await goTo(page, 'good', 5);
  assert.equal((await outcome(page, 'good', 5)).path, 'wasm');
  await goTo(page, 'broken', 3);
  assert.equal(await outcome(page, 'broken', 3), 'failed');
  const evs = await h.events(page);
  assert.deepEqual(evs.filter((e) => e.id === 'good' && e.type === 'error'), [], 'no error from the good gallery');
  assert.deepEqual(evs.filter((e) => e.id === 'good' && e.type === 'slidechange').map((e) => e.detail.index), [5]);
  assert.deepEqual(evs.filter((e) => e.id === 'broken' && e.type === 'error').map((e) => e.detail.slide).sort(), [0, 1, 2, 3]);
  await settle(page);
  const good = (await h.shot(page, 'images-pair-good', await page.$('#good'))).png;
  assert.ok(h.pixelStats(good, photoRect(good)).colours > 500, 'the good gallery shows photo 6');
  await h.shot(page, 'images-pair-broken', await page.$('#broken'));
  await page.context().close();
});

// ---- orientation and formats ----------------------------------------------------------------------
test('EXIF orientation 6, 3 and 8 stand upright; formats stb lacks are decoded by the browser in the worker', async () => {
  const page = await h.openPage('desktop');
  await h.gotoGallery(page, '/test/images-formats.html');
  const el = await page.$('#formats');
  // Red over blue when upright: stb decodes these JPEGs (CMYK included), the core applies the EXIF
  // orientation; the run-length encoded BMP is one stb lacks, decoded by createImageBitmap.
  for (const [s, name, path] of [[0, 'exif6', 'wasm'], [1, 'exif3', 'wasm'], [2, 'exif8', 'wasm'], [3, 'cmyk-exif6', 'wasm'], [4, 'rle-bmp', 'browser']]) {
    await goTo(page, 'formats', s);
    assert.equal((await outcome(page, 'formats', s)).path, path, `${name} takes the ${path} path`);
    await settle(page);
    assertUpright((await h.shot(page, `images-upright-${name}`, el)).png, name);
  }
  const means = {};
  for (const [s, name, path] of [[5, 'webp', 'browser'], [6, 'avif', 'browser'], [7, 'cmyk', 'wasm']]) {
    await goTo(page, 'formats', s);
    assert.equal((await outcome(page, 'formats', s)).path, path, `${name} takes the ${path} path`);
    await settle(page);
    const { png } = await h.shot(page, `images-format-${name}`, el);
    const rect = photoRect(png);
    assert.ok(h.pixelStats(png, rect).colours > 300, `${name}: a photo is shown`);
    means[name] = meanRgb(png, rect);
  }
  // The three are the same photo: the CMYK one (Adobe's inverted CMYK, converted by stb) must come out
  // neither in negative nor with a cast.
  const dist = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  assert.ok(dist(means.cmyk, means.webp) < 20, `CMYK mean ${means.cmyk.map(Math.round)} vs WebP ${means.webp.map(Math.round)}`);
  assert.ok(dist(means.avif, means.webp) < 20, `AVIF mean ${means.avif.map(Math.round)} vs WebP ${means.webp.map(Math.round)}`);
  assert.deepEqual(await h.events(page, 'error'), []);
  await page.context().close();
});

// ---- loading order, aborts, main thread ----------------------------------------------------------
test('current slide first, then its neighbours; a jump aborts what is no longer near', async () => {
  const page = await h.openPage('desktop');
  const requested = [];
  const aborted = new Set();
  const slideOf = (url) => new URL(url).searchParams.get('slide');
  // Slide 2's photo asked for, and its download aborted: the two moments the test waits for.
  let asked2, aborted2;
  const slide2Asked = new Promise((r) => { asked2 = r; });
  const slide2Aborted = new Promise((r) => { aborted2 = r; });
  const abort = (slide) => { aborted.add(slide); if (slide === '1') aborted2(); };
  // Slides 2–5 answer very slowly, so the jump happens while they are in flight. (The decode worker
  // fetches the photos; its requests are the page's for routing.)
  await page.route('**/demo/photos/*', async (route) => {
    const slide = slideOf(route.request().url());
    requested.push(slide);
    if (slide === '1') asked2();
    if (+slide >= 1 && +slide <= 4) await new Promise((r) => setTimeout(r, 10000));
    try { await route.continue(); } catch { abort(slide); /* the page gave up on it meanwhile */ }
  });
  page.on('requestfailed', (r) => { if (/demo\/photos/.test(r.url())) abort(slideOf(r.url())); });
  await h.gotoGallery(page, '/test/images-many.html');
  assert.equal(requested[0], '0', 'the current slide is requested first');
  await slide2Asked; // slide 2 is on its way (for 10 s)
  await goTo(page, 'many', 12);
  await outcome(page, 'many', 12);
  const near = requested.filter((s) => +s >= 10);
  assert.equal(near[0], '12', `after the jump slide 13 comes before its neighbours (${near.join(', ')})`);
  assert.ok(requested.indexOf('2') < 0 || requested.indexOf('2') > requested.indexOf('1'), 'ring 1 before ring 2');
  let deadline;
  await Promise.race([slide2Aborted, new Promise((r) => { deadline = setTimeout(r, 15000); })]);
  clearTimeout(deadline);
  assert.ok(aborted.has('1'), `the download of slide 2 was aborted (aborted: ${[...aborted].join(', ')})`);
  assert.ok([...aborted].every((s) => +s <= 4), `only slides far from 13 were aborted (${[...aborted].join(', ')})`);
  assert.equal(await page.evaluate(([l]) => eval(l).shown.has(1), [loader('many')]), false, 'slide 2 was never decoded');
  assert.deepEqual(await h.events(page, 'error'), [], 'an abort is not an error');
  await page.context().close();
});

test('a neighbour\'s photo arriving at rest draws no frame; it is drawn when its slide comes into view', async () => {
  const page = await h.openPage('desktop');
  let release;
  const gate = new Promise((r) => { release = r; });
  // Slide 2's photo waits until slide 1 rests with its own photo drawn.
  await page.route('**/demo/photos/*', async (route) => {
    if (new URL(route.request().url()).searchParams.get('slide') === '1') await gate;
    try { await route.continue(); } catch { /* the page gave up on it */ }
  });
  await h.gotoGallery(page, '/test/images-many.html');
  await outcome(page, 'many', 0);
  await settle(page);
  const engine = async () => (await h.engineDebug(page, '#many', 'stats')).stats; // the engine's own count
  const before = await engine();
  release();
  // Until the engine holds one more photo texture (its own count; up to 30 s).
  const uploaded = await page.evaluate(async (n) => {
    const c = document.getElementById('many')._gallery._client;
    for (const t0 = performance.now(); performance.now() - t0 < 30000; await new Promise((r) => setTimeout(r, 50))) {
      if ((await c.debug('stats')).stats.texturesResident > n) return true;
    }
    return false;
  }, before.texturesResident);
  assert.ok(uploaded, 'slide 2\'s photo reached the engine');
  // A frame for it would have been asked for in the task that uploaded it: give it a few of the page's.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))));
  const after = await engine();
  assert.equal(after.framesRendered, before.framesRendered, 'frames drawn for a photo off screen');
  await goTo(page, 'many', 1);
  await settle(page);
  const png = (await h.shot(page, 'images-neighbour-drawn', await page.$('#many'))).png;
  assert.ok(h.pixelStats(png, photoRect(png)).colours > 300, 'slide 2 shows its photo');
  assert.deepEqual(await h.events(page, 'error'), []);
  await page.context().close();
});

test('idle decode workers end (their memory goes back) and start again for the next photo', async () => {
  const page = await h.openPage('desktop');
  await page.addInitScript(() => { self.__wgDecodeIdleMs = 1500; });
  const decodeWorkers = () => page.workers().filter((w) => /wasm-gallery-worker\.js/.test(w.url())).length;
  await h.gotoGallery(page, '/test/images-many.html');
  await outcome(page, 'many', 0);
  assert.ok(decodeWorkers() >= 1, 'a decode worker decoded the first photo');
  // Nothing near the slide left to decode: after the idle time every decode worker has ended.
  await page.waitForFunction(([l]) => eval(l).pool.stats().workers === 0, [loader('many')], { timeout: 20000, polling: 100 });
  // Their close events (5 s at most).
  let deadline;
  const ending = page.workers().filter((w) => /wasm-gallery-worker\.js/.test(w.url())).map((w) => new Promise((r) => w.once('close', r)));
  await Promise.race([Promise.all(ending), new Promise((r) => { deadline = setTimeout(r, 5000); })]);
  clearTimeout(deadline);
  assert.equal(decodeWorkers(), 0, 'the ended workers are gone from the page');
  await goTo(page, 'many', 9);
  const shown = await outcome(page, 'many', 9);
  assert.notEqual(shown, 'failed', 'a new worker decoded the far slide');
  assert.deepEqual(await h.events(page, 'error'), []);
  await page.context().close();
});

// Main-thread tasks between two user-timing marks, from a Chromium trace: wall and CPU time of each,
// tasks that only run DevTools commands (the test driving the page) left out.
function mainThreadTasks(trace, from, to) {
  const ev = trace.traceEvents || trace;
  const main = new Set(ev.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => e.pid + ':' + e.tid));
  const mark = (name) => ev.find((e) => e.name === name && /user_timing/.test(e.cat));
  const t0 = mark(from).ts, t1 = mark(to).ts;
  const on = ev.filter((e) => main.has(e.pid + ':' + e.tid) && e.ph === 'X');
  const devtools = on.filter((e) => /DevTools/.test(JSON.stringify(e.args || {})));
  return on.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts >= t0 && e.ts <= t1)
    .filter((t) => !devtools.some((d) => d.pid === t.pid && d.tid === t.tid && d.ts >= t.ts && d.ts <= t.ts + t.dur))
    .map((t) => ({ at: t.ts, wallMs: t.dur / 1000, cpuMs: (t.tdur ?? t.dur) / 1000 }));
}

test('paging through 10 slides of 12 MP photos: no long task of main-thread work, a small main heap', async () => {
  const page = await h.openPage('desktop');
  // Camera-sized photos (4240×2832, 3.5 MB, made once under build/) in place of the demo ones: decoding
  // one of them takes ~400 ms of CPU, so doing it on the main thread could not go unnoticed.
  const big = fs.readFileSync(ensurePhoto());
  await page.route('**/demo/photos/*', (r) => r.fulfill({ body: big, contentType: 'image/jpeg' }));
  let decoderFetches = 0; // the page compiles the decoder once and posts it to every worker
  page.on('request', (r) => { if (r.url().endsWith('/wasm-gallery-decoder.wasm')) decoderFetches++; });
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push({ start: e.startTime, ms: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  });
  await h.gotoGallery(page, '/test/images-many.html');
  await outcome(page, 'many', 0);
  await settle(page);
  await page.click('#many', { position: { x: 400, y: 250 } });
  const input = await h.input(page);
  const { browser } = await h.setup();
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'devtools.timeline'] });
  const t0 = await page.evaluate(() => performance.mark('wg-paging-start').startTime);
  for (let i = 1; i < 10; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(250); // the subject: a reader paging at four slides a second
  }
  const box = await (await page.$('#many')).boundingBox();
  for (const [from, to] of [[0.8, 0.2], [0.2, 0.8]]) { // two swipes with the mouse, back and forth, ~150 ms each
    await input.drag(h.line([box.x + box.width * from, box.y + 200], [box.x + box.width * to, box.y + 200], 8), 16);
    await h.settled(page, '#many');
  }
  const last = await page.$eval('#many', (g) => g.index);
  await outcome(page, 'many', last);
  await settle(page);
  await page.evaluate(() => performance.mark('wg-paging-end'));
  const trace = JSON.parse(await browser.stopTracing());
  const { longtasks, stats, shown, pool } = await page.evaluate(([l, t0]) => ({
    longtasks: window.__longtasks.filter((e) => e.start >= t0),
    stats: document.getElementById('many').stats,
    shown: [...eval(l).shown.keys()].sort((a, b) => a - b),
    pool: eval(l).pool ? eval(l).pool.stats() : { peakWorkerMemory: 0, done: 0, workers: 0 },
  }), [loader('many'), t0]);
  // Paging faster than 12 MP photos decode: the slides passed over are aborted, not all shown.
  assert.ok(shown.includes(last) && shown.length >= 3, `photos shown on slides ${shown.join(', ')} (ended on ${last})`);

  // Headless Chromium composites a WebGL canvas by reading it back from SwiftShader, so on this
  // machine the 'longtask' observer reports frames that wait for the GPU process (or for a CPU). What
  // the reader would feel on a phone is main-thread *work*: no task may do more than 50 ms of it —
  // a 1.6 MP decode on this thread alone is well over 100 ms.
  const tasks = mainThreadTasks(trace, 'wg-paging-start', 'wg-paging-end');
  assert.ok(tasks.length > 50, `${tasks.length} main-thread tasks traced`);
  const worst = tasks.reduce((a, t) => (t.cpuMs > a.cpuMs ? t : a), { cpuMs: 0 });
  assert.ok(worst.cpuMs <= 50, `the busiest main-thread task did ${worst.cpuMs.toFixed(0)} ms of work (${worst.wallMs.toFixed(0)} ms wall)`);
  const wallWorst = longtasks.reduce((a, e) => Math.max(a, e.ms), 0);
  console.log(`# longtask observer: ${longtasks.length} entries (longest ${wallWorst.toFixed(0)} ms wall); ` +
    `busiest task ${worst.cpuMs.toFixed(1)} ms CPU of ${tasks.length}; main heap ${(stats.heapSize / 1048576).toFixed(0)} MB; ` +
    `decoder ${(pool.peakWorkerMemory / 1048576).toFixed(0)} MB after ${pool.done} decodes`);

  assert.ok(pool.workers >= 1, `${pool.workers} decode workers`);
  assert.equal(decoderFetches, 1, `the decoder module was fetched ${decoderFetches} times for ${pool.workers} workers`);
  assert.ok(stats.heapSize <= 32 * 1024 * 1024, `main wasm memory ${(stats.heapSize / 1048576).toFixed(0)} MB`);
  assert.ok(stats.texturesResident <= 5, `${stats.texturesResident} textures resident`);
  await h.shot(page, 'images-paged', await page.$('#many'));
  await page.context().close();
});

test('without Worker the photos still load, decoded on the main thread', async () => {
  const page = await h.openPage('desktop');
  await refuse(page);
  await page.addInitScript(() => { delete window.Worker; });
  await h.gotoGallery(page, '/test/images-mixed.html');
  assert.equal((await outcome(page, 'mixed', 0)).path, 'main');
  assert.equal(await outcome(page, 'mixed', 1), 'failed');
  await goTo(page, 'mixed', 3);
  assert.equal(await outcome(page, 'mixed', 3), 'failed');
  const errs = (await h.events(page, 'error')).map((e) => e.detail);
  assert.match(errs.find((d) => d.slide === 3).message, /looks like an HTML page/);
  await page.context().close();
});
