// pack.test.js — what `npm pack` of this checkout holds and promises: dist/, README, LICENSE,
// THIRD_PARTY_NOTICES and CHANGELOG, nothing of the repo's tooling; package.json's exports, types,
// sideEffects, version (the one in every file's banner) and no `private`; how Node and bundlers resolve
// each export in an app that installed it; the licence texts, in the package and in the playground's
// bundle zip; and that this checkout refuses `npm publish`.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { pathToFileURL } = require('url');
const { createRequire } = require('module');
const L = require('./lib.js');

let packed, app;
test.before(() => {
  packed = L.pack({ prepack: true }); // as from a fresh clone: prepack builds dist/ first
  app = L.makeApp('resolve', packed.file, {});
});

const DIST = ['wasm-gallery.js', 'wasm-gallery.mjs', 'wasm-gallery.wasm', 'wasm-gallery-render.js', 'wasm-gallery-worker.js',
  'wasm-gallery-decoder.wasm', 'wasm-gallery.css', 'wasm-gallery.d.ts', 'wasm-gallery-server.mjs', 'wasm-gallery-server.cjs',
  'wasm-gallery-server.d.ts', 'LICENSE', 'THIRD_PARTY_NOTICES'];

test('the tarball: dist/, README, LICENSE, notices, changelog — nothing else', () => {
  const want = ['CHANGELOG.md', 'LICENSE', 'README.md', 'THIRD_PARTY_NOTICES', 'package.json', ...DIST.map((f) => 'dist/' + f)].sort();
  assert.deepEqual(packed.entries, want);
  // Byte for byte the built dist/.
  const pkg = path.join(app, 'node_modules/wasm-gallery');
  for (const f of DIST) assert.ok(fs.readFileSync(path.join(pkg, 'dist', f)).equals(fs.readFileSync(path.join(L.ROOT, 'dist', f))), f);
  // A news site installs ~200 KB, not the repo (tests, sources, photos, tooling).
  assert.ok(packed.info.size < 400 * 1024, `tarball ${packed.info.size} B`);
});

test('package.json: a real version in every banner, exports, types, sideEffects, engines, not private', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(app, 'node_modules/wasm-gallery/package.json'), 'utf8'));
  assert.equal(pkg.name, 'wasm-gallery');
  assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
  assert.notEqual(pkg.version, '0.0.0');
  assert.equal(pkg.private, undefined);
  assert.equal(pkg.license, 'MIT');
  assert.ok(pkg.engines && pkg.engines.node, 'engines.node (wasm-gallery/server runs in Node)');
  // Every file an export, `types` or `main` names is in the package.
  const targets = [pkg.main, pkg.module, pkg.types];
  const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
  walk(pkg.exports);
  for (const t of targets.filter((t) => !t.includes('*'))) assert.ok(packed.entries.includes(t.replace(/^\.\//, '')), t);
  assert.deepEqual(Object.keys(pkg.exports).sort(), ['.', './css', './dist/*', './package.json', './server']);
  assert.equal(pkg.exports['.'].import, './dist/wasm-gallery.mjs');
  assert.deepEqual(Object.keys(pkg.exports['.']), ['types', 'node', 'import', 'default'], 'node before import: order decides');
  assert.equal(pkg.exports['.'].default, './dist/wasm-gallery.js');
  assert.equal(pkg.exports['.'].types, './dist/wasm-gallery.d.ts');
  // The element registers itself on import: bundlers must not drop `import 'wasm-gallery'` as unused.
  for (const f of ['./dist/wasm-gallery.js', './dist/wasm-gallery.mjs']) assert.ok(pkg.sideEffects.includes(f), f);
  // The devDependencies are the repo's, never installed with the package.
  assert.ok(!fs.existsSync(path.join(app, 'node_modules/vite')) && !fs.existsSync(path.join(app, 'node_modules/esbuild')));
  // The version is printed into each script's banner (WasmGallery.version: cdn.test.js).
  for (const f of ['wasm-gallery.js', 'wasm-gallery.mjs', 'wasm-gallery-render.js', 'wasm-gallery-worker.js', 'wasm-gallery-server.mjs']) {
    const head = fs.readFileSync(path.join(app, 'node_modules/wasm-gallery/dist', f), 'utf8').slice(0, 300);
    assert.ok(head.includes(`/*! wasm-gallery ${pkg.version} | MIT |`), `${f}: ${head.slice(0, 120)}`);
  }
  assert.ok(fs.readFileSync(path.join(L.ROOT, 'CHANGELOG.md'), 'utf8').includes(`## ${pkg.version}`), 'CHANGELOG.md has this version');
});

test('each export resolves in an app: Node → the DOM-free module, ./css, ./server, ./package.json, ./dist/*', async () => {
  const run = (code) => execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: app, encoding: 'utf8' }).trim();
  const rel = (p) => path.relative(path.join(app, 'node_modules/wasm-gallery'), p.replace(/^file:\/\//, ''));
  // In Node (a framework's server render) the element's import is the DOM-free module; bundlers
  // building for the browser take dist/wasm-gallery.mjs (bundlers.test.js).
  assert.equal(rel(run("console.log(import.meta.resolve('wasm-gallery'))")), 'dist/wasm-gallery-server.mjs');
  assert.equal(run("const m = await import('wasm-gallery'); console.log(m.version, typeof m.renderGallery, typeof m.default.mount)"),
    `${L.PKG.version} function function`);
  assert.equal(rel(run("console.log(import.meta.resolve('wasm-gallery/css'))")), 'dist/wasm-gallery.css');
  assert.equal(rel(run("console.log(import.meta.resolve('wasm-gallery/server'))")), 'dist/wasm-gallery-server.mjs');
  // Resolved from the app (this test file lies inside the package, where Node would resolve its own name).
  const appRequire = createRequire(path.join(app, 'package.json'));
  const req = (id) => rel(appRequire.resolve(id));
  assert.equal(req('wasm-gallery'), 'dist/wasm-gallery-server.cjs');
  assert.equal(req('wasm-gallery/server'), 'dist/wasm-gallery-server.cjs');
  assert.equal(req('wasm-gallery/package.json'), 'package.json');
  assert.equal(req('wasm-gallery/dist/wasm-gallery.wasm'), 'dist/wasm-gallery.wasm');
  // The server module runs in Node as ESM and as CommonJS, with the same output.
  const esm = await import(pathToFileURL(path.join(app, 'node_modules/wasm-gallery/dist/wasm-gallery-server.mjs')).href);
  const cjs = appRequire('wasm-gallery/server');
  const g = { slides: [{ image: 'a.jpg', alt: 'A', width: 3, height: 2 }] };
  assert.equal(esm.renderGallery(g), cjs.renderGallery(g));
  assert.match(esm.renderGallery(g), /<img src="a\.jpg" width="3" height="2" alt="A" fetchpriority="high">/);
});

test('licences: MIT for the widget, each bundled component\'s text in THIRD_PARTY_NOTICES', () => {
  const pkg = path.join(app, 'node_modules/wasm-gallery');
  const license = fs.readFileSync(path.join(pkg, 'LICENSE'), 'utf8');
  assert.match(license, /^MIT License/);
  assert.match(license, /Permission is hereby granted, free of charge/);
  const notices = fs.readFileSync(path.join(pkg, 'THIRD_PARTY_NOTICES'), 'utf8');
  for (const [who, text] of [['Dear ImGui', 'Copyright (c) 2014-2021 Omar Cornut'], ['stb', 'Copyright (c) 2017 Sean Barrett'],
    ['stb (public domain)', 'ALTERNATIVE B - Public Domain (www.unlicense.org)'], ['nlohmann/json', 'Copyright (c) 2013-2022 Niels Lohmann'],
    ['Emscripten', 'The Emscripten Authors']]) {
    assert.ok(notices.includes(text), `${who}: ${text}`);
  }
  // Dear ImGui's own file, word for word, when the bootstrap has fetched it.
  const imgui = path.join(L.ROOT, 'build/third_party/imgui-1.86/LICENSE.txt');
  if (fs.existsSync(imgui)) assert.ok(notices.includes(fs.readFileSync(imgui, 'utf8').trim()), 'Dear ImGui LICENSE.txt');
  // One permission notice per MIT component (ImGui, stb's alternative A, nlohmann/json, Emscripten).
  assert.ok(notices.split('Permission is hereby granted, free of charge').length - 1 >= 4);
  // The same files ride along in dist/ (a CDN's copy, the playground's zip).
  assert.equal(fs.readFileSync(path.join(pkg, 'dist/THIRD_PARTY_NOTICES'), 'utf8'), notices);
  assert.equal(fs.readFileSync(path.join(pkg, 'dist/LICENSE'), 'utf8'), license);
  // The demo photos are not the package's.
  assert.ok(!packed.entries.some((e) => /\.(jpe?g|png|webp)$/i.test(e)));
});

test('the playground\'s bundle zip carries LICENSE and THIRD_PARTY_NOTICES with dist/', { timeout: 60000 }, async () => {
  const esbuild = require('esbuild');
  const out = L.tmpDir('publish');
  // The playground's own zip writer (web/playground/src/publish.js), run in Chromium against dist/.
  await esbuild.build({ entryPoints: [path.join(L.ROOT, 'web/playground/src/publish.js')], bundle: true, format: 'iife',
    globalName: 'publish', outfile: path.join(out, 'publish.js'), logLevel: 'warning' });
  fs.writeFileSync(path.join(out, 'index.html'), '<!doctype html><link rel="icon" href="data:,"><script src="/publish.js"></script>');
  const site = await L.serve(out, { routes: Object.fromEntries(fs.readdirSync(path.join(L.ROOT, 'dist')).map((f) => [`/dist/${f}`,
    (req, res) => { res.writeHead(200); res.end(fs.readFileSync(path.join(L.ROOT, 'dist', f))); }])) });
  const browser = await L.launch();
  try {
    const page = await L.newPage(browser);
    await page.goto(site.url + '/');
    const text = JSON.stringify({ title: 'T', slides: [{ image: 'https://example.com/a.jpg', alt: 'a' }] });
    const bytes = await page.evaluate(async (t) => Array.from((await publish.buildBundle({ text: t, source: location.href + 'gallery.json', local: new Map() })).bytes), text);
    const { unzipSync, strFromU8 } = require('fflate');
    const zip = unzipSync(new Uint8Array(bytes));
    for (const f of ['LICENSE', 'THIRD_PARTY_NOTICES']) {
      assert.ok(zip['dist/' + f], `dist/${f} in ${Object.keys(zip).join(', ')}`);
      assert.equal(strFromU8(zip['dist/' + f]), fs.readFileSync(path.join(L.ROOT, f), 'utf8'), f);
    }
    assert.match(strFromU8(zip['README.txt']), /THIRD_PARTY_NOTICES/);
  } finally {
    await browser.close();
    await site.close();
  }
});

test('this checkout is never published: prepublishOnly refuses', () => {
  const r = spawnSync('npm', ['run', 'prepublishOnly'], { cwd: L.ROOT, encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /not published from/);
});

// A server runtime that matches no `node` condition (an edge runtime) takes the browser's ES module:
// it must load there and say which calls need a browser, not crash on HTMLElement.
test('the browser ES module loads where there is no DOM; mount() says it runs in the browser', async () => {
  const m = await import(pathToFileURL(path.join(L.ROOT, 'dist/wasm-gallery.mjs')).href);
  assert.equal(m.version, require(path.join(L.ROOT, 'package.json')).version);
  assert.throws(() => m.mount(), /runs in the browser/);
});
