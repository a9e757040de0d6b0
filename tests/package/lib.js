// lib.js — what the package tests share: the tarball `npm pack` makes of this checkout, little apps in
// a temp folder that install it from the file (offline: no registry is asked), static servers on
// 127.0.0.1 (one per origin), Debian's Chromium, and "the gallery drew a photo".
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { execFileSync } = require('child_process');
const { chromium } = require('playwright-core');
const { PNG } = require('pngjs');
const { pixelStats } = require('../browser/harness.js');

const ROOT = process.env.WG_ROOT || path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'test-output', 'package');
fs.mkdirSync(OUT, { recursive: true });
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

// As tests/browser/harness.js launches it (SwiftShader's WebGL2, no network chatter).
const CHROMIUM_ARGS = ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  '--disable-dev-shm-usage'];

// Temp folders (tarballs, apps with their builds) go when the test file's process ends; WG_KEEP=1 keeps
// them to look at.
const made = [];
process.on('exit', () => {
  if (process.env.WG_KEEP !== '1') for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});
function tmpDir(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `wg-${name}-`));
  made.push(dir);
  return dir;
}

function npm(args, cwd) {
  // No registry, no audit, no browser downloads: everything comes from the tarball or this checkout.
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false',
      PUPPETEER_SKIP_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
}

// `npm pack` of the checkout into a temp folder: { file, entries (npm's list), info }. By default dist/
// as built (npm test's "wasm build" stage ran just before); prepack: true runs package.json's prepack
// too, as in a fresh clone (it builds dist/; its log goes before npm's JSON).
function pack({ prepack = false } = {}) {
  const dir = tmpDir('pack');
  const text = npm(['pack', '--json', '--pack-destination', dir, ...(prepack ? [] : ['--ignore-scripts'])], ROOT);
  const out = JSON.parse(text.slice(text.search(/^\[\s*\{/m)));
  return { file: path.join(dir, out[0].filename), entries: out[0].files.map((f) => f.path).sort(), info: out[0] };
}

// An app folder: package.json, the given files, the tarball installed from the file with --offline, and
// the frameworks and bundlers symlinked from this checkout's node_modules (the app's build resolves them
// there; npm never touches the network nor the checkout).
function makeApp(name, tarball, files, links = []) {
  const dir = tmpDir(name);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'wg-test-' + name, private: true, version: '1.0.0', type: 'module' }, null, 2));
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  // The README's install line, with the tarball for the registry's package.
  const [cmd, ...args] = snippet('npm-install').trim().split(/\s+/);
  if (cmd !== 'npm' || args.join(' ') !== 'install wasm-gallery') throw new Error('README npm-install snippet: ' + args.join(' '));
  npm([args[0], '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], dir);
  for (const l of links) {
    const to = path.join(dir, 'node_modules', l);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules', l), to, 'dir');
  }
  return dir;
}

// The demo's first three slides and their photos (the repo's, not the package's), into `dir`.
function demoGallery(dir, prefix = '') {
  const g = JSON.parse(fs.readFileSync(path.join(ROOT, 'gallery.json'), 'utf8'));
  delete g.$schema;
  g.slides = g.slides.slice(0, 3).map((s) => {
    const name = path.basename(s.image);
    fs.mkdirSync(path.join(dir, prefix, 'photos'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, s.image), path.join(dir, prefix, 'photos', name));
    return { ...s, image: 'photos/' + name };
  });
  fs.writeFileSync(path.join(dir, prefix, 'gallery.json'), JSON.stringify(g, null, 1));
  return g;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.jpg': 'image/jpeg', '.png': 'image/png' };

// A static server of `dir` on 127.0.0.1. headers(urlPath, file) → extra headers; mount: a URL prefix
// the folder is served under (a CDN's versioned path); routes: urlPath → (req, res) for dynamic pages.
// Records every request's path in server.requests.
function serve(dir, { headers = () => ({}), mount = '/', routes = {} } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(p);
    if (routes[p]) return routes[p](req, res);
    if (!p.startsWith(mount)) { res.writeHead(404).end(); return; }
    let file = path.join(dir, p.slice(mount.length));
    if (p.endsWith('/')) file = path.join(file, 'index.html');
    if (!path.resolve(file).startsWith(path.resolve(dir))) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', ...headers(p, file) });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    server.requests = requests;
    resolve({ server, url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) });
  }));
}

async function launch() {
  return chromium.launch({ executablePath: process.env.WG_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

// A page whose errors (page errors, console errors, CSP violations) are collected in page.errors, and
// whose galleries' ready/error events are recorded from before any script runs.
async function newPage(browser, opts = {}) {
  const ctx = await browser.newContext({ viewport: { width: 800, height: 900 }, ...opts });
  const page = await ctx.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.addInitScript(() => {
    window.__wgEvents = [];
    for (const type of ['ready', 'error', 'slidechange']) {
      // Only the galleries' CustomEvents: a failed <img> or <script> load is an 'error' event too.
      document.addEventListener(type, (e) => { if (e instanceof CustomEvent) window.__wgEvents.push({ type, detail: e.detail }); }, true);
    }
    document.addEventListener('securitypolicyviolation', (e) => window.__wgEvents.push({ type: 'csp', detail: `${e.violatedDirective} ${e.blockedURI}` }));
  });
  return page;
}

// Waits for the gallery at `sel` to fire `ready` (not the plain-HTML fallback) and draw its photo in
// WebGL: stats.photoDrawn, then a screenshot whose photo band has more than 300 colours (a blank or
// placeholder canvas has a handful). Saved as test-output/package/<name>.png. Returns the stats.
// allowCsp: a RegExp of CSP violations the page expects (a policy that refuses workers on purpose).
async function galleryDrawn(page, name, sel = 'wasm-gallery', timeout = 40000, { allowCsp = null } = {}) {
  await page.waitForFunction(() => window.__wgEvents.some((e) => e.type === 'ready' || e.type === 'error'), null, { timeout });
  const evs = await page.evaluate(() => window.__wgEvents);
  const bad = evs.filter((e) => e.type === 'error' || (e.type === 'csp' && !(allowCsp && allowCsp.test(e.detail))));
  if (bad.length) throw new Error(`${name}: ${JSON.stringify(bad)}`);
  const ready = evs.find((e) => e.type === 'ready');
  if (ready.detail && ready.detail.fallback) throw new Error(`${name}: the plain-HTML fallback, not the wasm gallery`);
  await page.waitForFunction((s) => { const st = document.querySelector(s).stats; return st.photoDrawn && !st.animating; }, sel, { timeout });
  const handle = await page.$(sel);
  const png = PNG.sync.read(await handle.screenshot({ path: path.join(OUT, name + '.png') }));
  const box = await handle.boundingBox();
  const photoH = Math.round(png.height * Math.min(0.6, (box.width / 1.5) / box.height));
  const colours = pixelStats(png, { x: 0, y: 0, w: png.width, h: photoH }).colours;
  if (colours <= 300) throw new Error(`${name}: no photo drawn (${colours} colours)`);
  return { colours, stats: await page.$eval(sel, (g) => g.stats) };
}

// The fenced code block of README.md that follows `<!-- snippet: name -->` (the Install section's
// snippets are what the tests build and run, word for word).
function snippet(name) {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const m = new RegExp(`<!-- snippet: ${name} -->\\s*\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  if (!m) throw new Error(`README.md has no snippet "${name}"`);
  return m[1] + '\n';
}

module.exports = { ROOT, OUT, PKG, CHROMIUM_ARGS, tmpDir, npm, pack, makeApp, demoGallery, serve, launch, newPage, galleryDrawn, snippet };
