// serve.js — a small static server for the demo, the playground and the browser tests.
// URL → folder: /dist/… → dist/ (the playground's preview and its publish bundle use these same files),
// /gallery.json → the repo's gallery.json, /playground/*.js bundles → build/web/playground/, /web/… → web/,
// /test/… → tests/browser/pages/, everything else → web/ (so / is the demo article). A path under
// /csp/ is served the same but with the strict Content-Security-Policy the widget promises to work
// under (see README).
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif',
  '.bmp': 'image/bmp', '.webp': 'image/webp', '.avif': 'image/avif', '.svg': 'image/svg+xml', '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
};
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

function resolve(urlPath) {
  const p = decodeURIComponent(urlPath);
  if (p === '/gallery.json') return path.join(ROOT, 'gallery.json');
  if (p.startsWith('/dist/')) return path.join(ROOT, 'dist', p.slice(6));
  // The playground's bundles (its page script, the photo fix's worker) are built into build/web/.
  if (['/playground/playground.js', '/playground/photo_fix_worker.js', '/playground/wasm-gallery-photo-tools.wasm'].includes(p)) return path.join(ROOT, 'build/web', p);
  if (p.startsWith('/test/')) return path.join(ROOT, 'tests/browser/pages', p.slice(6));
  if (p.startsWith('/bench/')) return path.join(ROOT, 'bench', p.slice(7));
  if (p.startsWith('/node_modules/')) return path.join(ROOT, 'node_modules', p.slice(14));
  // The repository's own layout too, as any static server of the repo root serves it: gallery.json's
  // photos are web/demo/photos/…, relative to the JSON file.
  if (p.startsWith('/web/')) return path.join(ROOT, 'web', p.slice(5));
  return path.join(ROOT, 'web', p);
}

function createServer({ quiet = true } = {}) {
  return http.createServer((req, res) => {
    let url;
    try { url = new URL(req.url, 'http://localhost'); } catch { res.writeHead(400).end(); return; }
    let p = url.pathname;
    const csp = p.startsWith('/csp/');
    if (csp) p = p.slice(4);
    if (p.endsWith('/')) p += 'index.html';
    const file = resolve(p);
    if (!file.startsWith(ROOT + path.sep)) { res.writeHead(403).end(); return; }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><title>404</title><h1>Not found</h1>');
        if (!quiet) console.log('404', req.url);
        return;
      }
      const headers = {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': st.size, 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*',
      };
      if (csp) headers['Content-Security-Policy'] = CSP;
      res.writeHead(200, headers);
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
}

function listen(port = 0, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, host, () => resolve({ server, url: `http://${host}:${server.address().port}` }));
  });
}

module.exports = { createServer, listen, CSP };
