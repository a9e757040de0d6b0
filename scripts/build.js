// build.js — makes dist/ from scratch: the wasm modules (emcmake, cached objects in build/wasm),
// the JS shim bundles (esbuild), the TypeScript declarations; then prints the
// size of every dist file, raw and gzip. Also builds the native tests (build/native).
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const BUILD = path.join(ROOT, 'build');
const JOBS = String(process.env.WG_JOBS || 2);
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
// Each script says what it is and where its licences are (the wasm it loads bundles Dear ImGui, stb_image
// and nlohmann/json); a CDN copy of dist/ carries LICENSE and THIRD_PARTY_NOTICES next to it.
const BANNER = `/*! ${PKG.name} ${PKG.version} | ${PKG.license} | bundles Dear ImGui (MIT), stb_image (MIT), nlohmann/json (MIT): see THIRD_PARTY_NOTICES */`;
// Files in dist/ that are not loaded by a page (licences, server rendering, types): left out of the
// size totals and of what a page fetches.
const NOT_FETCHED = /^(LICENSE|THIRD_PARTY_NOTICES)$|\.d\.ts$|^wasm-gallery-server\./;

function run(cmd, args, opts = {}) {
  execFileSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
}
function emEnv() {
  // emcc's optimizer imports Debian's acorn from /usr/share/nodejs.
  return { ...process.env, NODE_PATH: '/usr/share/nodejs' };
}

// Everything native, optimised (the benchmarks need it): build/native-release.
function buildNative() {
  const dir = path.join(BUILD, 'native-release');
  run('cmake', ['-S', ROOT, '-B', dir, '-DCMAKE_BUILD_TYPE=Release', '-DWG_SANITIZE=OFF', '--log-level=WARNING']);
  run('cmake', ['--build', dir, '-j', JOBS]);
  return dir;
}

// Just the unit-test binaries, compiled for build speed (-O0, no debug info: npm test builds them
// from scratch on a clean clone). Under ASan+UBSan with clang at -O0 and line tables: g++ -O1 took
// 7.8 min for the same binaries on this 2-core machine (nlohmann's templates), clang -O0 2.8 min,
// and the tests still run in seconds.
function buildNativeTests({ sanitize = false } = {}) {
  const dir = path.join(BUILD, sanitize ? 'native-asan-clang' : 'native');
  const compilers = sanitize ? ['-DCMAKE_C_COMPILER=clang-14', '-DCMAKE_CXX_COMPILER=clang++-14'] : [];
  run('cmake', ['-S', ROOT, '-B', dir, ...compilers, '-DCMAKE_BUILD_TYPE=None', '-DCMAKE_CXX_FLAGS=' + (sanitize ? '-O0 -g1' : '-O0'),
    '-DWG_SANITIZE=' + (sanitize ? 'ON' : 'OFF'), '--log-level=WARNING']);
  const targets = ['wg_tests'];
  if (fs.existsSync(path.join(BUILD, 'third_party/imgui-1.86/imgui.cpp'))) targets.push('wg_render_tests');
  run('cmake', ['--build', dir, '-j', JOBS, '--target', ...targets]);
  return dir;
}

function buildWasm() {
  const dir = path.join(BUILD, 'wasm');
  const env = emEnv();
  if (!fs.existsSync(path.join(dir, 'CMakeCache.txt'))) {
    run('emcmake', ['cmake', '-S', ROOT, '-B', dir, '-DCMAKE_BUILD_TYPE=Release', '--log-level=WARNING'], { env });
  }
  run('cmake', ['--build', dir, '-j', JOBS], { env });
  return dir;
}


async function bundleJs(wasmDir, DIST) {
  const esbuild = require('esbuild');
  // The widget's CSS (web/src/styles.js) is a template string, which the JS minifier keeps as it is:
  // its comments and indentation go here (1.2 KB gzip of the page's script). Only comments and runs of
  // whitespace are taken out, and the spaces around braces and semicolons: a space elsewhere in a
  // selector is a descendant combinator.
  const cssMinify = { name: 'css-minify', setup(b) {
    b.onLoad({ filter: /[\\/]web[\\/]src[\\/]styles\.js$/ }, (args) => {
      const src = fs.readFileSync(args.path, 'utf8');
      const contents = src.replace(/const CSS = `([^`]*)`;/, (m, css) => 'const CSS = ' + JSON.stringify(
        css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};])\s*/g, '$1').trim()) + ';');
      if (contents === src) throw new Error('web/src/styles.js: no `const CSS = `…`;` to minify');
      return { contents, loader: 'js' };
    });
  } };
  const common = {
    bundle: true, minify: true, target: ['es2020'], legalComments: 'none', logLevel: 'warning',
    alias: { 'wasm-gallery-glue': path.join(wasmDir, 'wasm-gallery.js') }, banner: { js: BANNER }, plugins: [cssMinify],
  };
  // Emscripten's glue names its .wasm relative to import.meta.url, which a classic script has not; we
  // always pass locateFile, so the script's own location is a harmless stand-in (and no warning).
  const iife = { ...common, format: 'iife', define: { 'import.meta.url': 'self.location.href' } };
  // The page's script is compiled whole while it streams in (V8's compile hint, Chrome 126+), off the
  // page's thread: otherwise each function is compiled the first time it runs, e.g. the slide-change
  // handlers in the frame after a reader's first swipe.
  // The hint comes first (V8 looks for it before any code), the version banner after it.
  const eager = { banner: { js: '//# allFunctionsCalledOnLoad\n' + BANNER } };
  await esbuild.build({ ...common, ...iife, ...eager, entryPoints: [path.join(ROOT, 'web/src/entry-iife.js')],
    outfile: path.join(DIST, 'wasm-gallery.js') });
  await esbuild.build({ ...common, ...eager, entryPoints: [path.join(ROOT, 'web/src/entry-esm.js')], format: 'esm',
    outfile: path.join(DIST, 'wasm-gallery.mjs') });
  // Server rendering of the first slide (`wasm-gallery/server`): no DOM, for Node (ESM and require()).
  for (const [format, ext] of [['esm', 'mjs'], ['cjs', 'cjs']]) {
    await esbuild.build({ ...common, minify: false, platform: 'neutral', entryPoints: [path.join(ROOT, 'web/src/ssr.js')], format,
      outfile: path.join(DIST, 'wasm-gallery-server.' + ext) });
  }
  // The playground (web/playground/src/main.js) is a page of ours, not part of dist/.
  const pg = path.join(ROOT, 'web/playground/src/main.js');
  if (fs.existsSync(pg)) {
    await esbuild.build({ ...common, entryPoints: [pg], format: 'esm', loader: { '.json': 'json' },
      outfile: path.join(BUILD, 'web/playground/playground.js') });
  }
  // The render worker (also the page-script engine when a worker cannot draw): it bundles the glue.
  await esbuild.build({ ...common, ...iife, entryPoints: [path.join(ROOT, 'web/src/render-worker.js')],
    outfile: path.join(DIST, 'wasm-gallery-render.js') });
  const decoder = path.join(wasmDir, 'wasm-gallery-decoder.js');
  if (fs.existsSync(path.join(ROOT, 'web/src/decode-worker.js')) && fs.existsSync(decoder)) {
    await esbuild.build({ ...common, ...iife, entryPoints: [path.join(ROOT, 'web/src/decode-worker.js')],
      alias: { 'wasm-gallery-decoder-glue': decoder }, outfile: path.join(DIST, 'wasm-gallery-worker.js') });
  }
  // The playground's photo fix: the decoder module built with its JPEG writer (wasm-gallery-photo-tools)
  // in a worker of the playground's own, next to playground.js; readers' pages never load either.
  const fixWorker = path.join(ROOT, 'web/playground/src/photo_fix_worker.js');
  const tools = path.join(wasmDir, 'wasm-gallery-photo-tools.js');
  if (fs.existsSync(pg) && fs.existsSync(fixWorker) && fs.existsSync(tools)) {
    await esbuild.build({ ...common, ...iife, entryPoints: [fixWorker],
      alias: { 'wasm-gallery-decoder-glue': tools }, outfile: path.join(BUILD, 'web/playground/photo_fix_worker.js') });
    fs.copyFileSync(path.join(wasmDir, 'wasm-gallery-photo-tools.wasm'), path.join(BUILD, 'web/playground/wasm-gallery-photo-tools.wasm'));
  }
}

// The size budget (scripts/size-budget.json): what a page fetches, gzip -9, may not grow past it. The
// build fails naming each file over its own share, so the one that grew is known at once.
const BUDGET_FILE = path.join(ROOT, 'scripts/size-budget.json');

function sizeReport() {
  const rows = [];
  for (const f of fs.readdirSync(DIST).sort()) {
    const buf = fs.readFileSync(path.join(DIST, f));
    rows.push([f, buf.length, zlib.gzipSync(buf, { level: 9 }).length,
      // Brotli at its best quality, as CDNs serve the files.
      zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length]);
  }
  const w = Math.max(...rows.map(r => r[0].length));
  console.log('\ndist/ sizes (raw / gzip -9 / brotli 11):');
  for (const [f, raw, gz, br] of rows)
    console.log(`  ${f.padEnd(w)}  ${String(raw).padStart(9)} B  ${String(gz).padStart(8)} B gz  ${String(br).padStart(8)} B br`);
  const sum = (list, k) => list.reduce((a, r) => a + r[k], 0);
  const fetched = rows.filter(r => !NOT_FETCHED.test(r[0]));
  console.log(`  ${'total (no .d.ts, licences, server)'.padEnd(w)}  ${''.padStart(11)}  ${String(sum(fetched, 2)).padStart(8)} B gz  ${String(sum(fetched, 3)).padStart(8)} B br`);
  // What a page that embeds the classic script fetches to show and swipe a gallery (not the .mjs twin
  // nor the .d.ts): the weight publishers compare.
  const page = fetched.filter(r => !/\.mjs$/.test(r[0]));
  console.log(`  ${'a page fetches'.padEnd(w)}  ${''.padStart(11)}  ${String(sum(page, 2)).padStart(8)} B gz  ${String(sum(page, 3)).padStart(8)} B br`);
  fs.writeFileSync(path.join(BUILD, 'dist-sizes.json'), JSON.stringify(rows.map(([file, raw, gzip, brotli]) => ({ file, raw, gzip, brotli })), null, 1));
  checkBudget(page);
  // Subresource Integrity for a page that loads the scripts from a CDN (README, "Install"); it changes
  // with every build, so it is printed, not written into the docs.
  console.log(`\n${PKG.name} ${PKG.version}, SRI (integrity="…"):`);
  for (const f of ['wasm-gallery.js', 'wasm-gallery.mjs', 'wasm-gallery.css'])
    if (fs.existsSync(path.join(DIST, f))) console.log(`  ${f.padEnd(w)}  ${sri(fs.readFileSync(path.join(DIST, f)))}`);
}

function checkBudget(page) {
  if (!fs.existsSync(BUDGET_FILE)) return;
  const budget = JSON.parse(fs.readFileSync(BUDGET_FILE, 'utf8'));
  const total = page.reduce((a, r) => a + r[2], 0);
  console.log(`  budget (scripts/size-budget.json): ${total} of ${budget.pageFetchesGzip} B gz`);
  if (total <= budget.pageFetchesGzip) return;
  const grew = page.filter(([f, , gz]) => !(f in budget.files) || gz > budget.files[f])
    .map(([f, , gz]) => `${f} ${gz} B gz (its share: ${f in budget.files ? budget.files[f] + ' B' : 'none, a new file'})`);
  throw new Error(`dist/ is over its size budget: a page fetches ${total} B gz, the budget is ${budget.pageFetchesGzip} B ` +
    `(scripts/size-budget.json). Over their share: ${grew.join('; ') || 'none alone: several grew a little'}.`);
}

function sri(buf) {
  return 'sha384-' + require('crypto').createHash('sha384').update(buf).digest('base64');
}

// Builds may be started by several processes at once (tests, bench, a developer's shell): one at a
// time per checkout, via an atomic mkdir; a lock whose owner died is taken over.
async function withBuildLock(fn) {
  const lock = path.join(BUILD, '.build-lock');
  fs.mkdirSync(BUILD, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = 0;
      try { pid = +fs.readFileSync(path.join(lock, 'pid'), 'utf8'); } catch { /* being written */ }
      let alive = true;
      if (pid) { try { process.kill(pid, 0); } catch { alive = false; } }
      if (!alive) { fs.rmSync(lock, { recursive: true, force: true }); continue; }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try { return await fn(); } finally { fs.rmSync(lock, { recursive: true, force: true }); }
}

async function buildDist() {
  return withBuildLock(buildDistLocked);
}

// dist/ is assembled in a staging folder and swapped in, so a page being served never sees it half-made.
async function buildDistLocked() {
  const wasmDir = buildWasm();
  const FINAL = DIST;
  const STAGE = path.join(BUILD, 'dist-staging');
  fs.rmSync(STAGE, { recursive: true, force: true });
  fs.mkdirSync(STAGE, { recursive: true });
  await assemble(wasmDir, STAGE);
  const OLD = path.join(BUILD, 'dist-old');
  fs.rmSync(OLD, { recursive: true, force: true });
  if (fs.existsSync(FINAL)) fs.renameSync(FINAL, OLD);
  fs.renameSync(STAGE, FINAL);
  fs.rmSync(OLD, { recursive: true, force: true });
  sizeReport();
}

async function assemble(wasmDir, DIST) {
  for (const f of ['wasm-gallery.wasm', 'wasm-gallery-decoder.wasm'])
    if (fs.existsSync(path.join(wasmDir, f))) fs.copyFileSync(path.join(wasmDir, f), path.join(DIST, f));
  fs.copyFileSync(path.join(ROOT, 'web/src/prelayout.css'), path.join(DIST, 'wasm-gallery.css'));
  for (const f of ['wasm-gallery.d.ts', 'wasm-gallery-server.d.ts'])
    if (fs.existsSync(path.join(ROOT, 'web', f))) fs.copyFileSync(path.join(ROOT, 'web', f), path.join(DIST, f));
  // The licences travel with dist/: in the npm package, on a CDN, in the playground's bundle zip.
  for (const f of ['LICENSE', 'THIRD_PARTY_NOTICES']) fs.copyFileSync(path.join(ROOT, f), path.join(DIST, f));
  await bundleJs(wasmDir, DIST);
}

module.exports = { buildNative, buildNativeTests, buildWasm, buildDist, emEnv, sri, ROOT, BUILD, DIST };

if (require.main === module) {
  buildDist().then(() => buildNative()).catch(e => { console.error(e.message || e); process.exit(1); });
}
