// playground-photos.test.js — photos dropped into the playground are kept in the browser (IndexedDB)
// with the draft: after a reload they are back in the strip and the preview; a photo under a name a
// slide already uses replaces that slide's photo instead of adding a slide (from "Add photos…" and
// from a drop on a thumbnail); a photo the browser no longer has is a 'photo.missing' error.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const { PNG } = require('pngjs');
const h = require('./harness.js');
const { DRAFT_KEY, openPlayground, previewFrame, waitValid } = require('./playground-pages.js');

after(h.teardown);

const PHOTO_DB = 'wasm-gallery.playground.photos'; // photo_store.js
const SAMPLE_SLIDES = 10;

// A PNG of one flat colour, so the preview's photo is found by its colour in a screenshot.
function flatPng(width, height, [r, g, b]) {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([r, g, b, 255], i);
  return PNG.sync.write(png);
}
const MAGENTA = [230, 20, 230], TEAL = [0, 150, 150], GOLD = [240, 190, 0];
const isMagenta = (r, g, b) => r > 180 && g < 80 && b > 180;
const isTeal = (r, g, b) => r < 60 && g > 100 && b > 100 && Math.abs(g - b) < 40;

const draftSlides = (page) => page.evaluate((k) => JSON.parse(JSON.parse(localStorage.getItem(k)).text).slides, DRAFT_KEY);

async function waitDraft(page, test, arg) {
  await page.waitForFunction(([k, src, a]) => {
    const d = JSON.parse(localStorage.getItem(k) || 'null');
    try { return d && new Function('slides', 'a', src)(JSON.parse(d.text).slides, a); } catch { return false; }
  }, [DRAFT_KEY, `return (${test})(slides, a);`, arg], { timeout: 10000 });
}

// Adds files through "Add photos…" and waits until they are in the browser's store.
async function addPhotos(page, files) {
  await page.setInputFiles('#add-files', files);
  await page.waitForFunction(() => document.querySelector('#state').dataset.photos === 'kept', null, { timeout: 15000 });
}

// After a reload: the editor's JSON validated, the preview showing it, the photo checks done.
async function reloaded(page) {
  await page.reload();
  await waitValid(page);
  await page.waitForFunction(() => document.querySelector('#state').dataset.checks === 'done', null, { timeout: 20000 });
}

const storedNames = (page) => page.evaluate((db) => new Promise((resolve, reject) => {
  const req = indexedDB.open(db);
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const r = req.result.transaction('photos').objectStore('photos').getAllKeys();
    r.onsuccess = () => { req.result.close(); resolve(r.result.sort()); };
    r.onerror = () => reject(r.error);
  };
}), PHOTO_DB);

const problemIds = (page) => page.$$eval('#problems li.problem', (l) => l.map((x) => `${x.querySelector('.id').textContent} ${x.querySelector('.place').textContent}`));

// Shows slide i (from its thumbnail) and waits until the preview's share of `colour` pixels passes
// `share`: the photo is drawn (polls screenshots; a placeholder or another photo never gets there).
async function previewShows(page, i, colour, share = 0.1) {
  await page.locator(`#slides button[data-index="${i}"]`).click();
  await previewFrame(page).waitForFunction((n) => { const g = document.getElementById('gallery'); return g.index === n && !g.stats.animating; }, i, { timeout: 15000 });
  const deadline = Date.now() + 20000;
  let seen = 0;
  while (Date.now() < deadline) {
    const png = PNG.sync.read(await page.locator('.preview-box').screenshot());
    let n = 0;
    for (let p = 0; p < png.data.length; p += 4) if (colour(png.data[p], png.data[p + 1], png.data[p + 2])) n++;
    seen = n / (png.width * png.height);
    if (seen > share) return seen;
  }
  assert.fail(`slide ${i + 1}: the preview's photo covers ${(seen * 100).toFixed(1)}% of the preview, expected over ${share * 100}%`);
}

test('dropped photos survive a reload; a known name replaces its slide’s photo; a photo gone from the store is a photo.missing error', async () => {
  const page = await h.openPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await openPlayground(page);

  // Two photos through "Add photos…": two slides at the end, and both in the browser's store.
  await addPhotos(page, [
    { name: 'magenta.png', mimeType: 'image/png', buffer: flatPng(300, 200, MAGENTA) },
    { name: 'teal.png', mimeType: 'image/png', buffer: flatPng(200, 300, TEAL) },
  ]);
  await waitDraft(page, '(s) => s.length === a', SAMPLE_SLIDES + 2);
  assert.deepEqual((await draftSlides(page)).slice(SAMPLE_SLIDES).map((s) => [s.image, s.width, s.height]),
    [['photos/magenta.png', 300, 200], ['photos/teal.png', 200, 300]]);
  assert.deepEqual(await storedNames(page), ['photos/magenta.png', 'photos/teal.png']);
  assert.deepEqual(page.errors, []);

  // Reloaded: the photos are back before the first render — in the strip, the preview and the checks.
  await reloaded(page);
  assert.match(await page.$eval('#status', (s) => s.textContent), /Restored your draft.*2 dropped photos too/);
  assert.equal(await page.$$eval('#slides li', (l) => l.length), SAMPLE_SLIDES + 2);
  for (const [i, w] of [[SAMPLE_SLIDES, 300], [SAMPLE_SLIDES + 1, 200]]) {
    const thumb = page.locator(`#slides li[data-index="${i}"] img`);
    await thumb.scrollIntoViewIfNeeded();
    await page.waitForFunction(([i, w]) => { const img = document.querySelector(`#slides li[data-index="${i}"] img`); return img.src.startsWith('blob:') && img.complete && img.naturalWidth === w; }, [i, w], { timeout: 10000 });
  }
  await previewShows(page, SAMPLE_SLIDES, isMagenta);
  await previewShows(page, SAMPLE_SLIDES + 1, isTeal);
  let ids = await problemIds(page);
  assert.ok(!ids.some((p) => /photo\.missing|image\.broken/.test(p)), ids.join('\n'));
  assert.doesNotMatch(await page.$eval('#summary', (s) => s.textContent), /error/);
  assert.deepEqual(page.errors, []);

  // The same name again, at another size: slide 11's photo (a new version, magenta-2.png) and size
  // change, no slide is added.
  await addPhotos(page, [{ name: 'magenta.png', mimeType: 'image/png', buffer: flatPng(360, 180, MAGENTA) }]);
  await waitDraft(page, '(s) => s[a].width === 360', SAMPLE_SLIDES);
  const replaced = await draftSlides(page);
  assert.equal(replaced.length, SAMPLE_SLIDES + 2);
  assert.deepEqual(replaced[SAMPLE_SLIDES], { image: 'photos/magenta-2.png', alt: '', caption: '', credit: '', width: 360, height: 180 });
  await page.waitForFunction((n) => document.querySelectorAll('#slides li').length === n, SAMPLE_SLIDES + 2);
  assert.match(await page.$eval('#status', (s) => s.textContent), /Replaced the photo of slide 11 \(now photos\/magenta-2\.png; Ctrl\+Z brings the earlier one back\)/);
  await page.waitForFunction((w) => { const img = document.querySelector('#slides li[data-index="10"] img'); return img.complete && img.naturalWidth === w; }, 360, { timeout: 10000 });
  // One Ctrl+Z undoes the whole drop: the earlier file (its name, its size) is back, and shown.
  await page.click('.cm-content');
  await page.keyboard.press('Control+z');
  await waitDraft(page, '(s) => s[a].image === "photos/magenta.png" && s[a].width === 300 && s[a].height === 200', SAMPLE_SLIDES);
  await page.waitForFunction((w) => { const img = document.querySelector('#slides li[data-index="10"] img'); return img.complete && img.naturalWidth === w; }, 300, { timeout: 10000 });
  await page.keyboard.press('Control+y');
  await waitDraft(page, '(s) => s[a].width === 360 && s[a].height === 180', SAMPLE_SLIDES);
  assert.deepEqual(page.errors, []);

  // teal.png leaves the store: after a reload its slide is an error, in the summary, the Problems
  // list and the slide's own checks.
  await page.evaluate(([db, name]) => new Promise((resolve, reject) => {
    const req = indexedDB.open(db);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const tx = req.result.transaction('photos', 'readwrite');
      tx.objectStore('photos').delete(name);
      tx.oncomplete = () => { req.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), [PHOTO_DB, 'photos/teal.png']);
  await reloaded(page);
  assert.match(await page.$eval('#status', (s) => s.textContent), /1 dropped photo too/);
  ids = await problemIds(page);
  assert.ok(ids.includes(`photo.missing /slides/${SAMPLE_SLIDES + 1}/image`), ids.join('\n'));
  assert.equal(ids.filter((p) => p.startsWith('photo.missing')).length, 1, ids.join('\n'));
  const problem = await page.locator('#problems li.problem', { hasText: 'photo.missing' }).textContent();
  assert.match(problem, /^error.*Slide 12: photo photos\/teal\.png is missing — drop it again or choose another/);
  assert.match(await page.$eval('#summary', (s) => s.textContent), /^1 error$/);
  assert.equal(await page.$eval('#summary', (s) => s.className), 'summary error');
  await page.locator(`#slides button[data-index="${SAMPLE_SLIDES + 1}"]`).click();
  const checks = await page.$$eval('#slide-checks li', (l) => l.map((x) => x.className + ' ' + x.textContent));
  assert.ok(checks.some((c) => /finding error.*photos\/teal\.png is missing/.test(c)), checks.join('\n'));
  assert.equal(await page.$eval(`#slides li[data-index="${SAMPLE_SLIDES + 1}"] .slide-badge`, (b) => b.className), 'slide-badge error');

  // Dropped again on the strip's thumbnails with a new photo: the known name goes back into its
  // slide, the new one becomes a slide where it was dropped.
  const teal = flatPng(200, 300, TEAL).toString('base64'), gold = flatPng(240, 160, GOLD).toString('base64');
  await page.evaluate(([teal, gold, i]) => {
    const file = (b64, name) => new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type: 'image/png' });
    const dt = new DataTransfer();
    dt.items.add(file(teal, 'teal.png'));
    dt.items.add(file(gold, 'gold.png'));
    const target = document.querySelector(`#slides li[data-index="${i}"] button`);
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [teal, gold, SAMPLE_SLIDES + 1]);
  await page.waitForFunction(() => document.querySelector('#state').dataset.photos === 'kept', null, { timeout: 15000 });
  await waitDraft(page, '(s) => s.length === a', SAMPLE_SLIDES + 3);
  assert.deepEqual((await draftSlides(page)).slice(SAMPLE_SLIDES).map((s) => [s.image, s.width, s.height]),
    [['photos/magenta-2.png', 360, 180], ['photos/gold.png', 240, 160], ['photos/teal.png', 200, 300]]);
  await page.waitForFunction(() => document.querySelector('#state').dataset.state === 'valid' && document.querySelector('#state').dataset.checks === 'done' &&
    ![...document.querySelectorAll('#problems .id')].some((e) => e.textContent === 'photo.missing'), null, { timeout: 20000 });
  assert.doesNotMatch(await page.$eval('#summary', (s) => s.textContent), /error/);
  await page.waitForFunction(() => document.querySelectorAll('#slides li').length === 13);
  await previewShows(page, SAMPLE_SLIDES + 2, isTeal);
  assert.deepEqual(await storedNames(page), ['photos/gold.png', 'photos/magenta-2.png', 'photos/teal.png']);
  await page.context().close();
});

test('a photo no slide names any more leaves the store when the draft is saved; Ctrl+Z brings it back', async () => {
  const page = await h.openPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await openPlayground(page);
  await addPhotos(page, [{ name: 'magenta.png', mimeType: 'image/png', buffer: flatPng(300, 200, MAGENTA) }]);
  await waitDraft(page, '(s) => s.length === a', SAMPLE_SLIDES + 1);
  assert.deepEqual(await storedNames(page), ['photos/magenta.png']);
  // Remove its slide (the form's Remove): after the save, the store lets the photo go.
  await page.locator(`#slides button[data-index="${SAMPLE_SLIDES}"]`).click();
  await page.waitForFunction((n) => document.querySelector('#slide-picker').value === String(n), SAMPLE_SLIDES);
  await page.click('#slide-form [data-action="remove"]');
  await waitDraft(page, '(s) => s.length === a', SAMPLE_SLIDES);
  await expectStored(page, []);
  // Undone: the slide names it again, and the next save stores it again from this session's copy.
  await page.click('.cm-content');
  await page.keyboard.press('Control+z');
  await waitDraft(page, '(s) => s.length === a', SAMPLE_SLIDES + 1);
  await expectStored(page, ['photos/magenta.png']);
  await reloaded(page);
  await previewShows(page, SAMPLE_SLIDES, isMagenta);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The store's names reach `want` (the pruning runs after the draft's save, asynchronously).
async function expectStored(page, want) {
  const deadline = Date.now() + 10000;
  let names;
  while (Date.now() < deadline) {
    names = await storedNames(page);
    if (JSON.stringify(names) === JSON.stringify(want)) return;
  }
  assert.deepEqual(names, want);
}
