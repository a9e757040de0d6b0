// gallery.js — one gallery on the page: its shadow DOM (the stage with the canvas and the message
// box, the accessibility mirror), its start-up (JSON, poster, engine), the page's settings it passes
// on (size, theme, motion), the engine's state it follows, and the public API (index, count, stats,
// next/prev/goTo, load, events). Validation, layout, motion and drawing live in the engine (the wasm,
// in the gallery's render worker or on this thread: client.js); input is input.js, the canvas and
// its context canvas-life.js, the photos images.js.
import { adoptStyles } from './styles.js';
import { compileModule } from './runtime.js';
import { reservedHeight, peekShape, dotsShown } from './reserve.js';
import { Mirror, HIT, urlAllowedHere } from './mirror.js';
import { ImageLoader } from './images.js';
import { decodePool } from './decode-pool.js';
import { posterSource, posterSlides, serverRenderedPhoto, photoSettled, afterNextPaint } from './poster.js';
import { PosterGallery } from './poster-gallery.js';
import { EngineClient } from './client.js';
import { fetchSource, withOptions, sourceName } from './source.js';
import { readView, readDirection } from './page-view.js';
import { showMessage } from './message.js';
import { Input } from './input.js';
import { CanvasLife } from './canvas-life.js';
import * as deepLink from './deep-link.js';
import { whenIdle } from './idle.js';

export { HIT };

// The backing store is CSS size × devicePixelRatio, capped: beyond 3× no phone shows more detail,
// and a 4× store would quadruple GPU memory for nothing.
const MAX_DPR = 3;
// iOS Safari gives no context to a canvas over 16,777,216 pixels (4096 × 4096 in area) and draws
// nothing once the page's canvases pass its memory budget (~384 MB on older iPhones): a full-viewport
// gallery at DPR 3 on a large tablet would be blank. The backing store is scaled down uniformly (the
// aspect kept) to stay under the area limit, so one gallery holds at most 64 MB of that budget (galleries
// far from the viewport give their context back: gl-lease.js); the GPU scales the frame up.
export const MAX_CANVAS_PIXELS = 16777216;

// The device pixels per CSS px for a width × height CSS px canvas: `dpr`, or less where the backing
// store (each side rounded, as engine.js and wg_js_size_buffer do) would pass MAX_CANVAS_PIXELS.
// Rounding adds at most half a pixel per side, so the area is bounded with (w + 1) × (h + 1).
export function backingDpr(width, height, dpr) {
  if (!(width > 0 && height > 0)) return dpr;
  const most = Math.sqrt(MAX_CANVAS_PIXELS / ((width + 1) * (height + 1)));
  return Math.min(dpr, Math.max(0.5, most)); // 0.5: the least wg_resize accepts
}

let fullscreenKeys = 0; // numbers each gallery's full-viewport history entry (history.state.wgFullscreen)
// …with this page load's own mark: an entry left by an earlier load of the page (a reload on it) is not ours.
const LOAD_MARK = Math.random().toString(36).slice(2, 8);
// kMaxTextureSide in widget/platform/app.h: no photo is fetched for a larger box.
const MAX_TEXTURE_SIDE = 2048;
// The longest the wasm waits for the poster's photo before it is fetched anyway (a slow or huge photo
// must not keep the gallery from taking input for long).
const POSTER_HEAD_START_MS = 2500;


function el(tag, cls, attrs) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
  return e;
}



export class Gallery {
  // host: the element that hosts the gallery (custom element, data- div, or a mount target).
  // source: { src?: URL string, data?: object|string, options?: object merged over the JSON's options }
  constructor(host, source = {}) {
    this.host = host;
    this.source = source;
    this._mode = 'loading';     // 'loading' | 'gl' (engine + canvas) | 'fallback' (plain HTML) | 'failed'
    this._index = 0;
    this._count = 0;
    this._client = null;        // this gallery's engine, once it runs (client.js)
    this._near = false;         // within gl-lease's margin of the viewport
    this._visible = true;       // on screen (± 200 px): autoplay runs only then
    this._ready = false;
    this._destroyed = false;
    this._expanded = false;
    this._poster = null;        // the first photo's <img> while the canvas has not drawn it
    this._posterView = null;    // the poster as a gallery (poster-gallery.js) until the canvas takes over
    this._handoverSeq = 0;      // the last jump that told the engine the poster's slide (a `shown` before it is stale); 0: none pending
    this._shownWaiting = null;  // the canvas is ready to take over, the reader's hand is still on the poster
    this._cleanups = [];
    this._shape = { aspect: 1.5, count: null, json: null }; // count null: not known before the JSON
    this._model = null;
    this._jsonUrl = document.baseURI;
    this._pendingWant = null;   // photos the engine wants, held while there is no context to show them
    this._pendingIndex = null;  // goTo() before the gallery had loaded
    this._controls = {};        // the controls' places, from the last state
    this._state = null;         // the engine's last "state" snapshot: {index, count, fullHeight, controls, seq}
    this._prediction = null;    // {seq, index}: where the last navigation goes, until the engine has seen it
    this._stats = null;         // the engine's last stats snapshot
    this._loads = [];           // resolvers of load() calls waiting for the engine's verdict
    this._sent = {};            // last size/view sent: only changes are sent
    this._focusWithin = false;
    this._hovered = false;
    this._linkId = null;        // deep-link id, null when off
    this._viewport = null;      // full-viewport mode (no Fullscreen API): what it changed on the page, to restore
    this._fsKey = 'wg' + LOAD_MARK + (++fullscreenKeys); // its history entry's mark (history.state.wgFullscreen)
    this._popOwn = false;       // leaving full-viewport mode went back over its history entry: that popstate is ours
    this._wasFull = false;      // full screen (either kind) when last told: a change fires `fullscreen`
    this._input = new Input(this);
    this._life = new CanvasLife(this);
    // The JSON is requested before anything else is done: building the shadow DOM costs a phone
    // tens of milliseconds the request need not wait for.
    this._abort = new AbortController();
    this._text = fetchSource(source, this._abort.signal).then(({ text, url }) => {
      this._jsonUrl = url;
      return withOptions(text, source.options);
    });
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
  // The engine's slide, or, right after a navigation the engine has not answered yet, the slide that
  // navigation goes to (as the engine will say): `g.next(); g.index` is the new slide, as on one thread.
  get index() {
    if (this._posterUp()) return this._posterView.target;
    if (this._mode !== 'gl' || !this._state) return this._index;
    return this._predicting() ? this._prediction.index : this._state.index;
  }

  _predicting() {
    const p = this._prediction;
    return !!p && this._mode === 'gl' && !!this._state && !(this._state.seq >= p.seq);
  }
  get count() { return this._count; }
  // The engine's last snapshot (posted when it starts or stops moving, and every 500 ms while it draws
  // once stats are being read).
  get stats() {
    if (this._client) this._client.wantStats();
    return this._snapshot();
  }

  // The last snapshot, not asking for more (the benchmark's rest check reads it during its swipes).
  _snapshot() {
    const s = { framesRendered: 0, lastFrameMs: 0, texturesResident: 0, heapBytes: 0, heapSize: 0, ...this._stats };
    s.mode = this._mode;
    s.webgl = this._life.live ? 'live' : this._life.awaitingRestore ? 'lost' : this._mode === 'gl' ? 'parked' : 'none';
    s.thread = this._client ? this._client.thread : 'none';
    if (this._predicting()) s.animating = true; // told to move, not yet answered: not at rest
    if (this._input.pointers.size) s.animating = true; // held by a finger or the mouse (engine.js)
    // The poster gallery moves or is held, or rests on a slide the canvas has not yet drawn to take over.
    if (this._posterUp() && (this._posterView.busy || this._handoverSeq)) s.animating = true;
    // Let go, and the engine has not yet said whether that starts a move (its state or 'seen' carries
    // the command's number): not at rest either.
    if (this._input.letGoSeq > ((this._state && this._state.seq) || 0)) s.animating = true;
    return s;
  }
  get _glLive() { return this._life.live; }
  next() { this._step(1); }
  prev() { this._step(-1); }
  goTo(i) {
    i = Math.trunc(Number(i));
    if (!Number.isFinite(i)) return;
    if (this._posterUp()) return this._posterView.go(i);
    if (this._mode === 'gl' && this._glLive) this._navigate('goTo', { index: i }, i);
    else if (this._mode === 'gl') this._jump(i);
    else if (this._mode === 'fallback') this._showPlain(i);
    else if (this._mode === 'loading') this._pendingIndex = i;
  }

  destroy() {
    if (this._destroyed) return;
    this._leaveViewport(false);
    this._destroyed = true;
    this._abort.abort(); // the JSON fetch and every listener registered with this signal
    if (this._images) this._images.destroy();
    this._images = null;
    for (const f of this._cleanups.splice(0)) f();
    this._life.destroy();
    if (this._client) this._client.destroy(); // the engine frees its wasm and gives its context back now
    for (const r of this._loads.splice(0)) r(null);
    if (this.root) this.root.replaceChildren(); // (not built yet: waiting for a server-rendered photo)
    this.host.removeAttribute('data-wg-upgraded');
  }

  setExpanded(on) {
    this._expanded = !!on;
    this._readView();
    this._applySize();
  }

  // The one answer to "is this gallery full screen": the Fullscreen API's (standard or WebKit's
  // prefixed one, iPad Safari before 16.4), or the full-viewport mode used where there is none.
  get fullscreen() {
    const el = document.fullscreenElement || document.webkitFullscreenElement;
    return (!!el && el === this.host) || !!this._viewport;
  }

  toggleFullscreen() {
    const host = this.host;
    if (this._viewport) this._leaveViewport(false);
    else if (this.fullscreen) (document.exitFullscreen || document.webkitExitFullscreen).call(document);
    else if (host.requestFullscreen && document.fullscreenEnabled !== false) host.requestFullscreen().catch(() => this._enterViewport()); // refused (a web view): the viewport
    else if (host.webkitRequestFullscreen && document.webkitFullscreenEnabled !== false) host.webkitRequestFullscreen();
    else this._enterViewport(); // iPhone Safari: no element full screen at all
  }

  // Full-viewport mode: the element itself covers the viewport (styles.js, data-wg-fullscreen) and
  // the page behind it does not scroll. It behaves as full screen does: Escape, the button and the
  // browser's Back (a history entry pushed here, a phone's usual way out of a full-page view) leave it.
  _enterViewport() {
    if (this._viewport || this._destroyed || !this.region) return;
    const de = document.documentElement.style;
    // The root's own inline overflow, each axis (the shorthand reads '' when they differ), to put back.
    const saved = ['overflow-x', 'overflow-y'].map((p) => [p, de.getPropertyValue(p), de.getPropertyPriority(p)]);
    this._viewport = { x: scrollX, y: scrollY, saved };
    this._popOwn = false; // a Back of ours still queued from a quick toggle must not swallow the reader's next one
    // The root's overflow (not the body's position) keeps the page where it is behind the gallery;
    // touches do not reach the page at all (the canvas's touch-action: none, styles.js).
    de.setProperty('overflow', 'hidden', 'important');
    this.host.setAttribute('data-wg-fullscreen', 'viewport');
    const st = history.state;
    history.pushState({ ...(st && typeof st === 'object' ? st : {}), wgFullscreen: this._fsKey }, '');
    this._fullChanged();
    if (!this._focusWithin) this.region.focus({ preventScroll: true });
  }

  // popped: the browser's Back already left the gallery's history entry.
  _leaveViewport(popped) {
    const v = this._viewport;
    if (!v) return;
    this._viewport = null;
    const de = document.documentElement.style;
    de.removeProperty('overflow');
    for (const [p, value, priority] of v.saved) if (value) de.setProperty(p, value, priority);
    // Back to the article's height at once: a height transition from the full-viewport 100% would
    // start from the stage's height as no height at all (contain: strict), an empty box growing.
    this.stage.style.transition = 'none';
    this.host.removeAttribute('data-wg-fullscreen');
    void this.stage.offsetHeight; // the style is computed at the new height, still without transition
    this.stage.style.transition = '';
    scrollTo({ left: v.x, top: v.y, behavior: 'instant' });
    if (!popped && history.state && history.state.wgFullscreen === this._fsKey) {
      this._popOwn = true;
      history.back();
    }
    if (!this._destroyed) this._fullChanged();
  }

  // Entering or leaving full screen (either kind): the view, the canvas's size (at once: the top
  // layer's size settles after the event, so again on the next frame) and the input's measure of it.
  _fullChanged() {
    this._readView();
    this._applySize();
    requestAnimationFrame(() => this._applySize());
    this._input.measure();
    const on = this.fullscreen;
    if (on === this._wasFull) return;
    this._wasFull = on;
    if (this._mirror) this._mirror.fullscreen(on);
    this._dispatch('fullscreen', { on, viewport: !!this._viewport });
  }

  // A popstate: leaving the full-viewport mode's history entry (Back) closes it. The entry before it
  // carries the slide the gallery was entered on; the deep link is rewritten to the slide shown now
  // rather than followed back.
  _popState() {
    const ours = !!history.state && history.state.wgFullscreen === this._fsKey;
    if (this._viewport && !ours) {
      this._leaveViewport(true);
      this._popOwn = false;
    } else if (this._popOwn) {
      this._popOwn = false;
    } else {
      return this._followUrl();
    }
    if (this._linkId && this._count) deepLink.writeSlide(this._linkId, this.index);
  }

  // The rotation button: stops autoplay, or starts it again.
  toggleRotation() {
    if (this._mode !== 'gl') return;
    this._send('autoplay', { on: this._controls.autoplay !== 1 });
  }

  // Loads (or reloads) gallery JSON text. Resolves with the engine's verdict {ok, diagnostics,
  // gallery}; null when the engine is not running.
  load(text, keepIndex) {
    if (!this._client) return null;
    let i = keepIndex ? null : this._pendingIndex;
    this._pendingIndex = null;
    if (i === null && !keepIndex) {
      // A deep link (its id is in the JSON's options, read before the engine has validated them).
      const json = this._shape.json || peekShape(text).json;
      const linkId = json && deepLink.linkId(json.options && json.options.deepLink, this.host);
      if (linkId) i = deepLink.readSlide(linkId);
    }
    const start = i !== null && i >= 0 ? i : -1; // -1: the gallery's own startIndex (the engine clamps)
    this._client.send('load', { text, fileName: sourceName(this.source, this._jsonUrl), keepIndex: !!keepIndex, start,
      // Reduced motion: no rotation until the reader asks for it with the rotation button.
      noAutoplay: matchMedia('(prefers-reduced-motion: reduce)').matches });
    return new Promise((resolve) => this._loads.push(resolve));
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
    this.canvas = CanvasLife.makeCanvas();
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

  _on(target, type, fn, opts = {}) {
    target.addEventListener(type, fn, { ...opts, signal: this._abort.signal });
  }

  _listen() {
    this._input.listen((t, type, fn, opts) => this._on(t, type, fn, opts));
    // Hover pauses autoplay: over the whole region, so the rotation button counts too.
    const hover = (on) => (e) => {
      if (e.pointerType === 'touch') return;
      this._hovered = on;
      this._send('hover', { on });
      this._syncLive();
    };
    this._on(this.region, 'pointerenter', hover(true));
    this._on(this.region, 'pointerleave', hover(false));
    this._on(this.region, 'focusin', () => {
      this._focusWithin = true;
      this._send('focus', { on: true });
      this._syncLive();
      this._readView();
    });
    this._on(this.region, 'focusout', (e) => {
      if (this.region.contains(e.relatedTarget)) return;
      this._focusWithin = false;
      this._send('focus', { on: false });
      this._syncLive();
      setTimeout(() => this._readView());
    });
    const ro = new ResizeObserver(() => { this._applySize(); this._input.measure(); });
    ro.observe(this.host);
    ro.observe(this.stage);  // the stage alone changes size on entering/leaving full screen
    this._cleanups.push(() => ro.disconnect());
    const io = new IntersectionObserver((entries) => {
      for (const en of entries) this._visible = en.isIntersecting;
      this._sendVisible();
      this._syncLive();
    }, { rootMargin: '200px' });
    io.observe(this.host);
    this._cleanups.push(() => io.disconnect());
    this._life.watch();
    this._on(document, 'visibilitychange', () => this._sendVisible());
    this._on(document, 'fullscreenchange', () => this._fullChanged());
    this._on(document, 'webkitfullscreenchange', () => this._fullChanged());
    this._on(window, 'hashchange', () => this._followUrl());
    this._on(window, 'popstate', () => this._popState());
    // Full-viewport mode keeps the keyboard in the gallery, and Escape leaves it as it leaves full
    // screen (after the gallery's own use of Escape: a zoomed photo returns to the whole photo first).
    this._on(document, 'keydown', (e) => {
      if (this._viewport && e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        this._leaveViewport(false);
      }
    });
    this._on(document, 'focusin', (e) => {
      if (this._viewport && !this.host.contains(e.target)) this.region.focus({ preventScroll: true });
    });
    // Theme: the site's CSS custom properties and colour scheme are read at start and on change.
    for (const q of ['(prefers-color-scheme: dark)', '(prefers-reduced-motion: reduce)', '(hover: none) and (pointer: coarse)']) {
      this._on(matchMedia(q), 'change', () => this._readView());
    }
    this._on(matchMedia('(prefers-reduced-motion: reduce)'), 'change', (e) => {
      if (e.matches) this._send('autoplay', { on: false });
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
    const full = this.fullscreen;
    // Full screen: the stage's width (the full-viewport mode keeps the safe-area insets as padding).
    const width = (full && this.stage.clientWidth) || this.host.clientWidth || this.host.getBoundingClientRect().width;
    const fs = parseFloat(getComputedStyle(this.host).getPropertyValue('--wg-font-scale')) || 1;
    this._fontScale = fs;
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
    // The engine sizes the canvas's backing store (a transferred canvas is the worker's to size).
    const hh = full ? this.stage.clientHeight : h;
    const dpr = backingDpr(width, hh, Math.min(MAX_DPR, window.devicePixelRatio || 1));
    this._sendChanged('size', { width, height: hh, dpr });
  }

  // Sends a size or view only when it differs from the last one sent.
  _sendChanged(type, data) {
    const key = JSON.stringify(data);
    if (this._sent[type] === key || !this._client || this._mode !== 'gl') return;
    this._sent[type] = key;
    this._send(type, data);
  }

  // The title header is opt-in (<wasm-gallery header>): most articles already show a headline.
  _showHeader() { return this.host.hasAttribute('header'); }

  _readView() {
    this._applyDirection();
    if (!this._client || this._destroyed) return;
    const view = readView(this.host, this.region, this.colorProbe, {
      theme: (this._model && this._model.options && this._model.options.theme) || 'auto',
      header: this._showHeader(), expanded: this._expanded, fontScale: this._fontScale || 1, direction: this._direction(),
      full: this.fullscreen });
    this._sendChanged('view', view);
    this.host.toggleAttribute('data-dark', !!view.dark);
  }

  _direction() {
    const m = this._model || (this._shape && this._shape.json);
    return (m && m.options && m.options.direction) || 'auto';
  }

  // The mirror, the poster and the plain-HTML gallery read in the gallery's direction and language;
  // keys follow it (ArrowLeft is "next" right to left).
  _applyDirection() {
    const { rtl, lang } = readDirection(this.host, this._direction());
    this._rtl = rtl;
    this.region.setAttribute('dir', rtl ? 'rtl' : 'ltr');
    if (lang) this.region.setAttribute('lang', lang);
    else this.region.removeAttribute('lang');
  }

  // ---- start-up -------------------------------------------------------------------------------
  // The wasm once the poster's photo is in (or has failed, or after POSTER_HEAD_START_MS):
  // on a phone's connection they would otherwise share its bandwidth and delay the photo by what they
  // weigh (measured with bench/: 0.5 s of 2.3 s on the emulated fast 3G).
  _runtimeAfterPoster() {
    const runtime = photoSettled(this._poster, POSTER_HEAD_START_MS).then(() => {
      const pool = decodePool();
      if (pool) pool.warm();
      return compileModule();
    });
    runtime.catch(() => {}); // reported where awaited
    return runtime;
  }

  async _start() {
    // A server-rendered photo is already on its way (the parser found it before any script ran): the
    // wasm need not wait for the JSON's round trip, only for that photo.
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
    this._shape = peekShape(text);
    this._applySize();
    // The first photo is requested first (the poster), the wasm once it is in.
    this._showPoster();
    const runtime = early || this._runtimeAfterPoster();
    const client = new EngineClient((type, data) => this._onEvent(type, data), { forceNoWebGL: !!this.source.forceNoWebGL });
    try {
      await runtime;
      if (this._destroyed) return;
      await client.start();
    } catch (e) {
      client.destroy();
      if (this._destroyed) return;
      console.warn('[wasm-gallery] running without WebAssembly:', e.message);
      return this._fallback(this._shape.json, 'The interactive gallery could not start (' + e.message + ').');
    }
    if (this._destroyed) return client.destroy();
    this._client = client;
    this._images = new ImageLoader(this);
    this._mode = 'gl'; // WebGL2 itself is tried when the gallery first comes near the viewport
    this._readView();
    this._applySize();
    this.load(text, false);
  }

  // The first photo as an <img> until the canvas has drawn it (poster.js): the server-rendered one
  // until the JSON is in, then the JSON's slides as the poster gallery (poster-gallery.js) on its start
  // slide (the same <img>, kept when its URL is one of that slide's).
  _showPoster() {
    if (this._showHeader()) return;
    const json = this._shape.json;
    let sources = null, index = 0;
    if (json) {
      let start = this._pendingIndex !== null ? this._pendingIndex : -1;
      const linkId = deepLink.linkId(json.options && json.options.deepLink, this.host);
      if (start < 0 && linkId) start = deepLink.readSlide(linkId);
      const box = this._photoBox();
      const src = posterSource(json, this._jsonUrl, start, urlAllowedHere, box);
      if (!src) return this._dropPoster();
      index = src.index;
      sources = posterSlides(json, this._jsonUrl, urlAllowedHere, box);
      const ssr = this._ssr && sources[index] && sources[index].urls.includes(this._ssr.url);
      if (ssr) sources[index].url = this._ssr.url;
    } else if (this._ssr && !this._poster) {
      sources = [this._ssr];
    } else {
      return;
    }
    this._posterShow(sources, index, json);
  }

  _posterShow(sources, index, json) {
    this._applyDirection(); // the strip runs in the gallery's direction (slide 2 is on the left right to left)
    if (!this._posterView) {
      this._posterView = new PosterGallery(this.stage, { onSettle: (i) => this._posterSettled(i), onIdle: () => this._posterIdle() });
    }
    const loop = !!(json && json.options && json.options.loop);
    const band = !json || dotsShown(sources.length, this.host.clientWidth);
    this._poster = this._posterView.show(sources, index, this._shape.aspect, { loop, band });
  }

  // The poster takes the gallery's input: a gallery of its own (its JSON is known), the canvas not yet in.
  _posterUp() { return !!this._posterView && this._posterView.live && !this._ready; }

  // The reader brought the poster to rest on slide i: the engine starts there (or jumps there, unseen
  // under the poster, and says `shown` again once it has drawn that slide's photo).
  _posterSettled(i) {
    if (this._mode === 'loading') this._pendingIndex = i;
    else if (this._mode === 'gl') this._handoverSeq = this._send('jump', { index: i, handover: true });
    this._onSlide(i, this._posterView.sources.length);
  }

  _posterIdle() {
    const d = this._shownWaiting;
    if (d) this._handOver(d);
  }

  // The canvas has drawn the current slide's photo (`shown` {seq}): it takes over from the poster —
  // at the slide the reader is on, and never under the reader's hand.
  _handOver(d) {
    this._shownWaiting = null;
    const p = this._posterUp() ? this._posterView : null;
    if (p) {
      if (!(d.seq >= this._handoverSeq)) return; // drawn before the engine heard of the reader's slide
      if (p.busy) { this._shownWaiting = d; return; }
    }
    this._ready = true;
    this._dropPoster(); // the canvas now shows the photo the poster showed, in the same place
    this._dispatch('ready', { index: this.index, count: this._count });
  }

  // The photo area in device px before the wasm has laid it out: full width at the first slide's aspect
  // (what compute_layout gives a box of reservedHeight()), capped like the wasm's textures.
  _photoBox() {
    const width = this.host.clientWidth || this.host.getBoundingClientRect().width;
    const dpr = Math.min(MAX_DPR, window.devicePixelRatio || 1);
    return { width: Math.min(MAX_TEXTURE_SIDE, Math.ceil(width * dpr)), height: Math.min(MAX_TEXTURE_SIDE, Math.ceil(width / this._shape.aspect * dpr)) };
  }

  _dropPoster() {
    this._handoverSeq = 0;
    if (this._posterView) this._posterView.drop();
    this._posterView = null;
    this._poster = null;
    this._shownWaiting = null;
  }

  // The engine's verdict on a load(): the mirror, the deep link and the view follow the new model.
  _loaded(res) {
    const resolve = this._loads.shift();
    if (!res.ok) {
      if (!this._model) this._mode = 'failed'; // a reload that fails keeps the gallery shown before
      this._fail('The gallery could not be loaded: ' + sourceName(this.source, this._jsonUrl) + ' has errors.', res.diagnostics);
      return resolve && resolve(res);
    }
    this._warnings = res.diagnostics;
    for (const d of res.diagnostics) console.warn('[wasm-gallery] ' + d.text);
    const model = res.gallery;
    this._model = model;
    this._count = model.slides.length;
    this._linkId = deepLink.linkId(model.options && model.options.deepLink, this.host);
    this._index = this.index;
    this._shape = { aspect: this._shape.aspect, count: this._count, json: null };
    this.message.hidden = true;
    if (this._mode === 'failed') this._mode = 'gl';
    this.region.setAttribute('aria-label', model.title || 'Photo gallery');
    this._mirror.fill(model, this._index, { mode: this._mode === 'fallback' ? 'visible' : 'overlay', baseUrl: this._jsonUrl,
      urlAllowed: urlAllowedHere });
    this._placed = null; // new buttons: place them over the controls again
    this._syncControls();
    if (this._posterView) {
      // Still over the canvas (its photo not drawn yet): it shows what the gallery now says.
      const sources = posterSlides(model, this._jsonUrl, urlAllowedHere, this._photoBox());
      if (sources[this._index]) this._posterShow(sources, this._index, model);
      else this._dropPoster();
    }
    this._readView();
    this._applySize();
    this._syncGL();
    if (resolve) resolve(res);
  }

  // Where a fresh gallery starts: goTo() called before it loaded, else its deep link; -1 = the
  // gallery's own startIndex.
  _startIndex(count) {
    let i = this._pendingIndex;
    this._pendingIndex = null;
    if (i === null && this._linkId) i = deepLink.readSlide(this._linkId);
    return i !== null && i >= 0 && count > 0 ? Math.min(i, count - 1) : -1;
  }

  // ---- failure and fallback -----------------------------------------------------------------
  _fail(message, diagnostics) {
    this._leaveViewport(false); // the plain gallery has no exit button: the page must not stay covered
    this._dropPoster();
    this._dispatch('error', showMessage(this.message, message, diagnostics));
  }

  // No WebGL2 or no wasm: the mirror becomes a visible plain-HTML gallery. `model` is the wasm's
  // validated gallery, or (no wasm) the raw JSON, which the mirror reads defensively.
  _fallback(model, why) {
    this._leaveViewport(false); // the plain gallery has no exit button: the page must not stay covered
    if (!model || typeof model !== 'object' || !Array.isArray(model.slides) || !model.slides.length) {
      this._mode = 'failed';
      return this._fail(why || 'The gallery could not be shown.', []);
    }
    this._life.destroy();
    if (this._client) this._client.destroy(); // the worker and its wasm are not needed any more
    this._client = null;
    this._dropPoster();
    this._mode = 'fallback';
    this.stage.hidden = true;
    this._model = model;
    this._count = model.slides.length;
    this._applyDirection();
    const opt = model.options && typeof model.options === 'object' ? model.options : {};
    this._linkId = deepLink.linkId(opt.deepLink, this.host);
    const start = this._startIndex(this._count);
    const index = start >= 0 ? start : this._state ? this._state.index : Math.max(0, Math.min(this._count - 1, opt.startIndex | 0));
    if (typeof model.title === 'string' && model.title) this.region.setAttribute('aria-label', model.title);
    this._mirror.fill(model, index, { mode: 'visible', baseUrl: this._jsonUrl, urlAllowed: urlAllowedHere });
    this._index = this._mirror.index;
    if (!this._ready) {
      this._ready = true;
      this._dispatch('ready', { index: this._index, count: this._count, fallback: true });
    }
  }

  // ---- navigation -----------------------------------------------------------------------------
  _step(d) {
    if (this._posterUp()) return this._posterView.go(this._posterView.target + d);
    if (this._mode === 'gl' && this._glLive) this._navigate(d > 0 ? 'next' : 'prev', {}, this.index + d);
    else if (this._mode === 'gl') this._jump(this.index + d);
    else if (this._mode === 'fallback') this._showPlain(this._index + d);
    else if (this._mode === 'loading') this._pendingIndex = (this._pendingIndex || 0) + d;
  }

  // A navigation command, and the slide it leads to (wrapped or clamped as the carousel does).
  _navigate(type, data, to) {
    const seq = this._client ? this._client.send(type, data) : 0;
    if (seq && this._count) this._prediction = { seq, index: this._target(to) };
  }

  _target(i) {
    const n = this._count;
    const loop = this._model && this._model.options && this._model.options.loop;
    return loop ? ((i % n) + n) % n : Math.max(0, Math.min(n - 1, i));
  }

  // Without a context nothing animates: the carousel is placed on the slide at once.
  _jump(i) {
    const n = this._count;
    if (!this._client || !n) return;
    i = this._target(i);
    const before = this.index;
    this._navigate('jump', { index: i }, i);
    if (i !== before) this._onSlide(i, n);
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
    this._followSlide();
    this._dispatch('slidechange', { index, count });
  }

  // The mirror's slide, the live region's words and the URL follow the slide at the page's next idle
  // moment (within 100 ms), not in the task that says the slide changed: that task runs while the
  // page is drawing its frames, and the DOM writes would add style work to one of them. Slide
  // changes closer together than that are announced once, the last.
  _followSlide() {
    if (this._following) return;
    this._following = true;
    whenIdle(() => {
      this._following = false;
      if (this._destroyed || !this._model) return;
      const i = this._index;
      this._mirror.show(i);
      this._mirror.announce(i);
      if (this._linkId) deepLink.writeSlide(this._linkId, i);
    }, 100);
  }

  _followUrl() {
    if (!this._linkId || this._mode === 'loading') return;
    const i = deepLink.readSlide(this._linkId);
    if (i >= 0 && i < this._count && i !== this.index) this.goTo(i);
  }

  // A navigation key (input.js KEYS) pressed in the gallery: ArrowLeft/ArrowRight as previous/next in
  // reading order (swapped right to left).
  _key(k, e) {
    if (this._rtl && (k === 1 || k === 2)) k = 3 - k;
    // The slide key k leads to from slide `from` of `count` (clamped or wrapped by whoever goes there).
    const target = (from, count) => (k === 1 ? from - 1 : k === 2 ? from + 1 : k === 3 ? 0 : count - 1);
    if (this._posterUp()) {
      e.preventDefault();
      const p = this._posterView;
      return p.go(target(p.target, p.sources.length));
    }
    if (this._mode === 'gl' && this._glLive) {
      e.preventDefault();
      this._navigate('key', { key: k }, target(this.index, this._count));
    } else if (this._mode === 'fallback' || this._mode === 'gl') {
      e.preventDefault();
      const to = target(this._index, this._count);
      if (this._mode === 'fallback') this._showPlain(to); else this._jump(to);
    }
  }

  // ---- accessibility mirror -------------------------------------------------------------------
  // The DOM button focused by keyboard, drawn on the canvas as a ring around what it stands for.
  _focusRing(hit, dot) {
    if (this._mode === 'gl') this._send('focusRing', { hit, dot });
  }

  // Where the canvas draws its controls and whether it rotates: the mirror follows.
  _syncControls() {
    if (!this._client || this._mode !== 'gl' || this._destroyed) return;
    const controls = (this._state && this._state.controls) || {};
    // Only a change touches the DOM: each style write would cost the page a style recalc.
    const key = JSON.stringify(controls);
    if (key !== this._placed) {
      this._placed = key;
      this._controls = controls;
      this._mirror.place(controls);
    }
    this._syncLive();
  }

  _syncLive() {
    const rotating = this._controls.autoplay === 1 && !this._focusWithin && !this._hovered && this._visible && !document.hidden;
    this._mirror.setRotating(rotating);
  }

  _sendVisible() {
    this._send('visible', { on: this._visible && !document.hidden, hidden: document.hidden });
  }

  // ---- the canvas's context (canvas-life.js; gl-lease.js calls these two) ---------------------
  _syncGL() { this._life.sync(); }
  _park() { this._life.park(); }

  // A live context: the photos it wants can be shown now.
  _online() {
    const want = this._pendingWant;
    this._pendingWant = null;
    if (want && this._images) this._images.want(want);
    this._readView();
  }

  // No context (parked or lost): photos stop loading, a photo arriving now would have nowhere to go.
  _offline() {
    if (this._images) this._images.want([]);
    this._pendingWant = null;
  }

  // ---- the engine -------------------------------------------------------------------------------
  // The command's sequence number (0: not sent).
  _send(type, data, transfer) {
    return this._client && this._mode === 'gl' ? this._client.send(type, data, transfer) : 0;
  }

  _onEvent(type, d) {
    if (this._destroyed) return;
    switch (type) {
      case 'state': {
        // Pushed by the engine whenever it changed (app.cpp publish_state); read, never asked for.
        const grew = this._state && d.fullHeight !== this._state.fullHeight;
        const zoom = d.zoom || 100;
        if (zoom !== (this._zoom || 100)) {
          this.stage.classList.toggle('wg-zoomed', zoom > 100);
          this._mirror.zoomed(zoom, true);
        }
        this._zoom = zoom;
        this._state = d;
        this._syncControls(); // the mirror's buttons follow the drawn controls
        if (grew && this._expanded) this._applySize();
        break;
      }
      case 'slidechange': this._onSlide(d.index, d.count); break;
      case 'want':
        if (this._glLive && this._images) this._images.want(d);
        else this._pendingWant = d;
        break;
      case 'action':
        if (d.name === 'fullscreen') this.toggleFullscreen();
        else if (d.name === 'more' || d.name === 'less') this.setExpanded(d.name === 'more');
        break;
      case 'loaded': this._loaded(d); break;
      case 'gl': this._life.onGl(d.ok); break;
      case 'lost': this._life.onLost(d); break;
      case 'restored': this._life.onRestored(); break;
      case 'released': this._input.released(d.id); break;
      case 'uploaded': if (this._images) this._images.uploaded(d); break;
      case 'stats': this._stats = d; break;
      case 'seen': if (this._state && !(this._state.seq >= d.seq)) this._state = { ...this._state, seq: d.seq }; break;
      case 'shown': if (!this._ready) this._handOver(d); break;
      case 'crashed':
        this._fallback(this._model, 'The interactive gallery stopped (' + d.why + ').');
        break;
    }
  }

  _dispatch(type, detail) {
    this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
