// decode-pool.js — the page's decode workers (dist/wasm-gallery-worker.js), shared by every gallery on
// it: started on the first job, at most MAX_WORKERS, each job sent to the least busy worker as soon as
// one is up (the worker fetches it, then decodes its photos one at a time), cancellable until it is
// done. Not the decoding itself (decode-worker.js) nor what to load when (images.js). Needs no
// SharedArrayBuffer, so no COOP/COEP headers of the page.
import { assetUrl, startWorker } from './base-url.js';

// Two decoders keep one gallery's huge photo from holding up another gallery's current slide; more
// would compete with the main thread on two-core phones and multiply the decoders' memory.
const MAX_WORKERS = 2;
// A worker idle this long is ended: its wasm memory (never shrinking, sized by the largest photo it
// decoded) goes back to the system. Restarting one costs an instantiation of the compiled decoder.
// (Tests shorten it with self.__wgDecodeIdleMs.)
const idleMs = () => self.__wgDecodeIdleMs || 30000;

let shared; // undefined: not created yet; null: this browser cannot run decode workers
let decoderModule = null; // Promise<WebAssembly.Module | null>: the decoder, fetched and compiled once

// One download and one compile of the decoder for the page, posted to every worker (a Module is
// cloneable): two workers used to fetch and compile it twice. null when that fails here (a worker
// then tries on its own and reports what went wrong).
function compiledDecoder() {
  if (!decoderModule) {
    decoderModule = (async () => {
      const r = await fetch(assetUrl('wasm-gallery-decoder.wasm'), { credentials: 'same-origin' });
      if (!r.ok) return null;
      return WebAssembly.compile(await r.arrayBuffer());
    })().catch(() => null);
  }
  return decoderModule;
}

// The page's pool, or null when Worker / OffscreenCanvas / createImageBitmap are missing (then the
// loader fetches and decodes on the main thread).
export function decodePool() {
  if (shared === undefined) {
    const ok = typeof Worker === 'function' && typeof OffscreenCanvas === 'function' && typeof createImageBitmap === 'function';
    shared = ok ? new DecodePool() : null;
  }
  return shared;
}

// A decode that failed: `id` is stable (image.* from fetch or the core, decoder.* from here), `message`
// short; `ms` is the time the worker's decoder spent before refusing, when it got that far.
export class DecodeError extends Error {
  constructor(id, message, ms) {
    super(message);
    this.id = id;
    if (ms !== undefined) this.ms = ms;
  }
}

function abortError() {
  return new DOMException('decode cancelled', 'AbortError');
}

class DecodePool {
  constructor() {
    this.workers = [];       // { worker, blobUrl, ready, jobs: Map id → job, idle }
    this.waiting = [];       // jobs not sent yet (no worker ready)
    this.nextId = 1;
    this.unavailable = null; // why workers cannot run here; then every decode rejects at once
    this.everReady = false;
    this.peakWorkerMemory = 0; // the largest wasm memory a decoder reported: its high-water mark
    this.done = 0;
  }

  // One photo: {url (absolute) | bytes (ArrayBuffer, transferred), maxW, maxH, maxPixels, crop?, port, rank, onFetched}
  // (crop: only that part of the photo, see decode-worker.js).
  // With a MessagePort (transferred), the pixels go out on it, to a render worker, and not to this thread.
  // rank() orders jobs waiting for a worker (0 = a gallery's current slide); onFetched() is called when
  // the worker has the bytes. Resolves {width, height, pixels: ArrayBuffer (premultiplied RGBA), path:
  // 'wasm'|'browser', ms}; rejects with a DecodeError, or an AbortError once `signal` aborts.
  decode({ url, bytes, maxW, maxH, maxPixels, crop, port, rank = () => 0, onFetched = () => {} }, signal) {
    if (this.unavailable) return Promise.reject(new DecodeError('decoder.unavailable', this.unavailable));
    if (signal && signal.aborted) return Promise.reject(abortError());
    return new Promise((resolve, reject) => {
      const job = { id: this.nextId++, msg: { url, bytes, maxW, maxH, maxPixels, crop, port }, rank, onFetched, settled: false, worker: null };
      job.resolve = (v) => { job.settled = true; resolve(v); };
      job.reject = (e) => { job.settled = true; reject(e); };
      if (signal) {
        signal.addEventListener('abort', () => {
          if (job.settled) return;
          const i = this.waiting.indexOf(job);
          if (i >= 0) this.waiting.splice(i, 1);
          if (job.worker) job.worker.worker.postMessage({ cancel: job.id }); // its reply is {cancelled}
          job.reject(abortError());
        }, { once: true });
      }
      this.waiting.push(job);
      this._dispatch();
    });
  }

  // Starts the first worker (and the decoder's download and compile) before any photo is asked for:
  // a gallery calls it once its first photo is on screen, so the decoder is ready when the wasm
  // asks for photos instead of being fetched only then.
  warm() {
    if (!this.workers.length && !this.unavailable) this._spawn();
  }

  stats() {
    return { workers: this.workers.length, peakWorkerMemory: this.peakWorkerMemory, done: this.done, waiting: this.waiting.length };
  }

  _dispatch() {
    const ready = this.workers.filter((w) => w.ready);
    if (this.waiting.length && !this.workers.some((w) => !w.ready) && this.workers.length < MAX_WORKERS &&
        (!ready.length || ready.every((w) => w.jobs.size > 0))) {
      this._spawn(); // every worker is busy (or there is none): start another
    }
    if (!ready.length) return;
    this.waiting.sort((a, b) => a.rank() - b.rank() || a.id - b.id);
    while (this.waiting.length) {
      const job = this.waiting.shift();
      const w = ready.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
      job.worker = w;
      w.jobs.set(job.id, job);
      const { msg } = job;
      w.worker.postMessage({ id: job.id, ...msg }, [msg.bytes, msg.port].filter(Boolean));
      job.msg = null;
    }
  }

  _spawn() {
    let w;
    try {
      w = { ...startWorker('wasm-gallery-worker.js'), ready: false, jobs: new Map(), idle: 0 };
    } catch (e) {
      // A CSP without worker-src for us, or no Worker in this context.
      if (!this.workers.length) this._giveUp(`workers are not allowed here (${e.message})`);
      return;
    }
    this.workers.push(w);
    compiledDecoder().then((module) => {
      // The decoder's URL too: an app's bundler may have renamed it, so the worker's own URL is no guide.
      const url = assetUrl('wasm-gallery-decoder.wasm');
      try { w.worker.postMessage({ module, url }); } catch { w.worker.postMessage({ module: null, url }); }
    });
    w.worker.onmessage = (e) => this._onMessage(w, e.data);
    w.worker.onerror = (e) => {
      e.preventDefault();
      this._lost(w, e.message || 'the decode worker failed to load');
    };
  }

  _onMessage(w, m) {
    if ('ready' in m) {
      if (w.blobUrl) URL.revokeObjectURL(w.blobUrl);
      if (!m.ready) return this._lost(w, m.error);
      w.ready = true;
      this.everReady = true;
      if (!w.jobs.size && !this.waiting.length) this._idleLater(w); // warmed, nothing to do yet
      return this._dispatch();
    }
    const job = w.jobs.get(m.id);
    if (!job) return;
    if (m.fetched !== undefined) {
      if (!job.settled) job.onFetched(m.fetched);
      return;
    }
    w.jobs.delete(m.id);
    if (m.heap) this.peakWorkerMemory = Math.max(this.peakWorkerMemory, m.heap.memoryBytes);
    if (!m.cancelled) this.done++;
    if (!job.settled) {
      if (m.cancelled) job.reject(abortError());
      else if (m.error) job.reject(new DecodeError(m.error.id, m.error.message, m.ms));
      else job.resolve({ width: m.width, height: m.height, pixels: m.pixels, opaque: m.opaque, path: m.path, ms: m.ms, crop: m.crop, source: m.source });
    }
    if (!w.jobs.size) this._idleLater(w);
    this._dispatch();
  }

  // A worker died or never started: its jobs fail; a replacement starts for what waits, unless no
  // worker ever started here — then workers are unusable on this page.
  _lost(w, why) {
    w.worker.terminate();
    clearTimeout(w.idle);
    this.workers.splice(this.workers.indexOf(w), 1);
    for (const job of w.jobs.values()) if (!job.settled) job.reject(new DecodeError('decoder.crashed', `the decode worker stopped (${why})`));
    if (!w.ready && !this.everReady) return this._giveUp(why);
    this._dispatch();
  }

  _giveUp(why) {
    this.unavailable = why;
    for (const w of this.workers) w.worker.terminate();
    this.workers = [];
    for (const job of this.waiting.splice(0)) job.reject(new DecodeError('decoder.unavailable', why));
  }

  // Ends `w` once it has had no job for idleMs(). One timer per worker, re-armed only when it fires
  // (not per job: a timer per finished photo is main-thread work while a reader swipes).
  _idleLater(w) {
    w.lastBusy = performance.now();
    if (w.idle) return;
    const check = () => {
      const left = w.lastBusy + idleMs() - performance.now();
      if (w.jobs.size || left > 0) { w.idle = setTimeout(check, Math.max(left, 1000)); return; }
      w.idle = 0;
      w.worker.terminate();
      const i = this.workers.indexOf(w);
      if (i >= 0) this.workers.splice(i, 1);
    };
    w.idle = setTimeout(check, idleMs());
  }
}
