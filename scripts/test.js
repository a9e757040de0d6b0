// test.js — every test, in order: native unit tests (ctest), the same under ASan+UBSan, bounded
// fuzzing, then the browser suite (node:test + playwright-core + Chromium). Prints one summary line
// "N passed, N failed" counting every test case of every stage.
'use strict';
const path = require('path');
const fs = require('fs');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');

function runCapture(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts });
  const out = (r.stdout || '') + (r.stderr || '');
  process.stdout.write(out);
  return { status: r.status, out };
}

function ctest(dir, label) {
  const r = runCapture('ctest', ['--test-dir', dir, '--output-on-failure', '-j', '2', '--timeout', '120']);
  const m = r.out.match(/(\d+)% tests passed, (\d+) tests failed out of (\d+)/);
  if (!m) return { label, passed: 0, failed: 1 };
  const total = +m[3], failed = +m[2];
  return { label, passed: total - failed, failed };
}

// The suites that drive the engine hardest (input, frames, context loss, GPU crash, hidden tabs, fallbacks, embed
// forms) run a second time with the engine on the page's thread, the fallback where a worker cannot
// draw WebGL2 (WG_THREAD=main: harness.js). The others only in render workers, the default, to keep
// the suite short; `WG_THREAD=main npm test` runs every suite that way. iphone: the page's thread is
// where WebKit on an iPhone draws (no WebGL2 in its workers).
const MAIN_THREAD_SUITES = ['a11y', 'break', 'embed', 'fonts', 'foundation', 'gpu-crash', 'iphone', 'poster-gallery'];

// node:test over the *.test.js of `dir` (those named in `only`, if given), counted from its TAP totals.
function nodeSuite(label, dir, env, only) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js') && (!only || only.includes(f.replace('.test.js', ''))))
    .sort().map((f) => path.join(dir, f));
  const r = runCapture(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=tap', ...files],
    { env: { ...process.env, WG_ROOT: ROOT, ...env } });
  const pass = r.out.match(/^# pass (\d+)/m), fail = r.out.match(/^# fail (\d+)/m);
  if (!pass || !fail) return { label, passed: 0, failed: 1 };
  return { label, passed: +pass[1], failed: +fail[1] + (r.status && !+fail[1] ? 1 : 0) };
}

function browser(thread, only) {
  return nodeSuite(`browser (${thread})`, path.join(ROOT, 'tests/browser'), { WG_THREAD: thread }, only);
}

// The reader's journeys (tests/engines/) in each engine a reader may have: Chromium, Firefox (WebDriver
// BiDi) and WebKit (WebDriver), through the one driver of tests/engines/driver.js. The suites above use
// Chromium-only tools (CDP input with timestamps, throttling, Event Timing, request routing) and stay
// in Chromium.
const ENGINES = ['chromium', 'firefox', 'webkit'];

function engineSuite(engine) {
  // Each file of the suite adds its verdicts to this record (tests/engines/journeys.js): a fresh one.
  fs.rmSync(path.join(ROOT, 'test-output/engines', `support-${engine}.json`), { force: true });
  return nodeSuite(`engines (${engine})`, path.join(ROOT, 'tests/engines'), { WG_ENGINE: engine });
}

// The npm package (tests/package/): `npm pack` of the checkout installed offline into Vite, webpack,
// React, Vue and Svelte apps, dist/ from a second origin under a strict CSP, server rendering.
function packageSuite() {
  return nodeSuite('package', path.join(ROOT, 'tests/package'), {});
}

async function runAll(build) {
  const results = [];
  const stage = async (label, fn) => {
    console.log(`\n=== ${label} ===`);
    const t0 = Date.now();
    try {
      const r = await fn();
      if (r) results.push(r);
    } catch (e) {
      console.error(`${label} failed: ${e.message || e}`);
      results.push({ label, passed: 0, failed: 1 });
    }
    console.log(`=== ${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s ===`);
  };
  let nativeDir = null;
  await stage('native build', () => { nativeDir = build.buildNativeTests(); });
  if (nativeDir) await stage('native tests (ctest)', () => ctest(nativeDir, 'native'));
  if (process.env.WG_SKIP_SANITIZERS !== '1') {
    let asanDir = null;
    await stage('native build (ASan+UBSan)', () => { asanDir = build.buildNativeTests({ sanitize: true }); });
    if (asanDir) await stage('native tests under ASan+UBSan', () => ctest(asanDir, 'asan'));
  }
  if (fs.existsSync(path.join(ROOT, 'scripts/fuzz.js')) && process.env.WG_SKIP_FUZZ !== '1') {
    await stage('fuzzing (bounded)', () => require('./fuzz.js').bounded());
  }
  let distOk = false;
  await stage('wasm build (dist/)', async () => { await build.buildDist(); distOk = true; });
  const thread = process.env.WG_THREAD === 'main' ? 'main' : 'worker';
  if (distOk) await stage(`browser tests (Chromium, engines in ${thread === 'main' ? 'the page' : 'render workers'})`, () => browser(thread));
  if (distOk && fs.existsSync(path.join(ROOT, 'tests/package'))) await stage('npm package (bundlers, CDN, frameworks)', () => packageSuite());
  if (distOk && thread === 'worker') {
    await stage('browser tests (Chromium, engines on the page\'s thread)', () => browser('main', MAIN_THREAD_SUITES));
  }

  if (distOk && process.env.WG_SKIP_ENGINES !== '1') {
    for (const engine of ENGINES) await stage(`browser tests in ${engine} (reader's journeys)`, () => engineSuite(engine));
    const table = require('../tests/engines/support.js').table();
    if (table) console.log('\nSupport by engine (test-output/engines/support-*.json):\n' + table);
  }

  console.log('\nSummary by stage:');
  for (const r of results) console.log(`  ${r.label.padEnd(16)} ${r.passed} passed, ${r.failed} failed`);
  const passed = results.reduce((a, r) => a + r.passed, 0), failed = results.reduce((a, r) => a + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

module.exports = { runAll };
