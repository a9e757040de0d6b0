// client.js — a gallery's handle on its engine (engine.js: the wasm instance and its frames): sends
// commands, receives events. The engine runs in the gallery's render worker, drawing on the canvas's
// OffscreenCanvas, or — where a worker cannot draw WebGL2 (Safari before 17) or workers are not
// allowed — on this thread, loaded as a page script. Nothing else changes between the two: commands
// and events are the same messages, and events always arrive asynchronously.
import { assetUrl, startWorker, pageScript } from './base-url.js';
import { compileModule } from './runtime.js';

// Which thread draws, unless the probe below says otherwise. `self.__wgThread = 'main' | 'worker'`,
// set before the script runs, forces one: the test suites run in both modes with it.
export function preferredThread() {
  const forced = self.__wgThread;
  if (forced === 'main' || forced === 'worker') return forced;
  const can = typeof Worker === 'function' && typeof OffscreenCanvas === 'function' &&
    typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function';
  return can ? 'worker' : 'main';
}

export class EngineClient {
  // onEvent(type, data): the engine's events (see engine.js).
  constructor(onEvent, { forceNoWebGL = false } = {}) {
    this.onEvent = onEvent;
    this.forceNoWebGL = forceNoWebGL;
    this.thread = null;     // 'worker' | 'main' once started
    this.worker = null;
    this.engine = null;     // the engine on this thread
    this.queue = [];        // commands sent before the engine started
    this.started = false;
    this.destroyed = false;
    this.debugWaits = [];
    this.seq = 0;           // commands sent so far: the engine's state says up to which one it has seen
  }

  // Resolves once an engine runs (in a worker if it can), rejects when none can.
  async start() {
    const module = await compileModule();
    if (this.destroyed) return;
    const init = { module, base: assetUrl('wasm-gallery-render.js'), forceNoWebGL: this.forceNoWebGL };
    if (preferredThread() === 'worker' && !this.forceNoWebGL) {
      const why = await this._startWorker(init);
      if (this.destroyed) { if (this.worker) this.worker.terminate(); this.worker = null; return; }
      if (!why) return this._started('worker');
      console.info('[wasm-gallery] drawing on the page\'s thread:', why);
    }
    const lib = await pageScript('wasm-gallery-render.js', 'wasmGalleryEngine', (why) => new Error(why));
    this.engine = await lib.createEngine({ ...init, post: (type, data) => queueMicrotask(() => this._event(type, data)) });
    if (this.destroyed) return this.engine.handle({ type: 'destroy' });
    this._started('main');
  }

  // Resolves with null once the worker's engine runs, or with the reason it cannot.
  _startWorker(init) {
    return new Promise((resolve) => {
      let w;
      try {
        w = startWorker('wasm-gallery-render.js');
      } catch (e) {
        return resolve(`workers are not allowed here (${e.message})`);
      }
      const worker = w.worker;
      let up = false;
      worker.onmessage = (e) => {
        for (const [type, data] of e.data.batch || [[e.data.type, e.data.data]]) {
          if (up) { this._event(type, data); continue; }
          if (w.blobUrl) URL.revokeObjectURL(w.blobUrl);
          if (type === 'started') { up = true; this.worker = worker; resolve(null); continue; }
          worker.terminate();
          return resolve(data.why);
        }
      };
      worker.onerror = (e) => {
        e.preventDefault();
        if (up) return this._event('crashed', { why: e.message || 'the render worker stopped' });
        worker.terminate();
        resolve(e.message || 'the render worker failed to load');
      };
      worker.postMessage({ init: { ...init, timeOrigin: performance.timeOrigin } }, []);
    });
  }

  _started(thread) {
    this.thread = thread;
    this.started = true;
    for (const [m, t] of this.queue.splice(0)) this._send(m, t);
  }

  _event(type, data) {
    if (this.destroyed) return;
    if (type === 'debug') {
      const i = this.debugWaits.findIndex((w) => w.what === data.what);
      if (i >= 0) this.debugWaits.splice(i, 1)[0].resolve(data);
      return;
    }
    this.onEvent(type, data);
  }

  // Sends a command; returns its sequence number (the engine's `state` carries the last one it handled).
  send(type, data = {}, transfer) {
    if (this.destroyed) return 0;
    const m = { type, ...data, seq: ++this.seq };
    if (!this.started) this.queue.push([m, transfer]);
    else this._send(m, transfer);
    return m.seq;
  }

  _send(m, transfer) {
    if (this.worker) {
      // The canvas element stays on the page; the worker draws through its OffscreenCanvas.
      if (m.type === 'acquire' && m.canvas && !(m.canvas instanceof OffscreenCanvas)) {
        m.canvas = m.canvas.transferControlToOffscreen();
        m.placeholder = true; // its lost context must not be restored (engine.js, docs/gpu-crash.md)
        transfer = [m.canvas];
      }
      this.worker.postMessage(m, transfer || []);
    } else {
      this.engine.handle(m);
    }
  }

  // Decoded pixels go straight from a decode worker to the render worker: the port to send them on,
  // or null when the engine is on this thread (then send 'image' with the pixels).
  pixelPort(slide) {
    if (!this.worker) return null;
    const ch = new MessageChannel();
    this.send('imagePort', { slide, port: ch.port2 }, [ch.port2]);
    return ch.port1;
  }

  // The page read `stats`: the engine posts them while it draws for a while (engine.js), at most one
  // request a second however often they are read.
  wantStats() {
    const now = performance.now();
    if (now - (this.statsAskedAt || -Infinity) < 1000) return;
    this.statsAskedAt = now;
    this.send('statsWanted');
  }

  // A question for the engine's thread (tests, benchmark): frameTimes, stats, loseContext…
  debug(what) {
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
    // The worker closes itself after 'destroy' (its context lost first); terminate if it hangs.
    if (this.worker) {
      const w = this.worker;
      w.onmessage = w.onerror = null; // nothing of this gallery stays reachable from the worker
      setTimeout(() => w.terminate(), 1000);
    }
    this.worker = null;
    this.engine = null;
  }
}
