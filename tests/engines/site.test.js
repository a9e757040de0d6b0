// site.test.js — what a site that embeds the gallery sees, in one engine (WG_ENGINE; scripts/test.js
// runs it once per engine): every embed form works with the same API and the page's CSS stays out;
// bad galleries say what is wrong and where while a good one beside them works; hostile captions stay
// text; a strict CSP is kept; a server-rendered first slide hands over to the canvas; the keyboard
// reaches the controls; without the Fullscreen API (iPhone Safari) full screen is the viewport.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { listen } = require('../../scripts/serve.js');
const { launch, OUT } = require('./driver.js');

const ENGINE = process.env.WG_ENGINE || 'chromium';
let browser, server, base;
const results = {};

before(async () => {
  const srv = await listen(0, '127.0.0.1');
  server = srv.server;
  base = srv.url;
  browser = await launch(ENGINE);
});
after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
  // Joins the reader's journeys in the support table (support.js).
  const file = path.join(OUT, `support-${ENGINE}.json`);
  const support = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { engine: ENGINE, version: browser && browser.version, results: {} };
  Object.assign(support.results, results);
  fs.writeFileSync(file, JSON.stringify(support, null, 1));
});

function journey(name, opts, fn) {
  test(`${ENGINE}: ${name}`, async () => {
    const tab = await browser.newTab(base, opts);
    try {
      await fn(tab);
      assert.deepEqual((await tab.pageErrors()).filter((e) => !/WebGL|context/i.test(e)), [], 'no uncaught error on the page');
      results[name] = 'pass';
    } catch (e) {
      results[name] = 'fail: ' + String(e.message).split('\n')[0].slice(0, 200);
      throw e;
    } finally {
      await tab.close();
    }
  });
}

// The gallery `sel` draws its current photo: WebGL live, at rest, photo faded in.
function drawn(tab, sel, timeout = 40000) {
  return tab.waitFor((s) => {
    const st = document.querySelector(s).stats;
    return st && st.mode === 'gl' && st.webgl === 'live' && st.photoDrawn && !st.animating;
  }, sel, { timeout });
}
const message = (tab, sel) => tab.waitFor((s) => {
  const m = document.querySelector(s).shadowRoot.querySelector('.wg-message');
  return m && m.textContent;
}, sel, { timeout: 30000 });

journey('every embed form reaches the photo with the same API; the page\'s CSS stays out', { width: 1000, height: 760 }, async (tab) => {
  await tab.goto('/test/embed-forms.html');
  const want = { 'el-src': [0, 3], 'el-inline': [0, 2], 'div-src': [0, 3], 'div-inline': [0, 2], mounted: [2, 3], 'div-later': [0, 3] };
  for (const id of Object.keys(want)) {
    await tab.waitFor((i) => document.getElementById(i), id);
    await tab.evaluate((i) => document.getElementById(i).scrollIntoView({ block: 'center' }), id);
    await drawn(tab, '#' + id);
    const a = await tab.evaluate((i) => {
      const e = document.getElementById(i);
      return { at: [e.index, e.count], fns: ['next', 'prev', 'goTo'].every((f) => typeof e[f] === 'function') };
    }, id);
    assert.deepEqual(a.at, want[id], id);
    assert.ok(a.fns, `${id} has next/prev/goTo`);
  }
  const inside = await tab.evaluate(() => {
    const e = document.getElementById('el-src');
    const cs = getComputedStyle(e.shadowRoot.querySelector('.wg-caption'));
    return { h: e.getBoundingClientRect().height, canvas: getComputedStyle(e.shadowRoot.querySelector('canvas')).display,
      capSize: cs.fontSize, capColor: cs.color, pageP: getComputedStyle(document.querySelector('p.page')).fontSize };
  });
  assert.ok(inside.h > 200, `the box keeps its height (${inside.h})`);
  assert.equal(inside.canvas, 'block');
  assert.notEqual(inside.capSize, '60px');
  assert.notEqual(inside.capColor, 'rgb(255, 0, 0)');
  assert.equal(inside.pageP, '60px', "the widget's CSS stays inside too");
  await tab.evaluate(() => document.getElementById('div-inline').next());
  await tab.waitFor(() => document.getElementById('div-inline').index === 1);
});

journey('bad galleries name each mistake and its place; a missing JSON says HTTP 404; a good gallery beside them works', { width: 1000, height: 760 }, async (tab) => {
  await tab.goto('/test/invalid-json.html');
  const sem = await message(tab, '#semantic');
  assert.match(sem, /\/slides\/0\/image: .*javascript/i);
  assert.match(sem, /\/slides\/1\/image: required/);
  assert.match(sem, /\/options\/loop: expected boolean/);
  assert.match(await message(tab, '#syntax'), /inline gallery:3:\d+: /, 'line:column of the stray comma');
  await tab.evaluate(() => document.getElementById('good').scrollIntoView());
  await drawn(tab, '#good');
  await tab.evaluate(() => document.getElementById('good').next());
  await tab.waitFor(() => document.getElementById('good').index === 1);
  await tab.goto('/test/missing-json.html');
  assert.match(await message(tab, 'wasm-gallery'), /HTTP 404/);
});

journey('captions, credits, alt and title that look like HTML stay text', { width: 1000, height: 760 }, async (tab) => {
  await tab.goto('/test/xss-captions.html');
  await drawn(tab, '#evil');
  const evil = await tab.evaluate(() => {
    const r = document.getElementById('evil').shadowRoot;
    const s = r.querySelector('.wg-slide');
    return { label: r.querySelector('[role="region"]').getAttribute('aria-label'), alt: s.querySelector('img').getAttribute('alt'),
      caption: s.querySelector('.wg-caption').textContent, credit: s.querySelector('.wg-credit').textContent };
  });
  assert.equal(evil.label, "<b onmouseover=alert('title')>Title</b>");
  assert.equal(evil.alt, "\"><img src=x onerror=alert('alt')>");
  assert.equal(evil.caption, '<img src=x onerror=alert(1)>');
  assert.equal(evil.credit, '</script><script>alert(2)</script>');
  assert.match(await message(tab, '#bad-url'), /javascript/);
  // Nothing of the captions became an element anywhere on the page or in the galleries' shadow roots.
  const injected = await tab.evaluate(() => {
    const all = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
    return all.flatMap((r) => [...r.querySelectorAll('svg[onload], iframe, img[onerror], [onmouseover]')].map((e) => e.outerHTML.slice(0, 80)));
  });
  assert.deepEqual(injected, []);
});

journey('under a strict CSP (no inline script or style, wasm-unsafe-eval) the gallery draws and pages', { width: 1000, height: 760 }, async (tab) => {
  await tab.goto('/csp/test/csp-strict.html');
  await drawn(tab, '#strict');
  await tab.evaluate(() => document.getElementById('strict').next());
  await tab.waitFor(() => document.getElementById('strict').index === 1);
  await drawn(tab, '#strict');
  const shot = await tab.screenshot(`${ENGINE}-csp-strict`);
  assert.ok(shot.png.width > 0);
});

journey('a server-rendered first slide shows at once and the canvas takes over on the same slide', { width: 1000, height: 760 }, async (tab) => {
  await tab.goto('/test/ssr.html');
  await drawn(tab, 'wasm-gallery');
  const s = await tab.evaluate(() => {
    const g = document.querySelector('wasm-gallery');
    const fig = g.querySelector('figure');
    return { index: g.index, figureShown: !!fig && fig.getBoundingClientRect().height > 0 && getComputedStyle(fig).visibility !== 'hidden' };
  });
  assert.equal(s.index, 0);
  assert.equal(s.figureShown, false, 'the server-rendered figure gave way to the canvas');
});

journey('keyboard: Enter on Next goes to slide 2 and the live region says so', { width: 1000, height: 760 }, async (tab) => {
  await tab.goto('/test/break-one.html');
  await drawn(tab, '#g');
  await tab.evaluate(() => document.getElementById('g').shadowRoot.querySelector('.wg-next').focus());
  await tab.key('Enter');
  await tab.waitFor(() => document.getElementById('g').index === 1);
  await tab.waitFor(() => /2/.test(document.getElementById('g').shadowRoot.querySelector('.wg-live').textContent));
  const focus = await tab.evaluate(() => document.getElementById('g').shadowRoot.activeElement &&
    document.getElementById('g').shadowRoot.activeElement.className);
  assert.match(String(focus), /wg-next/, 'focus stays on Next');
});

journey('without the Fullscreen API (iPhone Safari) the full-screen button fills the viewport; Escape leaves it', { width: 390, height: 760 }, async (tab) => {
  await tab.goto('/test/engines-no-fullscreen.html');
  await drawn(tab, '#g');
  const b = await tab.evaluate(() => {
    const r = document.getElementById('g').shadowRoot.querySelector('.wg-fullscreen').getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
  });
  await tab.tap(b[0], b[1], { pointer: 'mouse' });
  await tab.waitFor(() => {
    const r = document.getElementById('g').getBoundingClientRect();
    return Math.abs(r.width - innerWidth) < 2 && Math.abs(r.height - innerHeight) < 2;
  });
  await drawn(tab, '#g');
  const shot = await tab.screenshot(`${ENGINE}-full-viewport`);
  assert.ok(shot.png.width > 0);
  await tab.key('Escape');
  await tab.waitFor(() => document.getElementById('g').getBoundingClientRect().height < innerHeight - 50);
});
