// security.test.js — text from JSON never becomes markup (canvas mode, error messages, and the
// plain-HTML fallback that reads the raw JSON); the strict CSP page reaches ready with no violation;
// only http(s), relative and data:image/ URLs are fetched; a cross-origin photo without CORS is a
// clear per-slide error.
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness.js');

after(h.teardown);

// Fails the page on any dialog (alert/confirm/prompt) and counts them.
function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  return dialogs;
}

// Elements that hostile strings would have created, anywhere (document and open shadow roots).
const injected = (page) => page.evaluate(() => {
  const found = [];
  const walk = (root) => {
    for (const e of root.querySelectorAll('img[src="x"], img[onerror], svg, iframe, script:not([type]):not([src]), script[src]:not([src*="dist/"]), style, b, [onload], [onmouseover]')) {
      found.push(e.outerHTML.slice(0, 80));
    }
    for (const e of root.querySelectorAll('*')) if (e.shadowRoot) walk(e.shadowRoot);
  };
  walk(document);
  return found;
});

test('XSS: captions, credits, alt, title and body that look like HTML stay text', async () => {
  const page = await h.openPage('desktop');
  const dialogs = watchDialogs(page);
  await h.gotoGallery(page, '/test/xss-captions.html', '#evil');
  await page.waitForFunction(() => ['evil', 'bad-url'].every((id) => window.__wg.events.some((e) => e.id === id && (e.type === 'ready' || e.type === 'error'))));
  const evil = await page.$eval('#evil', (g) => {
    const r = g.shadowRoot;
    const s = r.querySelector('.wg-slide');
    return { label: r.querySelector('[role="region"]').getAttribute('aria-label'), alt: s.querySelector('img').getAttribute('alt'),
      caption: s.querySelector('.wg-caption').textContent, credit: s.querySelector('.wg-credit').textContent,
      paras: [...s.querySelectorAll('.wg-body p')].map((p) => p.textContent), count: g.count };
  });
  assert.equal(evil.count, 2);
  assert.equal(evil.label, "<b onmouseover=alert('title')>Title</b>");
  assert.equal(evil.alt, "\"><img src=x onerror=alert('alt')>");
  assert.equal(evil.caption, '<img src=x onerror=alert(1)>');
  assert.equal(evil.credit, '</script><script>alert(2)</script>');
  assert.deepEqual(evil.paras, ['<svg onload=alert(3)></svg>', '<iframe src="javascript:alert(4)"></iframe>']);
  await page.$eval('#evil', (g) => g.next());
  await page.waitForFunction(() => document.getElementById('evil').index === 1);
  await page.waitForFunction(() => document.getElementById('evil').shadowRoot.querySelector('.wg-live').textContent.includes('onerror'));
  assert.equal(await page.$eval('#evil', (g) => g.shadowRoot.querySelector('.wg-live').textContent), 'Slide 2 of 2: </div></div><img src=x onerror=alert(5)>');
  // The refused URL: an error naming the place, shown as text in the message box.
  const err = (await h.events(page, 'error')).find((e) => e.id === 'bad-url');
  assert.ok(err, 'the javascript: image URL is refused by the validator');
  assert.match(err.detail.message, /slides\/0\/image/);
  const msg = await page.$eval('#bad-url', (g) => ({ text: g.shadowRoot.querySelector('.wg-message').textContent,
    elements: [...g.shadowRoot.querySelectorAll('.wg-message *')].map((e) => e.localName) }));
  assert.match(msg.text, /javascript/);
  assert.ok(msg.elements.every((t) => ['strong', 'ul', 'li', 'code'].includes(t)), `only our own elements: ${msg.elements}`);
  await page.waitForTimeout(300); // the subject: time for an injected handler (an image's onerror) to have run, and none did
  assert.deepEqual(await injected(page), []);
  assert.deepEqual(dialogs, []);
  await h.shot(page, 'security-xss', await page.$('#evil'));
  await page.context().close();
});

test('XSS and URL rule in the plain-HTML fallback, which reads the raw JSON (no wasm)', async () => {
  const page = await h.openPage('desktop');
  const dialogs = watchDialogs(page);
  await page.route(/wasm-gallery\.wasm$/, (r) => r.fulfill({ status: 404, body: 'gone' }));
  await h.gotoGallery(page, '/test/xss-captions.html', '#evil');
  await page.waitForFunction(() => window.__wg.events.filter((e) => e.type === 'ready').length === 2);
  const cap = await page.$eval('#evil', (g) => g.shadowRoot.querySelector('.wg-slide:not([hidden]) .wg-caption').textContent);
  assert.equal(cap, '<img src=x onerror=alert(1)>');
  // The javascript: image never becomes an img src; its alt and caption are still read out.
  const bad = await page.$eval('#bad-url', (g) => ({ src: g.shadowRoot.querySelector('.wg-slide img').getAttribute('src'),
    cap: g.shadowRoot.querySelector('.wg-caption').textContent }));
  assert.equal(bad.src, null);
  assert.equal(bad.cap, '<img src=x onerror=alert(6)>');
  await page.goto((await h.setup()).url + '/test/fallback-inline.html');
  await page.waitForFunction(() => document.getElementById('plain').count === 3);
  const links = await page.$eval('#plain', (g) => [...g.shadowRoot.querySelectorAll('.wg-slide')].map((s) => ({
    src: s.querySelector('img').getAttribute('src'), link: s.querySelector('a') && s.querySelector('a').getAttribute('href'),
    caption: s.querySelector('.wg-caption').textContent })));
  assert.match(links[0].src, /\/demo\/photos\/05\.jpg$/);
  assert.equal(links[0].link, 'https://example.org/five');
  assert.equal(links[1].src, null, 'javascript: image refused');
  assert.equal(links[2].link, null, 'javascript: link refused');
  assert.deepEqual(links.map((l) => l.caption), ['Caption five', 'Caption six', 'Caption seven']);
  await h.shot(page, 'security-fallback-inline', await page.$('#plain'));
  assert.deepEqual(await injected(page), []);
  assert.deepEqual(dialogs, []);
  await page.context().close();
});

test('strict CSP: ready with no securitypolicyviolation and no CSP console message', async () => {
  const page = await h.openPage('desktop');
  const consoleCsp = [];
  page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) consoleCsp.push(m.text()); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`), true);
  });
  const res = await page.request.get((await h.setup()).url + '/csp/test/csp-strict.html');
  assert.match(res.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await h.gotoGallery(page, '/csp/test/csp-strict.html', '#strict');
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'ready' && e.id === 'strict'));
  await page.$eval('#strict-auto', (g) => g.scrollIntoView());
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'ready' && e.id === 'strict-auto'));
  // Exercise what sets styles at run time: navigation, focus ring, rotation button, More.
  await page.$eval('#strict', (g) => { g.scrollIntoView(); g.next(); });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.$eval('#strict-auto', (g) => g.goTo(1));
  await page.waitForFunction(() => document.getElementById('strict-auto').index === 1);
  // Everything those set off is done (moves, focus ring, controls' transitions) and the photo drawn; a
  // violation's report is an event queued at the time, long before.
  await h.transitionsDone(page, '#strict');
  await h.transitionsDone(page, '#strict-auto');
  const photo = await h.photoDrawn(page, '#strict', { name: 'security-csp' }).catch((e) => ({ colours: 0, error: e.message }));
  await h.still(page);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(consoleCsp, []);
  assert.deepEqual((await h.events(page, 'error')).map((e) => e.detail.message), []);
  assert.ok(photo.colours > h.PHOTO_COLOURS, `a photo drawn ${photo.error || ''}`);
  await page.context().close();
});

test('URL rule: a javascript: or data: gallery src is refused before any fetch', async () => {
  const page = await h.openPage('desktop');
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  const { url } = await h.setup();
  await page.goto(url + '/test/embed-mount.html');
  await page.waitForFunction(() => window.WasmGallery);
  const errors = await page.evaluate(async () => {
    const out = [];
    for (const src of ['javascript:alert(1)', 'data:application/json,{"slides":[]}', 'file:///etc/passwd']) {
      const d = document.createElement('div');
      document.body.append(d);
      const msg = new Promise((r) => d.addEventListener('error', (e) => r(e.detail.message), { once: true }));
      WasmGallery.mount(d, { src });
      out.push(await msg);
    }
    return out;
  });
  for (const e of errors) assert.match(e, /refused/);
  assert.ok(!fetched.some((u) => /^(javascript|data|file):/.test(u)), fetched.join('\n'));
  await page.context().close();
});

test('a cross-origin photo without CORS is a clear per-slide error; the other slides work', async () => {
  const page = await h.openPage('desktop');
  // Another origin (another port) that serves the photo without Access-Control-Allow-Origin.
  const jpg = require('fs').readFileSync(require('path').join(h.ROOT, 'web/demo/photos/02.jpg'));
  const other = require('http').createServer((req, res) => res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(jpg));
  await new Promise((r) => other.listen(0, '127.0.0.1', r));
  const foreign = `http://127.0.0.1:${other.address().port}/no-cors.jpg`;
  const { url } = await h.setup();
  await page.addInitScript(() => {
    window.__wg = { events: [] };
    for (const type of ['ready', 'error', 'slidechange']) document.addEventListener(type, (e) => window.__wg.events.push({ type, detail: e.detail }), true);
  });
  await page.goto(url + '/test/embed-mount.html');
  await page.waitForFunction(() => window.WasmGallery);
  await page.evaluate((foreign) => {
    window.inst = WasmGallery.mount(document.getElementById('host'), { data: { slides: [
      { image: foreign, alt: 'Elsewhere', caption: 'No CORS', width: 1596, height: 1064 },
      { image: '/demo/photos/01.jpg', alt: 'Here', caption: 'Same origin', width: 1596, height: 1064 }] } });
  }, foreign);
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'error'), null, { timeout: 20000 });
  const err = (await h.events(page, 'error'))[0].detail;
  assert.equal(err.slide, 0);
  assert.match(err.message, /Slide 1: .*(CORS|Access-Control-Allow-Origin)/);
  assert.ok(err.message.includes(foreign), err.message);
  await page.waitForFunction(() => window.__wg.events.some((e) => e.type === 'ready'));
  await page.evaluate(() => window.inst.next());
  await page.waitForFunction(() => window.inst.index === 1 && window.inst.stats.texturesResident > 0);
  assert.equal((await h.events(page, 'error')).length, 1);
  await h.shot(page, 'security-cors', await page.$('#host'));
  await page.context().close();
  other.close();
});
