// foundation.test.js — the demo article end to end: ready, a real picture in the canvas, keyboard
// walk through all ten slides, and a clear message when the JSON is missing.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness.js');

after(h.teardown);

test('demo page fires ready and draws the first photo with its text', async () => {
  const page = await h.openPage('desktop');
  const evs = await h.gotoGallery(page, '/');
  assert.deepEqual(evs.filter((e) => e.type === 'error'), []);
  const ready = evs.find((e) => e.type === 'ready');
  assert.ok(ready, 'ready fired');
  assert.equal(await page.$eval('wasm-gallery', (g) => g.count), 10);
  assert.equal(await page.$eval('wasm-gallery', (g) => g.index), 0);
  const { png } = await h.shot(page, 'foundation-desktop-1', await page.$('wasm-gallery'));
  // Photo region: a real photo has thousands of colours; a blank or flat canvas has a handful.
  const photo = h.pixelStats(png, { x: 0, y: 0, w: png.width, h: Math.floor(png.height * 0.5) });
  assert.ok(photo.colours > 500, `photo area has ${photo.colours} colours`);
  // Text panel: dark glyphs on a light background.
  const text = h.pixelStats(png, { x: 0, y: Math.floor(png.height * 0.75), w: png.width, h: Math.floor(png.height * 0.25) });
  assert.ok(text.lumaRange > 150, `text panel luminance range ${text.lumaRange}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('ArrowRight ten times walks index 0→9 and fires slidechange', async () => {
  const page = await h.openPage('desktop');
  await h.gotoGallery(page, '/');
  await page.click('wasm-gallery', { position: { x: 200, y: 150 } }); // focus the gallery like a reader would
  const seen = [];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(60); // the subject: keys 60 ms apart, faster than the 300 ms animation
    seen.push(await page.$eval('wasm-gallery', (g) => g.index));
  }
  assert.deepEqual(seen, [1, 2, 3, 4, 5, 6, 7, 8, 9, 9]);
  // slidechange fires once per *settled* change: presses faster than the 300 ms animation merge.
  await page.waitForFunction(() => window.__wg.events.filter((e) => e.type === 'slidechange').pop()?.detail.index === 9);
  const changes = (await h.events(page, 'slidechange')).map((e) => e.detail);
  const idx = changes.map((d) => d.index);
  assert.ok(idx.every((v, i) => i === 0 || v > idx[i - 1]), `increasing: ${idx}`);
  assert.equal(idx.at(-1), 9);
  assert.ok(changes.every((d) => d.count === 10));
  await h.still(page);
  await h.shot(page, 'foundation-desktop-10', await page.$('wasm-gallery'));
  await page.context().close();
});

test('a missing JSON URL fires error and shows a message instead of an empty box', async () => {
  const page = await h.openPage('desktop');
  const evs = await h.gotoGallery(page, '/test/missing-json.html');
  const err = evs.find((e) => e.type === 'error');
  assert.ok(err, 'error fired');
  assert.match(err.detail.message, /does-not-exist\.json: HTTP 404/);
  const msg = await page.$eval('wasm-gallery', (g) => g.shadowRoot.querySelector('.wg-message').textContent);
  assert.match(msg, /HTTP 404/);
  const box = await (await page.$('wasm-gallery')).boundingBox();
  assert.ok(box.height > 100, 'the box keeps its reserved size');
  await h.shot(page, 'foundation-missing-json', await page.$('wasm-gallery'));
  await page.context().close();
});

test('invalid galleries show every mistake with its place; a good gallery beside them works', async () => {
  const page = await h.openPage('desktop');
  await page.addInitScript(() => { window.__wg = { events: [] }; });
  await h.gotoGallery(page, '/test/invalid-json.html');
  await page.$eval('#good', (g) => g.scrollIntoView()); // a gallery draws (and so gets ready) once on screen
  await page.waitForFunction(() => ['semantic', 'syntax', 'good'].every((id) =>
    window.__wg.events.some((e) => e.id === id && (e.type === 'ready' || e.type === 'error'))), null, { timeout: 30000 });
  const evs = await h.events(page);
  const sem = evs.find((e) => e.id === 'semantic' && e.type === 'error');
  assert.ok(sem, 'semantic gallery fired error');
  assert.match(sem.detail.message, /\/slides\/0\/image: .*javascript/i);
  assert.match(sem.detail.message, /\/slides\/1\/image: required/);
  assert.match(sem.detail.message, /\/options\/loop: expected boolean/);
  const syn = evs.find((e) => e.id === 'syntax' && e.type === 'error');
  assert.ok(syn, 'syntax gallery fired error');
  assert.match(syn.detail.message, /inline gallery:3:\d+: /, 'line:column of the stray comma');
  const box = await page.$eval('#semantic', (g) => g.shadowRoot.querySelector('.wg-message').textContent);
  assert.match(box, /\/slides\/1\/image: required/);
  assert.ok(evs.some((e) => e.id === 'good' && e.type === 'ready'), 'the good gallery is ready');
  await page.$eval('#good', (g) => g.next());
  await page.waitForFunction(() => document.querySelector('#good').index === 1);
  await h.shot(page, 'foundation-invalid', await page.$('#semantic'));
  await page.context().close();
});

// The README's promise: any static file server of the repository root shows the demo with its photos
// (gallery.json's image URLs resolve relative to the JSON file, not to scripts/serve.js's mapping).
test('python3 -m http.server in the repo root serves the demo article with its photos', async () => {
  const { spawn } = require('child_process');
  const py = spawn('python3', ['-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', h.ROOT],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const port = await new Promise((resolve, reject) => {
      let out = '';
      const seen = (d) => { out += d; const m = /port (\d+)/.exec(out); if (m) resolve(+m[1]); };
      py.stdout.on('data', seen);
      py.stderr.on('data', seen);
      py.on('exit', (code) => reject(new Error(`python3 -m http.server exited ${code}: ${out}`)));
    });
    const page = await h.openPage('desktop');
    await page.addInitScript(() => {
      window.__wg = { events: [] };
      for (const type of ['ready', 'error']) document.addEventListener(type, (e) => window.__wg.events.push({ type, detail: e.detail }), true);
    });
    await page.goto(`http://127.0.0.1:${port}/web/index.html`);
    await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'ready' || e.type === 'error'));
    assert.deepEqual(await page.evaluate(() => window.__wg.events.filter((e) => e.type === 'error')), []);
    // The first photo arrives after ready: wait for the slide's image state, then look at the pixels.
    const photoState = await page.waitForFunction(() => {
      const g = document.querySelector('wasm-gallery');
      const s = g && g.stats;
      return s && s.texturesResident > 0 && !s.animating && g;
    }, null, { timeout: 30000 }).then(() => true, () => false);
    const { png } = await h.shot(page, 'foundation-plain-server', await page.$('wasm-gallery'));
    const photo = h.pixelStats(png, { x: 0, y: 0, w: png.width, h: Math.floor(png.height * 0.5) });
    assert.ok(photoState && photo.colours > 500, `the photo is drawn (${photo.colours} colours in the photo area)`);
    const slideErrors = await page.$eval('wasm-gallery', (g) => g.shadowRoot.textContent);
    assert.doesNotMatch(slideErrors, /HTTP 404/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    py.kill();
  }
});

// JSON text is judged as written: a NUL character does not end it (nlohmann's lexer would stop there).
test('WasmGallery.validate refuses JSON text with a NUL character in it, naming where', async () => {
  const page = await h.openPage('desktop');
  await h.gotoEmpty(page, '/');
  const verdicts = await page.evaluate(async () => {
    const texts = ['123\u0000', '{"slides": [{"image": "a.jpg"}]}\u0000', '{"slides": [{"image": "a.jpg"}]}'];
    return Promise.all(texts.map((t) => window.WasmGallery.validate(t, 'nul.json')));
  });
  for (const v of verdicts.slice(0, 2)) {
    assert.equal(v.ok, false);
    assert.equal(v.diagnostics[0].id, 'json.syntax');
    assert.match(v.diagnostics[0].text, /U\+0000/);
  }
  assert.match(verdicts[0].diagnostics[0].text, /nul\.json:1:4/);
  assert.equal(verdicts[2].ok, true, 'the same gallery without the NUL is valid');
  await page.context().close();
});

// The wasm's own snprintf (widget/platform/lean_snprintf.cpp) writes nlohmann's "<U+%.4X>" for a control
// character in a bad token: the same message as the native core's (gallery_json_test.cpp), no trap.
test('WasmGallery.validate names a raw control character in a string, as the native core does', async () => {
  const page = await h.openPage('desktop');
  await h.gotoEmpty(page, '/');
  const verdicts = await page.evaluate(async () => {
    const texts = ['{"title": "a\tb"}', '{"title": "a\nb"}', '{"title": "a\u001fb"}', '{"slides": [{"image": "a\u0001.jpg"}]}'];
    return Promise.all(texts.map((t) => window.WasmGallery.validate(t, 'ctl.json')));
  });
  const want = [[/ctl\.json:1:13/, /control character U\+0009/], [/ctl\.json:1:13/, /control character U\+000A/],
    [/ctl\.json:1:13/, /control character U\+001F/], [/ctl\.json:1:25/, /control character U\+0001/]];
  verdicts.forEach((v, i) => {
    assert.equal(v.ok, false, `text ${i}`);
    assert.equal(v.diagnostics[0].id, 'json.syntax');
    for (const re of want[i]) assert.match(v.diagnostics[0].text, re);
  });
  const again = await page.evaluate(() => window.WasmGallery.validate('{"slides": [{"image": "a.jpg"}]}', 'ok.json'));
  assert.equal(again.ok, true, 'the validator still answers after them');
  await page.context().close();
});
