// gpu-crash.test.js — the GPU process dies (as it does on real phones) under the demo article: the
// page lives on, and the gallery takes a new context and draws its photo again. Chromium only: the
// crash is sent over CDP (Browser.crashGpuProcess). In a render worker, Chromium 156 took the whole tab
// down when it restored the context of a transferred canvas (docs/gpu-crash.md).
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness.js');

after(h.teardown);

// A real photo has thousands of colours; a blank, flat or placeholder canvas has a handful.
const PHOTO_COLOURS = 300;

// Waits until the gallery shows a photo (harness photoDrawn: a photo fetched again after the crash
// arrives without a frame before it, so still() alone can pass on its placeholder); returns its photo
// band's colours and a fingerprint of the element's screenshot, to tell two photos apart.
async function photo(page, name) {
  const { colours } = await h.photoDrawn(page, 'wasm-gallery', { colours: PHOTO_COLOURS, what: name });
  const { png } = await h.shot(page, name, await page.$('wasm-gallery'));
  let sum = 0;
  for (let i = 0; i < png.data.length / 2; i += 97) sum = (sum * 31 + png.data[i]) >>> 0;
  return { colours, sum };
}

// Counts, on the page, every context loss the gallery hears of (the crash must reach it, or a test
// proves nothing); returns its frames so far.
function countLosses(page) {
  return page.$eval('wasm-gallery', (g) => {
    const life = g._gallery._life, onLost = life.onLost.bind(life);
    window.__losses = [];
    life.onLost = (d) => { window.__losses.push(performance.now()); return onLost(d); };
    return { frames: g.stats.framesRendered, thread: g.stats.thread };
  });
}

// Kills the browser's GPU process; resolves once the gallery has a live context again and has drawn
// frames since. Returns the ms from the crash to then.
async function crashGpu(page, framesBefore) {
  const cdp = await page.context().browser().newBrowserCDPSession();
  const t0 = Date.now();
  await cdp.send('Browser.crashGpuProcess').catch(() => {}); // answered or not: the GPU process is gone
  await page.waitForFunction(() => window.__losses.length > 0, null, { timeout: 15000 });
  await page.waitForFunction((f) => {
    const s = document.querySelector('wasm-gallery').stats;
    return s.webgl === 'live' && s.framesRendered > f;
  }, framesBefore, { timeout: 20000, polling: 50 });
  await cdp.detach().catch(() => {});
  return Date.now() - t0;
}

test('a GPU-process crash: the page lives, the gallery draws again and still moves', async () => {
  const page = await h.openPage('desktop');
  let crashed = false;
  page.on('crash', () => { crashed = true; });
  try {
    await h.gotoGallery(page, '/');
    const first = await photo(page, 'gpu-crash-before');
    assert.ok(first.colours > PHOTO_COLOURS, `the photo is drawn before the crash (${first.colours} colours)`);
    const before = await countLosses(page);
    assert.equal(before.thread, h.THREAD);
    const backMs = await crashGpu(page, before.frames);

    assert.equal(crashed, false, 'the page did not crash');
    assert.equal(await page.evaluate(() => document.title.length > 0 && 1 + 1), 2, 'the page still runs script');
    const again = await photo(page, 'gpu-crash-restored');
    assert.ok(again.colours > PHOTO_COLOURS, `the photo is drawn again after the crash (${again.colours} colours)`);
    assert.equal(await page.$eval('wasm-gallery', (g) => g.index), 0, 'on the same slide');

    await page.$eval('wasm-gallery', (g) => g.next());
    assert.equal((await h.settled(page, 'wasm-gallery', 1)).index, 1, 'next() moves to slide 2');
    await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'slidechange' && e.detail.index === 1));
    const second = await photo(page, 'gpu-crash-next');
    assert.ok(second.colours > PHOTO_COLOURS, `slide 2's photo is drawn (${second.colours} colours)`);
    assert.notEqual(second.sum, again.sum, 'and it is another picture');

    const s = await page.$eval('wasm-gallery', (g) => ({ ...g.stats, index: g.index, count: g.count }));
    assert.equal(s.webgl, 'live');
    assert.equal(s.thread, h.THREAD, 'the engine stays on its thread');
    assert.equal(s.count, 10);
    assert.ok(s.framesRendered > before.frames, `frames go on counting (${before.frames} → ${s.framesRendered})`);
    assert.ok(s.texturesResident >= 1, `photos are resident again (${s.texturesResident})`);
    assert.ok(Number.isFinite(s.lastFrameMs) && s.lastFrameMs >= 0, `lastFrameMs ${s.lastFrameMs}`);
    assert.equal(s.animating, false);
    assert.equal(crashed, false, 'the page did not crash');
    assert.deepEqual(await h.events(page, 'error'), [], 'no photo failed on the way');
    assert.deepEqual(page.errors.filter((e) => !/WebGL|context|GPU/i.test(e)), []);
    console.log(`# GPU crash (${h.THREAD}): ${await page.evaluate(() => window.__losses.length)} loss(es), ` +
      `drawing again ${backMs} ms after the crash`);
  } catch (e) {
    if (!crashed) await h.shot(page, 'gpu-crash-failure').catch(() => {});
    throw e;
  } finally {
    await page.context().close().catch(() => {});
  }
});

test('a GPU-process crash in the middle of a slide change: the move ends on its slide, drawn', async () => {
  await h.teardown(); // a browser of its own: Chromium counts GPU-process crashes per browser
  const page = await h.openPage('desktop');
  let crashed = false;
  page.on('crash', () => { crashed = true; });
  try {
    await h.gotoGallery(page, '/');
    await photo(page, 'gpu-crash-moving-before');
    const before = await countLosses(page);
    // The crash lands while the 300 ms slide animation draws.
    const moving = await page.$eval('wasm-gallery', (g) => { g.next(); return g.stats.animating; });
    const backMs = await crashGpu(page, before.frames);
    assert.equal(crashed, false, 'the page did not crash');
    assert.equal((await h.settled(page, 'wasm-gallery', 1)).index, 1, 'the move ends on slide 2');
    const second = await photo(page, 'gpu-crash-moving-after');
    assert.ok(second.colours > PHOTO_COLOURS, `slide 2's photo is drawn (${second.colours} colours)`);
    await page.$eval('wasm-gallery', (g) => g.prev());
    assert.equal((await h.settled(page, 'wasm-gallery', 0)).index, 0, 'and prev() goes back');
    const first = await photo(page, 'gpu-crash-moving-back');
    assert.ok(first.colours > PHOTO_COLOURS, `slide 1's photo is drawn (${first.colours} colours)`);
    assert.notEqual(first.sum, second.sum);
    assert.equal(crashed, false, 'the page did not crash');
    assert.deepEqual(await h.events(page, 'error'), [], 'no photo failed on the way');
    assert.deepEqual(page.errors.filter((e) => !/WebGL|context|GPU/i.test(e)), []);
    console.log(`# GPU crash while moving (${h.THREAD}, animating at the crash: ${moving}): drawing again ${backMs} ms after it`);
  } catch (e) {
    if (!crashed) await h.shot(page, 'gpu-crash-moving-failure').catch(() => {});
    throw e;
  } finally {
    await page.context().close().catch(() => {});
  }
});
