// iphone.test.js — what an iPhone's Safari needs that desktop WebKit does not show, emulated in
// Chromium on a phone: no element full screen (Element.prototype.requestFullscreen and its WebKit
// form are missing, document.fullscreenElement stays null), so the full-screen button opens the
// gallery's full-viewport mode, which Escape, the browser's Back and the button close; WebKit's
// gesturestart/gesturechange pinch events, taken over the photo only; and the canvas backing store
// kept under iOS's 16,777,216-pixel canvas limit.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const { PNG } = require('pngjs');
const h = require('./harness.js');

after(h.teardown);

const SEL = '#trip';
const CANVAS_CAP = 16777216;

// A page as iPhone Safari shows it: no Fullscreen API on elements. Also records the gallery's
// `fullscreen` events.
async function openIphone(device = 'phone') {
  const page = await h.openPage(device);
  await page.addInitScript(() => {
    delete Element.prototype.requestFullscreen;
    delete Element.prototype.webkitRequestFullscreen;
    delete Document.prototype.exitFullscreen;
    delete Document.prototype.webkitExitFullscreen;
    window.__fs = [];
    document.addEventListener('fullscreen', (e) => window.__fs.push(e.detail));
  });
  return page;
}

// The gallery's state in the page: full-viewport mode, the button's words, where the canvas and the
// drawn photo are, its backing store, the page's scroll and history.
function look(page) {
  return page.$eval(SEL, (g) => {
    const c = g.shadowRoot.querySelector('canvas'), r = c.getBoundingClientRect();
    const fs = g.shadowRoot.querySelector('.wg-fullscreen');
    return { mode: g.getAttribute('data-wg-fullscreen'), label: fs.getAttribute('aria-label'), rect: [r.left, r.top, r.width, r.height],
      backing: [c.width, c.height], photo: (g._gallery._controls || {}).photo || null, index: g.index,
      scrollY, innerWidth, innerHeight, hash: location.hash, state: history.state, historyLength: history.length };
  });
}

// Taps the full-screen control the canvas draws (the mirror's button lies over it).
async function tapFullscreen(page) {
  await h.still(page, 20000, SEL);
  const box = await page.$eval(SEL, (g) => {
    const b = g.shadowRoot.querySelector('.wg-fullscreen');
    if (b.hidden) return null;
    const r = b.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  assert.ok(box, 'the full-screen control is drawn');
  await page.touchscreen.tap(box.x, box.y);
}

const covering = (page) => page.waitForFunction((s) => {
  const g = document.querySelector(s), c = g.shadowRoot.querySelector('canvas'), r = c.getBoundingClientRect();
  return g.getAttribute('data-wg-fullscreen') === 'viewport' && Math.abs(r.left) < 1 && Math.abs(r.top) < 1 &&
    Math.abs(r.width - innerWidth) < 1 && Math.abs(r.height - innerHeight) < 1;
}, SEL, { timeout: 10000 });

const closed = (page) => page.waitForFunction((s) => !document.querySelector(s).hasAttribute('data-wg-fullscreen'), SEL, { timeout: 10000 });

// The page scrolled so that the gallery is in view, below the sticky header; returns scrollY.
async function scrollToGallery(page) {
  const y = await page.$eval(SEL, (g) => {
    scrollTo({ top: g.getBoundingClientRect().top + scrollY - 120, behavior: 'instant' });
    return scrollY;
  });
  await h.still(page, 20000, SEL);
  return y;
}

// A one-finger drag up the viewport at x, from y0 to y1 (CSS px), as the touch screen sends it.
async function touchDrag(page, x, y0, y1) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + (y1 - y0) * i / 10 }] });
  }
  // Held still before lifting, so that no fling goes on scrolling after it.
  for (let i = 0; i < 6; i++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y1 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await scrollRest(page);
}

// Waits until the page's scroll position has not changed for 20 animation frames.
function scrollRest(page) {
  return page.evaluate(() => new Promise((resolve) => {
    let last = scrollY, same = 0;
    const step = () => {
      same = scrollY === last ? same + 1 : 0;
      last = scrollY;
      if (same >= 20) resolve(); else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }));
}

test('iPhone (no element full screen): the button opens the full-viewport mode over the page, which stays put; Escape closes it', async () => {
  const page = await openIphone();
  await h.gotoGallery(page, '/test/iphone.html');
  assert.equal(await page.evaluate(() => typeof Element.prototype.requestFullscreen), 'undefined');
  const y0 = await scrollToGallery(page);
  // The way of scrolling used below does scroll this page while the gallery is in it.
  await touchDrag(page, 180, 700, 400);
  const moved = await page.evaluate(() => scrollY);
  assert.ok(moved > y0 + 100, `a touch drag scrolls the page (${y0} → ${moved})`);
  await page.evaluate((y) => scrollTo({ top: y, behavior: 'instant' }), y0);
  await scrollRest(page);
  assert.equal(await page.evaluate(() => scrollY), y0);
  await h.still(page, 20000, SEL);
  const before = await look(page);
  assert.equal(before.label, 'Full screen');
  assert.ok(before.photo, 'the photo is placed');
  const historyBefore = before.historyLength;

  await tapFullscreen(page);
  await covering(page);
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('.wg-fullscreen').getAttribute('aria-label') === 'Exit full screen', SEL);
  // The canvas's backing store follows at once: the whole viewport at the device's pixel ratio.
  await page.waitForFunction((s) => {
    const c = document.querySelector(s).shadowRoot.querySelector('canvas');
    return c.width === Math.round(innerWidth * devicePixelRatio) && c.height === Math.round(innerHeight * devicePixelRatio);
  }, SEL, { timeout: 10000 });
  await h.still(page, 20000, SEL);
  const full = await look(page);
  assert.equal(full.scrollY, y0, 'entering does not scroll the page');
  assert.equal(full.historyLength, historyBefore + 1, 'one history entry for Back to close');
  assert.equal(full.state && full.state.wgFullscreen, (await page.$eval(SEL, (g) => g._gallery._fsKey)));
  assert.ok(full.photo[2] * full.photo[3] > before.photo[2] * before.photo[3] * 1.1,
    `the photo's area is larger: ${before.photo} → ${full.photo}`);
  assert.deepEqual(await page.evaluate(() => window.__fs), [{ on: true, viewport: true }]);

  // Look: the gallery covers the viewport (none of the page's green, not even its sticky header), with
  // the photo drawn in its photo area.
  const { png } = await h.shot(page, 'iphone-fullviewport');
  const dpr = png.width / full.innerWidth;
  const p = full.photo.map((v) => Math.round(v * dpr));
  let green = 0; // outside the photo (a photo may well be green)
  for (let y = 0; y < png.height; y += 4) {
    for (let x = 0; x < png.width; x += 4) {
      if (x >= p[0] && x < p[0] + p[2] && y >= p[1] && y < p[1] + p[3]) continue;
      const i = (y * png.width + x) * 4;
      const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
      if (g > r + 20 && g > b + 20 && g > 150) green++; // #c8e6c9 / #a5d6a7, the page
      if (r === 0x1b && g === 0x5e && b === 0x20) green++; // the sticky header
    }
  }
  assert.equal(green, 0, 'none of the page shows around or over the gallery');
  const photo = h.pixelStats(png, { x: p[0], y: p[1], w: p[2], h: p[3] });
  assert.ok(photo.colours > h.PHOTO_COLOURS, `the photo is drawn (${photo.colours} colours)`);

  // The page behind does not scroll: not by a finger, not by the wheel.
  await touchDrag(page, 180, 600, 200);
  await page.mouse.move(180, 400);
  await page.mouse.wheel(0, 600);
  await scrollRest(page);
  assert.equal(await page.evaluate(() => scrollY), y0, 'the page did not scroll behind the gallery');
  // The keyboard stays in the gallery: Tab never reaches the page's link after it.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate((s) => document.activeElement === document.querySelector(s), SEL);
    assert.ok(where, `focus in the gallery after ${i + 1} Tab(s)`);
  }

  await page.keyboard.press('Escape');
  await closed(page);
  // Leaving went back over its history entry; the page is where it was.
  await page.waitForFunction((n) => history.length === n && !(history.state && history.state.wgFullscreen), historyBefore + 1);
  await page.waitForFunction((s) => {
    const c = document.querySelector(s).shadowRoot.querySelector('canvas');
    return Math.abs(c.getBoundingClientRect().width - document.querySelector(s).getBoundingClientRect().width) < 1;
  }, SEL);
  const after = await look(page);
  assert.equal(after.scrollY, y0, 'the page is at the same scroll position');
  assert.equal(after.label, 'Full screen');
  assert.deepEqual(after.rect.slice(2), before.rect.slice(2), 'the gallery is back in the article at its size');
  assert.deepEqual(await page.evaluate(() => window.__fs), [{ on: true, viewport: true }, { on: false, viewport: false }]);
  // The page scrolls again.
  await touchDrag(page, 180, 700, 400);
  assert.ok(await page.evaluate(() => scrollY) > y0 + 100, 'the page scrolls again once closed');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('iPhone: the browser\'s Back closes the full-viewport mode (the page where it was, the deep link on the slide shown); so does the button', async () => {
  const page = await openIphone();
  await h.gotoGallery(page, '/test/iphone.html#trip/1');
  const y0 = await scrollToGallery(page);
  const before = await look(page);
  await tapFullscreen(page);
  await covering(page);
  // A slide further in full screen: the deep link follows it.
  await page.$eval(SEL, (g) => g.next());
  await page.waitForFunction(() => location.hash === '#trip/2');
  await h.still(page, 20000, SEL);

  await page.evaluate(() => history.back());
  await closed(page);
  assert.deepEqual((await look(page)).rect.slice(2), before.rect.slice(2), 'back in the article at its size at once');
  await h.still(page, 20000, SEL);
  const back = await look(page);
  assert.equal(back.scrollY, y0, 'the page is at the same scroll position');
  assert.equal(back.historyLength, before.historyLength + 1);
  assert.equal(back.index, 1, 'Back closed full screen without going back a slide');
  assert.equal(back.hash, '#trip/2', 'the URL names the slide shown');
  assert.equal(back.label, 'Full screen');
  assert.deepEqual(await page.evaluate(() => window.__fs), [{ on: true, viewport: true }, { on: false, viewport: false }]);

  // The button: it closes, and goes back over the entry it pushed.
  await tapFullscreen(page);
  await covering(page);
  await covering(page);
  await h.still(page, 20000, SEL);
  assert.equal((await look(page)).label, 'Exit full screen');
  await tapFullscreen(page);
  await closed(page);
  await page.waitForFunction(() => !(history.state && history.state.wgFullscreen));
  await h.still(page, 20000, SEL);
  const shut = await look(page);
  assert.equal(shut.scrollY, y0);
  assert.equal(shut.index, 1);
  assert.equal(shut.hash, '#trip/2');
  assert.deepEqual(await page.evaluate(() => window.__fs.map((d) => d.on)), [true, false, true, false]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('iPhone: WebKit\'s gesturestart/gesturechange over the photo are the gallery\'s (the page does not zoom), elsewhere the page\'s', async () => {
  const page = await openIphone();
  await h.gotoGallery(page, '/test/iphone.html');
  await scrollToGallery(page);
  // A pinch's WebKit gesture events at a viewport point, on what is there; whether each was prevented.
  const gesture = (x, y) => page.evaluate(([x, y]) => {
    const target = document.elementFromPoint(x, y);
    const deep = (target.shadowRoot && target.shadowRoot.elementFromPoint(x, y)) || target;
    const fire = (type) => {
      const e = new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y });
      deep.dispatchEvent(e);
      return e.defaultPrevented;
    };
    return { on: deep.className || deep.id, start: fire('gesturestart'), change: fire('gesturechange'), end: fire('gestureend') };
  }, [x, y]);
  const { photo, rect } = await look(page);
  const onPhoto = await gesture(rect[0] + photo[0] + photo[2] / 2, rect[1] + photo[1] + photo[3] / 2);
  assert.equal(onPhoto.on, 'wg-canvas');
  assert.ok(onPhoto.start && onPhoto.change, `over the photo the gallery takes the pinch: ${JSON.stringify(onPhoto)}`);
  // The text panel under the photo: still the gallery's canvas, but not the photo.
  const onText = await gesture(rect[0] + rect[2] / 2, rect[1] + photo[1] + photo[3] + 60);
  assert.equal(onText.on, 'wg-canvas');
  assert.ok(!onText.start && !onText.change, `over the text the page zooms: ${JSON.stringify(onText)}`);
  // The page's own text.
  await page.$eval('#outside', (p) => p.scrollIntoView({ block: 'center', behavior: 'instant' }));
  const box = await page.$eval('#outside', (p) => { const r = p.getBoundingClientRect(); return [r.left + 20, r.top + r.height / 2]; });
  const outside = await gesture(box[0], box[1]);
  assert.equal(outside.on, 'outside');
  assert.ok(!outside.start && !outside.change, `outside the gallery the page zooms: ${JSON.stringify(outside)}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('iPhone: a full-viewport gallery on a huge DPR 3 screen keeps its canvas under iOS\'s 16,777,216 pixels', async () => {
  // 1600 × 1200 CSS px at DPR 3 would be a 4800 × 3600 backing store: 17.3 M pixels.
  const page = await openIphone({ viewport: { width: 1600, height: 1200 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  await h.gotoGallery(page, '/test/iphone.html');
  await scrollToGallery(page);
  await tapFullscreen(page);
  await covering(page);
  await page.waitForFunction((s) => {
    const c = document.querySelector(s).shadowRoot.querySelector('canvas');
    return c.width > 3 * 1600 * 0.9 && c.height > 3 * 1200 * 0.9;
  }, SEL, { timeout: 15000 });
  await h.still(page, 30000, SEL);
  const { backing } = await look(page);
  const [w, h2] = backing;
  assert.ok(w * h2 <= CANVAS_CAP, `backing store ${w} × ${h2} = ${w * h2} px, at most ${CANVAS_CAP}`);
  assert.ok(w * h2 > CANVAS_CAP * 0.99, `scaled down no more than needed: ${w} × ${h2}`);
  assert.ok(Math.abs(w / h2 - 1600 / 1200) < 0.002, `the aspect is kept: ${w} × ${h2}`);
  // It draws: the photo is there at the reduced scale.
  const full = await look(page);
  const buf = await page.screenshot({ path: require('path').join(h.OUT, 'iphone-huge.png') });
  const png = PNG.sync.read(buf);
  const s = png.width / full.innerWidth, p = full.photo.map((v) => Math.round(v * s));
  assert.ok(h.pixelStats(png, { x: p[0], y: p[1], w: p[2], h: p[3] }).colours > h.PHOTO_COLOURS, 'the photo is drawn');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('with the Fullscreen API the same notion holds: element full screen, the same event and label, no history entry', async () => {
  const page = await h.openPage('desktop');
  await page.addInitScript(() => {
    window.__fs = [];
    document.addEventListener('fullscreen', (e) => window.__fs.push(e.detail));
  });
  await h.gotoGallery(page, '/test/iphone.html');
  await scrollToGallery(page);
  const n = await page.evaluate(() => history.length);
  const b = await page.$eval(SEL, (g) => {
    const r = g.shadowRoot.querySelector('.wg-fullscreen').getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
  });
  await page.mouse.click(b[0], b[1]);
  await page.waitForFunction((s) => document.fullscreenElement === document.querySelector(s), SEL);
  await page.waitForFunction(() => window.__fs.length === 1);
  const full = await look(page);
  assert.equal(full.mode, null, 'not the full-viewport mode');
  assert.equal(full.label, 'Exit full screen');
  assert.equal(full.historyLength, n);
  assert.deepEqual(await page.evaluate(() => window.__fs), [{ on: true, viewport: false }]);
  await page.evaluate(() => document.exitFullscreen());
  await page.waitForFunction(() => window.__fs.length === 2);
  assert.equal((await look(page)).label, 'Full screen');
  assert.deepEqual(await page.evaluate(() => window.__fs[1]), { on: false, viewport: false });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
