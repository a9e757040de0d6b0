// server.js — the benchmark's web server: scripts/serve.js behind a small front that compresses text,
// wasm and fonts with gzip (as any production host or CDN would; serve.js sends raw bytes, which would
// make both galleries look 2–3× heavier than they are), serves the generated large photos and a
// snapshot of dist/ (so a rebuild elsewhere cannot change the widget halfway through a run), and logs
// the body bytes it sends: the transfer figures come from this log, because it also sees what the
// decode workers fetch (a page's CDP session does not).
//   /bench-photos/… → build/bench-photos/   /dist/… → the dist snapshot   everything else → serve.js
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { listen } = require('../../scripts/serve.js');

const ROOT = path.resolve(__dirname, '../..');
const PHOTOS = path.join(ROOT, 'build/bench-photos');
const DIST_SNAPSHOT = path.join(ROOT, 'build/bench-dist');
// What a host would compress: text, wasm and TTF fonts; JPEG is compressed already.
const COMPRESSIBLE = /^(text\/|application\/(json|wasm|javascript)|font\/ttf|image\/svg)/;
// gzip -9, the figure build.js prints for dist/; cached, so the server's CPU time is paid once per file
// (the machine's two cores are shared with the browser under test).
const GZIP_LEVEL = 9;

function fetchBackend(base, req) {
  return new Promise((resolve, reject) => {
    const r = http.request(base + req.url, { method: req.method, headers: { 'accept-encoding': 'identity' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    r.on('error', reject);
    r.end();
  });
}

const TYPES = { '.json': 'application/json', '.html': 'text/html; charset=utf-8', '.jpg': 'image/jpeg',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.ttf': 'font/ttf', '.css': 'text/css; charset=utf-8' };

// A file from one of the front's own folders (read whole: the largest is a ~3 MB photo).
function serveFile(req, res, dir, prefix, log) {
  const file = path.join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname.slice(prefix.length)));
  if (!file.startsWith(dir + path.sep)) { res.writeHead(403).end(); return; }
  fs.readFile(file, (err, body) => {
    if (err) { res.writeHead(404).end(); return; }
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    send(req, res, { status: 200, headers: { 'content-type': type }, body }, req.url, log);
  });
}

const gzCache = new Map();
// The probes (lib/instrument.js) as the page's first script, for browsers whose driver cannot inject
// a script before the page's own (WebKit's WebDriver): a page asked for with ?probe gets them inline,
// in every engine alike (lib/engines.js), so no engine is measured with another ruler.
const PROBE = `<script>(${require('./instrument.js').toString()})();</script>`;
function withProbe(req, type, body) {
  if (!/^text\/html/.test(type) || !/[?&]probe\b/.test(req.url)) return body;
  return Buffer.from(body.toString('utf8').replace(/<head>/i, (h) => h + PROBE));
}

function send(req, res, { status, headers, body }, key, log) {
  const type = headers['content-type'] || '';
  body = withProbe(req, type, body);
  const out = { 'Content-Type': type, 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*', Vary: 'Accept-Encoding' };
  let data = body;
  if (status === 200 && COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
    const hit = gzCache.get(key);
    if (hit && hit.raw.equals(body)) data = hit.gz;
    else { data = zlib.gzipSync(body, { level: GZIP_LEVEL }); gzCache.set(key, { raw: body, gz: data }); }
    out['Content-Encoding'] = 'gzip';
  }
  out['Content-Length'] = data.length;
  if (req.method !== 'HEAD') log.push({ path: new URL(req.url, 'http://x').pathname, bytes: data.length, gzip: !!out['Content-Encoding'], type });
  res.writeHead(status, out);
  res.end(req.method === 'HEAD' ? undefined : data);
}

// Copies dist/ to the snapshot the front serves at /dist/.
function snapshotDist() {
  fs.rmSync(DIST_SNAPSHOT, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'dist'), DIST_SNAPSHOT, { recursive: true });
}

// Starts serve.js on a private port and the compressing front on another; resolves
// { url, close, log } where log is the array of { path, bytes, gzip, type } sent (clear it per run).
async function start() {
  snapshotDist();
  const backend = await listen(0, '127.0.0.1');
  const log = [];
  const front = http.createServer((req, res) => {
    if (req.url.startsWith('/bench-photos/')) return serveFile(req, res, PHOTOS, '/bench-photos/', log);
    if (req.url.startsWith('/dist/')) return serveFile(req, res, DIST_SNAPSHOT, '/dist/', log);
    fetchBackend(backend.url, req).then((r) => send(req, res, r, req.url, log), (e) => { res.writeHead(502).end(String(e)); });
  });
  await new Promise((resolve, reject) => { front.once('error', reject); front.listen(0, '127.0.0.1', resolve); });
  return {
    url: `http://127.0.0.1:${front.address().port}`,
    log,
    close: () => { front.close(); backend.server.close(); },
  };
}

module.exports = { start, GZIP_LEVEL };
