// render-worker.js — dist/wasm-gallery-render.js: one gallery's render worker. Runs that gallery's wasm
// (engine.js) and draws its frames on the OffscreenCanvas the page transferred, so the page's own
// frames never wait for the gallery's WebGL. One worker per gallery, all instantiating the one module
// the page compiled (a WebAssembly.Module is posted, not fetched again).
//
// Loaded as a page script instead (no OffscreenCanvas with WebGL2, or no Worker allowed), it gives the
// page the same engine to run on its own thread: `self.wasmGalleryEngine`.
//
// Messages in: {init: {module, timeOrigin, base}} first, then the engine's commands {type, …}.
// Messages out: {type: 'started'} | {type: 'unsupported', why} once, then the engine's events: {type, data},
// or {batch: [[type, data], …]} (their transfers together) when one task of this worker posted several (a
// frame that ends a move posts its state, slidechange and stats): each message is a task on the page's busy thread.
import { createEngine, instantiate } from './engine.js';

const IN_WORKER = typeof WorkerGlobalScope !== 'undefined';

// Whether this worker can draw WebGL2 at all: tried on a canvas of its own, so the gallery's real
// canvas (whose transfer cannot be undone) is sent only to a worker that can draw into it.
function webgl2Here() {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return false;
    const ext = gl.getExtension('WEBGL_lose_context');
    if (ext) ext.loseContext(); // give the probe's context back now: a worker may hold only a few
    return true;
  } catch {
    return false;
  }
}

if (IN_WORKER) {
  let engine = null;
  const queue = [];
  // Events posted during one task of this worker leave together, as one message, when the task ends,
  // or when the engine flushes them sooner (post.flush: at the end of a frame's callback).
  let outbox = null;
  const flush = () => {
    const out = outbox;
    if (!out) return;
    outbox = null;
    if (out.length === 1) return self.postMessage({ type: out[0][0], data: out[0][1] }, out[0][2] || []);
    self.postMessage({ batch: out.map(([type, data]) => [type, data]) }, out.flatMap((e) => e[2] || []));
  };
  const post = (type, data, transfer) => {
    if (!outbox) { outbox = []; queueMicrotask(flush); }
    outbox.push([type, data, transfer]);
  };
  post.flush = flush;
  self.onmessage = async (e) => {
    const m = e.data;
    if (m.init) {
      if (!webgl2Here()) return post('unsupported', { why: 'no WebGL2 on an OffscreenCanvas in a worker' });
      try {
        // performance.now() here counts from this worker's start; the page's event times from its own.
        const clockOffset = performance.timeOrigin - m.init.timeOrigin;
        engine = await createEngine({ ...m.init, clockOffset, post });
        self.__wgEngine = engine; // for tests: what this worker holds (its live context)
      } catch (err) {
        return post('unsupported', { why: String(err && err.message || err) });
      }
      post('started', {});
      for (const q of queue.splice(0)) engine.handle(q);
      return;
    }
    if (!engine) return queue.push(m);
    engine.handle(m);
    if (m.type === 'destroy') self.close();
  };
} else {
  self.wasmGalleryEngine = { createEngine, instantiate };
}
