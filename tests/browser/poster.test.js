// poster.test.js — the first photo before any wasm (issue 13): as soon as the JSON is known the first
// slide's photo is an <img> exactly where the canvas will draw it, requested before the wasm; the canvas
// takes over once it has drawn that photo, with the same pixels where the photo is and no layout shift.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness.js');

after(h.teardown);

test('the first photo shows as an <img> before the wasm arrives, then the canvas takes over in place', async () => {
  const page = await h.openPage('desktop');
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/wasm-gallery.wasm', async (route) => { await gate; await route.continue(); });
  await h.recordLayoutShifts(page);
  await h.gotoEmpty(page, '/');
  await page.$eval('wasm-gallery', (g) => g.scrollIntoView());

  // The wasm is held back: the photo is there anyway, over the photo area.
  const poster = await page.waitForFunction(() => {
    const g = document.querySelector('wasm-gallery');
    const img = g && g.shadowRoot && g.shadowRoot.querySelector('.wg-poster');
    return img && img.complete && img.naturalWidth > 0 && img;
  }, null, { timeout: 20000 });
  const geo = await poster.evaluate((img) => {
    const r = img.getBoundingClientRect(), s = img.parentElement.getBoundingClientRect();
    return { top: r.top - s.top, left: r.left - s.left, w: r.width, h: r.height, stageW: s.width, src: img.src,
      priority: img.getAttribute('fetchpriority') };
  });
  assert.equal(geo.top, 0);
  assert.equal(geo.left, 0);
  assert.equal(geo.w, geo.stageW);
  assert.ok(Math.abs(geo.h - geo.w / (1596 / 1064)) < 1, `the photo area's height ${geo.h} for width ${geo.w}`);
  assert.match(geo.src, /\/web\/demo\/photos\/01\.jpg$/);
  assert.equal(geo.priority, 'high');
  const photoIdx = requests.findIndex((p) => p.endsWith('/web/demo/photos/01.jpg'));
  const wasmIdx = requests.findIndex((p) => p.endsWith('/wasm-gallery.wasm'));
  assert.ok(photoIdx >= 0 && (wasmIdx < 0 || photoIdx < wasmIdx), `photo requested before the wasm: ${requests.join(' ')}`);
  const gallery = await page.$('wasm-gallery');
  const before = await h.shot(page, 'poster-before-wasm', gallery);
  const area = { x: 0, y: 0, w: before.png.width, h: Math.round(geo.h) };
  assert.ok(h.pixelStats(before.png, area).colours > 500, 'the poster shows a photo');

  // The wasm arrives: the canvas draws the photo, the poster goes, and the photo stays put.
  release();
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'ready'), null, { timeout: 30000 });
  assert.equal(await page.$eval('wasm-gallery', (g) => g.shadowRoot.querySelectorAll('.wg-poster').length), 0, 'the poster is gone');
  const afterShot = await h.shot(page, 'poster-after-canvas', gallery);
  // Where only the photo is (not the arrows at the sides, the counter, full-screen button or credit).
  const centre = { x: Math.round(area.w * 0.2), y: Math.round(area.h * 0.2), w: Math.round(area.w * 0.6), h: Math.round(area.h * 0.6) };
  const diff = h.meanDiff(before.png, afterShot.png, centre);
  assert.ok(diff < 6, `the photo's pixels before and after the hand-over differ by ${diff.toFixed(2)} on average`);
  assert.equal(await h.layoutShift(page), 0, 'no layout shift');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The box a gallery reserves (reserve.js): width ÷ aspect + text panel + dots band.
const reserved = (w, aspect) => w / aspect + 24 + 156.8 + 32;

test('a server-rendered first slide is shown without any script, in the box the gallery will take', async () => {
  const page = await h.openPage('phone', { javaScriptEnabled: false });
  await page.goto(h.url('/test/ssr.html'));
  const box = await page.$eval('#gallery', (g) => {
    const img = g.querySelector('img'), r = g.getBoundingClientRect(), i = img.getBoundingClientRect();
    return { w: r.width, h: r.height, imgTop: i.top - r.top, imgW: i.width, imgH: i.height,
      loaded: img.complete && img.naturalWidth > 0, caption: g.querySelector('figcaption').getBoundingClientRect().height };
  });
  assert.ok(box.loaded, 'the photo loads with no script');
  assert.equal(box.imgTop, 0);
  assert.equal(box.imgW, box.w);
  assert.ok(Math.abs(box.imgH - box.w / (1596 / 1064)) < 1, `photo ${box.imgH} high for ${box.w} wide`);
  assert.ok(Math.abs(box.h - reserved(box.w, 1596 / 1064)) < 1, `the element is ${box.h} high, the gallery will be ${reserved(box.w, 1596 / 1064)}`);
  const shotNoJs = await h.shot(page, 'poster-ssr-no-script', await page.$('#gallery'));
  assert.ok(h.pixelStats(shotNoJs.png, { x: 0, y: 0, w: shotNoJs.png.width, h: Math.round(box.imgH) }).colours > 500, 'a photo is shown');
  await page.context().close();
});

test('with a server-rendered first slide the poster is its photo at once, before the JSON; the canvas takes over in place', async () => {
  const page = await h.openPage('phone');
  const photoRequests = [];
  const order = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    order.push(p);
    if (p.endsWith('/web/demo/photos/01.jpg')) photoRequests.push(p);
  });
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/gallery.json', async (route) => { await gate; await route.continue(); });
  await h.recordLayoutShifts(page);
  const cdp = await page.context().newCDPSession(page);
  const priority = {};
  cdp.on('Network.requestWillBeSent', (e) => { priority[new URL(e.request.url).pathname] = e.request.initialPriority; });
  await cdp.send('Network.enable');
  await h.gotoEmpty(page, '/test/ssr.html');

  // The JSON is held back: the script has run and shows the server-rendered photo as its poster.
  const poster = await page.waitForFunction(() => {
    const g = document.querySelector('#gallery');
    const img = g.shadowRoot && g.shadowRoot.querySelector('.wg-poster');
    return img && img.complete && img.naturalWidth > 0 && img;
  }, null, { timeout: 20000 });
  const geo = await poster.evaluate((img) => {
    const r = img.getBoundingClientRect(), s = img.parentElement.getBoundingClientRect();
    const host = img.getRootNode().host.getBoundingClientRect();
    return { top: r.top - s.top, w: r.width, h: r.height, stageW: s.width, hostH: host.height, src: img.src };
  });
  assert.equal(geo.top, 0);
  assert.equal(geo.w, geo.stageW);
  assert.ok(Math.abs(geo.h - geo.w / (1596 / 1064)) < 1, `poster ${geo.h} high for ${geo.w} wide`);
  assert.ok(Math.abs(geo.hostH - reserved(geo.w, 1596 / 1064)) < 1, `box ${geo.hostH} before the JSON`);
  assert.match(geo.src, /\/web\/demo\/photos\/01\.jpg$/);
  // The parser finds the photo before any script runs; it is fetched at high priority, the deferred
  // script at low, and the wasm only after the photo.
  assert.equal(priority['/web/demo/photos/01.jpg'], 'High');
  assert.equal(priority['/dist/wasm-gallery.js'], 'Low');
  const before = await h.shot(page, 'poster-ssr-before-json', await page.$('#gallery'));

  // The wasm does not wait for the JSON: the photo is on its way already.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/wasm-gallery.wasm')), null, { timeout: 20000 });
  assert.ok(order.indexOf('/web/demo/photos/01.jpg') < order.indexOf('/dist/wasm-gallery.wasm'), order.join(' '));
  release();
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'ready'), null, { timeout: 30000 });
  assert.equal(await page.$eval('#gallery', (g) => g.shadowRoot.querySelectorAll('.wg-poster').length), 0, 'the poster is gone');
  const afterShot = await h.shot(page, 'poster-ssr-after-canvas', await page.$('#gallery'));
  const scale = before.png.width / geo.w; // screenshots are in device px
  const w = before.png.width, ph = geo.h * scale;
  const centre = { x: Math.round(w * 0.2), y: Math.round(ph * 0.2), w: Math.round(w * 0.6), h: Math.round(ph * 0.6) };
  const diff = h.meanDiff(before.png, afterShot.png, centre);
  assert.ok(diff < 6, `the photo's pixels before and after the hand-over differ by ${diff.toFixed(2)} on average`);
  assert.equal(await h.layoutShift(page), 0, 'no layout shift');
  // The widget fetched the photo for its canvas in its decode worker (the HTTP cache may answer), but the
  // poster cost no second request of its own.
  assert.ok(photoRequests.length <= 2, `01.jpg requested ${photoRequests.length} times`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Which sizes of 01.jpg the page requests (the poster's and the decode worker's requests alike), and a
// wait for a given size to be requested.
async function sizesRequested(page) {
  const sizes = [];
  const waiting = [];
  await page.route('**/web/demo/photos/01.jpg?size=*', (route) => {
    const size = new URL(route.request().url()).searchParams.get('size');
    sizes.push(size);
    for (const w of waiting.filter((x) => x.size === size)) w.resolve();
    return route.continue();
  });
  sizes.requested = (size) => (sizes.includes(size) ? Promise.resolve() : new Promise((resolve) => waiting.push({ size, resolve })));
  return sizes;
}

for (const [device, expected] of [['desktop', '800'], ['phone', '1600']]) {
  test(`srcset on a ${device}: the poster and the canvas fetch the narrowest size that covers the box × DPR`, async () => {
    const page = await h.openPage(device);
    const sizes = await sizesRequested(page);
    await h.gotoGallery(page, '/test/srcset.html');
    // 720 CSS px at DPR 1 need the 800 px size; 360 at DPR 3 (1080 device px) the 1600 px one.
    assert.deepEqual([...new Set(sizes)], [expected], `sizes requested: ${sizes.join(', ')}`);
    assert.ok(sizes.length >= 2, `the poster and the decode worker each asked for it: ${sizes.join(', ')}`);
    if (device === 'desktop') {
      // Full screen (1280 × 800 CSS px): the photo is shown larger, so a larger size is fetched.
      await page.$eval('#gallery', (g) => g.requestFullscreen());
      await sizes.requested('1600');
      await page.evaluate(() => document.exitFullscreen());
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
