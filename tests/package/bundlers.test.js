// bundlers.test.js — the packed tarball installed (offline, from the file) into a Vite app and a webpack
// app, built, served and opened in Chromium: each shows the gallery, drawn by the wasm in its render
// worker, with no copy step — the wasm and workers are the bundler's own emitted files (renamed and
// hashed), found through the ES module's `new URL('./…', import.meta.url)`. The Vite app also holds the
// README's React, Vue and Svelte snippets, word for word, and each framework's button and counter prove
// that the element's method and its slidechange event go through the framework. Vite's dev server
// serves the same app with no configuration.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const L = require('./lib.js');

const FRAMEWORK_LINKS = ['vite', 'react', 'react-dom', 'vue', '@vitejs/plugin-vue', 'svelte', '@sveltejs/vite-plugin-svelte'];
const page = (title, body) => `<!doctype html>
<html><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,">
<style>body { margin: 0 auto; max-width: 760px; font: 16px/1.4 sans-serif; }</style></head>
<body>
${body}
</body></html>
`;

let tarball, browser;
test.before(async () => {
  tarball = L.pack().file;
  browser = await L.launch();
});
test.after(async () => { if (browser) await browser.close(); });

// Opens `url`, waits for a drawn photo; returns the page (still open) and what the page requested.
async function open(url, name) {
  const p = await L.newPage(browser);
  const requested = [];
  p.on('request', (r) => requested.push(r.url()));
  const failed = [];
  p.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await p.goto(url);
  const drawn = await L.galleryDrawn(p, name);
  assert.deepEqual(failed, [], 'no request failed');
  assert.equal(drawn.stats.mode, 'gl');
  assert.equal(drawn.stats.thread, 'worker', 'drawn in its render worker (the bundled worker script ran)');
  return { p, requested };
}

// The bundler emitted the wasm and both workers into the app's output, renamed, and the page loaded
// those (the classic script's "next to myself" guess would have asked for /wasm-gallery.wasm).
function assertEmitted(outDir, requested, origin) {
  const files = fs.readdirSync(outDir, { recursive: true }).map(String);
  for (const stem of ['wasm-gallery.wasm', 'wasm-gallery-decoder.wasm', 'wasm-gallery-render.js', 'wasm-gallery-worker.js']) {
    const size = fs.statSync(path.join(L.ROOT, 'dist', stem)).size;
    const ext = path.extname(stem);
    // Vite keeps the name with a hash; webpack hashes it only: same extension, and the wasm byte for byte.
    const emitted = files.filter((f) => f.endsWith(ext) && f !== stem && !f.startsWith('photos'));
    assert.ok(emitted.length, `${stem} emitted (${files.join(', ')})`);
    if (ext === '.wasm') {
      const same = emitted.find((f) => fs.statSync(path.join(outDir, f)).size === size);
      assert.ok(same, `${stem}: a byte-identical copy in the output`);
      assert.ok(requested.includes(`${origin}/${same.split(path.sep).join('/')}`), `the page fetched ${same}: ${requested.join(' ')}`);
    }
  }
  assert.ok(!requested.some((u) => /node_modules|\/dist\/wasm-gallery/.test(u)), 'nothing fetched from the package folder');
}

// The package's stylesheet is on the page: its rule that reserves a not yet upgraded element's box.
function cssOnPage(p) {
  return p.evaluate(() => [...document.styleSheets].some((sheet) =>
    [...sheet.cssRules].some((r) => r.selectorText && r.selectorText.includes('wasm-gallery:not([data-wg-upgraded])'))));
}

test('Vite: plain import, React 19, Vue 3 and Svelte 5 — built, and in the dev server', { timeout: 240000 }, async () => {
  const files = {
    'index.html': page('vanilla', L.snippet('bundler-html') + '<script type="module" src="/main.js"></script>'),
    'main.js': L.snippet('bundler-main'),
    'react.html': page('react', '<div id="root"></div><script type="module" src="/react-main.jsx"></script>'),
    'Gallery.jsx': L.snippet('react'),
    'react-main.jsx': `import { createRoot } from 'react-dom/client';\nimport { Gallery } from './Gallery.jsx';\n` +
      `createRoot(document.getElementById('root')).render(<Gallery src="/gallery.json" />);\n`,
    'vue.html': page('vue', '<div id="app"></div><script type="module" src="/vue-main.js"></script>'),
    'Gallery.vue': L.snippet('vue'),
    'vue-main.js': `import { createApp } from 'vue';\nimport Gallery from './Gallery.vue';\n` +
      `createApp(Gallery, { src: '/gallery.json' }).mount('#app');\n`,
    'svelte.html': page('svelte', '<div id="app"></div><script type="module" src="/svelte-main.js"></script>'),
    'Gallery.svelte': L.snippet('svelte'),
    'svelte-main.js': `import { mount } from 'svelte';\nimport Gallery from './Gallery.svelte';\n` +
      `mount(Gallery, { target: document.getElementById('app'), props: { src: '/gallery.json' } });\n`,
    'vite.config.js': L.snippet('vue-config'),
  };
  const app = L.makeApp('vite', tarball, files, FRAMEWORK_LINKS);
  L.demoGallery(app, 'public');
  // The README's Vue config as the app's vite.config.js, plus Svelte's plugin and one input per page.
  const vite = await import('vite'); // this checkout's (ESM only); the app's imports resolve in the app
  const user = (await import(pathToFileURL(path.join(app, 'vite.config.js')).href)).default;
  const { svelte } = await import(pathToFileURL(require.resolve('@sveltejs/vite-plugin-svelte', { paths: [app] })).href);
  const config = {
    ...user, root: app, configFile: false, logLevel: 'warn', plugins: [...user.plugins, svelte()],
    build: { rollupOptions: { input: ['index', 'react', 'vue', 'svelte'].map((n) => path.join(app, n + '.html')) } },
  };
  await vite.build(config);
  const out = path.join(app, 'dist');
  const site = await L.serve(out);
  try {
    const { p, requested } = await open(site.url + '/', 'vite-vanilla');
    assertEmitted(out, requested, site.url);
    assert.ok(await cssOnPage(p), 'the wasm-gallery/css import reached the page');
    await p.context().close();
    for (const fw of ['react', 'vue', 'svelte']) {
      const { p: fp } = await open(`${site.url}/${fw}.html`, 'vite-' + fw);
      assert.equal(await fp.textContent('.slide-number'), 'Photo 1');
      // The framework's button calls the element's next(); its slidechange reaches the framework's state.
      await fp.click('text=Next photo');
      await fp.waitForFunction(() => document.querySelector('.slide-number').textContent === 'Photo 2', null, { timeout: 15000 });
      assert.equal(await fp.$eval('wasm-gallery', (g) => g.index), 1);
      assert.deepEqual(fp.errors, [], `${fw}: no console errors`);
      await fp.context().close();
    }
  } finally {
    await site.close();
  }

  // A policy that allows no worker: the engine and the decoder run as page scripts, found under the
  // names Vite gave them (the page hands them the emitted files' URLs). ('unsafe-inline' styles: the
  // test page's own <style>.)
  const noWorkers = await L.serve(out, { headers: () => ({
    'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'none'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'" }) });
  try {
    const p = await L.newPage(browser);
    const requested = [];
    p.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await p.goto(noWorkers.url + '/');
    const { stats } = await L.galleryDrawn(p, 'vite-no-workers', 'wasm-gallery', 40000, { allowCsp: /^worker-src/ });
    assert.equal(stats.thread, 'main', 'drawn on the page\'s thread');
    for (const re of [/^\/assets\/wasm-gallery-render-[\w-]+\.js$/, /^\/assets\/wasm-gallery-worker-[\w-]+\.js$/, /^\/assets\/wasm-gallery-decoder-[\w-]+\.wasm$/])
      assert.ok(requested.some((u) => re.test(u)), `${re}: ${requested.join(' ')}`);
    await p.context().close();
  } finally {
    await noWorkers.close();
  }

  // The dev server: modules served one by one, the package pre-bundled by Vite; no configuration.
  const dev = await vite.createServer({ root: app, configFile: false, logLevel: 'warn', server: { host: '127.0.0.1', port: 0, hmr: false } });
  await dev.listen();
  try {
    const { p } = await open(dev.resolvedUrls.local[0], 'vite-dev');
    assert.deepEqual(p.errors, []);
    await p.context().close();
  } finally {
    await dev.close();
  }
});

test('webpack 5: plain import, built with the README\'s one option for the CSS', { timeout: 180000 }, async () => {
  const app = L.makeApp('webpack', tarball, { 'src/index.js': L.snippet('bundler-main') });
  const webpack = require(path.join(L.ROOT, 'node_modules/webpack'));
  const out = path.join(app, 'dist');
  const stats = await new Promise((resolve, reject) => webpack({
    mode: 'production', context: app, entry: './src/index.js', experiments: { css: true },
    output: { path: out, clean: true }, performance: { hints: false },
  }, (err, s) => (err ? reject(err) : resolve(s))));
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  fs.writeFileSync(path.join(out, 'index.html'), page('webpack',
    '<link rel="stylesheet" href="main.css"><script src="main.js" defer></script>\n' + L.snippet('bundler-html')));
  L.demoGallery(out);
  const site = await L.serve(out);
  try {
    const { p, requested } = await open(site.url + '/', 'webpack');
    assertEmitted(out, requested, site.url);
    assert.ok(await cssOnPage(p), 'the wasm-gallery/css import reached the page');
    assert.deepEqual(p.errors, []);
    await p.context().close();
  } finally {
    await site.close();
  }
});
