// decode-page.js — the decode benchmark's page side: one module worker per decoder (SIMD build, scalar
// build, the browser's own decoder), the same 12 MP JPEG given to each in turn, round after round, so a
// slow spell on a shared machine hits all three alike. Driven by decode-bench.js through
// window.decodeBench(); the files come from build/ through the route it sets up (BUILD below).
const BUILD = '/__wg-build/';

function worker() {
  const w = new Worker('/bench/decode/bench-worker.js', { type: 'module' });
  const call = (msg, transfer = []) => new Promise((resolve, reject) => {
    w.onmessage = (e) => (e.data.ok ? resolve(e.data) : reject(new Error(e.data.error)));
    w.onerror = (e) => reject(new Error(e.message || 'bench worker failed'));
    w.postMessage(msg, transfer);
  });
  return { call, end: () => w.terminate() };
}

async function bytesOf(name) {
  const r = await fetch(BUILD + name);
  if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
  return r.arrayBuffer();
}

async function decoder(module, label) {
  const w = worker();
  const [glue, wasm] = await Promise.all([bytesOf(module + '.js').then((b) => new TextDecoder().decode(b)), bytesOf(module + '.wasm')]);
  await w.call({ cmd: 'load', glue, wasm, label }, [wasm]);
  return w;
}

// {photo, srcW, srcH, maxW, maxH, runs} → {simd: [...], scalar: [...], browser: [...]} (one entry per run,
// after one warm-up run each that is not counted: it includes compiling the wasm's hot paths).
window.decodeBench = async ({ photo, srcW, srcH, maxW, maxH, runs }) => {
  const jpeg = await bytesOf(photo);
  const subjects = {
    simd: await decoder('wasm-gallery-decoder', 'simd'),
    scalar: await decoder('wasm-gallery-decoder-scalar', 'scalar'),
  };
  subjects.browser = await decoder('wasm-gallery-decoder', 'browser'); // for fit_size; it decodes with createImageBitmap
  const out = { simd: [], scalar: [], browser: [] };
  for (let round = 0; round <= runs; round++) {
    for (const [name, w] of Object.entries(subjects)) {
      const bytes = jpeg.slice(0);
      const r = await w.call({ cmd: name === 'browser' ? 'browser' : 'wasm', bytes, maxW, maxH, srcW, srcH }, [bytes]);
      if (round > 0) out[name].push(r);
    }
  }
  for (const w of Object.values(subjects)) w.end();
  return out;
};
