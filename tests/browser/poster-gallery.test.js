// poster-gallery.test.js — the poster is a gallery from the first photo (issue 27): before the wasm
// arrives a reader's swipe, keys, dots and the API move it, with the same slidechange events, and the
// canvas takes over at the slide the reader is on — never under the reader's finger, with the same
// pixels where the photo is.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness.js');

after(h.teardown);

// A page whose wasm is held back until release() is called.
async function heldPage(device, path = '/') {
  const page = await h.openPage(device);
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/wasm-gallery.wasm', async (route) => { await gate; await route.continue(); });
  await h.recordLayoutShifts(page);
  await h.gotoEmpty(page, path);
  await page.$eval('wasm-gallery', (g) => g.scrollIntoView());
  await page.waitForFunction(() => {
    const g = document.querySelector('wasm-gallery');
    const box = g && g.shadowRoot && g.shadowRoot.querySelector('.wg-poster-box[data-live]');
    const img = box && box.querySelector('.wg-poster');
    return img && img.complete && img.naturalWidth > 0;
  }, null, { timeout: 20000 });
  return { page, release };
}

// The poster strip rests on slide i, with its photo decoded and the text panel showing its caption.
async function posterAt(page, i) {
  await page.waitForFunction((k) => {
    const s = document.querySelector('wasm-gallery').shadowRoot;
    const box = s.querySelector('.wg-poster-box');
    const track = box && box.querySelector('.wg-poster-track');
    if (!track) return false;
    const at = Math.abs(track.scrollLeft) / track.clientWidth;
    const img = track.children[k] && track.children[k].querySelector('img');
    return Math.abs(at - k) < 0.01 && img.complete && img.naturalWidth > 0 && window.__wg.events.some((e) => e.type === 'slidechange' && e.detail.index === k);
  }, i, { timeout: 15000, polling: 50 });
  return page.evaluate(() => {
    const g = document.querySelector('wasm-gallery');
    const s = g.shadowRoot;
    return { index: g.index, count: g.count, mode: g.stats.mode, caption: s.querySelector('.wg-poster-text strong').textContent,
      current: [...s.querySelectorAll('.wg-poster-dot')].findIndex((d) => d.classList.contains('wg-current')),
      slidechanges: window.__wg.events.filter((e) => e.type === 'slidechange').map((e) => e.detail.index) };
  });
}

// The photo area's centre (not the arrows, counter, credit or full-screen button the canvas adds).
async function photoCentre(page, png) {
  const w = await page.$eval('wasm-gallery', (g) => g.getBoundingClientRect().width);
  const scale = png.width / w, ph = (w / (1596 / 1064)) * scale;
  return { x: Math.round(png.width * 0.2), y: Math.round(ph * 0.2), w: Math.round(png.width * 0.6), h: Math.round(ph * 0.6) };
}

test('a finger swipes the poster before the wasm arrives: slide 2, its slidechange; the canvas then takes over on slide 2', async () => {
  const { page, release } = await heldPage('phone');
  const captions = await page.evaluate(async () => (await (await fetch('/gallery.json')).json()).slides.map((s) => s.caption));
  const input = await h.input(page);
  const [x, y] = await h.photoPoint(page, 'wasm-gallery', 0.75, 0.5);
  // A quick flick right to left, 150 px in 80 ms: the browser scrolls the strip and snaps it.
  await input.touch([h.line([x, y], [x - 150, y], 8)], 10);
  const at = await posterAt(page, 1);
  assert.equal(at.index, 1);
  assert.equal(at.count, 10);
  assert.equal(at.mode, 'loading', 'the wasm is still held back');
  assert.deepEqual(at.slidechanges, [1]);
  assert.equal(at.current, 1, 'the second dot is the current one');
  assert.equal(at.caption, captions[1]);
  const before = await h.shot(page, 'poster-gallery-slide2-before-wasm', await page.$('wasm-gallery'));
  const centre = await photoCentre(page, before.png);
  assert.ok(h.pixelStats(before.png, centre).colours > h.PHOTO_COLOURS, 'the poster shows slide 2\'s photo');

  release();
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'ready'), null, { timeout: 30000 });
  const ready = await page.evaluate(() => window.__wg.events.find((e) => e.type === 'ready').detail);
  assert.deepEqual(ready, { index: 1, count: 10 });
  assert.equal(await page.$eval('wasm-gallery', (g) => g.shadowRoot.querySelectorAll('.wg-poster-box').length), 0, 'the poster is gone');
  assert.equal(await page.$eval('wasm-gallery', (g) => g.index), 1);
  await h.still(page);
  const afterShot = await h.shot(page, 'poster-gallery-slide2-canvas', await page.$('wasm-gallery'));
  const diff = h.meanDiff(before.png, afterShot.png, centre);
  assert.ok(diff < 6, `slide 2's pixels before and after the hand-over differ by ${diff.toFixed(2)} on average`);
  assert.equal(await h.layoutShift(page), 0, 'no layout shift');
  // The canvas goes on from there: the next flick goes to slide 3.
  await input.touch([h.line([x, y], [x - 150, y], 8)], 10, { after: 100 });
  await h.settled(page, 'wasm-gallery', 2);
  assert.deepEqual(await page.evaluate(() => window.__wg.events.filter((e) => e.type === 'slidechange').map((e) => e.detail.index)), [1, 2]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('keys, dots, next()/goTo() and a mouse drag move the poster before the wasm; the canvas takes over where the reader is', async () => {
  const { page, release } = await heldPage('desktop');
  const input = await h.input(page);
  const [x, y] = await h.photoPoint(page, 'wasm-gallery', 0.5, 0.5);
  // A click on the photo puts the keyboard in the gallery, as it does on the canvas.
  await input.mouse([['mouseMoved', x, y], ['mousePressed', x, y], ['mouseReleased', x, y]], 30);
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.localName), 'wasm-gallery');
  await page.keyboard.press('ArrowRight');
  await posterAt(page, 1);
  await page.keyboard.press('End');
  await posterAt(page, 9);
  await page.keyboard.press('Home');
  await posterAt(page, 0);
  // The fourth dot.
  const dot = await page.$eval('wasm-gallery', (g) => {
    const r = g.shadowRoot.querySelectorAll('.wg-poster-dot')[3].getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
  });
  await input.mouse([['mouseMoved', dot[0], dot[1]], ['mousePressed', dot[0], dot[1]], ['mouseReleased', dot[0], dot[1]]], 30);
  await posterAt(page, 3);
  // The API: the index is the slide the strip goes to at once, as with the canvas.
  assert.equal(await page.$eval('wasm-gallery', (g) => { g.next(); return g.index; }), 4);
  await posterAt(page, 4);
  await page.$eval('wasm-gallery', (g) => g.goTo(6));
  let at = await posterAt(page, 6);
  // A mouse drag to the right, a third of the width: back to slide 6 (index 5).
  const w = await page.$eval('wasm-gallery', (g) => g.getBoundingClientRect().width);
  await input.drag(h.line([x, y], [x + w / 3, y], 10), 16);
  at = await posterAt(page, 5);
  assert.deepEqual(at.slidechanges, [1, 9, 0, 3, 4, 6, 5], 'one slidechange per slide the reader rested on');
  assert.equal(at.mode, 'loading');
  const before = await h.shot(page, 'poster-gallery-slide6-before-wasm', await page.$('wasm-gallery'));
  const centre = await photoCentre(page, before.png);

  release();
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'ready'), null, { timeout: 30000 });
  assert.deepEqual(await page.evaluate(() => window.__wg.events.find((e) => e.type === 'ready').detail), { index: 5, count: 10 });
  await h.still(page);
  const afterShot = await h.shot(page, 'poster-gallery-slide6-canvas', await page.$('wasm-gallery'));
  const diff = h.meanDiff(before.png, afterShot.png, centre);
  assert.ok(diff < 6, `slide 6's pixels before and after the hand-over differ by ${diff.toFixed(2)} on average`);
  // The canvas's keys go on from the slide the poster was on.
  await page.keyboard.press('ArrowRight');
  await h.settled(page, 'wasm-gallery', 6);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the canvas never takes over under a finger: it waits until the poster is let go and at rest, then shows that slide', async () => {
  const { page, release } = await heldPage('phone');
  const input = await h.input(page);
  const [x, y] = await h.photoPoint(page, 'wasm-gallery', 0.75, 0.5);
  const finger = (px) => ({ x: px, y, id: 1, radiusX: 4, radiusY: 4, force: 1 });
  const touch = (type, px) => ({ method: 'Input.dispatchTouchEvent', params: { type, touchPoints: px === null ? [] : [finger(px)] } });
  // The finger comes down and drags a little, and stays down.
  await input.play([touch('touchStart', x), touch('touchMove', x - 20), touch('touchMove', x - 40), touch('touchMove', x - 60)]
    .map((e, i) => ({ ...e, at: i * 30 })));
  release();
  // The canvas has drawn slide 1 and is ready to take over: it waits for the finger.
  await page.waitForFunction(() => {
    const g = document.querySelector('wasm-gallery')._gallery;
    return !!g._shownWaiting;
  }, null, { timeout: 30000 });
  assert.equal(await page.$eval('wasm-gallery', (g) => g.shadowRoot.querySelectorAll('.wg-poster-box').length), 1, 'the poster is still up');
  assert.equal(await page.evaluate(() => window.__wg.events.filter((e) => e.type === 'ready').length), 0);
  assert.equal(await page.$eval('wasm-gallery', (g) => g.stats.animating), true, 'held: not at rest');
  // The finger goes on past half the width, holds still (no fling) and lets go: slide 2, then the
  // canvas, on slide 2.
  const w = await page.$eval('wasm-gallery', (g) => g.getBoundingClientRect().width);
  await input.play([touch('touchMove', x - 120), touch('touchMove', x - w * 0.6), touch('touchEnd', null)]
    .map((e, i) => ({ ...e, at: [0, 30, 330][i] })));
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'ready'), null, { timeout: 30000 });
  const ev = await page.evaluate(() => window.__wg.events.map((e) => e.type + (e.detail && 'index' in e.detail ? ':' + e.detail.index : '')));
  assert.deepEqual(ev.filter((e) => !e.startsWith('error')), ['slidechange:1', 'ready:1'], 'the slide changes, then the canvas takes over on it');
  await h.photoDrawn(page, 'wasm-gallery', { name: 'poster-gallery-after-finger' });
  assert.equal(await page.$eval('wasm-gallery', (g) => g.index), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('right to left: a flick to the right is the next slide on the poster too, its credit in the canvas\'s corner; the canvas takes over there', async () => {
  const { page, release } = await heldPage('phone', '/test/scripts-ar.html');
  const input = await h.input(page);
  const [x, y] = await h.photoPoint(page, 'wasm-gallery', 0.25, 0.5);
  await input.touch([h.line([x, y], [x + 150, y], 8)], 10);
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'slidechange'), null, { timeout: 15000 });
  const at = await page.evaluate(() => {
    const g = document.querySelector('wasm-gallery');
    const s = g.shadowRoot, track = s.querySelector('.wg-poster-track');
    const credit = s.querySelectorAll('.wg-poster-credit')[1].getBoundingClientRect(), box = track.getBoundingClientRect();
    return { index: g.index, left: track.scrollLeft, w: track.clientWidth, creditLeft: credit.left - box.left,
      events: window.__wg.events.map((e) => e.type + ':' + e.detail.index) };
  });
  assert.equal(at.index, 1);
  assert.equal(at.left, -at.w, 'the strip scrolled towards the left, where slide 2 is right to left');
  assert.equal(at.creditLeft, 0, 'the credit in the photo\'s bottom-left corner, as the canvas draws it right to left');
  release();
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'ready'), null, { timeout: 30000 });
  assert.deepEqual(await page.evaluate(() => window.__wg.events.map((e) => e.type + ':' + e.detail.index)), ['slidechange:1', 'ready:1']);
  await h.photoDrawn(page, 'wasm-gallery', { name: 'poster-gallery-rtl-canvas' });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
