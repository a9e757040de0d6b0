// site.test.js — what a site that embeds the gallery sees, in one engine (WG_ENGINE; scripts/test.js
// runs it once per engine): every embed form works with the same API and the page's CSS stays out;
// bad galleries say what is wrong and where while a good one beside them works; hostile captions stay
// text; a strict CSP is kept; a server-rendered first slide hands over to the canvas; the keyboard
// reaches the controls; without the Fullscreen API (iPhone Safari) full screen is the viewport; the
// opt-in deep link; the site's CSS custom properties; twenty galleries on one page.
'use strict';
const assert = require('node:assert/strict');
const { ENGINE, journey } = require('./journeys.js');

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

journey('deep link (opt-in): #trip/3 opens slide 3 and navigation rewrites the URL in place', { width: 1000, height: 760 }, async (tab) => {
  await tab.goto('/test/embed-mount.html#trip/3');
  await tab.waitFor(() => window.WasmGallery && window.WasmGallery.mount);
  const length = await tab.evaluate(() => {
    window.inst = WasmGallery.mount(document.getElementById('host'), { src: '/test/embed-three.json', options: { deepLink: 'trip' } });
    return history.length;
  });
  await tab.waitFor(() => window.inst.count === 3);
  assert.equal(await tab.evaluate(() => window.inst.index), 2);
  await tab.evaluate(() => window.inst.prev());
  await tab.waitFor(() => location.hash === '#trip/2');
  assert.equal(await tab.evaluate(() => history.length), length, 'replaceState: no new history entry');
});

journey("the site's CSS custom properties colour the gallery", { width: 1000, height: 760 }, async (tab) => {
  await tab.goto('/test/look-theme.html');
  await drawn(tab, '#themed');
  // The bottom-right corner of the text panel (its background), in the screenshot's pixels.
  const corner = async (name) => {
    await tab.evaluate(() => document.getElementById('themed').scrollIntoView({ block: 'end' }));
    await tab.waitFor(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(!document.getElementById('themed').stats.animating)))));
    const r = await tab.evaluate(() => { const b = document.getElementById('themed').getBoundingClientRect(); return { x: b.right - 6, y: b.bottom - 6, vw: innerWidth }; });
    const { png } = await tab.screenshot(`${ENGINE}-${name}`);
    const k = png.width / r.vw, i = (Math.round(r.y * k) * png.width + Math.round(r.x * k)) * 4;
    return [png.data[i], png.data[i + 1], png.data[i + 2]];
  };
  const before = await corner('theme-default');
  assert.ok(before.every((c) => c > 240), `the default panel is white: ${before}`);
  await tab.evaluate(() => document.getElementById('themed').classList.add('brand'));
  // The class reaches the engine and its redraw the screen a few frames later: looked at until then.
  const isBrand = (c) => Math.abs(c[0] - 20) <= 3 && Math.abs(c[1] - 40) <= 3 && Math.abs(c[2] - 90) <= 3;
  let brand = await corner('theme-brand');
  for (const end = Date.now() + 15000; !isBrand(brand) && Date.now() < end;) brand = await corner('theme-brand');
  assert.ok(isBrand(brand), `--wg-background of .brand: ${brand}`);
});

journey('20 galleries on a page: each draws its photo as the reader scrolls to it', { width: 1000, height: 760 }, async (tab) => {
  await tab.goto('/test/many.html');
  const ids = await tab.evaluate(() => [...document.querySelectorAll('wasm-gallery, [data-wasm-gallery]')].map((g, i) => g.id || (g.id = 'g' + i)));
  assert.ok(ids.length >= 20, `${ids.length} galleries`);
  for (const id of ids) {
    await tab.evaluate((i) => document.getElementById(i).scrollIntoView({ block: 'center' }), id);
    await drawn(tab, '#' + id, 60000);
  }
  // At most 12 live contexts (gl-lease.js): those far above gave theirs back.
  const live = await tab.evaluate(() => [...document.querySelectorAll('wasm-gallery, [data-wasm-gallery]')].filter((g) => g.stats.webgl === 'live').length);
  assert.ok(live <= 12, `${live} live contexts`);
});
