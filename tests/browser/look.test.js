// look.test.js — the gallery at phone, tablet and desktop sizes: screenshots, the backing store at
// CSS size × DPR, crisp text at DPR 3, no layout shift on load, no frames while idle, and the
// site's CSS custom properties restyling it.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness.js');

after(h.teardown);

async function idle(page, ms = 2000) {
  const before = await page.$eval('wasm-gallery', (g) => g.stats.framesRendered);
  await page.waitForTimeout(ms); // the subject: frames drawn in this long a time at rest
  const afterN = await page.$eval('wasm-gallery', (g) => g.stats.framesRendered);
  return afterN - before;
}

// Share of anti-aliased (mid-grey) pixels among all inked pixels of dark text on a light panel:
// a canvas drawn at device resolution has thin edges; one drawn at 1× and stretched has wide ones.
function edgeSoftness(png, rect) {
  let mid = 0, ink = 0;
  for (let y = rect.y; y < rect.y + rect.h; y++) {
    for (let x = rect.x; x < rect.x + rect.w; x++) {
      const i = (y * png.width + x) * 4;
      const l = 0.2126 * png.data[i] + 0.7152 * png.data[i + 1] + 0.0722 * png.data[i + 2];
      if (l < 200) ink++;
      if (l >= 60 && l < 200) mid++;
    }
  }
  return ink ? mid / ink : 1;
}

for (const device of ['phone', 'tablet', 'desktop']) {
  test(`${device}: reserved box, backing store = CSS × DPR, screenshot, idle draws nothing`, async () => {
    const page = await h.openPage(device);
    await h.recordLayoutShifts(page);
    const evs = await h.gotoGallery(page, '/');
    assert.ok(evs.some((e) => e.type === 'ready'));
    // The photos of the slides near the current one arrive, then their fades finish.
    await page.waitForFunction(() => {
      const L = document.querySelector('wasm-gallery')._gallery._images;
      return L && L.state.size >= 3 && L.jobs.size === 0 && L.queue.length === 0;
    }, null, { timeout: 30000 });
    await h.still(page);
    const dims = await page.$eval('wasm-gallery', (g) => {
      const c = g.shadowRoot.querySelector('canvas');
      const r = c.getBoundingClientRect();
      return { cssW: r.width, cssH: r.height, w: c.width, h: c.height, dpr: devicePixelRatio };
    });
    const dpr = Math.min(3, dims.dpr);
    assert.equal(dims.w, Math.round(dims.cssW * dpr));
    assert.equal(dims.h, Math.round(dims.cssH * dpr));
    const { png } = await h.shot(page, `look-${device}`, await page.$('wasm-gallery'));
    const stats = h.pixelStats(png, { x: 0, y: 0, w: png.width, h: Math.floor(png.height * 0.4) });
    assert.ok(stats.colours > 500, `a photo is drawn (${stats.colours} colours)`);
    assert.equal(await h.layoutShift(page), 0, 'no layout shift on load');
    assert.equal(await idle(page), 0, 'no frames while idle');
    await page.context().close();
  });
}

test('text at DPR 3 is as crisp as at DPR 1 (drawn at device resolution, not stretched)', async () => {
  const soft = {};
  for (const dpr of [1, 3]) {
    const page = await h.openPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: dpr });
    await h.gotoGallery(page, '/');
    const el = await page.$('wasm-gallery');
    const box = await el.boundingBox();
    // The caption's first lines sit just under the dots band, below the photo.
    const photoH = 360 / 1.5;
    const { png } = await h.shot(page, `look-text-dpr${dpr}`, el);
    const y0 = Math.round((photoH + 32 + 12) * dpr), rect = { x: Math.round(16 * dpr), y: y0, w: Math.round(300 * dpr), h: Math.round(60 * dpr) };
    soft[dpr] = edgeSoftness(png, rect);
    assert.ok(box.width > 300);
    await page.context().close();
  }
  // At 3× the stems are ~3× wider while the anti-aliased rim stays ~1 device pixel.
  assert.ok(soft[3] < soft[1] * 0.75, `soft share DPR3 ${soft[3].toFixed(3)} vs DPR1 ${soft[1].toFixed(3)}`);
});

test("the site's CSS custom properties change the colours; dark theme follows the scheme", async () => {
  const page = await h.openPage('desktop');
  await h.gotoGallery(page, '/test/look-theme.html', '#themed');
  const el = await page.$('#themed');
  const panelPixel = async (name) => {
    const { png } = await h.shot(page, name, el);
    const x = png.width - 6, y = png.height - 6; // bottom-right corner of the text panel: background
    const i = (y * png.width + x) * 4;
    return [png.data[i], png.data[i + 1], png.data[i + 2]];
  };
  const before = await panelPixel('look-theme-default');
  assert.ok(before.every((c) => c > 240), `default background is white: ${before}`);
  // Each change redraws the panel: a frame after it, then the gallery still.
  let f = await h.engineFrames(page, '#themed');
  await page.$eval('#themed', (g) => g.classList.add('brand'));
  await h.drawnSince(page, '#themed', f);
  await h.still(page);
  const branded = await panelPixel('look-theme-brand');
  assert.deepEqual(branded, [20, 40, 90]);
  await page.$eval('#themed', (g) => g.classList.remove('brand'));
  await h.still(page);
  f = await h.engineFrames(page, '#themed');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.querySelector('#themed').hasAttribute('data-dark'));
  await h.drawnSince(page, '#themed', f);
  await h.still(page);
  const dark = await panelPixel('look-theme-dark');
  assert.ok(dark.every((c) => c < 40), `dark scheme background: ${dark}`);
  await page.context().close();
});

test('More grows the box to the whole text (Less shrinks it back); full screen fills the screen', async () => {
  const page = await h.openPage('desktop', { viewport: { width: 420, height: 800 } });
  await h.gotoGallery(page, '/');
  const host = await page.$('wasm-gallery');
  const height = () => host.evaluate((g) => g.getBoundingClientRect().height);
  const h0 = await height();
  const more = await page.evaluateHandle(() => document.querySelector('wasm-gallery').shadowRoot.querySelector('.wg-more'));
  await more.asElement().scrollIntoViewIfNeeded();
  await h.still(page);  // redrawn where the scroll put it
  const box = await more.asElement().boundingBox();
  assert.ok(box && box.width >= 24 && box.height >= 24, 'a More control is drawn where the text is cut');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction((h) => document.querySelector('wasm-gallery').getBoundingClientRect().height > h + 40, h0);
  await h.transitionsDone(page);  // the height transition
  await h.still(page);
  const { png } = await h.shot(page, 'look-expanded', host);
  const h1 = await height();
  assert.ok(h1 > h0 + 40, `expanded ${h0} → ${h1}`);
  // The last body paragraph is drawn: dark ink near the bottom of the grown box.
  const tail = h.pixelStats(png, { x: 0, y: png.height - 160, w: png.width, h: 120 });
  assert.ok(tail.lumaRange > 120, 'text at the bottom of the expanded box');
  const lessEl = (await page.evaluateHandle(() => document.querySelector('wasm-gallery').shadowRoot.querySelector('.wg-more'))).asElement();
  await lessEl.scrollIntoViewIfNeeded();
  await h.still(page);
  const less = await lessEl.boundingBox();
  await page.mouse.click(less.x + less.width / 2, less.y + less.height / 2);
  await page.waitForFunction((h) => Math.abs(document.querySelector('wasm-gallery').getBoundingClientRect().height - h) < 1, h0);

  const fsEl = (await page.evaluateHandle(() => document.querySelector('wasm-gallery').shadowRoot.querySelector('.wg-fullscreen'))).asElement();
  await fsEl.scrollIntoViewIfNeeded();
  await h.still(page);
  const fs = await fsEl.boundingBox();
  await page.mouse.click(fs.x + fs.width / 2, fs.y + fs.height / 2);
  await page.waitForFunction(() => document.fullscreenElement === document.querySelector('wasm-gallery'));
  await page.waitForFunction(() => {
    const c = document.querySelector('wasm-gallery').shadowRoot.querySelector('canvas');
    return Math.abs(c.getBoundingClientRect().height - innerHeight) < 2 && c.height === Math.round(innerHeight * devicePixelRatio);
  });
  await h.still(page); // the frame at the new size
  await h.shot(page, 'look-fullscreen');
  await page.evaluate(() => document.exitFullscreen());
  await page.waitForFunction(() => !document.fullscreenElement);
  await page.waitForFunction((h) => Math.abs(document.querySelector('wasm-gallery').getBoundingClientRect().height - h) < 1, h0);
  await page.context().close();
});

// In WebGL every query is a synchronous round trip to the GPU process; a frame must not make one.
test('swiping draws frames without one synchronous WebGL query (glGet*, glGetError, readPixels)', async () => {
  const page = await h.openPage('desktop');
  await h.gotoGallery(page, '/');
  const g = await page.$('wasm-gallery');
  await g.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('wasm-gallery').stats.webgl === 'live');
  // Every WebGL2 query method wrapped where the frames are drawn (the render worker, or the page).
  await h.engineDebug(page, 'wasm-gallery', 'watchQueries');
  const frames0 = (await h.engineDebug(page, 'wasm-gallery', 'stats')).stats.framesRendered;
  for (let i = 1; i <= 3; i++) {
    await page.evaluate(() => document.querySelector('wasm-gallery').next());
    await page.waitForFunction((n) => window.__wg.events.filter((e) => e.type === 'slidechange').length >= n, i);
  }
  const { stats } = await h.engineDebug(page, 'wasm-gallery', 'stats');
  const frames = stats.framesRendered, queries = stats.glQueries;
  assert.ok(frames - frames0 >= 10, `${frames - frames0} frames drawn while swiping`);
  assert.deepEqual(queries, {}, `GL queries during ${frames - frames0} frames`);
  await page.context().close();
});
