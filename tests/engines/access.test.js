// access.test.js — what a reader who does not see the canvas gets, in one engine (WG_ENGINE): the DOM
// mirror carries the carousel's roles, names and text and axe-core finds no violation on the demo
// article; a rotating gallery turns by itself, stops while the reader is inside it, and its rotation
// button stops it for good.
'use strict';
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { journey, settled } = require('./journeys.js');

const ROOT = path.resolve(__dirname, '../..');
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

journey('the mirror carries the carousel\'s roles, names and text; axe-core finds no violation', { width: 1000, height: 760 }, async (tab) => {
  await tab.goto('/');
  await settled(tab, 'wasm-gallery', null, 40000);
  // axe-core's own script, run in the page (indirect eval: no page script of ours has to load it).
  const violations = await tab.evaluate(async (src) => {
    (0, eval)(src);
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  }, AXE);
  assert.deepEqual(violations, [], JSON.stringify(violations));
  const m = await tab.evaluate(() => {
    const root = document.querySelector('wasm-gallery').shadowRoot;
    const region = root.querySelector('[role="region"]');
    const shown = root.querySelector('.wg-slide:not([hidden])');
    return { roledesc: region.getAttribute('aria-roledescription'), label: region.getAttribute('aria-label'),
      canvasHidden: root.querySelector('canvas').getAttribute('aria-hidden'),
      groups: root.querySelectorAll('[role="group"][aria-roledescription="slide"]').length, shownLabel: shown && shown.getAttribute('aria-label'),
      alt: shown && shown.querySelector('img') && shown.querySelector('img').getAttribute('alt'),
      buttons: [...root.querySelectorAll('button:not([hidden])')].filter((b) => !b.closest('[hidden]')).map((b) => b.getAttribute('aria-label')) };
  });
  const gallery = JSON.parse(fs.readFileSync(path.join(ROOT, 'gallery.json'), 'utf8'));
  assert.equal(m.roledesc, 'carousel');
  assert.equal(m.label, gallery.title);
  assert.equal(m.canvasHidden, 'true');
  assert.equal(m.groups, 10);
  assert.equal(m.shownLabel, '1 of 10');
  assert.equal(m.alt, gallery.slides[0].alt);
  for (const name of ['Previous slide', 'Next slide', 'Slide 1', 'Slide 10', 'Full screen']) assert.ok(m.buttons.includes(name), `"${name}" in ${m.buttons}`);
});

journey('a rotating gallery turns by itself, waits while focus is inside, and its button stops it', { width: 1000, height: 760 }, async (tab) => {
  await tab.goto('/test/embed-autoplay.html');
  await settled(tab, '#auto', null, 40000);
  await tab.evaluate(() => {
    window.__wgSlides = [];
    document.addEventListener('slidechange', (e) => window.__wgSlides.push(e.detail.index), true);
  });
  await tab.waitFor(() => window.__wgSlides.length > 0, null, { timeout: 10000 });
  const label = () => tab.evaluate(() => document.getElementById('auto').shadowRoot.querySelector('.wg-rotation').getAttribute('aria-label'));
  assert.equal(await label(), 'Stop slide rotation');
  // Focus inside: no step for longer than a rotation step (1.5 s): the time is the subject here.
  await tab.evaluate(() => document.getElementById('auto').shadowRoot.querySelector('.wg-rotation').focus());
  const n0 = await tab.evaluate(() => window.__wgSlides.length);
  await new Promise((r) => setTimeout(r, 2200));
  assert.equal(await tab.evaluate(() => window.__wgSlides.length), n0, 'no rotation while focus is inside');
  await tab.key('Enter');
  await tab.waitFor(() => document.getElementById('auto').shadowRoot.querySelector('.wg-rotation').getAttribute('aria-label') === 'Start slide rotation');
  await tab.evaluate(() => document.querySelector('a').focus());
  await new Promise((r) => setTimeout(r, 2200)); // the subject: stopped for good, focus gone or not
  assert.equal(await tab.evaluate(() => window.__wgSlides.length), n0, 'stopped by the reader');
});
