// fuzz.js — builds the libFuzzer targets in tests/fuzz/ (clang, -fsanitize=fuzzer,address,undefined)
// into build/fuzz/ and runs them on copies of their committed inputs, never in the repo.
//   bounded()        npm test's stage, the same verdict every run: each target replays its seed corpus
//                    (tests/fuzz/corpus/<name>/) and every committed finding (tests/fuzz/regressions/<name>/),
//                    then mutates them for a fixed number of runs from a fixed seed
//   main(args)       npm run fuzz [-- seconds] [target…]: open-ended, random seed, as long as asked, on a
//                    corpus kept in build/fuzz
// A crash leaves its input in build/fuzz/crashes/<target>/; replay it with
//   build/fuzz/<target>_fuzz build/fuzz/crashes/<target>/crash-…
// and commit it under tests/fuzz/regressions/<target>/ with a test naming what it caught (README there).
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'tests/fuzz');
const OUT = path.join(ROOT, 'build/fuzz');
const CXX = process.env.WG_FUZZ_CXX || 'clang++-14';
// npm test's mutation run: a fixed seed and a fixed number of inputs, so two runs execute exactly the
// same inputs (libFuzzer is deterministic for one process with -seed and -runs). The counts keep each
// target near 20 s on this 2-core machine; the time cap only guards against a pathological slowdown.
const BOUNDED_SEED = 20261130;
const BOUNDED_RUNS = { gallery: 60000, image: 15000 };
const BOUNDED_CAP_SECONDS = 240;
// A single input taking longer than this is a hang (a loop that never ends), not a slow decode: the
// slowest legitimate input (a 1 MP strip, see tests/fuzz/image_contract.h) takes ~3 s under ASan.
const INPUT_TIMEOUT_S = 30;
// The image target may decode 1 MP per input; twice the default would still flag a leak per input.
const RSS_LIMIT_MB = 2048;
const SANITIZE = ['-fsanitize=address,undefined', '-fno-sanitize-recover=undefined', '-fno-omit-frame-pointer'];
const CFLAGS = ['-std=c++17', '-O1', '-g', '-DJSON_NOEXCEPTION=1', '-I' + path.join(ROOT, 'widget'),
  '-I' + path.join(ROOT, 'build/third_party/include'), ...SANITIZE];
const JOBS = Math.max(1, Number(process.env.WG_JOBS || 2));

// Targets: tests/fuzz/<name>_fuzz.cpp with seeds in tests/fuzz/corpus/<name>/ (and <name>.dict if any).
function targets() {
  return fs.readdirSync(SRC).filter((f) => /_fuzz\.cpp$/.test(f)).sort().map((f) => {
    const name = f.replace(/_fuzz\.cpp$/, '');
    const dict = path.join(SRC, name + '.dict');
    return { name, src: path.join(SRC, f), seeds: path.join(SRC, 'corpus', name), bin: path.join(OUT, name + '_fuzz'),
      regressions: path.join(SRC, 'regressions', name), dict: fs.existsSync(dict) ? dict : null };
  });
}

function walk(dir, pred, acc = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, pred, acc);
    else if (pred(p)) acc.push(p);
  }
  return acc;
}

const mtime = (p) => { try { return fs.statSync(p).mtimeMs; } catch { return 0; } };

// An object is fresh when it is newer than every file its compiler said it read (the -MMD list).
function fresh(obj) {
  const t = mtime(obj);
  if (!t || !fs.existsSync(obj + '.d')) return false;
  const deps = fs.readFileSync(obj + '.d', 'utf8').replace(/\\\n/g, ' ').split(':').slice(1).join(':')
    .split(/\s+/).filter(Boolean);
  return deps.every((d) => { const m = mtime(path.resolve(ROOT, d)); return m && m < t; });
}

function runJobs(jobs, n) {
  // Runs [cmd, args, label] jobs, n at a time; rejects with the compiler output of the first failure.
  return new Promise((resolve, reject) => {
    let next = 0, active = 0, failed = false;
    const pump = () => {
      if (failed) return;
      if (next === jobs.length && active === 0) return resolve();
      while (active < n && next < jobs.length) {
        const [cmd, args, label] = jobs[next++];
        active++;
        console.log(`  ${label}`);
        const p = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'] });
        let err = '';
        p.stderr.on('data', (d) => { err += d; });
        p.on('close', (code) => {
          active--;
          if (code !== 0) { failed = true; return reject(new Error(`${label} failed:\n${err}`)); }
          if (err.trim()) process.stderr.write(err);
          pump();
        });
      }
    };
    pump();
  });
}

// Compiles every widget/core source once (instrumented for the fuzzer, not linked with its main) and
// links one binary per target. Incremental: an object is rebuilt when a file it includes changed (the
// compiler's -MMD list) or the compiler flags did.
async function build() {
  execFileSync(CXX, ['--version'], { stdio: 'ignore' });
  const core = walk(path.join(ROOT, 'widget/core'), (p) => p.endsWith('.cpp'));
  const objDir = path.join(OUT, 'obj');
  fs.mkdirSync(objDir, { recursive: true });
  // Other compiler or flags than last time: every object is stale.
  const flagsFile = path.join(objDir, 'flags.txt'), flags = [CXX, ...CFLAGS].join(' ');
  const sameFlags = fs.existsSync(flagsFile) && fs.readFileSync(flagsFile, 'utf8') === flags;
  const objects = [], jobs = [];
  const compile = (src, obj) => {
    if (sameFlags && fresh(obj)) return;
    jobs.push([CXX, [...CFLAGS, '-fsanitize=fuzzer-no-link', '-MMD', '-MF', obj + '.d', '-c', src, '-o', obj],
      'compile ' + path.relative(ROOT, src)]);
  };
  for (const src of core) {
    const obj = path.join(objDir, path.relative(path.join(ROOT, 'widget'), src).replace(/[\\/]/g, '_') + '.o');
    objects.push(obj);
    compile(src, obj);
  }
  const list = targets();
  for (const t of list) compile(t.src, path.join(objDir, t.name + '_fuzz.o'));
  await runJobs(jobs, JOBS);
  fs.writeFileSync(flagsFile, flags);
  const links = [];
  for (const t of list) {
    const own = path.join(objDir, t.name + '_fuzz.o');
    if (mtime(t.bin) > Math.max(mtime(own), ...objects.map(mtime))) continue;
    links.push([CXX, ['-fsanitize=fuzzer', ...SANITIZE, own, ...objects, '-o', t.bin], 'link ' + path.relative(ROOT, t.bin)]);
  }
  await runJobs(links, JOBS);
  return list;
}

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  if (!fs.existsSync(from)) return;
  for (const f of fs.readdirSync(from)) {
    const p = path.join(from, f);
    if (fs.statSync(p).isFile()) fs.copyFileSync(p, path.join(to, f));
  }
}

function quiet(log) {
  const lines = log.replace(/###### Recommended dictionary[\s\S]*?###### End of recommended dictionary. ######\n?/, '')
    .split('\n').filter((l) => l.trim() && !/^#\d+\s+(INITED|pulse|NEW|REDUCE|RELOAD)/.test(l));
  return lines.slice(-150).map((l) => '  ' + l).join('\n');
}

const files = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f))
  .filter((p) => fs.statSync(p).isFile() && !p.endsWith('.md')).sort() : []);

// Runs one target with `limits` (libFuzzer flags: how long, which seed) on `inputs` (a scratch corpus
// folder, or files to run once each); resolves with { ok, runs, summary }.
function fuzzOne(t, limits, inputs, what) {
  const crashes = path.join(OUT, 'crashes', t.name) + path.sep;
  fs.mkdirSync(crashes, { recursive: true });
  const args = [...limits, `-timeout=${INPUT_TIMEOUT_S}`, `-rss_limit_mb=${RSS_LIMIT_MB}`,
    '-print_final_stats=1', `-artifact_prefix=${crashes}`, ...(t.dict ? [`-dict=${t.dict}`] : []), ...inputs];
  const shown = inputs.length > 3 ? [...args.slice(0, -inputs.length), `<${inputs.length} files>`] : args;
  console.log(`\n${t.name}: ${what}  (${path.relative(ROOT, t.bin)} ${shown.join(' ')})`);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const p = spawn(t.bin, args, { cwd: OUT, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ASAN_OPTIONS: 'abort_on_error=1:detect_leaks=1', UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1' } });
    let log = '';
    p.stdout.on('data', (d) => { log += d; });
    p.stderr.on('data', (d) => { log += d; });
    p.on('close', (code) => {
      const runs = (log.match(/stat::number_of_executed_units:\s*(\d+)/) || [])[1] ||
        String((log.match(/^Executed .* in \d+ ms$/gm) || []).length || '');
      const cov = [...log.matchAll(/cov: (\d+) ft: (\d+)/g)].pop();
      const artifact = (log.match(/Test unit written to (\S+)/) || [])[1];
      const summary = `${t.name}: ${code === 0 ? 'clean' : 'FAILED (exit ' + code + ')'} — ${runs || '?'} inputs` +
        (cov ? `, ${cov[1]} edges, ${cov[2]} features` : '') + `, ${((Date.now() - t0) / 1000).toFixed(1)} s` +
        (artifact ? `; ${code === 0 ? 'a slow (not failing) input kept in' : 'input saved to'} ${path.relative(ROOT, artifact)}` : '');
      // A clean run prints only its summary; a failure prints libFuzzer's report (the sanitizer's stack,
      // the input's bytes) without the status lines and the recommended dictionary.
      if (code !== 0) console.log(quiet(log));
      console.log(summary);
      resolve({ ok: code === 0, runs: Number(runs) || 0, summary });
    });
  });
}

// npm test: for every target, first each committed input once (seeds and findings: a finding that
// comes back fails here, by name), then a fixed-seed, fixed-count mutation run from them. Two passes
// per target when both ran clean.
async function bounded() {
  const list = await build();
  let passed = 0, failed = 0;
  for (const t of list) {
    const committed = [...files(t.seeds), ...files(t.regressions)];
    const replay = await fuzzOne(t, [], committed, `replay ${committed.length} committed inputs`);
    const work = path.join(OUT, 'work', t.name);
    fs.rmSync(work, { recursive: true, force: true });
    copyDir(t.seeds, work);
    copyDir(t.regressions, work);
    const runs = Number(process.env.WG_FUZZ_RUNS) || BOUNDED_RUNS[t.name] || 50000;
    const mutate = await fuzzOne(t, [`-seed=${BOUNDED_SEED}`, `-runs=${runs}`, `-max_total_time=${BOUNDED_CAP_SECONDS}`],
      [work], `${runs} mutations from seed ${BOUNDED_SEED}`);
    for (const r of [replay, mutate]) if (r.ok) passed++; else failed++;
  }
  return { label: 'fuzz', passed, failed };
}

// npm run fuzz [-- seconds] [target…]: keeps growing build/fuzz/corpus/<target> across runs.
async function main(args = []) {
  const seconds = Number(args.find((a) => /^\d+$/.test(a))) || Number(process.env.WG_FUZZ_SECONDS) || 600;
  // Open-ended: libFuzzer picks a new random seed each run (seed 0).
  const names = args.filter((a) => !/^\d+$/.test(a));
  const all = await build();
  const unknown = names.filter((n) => !all.some((t) => t.name === n));
  if (unknown.length) {
    console.error(`unknown fuzz target(s): ${unknown.join(', ')}; known: ${all.map((t) => t.name).join(', ')}`);
    return 2;
  }
  const list = names.length ? all.filter((t) => names.includes(t.name)) : all;
  const results = [];
  for (const t of list) {
    const corpus = path.join(OUT, 'corpus', t.name);
    copyDir(t.seeds, corpus);
    copyDir(t.regressions, corpus);
    results.push(await fuzzOne(t, [`-max_total_time=${seconds}`], [corpus], `${seconds} s`));
  }
  console.log('\n' + results.map((r) => r.summary).join('\n'));
  return results.every((r) => r.ok) ? 0 : 1;
}

module.exports = { bounded, main, build, targets };

if (require.main === module) main(process.argv.slice(2)).then((c) => { process.exitCode = c; });
