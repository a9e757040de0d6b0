// embed.test.js — every way to embed a gallery, on one page; src changes reload; the module is
// compiled once per page; page CSS cannot reach inside; deep links; 20 galleries on a page with at
// most a dozen live WebGL contexts; context loss and restore; 50 mount/destroy cycles without a leak.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness.js');

after(h.teardown);

const FORMS = ['el-src', 'el-inline', 'div-src', 'div-inline', 'mounted', 'div-later'];

// Records every WebGL2 context the page creates (weakly), so a test can count the live ones.
function trackContexts(page) {
  return page.addInitScript(() => {
    const refs = [];
    const seen = new WeakSet();
    const orig = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      const ctx = orig.call(this, type, ...rest);
      if (ctx && type === 'webgl2' && !seen.has(ctx)) { seen.add(ctx); refs.push(new WeakRef(ctx)); }
      return ctx;
    };
    window.__liveContexts = () => refs.filter((r) => { const c = r.deref(); return c && !c.isContextLost(); }).length;
  });
}


// Like h.gotoGallery, for pages that start with no gallery: records events, waits for the API only.
async function gotoEmpty(page, urlPath) {
  await page.addInitScript(() => {
    window.__wg = { events: [] };
    for (const type of ['ready', 'error', 'slidechange']) {
      document.addEventListener(type, (e) => {
        const t = e.composedPath()[0];
        window.__wg.events.push({ type, id: t && t.id, detail: e.detail, time: performance.now() });
      }, true);
    }
  });
  const { url } = await h.setup();
  await page.goto(url + urlPath);
  await page.waitForFunction(() => window.WasmGallery);
}

test('every embed form on one page reaches ready with the same API; the wasm is fetched once', async () => {
  const page = await h.openPage('desktop');
  const wasmFetches = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm') && !r.url().includes('decoder')) wasmFetches.push(r.url()); });
  await h.gotoGallery(page, '/test/embed-forms.html');
  // A gallery takes its WebGL context (and so draws and fires ready) once it comes near the viewport.
  for (const id of FORMS) {
    await page.waitForSelector('#' + id, { state: 'attached' });
    await page.$eval('#' + id, (e) => e.scrollIntoView({ block: 'center' }));
    await page.waitForFunction((x) => window.__wg.events.some((e) => e.type === 'ready' && e.id === x), id, { timeout: 30000 });
  }
  assert.deepEqual(await h.events(page, 'error'), []);
  const api = await page.evaluate((ids) => ids.map((id) => {
    const e = document.getElementById(id);
    return { id, index: e.index, count: e.count, hasStats: typeof e.stats.framesRendered === 'number',
      fns: ['next', 'prev', 'goTo'].every((f) => typeof e[f] === 'function'),
      upgraded: e.hasAttribute('data-wg-upgraded') || e.localName === 'wasm-gallery' };
  }), FORMS);
  const want = { 'el-src': [0, 3], 'el-inline': [0, 2], 'div-src': [0, 3], 'div-inline': [0, 2], mounted: [2, 3], 'div-later': [0, 3] };
  for (const a of api) {
    assert.deepEqual([a.index, a.count], want[a.id], a.id);
    assert.ok(a.hasStats && a.fns && a.upgraded, JSON.stringify(a));
  }
  assert.equal(wasmFetches.length, 1, `wasm fetched once: ${wasmFetches}`);

  // The methods work on every host and events bubble from it (the harness listens on document).
  for (const id of ['div-inline', 'el-inline']) {
    await page.$eval('#' + id, (e) => e.next());
    await page.waitForFunction((i) => window.__wg.events.some((e) => e.type === 'slidechange' && e.id === i && e.detail.index === 1), id);
  }
  // mount() instance: same names as on the element.
  assert.equal(await page.evaluate(() => { window.mounted.goTo(0); return window.mounted.count; }), 3);
  await page.waitForFunction(() => window.mounted.index === 0);

  // The page's CSS (display:none on every div/button/img/p, red 60 px .wg-caption) stays outside.
  const inside = await page.$eval('#el-src', (e) => {
    const r = e.getBoundingClientRect();
    const cap = e.shadowRoot.querySelector('.wg-caption');
    const cs = getComputedStyle(cap);
    return { h: r.height, canvas: getComputedStyle(e.shadowRoot.querySelector('canvas')).display, capColor: cs.color, capSize: cs.fontSize };
  });
  assert.ok(inside.h > 200, `box kept its height (${inside.h})`);
  assert.equal(inside.canvas, 'block');
  assert.notEqual(inside.capSize, '60px');
  assert.notEqual(inside.capColor, 'rgb(255, 0, 0)');
  // …and the widget's stays inside: the page's own .wg-caption paragraph keeps the page's style.
  assert.equal(await page.$eval('p.page', (p) => getComputedStyle(p).fontSize), '60px');
  await h.shot(page, 'embed-forms', await page.$('main'));

  // A changed src reloads the custom element; a changed data-wasm-gallery reloads the div.
  await page.$eval('#el-src', (e) => { e.src = '/gallery.json'; });
  await page.$eval('#div-src', (e) => e.setAttribute('data-wasm-gallery', '/gallery.json'));
  await page.waitForFunction(() => ['el-src', 'div-src'].every((id) => document.getElementById(id).count === 10), null, { timeout: 30000 });
  for (const id of ['el-src', 'div-src']) {
    await page.$eval('#' + id, (e) => e.scrollIntoView({ block: 'center' }));
    await page.waitForFunction((x) => window.__wg.events.filter((e) => e.type === 'ready' && e.id === x).length === 2, id, { timeout: 30000 });
  }
  assert.equal(wasmFetches.length, 1, 'still one wasm fetch after reloads');

  // A removed data-wasm-gallery div is destroyed: its shadow root is emptied.
  const emptied = await page.evaluate(async () => {
    const d = document.getElementById('div-later');
    const root = d.shadowRoot;
    d.remove();
    await new Promise((r) => setTimeout(r, 50));
    return root.childElementCount;
  });
  assert.equal(emptied, 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('deep link (opt-in): #id/3 opens slide 3, navigation rewrites the URL in place; off = URL untouched', async () => {
  const page = await h.openPage('desktop');
  await gotoEmpty(page, '/test/embed-mount.html#trip/3');
  const historyLength = await page.evaluate(() => history.length);
  await page.evaluate(() => {
    window.inst = WasmGallery.mount(document.getElementById('host'), { src: '/test/embed-three.json', options: { deepLink: 'trip' } });
  });
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'ready'));
  assert.equal(await page.evaluate(() => window.inst.index), 2);
  await page.evaluate(() => window.inst.prev());
  await page.waitForFunction(() => location.hash === '#trip/2');
  assert.equal(await page.evaluate(() => history.length), historyLength, 'replaceState: no new history entry');
  // The query form works too, and the page's own hash is left alone (the slide goes to the query).
  await page.evaluate(() => { window.inst.destroy(); history.replaceState(null, '', '?trip=2#section-4'); });
  await page.evaluate(() => { window.inst = WasmGallery.mount(document.getElementById('host'), { src: '/test/embed-three.json', options: { deepLink: 'trip' } }); });
  await page.waitForFunction(() => window.inst.count === 3);
  assert.equal(await page.evaluate(() => window.inst.index), 1);
  await page.evaluate(() => window.inst.next());
  await page.waitForFunction(() => new URL(location.href).searchParams.get('trip') === '3');
  assert.equal(await page.evaluate(() => location.hash), '#section-4');
  // Off: the URL is neither read nor written.
  await page.evaluate(() => { window.inst.destroy(); history.replaceState(null, '', location.pathname + '#trip/3'); });
  await page.evaluate(() => { window.inst = WasmGallery.mount(document.getElementById('host'), { src: '/test/embed-three.json' }); });
  await page.waitForFunction(() => window.inst.count === 3);
  assert.equal(await page.evaluate(() => window.inst.index), 0);
  await page.evaluate(() => window.inst.next());
  await page.waitForFunction(() => window.inst.index === 1);
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => location.hash), '#trip/3');
  await page.context().close();
});

test('20 galleries: each reaches ready and draws while scrolled top to bottom; ≤ 12 live contexts; slides restored', async () => {
  const page = await h.openPage('desktop');
  await trackContexts(page);
  await h.gotoGallery(page, '/test/many.html', 'wasm-gallery', 60000);
  const n = await page.$$eval('wasm-gallery', (l) => l.length);
  assert.equal(n, 20);
  await page.waitForFunction(() => document.getElementById('g1').stats.webgl === 'live');
  await page.evaluate(() => document.getElementById('g1').goTo(2));
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'slidechange' && e.id === 'g1' && e.detail.index === 2));
  const drawn = new Set();
  let maxLive = 0;
  for (let i = 1; i <= 20; i++) {
    const id = 'g' + i;
    await page.$eval('#' + id, (e) => e.scrollIntoView({ block: 'center' }));
    await page.waitForFunction((x) => window.__wg.events.some((e) => e.type === 'ready' && e.id === x), id, { timeout: 30000 });
    await page.waitForFunction((x) => document.getElementById(x).stats.texturesResident > 0, id, { timeout: 30000 });
    await page.waitForTimeout(250); // the photo's fade-in
    const { png } = await h.shot(page, `many-${id}`, await page.$('#' + id));
    const photo = h.pixelStats(png, { x: 0, y: 0, w: png.width, h: Math.floor(png.height * 0.5) });
    if (photo.colours > 500) drawn.add(id);
    maxLive = Math.max(maxLive, await page.evaluate(() => window.__liveContexts()));
  }
  assert.equal(drawn.size, 20, `drawn: ${[...drawn]}`);
  assert.ok(maxLive <= 12, `at most 12 live WebGL contexts (saw ${maxLive})`);
  const states = await page.$$eval('wasm-gallery', (l) => l.map((g) => g.stats.webgl));
  assert.equal(states[0], 'parked', 'the first gallery gave its context back');
  // Back to the top: g1 takes a context again, on the slide it was on.
  await page.$eval('#g1', (e) => e.scrollIntoView({ block: 'center' }));
  await page.waitForFunction(() => document.getElementById('g1').stats.webgl === 'live' && document.getElementById('g1').stats.texturesResident > 0);
  assert.equal(await page.$eval('#g1', (g) => g.index), 2);
  await page.waitForTimeout(300);
  const { png } = await h.shot(page, 'many-g1-restored', await page.$('#g1'));
  assert.ok(h.pixelStats(png, { x: 0, y: 0, w: png.width, h: Math.floor(png.height * 0.5) }).colours > 500);
  assert.deepEqual(await h.events(page, 'error'), []);
  assert.deepEqual(page.errors.filter((e) => !/Too many active WebGL contexts/.test(e)), []);
  await h.shot(page, 'many-page', null);
  await page.context().close();
});

test('webglcontextlost / restored (WEBGL_lose_context): the gallery redraws the same slide', async () => {
  const page = await h.openPage('desktop');
  await h.gotoGallery(page, '/');
  await page.$eval('wasm-gallery', (g) => g.goTo(3));
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'slidechange' && e.detail.index === 3));
  await page.waitForFunction(() => document.querySelector('wasm-gallery').stats.texturesResident > 0);
  await page.evaluate(() => {
    const c = document.querySelector('wasm-gallery').shadowRoot.querySelector('canvas');
    window.__ext = c.getContext('webgl2').getExtension('WEBGL_lose_context');
    window.__ext.loseContext();
  });
  await page.waitForFunction(() => document.querySelector('wasm-gallery').stats.webgl === 'lost');
  assert.equal(await page.$eval('wasm-gallery', (g) => g.stats.texturesResident), 0);
  const framesLost = await page.$eval('wasm-gallery', (g) => g.stats.framesRendered);
  await page.evaluate(() => window.__ext.restoreContext());
  await page.waitForFunction(() => {
    const s = document.querySelector('wasm-gallery').stats;
    return s.webgl === 'live' && s.texturesResident > 0;
  });
  await page.waitForTimeout(300);
  assert.equal(await page.$eval('wasm-gallery', (g) => g.index), 3);
  assert.ok(await page.$eval('wasm-gallery', (g) => g.stats.framesRendered) > framesLost, 'drew again');
  const { png } = await h.shot(page, 'embed-context-restored', await page.$('wasm-gallery'));
  assert.ok(h.pixelStats(png, { x: 0, y: 0, w: png.width, h: Math.floor(png.height * 0.5) }).colours > 500);
  assert.deepEqual(await h.events(page, 'error'), []);
  await page.context().close();
});

test('50 mount/destroy cycles: wasm instances collected, no live GL context, JS heap flat', async () => {
  const page = await h.openPage('desktop');
  await trackContexts(page);
  await page.addInitScript(() => {
    window.__collected = 0;
    window.__fr = new FinalizationRegistry(() => { window.__collected++; });
  });
  await gotoEmpty(page, '/test/embed-mount.html');
  const cdp = await page.context().newCDPSession(page);
  const heapAfterGc = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(100);
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  // One cycle: mount; every other one waits for ready (photos decoded, frames drawn), the others
  // are destroyed while still loading, the race a single-page app produces.
  const cycles = (k, from) => page.evaluate(async ({ k, from }) => {
    const host = document.getElementById('host');
    for (let i = 0; i < k; i++) {
      const inst = WasmGallery.mount(host, { src: '/test/embed-three.json' });
      if ((from + i) % 2 === 0) {
        await new Promise((res, rej) => {
          const t = setTimeout(() => rej(new Error('no ready in cycle ' + (from + i))), 20000);
          host.addEventListener('ready', () => { clearTimeout(t); res(); }, { once: true });
        });
      } else {
        await new Promise((r) => setTimeout(r, 20 * (i % 5)));
      }
      if (inst.gallery._M) window.__fr.register(inst.gallery._M, 'M');
      else window.__fr.register(inst.gallery, 'G'); // destroyed before its wasm: the gallery itself must go
      inst.destroy();
    }
  }, { k, from });
  await cycles(5, 0);
  const base = await heapAfterGc();
  await cycles(45, 5);
  const end = await heapAfterGc();
  await page.waitForTimeout(200);
  await heapAfterGc();
  const collected = await page.evaluate(() => window.__collected);
  const live = await page.evaluate(() => window.__liveContexts());
  const growth = end - base;
  console.log(`heap after 5 cycles ${(base / 1e6).toFixed(2)} MB, after 50 ${(end / 1e6).toFixed(2)} MB; collected ${collected}/50; live contexts ${live}`);
  assert.equal(live, 0, 'no WebGL context left alive');
  assert.ok(collected >= 49, `wasm instances / galleries collected: ${collected} of 50`);
  assert.ok(growth < 2e6, `JS heap grew ${(growth / 1e6).toFixed(2)} MB over 45 cycles`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
