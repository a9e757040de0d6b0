// a11y.test.js — the APG carousel pattern and WCAG 2.2 AA: axe-core finds nothing on the demo page
// (canvas and plain-HTML modes); the DOM mirror's roles, names and text; a keyboard-only walk with
// the focus ring drawn on the canvas and the live region; the rotation button; reduced motion; and
// the plain-HTML gallery when WebGL2 or the wasm is missing.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const h = require('./harness.js');

after(h.teardown);

const AXE = path.join(h.ROOT, 'node_modules/axe-core/axe.min.js');

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3), help: v.help }));
  });
}

// The element that has keyboard focus, looking into shadow roots.
const focused = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a ? { tag: a.localName, cls: a.className, label: a.getAttribute('aria-label') || a.textContent.trim().slice(0, 40) } : null;
});

// Waits for the rotation button's label; on a timeout says what the page and the engine held.
async function rotationLabel(page, label) {
  try {
    await page.waitForFunction((l) => document.querySelector('wasm-gallery').shadowRoot.querySelector('.wg-rotation').getAttribute('aria-label') === l, label, { timeout: 15000 });
  } catch (e) {
    const seen = await page.$eval('wasm-gallery', (g) => ({
      label: g.shadowRoot.querySelector('.wg-rotation').getAttribute('aria-label'),
      hidden: g.shadowRoot.querySelector('.wg-rotation').hidden,
      focused: g.shadowRoot.activeElement && g.shadowRoot.activeElement.getAttribute('aria-label'),
      mode: g._mode, live: g._glLive, controls: g._controls, events: window.__wg.events.map((x) => x.type),
    }));
    throw new Error(`rotation label never became "${label}": ${JSON.stringify(seen)}`);
  }
}

const mirror = (page, sel = 'wasm-gallery') => page.$eval(sel, (g) => {
  const r = g.shadowRoot;
  const region = r.querySelector('[role="region"]');
  const shown = r.querySelector('.wg-slide:not([hidden])');
  return {
    region: region && { roledesc: region.getAttribute('aria-roledescription'), label: region.getAttribute('aria-label') },
    canvasHidden: r.querySelector('canvas').getAttribute('aria-hidden'),
    groups: [...r.querySelectorAll('[role="group"][aria-roledescription="slide"]')].map((s) => s.getAttribute('aria-label')),
    shown: shown && { label: shown.getAttribute('aria-label'), alt: shown.querySelector('img').alt,
      caption: shown.querySelector('.wg-caption').textContent, body: shown.querySelector('.wg-body').textContent },
    buttons: [...r.querySelectorAll('button:not([hidden])')].filter((b) => !b.closest('[hidden]')).map((b) => b.getAttribute('aria-label')),
    live: r.querySelector('.wg-live').textContent,
    liveMode: r.querySelector('.wg-live').getAttribute('aria-live'),
    rotation: (() => { const b = r.querySelector('.wg-rotation'); return b.hidden ? null : b.getAttribute('aria-label'); })(),
  };
});

test('axe-core: 0 violations on the demo page; the mirror carries roles, names and text', async () => {
  const page = await h.openPage('desktop');
  await h.gotoGallery(page, '/');
  const violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
  const m = await mirror(page);
  const gallery = require(path.join(h.ROOT, 'gallery.json'));
  assert.deepEqual(m.region, { roledesc: 'carousel', label: gallery.title });
  assert.equal(m.canvasHidden, 'true');
  assert.equal(m.groups.length, 10);
  assert.equal(m.groups[2], '3 of 10');
  assert.equal(m.shown.label, '1 of 10');
  assert.equal(m.shown.alt, gallery.slides[0].alt);
  assert.equal(m.shown.caption, gallery.slides[0].caption);
  assert.ok(m.shown.body.includes(gallery.slides[0].text.split('\n')[0].slice(0, 60)));
  for (const name of ['Previous slide', 'Next slide', 'Slide 1', 'Slide 10', 'More text', 'Full screen']) {
    assert.ok(m.buttons.includes(name), `button "${name}" in ${m.buttons}`);
  }
  assert.equal(m.rotation, null, 'no rotation button without autoplay');
  await page.context().close();
});

// The caption texts of the slides a screen reader can reach (the accessibility tree's unignored text).
async function captionsInAxTree(page, captions) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const texts = new Set(nodes.filter((n) => !n.ignored && n.name && n.name.value).map((n) => n.name.value));
  return captions.map((c, i) => (texts.has(c) ? i : -1)).filter((i) => i >= 0);
}

test('hidden slides laid out ahead stay out of the accessibility tree; a slide change shows only the new one', async () => {
  const page = await h.openPage('phone');
  await h.gotoGallery(page, '/');
  const gallery = require(path.join(h.ROOT, 'gallery.json'));
  const captions = gallery.slides.map((s) => s.caption);
  // Every hidden group gets laid out in idle moments (mirror.js _layOutAhead): wait for all of them.
  await page.waitForFunction(() => document.querySelector('wasm-gallery').shadowRoot.querySelectorAll('.wg-slide.wg-laid').length === 10,
    null, { timeout: 20000 });
  assert.deepEqual(await captionsInAxTree(page, captions), [0], 'only slide 1 is exposed');
  await page.$eval('wasm-gallery', (g) => g.next());
  await h.settled(page, 'wasm-gallery', 1);
  await page.waitForFunction(() => document.querySelector('wasm-gallery').shadowRoot.querySelector('.wg-live').textContent.startsWith('Slide 2'));
  assert.deepEqual(await captionsInAxTree(page, captions), [1], 'only slide 2 is exposed');
  assert.equal((await mirror(page)).shown.caption, captions[1]);
  await page.context().close();
});

test('keyboard only: Tab to Next draws a focus ring on the canvas; Enter → index 1, live region, focus stays', async () => {
  const page = await h.openPage('desktop');
  await h.gotoGallery(page, '/');
  await h.still(page);
  const el = await page.$('wasm-gallery');
  await page.mouse.move(5, 5);
  await page.$eval('wasm-gallery', (g) => g.scrollIntoView({ block: 'center' }));
  await h.still(page);  // redrawn where it now is, before the screenshot without a ring
  const next = await page.$eval('wasm-gallery', (g) => {
    const r = g.shadowRoot.querySelector('.wg-next').getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height };
  });
  assert.ok(next.w >= 24 && next.h >= 24, 'the Next button lies over the drawn arrow');
  const clip = { x: Math.max(0, next.x - 8), y: Math.max(0, next.y - 8), width: next.w + 16, height: next.h + 16 };
  const before = await page.screenshot({ clip });
  let steps = 0, framesBefore = 0;
  for (; steps < 40; steps++) {
    framesBefore = await h.engineFrames(page);
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && f.label === 'Next slide') break;
  }
  assert.ok(steps < 40, 'Next reached by Tab');
  assert.equal((await focused(page)).label, 'Next slide');
  // The ring is drawn on the canvas: a frame after the focus, and the gallery still again.
  await h.drawnSince(page, 'wasm-gallery', framesBefore);
  await h.still(page);
  const afterFocus = await page.screenshot({ clip });
  const { PNG } = require('pngjs');
  const a = PNG.sync.read(before), b = PNG.sync.read(afterFocus);
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) if (Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 2] - b.data[i + 2]) > 60) changed++;
  assert.ok(changed > 30, `focus ring drawn around the arrow (${changed} px changed)`);
  await h.shot(page, 'a11y-focus-ring', el);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('wasm-gallery').index === 1);
  const gallery = require(path.join(h.ROOT, 'gallery.json'));
  await page.waitForFunction((t) => document.querySelector('wasm-gallery').shadowRoot.querySelector('.wg-live').textContent === t,
    `Slide 2 of 10: ${gallery.slides[1].caption}`);
  assert.equal((await focused(page)).label, 'Next slide', 'prev/next do not move focus');
  const m = await mirror(page);
  assert.equal(m.liveMode, 'polite');
  assert.equal(m.shown.label, '2 of 10');
  // Arrow keys from a focused control move the carousel too.
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('wasm-gallery').index === 0);
  await page.context().close();
});

test('rotation: first tab stop, Stop/Start labels, paused by focus and hover, live region off while rotating', async () => {
  const page = await h.openPage('desktop');
  await h.gotoGallery(page, '/test/embed-autoplay.html');
  await page.mouse.move(1, 1);
  let m = await mirror(page);
  assert.equal(m.rotation, 'Stop slide rotation');
  assert.equal(m.liveMode, 'off', 'silent while rotating');
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'slidechange'), null, { timeout: 10000 });
  const rot = await page.$eval('wasm-gallery', (g) => {
    const r = g.shadowRoot.querySelector('.wg-rotation').getBoundingClientRect();
    return { w: r.width, h: r.height, visible: r.width > 0 && getComputedStyle(g.shadowRoot.querySelector('.wg-rotation')).opacity === '1' };
  });
  assert.ok(rot.visible && rot.w >= 24, 'a visible rotation button');
  // Tab from the link before the gallery: the rotation button is the gallery's first tab stop.
  await page.focus('a');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).label, 'Stop slide rotation');
  const n0 = (await h.events(page, 'slidechange')).length;
  await page.waitForTimeout(2200); // the subject: longer than the 1500 ms rotation step, and no step
  assert.equal((await h.events(page, 'slidechange')).length, n0, 'no rotation while focus is inside');
  assert.equal((await mirror(page)).liveMode, 'polite');
  await h.shot(page, 'a11y-rotation-focus', await page.$('wasm-gallery'));
  assert.equal((await focused(page)).label, 'Stop slide rotation', 'focus still on the rotation button');
  await page.keyboard.press('Enter');
  await rotationLabel(page, 'Start slide rotation');
  // Stopped for good: focus leaving does not restart it.
  await page.focus('a');
  await page.waitForTimeout(2200); // the subject: longer than a rotation step, and no step
  assert.equal((await h.events(page, 'slidechange')).length, n0, 'stopped by the reader');
  // Start again, then hover pauses it.
  await page.$eval('wasm-gallery', (g) => g.shadowRoot.querySelector('.wg-rotation').click());
  await page.waitForFunction(() => document.querySelector('wasm-gallery').shadowRoot.querySelector('.wg-rotation').getAttribute('aria-label') === 'Stop slide rotation');
  await page.focus('a');
  const box = await (await page.$('wasm-gallery')).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 100);
  const n1 = (await h.events(page, 'slidechange')).length;
  await page.waitForTimeout(2200); // the subject: longer than a rotation step, and no step
  assert.equal((await h.events(page, 'slidechange')).length, n1, 'no rotation while hovered');
  await page.mouse.move(1, 1);
  await page.waitForFunction((k) => window.__wg.events.filter((e) => e.type === 'slidechange').length > k, n1, { timeout: 8000 });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('prefers-reduced-motion: no rotation until asked, moves jump without animation', async () => {
  const page = await h.openPage('desktop', { reducedMotion: 'reduce' });
  await h.gotoGallery(page, '/test/embed-autoplay.html');
  const m = await mirror(page);
  assert.equal(m.rotation, 'Start slide rotation');
  assert.equal(m.liveMode, 'polite');
  await page.waitForTimeout(2000); // the subject: longer than the 1500 ms rotation step, and no step
  assert.equal((await h.events(page, 'slidechange')).length, 0, 'no rotation');
  const f0 = await page.$eval('wasm-gallery', (g) => g.stats.framesRendered);
  await page.$eval('wasm-gallery', (g) => g.next());
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'slidechange'));
  await h.still(page);  // every frame of the move drawn, counted below
  const frames = (await page.$eval('wasm-gallery', (g) => g.stats.framesRendered)) - f0;
  assert.ok(frames <= 4, `a jump, not a 300 ms slide animation (${frames} frames)`);
  await page.context().close();
});

async function checkPlainGallery(page, name) {
  const evs = await h.gotoGallery(page, '/');
  const ready = evs.find((e) => e.type === 'ready');
  assert.ok(ready && ready.detail.fallback, 'ready with fallback: true');
  const view = await page.$eval('wasm-gallery', (g) => {
    const r = g.shadowRoot;
    const shown = r.querySelector('.wg-slide:not([hidden])');
    const img = shown.querySelector('img');
    const rect = img.getBoundingClientRect();
    return { stage: getComputedStyle(r.querySelector('.wg-stage')).display, img: img.getAttribute('src'), w: rect.width, h: rect.height,
      caption: shown.querySelector('.wg-caption').getBoundingClientRect().height, text: r.textContent.length };
  });
  assert.equal(view.stage, 'none');
  assert.match(view.img, /demo\/photos\/01\.jpg$/);
  assert.ok(view.w > 300 && view.h > 200 && view.caption > 10, JSON.stringify(view));
  assert.ok(view.text > 5000, 'every caption and text is in the DOM');
  await page.waitForFunction(() => {
    const img = document.querySelector('wasm-gallery').shadowRoot.querySelector('.wg-slide:not([hidden]) img');
    return img.complete && img.naturalWidth > 0;
  });
  await h.shot(page, name, await page.$('wasm-gallery'));
  // Working previous/next, by click and by keyboard.
  const next = await page.evaluateHandle(() => document.querySelector('wasm-gallery').shadowRoot.querySelector('.wg-next'));
  await next.click();
  await page.waitForFunction(() => document.querySelector('wasm-gallery').index === 1);
  const shown = await page.$eval('wasm-gallery', (g) => g.shadowRoot.querySelector('.wg-slide:not([hidden])').getAttribute('aria-label'));
  assert.equal(shown, '2 of 10');
  assert.ok((await h.events(page, 'slidechange')).some((e) => e.detail.index === 1 && e.detail.count === 10));
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('wasm-gallery').index === 2);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  const prev = await page.evaluateHandle(() => document.querySelector('wasm-gallery').shadowRoot.querySelector('.wg-prev'));
  await prev.click();
  await page.waitForFunction(() => document.querySelector('wasm-gallery').index === 1);
  const violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
}

test('fallback: WebGL2 unavailable → a visible plain-HTML gallery with working previous/next', async () => {
  const page = await h.openPage('desktop');
  await page.addInitScript(() => {
    // No WebGL2 anywhere: not in a worker (the engine then runs on the page) and not on the page.
    self.__wgThread = 'main';
    const orig = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return type === 'webgl2' ? null : orig.call(this, type, ...rest); };
  });
  await checkPlainGallery(page, 'a11y-fallback-no-webgl');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('fallback: the wasm fails to load (404) → the same plain-HTML gallery', async () => {
  const page = await h.openPage('desktop');
  await page.route(/wasm-gallery\.wasm$/, (r) => r.fulfill({ status: 404, body: 'gone' }));
  await checkPlainGallery(page, 'a11y-fallback-no-wasm');
  await page.context().close();
});
