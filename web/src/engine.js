// engine.js — one gallery's wasm instance and its frames, wherever they run: in the gallery's render
// worker on an OffscreenCanvas (render-worker.js), or on the page's thread on the canvas element when
// the browser cannot draw WebGL2 in a worker. It knows nothing of the DOM but the canvas it is given.
// Commands arrive as messages {type, …} (handle), events leave through `post(type, data)`; the client
// (client.js) is the same on both sides of the transport, so moving threads changes nothing else.
//
// Commands: load, size, view, acquire {canvas}, park, pointer, wheel, pinch, zoomToggle, key, goTo, next, prev, jump,
//   hover, focus, visible, focusRing, autoplay, image, imagePort, imageFailed, statsWanted, debug, destroy.
// Events: loaded {ok, diagnostics, gallery}, state, slidechange, want, action (from the wasm);
//   gl {ok}, lost {restorable}, restored, shown, released {id}, uploaded {slide, ok}, seen {seq}, stats, debug.
import createWasmGalleryModule from 'wasm-gallery-glue';
import { TextEngine } from './text-engine.js';

// How often the stats snapshot is posted while frames are drawn, once the page has read `stats` in
// the last STATS_INTEREST_MS (each is a message to the page's thread, which nobody reads on most
// pages). It is always posted when the carousel starts or stops moving, a photo arrives, and the
// frames stop (not while a pointer holds the gallery: _statsAtRest); so `stats` is current at rest
// and lags by at most this while drawing.
const STATS_EVERY_MS = 500;
const STATS_INTEREST_MS = 5000;
// Frame start times kept for the benchmark's frame intervals (debug 'frameTimes').
const FRAME_LOG = 4000;
// kMaxTextureSide * 2 in widget/platform/app.h: larger pixels are refused by exports_images.cpp; refused here before copying.
const MAX_PIXELS_SIDE = 4096;

const utf8 = new TextEncoder();
// Commands whose slide the page predicts until the engine has seen them (gallery.js `index`).
const NAVIGATION = new Set(['goTo', 'next', 'prev', 'key', 'jump']);
const raf = typeof requestAnimationFrame === 'function' ? (f) => requestAnimationFrame(f) : (f) => setTimeout(f, 16);
const cancelRaf = typeof cancelAnimationFrame === 'function' ? (h) => cancelAnimationFrame(h) : (h) => clearTimeout(h);

// A new instance of the compiled widget module. `printErr` lines go to the console of this thread.
export function instantiate(module, onEvent, { canvas = null, forceNoWebGL = false, base = '' } = {}) {
  let failed = null;
  return new Promise((resolve, reject) => {
    createWasmGalleryModule({
      wgCanvas: canvas,
      wgForceNoWebGL: forceNoWebGL,
      wgText: new TextEngine(),  // the browser's text engine, which the wasm measures and draws with
      onWgEvent: onEvent,
      locateFile: (p) => new URL(p, base || self.location.href).href,
      print: () => {},
      printErr: (s) => console.warn('[wasm-gallery]', s),
      onAbort: (what) => reject(new Error('wasm aborted: ' + what)),
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(module, imports).then((inst) => receive(inst, module), (e) => { failed = e; reject(e); });
        return {};
      },
    }).then((M) => (failed ? reject(failed) : resolve(M)), reject);
  });
}

// UTF-8 into the wasm heap with the browser's own encoder (Emscripten's per-character stringToUTF8
// took a third of a second for a 10 MB document).
function withString(M, s, fn) {
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

// Creates the engine of one gallery: {module: WebAssembly.Module, clockOffset: ms to add to this
// thread's performance.now() to get the page's, post(type, data, transfer)}.
export async function createEngine({ module, clockOffset = 0, post, base, forceNoWebGL = false }) {
  const engine = new Engine(post, clockOffset, forceNoWebGL);
  engine.M = await instantiate(module, (t, j) => engine._event(t, j), { base, forceNoWebGL });
  engine._watchFonts(engine.M.wgText);
  return engine;
}

export class Engine {
  constructor(post, clockOffset, forceNoWebGL) {
    this.post = post;
    this.offset = clockOffset;
    this.forceNoWebGL = forceNoWebGL;
    this.M = null;
    this.canvas = null;       // the canvas drawn into (OffscreenCanvas in a worker)
    this.ctx = null;          // its WebGL2 context while live
    this.glInited = false;    // wg_init succeeded once; later contexts go through wg_gl_restore
    this.live = false;
    this.hidden = false;      // the page is hidden: no frames
    this.raf = 0;
    this.wake = 0;
    this.size = null;
    this.shown = false;       // `shown` posted: the current slide's photo (or its failure) was drawn
    this.statsAt = -Infinity;
    this.statsWantedUntil = -Infinity; // the page read `stats` lately (command statsWanted)
    this.held = new Set();    // pointers down on the gallery (a drag draws a frame per move, then stops)
    this.heldState = null;    // the latest state while held, posted when let go (_emit)
    this.animating = 0;       // `animating` in the last stats posted
    this.seq = 0;             // the last command handled (client.js numbers them)
    this.frameTimes = [];
    this.frameWork = [];  // ms each of those frames took on this thread (wg_frame: layout, ImGui, GL calls)
    this.glQueries = null;    // {name: count} once debug 'watchQueries' ran
    this.selfLost = false;    // the next context loss is this engine's own (debug 'loseContext')
    this.destroyed = false;
    // Hooks around each drawn frame, for a host that shares one canvas and context between engines
    // (bench/: one render worker for every gallery): size the canvas before, present it after.
    this.beforeFrame = null;
    this.afterFrame = null;
  }

  now() { return performance.now() + this.offset; }

  _event(type, json) {
    if (!this.destroyed) this._emit(type, json ? JSON.parse(json) : {});
  }

  _emit(type, d) {
    // A move that starts: the stats saying so go out before the state with its new slide; a move that
    // ends: after its slidechange. The page never sees a new slide with a stale `animating`, nor a
    // gallery at rest whose slidechange has not arrived.
    if (type === 'state') {
      // While a finger or the mouse holds the gallery its state waits for the release (_pointer): a
      // drag past half a slide would otherwise be a message to the page, whose index, like Swiper's,
      // follows the slide the release goes to.
      if (this.held.size) { this.heldState = d; return; }
      this._syncAnimating();
      d.seq = this.seq; // the state after every command up to this one
    }
    this.post(type, d);
    if (type === 'slidechange') this._syncAnimating();
  }

  _syncAnimating() {
    if (this.M._wg_animating() !== this.animating) this._postStats(true);
  }

  handle(m) {
    const M = this.M;
    if (this.destroyed || !M) return;
    if (m.seq) this.seq = m.seq;
    const t = this.now();
    switch (m.type) {
      case 'load': {
        // A new gallery lets go of any drag (its slides change under the finger; the hand wins only
        // over navigations, which the carousel ignores while held): its states go out at once.
        this.held.clear();
        this.heldState = null;
        const res = withString(M, m.text, (p, n) => withString(M, m.fileName, (f) =>
          JSON.parse(M.UTF8ToString(M._wg_load(p, n, f, m.keepIndex ? 1 : 0, t)))));
        if (res.ok && m.start >= 0) M._wg_jump_to(m.start);
        if (res.ok && m.noAutoplay) M._wg_set_autoplay(0);
        this.post('loaded', res);
        break;
      }
      case 'size': this._size(m); break;
      case 'view':
        M._wg_set_view(m.reduced, m.arrows, m.header, m.expanded, m.full, m.fontScale, m.dark, m.bg, m.text, m.accent, m.rtl);
        if (M.wgText.setView(m)) M._wg_text_changed();
        break;
      case 'acquire': this._acquire(m.canvas, !!m.placeholder); return;
      case 'park': this._park(); return;
      case 'pointer': this._pointer(m); break;
      case 'wheel': M._wg_wheel(m.dx, m.dy, m.t, m.ctrl ? 1 : 0, m.x || 0, m.y || 0); break;
      case 'pinch': M._wg_pinch(m.phase, m.ax, m.ay, m.bx, m.by, m.t); break;
      case 'zoomToggle': M._wg_zoom_toggle(t); break;
      case 'key': M._wg_key(m.key, t); break;
      case 'goTo': M._wg_go_to(m.index, t); break;
      case 'next': M._wg_next(t); break;
      case 'prev': M._wg_prev(t); break;
      case 'jump':
        M._wg_jump_to(m.index);
        if (m.handover) this.shown = false; // the page's poster moved on: say `shown` again for this slide
        break;
      case 'hover': M._wg_hover(m.on ? 1 : 0, t); break;
      case 'focus': M._wg_focus(m.on ? 1 : 0, t); break;
      case 'visible':
        M._wg_visible(m.on ? 1 : 0, t);
        this.hidden = !!m.hidden;
        break;
      case 'focusRing': M._wg_set_focus_ring(m.hit, m.dot); break;
      case 'autoplay': M._wg_set_autoplay(m.on ? 1 : 0); break;
      case 'image': this._upload(m); return;
      case 'imagePort':
        // Pixels straight from a decode worker (decode-pool.js), never through the page's thread.
        m.port.onmessage = (e) => { m.port.close(); this._upload({ ...e.data, slide: m.slide }); };
        return;
      case 'imageFailed': withString(M, m.reason, (p) => M._wg_image_failed(m.slide, p)); break;
      case 'statsWanted':
        this.statsWantedUntil = t + STATS_INTEREST_MS;
        this._postStats(true);
        return;
      case 'debug': this._debug(m.what); return;
      case 'destroy': this._destroy(); return;
      default: return;
    }
    // A navigation need not change the state (next on the last slide), nor need letting go of the
    // gallery (a tap): say it was seen all the same (gallery.js: not at rest until then).
    if (NAVIGATION.has(m.type) || (m.type === 'pointer' && m.phase >= 2)) this.post('seen', { seq: this.seq });
    // A finger or mouse still down: the page knows the gallery is held (gallery.js stats); the move's
    // start is posted when it lets go, with the state of the slide it goes to (one message, not two).
    if (!(m.type === 'pointer' && m.phase < 2)) this._syncAnimating();
    this.requestFrame();
  }

  // A font the text uses arrived (a web font loaded here, or on the page's thread): measure and draw
  // the text again.
  _watchFonts(text) {
    text.onChange = () => {
      if (this.destroyed) return;
      this.M._wg_text_changed();
      this.requestFrame();
    };
    this.fontsAbort = new AbortController();
    if (typeof document === 'object' && document.fonts) {
      document.fonts.addEventListener('loadingdone', () => text._changed(), { signal: this.fontsAbort.signal });
    }
  }

  // ---- canvas and context ---------------------------------------------------------------------
  _size({ width, height, dpr }) {
    this.size = { width, height, dpr };
    this._sizeCanvas();
    this.M._wg_resize(width, height, dpr);
  }

  _sizeCanvas() {
    const c = this.canvas, s = this.size;
    if (!c || !s) return;
    const bw = Math.round(s.width * s.dpr), bh = Math.round(s.height * s.dpr);
    if (c.width !== bw) c.width = bw;
    if (c.height !== bh) c.height = bh;
  }

  // A canvas to draw into (the first, or a fresh one after a park or a lost context): a canvas keeps
  // its one context for life, so a new context needs a new canvas.
  _acquire(canvas, placeholder = false) {
    const M = this.M;
    if (canvas && canvas !== this.canvas) this._adopt(canvas, placeholder);
    if (!this.canvas) return this.post('gl', { ok: false });
    this._sizeCanvas();
    M.wgCanvas = this.canvas;
    const ok = this.glInited ? M._wg_gl_restore() : M._wg_init();
    if (!ok) {
      this._loseContext(this.canvas.getContext('webgl2'));
      return this.post('gl', { ok: false });
    }
    this.glInited = true;
    this.live = true;
    this.ctx = this.canvas.getContext('webgl2');
    this.post('gl', { ok: true });
    this.requestFrame();
  }

  // placeholder: `canvas` is the OffscreenCanvas of a page's <canvas> (transferControlToOffscreen).
  _adopt(canvas, placeholder) {
    if (this.canvasAbort) this.canvasAbort.abort();
    this.canvasAbort = new AbortController();
    const signal = this.canvasAbort.signal;
    this.canvas = canvas;
    // Firefox (153) throws "Cannot update created context to different thread" when a transferred
    // OffscreenCanvas is asked for its context a second time (the spec returns the same one), and the
    // wasm's context creation, this file and the lose-context paths each ask: the first answer is kept.
    if (!canvas.wgContextKept) {
      const ask = canvas.getContext.bind(canvas);
      let kept = null;
      canvas.getContext = (type, attrs) => (type === 'webgl2' ? kept || (kept = ask(type, attrs)) : ask(type, attrs));
      canvas.wgContextKept = true;
    }
    canvas.addEventListener('webglcontextlost', (e) => {
      // preventDefault() asks the browser to offer the context back. Chromium (156) takes the whole tab
      // down when it restores, after a GPU-process crash, the context of a placeholder's OffscreenCanvas
      // (docs/gpu-crash.md): such a context is let go, and the page gives a fresh canvas at once. A loss
      // this engine made itself (debug 'loseContext', WEBGL_lose_context) comes back safely.
      const restorable = !placeholder || this.selfLost;
      this.selfLost = false;
      if (restorable) e.preventDefault();
      if (canvas !== this.canvas || !this.live) return;
      this._dropGL();
      this.post('lost', { restorable });
    }, { signal });
    canvas.addEventListener('webglcontextrestored', () => {
      if (canvas !== this.canvas || this.destroyed) return;
      this.post('restored', {}); // the client decides: take it (acquire) or give it back (park)
    }, { signal });
  }

  // The context goes back to the browser; model and slide stay in the wasm.
  _park() {
    const ctx = this.ctx || (this.canvas && this.glInited ? this.canvas.getContext('webgl2') : null);
    if (this.live) this._dropGL();
    this._loseContext(ctx);
    if (this.canvasAbort) this.canvasAbort.abort();
    this.canvasAbort = null;
    this.canvas = null;
  }

  // The wasm forgets its GL objects; frames stop until a context comes back.
  _dropGL() {
    this.live = false;
    this.ctx = null;
    cancelRaf(this.raf);
    this.raf = 0;
    clearTimeout(this.wake);
    this.M._wg_gl_lost();
    this._postStats(true);
  }

  _loseContext(ctx) {
    if (!ctx || ctx.isContextLost()) return;
    const ext = ctx.getExtension('WEBGL_lose_context');
    if (ext) ext.loseContext();
  }

  _destroy() {
    this.destroyed = true;
    if (this.fontsAbort) this.fontsAbort.abort();
    cancelRaf(this.raf);
    clearTimeout(this.wake);
    const ctx = this.ctx;
    try { this.M._wg_destroy(); } catch { /* already torn down */ }
    this.M.onWgEvent = null;
    this.M.wgCanvas = null;
    this.live = false;
    this._loseContext(ctx); // the browser frees the GPU context now, not at some later GC
    if (this.canvasAbort) this.canvasAbort.abort();
    this.canvas = null;
  }

  // ---- input ------------------------------------------------------------------------------------
  // phase 0 down, 1 move, 2 up, 3 cancel; `moves`: the coalesced moves before this one, [x, y, t].
  _pointer(m) {
    const M = this.M;
    let verdict = 0;
    for (const [x, y, t] of m.moves || []) {
      verdict = M._wg_pointer(1, m.id, x, y, t, m.kind);
      if (verdict === 2) break;
    }
    if (verdict !== 2) verdict = M._wg_pointer(m.phase, m.id, m.x, m.y, m.t, m.kind);
    if (m.phase === 1 && verdict === 2) {
      // Vertical: the page scrolls (touch-action lets it); this pointer is no longer ours.
      M._wg_pointer(3, m.id, 0, 0, this.now(), 0);
      this.post('released', { id: m.id });
    }
    if (m.phase === 0) this.held.add(m.id);
    else if (m.phase >= 2 || verdict === 2) this.held.delete(m.id);
    if (!this.held.size) this._postHeldState();
  }

  // The state that waited while a pointer held the gallery, if any.
  _postHeldState() {
    const d = this.heldState;
    this.heldState = null;
    if (d) this._emit('state', d);
  }

  // ---- photos -----------------------------------------------------------------------------------
  // Decoded, premultiplied RGBA at display size: uploaded from its own buffer (Module.wgPixels, read by
  // wg_js_photo_texture), never copied into the wasm heap. With `crop`: a sharper part of the zoomed
  // photo (wg_image_detail), `source` the whole photo's size.
  _upload({ slide, width, height, pixels, opaque, crop, source }) {
    const M = this.M;
    let ok = false;
    if (!this.destroyed && width > 0 && height > 0 && width <= MAX_PIXELS_SIDE && height <= MAX_PIXELS_SIDE && pixels &&
        pixels.byteLength >= width * height * 4) {
      M.wgPixels = new Uint8Array(pixels, 0, width * height * 4);
      try {
        ok = (crop
          ? M._wg_image_detail(slide, crop[0], crop[1], crop[2], crop[3], (source && source[0]) || 0, (source && source[1]) || 0, width, height, this.now())
          : M._wg_image_texture(slide, width, height, opaque ? 1 : 0, this.now())) === 1;
      } finally {
        M.wgPixels = null;
      }
    }
    if (crop) return this.requestFrame();  // only sharper: a refusal is no failure of the slide's photo
    this.post('uploaded', { slide, ok });
    this._postStats(true);
    // A neighbour's photo, off screen, is drawn when it comes into view: no frame now (at rest each one
    // is a full-resolution redraw, which software GL takes ~100 ms over, holding up the page's paint).
    if (M._wg_slide_shown(slide)) this.requestFrame();
  }

  // ---- frames on demand -------------------------------------------------------------------------
  requestFrame() {
    if (this.raf || this.destroyed || !this.live) return;
    this.raf = raf(() => {
      this.raf = 0;
      if (this.hidden || this.destroyed || !this.live) return;
      const M = this.M;
      clearTimeout(this.wake);
      const t = this.now();
      if (this.frameTimes.length >= FRAME_LOG) { this.frameTimes.splice(0, FRAME_LOG / 2); this.frameWork.splice(0, FRAME_LOG / 2); }
      this.frameTimes.push(t);
      if (this.beforeFrame) this.beforeFrame(this);
      const more = M._wg_frame(t);
      this.frameWork.push(this.now() - t);
      if (this.afterFrame) this.afterFrame(this);
      if (!this.shown && M._wg_photo_settled()) {
        // Said once that frame is on screen: a worker's frames reach the screen a frame or more after
        // they are drawn, and the page drops its poster on this word (no flash of an older frame).
        this.shown = true;
        const seq = this.seq; // the commands this frame has seen (gallery.js _handOver)
        raf(() => raf(() => { if (!this.destroyed) this.post('shown', { seq }); }));
      }
      if (more) this._postStats(false);
      else this._statsAtRest();
      // Out now, not at the task's end: in a worker the frame's commit (after this callback, before
      // its microtasks) can wait on the GPU for tens of ms when the frame grew back to full resolution,
      // and the page would learn of the settled slide only after that.
      if (this.post.flush) this.post.flush();
      if (more) this.requestFrame();
      else {
        const wake = M._wg_next_wake(this.now());
        if (wake >= 0) this.wake = setTimeout(() => this.requestFrame(), wake);
      }
    });
  }

  stats() {
    const M = this.M;
    const s = JSON.parse(M.UTF8ToString(M._wg_stats()));
    s.heapSize = M.HEAPU8.length; // wasm memory size: the heap's high-water mark
    s.photoDrawn = !!M._wg_photo_settled(); // the current slide's photo (or its failure) fully drawn
    if (this.glQueries) s.glQueries = { ...this.glQueries };
    return s;
  }

  // The frames stopped: the stats go out, so they are exact at rest; but not while a finger or the
  // mouse holds the gallery, unless the page reads them: a drag stops the frames after every pointer
  // move, and each would be a message to the page. Its end (the move's start) is posted with the
  // state of the slide it goes to (_syncAnimating).
  _statsAtRest() {
    if (!this.held.size || this.now() <= this.statsWantedUntil) this._postStats(true);
  }

  _postStats(force) {
    const t = this.now();
    if (!force && (t - this.statsAt < STATS_EVERY_MS || t > this.statsWantedUntil)) return;
    this.statsAt = t;
    const s = this.stats();
    this.animating = s.animating ? 1 : 0;
    this.post('stats', s);
  }

  // What tests and the benchmark ask of the thread the frames are drawn on.
  _debug(what) {
    const reply = { what };
    if (what === 'frameTimes') { reply.frameTimes = this.frameTimes.splice(0); reply.frameWork = this.frameWork.splice(0); }
    else if (what.startsWith('measure:')) {
      // 'measure:{"text","px","bold"}': a width as this thread's text engine measures it (its fonts).
      const q = JSON.parse(what.slice(8));
      reply.width = this.M.wgText.width(q.text, q.px, q.bold ? 1 : 0);
    } else if (what === 'textCost') {
      // Lays out and draws the current slide's text from scratch (the benchmark's figure), then the
      // frame that follows draws it again for the screen.
      reply.ms = this.M._wg_text_cost(-1);
      reply.stats = this.stats();
      this.requestFrame();
    }
    else if (what === 'loseContext' || what === 'restoreContext') {
      const ext = this.canvas && this.canvas.getContext('webgl2') && this.canvas.getContext('webgl2').getExtension('WEBGL_lose_context');
      if (!this.ext && ext) this.ext = ext; // a lost context still answers its extension object
      // Only a loss that will happen is ours: a flag left set would let a real GPU crash be restored.
      if (what === 'loseContext') this.selfLost = !!ext && !this.canvas.getContext('webgl2').isContextLost();
      if (this.ext) this.ext[what]();
      reply.ok = !!this.ext;
    } else if (what === 'watchQueries') {
      // Counts every synchronous WebGL query (get*, is*, readPixels…) made on this thread from now on.
      const counts = (this.glQueries = {});
      const P = WebGL2RenderingContext.prototype;
      for (const name of Object.getOwnPropertyNames(P)) {
        if (!/^(get|is|readPixels$|checkFramebufferStatus$)/.test(name)) continue;
        const d = Object.getOwnPropertyDescriptor(P, name);
        if (typeof d.value !== 'function' || d.value.__wgWatched) continue;
        const f = d.value;
        const w = function (...a) { if (self.__wgQueryCounts) self.__wgQueryCounts[name] = (self.__wgQueryCounts[name] || 0) + 1; return f.apply(this, a); };
        w.__wgWatched = true;
        P[name] = w;
      }
      self.__wgQueryCounts = counts;
    } else if (what === 'stats') {
      reply.stats = this.stats();
    }
    this.post('debug', reply);
  }
}
