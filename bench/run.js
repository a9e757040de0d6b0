// run.js — `npm run bench`: wasm-gallery side by side with Swiper on one emulated phone, in one run on
// this machine, printed as a table of medians [min–max] with wasm-gallery / Swiper ratios, and written
// to bench/results.json. Also runs the native microbenchmarks (Google Benchmark, bench/native/) and,
// when bench/decode/decode-bench.js exists, the in-browser decode-speed comparison.
// What is measured and how: bench/README.md. Options (after `npm run bench --`):
//   --runs N (visits per gallery for the medians, default 5, at least 5 for the README table)
//   --scale-runs N (visits per gallery of the 100-photo gallery, default 1)   --no-scale --no-native
//   --no-trace --no-decode --no-build (use dist/ and build/native as they are)
//   --no-many (skip the 20-galleries scenario, lib/many.js)   --many-runs N (its visits per design, default 1)
//   --no-zoom (skip the zoom scenario, lib/zoom.js)   --zoom-runs N (its visits, default 1)
//   --no-ten (skip the 10-slide side-by-side visits: to run another scenario alone)
//   --no-engines (skip the side by side in Chromium, Firefox and WebKit, lib/engines.js)   --engine-runs N (default 3)
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { chromium } = require('playwright-core');
const server = require('./lib/server.js');
const measure = require('./lib/measure.js');
const report = require('./lib/report.js');
const { syncSwiperPage, syncVariantPages } = require('./lib/pages.js');
const { ensurePhotos } = require('./lib/photos.js');
const many = require('./lib/many.js');
const zoom = require('./lib/zoom.js');
const engines = require('./lib/engines.js');

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'results.json');
const REPORT_MD = path.join(ROOT, 'build/bench-report.md');
const GALLERIES = [['wasm-gallery', 'wasm-gallery.html'], ['Swiper', 'swiper.html']];
// The 10-slide visits also load wasm-gallery with its first slide rendered by the server, and with a
// <link rel="preload"> for its JSON.
const SSR = 'wasm-gallery, server-rendered first slide';
const PRELOAD = 'wasm-gallery, JSON preloaded';
const PRELOAD_PHOTO = 'wasm-gallery, JSON and first photo preloaded';
const TEN_GALLERIES = [...GALLERIES, [SSR, 'wasm-gallery-ssr.html'], [PRELOAD, 'wasm-gallery-preload.html'],
  [PRELOAD_PHOTO, 'wasm-gallery-preload-photo.html']];

function parseArgs(argv) {
  const o = { runs: 5, scaleRuns: 1, scale: true, native: true, trace: true, decode: true, build: true, many: true, manyRuns: 1,
    zoom: true, zoomRuns: 1, ten: true, engines: true, engineRuns: 3 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Math.max(1, +argv[++i] || 5);
    else if (a === '--scale-runs') o.scaleRuns = Math.max(1, +argv[++i] || 1);
    else if (a === '--many-runs') o.manyRuns = Math.max(1, +argv[++i] || 1);
    else if (a === '--zoom-runs') o.zoomRuns = Math.max(1, +argv[++i] || 1);
    else if (a === '--engine-runs') o.engineRuns = Math.max(1, +argv[++i] || 3);
    else if (a.startsWith('--no-')) o[a.slice(5).replace(/-(\w)/g, (_, c) => c.toUpperCase())] = false;
    else throw new Error(`bench: unknown option ${a}`);
  }
  return o;
}

const clock = () => { const t0 = Date.now(); return () => ((Date.now() - t0) / 1000).toFixed(0) + ' s'; };

// ---- native microbenchmarks -----------------------------------------------------------------------
function nativeBench(build, log) {
  // Only wg_bench and the core it links: build.buildNative() would also rebuild every native test,
  // minutes on this shared machine for nothing the benchmark uses. Same configuration as buildNative.
  const dir = path.join(build.BUILD, 'native');
  execFileSync('cmake', ['-S', ROOT, '-B', dir, '-DCMAKE_BUILD_TYPE=RelWithDebInfo', '-DWG_SANITIZE=OFF', '--log-level=WARNING'],
    { stdio: 'inherit', cwd: ROOT });
  try {
    execFileSync('cmake', ['--build', dir, '--target', 'wg_bench', '-j', String(process.env.WG_JOBS || 2)], { stdio: 'inherit', cwd: ROOT });
  } catch (e) {
    return { skipped: 'wg_bench did not build: ' + (e.message.split('\n')[0]) + ' (is Google Benchmark installed? libbenchmark-dev)' };
  }
  const exe = path.join(dir, 'wg_bench');
  if (!fs.existsSync(exe)) return { skipped: 'wg_bench was not built (Google Benchmark not found by CMake)' };
  const out = execFileSync(exe, ['--benchmark_repetitions=5', '--benchmark_min_time=0.1', '--benchmark_report_aggregates_only=true',
    '--benchmark_format=json'], { cwd: ROOT, maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
  const json = JSON.parse(out);
  const rows = json.benchmarks.filter((b) => b.aggregate_name === 'median').map((b) => ({
    name: b.run_name, realMs: toMs(b.real_time, b.time_unit), cpuMs: toMs(b.cpu_time, b.time_unit),
    counters: Object.fromEntries(Object.entries(b).filter(([k]) => /^(jpeg_MB|json_KB|stb_peak_MB|MP_per_s|bytes_per_second)$/.test(k))),
  }));
  const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
  const simd = byName.BM_StbDecode12MP_SIMD, scalar = byName.BM_StbDecode12MP_Scalar;
  return { context: json.context, rows, simdSpeedup: simd && scalar ? +(scalar.cpuMs / simd.cpuMs).toFixed(2) : null };
}
const toMs = (v, unit) => v * ({ ns: 1e-6, us: 1e-3, ms: 1, s: 1000 }[unit] || 1);

function nativeTable(n) {
  const lines = ['| benchmark | CPU time (median of 5) | wall time | notes |', '| --- | ---: | ---: | --- |'];
  for (const r of n.rows) {
    const notes = Object.entries(r.counters).map(([k, v]) => `${k}=${k === 'bytes_per_second' ? (v / 1048576).toFixed(0) + ' MiB/s' : +(+v).toFixed(2)}`).join(', ');
    lines.push(`| ${r.name} | ${r.cpuMs.toFixed(r.cpuMs < 10 ? 2 : 0)} ms | ${r.realMs.toFixed(r.realMs < 10 ? 2 : 0)} ms | ${notes} |`);
  }
  if (n.simdSpeedup) lines.push(`\n12 MP JPEG decode, scalar / SIMD (SSE2) CPU time: ${n.simdSpeedup}×`);
  return lines.join('\n');
}

// ---- the decode-speed module (bench/decode/, written separately) ------------------------------------
async function decodeBench(srv, log) {
  const file = path.join(__dirname, 'decode/decode-bench.js');
  if (!fs.existsSync(file)) return { skipped: 'bench/decode/decode-bench.js does not exist yet' };
  const browser = await chromium.launch({ executablePath: process.env.WG_CHROMIUM || '/usr/bin/chromium', args: measure.CHROMIUM_ARGS, headless: true });
  try {
    const { rows, ratios } = await require(file).runDecodeBench({ browser, baseUrl: srv.url });
    return { rows, ratios };
  } catch (e) {
    log(`decode bench failed: ${e.message}`);
    return { skipped: `decode-bench.js failed: ${e.message}` };
  } finally {
    await browser.close();
  }
}

// The decode module's rows as a Markdown table (objects: one column per key) and its ratios as a list.
function plainTable(rows) {
  rows = rows || [];
  if (!rows.length || typeof rows[0] !== 'object' || Array.isArray(rows[0])) return rows.map((r) => (Array.isArray(r) ? r.join(' | ') : String(r))).join('\n');
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const v = (x) => (typeof x === 'number' ? String(+x.toFixed(2)) : x === undefined ? '' : String(x));
  return [`| ${keys.join(' | ')} |`, `| ${keys.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${keys.map((k) => v(r[k])).join(' | ')} |`)].join('\n');
}
const plainList = (o) => Object.entries(o || {}).map(([k, x]) => `- ${k}: ${typeof x === 'number' ? +x.toFixed(2) : JSON.stringify(x)}`).join('\n');

// ---- the browser side by side -------------------------------------------------------------------------
async function visits(label, n, fn, log, galleries = GALLERIES) {
  const out = Object.fromEntries(galleries.map(([g]) => [g, []]));
  const failures = [];
  for (let i = 0; i < n; i++) {
    // Alternate the order so that a slow spell on this shared machine hits both galleries alike.
    const order = i % 2 ? [...galleries].reverse() : galleries;
    for (const [g, page] of order) {
      const t = clock();
      try {
        const r = await fn(page);
        r.loadavg = report.loadavg();
        out[g].push(r);
        log(`  ${label} ${g} #${i + 1}: ${t()}${r.firstPhoto ? `, first photo ${Math.round(r.firstPhoto)} ms` : ''}${r.errors && r.errors.length ? `, page errors: ${r.errors.slice(0, 2).join('; ')}` : ''}`);
      } catch (e) {
        failures.push({ gallery: g, run: i + 1, error: e.message.split('\n')[0] });
        log(`  ${label} ${g} #${i + 1}: FAILED (${e.message.split('\n')[0]})`);
      }
    }
  }
  return { runs: out, failures };
}

async function main(build, argv = process.argv.slice(3)) {
  const opt = parseArgs(argv);
  const total = clock();
  const log = (s) => console.log(s);
  const results = { date: new Date().toISOString(), machine: report.machine(), loadavgStart: report.loadavg(), options: opt,
    profile: { phone: measure.PHONE, cpuThrottle: measure.CPU_THROTTLE, network: measure.FAST_3G } };
  log(`bench: ${results.machine.nproc} × ${results.machine.cpu}, ${results.machine.memoryGiB} GiB, load ${results.loadavgStart.join(' ')}`);

  if (opt.build) await build.buildDist();
  if (opt.native) {
    const t = clock();
    log('\nnative microbenchmarks (Google Benchmark)…');
    results.native = nativeBench(build, log);
    log(`  ${t()}`);
  }
  if (syncSwiperPage(path.join(ROOT, 'gallery.json'), new URL('http://bench/gallery.json'))) log('bench/pages/swiper.html: slides refreshed from gallery.json');
  if (syncVariantPages(path.join(ROOT, 'gallery.json'), new URL('http://bench/gallery.json'))) log('bench/pages/wasm-gallery-{ssr,preload,preload-photo}.html: written from wasm-gallery.html and gallery.json');
  const photos = opt.scale ? ensurePhotos(log) : null;
  const srv = await server.start();
  try {
    const browser = await chromium.launch({ executablePath: process.env.WG_CHROMIUM || '/usr/bin/chromium', args: measure.CHROMIUM_ARGS });
    results.chromium = browser.version();
    await browser.close();
    results.swiper = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/swiper/package.json'), 'utf8')).version;

    let t;
    if (opt.ten) {
      log(`\n10-slide gallery, ${opt.runs} cold visits each (phone 360×740 DPR 3, CPU ${measure.CPU_THROTTLE}× slower, fast 3G)…`);
      t = clock();
      results.ten = await visits('10 slides', opt.runs, (page) => measure.tenSlides(srv, '/bench/pages/' + page), log, TEN_GALLERIES);
      log(`  ${t()}`);
    }

    if (opt.scale) {
      log(`\n${photos.count} photos of ${photos.width}×${photos.height}, ${opt.scaleRuns} visit(s) each (same phone, CPU and network not throttled)…`);
      t = clock();
      results.scale = await visits('100 photos', opt.scaleRuns, (page) => measure.manySlides(srv, '/bench-photos/' + page, { cpu: 1 }), log);
      results.scale.photo = photos;
      log(`  ${t()}`);
    }
    if (opt.trace) {
      log('\nwhere the main thread\'s time goes (one traced visit each, not in the medians)…');
      t = clock();
      results.attribution = {};
      for (const [g, page] of GALLERIES) {
        try { results.attribution[g] = await measure.attribution(srv, '/bench/pages/' + page); } catch (e) { results.attribution[g] = { error: e.message }; }
      }
      log(`  ${t()}`);
    }
    if (opt.decode) {
      log('\nin-browser decode speed (bench/decode)…');
      t = clock();
      results.decode = await decodeBench(srv, log);
      log(`  ${results.decode.skipped ? 'skipped: ' + results.decode.skipped : t()}`);
    }
    if (opt.many) {
      log(`\n${many.GALLERIES} galleries on one page: render worker per gallery / one shared render worker / page thread, ${opt.manyRuns} visit(s) each…`);
      t = clock();
      results.many = await many.run(srv, { runs: opt.manyRuns, log });
      log(`  ${t()}`);
    }
    if (opt.zoom) {
      const zp = zoom.ensurePage(log);
      log(`\nzoom (wasm-gallery only): pinch and pan a ${zp.width}×${zp.height} photo; zoom in and out of ${zp.slides} of them — ${opt.zoomRuns} visit(s) each (phone, CPU ${measure.CPU_THROTTLE}×, network not throttled)…`);
      t = clock();
      results.zoom = await visits('zoom', opt.zoomRuns, () => zoom.visit(srv, zp, log), log, [['wasm-gallery', zp.path]]);
      results.zoom.photo = zp;
      log(`  ${t()}`);
    }
    if (opt.engines) {
      log(`\neach engine (Chromium, Firefox, WebKit): ${opt.engineRuns} cold visits of each gallery, 360×740, no throttling…`);
      t = clock();
      results.engines = await engines.run(srv, { runs: opt.engineRuns, log });
      log(`  ${t()}`);
    }
  } finally {
    srv.close();
  }
  results.loadavgEnd = report.loadavg();
  results.seconds = Math.round((Date.now() - Date.parse(results.date)) / 1000);

  // ---- the report ---------------------------------------------------------------------------------------
  const md = [];
  if (results.ten) {
    const ten = report.rows(report.TEN_SLIDE_FIGURES, results.ten.runs['wasm-gallery'], results.ten.runs.Swiper);
    results.tenSummary = ten;
    results.firstPhotoSummary = report.firstPhotoRows({ 'src="gallery.json"': results.ten.runs['wasm-gallery'],
      '+ JSON preloaded': results.ten.runs[PRELOAD], '+ JSON, photo preloaded': results.ten.runs[PRELOAD_PHOTO],
      'server-rendered slide': results.ten.runs[SSR] }, results.ten.runs.Swiper);
    md.push(`### First photo — median [min–max] of ${opt.runs} cold visits each: wasm-gallery with only src="gallery.json", with preload lines for the JSON (and its first photo), with its first slide rendered by the server; Swiper\n`,
      report.firstPhotoTable(results.firstPhotoSummary), '');
    const beforeAfter = report.transferBeforeAfter(results.ten.runs['wasm-gallery']);
    if (beforeAfter) md.push(beforeAfter, '');
    md.push(`### 10-slide gallery — median [min–max] of ${opt.runs} cold visits each\n`, report.table(ten));
    if (results.ten.failures.length) md.push(`\nFailed visits: ${results.ten.failures.map((f) => `${f.gallery} #${f.run}: ${f.error}`).join('; ')}`);
  }
  if (results.scale) {
    const sc = report.rows(report.SCALE_FIGURES, results.scale.runs['wasm-gallery'], results.scale.runs.Swiper);
    results.scaleSummary = sc;
    md.push(`\n### ${results.scale.photo.count} photos of ${results.scale.photo.width}×${results.scale.photo.height} (${(results.scale.photo.photoBytes / 1048576).toFixed(1)} MB JPEGs) — next() / slideNext() every ${measure.STEP_MS} ms, ${opt.scaleRuns} visit(s) each\n`,
      report.table(sc, { withRange: opt.scaleRuns > 1 }));
    if (results.scale.failures.length) md.push(`\nFailed visits: ${results.scale.failures.map((f) => `${f.gallery} #${f.run}: ${f.error}`).join('; ')}`);
  }
  if (results.attribution) {
    md.push('\n### Renderer main thread, one traced visit (load + 3 slide changes, CPU 4×, network not throttled): self time in ms\n',
      '| gallery | first photo | waiting on the GPU process | script (JS + wasm) | style/layout/paint | other | main thread busy | GPU process busy | workers busy |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [g] of GALLERIES) {
      const a = results.attribution[g];
      if (!a || a.error) { md.push(`| ${g} | failed: ${a && a.error} | | | | | | | |`); continue; }
      const m = a.trace.main;
      md.push(`| ${g} | ${Math.round(a.firstPhoto)} | ${m.gpuWait} | ${m.script} | ${m.renderPipeline} | ${m.other} | ${m.busy} | ${a.trace.gpuProcessBusy} | ${a.trace.workers} |`);
    }
  }
  if (results.native) md.push('\n### Native microbenchmarks (Google Benchmark, RelWithDebInfo, g++)\n', results.native.skipped ? 'skipped: ' + results.native.skipped : nativeTable(results.native));
  if (results.decode) {
    md.push('\n### In-browser decode speed (bench/decode)\n');
    md.push(results.decode.skipped ? 'skipped: ' + results.decode.skipped
      : plainTable(results.decode.rows) + (results.decode.ratios ? '\n\nratios:\n' + (Array.isArray(results.decode.ratios) ? plainTable(results.decode.ratios) : plainList(results.decode.ratios)) : ''));
  }
  if (results.many) {
    md.push(`\n### ${many.GALLERIES} galleries on one page (desktop 1280×800, DPR 1; scrolled down gallery by gallery) — ${opt.manyRuns > 1 ? `median [min–max] of ${opt.manyRuns}` : '1'} visit(s) per design\n`,
      results.many.table);
    if (results.many.failures.length) md.push(`\nFailed visits: ${results.many.failures.map((f) => `${f.design} #${f.run}: ${f.error}`).join('; ')}`);
  }
  if (results.zoom) {
    const z = report.rows(report.ZOOM_FIGURES, results.zoom.runs['wasm-gallery'], []);
    results.zoomSummary = z;
    const p = results.zoom.photo;
    md.push(`\n### Zoom (issue 16) — ${p.width}×${p.height} photos (${(p.photoBytes / 1048576).toFixed(1)} MB JPEGs), phone, CPU ${measure.CPU_THROTTLE}×, network not throttled; ` +
      `${opt.zoomRuns > 1 ? `median [min–max] of ${opt.zoomRuns}` : '1'} visit(s). wasm-gallery only: the Swiper page does not load Swiper's zoom module ("–")\n`,
      report.table(z, { withRange: opt.zoomRuns > 1 }));
    const odd = results.zoom.runs['wasm-gallery'].flatMap((r, i) => ['pinch', 'ten', 'plain'].flatMap((k) => (r[k] && r[k].odd ? r[k].odd : r[k] && r[k].error ? ['FAILED: ' + r[k].error] : [])
      .map((o) => `#${i + 1} ${k}: ${o}`)));
    if (odd.length) md.push(`\nNoticed: ${odd.join('; ')}`);
    if (results.zoom.failures.length) md.push(`\nFailed visits: ${results.zoom.failures.map((f) => `#${f.run}: ${f.error}`).join('; ')}`);
  }
  if (results.engines) {
    md.push(`\n### Each engine — median of ${opt.engineRuns} cold visits each, 360×740 (DPR 2; WebKit 1), no CPU or network throttling (only Chromium has them)\n`,
      engines.table(results.engines));
  }
  // The widget's own files as a page fetches them, gzip and Brotli (the build's figures, scripts/build.js).
  const sizesFile = path.join(ROOT, 'build/dist-sizes.json');
  if (fs.existsSync(sizesFile)) {
    const page = JSON.parse(fs.readFileSync(sizesFile, 'utf8')).filter((r) => !/\.(mjs|cjs|d\.ts)$|LICENSE|NOTICES/.test(r.file));
    const kb = (k) => (page.reduce((a, r) => a + (r[k] || 0), 0) / 1024).toFixed(1);
    results.widgetBytes = { gzip: +kb('gzip'), brotli: +kb('brotli') };
    md.push(`\nWidget files a page fetches (${page.map((r) => r.file).join(', ')}): ${kb('gzip')} KB gzip -9, ${kb('brotli')} KB Brotli 11.`);
  }
  md.push(`\nMachine: ${results.machine.nproc} × ${results.machine.cpu}, ${results.machine.memoryGiB} GiB RAM; Chromium ${results.chromium}, Swiper ${results.swiper}; ` +
    `load average ${results.loadavgStart[0]} at the start, ${results.loadavgEnd[0]} at the end; the whole run took ${Math.round(results.seconds / 60)} min.`);
  const text = md.join('\n');
  console.log('\n' + text);
  fs.writeFileSync(RESULTS, JSON.stringify(results, null, 1) + '\n');
  fs.mkdirSync(path.dirname(REPORT_MD), { recursive: true });
  fs.writeFileSync(REPORT_MD, text + '\n');
  console.log(`\nwrote bench/results.json and build/bench-report.md (${total()})`);
  const complete = (!results.ten || GALLERIES.every(([g]) => results.ten.runs[g].length > 0)) &&
    (!results.zoom || results.zoom.runs['wasm-gallery'].length > 0);
  return complete ? 0 : 1;
}

module.exports = { main };
