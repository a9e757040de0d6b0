// images.js — gets the photos one gallery's wasm asks for ("want": nearest first, at the displayed
// pixel size): the current slide first, then ±1 once its bytes are in, then ±2 once those are done and
// the browser is idle; aborts what is no longer wanted (a jump by dots or goTo). The page's shared
// decode workers (decode-pool.js) fetch and decode, so neither the body nor the decode touches the main
// thread; the display-size pixels go to the engine (a texture, wg_image_texture). Only without workers are photos
// fetched here and decoded on the main thread, by the same decoder loaded as a page script. A photo that cannot be had becomes a
// placeholder with a short reason in its slide and an `error` event {message, slide, id}; the other
// slides carry on.
import { decodePool } from './decode-pool.js';
import { fetchPhoto, dataUrlBytes, failure } from './fetch-photo.js';
import { pageScript } from './base-url.js';
import { whenIdle } from './idle.js';

// Photos fetched or decoded at once per gallery; the rings below decide which, and a third would only
// split the bandwidth the current slide needs.
const MAX_IN_FLIGHT = 2;
// How long the ±2 ring waits for an idle moment before it loads anyway.
const IDLE_TIMEOUT_MS = 1000;

export class ImageLoader {
  constructor(gallery) {
    this.g = gallery;
    this.jobs = new Map();   // slide → { slide, url, width, height, ctrl, fetching } being fetched or decoded
    this.state = new Map();  // slide → 'loaded' | 'failed' (first outcome: `ready` waits for the current one)
    this.queue = [];         // wanted and not started, nearest first
    this.idle = null;        // cancels the pending wait for an idle moment (idle.js) of the ±2 ring
    this.idleGranted = false;
    this.shown = new Map();  // slide → { path: 'wasm'|'browser'|'main', ms, width, height } of the photo shown
    this.failed = new Map(); // slide → { reason, id, decodeMs } of the photo that could not be shown
    this.pool = decodePool();
    this.detail = null;      // the zoomed photo's sharper part being fetched and decoded (want with a crop)
  }

  settled(slide) { return this.state.has(slide); }

  want(all) {
    this._wantDetail(all.find((w) => w.crop));
    const list = all.filter((w) => !w.crop);
    const wanted = new Set(list.map((w) => w.slide));
    for (const [slide, job] of this.jobs) {
      if (!wanted.has(slide)) { job.ctrl.abort(); this.jobs.delete(slide); }
    }
    this.queue = list.filter((w) => {
      const j = this.jobs.get(w.slide);
      return !j || j.width < w.width || j.height < w.height; // larger than in flight: e.g. fullscreen
    });
    this._pump();
  }

  destroy() {
    this._wantDetail(null);
    for (const job of this.jobs.values()) job.ctrl.abort();
    this.jobs.clear();
    this.queue = [];
    this._cancelIdle();
  }

  // Slides away from the current one (wrapping when the gallery loops): 0 current, 1 neighbours, …
  _ring(slide) {
    const n = this.g.count, i = this.g.index;
    const d = Math.abs(slide - i);
    const loop = this.g._model && this.g._model.options && this.g._model.options.loop;
    return loop && n > 0 ? Math.min(d, n - d) : d;
  }

  _pump() {
    if (this.g._destroyed) return;
    while (this.queue.length && this.jobs.size < MAX_IN_FLIGHT) {
      const ring = this._ring(this.queue[0].slide);
      const busy = [...this.jobs.values()];
      // ±1 waits until the current photo's bytes are in; ±2 until ±1 are done and the page is idle.
      if (ring >= 1 && busy.some((j) => j.fetching && this._ring(j.slide) < 1)) return;
      if (ring >= 2) {
        if (busy.some((j) => this._ring(j.slide) < 2)) return;
        if (!this.idleGranted) return this._waitIdle();
        this.idleGranted = false;
      }
      this._load(this.queue.shift());
    }
  }

  _waitIdle() {
    if (this.idle) return;
    const go = () => { this.idle = null; this.idleGranted = true; this._pump(); };
    this.idle = whenIdle(go, IDLE_TIMEOUT_MS);
  }

  _cancelIdle() {
    if (!this.idle) return;
    this.idle();
    this.idle = null;
  }

  async _load(w) {
    const g = this.g;
    const old = this.jobs.get(w.slide);
    if (old) old.ctrl.abort();
    const job = { ...w, ctrl: new AbortController(), fetching: true };
    job.live = () => this.jobs.get(w.slide) === job;
    job.fetched = () => this._fetched(job);
    this.jobs.set(w.slide, job);
    const current = () => this.jobs.get(w.slide) === job && !g._destroyed && g._client;
    const t0 = performance.now();
    let url = null;
    try {
      url = photoUrl(w.url, g._jsonUrl);
      const shown = await this._decode(job, url);
      if (!current()) return;
      this.state.set(w.slide, 'loaded');
      this.shown.set(w.slide, { ...shown, ms: performance.now() - t0 });
    } catch (e) {
      if (e.name === 'AbortError' || !current()) return;
      this._fail(job, e, url);
    } finally {
      if (this.jobs.get(w.slide) === job) this.jobs.delete(w.slide);
      this._pump();
    }
  }

  // The connection is free for the next photo while this one decodes.
  _fetched(job) {
    job.fetching = false;
    this._pump();
  }

  _fail(job, e, url) {
    const g = this.g, reason = e.message || String(e);
    this.state.set(job.slide, 'failed');
    const id = e.id || 'image.failed';
    this.failed.set(job.slide, { reason, id, decodeMs: e.ms });
    g._send('imageFailed', { slide: job.slide, reason });
    g._dispatch('error', { message: `Slide ${job.slide + 1}: ${reason} (${url ? url.href : job.url})`, slide: job.slide, id });
  }

  // The workers fetch and decode; only when this browser (or page) cannot run them, this thread does.
  async _decode(job, url) {
    const maxPixels = this._maxPixels();
    const data = url.protocol === 'data:' ? dataUrlBytes(url.href) : null; // see fetch-photo.js
    if (this.pool) {
      // A render worker takes the pixels from the decode worker itself (client.pixelPort).
      const port = this.g._client.pixelPort(job.slide);
      try {
        const img = await this.pool.decode({ url: data ? undefined : url.href, bytes: data || undefined,
          maxW: job.width, maxH: job.height, maxPixels, crop: job.crop, port: port || undefined, rank: () => this._ring(job.slide),
          onFetched: job.fetched }, job.ctrl.signal);
        if (!job.live() || !this.g._client) return null;
        if (!port) this._upload(job.slide, img);
        return { path: img.path, width: img.width, height: img.height };
      } catch (e) {
        if (port) port.close(); // never sent (still waiting for a worker), or sent and done with
        if (e.id !== 'decoder.unavailable') throw e;
        console.warn('[wasm-gallery] decoding on the main thread:', e.message);
      }
    }
    const bytes = data ? dataUrlBytes(url.href) : await fetchPhoto(url.href, job.ctrl.signal); // `data` may be transferred
    job.fetched();
    if (!job.live() || !this.g._client) return null;
    return this._decodeHere(job, new Uint8Array(bytes));
  }

  _maxPixels() {
    const o = this.g._model && this.g._model.options;
    return (o && o.maxPixels) || 0;
  }

  // Decoded pixels (premultiplied RGBA) to the engine, transferred, not copied.
  _upload(slide, img) {
    this.g._send('image', { slide, width: img.width, height: img.height, pixels: img.pixels, opaque: img.opaque, crop: img.crop, source: img.source }, [img.pixels]);
  }

  // Zoomed in beyond what the whole photo's texture holds, the wasm wants the part on screen again at
  // the screen's resolution ({slide, url, width, height, crop}); one at a time, the newest wins. It is
  // only sharper: a failure leaves the whole photo shown and is not the slide's error.
  _wantDetail(w) {
    const d = this.detail;
    if (d && w && d.slide === w.slide && d.url === w.url && d.width === w.width && d.height === w.height &&
        d.crop.every((v, k) => v === w.crop[k])) return;  // that one is on its way
    if (d) d.ctrl.abort();
    this.detail = null;
    if (!w || this.g._destroyed) return;
    const job = { ...w, ctrl: new AbortController() };
    job.live = () => this.detail === job;
    job.fetched = () => {};
    this.detail = job;
    (async () => {
      try {
        await this._decode(job, photoUrl(w.url, this.g._jsonUrl));
      } catch (e) {
        if (e.name !== 'AbortError' && job.live()) console.warn('[wasm-gallery] the zoomed photo stays as it is:', e.message || e);
      } finally {
        if (this.detail === job) this.detail = null;
      }
    })();
  }

  // The engine's word on pixels it was given: a refusal is the photo's failure, unless the gallery has
  // no context at the moment (parked or lost) — then the photo is asked for again once it has one.
  uploaded({ slide, ok }) {
    if (ok || this.g._destroyed) return;
    this.shown.delete(slide);
    if (!this.g._glLive) return this.state.delete(slide);
    this._fail({ slide, url: '' }, failure('image.upload', 'could not upload the photo'), null);
  }

  // No workers: the decoder decodes on this thread (a large photo blocks the page while it does).
  async _decodeHere(job, bytes) {
    const r = await (await pageDecoder())({ bytes: bytes.buffer, maxW: job.width, maxH: job.height, maxPixels: this._maxPixels(), crop: job.crop });
    if (r.error) throw failure(r.error.id, r.error.message);
    if (!job.live() || !this.g._client) return null;
    this._upload(job.slide, r);
    return { path: 'main', width: r.width, height: r.height };
  }
}

// The decode worker's script run as a page script: the same decoder, on this thread. Loaded only when
// workers cannot run, so the widget's own wasm carries no decoder.
function pageDecoder() {
  return pageScript('wasm-gallery-worker.js', 'wasmGalleryDecoder', (why) => failure('decoder.unavailable', `the image decoder could not load (${why})`));
}

// The photo's absolute URL, if it is one we fetch (the validator has already refused the rest).
function photoUrl(raw, base) {
  let url;
  try {
    url = new URL(raw, base);
  } catch {
    throw failure('image.url', 'not a valid URL');
  }
  const scheme = url.protocol.toLowerCase();
  if (!(scheme === 'http:' || scheme === 'https:' || scheme === 'blob:' || /^data:image\//i.test(url.href))) {
    throw failure('image.url', `refused URL scheme "${url.protocol}"`);
  }
  return url;
}
