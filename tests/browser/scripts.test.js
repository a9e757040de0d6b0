// scripts.test.js — text in every script a newsroom publishes in (issue 15), checked the way a person
// checks a phone screenshot: real glyphs for Arabic, Persian, Hebrew, Greek, Hindi, Chinese, Japanese,
// Thai and emoji (not the boxes a text with no font gets); Arabic letters joined; a Latin name and a
// number inside an Arabic sentence where the bidi algorithm puts them; Chinese broken into lines
// without spaces; a right-to-left gallery swiping the mirrored way; no frame of a flick rasterizing
// text; screenshots of the Arabic, Chinese and Hindi galleries for docs/screenshots/.
// Fixtures: tests/browser/pages/scripts-*.json (3 slides each; Arabic is the seed's first three
// slides translated), scripts-*.html (one page per script, with its lang and dir) and
// scripts-mount.html (galleries the tests mount themselves).
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');
const h = require('./harness.js');

after(h.teardown);

const PAGES = path.join(h.ROOT, 'tests/browser/pages');
const fixture = (code) => JSON.parse(fs.readFileSync(path.join(PAGES, `scripts-${code}.json`), 'utf8'));

const SCRIPTS = [
  { code: 'ar', name: 'Arabic', lang: 'ar', dir: 'rtl' },
  { code: 'fa', name: 'Persian', lang: 'fa', dir: 'rtl' },
  { code: 'he', name: 'Hebrew', lang: 'he', dir: 'rtl' },
  { code: 'el', name: 'Greek', lang: 'el' },
  { code: 'hi', name: 'Hindi', lang: 'hi' },
  { code: 'zh', name: 'Chinese', lang: 'zh-Hans' },
  { code: 'ja', name: 'Japanese', lang: 'ja' },
  { code: 'th', name: 'Thai', lang: 'th' },
  { code: 'emoji', name: 'emoji', lang: 'en' },
];

// The canvas's text geometry (widget/core/layout.h, as the poster mirrors it in styles.js), CSS px:
// the dots band under the photo, the text panel's padding, the caption's size and line height.
const DOTS_BAND = 32, PAD_TOP = 12, PAD_X = 16, FONT_PX = 16, LINE_H = 22.4;

// Every non-space code point of `s` replaced by a private-use one (U+E000…), which no font has: what
// a script without a font would look like (boxes, or nothing), with the same number of code points.
function privateUse(s) {
  let i = 0;
  return [...s].map((c) => (/\s/.test(c) ? c : String.fromCodePoint(0xE000 + (i++ % 256)))).join('');
}

// ---- galleries the test mounts (scripts-mount.html: #a and #b) ------------------------------------
// Mounts a gallery into #id with the lang and dir its text would have on a page, waits for it to be
// drawn and still; resolves with its geometry (CSS px, relative to the element).
async function mount(page, id, { src, data, lang, dir }) {
  await page.evaluate(({ id, src, data, lang, dir }) => {
    const host = document.getElementById(id);
    if (lang) host.setAttribute('lang', lang); else host.removeAttribute('lang');
    if (dir) host.setAttribute('dir', dir); else host.removeAttribute('dir');
    window.__wg.events = window.__wg.events.filter((e) => e.id !== id);
    WasmGallery.mount(host, src ? { src } : { data });
  }, { id, src, data, lang, dir });
  await page.waitForFunction((i) => window.__wg.events.some((e) => e.id === i && (e.type === 'ready' || e.type === 'error')),
    id, { timeout: 30000 });
  const errors = await page.evaluate((i) => window.__wg.events.filter((e) => e.id === i && e.type === 'error').map((e) => e.detail.message), id);
  assert.deepEqual(errors, [], `gallery #${id} loads`);
  return geometry(page, '#' + id);
}

// Where the text panel is, from the element's size and the first slide's aspect (the photo area's),
// and where the More control sits if the text is cut (the text ends above it).
async function geometry(page, sel) {
  await h.still(page);
  return page.$eval(sel, (g) => {
    const r = g.getBoundingClientRect();
    const more = g.shadowRoot.querySelector('.wg-more');
    const m = more && !more.hidden && more.getBoundingClientRect();
    return { width: r.width, height: r.height, moreTop: m && m.height > 0 ? m.top - r.top : null, dpr: devicePixelRatio };
  });
}

// The text panel's rectangle in device px of the element's screenshot: below the photo and the dots
// band (a gallery of one slide has none) and half the top padding (clear of the photo's edge), inside
// the side padding, down to the More control (or the element's bottom).
function panelRect(geo, gallery, { withPadding = false } = {}) {
  const d = geo.dpr;
  const top = geo.width / aspectOf(gallery) + (gallery.slides.length > 1 ? DOTS_BAND : 0) + PAD_TOP / 2;
  const bottom = geo.moreTop !== null ? geo.moreTop - 2 : geo.height;
  const x0 = withPadding ? 0 : PAD_X;
  return { x: Math.round(x0 * d), y: Math.round(top * d), w: Math.round((geo.width - 2 * x0) * d), h: Math.round((bottom - top) * d) };
}

const aspectOf = (gallery) => gallery.slides[0].width / gallery.slides[0].height;

async function shotOf(page, sel, name) {
  return (await h.shot(page, name, await page.$(sel))).png;
}

// ---- looking at pixels ----------------------------------------------------------------------------
const luma = (d, i) => 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];

// Ink of dark text on the light panel: 1 where a pixel is clearly darker than the background.
function inkMask(png, r) {
  const m = new Uint8Array(r.w * r.h);
  for (let y = 0; y < r.h; y++) {
    for (let x = 0; x < r.w; x++) {
      const i = ((r.y + y) * png.width + r.x + x) * 4;
      if (luma(png.data, i) < 150) m[y * r.w + x] = 1;
    }
  }
  return { m, w: r.w, h: r.h };
}

// Share of pixels inked in one of two equally large masks but not in the other, among those inked in
// either: 0 for identical pictures, near 1 for unrelated ones.
function inkDifference(a, b) {
  let either = 0, one = 0;
  for (let i = 0; i < a.m.length; i++) {
    if (a.m[i] || b.m[i]) either++;
    if (a.m[i] !== b.m[i]) one++;
  }
  return either ? one / either : 0;
}

const inkShare = (k) => k.m.reduce((s, v) => s + v, 0) / k.m.length;

// Pixels of a region that are clearly coloured (not grey): an emoji's, not text ink's.
function colouredShare(png, r) {
  let n = 0, all = 0;
  for (let y = r.y; y < r.y + r.h; y++) {
    for (let x = r.x; x < r.x + r.w; x++) {
      const i = (y * png.width + x) * 4, d = png.data;
      const sat = Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]);
      all++;
      if (sat > 80) n++;
    }
  }
  return n / all;
}

// The rows of text in a mask: bands of rows with ink, gaps under `minGap` px closed (an Arabic dot or
// a Devanagari vowel sign sits apart from its letter), bands under `minH` px dropped.
function textRows(k, minGap, minH) {
  const rows = [];
  let start = -1, lastInk = -Infinity;
  for (let y = 0; y < k.h; y++) {
    let ink = false;
    for (let x = 0; x < k.w && !ink; x++) ink = k.m[y * k.w + x] === 1;
    if (!ink) continue;
    if (start < 0) start = y;
    else if (y - lastInk > minGap) { rows.push([start, lastInk]); start = y; }
    lastInk = y;
  }
  if (start >= 0) rows.push([start, lastInk]);
  return rows.filter(([a, b]) => b - a + 1 >= minH);
}

// Horizontal extent of the ink in rows [y0, y1] of a mask: {left, right} (px), null if none.
function inkExtent(k, y0 = 0, y1 = k.h - 1) {
  let left = Infinity, right = -1;
  for (let y = y0; y <= y1; y++) {
    for (let x = 0; x < k.w; x++) {
      if (k.m[y * k.w + x]) { if (x < left) left = x; if (x > right) right = x; }
    }
  }
  return right < 0 ? null : { left, right };
}

// The ink of rows [y0, y1] as a column profile over its own extent, resampled to `bins` bins (share of
// inked columns in each): the picture's word shapes and gaps, independent of where the line starts.
function columnProfile(k, y0, y1, bins = 160) {
  const e = inkExtent(k, y0, y1);
  const cols = [];
  for (let x = e.left; x <= e.right; x++) {
    let ink = 0;
    for (let y = y0; y <= y1; y++) ink |= k.m[y * k.w + x];
    cols.push(ink);
  }
  const out = new Float64Array(bins);
  for (let b = 0; b < bins; b++) {
    const from = Math.floor(b * cols.length / bins), to = Math.max(from + 1, Math.floor((b + 1) * cols.length / bins));
    let s = 0;
    for (let x = from; x < to; x++) s += cols[x];
    out[b] = s / (to - from);
  }
  return { profile: out, width: e.right - e.left + 1, left: e.left, right: e.right };
}

function correlation(a, b) {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n, mb = b.reduce((s, v) => s + v, 0) / n;
  let num = 0, da = 0, db = 0;
  for (let i = 0; i < n; i++) { num += (a[i] - ma) * (b[i] - mb); da += (a[i] - ma) ** 2; db += (b[i] - mb) ** 2; }
  return num / Math.sqrt(da * db);
}

// A line of HTML text on the same page, in the gallery's font (the host's computed font-family) at the
// caption's size and weight, for the browser's own verdict on the same text: its screenshot's ink.
async function referenceLine(page, text, { dir, lang, width }) {
  await page.evaluate(({ text, dir, lang, width, px, lh }) => {
    let ref = document.getElementById('ref');
    if (!ref) {
      ref = document.createElement('div');
      ref.id = 'ref';
      document.getElementById('a').after(ref);
    }
    const family = getComputedStyle(document.getElementById('a')).fontFamily;
    ref.style.cssText = `font: 700 ${px}px/${lh}px ${family}; width: ${width}px; color: #000; background: #fff;` +
      'padding: 0; margin: 0 0 24px;';
    ref.setAttribute('dir', dir);
    ref.setAttribute('lang', lang);
    ref.textContent = text;
  }, { text, dir, lang, width, px: FONT_PX, lh: LINE_H });
  const el = await page.$('#ref');
  const png = PNG.sync.read(await el.screenshot());
  const height = await el.evaluate((e) => e.getBoundingClientRect().height);
  return { png, lines: Math.round(height / LINE_H) };
}

const photoPoint = h.photoPoint;

// A flick: 30% of the photo's width in ~100 ms (a flick by its speed, short of half a slide), the
// finger moving to the right (+1) or to the left (-1).
async function flick(page, input, sel, towards) {
  await page.$eval(sel, (g) => g.scrollIntoView({ block: 'center' }));
  const from = await photoPoint(page, sel, towards > 0 ? 0.35 : 0.65, 0.5);
  const to = await photoPoint(page, sel, towards > 0 ? 0.65 : 0.35, 0.5);
  return input.touch([h.line(from, to, 6)], 16, { after: 200 });
}

const region = (page, sel) => page.$eval(sel, (g) => {
  const r = g.shadowRoot.querySelector('[role="region"]');
  return { dir: r.getAttribute('dir'), lang: r.getAttribute('lang') };
});

// ---- tests ----------------------------------------------------------------------------------------

test('glyphs are drawn for every script: the caption panel differs clearly from the same count of private-use code points', async (t) => {
  const page = await h.openPage('phone');
  await h.gotoEmpty(page, '/test/scripts-mount.html');
  const report = [];
  for (const s of SCRIPTS) {
    const g = fixture(s.code);
    const blank = structuredClone(g);
    for (const slide of blank.slides) { slide.caption = privateUse(slide.caption); slide.text = privateUse(slide.text); }
    const [geoA, geoB] = [await mount(page, 'a', { src: `/test/scripts-${s.code}.json`, lang: s.lang, dir: s.dir }),
      await mount(page, 'b', { data: blank, lang: s.lang, dir: s.dir })];
    const real = await shotOf(page, '#a', `scripts-glyphs-${s.code}`);
    const pua = await shotOf(page, '#b', `scripts-glyphs-${s.code}-private-use`);
    const ra = panelRect(geoA, g), rb = panelRect(geoB, g);
    const r = { ...ra, h: Math.min(ra.h, rb.h) };
    const inkA = inkMask(real, r), inkB = inkMask(pua, { ...rb, h: r.h });
    const diff = inkDifference(inkA, inkB);
    const statsA = h.pixelStats(real, r), statsB = h.pixelStats(pua, { ...rb, h: r.h });
    report.push(`${s.name}: ink ${(inkShare(inkA) * 100).toFixed(1)}% vs ${(inkShare(inkB) * 100).toFixed(1)}%, ` +
      `colours ${statsA.colours} vs ${statsB.colours}, ink differs ${(diff * 100).toFixed(0)}%`);
    assert.ok(statsA.lumaRange > 150 && inkShare(inkA) > 0.02, `${s.name}: text is drawn in the panel (${report.at(-1)})`);
    // Boxes for missing glyphs, or nothing, look the same for any text of as many code points: the
    // real script's picture must share little of its ink with them.
    assert.ok(diff > 0.6, `${s.name}: real glyphs, not what private-use code points give (${report.at(-1)})`);
    if (s.code === 'emoji') {
      const colour = colouredShare(real, r), colourPua = colouredShare(pua, { ...rb, h: r.h });
      const msg = `emoji in colour: ${(colour * 100).toFixed(2)}% coloured pixels (private-use: ${(colourPua * 100).toFixed(2)}%)`;
      report.push(msg);
      assert.ok(colour > 0.01 && colourPua < 0.001, msg);
    }
  }
  for (const line of report) t.diagnostic(line);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// A gallery of one slide (the seed's first photo) whose caption is `caption`.
const oneSlide = (title, caption) => ({ title, slides: [{ image: '/demo/photos/01.jpg', width: 1596, height: 1064, alt: title, caption }] });

test('Arabic letters join: words are narrower than their letters kept apart by ZWNJ, by as much as the browser makes them', async (t) => {
  const page = await h.openPage('phone');
  await h.gotoEmpty(page, '/test/scripts-mount.html');
  const words = 'الثورة الإسلامية في طهران';
  const apart = words.split(' ').map((w) => [...w].join('\u200C')).join(' ');
  const joinedG = oneSlide('متصل', words), apartG = oneSlide('منفصل', apart);
  const geo = await mount(page, 'a', { data: joinedG, lang: 'ar', dir: 'rtl' });
  await mount(page, 'b', { data: apartG, lang: 'ar', dir: 'rtl' });
  const joined = inkMask(await shotOf(page, '#a', 'scripts-join-joined'), panelRect(geo, joinedG));
  const separate = inkMask(await shotOf(page, '#b', 'scripts-join-apart'), panelRect(geo, apartG));
  const rowJ = textRows(joined, 12, 20), rowS = textRows(separate, 12, 20);
  assert.equal(rowJ.length, 1, `the joined words are one line (${JSON.stringify(rowJ)})`);
  assert.equal(rowS.length, 1, `the separate letters are one line (${JSON.stringify(rowS)})`);
  const wJ = inkExtent(joined), wS = inkExtent(separate);
  const widthJ = wJ.right - wJ.left + 1, widthS = wS.right - wS.left + 1;
  // The browser's own widths of the two strings in the same font, on the page: what joining gives.
  const ratioPage = await page.evaluate(([a, b, px]) => {
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = `700 ${px}px ${getComputedStyle(document.getElementById('a')).fontFamily}`;
    return ctx.measureText(a).width / ctx.measureText(b).width;
  }, [words, apart, FONT_PX]);
  const ratio = widthJ / widthS;
  const msg = `joined ${widthJ} px, apart ${widthS} px: ratio ${ratio.toFixed(3)}; the page's measureText: ${ratioPage.toFixed(3)}`;
  t.diagnostic(msg);
  assert.ok(ratio < 0.92, `joined letters take less room (${msg})`);
  assert.ok(Math.abs(ratio - ratioPage) < 0.06, `as much less as the browser's shaping gives (${msg})`);
  assert.ok(inkDifference(joined, separate) > 0.5, 'and are drawn differently');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('mixed direction: a Latin name and a number inside an Arabic caption sit where the bidi algorithm puts them', async (t) => {
  const page = await h.openPage('phone');
  await h.gotoEmpty(page, '/test/scripts-mount.html');
  const caption = 'صورة لوكالة AFP في طهران عام 2024';
  const g = oneSlide('اتجاهان', caption);
  const geo = await mount(page, 'a', { data: g, lang: 'ar', dir: 'rtl' });
  const panel = panelRect(geo, g, { withPadding: true });
  const ink = inkMask(await shotOf(page, '#a', 'scripts-bidi-gallery'), panel);
  const rows = textRows(ink, 12, 20);
  assert.equal(rows.length, 1, `one line of text (${JSON.stringify(rows)})`);
  const gallery = columnProfile(ink, rows[0][0], rows[0][1]);
  // The same text as HTML, right to left (what the reader expects) and left to right (what a canvas
  // told the wrong base direction draws): the gallery's word shapes and gaps must match the first.
  const profileOf = async (dir) => {
    const ref = await referenceLine(page, caption, { dir, lang: 'ar', width: geo.width - 2 * PAD_X });
    await h.shot(page, `scripts-bidi-reference-${dir}`, await page.$('#ref'));
    const k = inkMask(ref.png, { x: 0, y: 0, w: ref.png.width, h: ref.png.height });
    const r = textRows(k, 12, 20);
    return columnProfile(k, r[0][0], r.at(-1)[1]);
  };
  const rtl = await profileOf('rtl'), ltr = await profileOf('ltr');
  const cRtl = correlation(gallery.profile, rtl.profile), cLtr = correlation(gallery.profile, ltr.profile);
  const msg = `ink columns: correlation with the rtl reference ${cRtl.toFixed(3)}, with the ltr one ${cLtr.toFixed(3)}; ` +
    `widths ${gallery.width} / ${rtl.width} px`;
  t.diagnostic(msg);
  assert.ok(Math.abs(gallery.width - rtl.width) < 0.05 * rtl.width, `the line is as wide as the browser's (${msg})`);
  assert.ok(cRtl > 0.85 && cRtl > cLtr + 0.1, `the words are in right-to-left order (${msg})`);
  // Right-aligned: the Arabic starts at the panel's right padding.
  const rightPad = panel.w - 1 - gallery.right;
  assert.ok(Math.abs(rightPad - PAD_X * geo.dpr) < 4 * geo.dpr,
    `the line ends ${(rightPad / geo.dpr).toFixed(1)} CSS px from the right edge (padding ${PAD_X})`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The Chinese fixture's first caption alone (no body, so no More control): ~90 characters, no space.
async function chineseCaption(page) {
  const z = fixture('zh');
  const g = { title: z.title, slides: [{ ...z.slides[0] }] };
  delete g.slides[0].text;
  const caption = g.slides[0].caption;
  assert.ok(!/\s/.test(caption) && caption.length > 80);
  const geo = await mount(page, 'a', { data: g, lang: 'zh-Hans' });
  const panel = panelRect(geo, g, { withPadding: true });
  const ink = inkMask(await shotOf(page, '#a', 'scripts-cjk-wrap'), panel);
  return { caption, geo, panel, ink, rows: textRows(ink, 6, 20) };
}

test('Chinese wraps without spaces: a long caption becomes several lines inside the panel', async () => {
  const page = await h.openPage('phone');
  await h.gotoEmpty(page, '/test/scripts-mount.html');
  const { geo, panel, ink, rows } = await chineseCaption(page);
  assert.ok(rows.length >= 4, `several lines: ${rows.length} rows of text (${JSON.stringify(rows)})`);
  const d = geo.dpr, padPx = Math.round(PAD_X * d);
  const e = inkExtent(ink);
  assert.ok(e.right <= panel.w - padPx + 1, `no ink in the right padding (ink to ${(e.right / d).toFixed(1)} of ${geo.width} CSS px)`);
  assert.ok(e.left >= padPx - 2, `no ink in the left padding (ink from ${(e.left / d).toFixed(1)} CSS px)`);
  // Every line but the last is nearly full: broken inside the text, not only where it has punctuation.
  for (const [y0, y1] of rows.slice(0, -1)) {
    const slack = (panel.w - padPx - inkExtent(ink, y0, y1).right) / d;
    assert.ok(slack < FONT_PX * 3, `a full line ends ${slack.toFixed(1)} CSS px short of the right padding`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Chinese lines break between any two characters, as the browser breaks the same text in the same width', async (t) => {
  const page = await h.openPage('phone');
  await h.gotoEmpty(page, '/test/scripts-mount.html');
  const { caption, geo, ink, rows } = await chineseCaption(page);
  const ref = await referenceLine(page, caption, { dir: 'ltr', lang: 'zh-Hans', width: geo.width - 2 * PAD_X });
  await h.shot(page, 'scripts-cjk-reference', await page.$('#ref'));
  const refInk = inkMask(ref.png, { x: 0, y: 0, w: ref.png.width, h: ref.png.height });
  const refRows = textRows(refInk, 6, 20);
  const widths = (k, rs) => rs.map(([y0, y1]) => { const e = inkExtent(k, y0, y1); return Math.round((e.right - e.left + 1) / geo.dpr); });
  const got = widths(ink, rows), want = widths(refInk, refRows);
  const msg = `line widths (CSS px): gallery ${got.join(', ')}; the page's HTML ${want.join(', ')}`;
  t.diagnostic(msg);
  assert.equal(got.length, want.length, `as many lines (${msg})`);
  // Every line but the last is full: it ends less than one character plus a punctuation mark short of
  // the width, as the browser's own lines do. A line that broke between dictionary words only (not
  // between any two Han characters, UAX #14 class ID) would end up to a word shorter. (The widths
  // differ a little from HTML's, which trims full-width punctuation: text-spacing-trim.)
  const room = geo.width - 2 * PAD_X;
  for (let i = 0; i < got.length - 1; i++) {
    assert.ok(got[i] > room - 2 * FONT_PX, `line ${i + 1} is full (${msg}; room ${room})`);
    assert.ok(want[i] > room - 2 * FONT_PX, `HTML's line ${i + 1} is full too (${msg}; room ${room})`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a right-to-left gallery (<html lang="ar" dir="rtl">): dir and lang on the region, a flick to the right and ArrowLeft go to the next slide', async () => {
  const page = await h.openPage('phone');
  await h.gotoGallery(page, '/test/scripts-ar.html');
  const input = await h.input(page);
  assert.deepEqual(await region(page, '#gallery'), { dir: 'rtl', lang: 'ar' }, 'the DOM mirror carries the page\'s direction and language');
  assert.equal((await h.settled(page, '#gallery')).index, 0);
  await flick(page, input, '#gallery', +1);
  assert.equal((await h.settled(page, '#gallery', 1)).index, 1, 'the finger moving to the right goes to the next slide');
  await flick(page, input, '#gallery', -1);
  assert.equal((await h.settled(page, '#gallery', 0)).index, 0, 'and to the left back to the previous one');
  // The keyboard in the gallery: ArrowLeft is "next", ArrowRight "previous".
  await page.$eval('#gallery', (g) => g.shadowRoot.querySelector('[role="region"]').focus());
  await page.keyboard.press('ArrowLeft');
  assert.equal((await h.settled(page, '#gallery', 1)).index, 1, 'ArrowLeft goes to the next slide');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await h.settled(page, '#gallery', 2)).index, 2);
  await page.keyboard.press('ArrowRight');
  assert.equal((await h.settled(page, '#gallery', 1)).index, 1, 'ArrowRight goes back');
  // Mirrored controls (the mirror's buttons lie over the drawn ones): previous on the right, next on
  // the left, full screen top-left, dots from right to left.
  const rects = await page.$eval('#gallery', (g) => {
    const r = g.shadowRoot;
    const box = g.getBoundingClientRect();
    const at = (sel) => { const b = r.querySelector(sel).getBoundingClientRect(); return { x: (b.left + b.width / 2 - box.left) / box.width, w: b.width }; };
    return { prev: at('.wg-prev'), next: at('.wg-next'), full: at('.wg-fullscreen'),
      dot1: at('[aria-label="Slide 1"]'), dot3: at('[aria-label="Slide 3"]') };
  });
  const msg = JSON.stringify(rects);
  assert.ok(rects.prev.w > 0 && rects.prev.x > 0.5 && rects.next.x < 0.5, `previous on the right, next on the left: ${msg}`);
  assert.ok(rects.full.x < 0.5, `full screen at the left: ${msg}`);
  assert.ok(rects.dot1.x > rects.dot3.x, `the first dot is the rightmost: ${msg}`);
  assert.deepEqual((await h.events(page, 'slidechange')).map((e) => e.detail.index), [1, 0, 1, 2, 1]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the plain-HTML gallery (no wasm) of the Arabic page is right to left too: dir and lang, ArrowLeft is next, a Latin credit reads left to right', async () => {
  const page = await h.openPage('phone');
  await page.route(/wasm-gallery\.wasm$/, (r) => r.fulfill({ status: 404, body: 'gone' }));
  const evs = await h.gotoGallery(page, '/test/scripts-ar.html');
  assert.ok(evs.some((e) => e.type === 'ready' && e.detail.fallback), 'the plain-HTML gallery is shown');
  assert.deepEqual(await region(page, '#gallery'), { dir: 'rtl', lang: 'ar' });
  const caption = fixture('ar').slides[0].caption;
  const shown = () => page.$eval('#gallery', (g) => g.shadowRoot.querySelector('.wg-slide:not([hidden]) .wg-caption').textContent);
  assert.equal(await shown(), caption);
  await page.waitForFunction(() => {
    const img = document.querySelector('#gallery').shadowRoot.querySelector('.wg-slide:not([hidden]) img');
    return img.complete && img.naturalWidth > 0;
  });
  await h.shot(page, 'scripts-arabic-plain-html', await page.$('#gallery'));
  await page.$eval('#gallery', (g) => g.shadowRoot.querySelector('[role="region"]').focus());
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('#gallery').index === 1, null, { timeout: 5000 });
  assert.equal(await shown(), fixture('ar').slides[1].caption);
  // A Latin credit inside the right-to-left gallery still reads left to right, as the canvas draws it
  // (each paragraph in its own direction): "© AFP 2023 / STR" with the © at its left, not
  // "AFP 2023 / STR ©".
  const credit = await page.$eval('#gallery', (g) => {
    const p = g.shadowRoot.querySelector('.wg-slide:not([hidden]) .wg-credit');
    const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walk.nextNode()) && !node.data.includes('©'));
    const at = (i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1); return r.getBoundingClientRect().left; };
    return { text: node.data, copyright: at(node.data.indexOf('©')), last: at(node.data.length - 1) };
  });
  assert.ok(credit.copyright < credit.last, `"${credit.text}": the © is drawn at ${credit.copyright.toFixed(0)} px, ` +
    `its last letter at ${credit.last.toFixed(0)} px (a credit in Latin letters reads left to right)`);
  await page.context().close();
});

test('no frame of a flick rasterizes text: flicks through the Arabic gallery, then stats.textInMotion is 0', async () => {
  const page = await h.openPage('phone');
  await h.gotoGallery(page, '/test/scripts-ar.html');
  const input = await h.input(page);
  await h.settled(page, '#gallery');
  // Forward is a flick to the right in a right-to-left gallery, to the left otherwise.
  const forward = (await region(page, '#gallery')).dir === 'rtl' ? +1 : -1;
  const path = [1, 2, 1, 0, 1, 2];
  let at = 0;
  for (const want of path) {
    await flick(page, input, '#gallery', want > at ? forward : -forward);
    assert.equal((await h.settled(page, '#gallery', want)).index, want);
    at = want;
  }
  // At rest the stats snapshot is exact: wait until the gallery has stopped drawing.
  await h.still(page);
  const stats = await page.$eval('#gallery', (g) => g.stats);
  assert.ok(stats.textImages > 0, `text was rasterized at some point (${stats.textImages} line images, ${stats.textMs} ms)`);
  assert.equal(stats.textInMotion, 0, `frames of a flick that rasterized text (stats: ${JSON.stringify(stats)})`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('screenshots for docs/screenshots: the Arabic, Chinese and Hindi galleries on a phone', async () => {
  const page = await h.openPage('phone');
  for (const [code, name] of [['ar', 'arabic'], ['zh', 'chinese'], ['hi', 'hindi']]) {
    await h.gotoGallery(page, `/test/scripts-${code}.html`);
    // The photos of the first slides are in and their fades are over.
    await page.waitForFunction(() => {
      const L = document.querySelector('#gallery')._gallery._images;
      return L && L.state.size >= 2 && L.jobs.size === 0 && L.queue.length === 0;
    }, null, { timeout: 30000 });
    await h.still(page);
    const el = await page.$('#gallery');
    const file = path.join(h.ROOT, 'docs/screenshots', `scripts-${name}.png`);
    const buf = await el.screenshot({ path: file, scale: 'css' });
    assert.ok(buf.length < 200 * 1024, `${file}: ${buf.length} bytes`);
    await h.shot(page, `scripts-${name}`, el); // full resolution, under test-output/
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the playground offers the Arabic example next to the seed: a right-to-left gallery in the preview', async () => {
  const page = await h.openPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const { url } = await h.setup();
  await page.goto(`${url}/playground/`);
  const valid = () => page.waitForFunction(() => document.querySelector('#state').dataset.state === 'valid' &&
    document.querySelector('#preview-stage').dataset.stale === 'false', null, { timeout: 30000 });
  const preview = () => page.frame({ url: /\/playground\/preview\.html$/ });
  await valid();
  await preview().waitForFunction(() => document.getElementById('gallery').count > 0, null, { timeout: 30000 });
  assert.deepEqual(await page.$$eval('#example option:not([hidden])', (os) => os.map((o) => o.value)), ['sample', 'arabic']);
  const renders = await page.$eval('#preview-stage', (s) => Number(s.dataset.renders));
  await page.selectOption('#example', 'arabic');
  await page.waitForFunction((n) => Number(document.querySelector('#preview-stage').dataset.renders) > n, renders, { timeout: 30000 });
  await valid();
  const example = JSON.parse(fs.readFileSync(path.join(h.ROOT, 'web/playground/examples/arabic.json'), 'utf8'));
  assert.equal(example.options.direction, 'rtl');
  await preview().waitForFunction((c) => {
    const g = document.getElementById('gallery');
    return g.count === 3 && g.shadowRoot.textContent.includes(c);
  }, example.slides[0].caption, { timeout: 30000 });
  assert.equal(await preview().evaluate(() => document.getElementById('gallery').shadowRoot.querySelector('[role="region"]').getAttribute('dir')), 'rtl');
  assert.equal(await page.$eval('#reset', (b) => b.textContent), 'Reset to example');
  // No validator problem, and every photo of the example loads from where the example lives.
  assert.match(await page.$eval('#summary', (s) => s.textContent), /valid|no problems/i);
  await page.waitForFunction(() => [...document.querySelectorAll('#slides img')].every((i) => i.complete && i.naturalWidth > 0), null, { timeout: 20000 });
  await h.shot(page, 'scripts-playground-arabic');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
