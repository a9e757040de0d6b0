// shared-client.js — bench-only stand-in for web/src/client.js (same class, same API), for the
// prototype of the alternative render design (bench/lib/many.js): every gallery's engine runs in ONE
// render worker (shared-render-worker.js) drawing with ONE WebGL2 context; each gallery's <canvas>
// stays on the page as a `bitmaprenderer` canvas and shows the frames the worker posts as
// ImageBitmaps. many.js bundles web/src/ with this file in place of client.js, so everything else
// (gallery.js, canvas-life.js, gl-lease.js, images.js and its decode workers) is the shipped code.
import { assetUrl } from '../../web/src/base-url.js';
import { compileModule } from '../../web/src/runtime.js';

// The shared worker's script, set by the page bundle's entry (shared-entry.js).
let workerUrl = null;
export function setWorkerUrl(url) { workerUrl = url; }

// Frame arrival times kept per gallery for the benchmark (debug 'presented').
const PRESENT_LOG = 4000;

// The page's one render worker, started by the first gallery: {worker, ready, clients, nextId}.
let hub = null;
function theHub(init) {
  if (hub) return hub;
  const worker = new Worker(workerUrl);
  const h = hub = { worker, clients: new Map(), nextId: 1 };
  h.ready = new Promise((resolve, reject) => {
    worker.onmessage = (e) => {
      const { id, type, data } = e.data;
      if (id === undefined) return type === 'started' ? resolve() : reject(new Error(data.why));
      const c = h.clients.get(id);
      if (c) c._event(type, data);
      else if (type === 'frame') data.bitmap.close();
    };
    worker.onerror = (e) => {
      e.preventDefault();
      const why = e.message || 'the shared render worker stopped';
      reject(new Error(why));
      for (const c of h.clients.values()) c._event('crashed', { why });
    };
  });
  h.ready.catch(() => {});
  worker.postMessage({ init: { ...init, timeOrigin: performance.timeOrigin } });
  return h;
}

export class EngineClient {
  constructor(onEvent, { forceNoWebGL = false } = {}) {
    this.onEvent = onEvent;
    this.forceNoWebGL = forceNoWebGL;
    this.thread = null;
    this.worker = null;     // the shared worker once started (truthy: "runs in a worker")
    this.id = 0;
    this.queue = [];
    this.started = false;
    this.destroyed = false;
    this.debugWaits = [];
    this.bitmaps = null;    // the bitmaprenderer context of the canvas element shown now
    this.presented = [];    // page times at which frames arrived
    this.presentMs = 0;     // page main-thread time spent showing them (transferFromImageBitmap)
  }

  async start() {
    if (this.forceNoWebGL) throw new Error('no WebGL (forced)');
    const module = await compileModule();
    if (this.destroyed) return;
    const h = theHub({ module, base: assetUrl('wasm-gallery-render.js') });
    await h.ready;
    if (this.destroyed) return;
    this.id = h.nextId++;
    h.clients.set(this.id, this);
    await new Promise((resolve, reject) => {
      this._started = { resolve, reject };
      h.worker.postMessage({ create: this.id });
    });
    this.worker = h.worker;
    this.thread = 'worker';
    this.started = true;
    for (const [m, t] of this.queue.splice(0)) this._send(m, t);
  }

  _event(type, data) {
    if (this.destroyed) { if (type === 'frame') data.bitmap.close(); return; }
    if (type === 'started') return this._started.resolve();
    if (type === 'failed') return this._started.reject(new Error(data.why));
    if (type === 'frame') return this._present(data.bitmap);
    if (type === 'debug') {
      const i = this.debugWaits.findIndex((w) => w.what === data.what);
      if (i >= 0) this.debugWaits.splice(i, 1)[0].resolve(data);
      return;
    }
    this.onEvent(type, data);
  }

  _present(bitmap) {
    if (!this.bitmaps) return bitmap.close();
    const t = performance.now();
    const c = this.bitmaps.canvas;
    // The element's backing store follows the frame's size (CSS scales the box as for a WebGL canvas).
    if (c.width !== bitmap.width) c.width = bitmap.width;
    if (c.height !== bitmap.height) c.height = bitmap.height;
    this.bitmaps.transferFromImageBitmap(bitmap);
    this.presentMs += performance.now() - t;
    if (this.presented.length >= PRESENT_LOG) this.presented.splice(0, PRESENT_LOG / 2);
    this.presented.push(performance.now());
  }

  send(type, data = {}, transfer) {
    if (this.destroyed) return;
    const m = { type, ...data };
    if (!this.started) this.queue.push([m, transfer]);
    else this._send(m, transfer);
  }

  _send(m, transfer) {
    if (m.type === 'acquire') {
      // A new canvas element (the first, or a fresh one after a park): frames go to it from now on.
      if (m.canvas) this.bitmaps = m.canvas.getContext('bitmaprenderer');
      m = { type: 'acquire' };
    } else if (m.type === 'park') {
      this.bitmaps = null; // canvas-life.js replaces the element next
    }
    this.worker.postMessage({ id: this.id, cmd: m }, transfer || []);
  }

  pixelPort(slide) {
    const ch = new MessageChannel();
    this.send('imagePort', { slide, port: ch.port2 }, [ch.port2]);
    return ch.port1;
  }

  // As client.js; also 'presented' (answered here: frame arrival times on the page) and 'shared'.
  debug(what) {
    if (what === 'presented') return Promise.resolve({ what, presented: this.presented.splice(0), presentMs: this.presentMs });
    return new Promise((resolve) => {
      this.debugWaits.push({ what, resolve });
      this.send('debug', { what });
    });
  }

  destroy() {
    if (this.destroyed) return;
    this.send('destroy');
    this.destroyed = true;
    this.queue = [];
    if (hub && this.id) hub.clients.delete(this.id);
    this.bitmaps = null;
    this.worker = null;
  }
}
