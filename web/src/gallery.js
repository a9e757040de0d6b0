// gallery.js — one gallery: its shadow DOM (the stage with the canvas and the message box, the
// accessibility mirror), the wasm instance behind it, input → wasm, frames on demand, the life of
// its WebGL context (taken near the viewport, given back far from it or when the browser takes it)
// and the public API (index, count, stats, next/prev/goTo, events). Validation, layout and motion
// live in the wasm; this file only moves data between the DOM and it.
import { adoptStyles } from './styles.js';
import { compileModule, loadFonts, instantiate } from './runtime.js';
import { reservedHeight, peekShape } from './reserve.js';
import { Mirror, HIT, urlAllowedHere } from './mirror.js';
import { ImageLoader } from './images.js';
import { decodePool } from './decode-pool.js';
import { posterSource, showPoster, dropPoster, serverRenderedPhoto } from './poster.js';
import * as lease from './gl-lease.js';
import * as deepLink from './deep-link.js';

export { HIT };

const KEYS = { ArrowLeft: 1, ArrowRight: 2, Home: 3, End: 4 };
const POINTER_KIND = { mouse: 0, touch: 1, pen: 2 };
// The backing store is CSS size × devicePixelRatio, capped: beyond 3× no phone shows more detail,
// and a 4× store would quadruple GPU memory for nothing.
const MAX_DPR = 3;
// kMaxTextureSide in widget/platform/exports.cpp: no photo is fetched for a larger box.
const MAX_TEXTURE_SIDE = 2048;
// The longest the wasm waits for the poster's photo before it is fetched anyway (a slow or huge photo
// must not keep the gallery from taking input for long).
const POSTER_HEAD_START_MS = 2500;
// A context the browser took (GPU reset, too many contexts) usually comes back within a frame or two
// once we ask for it (preventDefault); past this wait a fresh canvas asks for a new one instead.
const RESTORE_WAIT_MS = 3000;
// Diagnostics listed in the message box; the `error` event carries them all.
const MAX_LISTED_ERRORS = 20;

const now = () => performance.now();
const utf8 = new TextEncoder();

function el(tag, cls, attrs) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
  return e;
}

function parseColor(probe, value) {
  // 0xRRGGBBAA from any CSS colour, via the browser's own parser (CSSOM, CSP-safe); 0 = unset.
  value = (value || '').trim();
  if (!value) return 0;
  probe.style.color = '';
  probe.style.color = value;
  if (!probe.style.color) return 0;
  const m = getComputedStyle(probe).color.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/);
  if (!m) return 0;
  const a = m[4] === undefined ? 255 : Math.round(+m[4] * 255);
  return ((+m[1] << 24) | (+m[2] << 16) | (+m[3] << 8) | a) >>> 0;
}

// Resolves once `img` has loaded or failed (at once if it has, or if there is none), or after ms.
function photoSettled(img, ms) {
  if (!img || img.complete) return Promise.resolve();
  return new Promise((resolve) => {
    img.addEventListener('load', resolve, { once: true });
    img.addEventListener('error', resolve, { once: true });
    setTimeout(resolve, ms);
  });
}

// Runs fn once after the next frame has been painted (a hidden page paints none: then after 200 ms).
function afterNextPaint(fn) {
  let done = false;
  const run = () => { if (!done) { done = true; fn(); } };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 200);
}

export class Gallery {
  // host: the element that hosts the gallery (custom element, data- div, or a mount target).
  // source: { src?: URL string, data?: object|string, options?: object merged over the JSON's options }
  constructor(host, source = {}) {
    this.host = host;
    this.source = source;
    this._mode = 'loading';     // 'loading' | 'gl' (wasm + canvas) | 'fallback' (plain HTML) | 'failed'
    this._index = 0;
    this._count = 0;
    this._M = null;             // this gallery's wasm instance
    this._glInited = false;     // wg_init succeeded once (later contexts go through wg_gl_restore)
    this._glLive = false;       // the wasm holds a live context on this.canvas
    this._ctx = null;           // that context, to give it back (WEBGL_lose_context) at once
    this._awaitingRestore = false; // the browser took the context; webglcontextrestored may follow
    this._near = false;         // within gl-lease's margin of the viewport
    this._visible = true;       // on screen (± 200 px): autoplay runs only then
    this._ready = false;
    this._destroyed = false;
    this._raf = 0;
    this._wake = 0;
    this._restoreTimer = 0;
    this._expanded = false;
    this._pointers = new Map();
    this._pinch = new Set(); // touch pointers of a multi-finger gesture: ignored until all are lifted
    this._poster = null;     // the first photo's <img> while the canvas has not drawn it
    this._cleanups = [];
    this._shape = { aspect: 1.5, count: null, json: null }; // count null: not known before the JSON
    this._model = null;
    this._jsonUrl = document.baseURI;
    this._pendingWant = null;   // photos the wasm wants, held while there is no context to show them
    this._pendingIndex = null;  // goTo() before the gallery had loaded
    this._controls = {};        // the controls' places, from the last state
    this._state = null;         // the wasm's last "state" snapshot: {index, count, fullHeight, controls}
    this._focusWithin = false;
    this._hovered = false;
    this._linkId = null;        // deep-link id, null when off
    // The JSON is requested before anything else is done: building the shadow DOM costs a phone
    // tens of milliseconds the request need not wait for.
    this._abort = new AbortController();
    this._text = this._fetchText();
    this._text.catch(() => {}); // handled in _start
    this._ssr = serverRenderedPhoto(host); // a server-rendered first slide, if the page has one
    // Before the JSON: the server-rendered photo's aspect, else the one the page reserved with.
    const cssAspect = parseFloat(getComputedStyle(host).getPropertyValue('--wg-aspect'));
    this._shape.aspect = (this._ssr && this._ssr.aspect) || (cssAspect > 0 ? cssAspect : 1.5);
    const begin = () => {
      if (this._destroyed) return;
      this._build();
      this._showPoster(); // the server-rendered photo, before the JSON
      this._start();
    };
    // A server-rendered photo still loading: the browser paints it before the widget builds its shadow
    // DOM (a long task on a phone, which would hold that paint back). The JSON is on its way meanwhile.
    if (this._ssr && !this._ssr.img.complete) photoSettled(this._ssr.img, POSTER_HEAD_START_MS).then(() => afterNextPaint(begin));
    else begin();
  }

  // ---- public API ---------------------------------------------------------------------------
  get index() { return this._mode === 'gl' && this._state ? this._state.index : this._index; }
  get count() { return this._count; }
  get stats() {
    const s = { framesRendered: 0, lastFrameMs: 0, texturesResident: 0, heapBytes: 0, heapSize: 0 };
    if (this._M) Object.assign(s, JSON.parse(this._M.UTF8ToString(this._M._wg_stats())));
    if (this._M) s.heapSize = this._M.HEAPU8.length; // wasm memory size: the heap's high-water mark
    s.mode = this._mode;
    s.webgl = this._glLive ? 'live' : this._awaitingRestore ? 'lost' : this._mode === 'gl' ? 'parked' : 'none';
    return s;
  }
  next() { this._step(1); }
  prev() { this._step(-1); }
  goTo(i) {
    i = Math.trunc(Number(i));
    if (!Number.isFinite(i)) return;
    if (this._mode === 'gl' && this._glLive) this._call('_wg_go_to', i);
    else if (this._mode === 'gl') this._jump(i);
    else if (this._mode === 'fallback') this._showPlain(i);
    else if (this._mode === 'loading') this._pendingIndex = i;
  }

  destroy() {
    if (this._destroyed) return;
    this._destroyed = true;
    cancelAnimationFrame(this._raf);
    clearTimeout(this._wake);
    clearTimeout(this._restoreTimer);
    this._abort.abort(); // the JSON fetch and every listener registered with this signal
    if (this._canvasAbort) this._canvasAbort.abort();
    if (this._images) this._images.destroy();
    this._images = null;
    for (const f of this._cleanups.splice(0)) f();
    lease.unwatch(this);
    lease.release(this);
    const M = this._M;
    this._M = null;
    if (M) {
      try { M._wg_destroy(); } catch { /* already torn down */ }
      M.onWgEvent = null;
      M.wgCanvas = null;
    }
    this._glLive = false;
    this._loseContext(); // the browser frees the GPU context now, not at some later GC
    if (this.root) this.root.replaceChildren(); // (not built yet: waiting for a server-rendered photo)
    this.host.removeAttribute('data-wg-upgraded');
  }

  setExpanded(on) {
    this._expanded = !!on;
    this._readView();
    this._applySize();
  }

  toggleFullscreen() {
    if (document.fullscreenElement === this.host) document.exitFullscreen();
    else if (this.host.requestFullscreen) this.host.requestFullscreen().catch(() => {});
  }

  // The rotation button: stops autoplay, or starts it again.
  toggleRotation() {
    if (!this._M || this._mode !== 'gl') return;
    this._M._wg_set_autoplay(this._controls.autoplay === 1 ? 0 : 1);
    this._syncControls();
    this._requestFrame();
  }

  // ---- DOM ----------------------------------------------------------------------------------
  _build() {
    const host = this.host;
    try {
      this.root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    } catch {
      throw new TypeError(`wasm-gallery: <${host.localName}> cannot hold a gallery (use a <div>)`);
    }
    this.root.replaceChildren();
    adoptStyles(this.root);
    host.setAttribute('data-wg-upgraded', '');
    // tabindex -1: focusable by a click on the canvas (arrow keys then work), but not a tab stop of
    // its own — the rotation button is the first one (APG).
    this.region = el('div', 'wg-root', { role: 'region', 'aria-roledescription': 'carousel', 'aria-label': 'Photo gallery', tabindex: '-1' });
    this.stage = el('div', 'wg-stage');
    this._canvasAbort = new AbortController();
    this.canvas = this._makeCanvas();
    this.message = el('div', 'wg-message', { role: 'alert' });
    this.message.hidden = true;
    this.colorProbe = el('span', 'wg-sr', { 'aria-hidden': 'true' });
    this.stage.append(this.canvas, this.message);
    this._mirror = new Mirror(this);
    this.region.append(this.stage, this._mirror.el, this.colorProbe);
    this.root.append(this.region);
    this._applySize();
    this._listen();
  }

  _makeCanvas() {
    const c = el('canvas', 'wg-canvas', { 'aria-hidden': 'true' });
    const signal = this._canvasAbort.signal;
    c.addEventListener('webglcontextlost', (e) => this._onContextLost(e, c), { signal });
    c.addEventListener('webglcontextrestored', () => this._onContextRestored(c), { signal });
    return c;
  }

  // A new canvas in place of the current one (whose context was given back or lost for good): a
  // canvas keeps its one context for life, so a new context needs a new canvas.
  _swapCanvas() {
    const old = this.canvas;
    this._canvasAbort.abort();
    this._canvasAbort = new AbortController();
    this.canvas = this._makeCanvas();
    this.canvas.width = old.width;
    this.canvas.height = old.height;
    old.replaceWith(this.canvas);
    // Should the browser still hand the old context back, give it up again at once.
    old.addEventListener('webglcontextrestored', () => {
      const x = old.getContext('webgl2');
      const ext = x && x.getExtension('WEBGL_lose_context');
      if (ext) ext.loseContext();
    }, { once: true });
  }

  _on(target, type, fn, opts = {}) {
    target.addEventListener(type, fn, { ...opts, signal: this._abort.signal });
  }

  _listen() {
    const s = this.stage;
    this._on(s, 'pointerdown', (e) => this._pointer(0, e));
    this._on(s, 'pointermove', (e) => this._pointer(1, e));
    this._on(s, 'pointerup', (e) => this._pointer(2, e));
    this._on(s, 'pointercancel', (e) => this._pointer(3, e));
    this._on(s, 'lostpointercapture', (e) => this._pointer(3, e));
    this._on(s, 'wheel', (e) => {
      if (!this._M || !this._glLive) return;
      const k = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.stage.clientWidth : 1;
      // e.timeStamp (when the input happened), not handler time: see _pointer.
      if (this._M._wg_wheel(e.deltaX * k, e.deltaY * k, e.timeStamp)) e.preventDefault();
      this._requestFrame();
    }, { passive: false });
    // Hover pauses autoplay: over the whole region, so the rotation button counts too.
    const hover = (on) => (e) => {
      if (e.pointerType === 'touch') return;
      this._hovered = on;
      this._call('_wg_hover', on ? 1 : 0);
      this._syncLive();
    };
    this._on(this.region, 'pointerenter', hover(true));
    this._on(this.region, 'pointerleave', hover(false));
    this._on(this.region, 'keydown', (e) => this._key(e));
    this._on(this.region, 'focusin', () => {
      this._focusWithin = true;
      this._call('_wg_focus', 1);
      this._readView();
    });
    this._on(this.region, 'focusout', (e) => {
      if (this.region.contains(e.relatedTarget)) return;
      this._focusWithin = false;
      this._call('_wg_focus', 0);
      setTimeout(() => this._readView());
    });
    const ro = new ResizeObserver(() => this._applySize());
    ro.observe(this.host);
    ro.observe(this.stage);  // the stage alone changes size on entering/leaving full screen
    this._cleanups.push(() => ro.disconnect());
    const io = new IntersectionObserver((entries) => {
      for (const en of entries) this._visible = en.isIntersecting;
      this._call('_wg_visible', this._visible && !document.hidden ? 1 : 0);
      this._syncLive();
    }, { rootMargin: '200px' });
    io.observe(this.host);
    this._cleanups.push(() => io.disconnect());
    lease.watch(this);
    this._on(document, 'visibilitychange', () => {
      this._call('_wg_visible', this._visible && !document.hidden ? 1 : 0);
      if (!document.hidden) this._requestFrame();
    });
    // The top layer's size settles after the event: measure again on the next frame.
    this._on(document, 'fullscreenchange', () => { this._readView(); this._applySize(); requestAnimationFrame(() => this._applySize()); });
    this._on(window, 'hashchange', () => this._followUrl());
    this._on(window, 'popstate', () => this._followUrl());
    // Theme: the site's CSS custom properties and colour scheme are read at start and on change.
    for (const q of ['(prefers-color-scheme: dark)', '(prefers-reduced-motion: reduce)', '(hover: none) and (pointer: coarse)']) {
      this._on(matchMedia(q), 'change', () => this._readView());
    }
    this._on(matchMedia('(prefers-reduced-motion: reduce)'), 'change', (e) => {
      if (e.matches && this._M) { this._M._wg_set_autoplay(0); this._syncControls(); }
    });
    const mo = new MutationObserver(() => { this._readView(); this._applySize(); });
    mo.observe(this.host, { attributes: true, attributeFilter: ['style', 'class', 'header'] });
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class', 'data-theme'] });
    this._cleanups.push(() => mo.disconnect());
    this._watchDpr();
  }

  _watchDpr() {
    if (this._destroyed) return;
    const mq = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    this._on(mq, 'change', () => { this._applySize(); this._watchDpr(); }, { once: true });
  }

  // Reserves the box (before the wasm arrives) and keeps canvas and wasm in step with it.
  _applySize() {
    if (this._destroyed) return;
    const width = this.host.clientWidth || this.host.getBoundingClientRect().width;
    const fs = parseFloat(getComputedStyle(this.host).getPropertyValue('--wg-font-scale')) || 1;
    this._fontScale = fs;
    const full = document.fullscreenElement === this.host;
    let h = reservedHeight(width, this._shape.aspect, this._shape.count, this._showHeader(), fs);
    if (this._expanded && this._state && !full) h = Math.max(h, this._state.fullHeight);
    if (!full) {
      // The first height is where the box already is (wasm-gallery.css, a server-rendered slide): set
      // it without the height transition, which would start from the stylesheet's default and shift
      // the page below.
      const first = !this._sized;
      if (first) this.stage.style.transition = 'none';
      this.stage.style.setProperty('--wg-height', h + 'px');
      if (first) {
        void this.stage.offsetHeight; // the style is computed with the height, still without transition
        this.stage.style.transition = '';
        this._sized = true;
      }
    }
    const dpr = Math.min(MAX_DPR, window.devicePixelRatio || 1);
    const hh = full ? this.stage.clientHeight : h;
    const bw = Math.round(width * dpr), bh = Math.round(hh * dpr);
    if (this.canvas.width !== bw) this.canvas.width = bw;
    if (this.canvas.height !== bh) this.canvas.height = bh;
    this._size = { width, height: hh, dpr };
    if (this._M) {
      this._M._wg_resize(width, hh, dpr);
      this._syncControls();
      this._requestFrame();
    }
  }

  // The title header is opt-in (<wasm-gallery header>): most articles already show a headline.
  _showHeader() { return this.host.hasAttribute('header'); }

  _readView() {
    if (!this._M || this._destroyed) return;
    const cs = getComputedStyle(this.host);
    const opt = (this._model && this._model.options) || {};
    const theme = opt.theme || 'auto';
    const dark = theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const touchOnly = matchMedia('(hover: none) and (pointer: coarse)').matches;
    const arrows = !touchOnly || this.region.matches(':focus-within');
    const v = (n) => parseColor(this.colorProbe, cs.getPropertyValue(n));
    const full = document.fullscreenElement === this.host;
    this._M._wg_set_view(reduced ? 1 : 0, arrows ? 1 : 0, this._showHeader() ? 1 : 0, this._expanded && !full ? 1 : 0,
      full ? 1 : 0, this._fontScale || 1, dark ? 1 : 0, v('--wg-background'), v('--wg-text'), v('--wg-accent'));
    this.host.toggleAttribute('data-dark', dark);
    this._syncControls();
    this._requestFrame();
  }

  // ---- start-up -------------------------------------------------------------------------------
  async _fetchText() {
    const s = this.source;
    if (s.data !== undefined && s.data !== null) return typeof s.data === 'string' ? s.data : JSON.stringify(s.data);
    if (!s.src) throw new Error('no gallery: set src="gallery.json" or put the JSON in a <script type="application/json"> child');
    let url;
    try { url = new URL(s.src, document.baseURI); } catch { throw new Error(`${s.src}: not a URL`); }
    if (!/^https?:$/.test(url.protocol) || !urlAllowedHere(s.src, false)) throw new Error(`${s.src}: refused (only http(s) and relative URLs are fetched)`);
    this._jsonUrl = url.href;
    let r;
    try {
      r = await fetch(this._jsonUrl, { signal: this._abort.signal, credentials: 'same-origin' });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new Error(`${s.src}: network error (${e.message})`);
    }
    if (!r.ok) throw new Error(`${s.src}: HTTP ${r.status}${r.statusText ? ' ' + r.statusText : ''}`);
    return r.text();
  }

  // mount()'s options win over the JSON's own; the wasm then validates the result as usual.
  _withOptions(text) {
    const o = this.source.options;
    if (!o || typeof o !== 'object' || !Object.keys(o).length) return text;
    try {
      const j = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      if (!j || typeof j !== 'object' || Array.isArray(j)) return text;
      j.options = { ...(j.options && typeof j.options === 'object' ? j.options : {}), ...o };
      return JSON.stringify(j, null, 2);
    } catch {
      return text; // the wasm reports where the JSON is broken, in the text as written
    }
  }

  // The wasm and the fonts once the poster's photo is in (or has failed, or after POSTER_HEAD_START_MS):
  // on a phone's connection they would otherwise share its bandwidth and delay the photo by what they
  // weigh (measured with bench/: 0.5 s of 2.3 s on the emulated fast 3G).
  _runtimeAfterPoster() {
    const runtime = photoSettled(this._poster, POSTER_HEAD_START_MS).then(() => {
      const pool = decodePool();
      if (pool) pool.warm();
      return Promise.all([compileModule(), loadFonts()]);
    });
    runtime.catch(() => {}); // reported where awaited
    return runtime;
  }

  async _start() {
    // A server-rendered photo is already on its way (the parser found it before any script ran): the
    // wasm and the fonts need not wait for the JSON's round trip, only for that photo.
    const early = this._poster ? this._runtimeAfterPoster() : null;
    let text;
    try {
      text = await this._text;
    } catch (e) {
      if (this._destroyed || e.name === 'AbortError') return;
      this._mode = 'failed';
      return this._fail(e.message, []);
    }
    if (this._destroyed) return;
    text = this._withOptions(text);
    this._shape = peekShape(text);
    this._applySize();
    // The first photo is requested first (the poster), the wasm and the fonts once it is in.
    this._showPoster();
    const runtime = early || this._runtimeAfterPoster();
    let fonts, M;
    try {
      [, fonts] = await runtime;
      if (this._destroyed) return;
      M = await instantiate(this.canvas, (t, j) => this._onEvent(t, j), { forceNoWebGL: !!this.source.forceNoWebGL });
    } catch (e) {
      if (this._destroyed) return;
      console.warn('[wasm-gallery] running without WebAssembly:', e.message);
      return this._fallback(this._shape.json, 'The interactive gallery could not start (' + e.message + ').');
    }
    if (this._destroyed) { M._wg_destroy(); M.onWgEvent = null; return; }
    this._M = M;
    this._withBytes(fonts[0], (p0, n0) => this._withBytes(fonts[1], (p1, n1) => M._wg_set_fonts(p0, n0, p1, n1)));
    this._images = new ImageLoader(this);
    this._mode = 'gl'; // WebGL2 itself is tried when the gallery first comes near the viewport
    const res = this.load(text, false);
    if (!res.ok) { this._mode = 'failed'; return; }
    this._syncGL();
  }

  // The first photo as an <img> until the canvas has drawn it (poster.js): the server-rendered one
  // until the JSON is in, then the JSON's start slide (the same <img>, kept when its URL is one of
  // that slide's).
  _showPoster() {
    if (this._showHeader()) return;
    let src = null;
    const json = this._shape.json;
    if (json) {
      let start = this._pendingIndex !== null ? this._pendingIndex : -1;
      const linkId = deepLink.linkId(json.options && json.options.deepLink, this.host);
      if (start < 0 && linkId) start = deepLink.readSlide(linkId);
      src = posterSource(json, this._jsonUrl, start, urlAllowedHere, this._photoBox());
      if (src && this._ssr && src.urls.includes(this._ssr.url)) src.url = this._ssr.url;
    } else if (this._ssr && !this._poster) {
      src = this._ssr;
    } else {
      return;
    }
    if (!src) return this._dropPoster();
    this._poster = showPoster(this.stage, src, this._shape.aspect, this._poster);
  }

  // The photo area in device px before the wasm has laid it out: full width at the first slide's aspect
  // (what compute_layout gives a box of reservedHeight()), capped like the wasm's textures.
  _photoBox() {
    const width = this.host.clientWidth || this.host.getBoundingClientRect().width;
    const dpr = Math.min(MAX_DPR, window.devicePixelRatio || 1);
    return { width: Math.min(MAX_TEXTURE_SIDE, Math.ceil(width * dpr)), height: Math.min(MAX_TEXTURE_SIDE, Math.ceil(width / this._shape.aspect * dpr)) };
  }

  _dropPoster() {
    dropPoster(this._poster);
    this._poster = null;
  }

  // Loads (or reloads) gallery JSON text into the wasm. Returns the wasm's verdict, or null when the
  // wasm is not running.
  load(text, keepIndex) {
    const M = this._M;
    if (!M) return null;
    const res = this._withString(text, (p, n) => this._withString(this._fileName(), (f) =>
      JSON.parse(M.UTF8ToString(M._wg_load(p, n, f, keepIndex ? 1 : 0, now())))));
    if (!res.ok) {
      this._fail('The gallery could not be loaded: ' + this._fileName() + ' has errors.', res.diagnostics);
      return res;
    }
    this._warnings = res.diagnostics;
    for (const d of res.diagnostics) console.warn('[wasm-gallery] ' + d.text);
    const model = res.gallery;
    this._model = model;
    this._count = model.slides.length;
    this._linkId = deepLink.linkId(model.options && model.options.deepLink, this.host);
    if (!keepIndex) {
      const start = this._startIndex(this._count);
      if (start >= 0) M._wg_jump_to(start);
    }
    this._index = this.index;
    this._shape = { aspect: this._shape.aspect, count: this._count, json: null };
    this.message.hidden = true;
    if (this._mode === 'failed') this._mode = 'gl';
    this.region.setAttribute('aria-label', model.title || 'Photo gallery');
    this._mirror.fill(model, this._index, { mode: this._mode === 'fallback' ? 'visible' : 'overlay', baseUrl: this._jsonUrl,
      urlAllowed: (u, img) => this._urlAllowed(u, img) });
    // Reduced motion: no rotation until the reader asks for it with the rotation button.
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) M._wg_set_autoplay(0);
    this._readView();
    this._applySize();
    this._syncGL();
    this._requestFrame();
    return res;
  }

  // Where a fresh gallery starts: goTo() called before it loaded, else its deep link; -1 = the
  // gallery's own startIndex.
  _startIndex(count) {
    let i = this._pendingIndex;
    this._pendingIndex = null;
    if (i === null && this._linkId) i = deepLink.readSlide(this._linkId);
    return i !== null && i >= 0 && count > 0 ? Math.min(i, count - 1) : -1;
  }

  _fileName() {
    if (!this.source.src) return 'inline gallery';
    try { return new URL(this._jsonUrl).pathname.split('/').pop() || 'gallery.json'; } catch { return 'gallery.json'; }
  }

  _urlAllowed(url, forImage) {
    const M = this._M;
    if (!M) return urlAllowedHere(url, forImage);
    return this._withString(String(url), (p) => M._wg_url_allowed(p, forImage ? 1 : 0)) === 1;
  }

  // ---- failure and fallback -----------------------------------------------------------------
  _fail(message, diagnostics) {
    this._dropPoster();
    const m = this.message;
    m.replaceChildren();
    const strong = el('strong');
    strong.textContent = message;
    m.append(strong);
    const list = (diagnostics || []).filter((d) => d.severity === 'error');
    if (list.length) {
      const ul = el('ul');
      for (const d of list.slice(0, MAX_LISTED_ERRORS)) {
        const li = el('li');
        const code = el('code');
        code.textContent = d.text;
        li.append(code);
        ul.append(li);
      }
      if (list.length > MAX_LISTED_ERRORS) {
        const li = el('li');
        li.textContent = `… and ${list.length - MAX_LISTED_ERRORS} more`;
        ul.append(li);
      }
      m.append(ul);
    }
    m.hidden = false;
    const detail = { message: list.length ? message + ' ' + list.map((d) => d.text).join('; ') : message };
    if (list.length) detail.diagnostics = list;
    this._dispatch('error', detail);
  }

  // No WebGL2 or no wasm: the mirror becomes a visible plain-HTML gallery. `model` is the wasm's
  // validated gallery, or (no wasm) the raw JSON, which the mirror reads defensively.
  _fallback(model, why) {
    if (!model || typeof model !== 'object' || !Array.isArray(model.slides) || !model.slides.length) {
      this._mode = 'failed';
      return this._fail(why || 'The gallery could not be shown.', []);
    }
    lease.release(this);
    this._dropPoster();
    this._mode = 'fallback';
    this.stage.hidden = true;
    this._model = model;
    this._count = model.slides.length;
    const opt = model.options && typeof model.options === 'object' ? model.options : {};
    this._linkId = deepLink.linkId(opt.deepLink, this.host);
    const start = this._startIndex(this._count);
    const index = start >= 0 ? start : this._state ? this._state.index : Math.max(0, Math.min(this._count - 1, opt.startIndex | 0));
    if (typeof model.title === 'string' && model.title) this.region.setAttribute('aria-label', model.title);
    this._mirror.fill(model, index, { mode: 'visible', baseUrl: this._jsonUrl, urlAllowed: (u, img) => this._urlAllowed(u, img) });
    this._index = this._mirror.index;
    if (!this._ready) {
      this._ready = true;
      this._dispatch('ready', { index: this._index, count: this._count, fallback: true });
    }
  }

  // ---- navigation -----------------------------------------------------------------------------
  _step(d) {
    if (this._mode === 'gl' && this._glLive) this._call(d > 0 ? '_wg_next' : '_wg_prev');
    else if (this._mode === 'gl') this._jump(this.index + d);
    else if (this._mode === 'fallback') this._showPlain(this._index + d);
    else if (this._mode === 'loading') this._pendingIndex = (this._pendingIndex || 0) + d;
  }

  // Without a context nothing animates: the carousel is placed on the slide at once.
  _jump(i) {
    const M = this._M, n = this._count;
    if (!M || !n) return;
    const loop = this._model && this._model.options && this._model.options.loop;
    i = loop ? ((i % n) + n) % n : Math.max(0, Math.min(n - 1, i));
    const before = this.index;
    M._wg_jump_to(i);
    if (this.index !== before) this._onSlide(this.index, n);
  }

  _showPlain(i) {
    const before = this._index;
    const shown = this._mirror.show(i);
    if (shown !== before) this._onSlide(shown, this._count);
  }

  // Every settled change of slide, whoever made it.
  _onSlide(index, count) {
    if (this._destroyed) return;
    this._index = index;
    this._count = count;
    this._mirror.show(index);
    this._mirror.announce(index);
    if (this._linkId) deepLink.writeSlide(this._linkId, index);
    if (this._expanded) this._applySize();
    this._syncControls();
    this._dispatch('slidechange', { index, count });
  }

  _followUrl() {
    if (!this._linkId || this._mode === 'loading') return;
    const i = deepLink.readSlide(this._linkId);
    if (i >= 0 && i < this._count && i !== this.index) this.goTo(i);
  }

  _key(e) {
    const k = KEYS[e.key];
    if (!k || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (this._mode === 'gl' && this._glLive) {
      e.preventDefault();
      this._call('_wg_key', k);
    } else if (this._mode === 'fallback' || this._mode === 'gl') {
      e.preventDefault();
      const last = this._count - 1;
      const to = k === 1 ? this._index - 1 : k === 2 ? this._index + 1 : k === 3 ? 0 : last;
      if (this._mode === 'fallback') this._showPlain(to); else this._jump(to);
    }
  }

  // ---- accessibility mirror -------------------------------------------------------------------
  // The DOM button focused by keyboard, drawn on the canvas as a ring around what it stands for.
  _focusRing(hit, dot) {
    if (!this._M || this._mode !== 'gl') return;
    this._M._wg_set_focus_ring(hit, dot);
    this._requestFrame();
  }

  // Where the canvas draws its controls and whether it rotates: the mirror follows.
  _syncControls() {
    const M = this._M;
    if (!M || this._mode !== 'gl' || this._destroyed) return;
    this._controls = (this._state && this._state.controls) || {};
    this._mirror.place(this._controls);
    this._syncLive();
  }

  _syncLive() {
    const rotating = this._controls.autoplay === 1 && !this._focusWithin && !this._hovered && this._visible && !document.hidden;
    this._mirror.setRotating(rotating);
  }

  // ---- the WebGL context ----------------------------------------------------------------------
  // Takes a context when near the viewport, gives it back when far (gl-lease decides who may).
  _syncGL() {
    if (this._destroyed || this._mode !== 'gl' || !this._M || this._awaitingRestore) return;
    if (this._near && !this._glLive) {
      if (lease.claim(this)) this._acquireGL();
    } else if (!this._near && this._glLive) {
      this._park();
    }
  }

  _acquireGL() {
    const M = this._M;
    M.wgCanvas = this.canvas;
    this._applySize();
    // wg_gl_restore re-creates GL state and asks for the photos again ("want"); the first time,
    // wg_init also creates the ImGui context.
    const ok = this._glInited ? M._wg_gl_restore() : M._wg_init();
    if (!ok) {
      lease.release(this);
      this._loseContext(this.canvas.getContext('webgl2'));
      return this._fallback(this._model, 'WebGL2 is not available.');
    }
    this._glInited = true;
    this._glLive = true;
    this._ctx = this.canvas.getContext('webgl2');
    const want = this._pendingWant;
    this._pendingWant = null;
    if (want && this._images) this._images.want(want);
    this._readView();
  }

  // Far from the viewport: the context goes back to the browser; model and slide stay in the wasm.
  _park() {
    if (!this._glLive) return;
    const ctx = this._ctx;
    this._dropGL();
    this._swapCanvas();
    this._loseContext(ctx);
  }

  // The wasm forgets its GL objects; frames and photo loads stop until a context comes back.
  _dropGL() {
    this._glLive = false;
    this._ctx = null;
    cancelAnimationFrame(this._raf);
    this._raf = 0;
    clearTimeout(this._wake);
    if (this._images) this._images.want([]); // a photo arriving now would have nowhere to go
    this._pendingWant = null;
    this._M._wg_gl_lost();
    lease.release(this);
  }

  _loseContext(ctx = this._ctx) {
    if (ctx === this._ctx) this._ctx = null;
    if (!ctx || ctx.isContextLost()) return;
    const ext = ctx.getExtension('WEBGL_lose_context');
    if (ext) ext.loseContext();
  }

  _onContextLost(e, canvas) {
    e.preventDefault(); // without it the browser never offers the context back
    if (canvas !== this.canvas || !this._glLive) return;
    this._dropGL();
    this._awaitingRestore = true;
    clearTimeout(this._restoreTimer);
    this._restoreTimer = setTimeout(() => {
      if (!this._awaitingRestore || this._destroyed) return;
      this._awaitingRestore = false;
      this._swapCanvas();
      this._syncGL();
    }, RESTORE_WAIT_MS);
  }

  _onContextRestored(canvas) {
    if (canvas !== this.canvas || this._destroyed || !this._awaitingRestore) return;
    clearTimeout(this._restoreTimer);
    this._awaitingRestore = false;
    if (this._near && this._mode === 'gl' && lease.claim(this)) return this._acquireGL();
    // Not wanted any more (scrolled away meanwhile): give it straight back.
    this._loseContext(canvas.getContext('webgl2'));
    this._swapCanvas();
  }

  // ---- wasm plumbing --------------------------------------------------------------------------
  _call(name, ...args) {
    const M = this._M;
    if (!M || this._mode !== 'gl') return;
    M[name](...args, now());
    this._requestFrame();
  }

  _withBytes(bytes, fn) {
    const M = this._M;
    const p = M._malloc(Math.max(1, bytes.length));
    try {
      M.HEAPU8.set(bytes, p);
      return fn(p, bytes.length);
    } finally {
      M._free(p);
    }
  }

  // UTF-8 into the wasm heap with the browser's own encoder: a 10 MB document takes milliseconds
  // (Emscripten's per-character stringToUTF8 would block the page for a third of a second).
  _withString(s, fn) {
    const M = this._M;
    const bytes = utf8.encode(s);
    const p = M._malloc(bytes.length + 1);
    try {
      M.HEAPU8.set(bytes, p);
      M.HEAPU8[p + bytes.length] = 0;
      return fn(p, bytes.length);
    } finally {
      M._free(p);
    }
  }

  _onEvent(type, json) {
    if (this._destroyed) return;
    const d = json ? JSON.parse(json) : {};
    if (type === 'state') {
      // Pushed by the wasm whenever it changed (exports.cpp publish_state); read, never asked for.
      this._state = d;
      this._syncControls(); // the mirror's buttons follow the drawn controls
    } else if (type === 'slidechange') {
      // After the export that emitted it has returned: handlers may call back into the wasm.
      queueMicrotask(() => this._onSlide(d.index, d.count));
    } else if (type === 'want') {
      if (this._glLive && this._images) this._images.want(d);
      else this._pendingWant = d;
    } else if (type === 'action') {
      if (d.name === 'fullscreen') this.toggleFullscreen();
      else if (d.name === 'more' || d.name === 'less') this.setExpanded(d.name === 'more');
    }
  }

  _dispatch(type, detail) {
    this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ---- input ------------------------------------------------------------------------------------
  _pointer(phase, e) {
    const M = this._M;
    if (!M || !this._glLive) return;
    // Two fingers are a pinch, the browser's (or, later, the zoom's), never a swipe: a second finger
    // cancels the first one's drag (it snaps back), and no finger counts until all are lifted.
    // Following only the first finger would read a quick pinch as a flick.
    if (this._pinch.has(e.pointerId) || (phase === 0 && e.pointerType === 'touch' && this._pinch.size)) {
      if (phase === 0) this._pinch.add(e.pointerId);
      else if (phase >= 2) this._pinch.delete(e.pointerId);
      return;
    }
    if (phase === 0 && e.pointerType === 'touch' && this._pointers.size) {
      for (const id of this._pointers.keys()) {
        M._wg_pointer(3, id, 0, 0, e.timeStamp, 0);
        this._pinch.add(id);
      }
      this._pointers.clear();
      this._pinch.add(e.pointerId);
      this._requestFrame();
      return;
    }
    if (phase === 0) {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      this._pointers.set(e.pointerId, true);
      if (e.pointerType === 'mouse') {
        try { this.stage.setPointerCapture(e.pointerId); } catch { /* not capturable */ }
      }
    } else if (!this._pointers.has(e.pointerId)) {
      return;
    }
    const r = this.canvas.getBoundingClientRect();
    // Event times, not handler time, and every coalesced move: when the main thread is busy, moves
    // arrive late and bunched into one event, and only their own timestamps give the finger's real
    // speed (a flick must stay a flick on a slow phone).
    const kind = POINTER_KIND[e.pointerType] ?? 0;
    const moves = phase === 1 && e.getCoalescedEvents ? e.getCoalescedEvents().slice(0, -1) : [];
    let verdict = 0;
    for (const c of moves) {
      verdict = M._wg_pointer(1, e.pointerId, c.clientX - r.left, c.clientY - r.top, c.timeStamp, kind);
      if (verdict === 2) break;
    }
    if (verdict !== 2) verdict = M._wg_pointer(phase, e.pointerId, e.clientX - r.left, e.clientY - r.top, e.timeStamp, kind);
    if (phase === 1 && verdict === 2) {
      // Vertical: the page scrolls (touch-action lets it); this pointer is no longer ours.
      this._pointers.delete(e.pointerId);
      M._wg_pointer(3, e.pointerId, 0, 0, now(), 0);
    }
    if (phase >= 2) this._pointers.delete(e.pointerId);
    if (phase === 0 && e.pointerType === 'mouse') this.region.focus({ preventScroll: true });
    this._requestFrame();
  }

  // ---- frames on demand -------------------------------------------------------------------------
  _requestFrame() {
    if (this._raf || this._destroyed || !this._glLive) return;
    this._raf = requestAnimationFrame(() => {
      this._raf = 0;
      if (document.hidden || this._destroyed || !this._glLive) return;
      const M = this._M;
      clearTimeout(this._wake);
      const more = M._wg_frame(now());
      if (!this._ready && this._images && this._images.settled(this.index)) {
        this._ready = true;
        this._dropPoster(); // the canvas now shows the photo the poster showed, in the same place
        this._dispatch('ready', { index: this.index, count: this._count });
      }
      if (more) this._requestFrame();
      else {
        const wake = M._wg_next_wake(now());
        if (wake >= 0) this._wake = setTimeout(() => this._requestFrame(), wake);
      }
    });
  }
}
