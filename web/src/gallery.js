// gallery.js — one gallery: its shadow DOM (canvas, message box, accessibility mirror), the wasm
// instance behind it, input → wasm, frames on demand, photo loading, and the public API
// (index, count, stats, next/prev/goTo, events). Validation, layout and motion live in the wasm;
// this file only moves data between the DOM and it.
import { adoptStyles } from './styles.js';
import { compileModule, loadFonts, instantiate } from './runtime.js';
import { reservedHeight, peekShape } from './reserve.js';
import { Mirror } from './mirror.js';
import { ImageLoader } from './images.js';

const KEYS = { ArrowLeft: 1, ArrowRight: 2, Home: 3, End: 4 };
export const HIT = { None: 0, Prev: 1, Next: 2, Dot: 3, Fullscreen: 4, More: 5, Photo: 6 };
const POINTER_KIND = { mouse: 0, touch: 1, pen: 2 };
// The backing store is CSS size × devicePixelRatio, capped: beyond 3× no phone shows more detail,
// and a 4× store would quadruple GPU memory for nothing.
const MAX_DPR = 3;

const now = () => performance.now();

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

export class Gallery {
  // host: the element that hosts the gallery (custom element, data- div, or a mount target).
  // source: { src?: URL string, data?: object|string, options?: object }
  constructor(host, source = {}) {
    this.host = host;
    this.source = source;
    this._index = 0;
    this._count = 0;
    this._M = null;
    this._gl = false;
    this._ready = false;
    this._destroyed = false;
    this._raf = 0;
    this._wake = 0;
    this._visible = true;
    this._expanded = false;
    this._pointers = new Map();
    this._cleanups = [];
    this._shape = { aspect: 1.5, count: 0, json: null };
    this._model = null;
    this._jsonUrl = document.baseURI;
    this._build();
    this._start();
  }

  // ---- public API ---------------------------------------------------------------------------
  get index() { return this._M && this._gl ? this._M._wg_index() : this._index; }
  get count() { return this._count; }
  get stats() {
    const base = { framesRendered: 0, lastFrameMs: 0, texturesResident: 0, heapBytes: 0, heapSize: 0 };
    if (!this._M) return base;
    const s = JSON.parse(this._M.UTF8ToString(this._M._wg_stats()));
    s.heapSize = this._M.HEAPU8.length; // wasm memory size: the heap's high-water mark (it never shrinks)
    return s;
  }
  next() { this._call('_wg_next'); }
  prev() { this._call('_wg_prev'); }
  goTo(i) {
    i = Math.trunc(Number(i));
    if (!Number.isFinite(i)) return;
    if (this._M) this._call('_wg_go_to', i);
    else this._mirror.show(i);
  }

  destroy() {
    if (this._destroyed) return;
    this._destroyed = true;
    cancelAnimationFrame(this._raf);
    clearTimeout(this._wake);
    this._abort.abort();
    this._images && this._images.destroy();
    for (const f of this._cleanups) f();
    this._cleanups = [];
    if (this._M) {
      try { this._M._wg_destroy(); } catch { /* already torn down */ }
      this._M = null;
    }
    this.root.replaceChildren();
  }

  // ---- DOM ----------------------------------------------------------------------------------
  _build() {
    const host = this.host;
    this.root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    this.root.replaceChildren();
    adoptStyles(this.root);
    this.region = el('div', 'wg-root', { role: 'region', 'aria-roledescription': 'carousel', 'aria-label': 'Photo gallery', tabindex: '0' });
    this.stage = el('div', 'wg-stage');
    this.canvas = el('canvas', 'wg-canvas', { 'aria-hidden': 'true' });
    this.message = el('div', 'wg-message', { role: 'alert' });
    this.message.hidden = true;
    this.colorProbe = el('span', 'wg-sr', { 'aria-hidden': 'true' });
    this.stage.append(this.canvas, this.message);
    this._mirror = new Mirror(this);
    this.region.append(this.stage, this._mirror.el, this.colorProbe);
    this.root.append(this.region);
    this._abort = new AbortController();
    this._applySize();
    this._listen();
  }

  _on(target, type, fn, opts) {
    target.addEventListener(type, fn, opts);
    this._cleanups.push(() => target.removeEventListener(type, fn, opts));
  }

  _listen() {
    const c = this.canvas;
    this._on(c, 'pointerdown', (e) => this._pointer(0, e));
    this._on(c, 'pointermove', (e) => this._pointer(1, e));
    this._on(c, 'pointerup', (e) => this._pointer(2, e));
    this._on(c, 'pointercancel', (e) => this._pointer(3, e));
    this._on(c, 'lostpointercapture', (e) => this._pointer(3, e));
    this._on(c, 'pointerenter', () => this._call('_wg_hover', 1));
    this._on(c, 'pointerleave', () => this._call('_wg_hover', 0));
    this._on(c, 'wheel', (e) => {
      if (!this._M) return;
      const k = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.stage.clientWidth : 1;
      if (this._M._wg_wheel(e.deltaX * k, e.deltaY * k, now())) e.preventDefault();
      this._requestFrame();
    }, { passive: false });
    this._on(this.region, 'keydown', (e) => {
      const k = KEYS[e.key];
      if (!k || e.altKey || e.ctrlKey || e.metaKey || !this._M || !this._gl) return;
      e.preventDefault();
      this._call('_wg_key', k);
    });
    this._on(this.region, 'focusin', () => this._call('_wg_focus', 1));
    this._on(this.region, 'focusout', (e) => { if (!this.region.contains(e.relatedTarget)) this._call('_wg_focus', 0); });
    const ro = new ResizeObserver(() => this._applySize());
    ro.observe(this.host);
    this._cleanups.push(() => ro.disconnect());
    const io = new IntersectionObserver((entries) => {
      for (const en of entries) this._visible = en.isIntersecting;
      this._call('_wg_visible', this._visible ? 1 : 0);
    }, { rootMargin: '200px' });
    io.observe(this.host);
    this._cleanups.push(() => io.disconnect());
    const vis = () => { if (!document.hidden) this._requestFrame(); };
    this._on(document, 'visibilitychange', vis);
    this._on(document, 'fullscreenchange', () => { this._readView(); this._applySize(); });
    this._on(document, 'visibilitychange', () => this._call('_wg_visible', document.hidden ? 0 : 1));
    // Theme: the site's CSS custom properties and colour scheme are read at start and on change.
    for (const q of ['(prefers-color-scheme: dark)', '(prefers-reduced-motion: reduce)', '(hover: none) and (pointer: coarse)']) {
      const mq = matchMedia(q);
      this._on(mq, 'change', () => this._readView());
    }
    const mo = new MutationObserver(() => { this._readView(); this._applySize(); });
    mo.observe(this.host, { attributes: true, attributeFilter: ['style', 'class', 'header'] });
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class', 'data-theme'] });
    this._cleanups.push(() => mo.disconnect());
    this._on(this.region, 'focusin', () => this._readView());
    this._on(this.region, 'focusout', () => setTimeout(() => this._readView()));
    this._watchDpr();
  }

  _watchDpr() {
    const mq = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    const onChange = () => { this._applySize(); this._watchDpr(); };
    mq.addEventListener('change', onChange, { once: true });
    this._cleanups.push(() => mq.removeEventListener('change', onChange));
  }

  // Reserves the box (before the wasm arrives) and keeps canvas and wasm in step with it.
  _applySize() {
    if (this._destroyed) return;
    const width = this.host.clientWidth || this.host.getBoundingClientRect().width;
    const fs = parseFloat(getComputedStyle(this.host).getPropertyValue('--wg-font-scale')) || 1;
    this._fontScale = fs;
    const full = document.fullscreenElement === this.host;
    let h = reservedHeight(width, this._shape.aspect, this._shape.count || 0, this._showHeader(), fs);
    if (this._expanded && this._M && !full) h = Math.max(h, this._M._wg_full_height());
    if (!full) this.stage.style.setProperty('--wg-height', h + 'px');
    const dpr = Math.min(MAX_DPR, window.devicePixelRatio || 1);
    const hh = full ? this.stage.clientHeight : h;
    const bw = Math.round(width * dpr), bh = Math.round(hh * dpr);
    if (this.canvas.width !== bw) this.canvas.width = bw;
    if (this.canvas.height !== bh) this.canvas.height = bh;
    this._size = { width, height: hh, dpr };
    if (this._M) {
      this._M._wg_resize(width, hh, dpr);
      this._requestFrame();
    }
  }

  // The title header is opt-in (<wasm-gallery header>): most articles already show a headline.
  _showHeader() { return this.host.hasAttribute('header'); }

  _readView() {
    if (!this._M) return;
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
    this._requestFrame();
  }

  // ---- start-up -------------------------------------------------------------------------------
  async _fetchText() {
    const s = this.source;
    if (s.data !== undefined && s.data !== null) return typeof s.data === 'string' ? s.data : JSON.stringify(s.data);
    if (!s.src) throw new Error('no gallery: set src="gallery.json" or put the JSON in a <script type="application/json"> child');
    this._jsonUrl = new URL(s.src, document.baseURI).href;
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

  async _start() {
    const runtime = Promise.all([compileModule(), loadFonts()]);
    runtime.catch(() => {}); // handled below; avoid an unhandled rejection while the JSON loads
    let text;
    try {
      text = await this._fetchText();
    } catch (e) {
      if (this._destroyed || e.name === 'AbortError') return;
      return this._fail(e.message, []);
    }
    if (this._destroyed) return;
    this._text = text;
    this._shape = peekShape(text);
    this._applySize();
    let fonts;
    try {
      [, fonts] = await runtime;
      this._M = await instantiate(this.canvas, (t, j) => this._onEvent(t, j), { forceNoWebGL: !!this.source.forceNoWebGL });
    } catch (e) {
      if (this._destroyed) return;
      console.warn('[wasm-gallery] running without WebAssembly:', e.message);
      return this._fallback(this._shape.json, 'The interactive gallery could not start (' + e.message + ').');
    }
    if (this._destroyed) { this._M._wg_destroy(); this._M = null; return; }
    const M = this._M;
    this._gl = M._wg_init() === 1;
    this._withBytes(fonts[0], (p0, n0) => this._withBytes(fonts[1], (p1, n1) => M._wg_set_fonts(p0, n0, p1, n1)));
    this._images = new ImageLoader(this);
    const res = this.load(text, false);
    if (!res.ok) return;
    if (!this._gl) return this._fallback(this._model, null);
  }

  // Loads (or reloads) gallery JSON text into the wasm. Returns the wasm's verdict.
  load(text, keepIndex) {
    const M = this._M;
    const res = this._withString(text, (p, n) => this._withString(this._fileName(), (f) =>
      JSON.parse(M.UTF8ToString(M._wg_load(p, n, f, keepIndex ? 1 : 0, now())))));
    if (!res.ok) {
      this._fail('The gallery could not be loaded: ' + this._fileName() + ' has errors.', res.diagnostics);
      return res;
    }
    this._warnings = res.diagnostics;
    for (const d of res.diagnostics) console.warn('[wasm-gallery] ' + d.text);
    this._model = res.gallery;
    this._count = res.gallery.slides.length;
    this._index = M._wg_index();
    this._shape = { aspect: this._shape.aspect, count: this._count, json: null };
    this.message.hidden = true;
    this.region.setAttribute('aria-label', this._model.title || 'Photo gallery');
    this._mirror.fill(this._model, this._index);
    this._readView();
    this._applySize();
    this._requestFrame();
    return res;
  }

  _fileName() {
    if (!this.source.src) return 'inline gallery';
    try { return new URL(this._jsonUrl).pathname.split('/').pop() || 'gallery.json'; } catch { return 'gallery.json'; }
  }

  // ---- failure and fallback -----------------------------------------------------------------
  _fail(message, diagnostics) {
    const m = this.message;
    m.replaceChildren();
    const strong = el('strong');
    strong.textContent = message;
    m.append(strong);
    const list = (diagnostics || []).filter((d) => d.severity === 'error');
    if (list.length) {
      const ul = el('ul');
      for (const d of list.slice(0, 20)) {
        const li = el('li');
        const code = el('code');
        code.textContent = d.text;
        li.append(code);
        ul.append(li);
      }
      if (list.length > 20) { const li = el('li'); li.textContent = `… and ${list.length - 20} more`; ul.append(li); }
      m.append(ul);
    }
    m.hidden = false;
    const detail = { message: list.length ? message + ' ' + list.map((d) => d.text).join('; ') : message };
    if (list.length) detail.diagnostics = list;
    this._dispatch('error', detail);
  }

  // No WebGL2 or no wasm: the mirror becomes a visible plain-HTML gallery.
  _fallback(model, why) {
    if (!model || !Array.isArray(model.slides) || !model.slides.length) {
      return this._fail(why || 'The gallery could not be shown.', []);
    }
    this.canvas.hidden = true;
    this.stage.hidden = true;
    this._count = model.slides.length;
    this._mirror.fill(model, this._index, { visible: true, baseUrl: this._jsonUrl });
    if (!this._ready) { this._ready = true; this._dispatch('ready', { index: this._index, count: this._count, fallback: true }); }
  }

  // ---- wasm plumbing --------------------------------------------------------------------------
  _call(name, ...args) {
    const M = this._M;
    if (!M) return;
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

  _withString(s, fn) {
    const M = this._M;
    const n = M.lengthBytesUTF8(s);
    const p = M._malloc(n + 1);
    try {
      M.stringToUTF8(s, p, n + 1);
      return fn(p, n);
    } finally {
      M._free(p);
    }
  }

  _onEvent(type, json) {
    const d = json ? JSON.parse(json) : {};
    if (type === 'slidechange') {
      this._index = d.index;
      this._count = d.count;
      this._mirror.show(d.index, true);
      if (this._expanded) this._applySize();
      this._dispatch('slidechange', { index: d.index, count: d.count });
    } else if (type === 'want') {
      this._images && this._images.want(d);
    } else if (type === 'action') {
      if (d.name === 'fullscreen') this.toggleFullscreen();
      else if (d.name === 'more' || d.name === 'less') this.setExpanded(d.name === 'more');
    }
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

  _dispatch(type, detail) {
    this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ---- input ------------------------------------------------------------------------------------
  _pointer(phase, e) {
    const M = this._M;
    if (!M || !this._gl) return;
    if (phase === 0) {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      this._pointers.set(e.pointerId, true);
      if (e.pointerType === 'mouse') {
        try { this.canvas.setPointerCapture(e.pointerId); } catch { /* not capturable */ }
      }
    } else if (!this._pointers.has(e.pointerId)) {
      return;
    }
    const r = this.canvas.getBoundingClientRect();
    const verdict = M._wg_pointer(phase, e.pointerId, e.clientX - r.left, e.clientY - r.top, now(),
      POINTER_KIND[e.pointerType] ?? 0);
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
    if (this._raf || this._destroyed || !this._M || !this._gl) return;
    this._raf = requestAnimationFrame(() => {
      this._raf = 0;
      if (!this._visible || document.hidden || this._destroyed) return;
      const M = this._M;
      clearTimeout(this._wake);
      const more = M._wg_frame(now());
      if (!this._ready && this._images && this._images.settled(this._index)) {
        this._ready = true;
        this._dispatch('ready', { index: this._index, count: this._count });
      }
      if (more) this._requestFrame();
      else {
        const wake = M._wg_next_wake(now());
        if (wake >= 0) this._wake = setTimeout(() => this._requestFrame(), wake);
      }
    });
  }
}
