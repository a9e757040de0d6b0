// embed.test.js — every way to embed a gallery, on one page; src changes reload; the module is
// compiled once per page; page CSS cannot reach inside; deep links; context loss and restore.
// (Many galleries per page and the mount/destroy leak check: embed-scale.test.js.)
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness.js');

after(h.teardown);

const FORMS = ['el-src', 'el-inline', 'div-src', 'div-inline', 'mounted', 'div-later'];

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
  await h.gotoEmpty(page, '/test/embed-mount.html#trip/3');
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
  // The live region says slide 2: the idle step that would write the URL (gallery.js _followSlide) ran.
  await page.waitForFunction(() => document.getElementById('host').shadowRoot.querySelector('.wg-live').textContent.startsWith('Slide 2 of 3'));
  assert.equal(await page.evaluate(() => location.hash), '#trip/3');
  await page.context().close();
});

test('webglcontextlost / restored (WEBGL_lose_context): the gallery redraws the same slide', async () => {
  const page = await h.openPage('desktop');
  await h.gotoGallery(page, '/');
  await page.$eval('wasm-gallery', (g) => g.goTo(3));
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'slidechange' && e.detail.index === 3));
  await page.waitForFunction(() => document.querySelector('wasm-gallery').stats.texturesResident > 0);
  assert.ok((await h.engineDebug(page, 'wasm-gallery', 'loseContext')).ok, 'WEBGL_lose_context is available');
  await page.waitForFunction(() => document.querySelector('wasm-gallery').stats.webgl === 'lost');
  assert.equal(await page.$eval('wasm-gallery', (g) => g.stats.texturesResident), 0);
  const framesLost = await page.$eval('wasm-gallery', (g) => g.stats.framesRendered);
  await h.engineDebug(page, 'wasm-gallery', 'restoreContext');
  await page.waitForFunction(() => {
    const s = document.querySelector('wasm-gallery').stats;
    return s.webgl === 'live' && s.texturesResident > 0;
  });
  await h.photoDrawn(page, 'wasm-gallery', { name: 'embed-context-restored', what: 'the photo is drawn again' });
  assert.equal(await page.$eval('wasm-gallery', (g) => g.index), 3);
  assert.ok(await page.$eval('wasm-gallery', (g) => g.stats.framesRendered) > framesLost, 'drew again');
  assert.deepEqual(await h.events(page, 'error'), []);
  await page.context().close();
});

