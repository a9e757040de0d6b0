// decode-worker.js — dist/wasm-gallery-worker.js: the decode worker shared by every gallery on a page.
// Fetches a photo (so its body never passes through the main thread) or takes its bytes, decodes it
// with the core (the wasm-gallery-decoder module: probe, stb_image, downscale, EXIF orientation,
// premultiply) or, for what stb lacks (WebP, AVIF, RLE BMP…), with the browser's createImageBitmap here
// in the same worker, and hands back display-size pixels. Fetches run side by side; decodes one at a
// time, in the order their bytes arrive, and the module's heap is emptied after each.
//
// Loaded as a page script instead (no Worker allowed: a CSP without worker-src, or no Worker at all), it
// runs the same decoder on the page's thread: `self.wasmGalleryDecoder(job)` → the reply message.
//
// Messages in:  {module: WebAssembly.Module | null, url} first, then
//   {id, url | bytes (ArrayBuffer, transferred), maxW, maxH, maxPixels, crop?, port?}   {cancel: id}
//   crop [x0, y0, x1, y1]: only that part of the displayed photo (a zoomed photo's detail); the pixels
//   then carry the part they hold (crop) and the whole photo's size (source).
//   With a port (a render worker's MessagePort), the pixels {width, height, pixels} go out on it and
//   the reply carries no pixels.
// Messages out: {ready: true} | {ready: false, error} once, when the decoder module is (not) usable;
//   per job, {id, fetched: byteLength} when its bytes are in (fetched jobs only), then exactly one of
//   {id, width, height, pixels (ArrayBuffer, transferred), opaque, path: 'wasm'|'browser', ms, heap},
//   {id, error: {id, message}, ms, heap} or {id, cancelled: true}.
import createWasmGalleryDecoder from 'wasm-gallery-decoder-glue';
import { decodeEncoded, finishRgba, fitSize, heapReport } from './decoder-abi.js';
import { fetchPhoto, failure } from './fetch-photo.js';

const IN_WORKER = typeof WorkerGlobalScope !== 'undefined';
// The worker's own URL is dist/'s; a cross-origin page starts us from a blob that sets wgWorkerBase; as
// a page script, our <script>'s src is.
const BASE = self.wgWorkerBase || (IN_WORKER ? self.location.href : document.currentScript.src);

let compiled = null;  // Promise<WebAssembly.Module>: compiled once, instantiated again after a crash
let instance = null;  // Promise<decoder module>

// The pool's first message is the decoder module it compiled once for every worker ({module}), or
// {module: null} when it could not: then this worker fetches and compiles the module itself.
// The module's URL comes with it (the page knows it, even when an app's bundler renamed the files), or
// as a page script from the page's asset list; else it is the file next to ours.
let receiveModule;
let decoderUrl = null;
const pageModule = new Promise((resolve) => { receiveModule = resolve; });

function compile() {
  if (!compiled) {
    compiled = pageModule.then(async (mod) => {
      if (mod instanceof WebAssembly.Module) return mod;
      const assets = IN_WORKER ? null : self.__wasmGalleryAssets;
      const url = decoderUrl || (assets && assets['wasm-gallery-decoder.wasm']) || new URL('wasm-gallery-decoder.wasm', BASE).href;
      const r = await fetch(url, { credentials: 'same-origin' });
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return WebAssembly.compile(await r.arrayBuffer());
    });
    compiled.catch(() => { compiled = null; });
  }
  return compiled;
}

function decoder() {
  if (!instance) {
    instance = compile().then((mod) => new Promise((resolve, reject) => {
      createWasmGalleryDecoder({
        locateFile: (p) => new URL(p, BASE).href, // the glue's own guess needs import.meta, gone once bundled
        print: () => {},
        printErr: (s) => console.warn('[wasm-gallery decoder]', s),
        onAbort: (what) => reject(new Error('decoder aborted: ' + what)),
        instantiateWasm(imports, receive) {
          WebAssembly.instantiate(mod, imports).then((inst) => receive(inst, mod), reject);
          return {};
        },
      }).then(resolve, reject);
    }));
    instance.catch(() => { instance = null; });
  }
  return instance;
}

// Formats stb_image lacks: the browser decodes straight to the displayed size (its decoders can skip
// the full-size bitmap), applying the EXIF orientation itself; the core then premultiplies, exactly as
// for stb's pixels. Headers without a size (AVIF) are decoded whole and drawn scaled.
async function browserDecode(M, bytes, fb, maxW, maxH, maxPixels, crop) {
  const opts = { premultiplyAlpha: 'premultiply', imageOrientation: 'from-image', colorSpaceConversion: 'default' };
  const known = fb.width > 0 && fb.height > 0;
  if (known && !crop) {
    const s = fitSize(M, fb.width, fb.height, maxW, maxH);
    Object.assign(opts, { resizeWidth: s.width, resizeHeight: s.height, resizeQuality: 'high' });
  }
  let bmp;
  try {
    bmp = await createImageBitmap(new Blob([bytes]), opts);
  } catch {
    return { error: { id: 'image.corrupt', message: `the browser could not decode this ${fb.format} image` } };
  }
  try {
    const limit = maxPixels > 0 ? maxPixels : Infinity;
    if ((!known || crop) && bmp.width * bmp.height > limit) {
      return { error: { id: 'image.too_many_pixels', message: `${bmp.width}×${bmp.height} is ${(bmp.width * bmp.height / 1e6).toFixed(1)} MP, over the ${(limit / 1e6).toFixed(1)} MP limit` } };
    }
    // A crop (a zoomed photo): that part of the whole bitmap, in whole pixels.
    const c = crop ? wholePixels(crop, bmp.width, bmp.height) : null;
    const sw = c ? c.w : bmp.width, sh = c ? c.h : bmp.height;
    const s = known && !crop ? { width: bmp.width, height: bmp.height } : fitSize(M, sw, sh, maxW, maxH);
    const canvas = IN_WORKER || typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(s.width, s.height)
      : Object.assign(document.createElement('canvas'), { width: s.width, height: s.height });
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    ctx.imageSmoothingQuality = 'high';
    if (c) ctx.drawImage(bmp, c.x, c.y, c.w, c.h, 0, 0, s.width, s.height);
    else ctx.drawImage(bmp, 0, 0, s.width, s.height);
    const rgba = ctx.getImageData(0, 0, s.width, s.height).data;  // straight alpha
    canvas.width = canvas.height = 0;  // let the canvas's own buffer go now, not at GC
    const r = finishRgba(M, rgba, s.width, s.height, maxW, maxH, maxPixels);
    if (c && !r.error) {
      r.crop = [c.x / bmp.width, c.y / bmp.height, (c.x + c.w) / bmp.width, (c.y + c.h) / bmp.height];
      r.source = [bmp.width, bmp.height];
    }
    return r;
  } finally {
    bmp.close();
  }
}

// A crop [x0, y0, x1, y1] (fractions) of a w × h image, widened to whole pixels, at least one.
function wholePixels([x0, y0, x1, y1], w, h) {
  const x = Math.min(w - 1, Math.max(0, Math.floor(x0 * w))), y = Math.min(h - 1, Math.max(0, Math.floor(y0 * h)));
  return { x, y, w: Math.max(x + 1, Math.min(w, Math.ceil(x1 * w))) - x, h: Math.max(y + 1, Math.min(h, Math.ceil(y1 * h))) - y };
}

// Decodes job.bytes (an ArrayBuffer) → the reply message (see the top of this file).
async function handle(job) {
  const t0 = performance.now();
  let M;
  try {
    M = await decoder();
  } catch (e) {
    return { id: job.id, error: { id: 'decoder.unavailable', message: `the image decoder could not start (${e.message})` } };
  }
  const bytes = new Uint8Array(job.bytes);
  let r, path = 'wasm';
  try {
    r = decodeEncoded(M, bytes, job.maxW, job.maxH, job.maxPixels, job.crop);
    if (r.fallback) {
      path = 'browser';
      r = await browserDecode(M, bytes, r.fallback, job.maxW, job.maxH, job.maxPixels, job.crop);
    }
  } catch (e) {
    // A trap (out of memory inside stb, a bug) leaves the instance unusable: start a fresh one next time.
    instance = null;
    return { id: job.id, error: { id: 'image.out_of_memory', message: `the decoder stopped on this image (${e.message || e})` } };
  }
  const reply = { id: job.id, path, ms: performance.now() - t0, heap: heapReport(M) };
  if (r.error) reply.error = r.error;
  else {
    Object.assign(reply, { width: r.width, height: r.height, pixels: r.pixels, opaque: r.opaque });
    if (job.crop) Object.assign(reply, { crop: r.crop, source: r.source });
  }
  return reply;
}

const jobs = new Map(); // id → AbortController of a job not finished yet
let decodes = Promise.resolve();

// Decodes one after another: each may hold a full-size image in the module's heap.
function serially(fn) {
  const run = decodes.then(fn);
  decodes = run.catch(() => {});
  return run;
}

async function run(job) {
  const ctrl = new AbortController();
  jobs.set(job.id, ctrl);
  try {
    let bytes = job.bytes;
    if (!bytes) {
      if (!/^(https?|blob):/i.test(job.url || '')) throw failure('image.url', 'no URL to fetch');
      bytes = await fetchPhoto(job.url, ctrl.signal);
      self.postMessage({ id: job.id, fetched: bytes.byteLength });
    }
    const reply = await serially(() => (ctrl.signal.aborted ? null : handle({ ...job, bytes })));
    if (!reply || ctrl.signal.aborted) return self.postMessage({ id: job.id, cancelled: true });
    if (job.port && reply.pixels) {
      job.port.postMessage({ width: reply.width, height: reply.height, pixels: reply.pixels, opaque: reply.opaque, crop: reply.crop, source: reply.source }, [reply.pixels]);
      job.port = null; // the render worker closes it once the pixels are in
      delete reply.pixels;
    }
    self.postMessage(reply, reply.pixels ? [reply.pixels] : []);
  } catch (e) {
    if (ctrl.signal.aborted) return self.postMessage({ id: job.id, cancelled: true });
    self.postMessage({ id: job.id, error: { id: e.id || 'decoder.failed', message: String(e && e.message || e) } });
  } finally {
    jobs.delete(job.id);
    if (job.port) job.port.close(); // no pixels for it: cancelled or failed
  }
}

if (IN_WORKER) {
  decodes = decoder().then(
    () => self.postMessage({ ready: true }),
    (e) => self.postMessage({ ready: false, error: String(e && e.message || e) }));
  self.onmessage = (e) => {
    const m = e.data;
    if ('module' in m) { decoderUrl = m.url || null; return receiveModule(m.module); }
    if (m.cancel !== undefined) {
      const ctrl = jobs.get(m.cancel);
      if (ctrl) ctrl.abort(); // a fetch stops; a queued decode is skipped; a running one finishes unseen
      return;
    }
    run(m);
  };
} else {
  // The page already has the bytes ({bytes, maxW, maxH, maxPixels}); the module is fetched here.
  receiveModule(null);
  self.wasmGalleryDecoder = (job) => serially(() => handle(job));
}
