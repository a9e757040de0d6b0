// bench-worker.js — one decoder under test, in its own module worker (so SIMD and scalar builds never
// share a heap): loads the module it is sent, then times decodes through the same ABI wrapper the
// widget's worker uses (web/src/decoder-abi.js), or the browser's createImageBitmap path.
import { decodeEncoded, fitSize, heapReport } from '/src/decoder-abi.js';

let M = null;

async function load({ glue, wasm, label }) {
  performance.mark('wg-bench-' + label); // names this thread in the trace decode-bench.js records
  // The Emscripten glue is an ES module: import it from a blob, hand it the wasm bytes directly.
  const url = URL.createObjectURL(new Blob([glue], { type: 'text/javascript' }));
  const create = (await import(url)).default;
  URL.revokeObjectURL(url);
  // locateFile: the glue's default resolves against import.meta.url, which a blob: URL cannot be a base of.
  M = await create({ wasmBinary: wasm, locateFile: (p) => p, print: () => {}, printErr: (s) => console.warn(s) });
  return { memoryBytes: M.HEAPU8.length };
}

function wasmDecode({ bytes, maxW, maxH }) {
  M._wgd_reset_stb_peak();
  performance.mark('wg-decode'); // inside the task whose CPU time the trace gives
  const t0 = performance.now();
  const r = decodeEncoded(M, new Uint8Array(bytes), maxW, maxH, 0);
  const ms = performance.now() - t0;
  if (r.error || r.fallback) throw new Error(JSON.stringify(r.error || r.fallback));
  return { ms, width: r.width, height: r.height, stbPeakBytes: M._wgd_stb_peak(), ...heapReport(M) };
}

// What decode-worker.js does for formats stb lacks: decode at the displayed size, read the pixels back.
async function browserDecode({ bytes, maxW, maxH, srcW, srcH }) {
  const s = M ? fitSize(M, srcW, srcH, maxW, maxH) : { width: maxW, height: maxH };
  performance.mark('wg-browser-start'); // decode-bench.js sums the renderer's CPU time in between
  const t0 = performance.now();
  const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }), {
    resizeWidth: s.width, resizeHeight: s.height, resizeQuality: 'high', premultiplyAlpha: 'premultiply', imageOrientation: 'from-image' });
  const bitmapMs = performance.now() - t0;
  const canvas = new OffscreenCanvas(bmp.width, bmp.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(bmp, 0, 0);
  ctx.getImageData(0, 0, bmp.width, bmp.height);
  bmp.close();
  const ms = performance.now() - t0;
  performance.mark('wg-browser-end');
  return { ms, bitmapMs, width: s.width, height: s.height };
}

self.onmessage = async (e) => {
  const { cmd } = e.data;
  try {
    const out = cmd === 'load' ? await load(e.data) : cmd === 'wasm' ? wasmDecode(e.data) : await browserDecode(e.data);
    self.postMessage({ ok: true, ...out });
  } catch (err) {
    self.postMessage({ ok: false, error: String(err && err.message || err) });
  }
};
