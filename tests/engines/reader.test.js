// reader.test.js — what a reader sees, in one engine (WG_ENGINE = chromium | firefox | webkit;
// scripts/test.js runs every file of tests/engines once per engine): the gallery starts and draws its
// photo, a finger's flick, a mouse drag and the keys page it, a pinch and the + key zoom it, Arabic reads
// right to left with real glyphs and Chinese shows real glyphs, the plain-HTML fallback works without
// WebGL2, a lost WebGL context comes back drawing, More and Less, broken photos among good ones. The
// engine's path (render worker or page thread) goes to the support table (journeys.js, support.js).
'use strict';
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { ENGINE, journey, notePath, state, settled, still, box, recordSlides, slides, pixels, photoDrawn, firstPhoto } = require('./journeys.js');

// ---- journeys ----------------------------------------------------------------------------------------
journey('starts and draws the first photo', { width: 1000, height: 760 }, async (tab) => {
  await firstPhoto(tab, '/test/break-one.html', '#g');
  const s = await state(tab, '#g');
  assert.equal(s.count, 10);
  assert.equal(s.index, 0);
  notePath(s.thread);
  const counter = await tab.evaluate(() => document.querySelector('#g').shadowRoot.textContent.includes('1/10') ||
    document.querySelector('#g').shadowRoot.querySelector('[role="region"]').getAttribute('aria-roledescription'));
  assert.ok(counter, 'the gallery has its region (and counter) in the DOM');
});

journey('a finger flicks to the next slide and back', { width: 390, height: 760, dpr: 2, touch: true }, async (tab) => {
  await firstPhoto(tab, '/test/break-one.html', '#g');
  await recordSlides(tab);
  const b = await box(tab, '#g');
  const y = b.y + b.photoH / 2;
  await tab.swipe([b.x + b.w * 0.8, y], [b.x + b.w * 0.2, y], { ms: 160, pointer: 'touch' });
  await settled(tab, '#g', 1);
  await photoDrawn(tab, 'flicked-to-2', '#g');
  await tab.swipe([b.x + b.w * 0.2, y], [b.x + b.w * 0.8, y], { ms: 160, pointer: 'touch' });
  await settled(tab, '#g', 0);
  assert.deepEqual(await slides(tab), [1, 0], 'slidechange for each flick');
});

journey('a mouse drag and the arrow keys page the gallery', { width: 1000, height: 760 }, async (tab) => {
  await firstPhoto(tab, '/test/break-one.html', '#g');
  await recordSlides(tab);
  const b = await box(tab, '#g');
  const y = b.y + b.photoH / 2;
  await tab.swipe([b.x + b.w * 0.75, y], [b.x + b.w * 0.25, y], { ms: 200, pointer: 'mouse' });
  await settled(tab, '#g', 1);
  await tab.evaluate(() => document.querySelector('#g').shadowRoot.querySelector('[role="region"]').focus());
  await tab.key('ArrowRight');
  await settled(tab, '#g', 2);
  await tab.key('ArrowLeft');
  await settled(tab, '#g', 1);
  await tab.key('End');
  await settled(tab, '#g', 9);
  await photoDrawn(tab, 'keys-to-10', '#g');
  assert.deepEqual(await slides(tab), [1, 2, 1, 9]);
});

journey('a pinch and the + key zoom the photo; Escape makes it whole', { width: 390, height: 760, dpr: 2, touch: true }, async (tab) => {
  await firstPhoto(tab, '/test/break-one.html', '#g');
  const b = await box(tab, '#g');
  const scrollY = await tab.evaluate(() => scrollY);
  await tab.pinch([b.x + b.w / 2, b.y + b.photoH / 2], 80, 220, { ms: 300 });
  await tab.waitFor(() => document.querySelector('#g').stats.zoom > 1.5 && !document.querySelector('#g').stats.animating);
  const z = await state(tab, '#g');
  assert.ok(z.zoom > 1.5, `the pinch zoomed the photo (${z.zoom})`);
  assert.equal(await tab.evaluate(() => (visualViewport ? visualViewport.scale : 1)), 1, 'the page itself did not zoom');
  assert.equal(await tab.evaluate(() => scrollY), scrollY, 'nor scroll');
  await photoDrawn(tab, 'pinched', '#g');
  await tab.evaluate(() => document.querySelector('#g').shadowRoot.querySelector('[role="region"]').focus());
  await tab.key('Escape');
  await tab.waitFor(() => document.querySelector('#g').stats.zoom === 1 && !document.querySelector('#g').stats.animating);
  await tab.key('+');
  await tab.waitFor(() => document.querySelector('#g').stats.zoom > 1 && !document.querySelector('#g').stats.animating);
  await photoDrawn(tab, 'zoom-key', '#g');
});

// ---- every script ------------------------------------------------------------------------------------
// A gallery in a script is compared with the same gallery whose letters are private-use code points
// (what a font without the script shows as boxes or nothing): real glyphs share little ink with them.
function privateUse(s) {
  let i = 0;
  return [...s].map((c) => (/\s/.test(c) ? c : String.fromCodePoint(0xE000 + (i++ % 256)))).join('');
}

async function mountPair(tab, code, lang, dir) {
  await tab.goto('/test/scripts-mount.html');
  await tab.waitFor(() => window.WasmGallery && window.WasmGallery.mount);
  const data = JSON.parse(fs.readFileSync(path.join(__dirname, '../browser/pages', `scripts-${code}.json`), 'utf8'));
  const blank = structuredClone(data);
  for (const s of blank.slides) { s.caption = privateUse(s.caption || ''); s.text = privateUse(s.text || ''); }
  await tab.evaluate(({ data, blank, lang, dir }) => {
    for (const [id, d] of [['a', data], ['b', blank]]) {
      const host = document.getElementById(id);
      host.setAttribute('lang', lang);
      if (dir) host.setAttribute('dir', dir);
      WasmGallery.mount(host, { data: d });
    }
  }, { data, blank, lang, dir });
  // mount() gives the host element itself the gallery's properties (stats, index…).
  const [sel, selB] = ['#a', '#b'];
  await settled(tab, sel, null, 40000);
  await settled(tab, selB, null, 40000);
  await still(tab, sel);
  await still(tab, selB);
  return [sel, selB];
}

// Ink (dark pixels) of the text below the photo and dots of a gallery, as a mask.
function inkOf(shot, b) {
  const { png } = shot;
  const k = png.width / b.vw;
  const r = { x: Math.round((b.x + 16) * k), y: Math.round((b.y + b.photoH + 40) * k), w: Math.round((b.w - 32) * k) };
  r.h = Math.max(0, Math.min(png.height, Math.round((b.y + b.h) * k)) - r.y);
  const m = new Uint8Array(r.w * r.h);
  for (let y = 0; y < r.h; y++) {
    for (let x = 0; x < r.w; x++) {
      const i = ((r.y + y) * png.width + r.x + x) * 4, d = png.data;
      m[y * r.w + x] = 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2] < 150 ? 1 : 0;
    }
  }
  return { m, w: r.w, h: r.h };
}

async function glyphsDrawn(tab, code, lang, dir) {
  const [a, b] = await mountPair(tab, code, lang, dir);
  // One gallery at a time at the top of the viewport, so both are whole in their screenshots.
  const shots = [];
  for (const sel of [a, b]) {
    await tab.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'start' }), sel);
    await still(tab, sel);
    const bx = await box(tab, sel);
    shots.push({ bx, shot: await tab.screenshot(`${ENGINE}-glyphs-${code}-${sel === a ? 'real' : 'private-use'}`) });
  }
  const inkA = inkOf(shots[0].shot, shots[0].bx), inkB = inkOf(shots[1].shot, shots[1].bx);
  const h = Math.min(inkA.h, inkB.h), w = Math.min(inkA.w, inkB.w);
  let either = 0, one = 0, inked = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = inkA.m[y * inkA.w + x], q = inkB.m[y * inkB.w + x];
      if (p) inked++;
      if (p || q) either++;
      if (p !== q) one++;
    }
  }
  const share = inked / (w * h), diff = either ? one / either : 0;
  const msg = `${code}: ink ${(share * 100).toFixed(1)}% of the text area, differs from private-use boxes in ${(diff * 100).toFixed(0)}%`;
  assert.ok(share > 0.01, `text is drawn (${msg})`);
  assert.ok(diff > 0.6, `real glyphs (${msg})`);
  return a;
}

journey('Arabic: real glyphs, right to left; a flick to the right and ArrowLeft go to the next slide', { width: 600, height: 1000 }, async (tab) => {
  const sel = await glyphsDrawn(tab, 'ar', 'ar', 'rtl');
  const dir = await tab.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('[role="region"]').getAttribute('dir'), sel);
  assert.equal(dir, 'rtl');
  await tab.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'start' }), sel);
  await recordSlides(tab);
  const b = await box(tab, sel);
  const y = b.y + b.photoH / 2;
  await tab.swipe([b.x + b.w * 0.25, y], [b.x + b.w * 0.75, y], { ms: 200, pointer: 'mouse' });
  await settled(tab, sel, 1);
  await tab.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('[role="region"]').focus(), sel);
  await tab.key('ArrowLeft');
  await settled(tab, sel, 2);
  assert.deepEqual((await slides(tab)).slice(-2), [1, 2]);
});

journey('Chinese: real glyphs', { width: 600, height: 1000 }, async (tab) => {
  await glyphsDrawn(tab, 'zh', 'zh-Hans');
});

// ---- faults ------------------------------------------------------------------------------------------
journey('without WebGL2 the plain-HTML gallery shows the photo and pages', { width: 1000, height: 760 }, async (tab) => {
  await tab.goto('/test/engines-no-webgl.html');
  await tab.waitFor(() => { const g = document.querySelector('wasm-gallery'); return g && g.stats && g.stats.mode === 'fallback'; }, null, { timeout: 40000 });
  await recordSlides(tab);
  await tab.evaluate(() => document.querySelector('wasm-gallery').next());
  await tab.waitFor(() => document.querySelector('wasm-gallery').index === 1);
  // The mirror follows the slide at the page's next idle moment; the slide's photo loads lazily.
  await tab.waitFor(() => {
    const root = document.querySelector('wasm-gallery').shadowRoot;
    const shown = [...root.querySelectorAll('img')].filter((i) => { const r = i.getBoundingClientRect(); return r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth; });
    return /2\s*\/\s*10/.test(root.textContent) && shown.length > 0 && shown.every((i) => i.complete && i.naturalWidth > 0);
  });
  // Loaded is not yet painted (decoding="async"): decoded, then two of the page's frames.
  await tab.evaluate(() => Promise.all([...document.querySelector('wasm-gallery').shadowRoot.querySelectorAll('img')]
    .filter((i) => i.getBoundingClientRect().width > 0).map((i) => i.decode().catch(() => {})))
    .then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  const b = await box(tab);
  const shot = await tab.screenshot(`${ENGINE}-no-webgl`);
  const p = pixels(shot, b, { x: b.x + b.w * 0.2, y: b.y + b.photoH * 0.25, w: b.w * 0.6, h: b.photoH * 0.5 });
  assert.ok(p.colours > 300, `the plain gallery shows a photo (${p.colours} colours; ${shot.file})`);
  assert.deepEqual(await slides(tab), [1]);
});

journey('a lost WebGL context comes back and draws the same slide', { width: 1000, height: 760 }, async (tab) => {
  await firstPhoto(tab, '/test/break-one.html', '#g');
  await tab.evaluate(() => document.querySelector('#g').goTo(3));
  await settled(tab, '#g', 3);
  const lost = await tab.evaluate(() => document.querySelector('#g')._gallery._client.debug('loseContext').then((r) => r.ok));
  assert.ok(lost, 'WEBGL_lose_context is there');
  await tab.waitFor(() => document.querySelector('#g').stats.webgl === 'lost');
  await tab.evaluate(() => document.querySelector('#g')._gallery._client.debug('restoreContext'));
  await settled(tab, '#g', 3);
  await photoDrawn(tab, 'context-restored', '#g');
  await tab.evaluate(() => document.querySelector('#g').next());
  await settled(tab, '#g', 4);
});

journey('More shows the whole text, Less shrinks it back', { width: 420, height: 800 }, async (tab) => {
  await firstPhoto(tab, '/');
  const height = () => tab.evaluate(() => document.querySelector('wasm-gallery').getBoundingClientRect().height);
  const h0 = await height();
  await tab.evaluate(() => document.querySelector('wasm-gallery').shadowRoot.querySelector('.wg-more').scrollIntoView({ block: 'center' }));
  await still(tab);
  const more = () => tab.evaluate(() => {
    const r = document.querySelector('wasm-gallery').shadowRoot.querySelector('.wg-more').getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2, r.width, r.height];
  });
  const [x, y, w, h] = await more();
  assert.ok(w >= 24 && h >= 24, 'a More control where the text is cut');
  await tab.tap(x, y, { pointer: 'mouse' });
  await tab.waitFor((h) => document.querySelector('wasm-gallery').getBoundingClientRect().height > h + 40, h0);
  // The box grows with a height transition: Less is where it ends up once that is over.
  const transitionsDone = () => tab.waitFor(() => document.querySelector('wasm-gallery').shadowRoot.getAnimations().length === 0);
  await transitionsDone();
  const label = await tab.evaluate(() => document.querySelector('wasm-gallery').shadowRoot.querySelector('.wg-more').getAttribute('aria-label'));
  assert.match(label, /less/i, 'the button now says it shows less');
  await tab.evaluate(() => document.querySelector('wasm-gallery').shadowRoot.querySelector('.wg-more').scrollIntoView({ block: 'center' }));
  await transitionsDone();
  await still(tab);
  const [x2, y2] = await more();
  await tab.tap(x2, y2, { pointer: 'mouse' });
  await tab.waitFor((h) => Math.abs(document.querySelector('wasm-gallery').getBoundingClientRect().height - h) < 2, h0);
});

journey('broken photos get a placeholder and an error naming their slide; the good ones show', { width: 1000, height: 760 }, async (tab) => {
  await tab.goto('/test/images-mixed.html');
  await tab.evaluate(() => {
    window.__wgSlideErrors = [];
    document.addEventListener('error', (e) => { if (e.detail && typeof e.detail.slide === 'number') window.__wgSlideErrors.push(e.detail); }, true);
  });
  await settled(tab, '#mixed', null, 40000);
  const n = await tab.evaluate(() => document.getElementById('mixed').count);
  for (let i = 0; i < n; i++) {
    await tab.evaluate((k) => document.getElementById('mixed').goTo(k), i);
    await settled(tab, '#mixed', i);
    // Drawn: the photo faded in, or its placeholder with the reason.
    await tab.waitFor(() => document.getElementById('mixed').stats.photoDrawn, null, { timeout: 30000 });
  }
  const errs = await tab.evaluate(() => window.__wgSlideErrors.map((d) => ({ slide: d.slide, message: d.message })));
  const slidesWithErrors = [...new Set(errs.map((e) => e.slide))].sort();
  // images-mixed.html: slides 2–7 are broken (empty, truncated, HTML, 30000×30000, 404, network), 1 and 8 good.
  assert.deepEqual(slidesWithErrors, [1, 2, 3, 4, 5, 6], JSON.stringify(errs));
  for (const e of errs) assert.match(e.message, new RegExp(`^Slide ${e.slide + 1}: `), 'the message names the slide');
  await tab.evaluate(() => document.getElementById('mixed').goTo(7));
  await settled(tab, '#mixed', 7);
  await photoDrawn(tab, 'mixed-good', '#mixed');
});

// The poster strip rests on slide i (the reader's slide: g.index), before the wasm: there, and its
// slidechange fired (recordSlides).
const posterAt = (tab, i) => tab.waitFor((k) => {
  const g = document.querySelector('#g');
  const track = g.shadowRoot && g.shadowRoot.querySelector('.wg-poster-track');
  return !!track && Math.abs(Math.abs(track.scrollLeft) / track.clientWidth - k) < 0.01 && g.index === k &&
    window.__wgSlides[window.__wgSlides.length - 1] === k;
}, i);

journey('before the wasm the poster is the gallery: a click, the arrow keys, a dot and a mouse drag page it; the canvas takes over there', { width: 1000, height: 760 }, async (tab) => {
  await tab.goto('/test/engines-held-wasm.html');
  await tab.waitFor(() => {
    const s = document.querySelector('#g').shadowRoot;
    const img = s && s.querySelector('.wg-poster-box[data-live] .wg-poster');
    return !!img && img.complete && img.naturalWidth > 0;
  }, null, { timeout: 30000 });
  await recordSlides(tab);
  const b = await box(tab, '#g');
  const y = b.y + b.photoH / 2;
  await tab.tap(b.x + b.w / 2, y, { pointer: 'mouse' }); // puts the keyboard in the gallery, as on the canvas
  await tab.key('ArrowRight');
  await posterAt(tab, 1);
  const dot = await tab.evaluate(() => {
    const r = document.querySelector('#g').shadowRoot.querySelectorAll('.wg-poster-dot')[4].getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
  });
  await tab.tap(dot[0], dot[1], { pointer: 'mouse' });
  await posterAt(tab, 4);
  await tab.swipe([b.x + b.w * 0.3, y], [b.x + b.w * 0.7, y], { ms: 300, pointer: 'mouse' });
  await posterAt(tab, 3);
  assert.deepEqual(await slides(tab), [1, 4, 3]);
  assert.equal((await state(tab, '#g')).mode, 'loading', 'the wasm is still held back');
  await tab.evaluate(() => window.__releaseWasm());
  await settled(tab, '#g', 3, 40000);
  await photoDrawn(tab, 'poster-then-canvas', '#g');
  assert.equal(await tab.evaluate(() => document.querySelector('#g').shadowRoot.querySelectorAll('.wg-poster-box').length), 0, 'the poster is gone');
  assert.deepEqual(await slides(tab), [1, 4, 3], 'the canvas took over on that slide, with no slidechange of its own');
});
