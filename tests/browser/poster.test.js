// poster.test.js — the first photo before any wasm (issue 13): as soon as the JSON is known the first
// slide's photo is an <img> exactly where the canvas will draw it, requested before the wasm; the canvas
// takes over once it has drawn that photo, with the same pixels where the photo is and no layout shift.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness.js');

after(h.teardown);

// Mean absolute difference per channel between two same-size PNG regions.
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

test('the first photo shows as an <img> before the wasm arrives, then the canvas takes over in place', async () => {
  const page = await h.openPage('desktop');
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/wasm-gallery.wasm', async (route) => { await gate; await route.continue(); });
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
  });
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
  const diff = meanDiff(before.png, afterShot.png, centre);
  assert.ok(diff < 6, `the photo's pixels before and after the hand-over differ by ${diff.toFixed(2)} on average`);
  assert.equal(await page.evaluate(() => window.__shifts), 0, 'no layout shift');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
