// playground.test.js — the playground end to end in Chromium: wasm diagnostics at the right line with
// the preview kept (stale) until the JSON is fixed, the form writing into the JSON and the widget,
// dropped photos becoming slides, export, the draft across a reload, reset, ?src, photo checks,
// schema completion, and the screenshots docs/playground.md shows.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');
const h = require('./harness.js');
const { DRAFT_KEY, openPlayground, previewFrame, waitValid } = require('./playground-pages.js');

after(h.teardown);

const SAMPLE = fs.readFileSync(path.join(h.ROOT, 'gallery.json'), 'utf8');
// Screenshots the README shows must stay small enough to keep the repository light (the 1280×800
// layout with the form beside the preview varies between 190 and 235 KB with what the photos show).
const MAX_SCREENSHOT_BYTES = 256 * 1024;

const renders = (page) => page.$eval('#preview-stage', (s) => Number(s.dataset.renders));
const mirrorText = (page) => previewFrame(page).evaluate(() => document.getElementById('gallery').shadowRoot.textContent);
const galleryCount = (page) => previewFrame(page).evaluate(() => document.getElementById('gallery').count);
const draft = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || 'null'), DRAFT_KEY);

async function waitDraftWith(page, needle) {
  await page.waitForFunction(([k, s]) => (JSON.parse(localStorage.getItem(k) || '{}').text || '').includes(s), [DRAFT_KEY, needle], { timeout: 10000 });
}

function lineOf(text, needle) {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

test('a stray comma: a wasm diagnostic at that line, the preview kept and marked stale; fixed: the preview updates', async () => {
  const page = await h.openPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await openPlayground(page);
  const before = await renders(page);
  const creditLine = '"credit": "© AFP 2023 / STR",';
  const line = lineOf(SAMPLE, creditLine);
  await page.locator('.cm-line', { hasText: creditLine }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(',');
  await page.waitForFunction(() => document.querySelector('#state').dataset.state === 'invalid');

  const problems = await page.$$eval('#problems li.problem', (lis) => lis.map((li) => li.textContent));
  const syntax = problems.filter((p) => p.includes('json.syntax'));
  assert.equal(syntax.length, 1, problems.join('\n'));
  assert.match(syntax[0], new RegExp(`^error${line}:\\d+`), 'listed at the line of the stray comma');
  const underlined = await page.$$eval('.cm-lintRange-error', (els) => els.map((e) => e.closest('.cm-line').textContent));
  assert.equal(underlined.length, 1);
  assert.ok(underlined[0].includes('"credit": "© AFP 2023 / STR",,'), underlined[0]);
  // The preview keeps the last valid gallery, marked stale.
  assert.equal(await page.$eval('#preview-stage', (s) => s.classList.contains('stale')), true);
  assert.equal(await renders(page), before);
  assert.equal(await galleryCount(page), 10);
  assert.match(await page.$eval('#summary', (s) => s.textContent), /1 error/);
  await h.shot(page, 'playground-test-stale');
  // The listed problem jumps to its place.
  await page.click('.cm-content', { position: { x: 5, y: 5 } });
  await page.locator('#problems li.problem button', { hasText: 'json.syntax' }).click();
  assert.ok((await page.$eval('.cm-activeLine', (l) => l.textContent)).includes(creditLine + ','));

  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await waitValid(page);
  assert.ok(await renders(page) > before, 'the preview re-rendered');
  assert.equal(await page.$$eval('.cm-lintRange-error', (els) => els.length), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the form edits the caption: the JSON and the widget’s DOM mirror change; slides reorder by keyboard and drag', async () => {
  const page = await h.openPage('desktop');
  await openPlayground(page);
  const caption = 'Edited in the playground form: Tehran, February 2024';
  assert.ok(!(await mirrorText(page)).includes(caption));
  await page.fill('#f-caption', caption);
  await page.waitForFunction((c) => document.querySelector('#preview-stage').dataset.stale === 'false' &&
    document.querySelector('iframe').contentDocument.getElementById('gallery').shadowRoot.textContent.includes(c), caption, { timeout: 15000 });
  await waitDraftWith(page, caption);
  const json = JSON.parse((await draft(page)).text);
  assert.equal(json.slides[0].caption, caption);
  assert.equal(json.slides[1].caption, JSON.parse(SAMPLE).slides[1].caption, 'other slides untouched');
  // Only the caption's value changed in the text: the editor's formatting is kept.
  assert.equal((await draft(page)).text, SAMPLE.replace(JSON.stringify(JSON.parse(SAMPLE).slides[0].caption), JSON.stringify(caption)));

  // Reorder from the keyboard (the same edit as a drag): slide 1 moves after slide 2, the preview follows it.
  const before = await renders(page);
  await page.focus('#slides button[data-index="0"]');
  await page.keyboard.press('Alt+ArrowRight');
  await page.waitForFunction((n) => Number(document.querySelector('#preview-stage').dataset.renders) > n, before);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('wasm-gallery.playground.draft.v1')).text.indexOf('photos/02.jpg') <
    JSON.parse(localStorage.getItem('wasm-gallery.playground.draft.v1')).text.indexOf('photos/01.jpg'));
  const moved = JSON.parse((await draft(page)).text).slides;
  assert.deepEqual(moved.slice(0, 3).map((x) => x.image), ['web/demo/photos/02.jpg', 'web/demo/photos/01.jpg', 'web/demo/photos/03.jpg']);
  assert.equal(moved[1].caption, caption);
  await previewFrame(page).waitForFunction(() => document.getElementById('gallery').index === 1);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.index), '1', 'focus stays on the moved slide');
  // And with the mouse: slide 3 dragged onto the left half of slide 1 goes first.
  const r = await renders(page);
  await page.locator('#slides li[data-index="2"]').dragTo(page.locator('#slides li[data-index="0"]'), { targetPosition: { x: 10, y: 30 } });
  await page.waitForFunction((n) => Number(document.querySelector('#preview-stage').dataset.renders) > n, r);
  await page.waitForFunction(() => /photos\/03[^]*photos\/02[^]*photos\/01/.test(localStorage.getItem('wasm-gallery.playground.draft.v1')));
  await previewFrame(page).waitForFunction(() => document.getElementById('gallery').index === 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a photo dropped on the preview becomes a slide with its size from the file', async () => {
  const page = await h.openPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await openPlayground(page);
  const bytes = fs.readFileSync(path.join(h.ROOT, 'web/demo/photos/03.jpg')).toString('base64');
  const before = await renders(page);
  await page.evaluate((b64) => {
    const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bin], 'harbour at dusk.jpg', { type: 'image/jpeg' }));
    const target = document.querySelector('#preview-stage');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bytes);
  await page.waitForFunction((n) => Number(document.querySelector('#preview-stage').dataset.renders) > n &&
    document.querySelector('#state').dataset.state === 'valid', before, { timeout: 15000 });
  await previewFrame(page).waitForFunction(() => document.getElementById('gallery').count === 11);
  assert.equal(await page.$$eval('#slides li', (l) => l.length), 11);
  assert.match(await page.$eval('#slide-count', (s) => s.textContent), /11 slides/);
  await waitDraftWith(page, 'photos/harbour-at-dusk.jpg');
  const added = JSON.parse((await draft(page)).text).slides[1];
  assert.deepEqual(added, { image: 'photos/harbour-at-dusk.jpg', alt: '', caption: '', credit: '', width: 1596, height: 1064 });
  // The preview moved to the new slide, which shows the dropped photo (a photo has many colours).
  await previewFrame(page).waitForFunction(() => document.getElementById('gallery').index === 1);
  await h.photoDrawn(previewFrame(page), '#gallery', { colours: 300, what: 'the dropped photo is drawn in the preview' });
  const { png } = await h.shot(page, 'playground-dropped', page.locator('.preview-box'));
  const photo = h.pixelStats(png, { x: 0, y: Math.floor(png.height * 0.05), w: png.width, h: Math.floor(png.height * 0.25) });
  assert.ok(photo.colours > 300, `photo area has ${photo.colours} colours`);
  // Its checks: no alt text yet; size matches the file.
  const checks = await page.$$eval('#slide-checks li', (l) => l.map((x) => x.className + ' ' + x.textContent));
  assert.ok(checks.some((c) => /warning.*No alt text/.test(c)), checks.join('\n'));
  assert.ok(!checks.some((c) => /Declared/.test(c)), checks.join('\n'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('export: the snippet is the documented embed form, copied as shown; the download is the editor’s JSON', async () => {
  const page = await h.openPage('desktop', { permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
  await openPlayground(page);
  await page.waitForFunction(() => document.querySelector('#state').dataset.checks === 'done', null, { timeout: 20000 });
  await page.addScriptTag({ path: path.join(h.ROOT, 'node_modules/axe-core/axe.min.js') });
  const axe = () => page.evaluate(async () => (await window.axe.run({ exclude: [['iframe']] }, { resultTypes: ['violations'] }))
    .violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  assert.deepEqual(await axe(), [], 'the page passes axe-core');
  await page.click('#open-export');
  assert.deepEqual(await axe(), [], 'the export dialog passes axe-core');
  const snippet = await page.$eval('#snippet', (t) => t.value);
  const doc = fs.readFileSync(path.join(h.ROOT, 'docs/playground.md'), 'utf8');
  const documented = /```html\n([\s\S]*?)\n```/.exec(doc)[1];
  assert.equal(snippet, documented);
  assert.match(snippet, /^<script src="[^"]*wasm-gallery\.js" defer><\/script>\n<wasm-gallery src="[^"]+"><\/wasm-gallery>$/);
  // Each line is also verbatim in the embedding guide, with and without the optional stylesheet.
  const guide = fs.readFileSync(path.join(h.ROOT, 'docs/embedding.md'), 'utf8');
  for (const l of snippet.split('\n')) assert.ok(guide.includes(l), l);
  await page.check('#with-css');
  const withCss = await page.$eval('#snippet', (t) => t.value);
  assert.equal(withCss, '<link rel="stylesheet" href="dist/wasm-gallery.css">\n' + snippet);
  assert.ok(guide.includes(withCss.split('\n')[0]));
  await page.uncheck('#with-css');
  // The first slide as plain HTML inside the element (a server-rendered first slide), text escaped.
  await page.check('#with-first-slide');
  const first = JSON.parse(SAMPLE).slides[0];
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  assert.equal(await page.$eval('#snippet', (t) => t.value), [snippet.split('\n')[0],
    snippet.split('\n')[1].replace('</wasm-gallery>', ''),
    '  <figure>',
    `    <img src="${first.image}" width="${first.width}" height="${first.height}" alt="${first.alt.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}" fetchpriority="high">`,
    `    <figcaption>${esc(first.caption)} <small>${esc(first.credit)}</small></figcaption>`,
    '  </figure>',
    '</wasm-gallery>'].join('\n'));
  await page.uncheck('#with-first-slide');
  await page.click('#copy-snippet');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
  // Other URLs go into the same form, escaped.
  await page.fill('#script-url', 'https://cdn.example/wg/1.0/wasm-gallery.js');
  await page.fill('#json-url', '/galleries/iran-45.json?v="2"');
  assert.equal(await page.$eval('#snippet', (t) => t.value),
    '<script src="https://cdn.example/wg/1.0/wasm-gallery.js" defer></script>\n<wasm-gallery src="/galleries/iran-45.json?v=&quot;2&quot;"></wasm-gallery>');
  await page.fill('#json-url', 'gallery.json');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-2')]);
  assert.equal(download.suggestedFilename(), 'gallery.json');
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), SAMPLE);
  await page.context().close();
});

test('the draft survives a reload; reset restores the sample (and Ctrl+Z brings the draft back)', async () => {
  const page = await h.openPage('desktop');
  await openPlayground(page);
  const credit = '© Playground test / Draft';
  await page.fill('#f-credit', credit);
  await waitDraftWith(page, credit);
  await page.reload();
  await waitValid(page);
  await previewFrame(page).waitForFunction((c) => document.getElementById('gallery').shadowRoot.textContent.includes(c), credit, { timeout: 30000 });
  assert.equal(await page.$eval('#f-credit', (f) => f.value), credit);
  assert.match(await page.$eval('#status', (s) => s.textContent), /Restored your draft/);

  const before = await renders(page);
  await page.click('#reset');
  await page.waitForFunction((n) => Number(document.querySelector('#preview-stage').dataset.renders) > n, before);
  await waitValid(page);
  assert.ok(!(await mirrorText(page)).includes(credit));
  assert.equal(await page.$eval('#f-credit', (f) => f.value), JSON.parse(SAMPLE).slides[0].credit);
  await page.waitForFunction(([k, s]) => (JSON.parse(localStorage.getItem(k) || '{}').text) === s, [DRAFT_KEY, SAMPLE]);

  await page.click('.cm-content');
  await page.keyboard.press('Control+z');
  await waitDraftWith(page, credit);
  await page.context().close();
});

test('?src opens a gallery; photo checks find missing alt, wrong size and a broken URL, and fix the size', async () => {
  const page = await h.openPage('desktop');
  const gallery = {
    title: 'Checks',
    slides: [
      { image: '/demo/photos/02.jpg', alt: 'Blue flowers', captoin: 'Typo', width: 1000, height: 1000 },
      { image: '/demo/photos/does-not-exist.jpg', alt: '' },
    ],
  };
  const text = JSON.stringify(gallery, null, 2);
  const src = 'data:application/json,' + encodeURIComponent(text);
  await openPlayground(page, '?src=' + encodeURIComponent(src));
  assert.equal(await galleryCount(page), 2);
  await page.waitForFunction(() => document.querySelector('#state').dataset.checks === 'done', null, { timeout: 15000 });
  const ids = await page.$$eval('#problems li.problem', (l) => l.map((x) => x.querySelector('.id').textContent + ' ' + x.querySelector('.place').textContent));
  // The validator's warning (semantic, with its line:column) and the photo checks (pointers only).
  const typoAt = `${lineOf(text, '"captoin"')}:${text.split('\n')[lineOf(text, '"captoin"') - 1].indexOf('"captoin"') + 1}`;
  assert.deepEqual(ids.sort(), ['alt.missing /slides/1/alt', `field.unknown ${typoAt} /slides/0/captoin`,
    'image.aspect /slides/0/width', 'image.broken /slides/1/image']);
  assert.match(await page.$eval('#problems', (p) => p.textContent), /did you mean "caption"/);
  const warned = await page.$$eval('.cm-lintRange-warning', (els) => els.map((e) => e.textContent));
  assert.ok(warned.includes('"captoin": "Typo"'), warned.join('|'));
  assert.equal(await page.$eval('#slides li:nth-child(2) .slide-badge', (b) => b.textContent), '2');
  // The fix button writes the file's size.
  await page.locator('#slide-checks button', { hasText: 'Use ' }).click();
  await page.waitForFunction(() => document.querySelector('#state').dataset.checks === 'done' &&
    ![...document.querySelectorAll('#problems .id')].some((e) => e.textContent === 'image.aspect'), null, { timeout: 15000 });
  await waitDraftWith(page, '"width": 1596');
  const json = JSON.parse((await draft(page)).text);
  assert.deepEqual([json.slides[0].width, json.slides[0].height], [1596, 1064]);
  await page.context().close();
});

test('schema help: completion offers the slide keys, hover documents a key', async () => {
  const page = await h.openPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await openPlayground(page);
  await page.locator('.cm-line', { hasText: '"image": "web/demo/photos/01.jpg",' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('"li');
  await page.waitForSelector('.cm-tooltip-autocomplete');
  const options = await page.$$eval('.cm-tooltip-autocomplete li', (l) => l.map((x) => x.textContent));
  assert.ok(options.some((o) => o.startsWith('link')), options.join(','));
  // Picked with the mouse: a key press within 75 ms of the list opening is not the list's
  // (CodeMirror's interactionDelay), and a finger on a busy machine can be that quick.
  await page.click('.cm-tooltip-autocomplete li:has-text("link")');
  assert.ok((await page.$eval('.cm-activeLine', (l) => l.textContent)).includes('"link": ""'));
  await page.keyboard.press('Escape');
  const key = page.locator('.cm-line', { hasText: '"source": "Sputnik International"' }).first();
  const box = await key.boundingBox();
  await page.mouse.move(box.x + 30, box.y + 8);
  await page.waitForSelector('.cm-tooltip-hover .schema-doc', { timeout: 5000 });
  assert.match(await page.$eval('.cm-tooltip-hover', (t) => t.textContent), /Who published the gallery/);
  await page.context().close();
});

// 16 levels a channel (rounded to the nearest): UI screenshots stay sharp-edged and readable, and
// compress to well under the limit.
function savePosterized(buf, file) {
  const png = PNG.sync.read(buf);
  const d = png.data;
  for (let i = 0; i < d.length; i += 4) {
    if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) <= 12) {
      // Near-grey UI colours stay grey (rounding each channel alone would tint them).
      d[i] = d[i + 1] = d[i + 2] = Math.round((d[i] + d[i + 1] + d[i + 2]) / 51) * 17;
    } else {
      for (let c = 0; c < 3; c++) d[i + c] = Math.round(d[i + c] / 17) * 17;
    }
  }
  const out = PNG.sync.write(png, { colorType: 2, inputHasAlpha: true, deflateLevel: 9 });
  fs.writeFileSync(file, out);
  return out;
}

test('screenshots for the README (docs/playground.md), each under 256 KB', async () => {
  const page = await h.openPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await openPlayground(page);
  await page.locator('#slides button[data-index="2"]').click();
  await previewFrame(page).waitForFunction(() => document.getElementById('gallery').index === 2);
  await page.waitForFunction(() => [...document.querySelectorAll('#slides img')]
    .filter((i) => i.getBoundingClientRect().left < innerWidth).every((i) => i.complete && i.naturalWidth > 0), null, { timeout: 20000 });
  await h.photoDrawn(previewFrame(page), '#gallery', { what: 'slide 3 is drawn in the preview' });
  const shots = [['playground-desktop', await page.screenshot()]];
  const creditLine = '"credit": "© Photo : Tasnim/Erfan Kouchari",';
  await page.locator('.cm-line', { hasText: creditLine }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(',');
  // Shown as invalid: the preview marked stale (its fade over) and the error marked in the editor.
  await page.waitForFunction(() => document.querySelector('#state').dataset.state === 'invalid' &&
    document.querySelector('#preview-stage').dataset.stale === 'true' && !!document.querySelector('.cm-lint-marker-error') &&
    document.querySelector('#preview-stage').getAnimations({ subtree: true }).every((a) => a.playState !== 'running'));
  shots.push(['playground-invalid', await page.screenshot()]);
  for (const [name, buf] of shots) {
    const out = savePosterized(buf, path.join(h.OUT, name + '.png'));
    assert.ok(out.length < MAX_SCREENSHOT_BYTES, `${name} is ${out.length} B`);
  }
  // What the README shows (copied from test-output/ after looking at them) stays within the limit too.
  for (const name of ['playground-desktop', 'playground-invalid']) {
    const file = path.join(h.ROOT, 'docs/screenshots', name + '.png');
    assert.ok(fs.statSync(file).size < MAX_SCREENSHOT_BYTES, `${file}: ${fs.statSync(file).size} B`);
  }
  await page.context().close();
});
