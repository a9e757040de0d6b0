// decode-bench.js — decode + downscale of one 12 MP camera-like JPEG in the browser, three ways in one
// run: the decode worker's wasm module as shipped (wasm SIMD: -msimd128 -msse2, stb_image's SSE2 paths),
// the same sources built without SIMD (build/wasm/wasm-gallery-decoder-scalar, never shipped), and the
// browser's own createImageBitmap with resize options plus the read-back the worker does for formats
// stb lacks. Medians of ≥ 5 runs after a warm-up; also the decoder's memory (high-water and what is
// left in use after an image). Called by bench/run.js (`npm run bench`), or alone:
//   node bench/decode/decode-bench.js [runs]
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '../..');
const WASM_DIR = path.join(ROOT, 'build/wasm');
const PHOTO_DIR = path.join(ROOT, 'build/bench-decode');
const PHOTO = 'photo-12mp.jpg';
// 4240 × 2832 = 12.0 MP, 3:2 like most cameras; four demo photos tiled, upscaled, with sensor-like grain
// so the file weighs what a camera JPEG does (~3.5 MB at quality 90, 4:2:0).
const SRC_W = 4240, SRC_H = 2832;
// The box it is shown in: a 1600 px wide photo (a laptop's fullscreen, or 533 CSS px at DPR 3).
const MAX_W = 1600, MAX_H = 1600;
const MIN_RUNS = 5;
const CONVERT = '/usr/bin/convert-im6.q16';

// The 12 MP JPEG (made once, under build/); also served by tests/browser/images.test.js's paging test.
function ensurePhoto() {
  const file = path.join(PHOTO_DIR, PHOTO);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(PHOTO_DIR, { recursive: true });
  const p = (n) => path.join(ROOT, `web/demo/photos/0${n}.jpg`);
  execFileSync(CONVERT, ['(', p(1), p(2), '+append', ')', '(', p(3), p(4), '+append', ')', '-append',
    '-resize', `${SRC_W}x${SRC_H}!`, '-attenuate', '0.4', '+noise', 'Gaussian', '-sampling-factor', '2x2', '-quality', '90', file]);
  return file;
}

// CPU time of each timed wasm decode, per decoder, from a Chromium trace: this machine's cores are
// shared, so wall time swings with whatever else runs; a task's thread time does not. The worker marks
// its thread ('wg-bench-simd' …) and each decode ('wg-decode', inside the task that runs it).
function decodeCpuMs(trace) {
  const ev = trace.traceEvents || trace;
  const thread = (e) => e.pid + ':' + e.tid;
  const label = {};
  for (const e of ev) if (/^wg-bench-/.test(e.name)) label[thread(e)] = e.name.slice(9);
  const marks = ev.filter((e) => e.name === 'wg-decode');
  const out = {};
  for (const t of ev.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && label[thread(e)])) {
    if (!marks.some((m) => thread(m) === thread(t) && m.ts >= t.ts && m.ts <= t.ts + t.dur)) continue;
    (out[label[thread(t)]] ||= []).push({ ts: t.ts, cpuMs: (t.tdur ?? t.dur) / 1000 });
  }
  for (const k in out) out[k] = out[k].sort((a, b) => a.ts - b.ts).slice(1).map((x) => x.cpuMs); // drop the warm-up
  // The browser decodes createImageBitmap on its own threads: count the CPU time of every task of the
  // worker's process between the worker's start and end marks (nothing else runs then; the page awaits).
  const starts = ev.filter((e) => e.name === 'wg-browser-start').sort((a, b) => a.ts - b.ts);
  const ends = ev.filter((e) => e.name === 'wg-browser-end').sort((a, b) => a.ts - b.ts);
  const tasks = ev.filter((e) => e.ph === 'X' && /RunTask/.test(e.name) && e.tdur !== undefined);
  out.browser = starts.map((s, i) => {
    const end = ends[i] ? ends[i].ts : Infinity;
    const inside = tasks.filter((t) => t.pid === s.pid && t.ts >= s.ts && t.ts + t.dur <= end);
    // Nested RunTask events (a task run inside another) would count twice: keep the outermost.
    const outer = inside.filter((t) => !inside.some((o) => o !== t && o.tid === t.tid && o.ts <= t.ts && o.ts + o.dur >= t.ts + t.dur));
    return outer.reduce((a, t) => a + t.tdur, 0) / 1000;
  }).slice(1);
  return out;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const row = (name, ms, extra = {}) => ({ name, medianMs: +median(ms).toFixed(1), minMs: +Math.min(...ms).toFixed(1), maxMs: +Math.max(...ms).toFixed(1), runs: ms.length, ...extra });
const MB = 1024 * 1024;

async function runDecodeBench({ browser, baseUrl, runs = 7, log = console.log }) {
  runs = Math.max(MIN_RUNS, runs);
  for (const f of ['wasm-gallery-decoder.wasm', 'wasm-gallery-decoder-scalar.wasm']) {
    if (!fs.existsSync(path.join(WASM_DIR, f))) throw new Error(`build/wasm/${f} is missing: run the wasm build first`);
  }
  const photo = ensurePhoto();
  const ctx = await browser.newContext();
  try {
    const page = await ctx.newPage();
    // The page fetches the decoder builds and the photo from build/ (not served by scripts/serve.js).
    await page.route('**/__wg-build/*', (route) => {
      const name = path.basename(new URL(route.request().url()).pathname);
      const file = name === PHOTO ? photo : path.join(WASM_DIR, name);
      if (!/^(wasm-gallery-decoder(-scalar)?\.(js|wasm)|photo-12mp\.jpg)$/.test(name) || !fs.existsSync(file)) return route.fulfill({ status: 404 });
      return route.fulfill({ body: fs.readFileSync(file), contentType: name.endsWith('.wasm') ? 'application/wasm' : name.endsWith('.js') ? 'text/javascript' : 'image/jpeg' });
    });
    await page.goto(baseUrl + '/bench/decode/decode.html');
    await page.waitForFunction(() => typeof window.decodeBench === 'function');
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'base'] });
    let r, cpu;
    try {
      r = await page.evaluate((cfg) => window.decodeBench(cfg), { photo: PHOTO, srcW: SRC_W, srcH: SRC_H, maxW: MAX_W, maxH: MAX_H, runs });
    } finally {
      cpu = decodeCpuMs(JSON.parse(await browser.stopTracing()));
    }
    const out = (r.simd[0] || {});
    const cpuMedian = (k) => (cpu[k] && cpu[k].length ? +median(cpu[k]).toFixed(1) : null);
    const rows = [
      row('wasm SIMD (shipped): probe + stb_image + resize + premultiply', r.simd.map((x) => x.ms), { cpuMs: cpuMedian('simd'), output: `${out.width}×${out.height}` }),
      row('wasm scalar (same sources, no -msimd128 -msse2)', r.scalar.map((x) => x.ms), { cpuMs: cpuMedian('scalar') }),
      row('browser: createImageBitmap(resize) + getImageData', r.browser.map((x) => x.ms), { cpuMs: cpuMedian('browser') }),
      row('browser: createImageBitmap(resize) alone', r.browser.map((x) => x.bitmapMs)),
    ];
    const [simd, scalar, browserFull, bitmapOnly] = rows.map((x) => x.medianMs);
    const last = r.simd[r.simd.length - 1];
    const ratios = {
      simdSpeedupOverScalar: +(scalar / simd).toFixed(2),
      simdSpeedupOverScalarCpu: rows[0].cpuMs && rows[1].cpuMs ? +(rows[1].cpuMs / rows[0].cpuMs).toFixed(2) : null,
      browserOverSimdCpu: rows[0].cpuMs && rows[2].cpuMs ? +(rows[2].cpuMs / rows[0].cpuMs).toFixed(2) : null,
      browserOverSimd: +(browserFull / simd).toFixed(2),
      bitmapOnlyOverSimd: +(bitmapOnly / simd).toFixed(2),
      decoderMemoryMB: +(last.memoryBytes / MB).toFixed(1),      // the worker's wasm memory: its high-water mark
      decoderStbPeakMB: +(Math.max(...r.simd.map((x) => x.stbPeakBytes)) / MB).toFixed(1),
      decoderInUseAfterKB: +(last.inUseBytes / 1024).toFixed(1),  // malloc'ed bytes left once the result is freed
    };
    log(`decode + downscale of a ${SRC_W}×${SRC_H} JPEG (${(fs.statSync(photo).size / MB).toFixed(1)} MB) to fit ${MAX_W}×${MAX_H}, median of ${runs}:`);
    for (const x of rows) log(`  ${x.name.padEnd(64)} ${String(x.medianMs).padStart(7)} ms  [${x.minMs}–${x.maxMs}]${x.cpuMs ? `  CPU ${x.cpuMs} ms` : ''}`);
    log(`  SIMD is ${ratios.simdSpeedupOverScalar}× as fast as scalar in wall time, ${ratios.simdSpeedupOverScalarCpu}× in CPU time;` +
      ` the browser path takes ${ratios.browserOverSimd}× the SIMD wall time, ${ratios.browserOverSimdCpu}× its CPU time` +
      ` (createImageBitmap alone ${ratios.bitmapOnlyOverSimd}×)`);
    log(`  decoder wasm memory ${ratios.decoderMemoryMB} MB (high-water), stb peak ${ratios.decoderStbPeakMB} MB, ${ratios.decoderInUseAfterKB} KB in use between images`);
    return { rows, ratios };
  } finally {
    await ctx.close();
  }
}

module.exports = { runDecodeBench, ensurePhoto };

if (require.main === module) {
  (async () => {
    const { chromium } = require('playwright-core');
    const { listen } = require('../../scripts/serve.js');
    const srv = await listen(0);
    const browser = await chromium.launch({ executablePath: process.env.WG_CHROMIUM || '/usr/bin/chromium', headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    try {
      await runDecodeBench({ browser, baseUrl: srv.url, runs: +process.argv[2] || 7 });
    } finally {
      await browser.close();
      srv.server.close();
    }
  })().catch((e) => { console.error(e); process.exit(1); });
}
