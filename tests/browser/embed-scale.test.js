// embed-scale.test.js — embedding at scale: 20 galleries on one page with at most a dozen live
// WebGL contexts, each reaching ready and drawing as the page is scrolled; 50 mount/destroy cycles
// without a leak (wasm instances collected, no live context, JS heap flat after GC).
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness.js');

after(h.teardown);

const { trackContexts } = h;

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
    // Its photo drawn and faded in (null: none came; the list below names it).
    if (await h.photoDrawn(page, '#' + id, { name: `many-${id}`, timeout: 30000 }).catch(() => null)) drawn.add(id);
    maxLive = Math.max(maxLive, await h.liveContexts(page));
  }
  assert.equal(drawn.size, 20, `drawn: ${[...drawn]}`);
  assert.ok(maxLive <= 12, `at most 12 live WebGL contexts (saw ${maxLive})`);
  const states = await page.$$eval('wasm-gallery', (l) => l.map((g) => g.stats.webgl));
  assert.equal(states[0], 'parked', 'the first gallery gave its context back');
  // Back to the top: g1 takes a context again, on the slide it was on.
  await page.$eval('#g1', (e) => e.scrollIntoView({ block: 'center' }));
  await page.waitForFunction(() => document.getElementById('g1').stats.webgl === 'live' && document.getElementById('g1').stats.texturesResident > 0);
  assert.equal(await page.$eval('#g1', (g) => g.index), 2);
  await h.photoDrawn(page, '#g1', { name: 'many-g1-restored', what: 'g1 draws its photo again' });
  assert.deepEqual(await h.events(page, 'error'), []);
  assert.deepEqual(page.errors.filter((e) => !/Too many active WebGL contexts/.test(e)), []);
  await h.shot(page, 'many-page', null);
  await page.context().close();
});

test('50 mount/destroy cycles: wasm instances collected, no live GL context, JS heap flat', async () => {
  const page = await h.openPage('desktop');
  await trackContexts(page);
  await page.addInitScript(() => {
    window.__collected = 0;
    window.__fr = new FinalizationRegistry(() => { window.__collected++; });
  });
  await h.gotoEmpty(page, '/test/embed-mount.html');
  const cdp = await page.context().newCDPSession(page);
  const heapAfterGc = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    // The page idle: the finalizers and cleanups that collection queued have run; then what they freed goes.
    await page.evaluate(() => new Promise((r) => requestIdleCallback(r, { timeout: 2000 })));
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  // One cycle: mount; one in five waits for ready (photos decoded, frames drawn), the others are
  // destroyed at some point while still loading, the race a single-page app produces.
  const cycles = (k, from) => page.evaluate(async ({ k, from }) => {
    const host = document.getElementById('host');
    for (let i = 0; i < k; i++) {
      const inst = WasmGallery.mount(host, { src: '/test/embed-three.json' });
      if ((from + i) % 5 === 0) {
        await new Promise((res, rej) => {
          const t = setTimeout(() => rej(new Error('no ready in cycle ' + (from + i))), 20000);
          host.addEventListener('ready', () => { clearTimeout(t); res(); }, { once: true });
        });
      } else {
        await new Promise((r) => setTimeout(r, 60 * (i % 5)));
      }
      if (inst.gallery._client) window.__fr.register(inst.gallery._client, 'C');
      else window.__fr.register(inst.gallery, 'G'); // destroyed before its engine ran: the gallery itself must go
      inst.destroy();
    }
  }, { k, from });
  await cycles(5, 0);
  const base = await heapAfterGc();
  await cycles(45, 5);
  // Each destroyed gallery's render worker closes itself (within a second of destroy()): wait for their
  // close events, 5 s at most.
  let deadline;
  await Promise.race([Promise.all(h.renderWorkers(page).map((w) => new Promise((r) => w.once('close', r)))),
    new Promise((r) => { deadline = setTimeout(r, 5000); })]);
  clearTimeout(deadline);
  const workers = h.renderWorkers(page).length;
  const end = await heapAfterGc();
  // Finalization callbacks come after a collection, some only after a later one: collect until all
  // 50 are counted (a few rounds at most).
  for (let i = 0; i < 5 && (await page.evaluate(() => window.__collected)) < 50; i++) await heapAfterGc();
  const collected = await page.evaluate(() => window.__collected);
  const live = await h.liveContexts(page);
  const growth = end - base;
  console.log(`heap after 5 cycles ${(base / 1e6).toFixed(2)} MB, after 50 ${(end / 1e6).toFixed(2)} MB; collected ${collected}/50; live contexts ${live}; render workers ${workers}`);
  assert.equal(live, 0, 'no WebGL context left alive');
  assert.equal(workers, 0, 'no render worker left running');
  assert.ok(collected >= 49, `engine clients / galleries collected: ${collected} of 50`);
  assert.ok(growth < 2e6, `JS heap grew ${(growth / 1e6).toFixed(2)} MB over 45 cycles`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
