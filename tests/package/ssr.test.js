// ssr.test.js — server rendering with the package's `wasm-gallery/server`, through the README's snippet
// run in Node from an app that installed the tarball: the HTML it returns (start slide, URLs relative
// to the JSON, text escaped, refused URLs left out); a page made of it shows the photo and caption with
// JavaScript off, and with JavaScript on becomes the wasm gallery.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { createRequire } = require('module');
const L = require('./lib.js');

let app, galleryHtml, gallery, browser, site;

test.before(async () => {
  app = L.makeApp('ssr', L.pack().file, { 'server.mjs': L.snippet('ssr'), 'Gallery.jsx': L.snippet('react') }, ['react', 'react-dom']);
  gallery = L.demoGallery(app, 'public');
  ({ galleryHtml } = await import(pathToFileURL(path.join(app, 'server.mjs')).href));
  const page = () => `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>ssr</title>
<link rel="stylesheet" href="/wasm-gallery/wasm-gallery.css">
<script src="/wasm-gallery/wasm-gallery.js" defer></script></head>
<body style="max-width: 760px; margin: 0 auto">
${galleryHtml(gallery)}
</body></html>`;
  // The page is rendered per request, as a site's server would; dist/ is the installed package's.
  const dist = path.join(app, 'node_modules/wasm-gallery/dist');
  site = await L.serve(path.join(app, 'public'), {
    routes: {
      '/': (req, res) => { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }); res.end(page()); },
      ...Object.fromEntries(fs.readdirSync(dist).map((f) => [`/wasm-gallery/${f}`, (req, res) => {
        res.writeHead(200, { 'Content-Type': f.endsWith('.wasm') ? 'application/wasm' : f.endsWith('.css') ? 'text/css' : 'text/javascript' });
        res.end(fs.readFileSync(path.join(dist, f)));
      }])),
    },
  });
  browser = await L.launch();
});
test.after(async () => {
  if (browser) await browser.close();
  if (site) await site.close();
});

test('the HTML: the start slide, photo URLs from the page, text escaped, refused URLs left out', async () => {
  const first = gallery.slides[0];
  const html = galleryHtml(gallery);
  assert.ok(html.startsWith('<wasm-gallery src="/gallery.json">\n  <figure>\n'), html);
  assert.ok(html.includes(`<img src="/${first.image}" width="${first.width}" height="${first.height}"`), html);
  assert.ok(html.includes('fetchpriority="high"'));
  assert.ok(html.includes(`<small>${first.credit}</small>`));
  assert.ok(html.endsWith('</figure>\n</wasm-gallery>'));
  // options.startIndex, as the widget starts.
  const second = galleryHtml({ ...gallery, options: { startIndex: 1 } });
  assert.ok(second.includes(`<img src="/${gallery.slides[1].image}"`), second);
  // A caption is text; a javascript: photo is not rendered at all.
  const hostile = { slides: [{ image: 'a.jpg', alt: '"><script>x()</script>', caption: '<img src=x onerror=y()>', credit: 'A & B' }] };
  const h = galleryHtml(hostile);
  assert.ok(!/<script|<img src=x/.test(h), h);
  assert.ok(h.includes('&lt;img src=x onerror=y()&gt;') && h.includes('A &amp; B') && h.includes('alt="&quot;>&lt;script>'), h);
  assert.equal(galleryHtml({ slides: [{ image: 'javascript:alert(1)', alt: '' }] }), '<wasm-gallery src="/gallery.json"></wasm-gallery>');
  // JSON text is accepted too, and require() gives the same functions.
  const { renderGallery, renderFirstSlide } = createRequire(path.join(app, 'package.json'))('wasm-gallery/server');
  assert.equal(renderGallery(JSON.stringify(gallery), { src: '/gallery.json' }), html);
  assert.equal(renderFirstSlide(gallery, { src: 'https://example.com/g/gallery.json' }).split('\n')[1].trim().slice(0, 45),
    `<img src="https://example.com/g/${first.image}"`.slice(0, 45));
});

test('without JavaScript the server-rendered slide is the page: photo loaded, caption shown', { timeout: 30000 }, async () => {
  const page = await L.newPage(browser, { javaScriptEnabled: false });
  await page.goto(site.url + '/');
  await page.waitForFunction(() => { const i = document.querySelector('wasm-gallery > figure > img'); return i && i.complete; });
  assert.ok(await page.$eval('wasm-gallery > figure > img', (i) => i.naturalWidth > 0 && i.getBoundingClientRect().width > 300));
  assert.equal(await page.$eval('wasm-gallery figcaption small', (s) => s.textContent), gallery.slides[0].credit);
  await page.context().close();
});

test('with JavaScript the same page becomes the wasm gallery, on the server\'s photo', { timeout: 60000 }, async () => {
  const page = await L.newPage(browser);
  const order = [];
  page.on('request', (r) => { if (/\/photos\/|gallery\.json/.test(r.url())) order.push(new URL(r.url()).pathname); });
  await page.goto(site.url + '/');
  const { stats } = await L.galleryDrawn(page, 'ssr');
  assert.equal(stats.mode, 'gl');
  assert.equal(await page.$eval('wasm-gallery', (g) => g.index), 0);
  // The server's photo is requested while the HTML is parsed, before the script has asked for the JSON.
  assert.equal(order[0], '/' + gallery.slides[0].image, order.join(' '));
  assert.ok(order.includes('/gallery.json'), order.join(' '));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('React on the server: the README component renders to HTML in Node (its `import \'wasm-gallery\'` is DOM-free there)', async () => {
  // The component as a server build compiles it (JSX → JS); its imports stay imports, resolved in the app.
  const esbuild = require('esbuild');
  await esbuild.build({ entryPoints: [path.join(app, 'Gallery.jsx')], outfile: path.join(app, 'Gallery.server.mjs'),
    format: 'esm', jsx: 'automatic', bundle: true, packages: 'external', logLevel: 'warning' });
  const appRequire = createRequire(path.join(app, 'package.json'));
  const { renderToString } = appRequire('react-dom/server');
  const { createElement } = appRequire('react');
  const { Gallery } = await import(pathToFileURL(path.join(app, 'Gallery.server.mjs')).href);
  const html = renderToString(createElement(Gallery, { src: '/gallery.json' }));
  assert.match(html, /<wasm-gallery src="\/gallery\.json"><\/wasm-gallery>/);
  assert.match(html, /Photo <!-- -->1/);
  // The browser API is there, and says where it runs.
  const wg = appRequire('wasm-gallery');
  assert.equal(wg.version, L.PKG.version);
  assert.throws(() => wg.mount(), /runs in the browser/);
});
