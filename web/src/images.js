// images.js — gets the photos the wasm asks for ("want": nearest first, at the displayed pixel
// size): fetch with AbortController, current slide first, then ±1, then ±2 when idle; aborts what is
// no longer wanted; hands bytes to the wasm's decoder; reports failures per slide.
// Limits: encoded bytes are capped before they are read into memory (same limit as the core).
const MAX_ENCODED_BYTES = 30 * 1024 * 1024;

export class ImageLoader {
  constructor(gallery) {
    this.g = gallery;
    this.jobs = new Map();    // slide → { url, width, height, ctrl }
    this.state = new Map();   // slide → 'loaded' | 'failed'
    this.queue = [];
    this.running = 0;
  }

  settled(slide) { return this.state.has(slide); }

  want(list) {
    const wanted = new Set(list.map((w) => w.slide));
    for (const [slide, job] of this.jobs) {
      if (!wanted.has(slide)) { job.ctrl.abort(); this.jobs.delete(slide); }
    }
    this.queue = list.filter((w) => !this.jobs.has(w.slide) || this.jobs.get(w.slide).width < w.width);
    this._pump();
  }

  destroy() {
    for (const job of this.jobs.values()) job.ctrl.abort();
    this.jobs.clear();
    this.queue = [];
  }

  _pump() {
    // One photo at a time: the current slide gets the whole connection; neighbours follow, the
    // outer ring only when the browser is idle.
    if (this.running || !this.queue.length || this.g._destroyed) return;
    const w = this.queue.shift();
    const ring = Math.abs(w.slide - this.g.index);
    const go = () => this._load(w).finally(() => { this.running--; this._pump(); });
    this.running++;
    if (ring >= 2 && 'requestIdleCallback' in window) requestIdleCallback(() => go(), { timeout: 1000 });
    else go();
  }

  async _load(w) {
    const g = this.g;
    const ctrl = new AbortController();
    const job = { ...w, ctrl };
    this.jobs.set(w.slide, job);
    let url;
    try {
      url = new URL(w.url, g._jsonUrl);
      const scheme = url.protocol.toLowerCase();
      if (!(scheme === 'http:' || scheme === 'https:' || scheme === 'blob:' || /^data:image\//i.test(url.href))) {
        throw new Error(`refused URL scheme "${url.protocol}"`);
      }
      let r;
      try {
        r = await fetch(url.href, { signal: ctrl.signal, credentials: 'same-origin' });
      } catch (e) {
        if (e.name === 'AbortError') throw e;
        throw new Error(url.origin !== location.origin && url.protocol !== 'data:'
          ? 'network or CORS error (a cross-origin photo needs Access-Control-Allow-Origin)' : 'network error');
      }
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      const len = +r.headers.get('content-length');
      if (len > MAX_ENCODED_BYTES) throw new Error(`file too large (${(len / 1048576).toFixed(1)} MB, limit 30 MB)`);
      const bytes = new Uint8Array(await r.arrayBuffer());
      if (bytes.length > MAX_ENCODED_BYTES) throw new Error('file too large (limit 30 MB)');
      if (!g._M || this.jobs.get(w.slide) !== job) return;
      const msg = g._withBytes(bytes, (p, n) => g._M.UTF8ToString(g._M._wg_image_encoded(w.slide, p, n, w.width, w.height, performance.now())));
      if (msg === 'fallback') await this._browserDecode(w, bytes);
      else if (msg) throw new Error(msg);
      this.state.set(w.slide, 'loaded');
    } catch (e) {
      if (e.name === 'AbortError' || g._destroyed) return;
      this.state.set(w.slide, 'failed');
      const reason = e.message || String(e);
      if (g._M) g._withString(reason, (p) => g._M._wg_image_failed(w.slide, p));
      g._dispatch('error', { message: `Slide ${w.slide + 1}: ${reason} (${url ? url.href : w.url})`, slide: w.slide });
    } finally {
      if (this.jobs.get(w.slide) === job) this.jobs.delete(w.slide);
      g._requestFrame();
    }
  }

  // Formats stb_image lacks (WebP, AVIF, CMYK JPEG…): the browser decodes, the same texture path follows.
  async _browserDecode(w, bytes) {
    const g = this.g;
    let bmp;
    try {
      bmp = await createImageBitmap(new Blob([bytes]), { premultiplyAlpha: 'premultiply', colorSpaceConversion: 'default' });
    } catch {
      throw new Error('not an image the browser can decode');
    }
    const s = Math.min(1, w.width / bmp.width, w.height / bmp.height);
    const cw = Math.max(1, Math.round(bmp.width * s)), ch = Math.max(1, Math.round(bmp.height * s));
    const c = new OffscreenCanvas(cw, ch);
    const ctx = c.getContext('2d');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bmp, 0, 0, cw, ch);
    bmp.close();
    const px = ctx.getImageData(0, 0, cw, ch).data;
    // getImageData is straight alpha; the texture path wants premultiplied.
    for (let i = 0; i < px.length; i += 4) {
      const a = px[i + 3];
      if (a !== 255) { px[i] = (px[i] * a + 127) / 255; px[i + 1] = (px[i + 1] * a + 127) / 255; px[i + 2] = (px[i + 2] * a + 127) / 255; }
    }
    const M = g._M;
    const p = M._malloc(px.length);
    M.HEAPU8.set(px, p);
    if (!M._wg_image_pixels(w.slide, cw, ch, p, performance.now())) throw new Error('could not upload the photo');
  }
}
