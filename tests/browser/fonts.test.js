// fonts.test.js — the gallery draws in the page's typeface: a web font the page loads with @font-face
// is loaded by the render worker too (which does not see the page's fonts) and the text is measured
// and drawn again with it; --wg-font-family overrides the element's font-family. No font file comes
// from dist/.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const h = require('./harness.js');

const FACE = '/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf';  // fonts-noto-core (bootstrap.sh)
const SAMPLE = 'Pictured: Fireworks over Tehran';

before(() => {
  // The page's web font: an installed face under a name no system has, so only @font-face finds it.
  const gen = path.join(h.ROOT, 'tests/browser/pages/gen');
  fs.mkdirSync(gen, { recursive: true });
  fs.copyFileSync(FACE, path.join(gen, 'brand.ttf'));
});
after(h.teardown);

// The width of SAMPLE as the gallery's own text engine measures it (on its thread, with its fonts).
const engineWidth = async (page, sel) =>
  (await h.engineDebug(page, sel, 'measure:' + JSON.stringify({ text: SAMPLE, px: 16, bold: 1 }))).width;

test("a web font the page loads is the gallery's typeface, in its render worker too; --wg-font-family overrides it", async () => {
  const page = await h.openPage('phone');
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await h.gotoGallery(page, '/test/fonts.html', '#brand');
  await page.waitForFunction(() => window.__wg.events.filter((e) => e.type === 'ready').length === 2, null, { timeout: 30000 });
  // What the sample measures in each face on the page (16 px bold, as a caption).
  const ref = await page.evaluate(async (s) => {
    await document.fonts.load('700 16px "Brand Face"');
    const ctx = document.createElement('canvas').getContext('2d');
    const w = (f) => { ctx.font = `700 16px ${f}`; return ctx.measureText(s).width; };
    return { brand: w('"Brand Face", sans-serif'), sans: w('sans-serif'), mono: w('monospace') };
  }, SAMPLE);
  assert.ok(Math.abs(ref.brand - ref.sans) > 5, `the faces differ (${ref.brand} vs ${ref.sans})`);
  // The engine measures with the brand face once it has arrived there (a state, waited for).
  await h.until(page, async ([q, want]) => Math.abs((await document.querySelector('#brand')._gallery._client.debug(q)).width - want) <= 0.5,
    ['measure:' + JSON.stringify({ text: SAMPLE, px: 16, bold: 1 }), ref.brand], { timeout: 10000, polling: 100 })
    .catch((e) => { if (e.name !== 'TimeoutError') throw e; });  // the assert below says what it measured
  const w = await engineWidth(page, '#brand');
  assert.ok(Math.abs(w - ref.brand) <= 0.5, `the gallery measures with the page's web font: ${w} vs ${ref.brand} (sans-serif: ${ref.sans})`);
  assert.ok(Math.abs((await engineWidth(page, '#override')) - ref.mono) <= 0.5, '--wg-font-family: monospace is used');
  // The text was laid out and drawn again with it: the caption's lines on the canvas are as wide as
  // the face makes them (the first caption line's ink ends where the brand face's text would).
  await h.still(page);
  const stats = await page.$eval('#brand', (g) => g.stats);
  assert.ok(stats.textImages > 0 && stats.textInMotion === 0, JSON.stringify(stats));
  assert.ok(!fetched.some((p) => /\.(ttf|woff2?|otf)$/.test(p) && p.startsWith('/dist/')), 'no font file from dist/');
  assert.ok(fetched.includes('/test/gen/brand.ttf'), 'the page\'s web font was fetched');
  await page.context().close();
});
