// zoom.test.js — zooming into a photo as a reader does it: a double tap in and out, a two-finger pinch
// (the gallery takes it, the page does not zoom), one finger panning the zoomed photo and handing over
// to the carousel only at the photo's edge; ctrl + wheel, + / − / Escape and arrow keys on a desktop;
// the accessible Zoom button and the live region. Touch events go with their real times.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const h = require('./harness.js');

after(h.teardown);

// Waits until the engine's own stats (asked on its thread; `client`: an expression for the gallery's
// engine client in the page) satisfy pred(stats, arg), up to `timeout`; returns its stats either way:
// the asserts that follow say what was missing.
async function statsUntil(page, client, pred, arg = null, timeout = 30000) {
  await h.until(page, async ([c, f, a]) => new Function('s', 'a', 'return (' + f + ')(s, a)')((await eval(c).debug('stats')).stats, a),
    [client, pred.toString(), arg], { timeout, polling: 100 }).catch((e) => { if (e.name !== 'TimeoutError') throw e; });
  return page.evaluate(async (c) => (await eval(c).debug('stats')).stats, client);
}
const DESKTOP = "document.querySelector('wasm-gallery')._gallery._client";
const BIG = '__big.gallery._client';

const zoom = (page) => page.$eval('wasm-gallery', (g) => g._gallery._zoom || 100);
// Waits for the zoom (state.zoom, %) to settle where `ok` says.
const zoomed = (page, ok, timeout = 10000) => page.waitForFunction(`(() => { const g = document.querySelector('wasm-gallery');
  const z = g._gallery._zoom || 100; return !g.stats.animating && (${ok})(z); })()`, null, { timeout, polling: 50 });
const live = (page) => page.$eval('wasm-gallery', (g) => g.shadowRoot.querySelector('.wg-live').textContent);

// The photo area of the gallery in the viewport, scrolled into view.
async function photoBox(page) {
  await page.$eval('wasm-gallery', (g) => g.scrollIntoView());
  await h.still(page);
  const b = await page.locator('wasm-gallery').boundingBox();
  return { x: b.x, y: b.y, w: b.width, h: b.width / 1.5 };  // the seed's photos are 3:2
}

test('phone: a double tap zooms in around the finger and back out; the page never zooms', async () => {
  const page = await h.openPage('phone');
  await h.gotoGallery(page, '/');
  const box = await photoBox(page);
  const inp = await h.input(page);
  const at = [box.x + box.w * 0.3, box.y + box.h * 0.4];
  const tap = { after: 400 };
  await inp.touch([[at, at]], 30, tap);
  await inp.touch([[at, at]], 30, { after: 120 });
  await zoomed(page, (z) => z > 100);
  assert.ok(await zoom(page) >= 150, `zoomed in (${await zoom(page)}%)`);
  assert.match(await live(page), /^Zoom \d+%$/);
  assert.equal(await page.evaluate(() => visualViewport.scale), 1, 'the page did not zoom');
  assert.equal(await page.$eval('wasm-gallery', (g) => g.index), 0, 'no slide change');
  await h.still(page);
  // Zoomed in, the photo shows detail: many more distinct colours than a blank or tiled area would.
  const { png } = await h.shot(page, 'zoom-double-tap', page.locator('wasm-gallery'));
  const stats = h.pixelStats(png, { x: 0, y: 0, w: png.width, h: Math.round(png.width / 1.5) });
  assert.ok(stats.colours > 500, JSON.stringify(stats));
  await inp.touch([[at, at]], 30, tap);
  await inp.touch([[at, at]], 30, { after: 120 });
  await zoomed(page, (z) => z === 100);
  assert.equal(await live(page), 'Whole photo');
  await page.context().close();
});

test('phone: a pinch zooms around the fingers; a pan stops at the edge, then the carousel takes over', async () => {
  const page = await h.openPage('phone');
  await h.gotoGallery(page, '/');
  const box = await photoBox(page);
  const inp = await h.input(page);
  const cx = box.x + box.w / 2, cy = box.y + box.h / 2;
  // Two fingers spread from 60 px to 240 px apart.
  const steps = 12;
  const finger = (dir) => Array.from({ length: steps + 1 }, (_, i) => [cx + dir * (30 + 90 * i / steps), cy]);
  await inp.touch([finger(-1), finger(1)], 16, { after: 300 });
  await zoomed(page, (z) => z > 100);
  const z = await zoom(page);
  assert.ok(z >= 250, `pinched to ${z}%`);
  assert.equal(await page.evaluate(() => visualViewport.scale), 1, 'the gallery took the pinch, not the page');
  await h.still(page);
  const out = path.join(h.ROOT, 'docs/screenshots/zoom-pinch.png');
  await page.locator('wasm-gallery').screenshot({ path: out });
  // A short pan to the left moves the photo, not the carousel.
  const pan = (dx) => Array.from({ length: 11 }, (_, i) => [cx + 60 - dx * i / 10, cy]);
  await inp.touch([pan(80)], 16, { after: 300 });
  await h.still(page);
  assert.equal(await page.$eval('wasm-gallery', (g) => g.index), 0, 'panning within the photo keeps the slide');
  assert.ok(await zoom(page) > 100, 'still zoomed');
  // Long pans to the left reach the photo's right edge; the rest of the move turns the slide.
  for (let i = 0; i < 6 && (await page.$eval('wasm-gallery', (g) => g.index)) === 0; i++) {
    await inp.touch([Array.from({ length: 13 }, (_, k) => [box.x + box.w - 10 - (box.w - 20) * k / 12, cy])], 16, { after: 300 });
    await h.still(page);
  }
  await h.settled(page, 'wasm-gallery', 1);
  await zoomed(page, (z2) => z2 === 100);
  await page.context().close();
});

test('desktop: ctrl + wheel zooms at the pointer, + and − keys, arrows pan, Escape and the Zoom button', async () => {
  const page = await h.openPage('desktop');
  await h.gotoGallery(page, '/');
  const box = await photoBox(page);
  const inp = await h.input(page);
  const x = box.x + box.w * 0.6, y = box.y + box.h * 0.5;
  const bytes = () => page.evaluate(async () => (await document.querySelector('wasm-gallery')._gallery._client.debug('stats')).stats.textureBytes);
  const before = await bytes();
  // A trackpad pinch arrives as ctrl + wheel: the photo zooms, the page does not.
  await inp.play(Array.from({ length: 6 }, (_, i) => ({ at: i * 16, method: 'Input.dispatchMouseEvent',
    params: { type: 'mouseWheel', x, y, deltaX: 0, deltaY: -60, modifiers: 2, button: 'none', buttons: 0 } })));
  await zoomed(page, (z) => z > 100);
  assert.equal(await page.evaluate(() => visualViewport.scale), 1);
  // Zoomed, the photo is decoded again at the size it is shown at (up to the seed file's 1596 px,
  // not the box's fit): a larger texture.
  await statsUntil(page, DESKTOP, (st, b) => st.textureBytes > b, before, 10000);
  assert.ok(await bytes() > before, `a sharper texture for the zoom (${before} → ${await bytes()} bytes)`);
  assert.equal(await page.evaluate(() => scrollY), await page.evaluate(() => scrollY), 'no scroll');
  // Keys, with focus in the gallery.
  await page.$eval('wasm-gallery', (g) => g.shadowRoot.querySelector('[role="region"]').focus());
  await page.keyboard.press('Escape');
  await zoomed(page, (z) => z === 100);
  await page.keyboard.press('+');
  await zoomed(page, (z) => z === 150);
  await page.keyboard.press('+');
  await zoomed(page, (z) => z > 150);

  await page.keyboard.press('-');
  await zoomed(page, (z) => z === 150);
  await page.keyboard.press('ArrowRight');  // pans while zoomed: no slide change
  await h.still(page);
  assert.equal(await page.$eval('wasm-gallery', (g) => g.index), 0);
  // A mouse drag pans the zoomed photo (a short one: within its edges), no slide change either.
  const place = () => page.evaluate(async () => (await document.querySelector('wasm-gallery')._gallery._client.debug('stats')).stats);
  const z0 = await zoom(page);
  await inp.drag(Array.from({ length: 8 }, (_, i) => [x - 5 * i, y - 3 * i]), 16);
  await h.still(page);
  assert.equal(await page.$eval('wasm-gallery', (g) => g.index), 0, 'a drag within the zoomed photo keeps the slide');
  assert.equal(await zoom(page), z0, 'and the zoom');
  assert.ok((await place()).zoom > 1);
  await page.keyboard.press('Escape');
  await zoomed(page, (z) => z === 100);
  await page.keyboard.press('ArrowRight');  // whole again: the arrows change slides
  await h.settled(page, 'wasm-gallery', 1);
  // The accessible toggle: named, pressed while zoomed.
  const button = () => page.$eval('wasm-gallery', (g) => {
    const b = g.shadowRoot.querySelector('.wg-zoom');
    return { hidden: b.hidden, pressed: b.getAttribute('aria-pressed'), label: b.getAttribute('aria-label') };
  });
  assert.deepEqual(await button(), { hidden: false, pressed: 'false', label: 'Zoom' });
  await page.$eval('wasm-gallery', (g) => g.shadowRoot.querySelector('.wg-zoom').focus());
  await page.keyboard.press('Enter');
  await zoomed(page, (z) => z > 100);
  const b = await button();
  assert.equal(b.pressed, 'true');
  assert.match(b.label, /^Zoom \d+%/);
  await page.keyboard.press('Enter');
  await zoomed(page, (z) => z === 100);
  assert.equal((await button()).pressed, 'false');
  await page.context().close();
});

test('phone: a zoomed 12 MP photo is decoded again at the zoomed size, then its visible part at the screen\'s pixels, within the budget, and freed after', async () => {
  const { ensurePhoto } = require('../../bench/decode/decode-bench.js');
  const fs = require('fs');
  const big = fs.readFileSync(ensurePhoto());  // 4000 × 3000
  const page = await h.openPage('phone');
  await page.route('**/demo/photos/*', (r) => r.fulfill({ body: big, contentType: 'image/jpeg' }));
  await h.gotoEmpty(page, '/test/scripts-mount.html');
  await page.evaluate(() => {
    document.body.replaceChildren();
    const d = document.createElement('div');
    d.id = 'big';
    document.body.append(d);
    const slide = (n) => ({ image: `/demo/photos/0${n}.jpg`, alt: 'A 12 MP photo', caption: 'Twelve megapixels', width: 4000, height: 3000 });
    window.__big = WasmGallery.mount(d, { data: JSON.stringify({ title: '12 MP', slides: [slide(1), slide(2), slide(3)] }) });
  });
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'ready'), null, { timeout: 60000 });
  await h.still(page);
  const tex = () => page.evaluate(async () => (await __big.gallery._client.debug('stats')).stats);
  // All three photos resident at their usual size first (the neighbours load once the page is idle).
  await statsUntil(page, BIG, (st) => st.texturesResident >= 3);
  const whole = (await tex()).textureBytes;
  const at = await h.photoPoint(page, '#big', 0.5, 0.5);
  const inp = await h.input(page);
  await inp.touch([[at, at]], 30, { after: 400 });
  await inp.touch([[at, at]], 30, { after: 120 });
  await page.waitForFunction(() => (__big.gallery._zoom || 100) > 100 && !__big.stats.animating, null, { timeout: 10000 });
  // The current photo decoded again at the zoomed size (more than a photo gets unzoomed), within the
  // 48 MB texture budget.
  let s;
  s = await statsUntil(page, BIG, (st, w) => st.textureBytes > w + 8e6, whole, 20000);
  assert.ok(s.textureBytes > whole + 8e6, `a larger texture while zoomed (${whole} → ${s.textureBytes} bytes)`);
  assert.ok(s.textureBytes <= 48 * 1048576, `within the texture budget (${s.textureBytes})`);
  await h.still(page);
  await page.locator('#big').screenshot({ path: path.join(h.ROOT, 'docs/screenshots/zoom-12mp.png') });
  // Pinched further, to the photo's own pixels and beyond: more than a texture of the whole photo
  // can hold, so the part on screen is decoded again at the screen's resolution (a detail).
  const wholeW = s.textureBytes;  // noted for the message only
  await inp.touch([[[at[0] - 30, at[1]], [at[0] - 120, at[1]]], [[at[0] + 30, at[1]], [at[0] + 120, at[1]]]], 40, { after: 100 });
  await page.waitForFunction(() => !__big.stats.animating && (__big.gallery._zoom || 100) > 300, null, { timeout: 10000 });
  const sharp = (d) => d[0] > 0 && d[0] / d[2] >= 3200;  // px per photo width: more than 4096 / 1.25
  s = await statsUntil(page, BIG, (st) => st.zoomDetail[0] > 0 && st.zoomDetail[0] / st.zoomDetail[2] >= 3200);  // sharp()
  const [dw, dh, cw, ch] = s.zoomDetail;
  assert.ok(dw > 0 && dh > 0, `a detail of the visible part arrived (${JSON.stringify(s.zoomDetail)}, ${wholeW} bytes of whole photo)`);
  assert.ok(cw * ch < 0.9, `only a part of the photo (${cw} × ${ch} of it at ${s.zoom}×)`);
  // Its pixels per photo width: far more than the whole photo's texture (at most 4096 wide) holds.
  assert.ok(sharp(s.zoomDetail), `sharper than any whole-photo texture (${Math.round(dw / cw)} px per photo width; ${JSON.stringify(s)})`);
  assert.ok(s.textureBytes <= 48 * 1048576, `within the texture budget (${s.textureBytes})`);
  await h.still(page);
  await page.locator('#big').screenshot({ path: path.join(h.ROOT, 'docs/screenshots/zoom-12mp-detail.png') });
  // A long pan leaves the part held: the new visible part is decoded again.
  const crop0 = s.zoomDetail.join();
  await inp.touch([[at, [at[0] + 60, at[1] + 40], [at[0] + 120, at[1] + 80], [at[0] + 160, at[1] + 110]]], 30, { holdSteps: 4, after: 100 });
  await page.waitForFunction(() => !__big.stats.animating, null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => __big.index), 0, 'the pan kept the slide');
  s = await statsUntil(page, BIG, (st, c) => st.zoomDetail.join() !== c && st.zoomDetail[0] > 0 && st.zoomDetail[0] / st.zoomDetail[2] >= 3200, crop0);
  assert.notEqual(s.zoomDetail.join(), crop0, 'a detail of the part panned to');
  // Back to the whole photo: the large texture and the detail are replaced by one of the usual size.
  await inp.touch([[at, at]], 30, { after: 400 });
  await inp.touch([[at, at]], 30, { after: 120 });
  await page.waitForFunction(() => (__big.gallery._zoom || 100) === 100, null, { timeout: 10000 });
  s = await statsUntil(page, BIG, (st, w) => st.textureBytes <= w + 1e6, whole, 20000);
  assert.ok(s.textureBytes <= whole + 1e6, `the zoom's texture is freed (${s.textureBytes} vs ${whole} before)`);
  assert.deepEqual(s.zoomDetail.slice(0, 2), [0, 0], 'and its detail');
  await page.context().close();
});

test('reduced motion: a double tap zooms without animation frames', async () => {
  const page = await h.openPage('phone');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await h.gotoGallery(page, '/');
  const box = await photoBox(page);
  const inp = await h.input(page);
  const at = [box.x + box.w / 2, box.y + box.h / 2];
  const engineZoom = () => page.evaluate(async () => (await document.querySelector('wasm-gallery')._gallery._client.debug('stats')).stats.zoom);
  await inp.touch([[at, at]], 30, { after: 400 });
  await inp.touch([[at, at]], 30, { after: 120 });
  // The engine has handled the second tap (input.touch returns then): the zoom is already where the
  // double tap goes, not on its way there.
  const z = await engineZoom();
  assert.ok(z >= 1.5, `zoomed at once to ${z}`);
  await zoomed(page, (p) => p > 100);
  await page.context().close();
});
