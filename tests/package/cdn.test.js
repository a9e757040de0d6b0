// cdn.test.js — the package's dist/ on a second origin under a versioned path (/wasm-gallery@<version>/dist/,
// as jsDelivr or unpkg serve the npm package: unpacked from the tarball), the article on another origin
// under the README's strict Content-Security-Policy for a CDN, with the README's snippet and real SRI
// hashes: the gallery draws in its render worker, the workers start from same-origin blob: URLs, no
// CSP violation. A wrong hash is refused (SRI is in force). The ES module from the CDN, unbundled,
// finds its files next to itself too.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { sri } = require('../../scripts/build.js');
const L = require('./lib.js');

const CDN = 'https://cdn.jsdelivr.net';
let browser, cdn, site, pkgDir;

test.before(async () => {
  const { file } = L.pack();
  pkgDir = path.dirname(file);
  execFileSync('tar', ['xzf', file, '-C', pkgDir]); // → package/
  // What a CDN sends for a versioned path: CORS (the wasm is fetched; SRI needs it), the wasm's type,
  // and "never changes".
  cdn = await L.serve(path.join(pkgDir, 'package'), {
    mount: `/wasm-gallery@${L.PKG.version}/`,
    headers: () => ({ 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=31536000, immutable' }),
  });
  const csp = L.snippet('cdn-csp').trim().replace(/^Content-Security-Policy:\s*/, '').split(CDN).join(cdn.url);
  const pages = L.tmpDir('cdn-site');
  L.demoGallery(pages);
  const dist = path.join(pkgDir, 'package/dist');
  const html = (body) => `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>cdn</title></head><body>\n${body}\n</body></html>`;
  // The README's snippet, pointed at this CDN, its "sha384-…" placeholders filled in (stylesheet first).
  const snippet = (hashes) => {
    let i = 0;
    return L.snippet('cdn-html').split(CDN + '/npm').join(cdn.url).replace(/sha384-…/g, () => hashes[i++]);
  };
  const good = [sri(fs.readFileSync(path.join(dist, 'wasm-gallery.css'))), sri(fs.readFileSync(path.join(dist, 'wasm-gallery.js')))];
  const bad = [good[0], good[1].replace(/^sha384-./, (m) => (m.endsWith('A') ? 'sha384-B' : 'sha384-A'))];
  const send = (body, type = 'text/html; charset=utf-8') => (req, res) => {
    res.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': csp });
    res.end(body);
  };
  site = await L.serve(pages, {
    headers: () => ({ 'Content-Security-Policy': csp }),
    routes: {
      '/': send(html(snippet(good))),
      '/tampered.html': send(html(snippet(bad))),
      // The ES module straight from the CDN (no bundler), from a same-origin module (CSP: no inline script).
      '/esm.html': send(html('<div id="photos"></div><script type="module" src="/esm-app.mjs"></script>')),
      '/esm-app.mjs': send(`import { mount, version } from '${cdn.url}/wasm-gallery@${L.PKG.version}/dist/wasm-gallery.mjs';\n` +
        `window.esmVersion = version;\nmount(document.getElementById('photos'), { src: '/gallery.json' });\n`, 'text/javascript'),
    },
  });
  browser = await L.launch();
});
test.after(async () => {
  if (browser) await browser.close();
  if (site) await site.close();
  if (cdn) await cdn.close();
});

test('README snippet: the classic script from a versioned CDN path, SRI and the strict CSP', { timeout: 90000 }, async () => {
  assert.match(L.snippet('cdn-html'), new RegExp(`/wasm-gallery@${L.PKG.version.replace(/\./g, '\\.')}/dist/wasm-gallery\\.js`),
    'the README points at this version');
  const guide = fs.readFileSync(path.join(L.ROOT, 'docs/embedding.md'), 'utf8');
  assert.ok(guide.includes(L.snippet('cdn-csp').trim()), 'docs/embedding.md, section 9, gives the same header');
  const page = await L.newPage(browser);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(site.url + '/');
  const { stats } = await L.galleryDrawn(page, 'cdn-classic');
  assert.equal(stats.thread, 'worker', 'drawn in its render worker, on the page\'s origin');
  assert.equal(await page.evaluate(() => window.WasmGallery.version), L.PKG.version);
  // Both kinds of worker, each a same-origin blob: that imports the CDN's script.
  assert.ok(workers.length >= 2 && workers.every((u) => u.startsWith('blob:' + site.url)), workers.join(' '));
  const fromCdn = cdn.server.requests.map((p) => path.basename(p)).sort();
  for (const f of ['wasm-gallery.js', 'wasm-gallery.css', 'wasm-gallery.wasm', 'wasm-gallery-render.js', 'wasm-gallery-worker.js', 'wasm-gallery-decoder.wasm'])
    assert.ok(fromCdn.includes(f), `${f} came from the CDN: ${fromCdn.join(' ')}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a script whose bytes do not match its integrity hash does not run', { timeout: 30000 }, async () => {
  const page = await L.newPage(browser);
  await page.goto(site.url + '/tampered.html');
  await page.waitForFunction(() => document.readyState === 'complete');
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => typeof window.WasmGallery), 'undefined');
  assert.ok(page.errors.some((e) => /integrity/i.test(e)), page.errors.join('\n'));
  await page.context().close();
});

test('the ES module from the CDN, unbundled, under the same CSP', { timeout: 60000 }, async () => {
  const page = await L.newPage(browser);
  await page.goto(site.url + '/esm.html');
  const { stats } = await L.galleryDrawn(page, 'cdn-esm', '#photos');
  assert.equal(stats.thread, 'worker');
  assert.equal(await page.evaluate(() => window.esmVersion), L.PKG.version);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
