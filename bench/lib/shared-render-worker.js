// shared-render-worker.js — bench-only prototype of the alternative render design (bench/lib/many.js):
// ONE render worker hosting the engines (web/src/engine.js) of every gallery on the page, all drawing
// with ONE WebGL2 context on ONE OffscreenCanvas. Before each engine's frame the shared canvas is sized
// to that gallery; after it the frame leaves as an ImageBitmap (transferToImageBitmap) for the page,
// which shows it in the gallery's `bitmaprenderer` canvas (shared-client.js). Bundled by many.js with
// esbuild into bench/out/many/shared-render.js; not part of dist/.
//
// Messages in:  {init: {module, timeOrigin, base}} once, then {create: id} per gallery, then
//               {id, cmd: {type, …}} — the engine's own commands (engine.js).
// Messages out: {type: 'started'} | {type: 'unsupported', data: {why}} once; per gallery
//               {id, type: 'started'} once its engine runs, then {id, type, data} — the engine's
//               events, plus 'frame' {bitmap} after each drawn frame.
import { createEngine } from '../../web/src/engine.js';

// The attributes library_wasm_gallery.js asks for: the first getContext on a canvas fixes them, later
// calls (one per engine) get the same context whatever they pass.
const ATTRS = { alpha: false, antialias: false, depth: false, stencil: false, premultipliedAlpha: true,
  preserveDrawingBuffer: false, powerPreference: 'low-power', failIfMajorPerformanceCaveat: false };
// GL objects the renderer makes (gl_renderer.cpp, gl_textures.cpp), with their deleters.
const KINDS = [['createTexture', 'deleteTexture'], ['createBuffer', 'deleteBuffer'], ['createProgram', 'deleteProgram'],
  ['createShader', 'deleteShader'], ['createVertexArray', 'deleteVertexArray'], ['createFramebuffer', 'deleteFramebuffer']];

let init = null;        // {module, base, clockOffset}
let canvas = null;      // the one OffscreenCanvas every engine draws on
let gl = null;          // … and its one context
const engines = new Map();   // id → engine
const waiting = new Map();   // id → commands that arrived while its engine was instantiating
// The engine whose wasm runs now: the GL objects it makes are its own, so that parking one gallery
// (far from the viewport) frees its textures without touching the others' — as a lost context does
// for a gallery with a context of its own.
let current = null;
const owned = new Map();     // engine → Map(GL object → its deleter)
let unowned = 0;             // objects made with no engine running (should stay 0)
// Where a frame's time goes in this worker: the engine's frame (wg_frame: GL calls) and taking the
// bitmap (transferToImageBitmap: waits for the GPU process to finish the frame). Totals, for debug 'shared'.
const cost = { frames: 0, drawMs: 0, transferMs: 0 };
let frameStart = 0;

const post = (m, transfer) => self.postMessage(m, transfer || []);

function trackObjects() {
  for (const [make, del] of KINDS) {
    const mk = gl[make].bind(gl), dl = gl[del].bind(gl);
    gl[make] = (...a) => {
      const o = mk(...a);
      if (o && current) owned.get(current).set(o, dl);
      else if (o) unowned++;
      return o;
    };
    gl[del] = (o) => {
      if (o) for (const m of owned.values()) m.delete(o);
      return dl(o);
    };
  }
}

function freeObjects(engine) {
  const m = owned.get(engine);
  if (!m) return;
  for (const [o, dl] of m) dl(o);
  m.clear();
}

// Runs fn as `engine`: GL objects made meanwhile are its own.
function as(engine, fn) {
  const prev = current;
  current = engine;
  try { return fn(); } finally { current = prev; }
}

async function start(id) {
  const engine = await createEngine({ module: init.module, base: init.base, clockOffset: init.clockOffset,
    post: (type, data, transfer) => post({ id, type, data }, transfer) });
  owned.set(engine, new Map());
  // Before each frame: the shared canvas takes this gallery's size (a no-op when it has it already).
  engine.beforeFrame = (e) => { current = e; e._sizeCanvas(); frameStart = performance.now(); };
  // After it: the drawn frame leaves as a bitmap (the canvas's buffer starts fresh for the next one).
  engine.afterFrame = (e) => {
    current = null;
    const t = performance.now();
    const bitmap = canvas.transferToImageBitmap();
    cost.frames++;
    cost.drawMs += t - frameStart;
    cost.transferMs += performance.now() - t;
    e.post('frame', { bitmap }, [bitmap]);
  };
  // Photos reach the engine from a decode worker's port, outside any command: owned all the same.
  const upload = engine._upload;
  engine._upload = (m) => as(engine, () => upload.call(engine, m));
  engines.set(id, engine);
  post({ id, type: 'started', data: {} });
  for (const cmd of waiting.get(id) || []) command(engine, id, cmd);
  waiting.delete(id);
}

function command(engine, id, cmd) {
  switch (cmd.type) {
    case 'acquire':
      // The page keeps its canvas element (a bitmaprenderer); every engine gets the shared canvas.
      return as(engine, () => engine.handle({ type: 'acquire', canvas }));
    case 'park':
      // Far from the viewport: its GL objects go, the shared context stays (engine._park would lose
      // it for everyone). The wasm forgets them as after a lost context and asks for its photos again
      // when it comes back (wg_gl_restore).
      freeObjects(engine);
      if (engine.live) engine._dropGL();
      return;
    case 'destroy':
      freeObjects(engine);
      engine.ctx = null; // engine._destroy would lose the context it holds: the shared one
      engine.handle(cmd);
      owned.delete(engine);
      engines.delete(id);
      return;
    case 'debug':
      if (cmd.what === 'loseContext' || cmd.what === 'restoreContext') return; // would hit every gallery
      if (cmd.what === 'shared') {
        return post({ id, type: 'debug', data: { what: 'shared', engines: engines.size, unowned,
          objects: [...owned.values()].reduce((n, m) => n + m.size, 0), canvas: [canvas.width, canvas.height], ...cost } });
      }
      return engine.handle(cmd);
    default:
      return as(engine, () => engine.handle(cmd));
  }
}

self.onmessage = (e) => {
  const m = e.data;
  if (m.init) {
    try {
      canvas = new OffscreenCanvas(1, 1);
      gl = canvas.getContext('webgl2', ATTRS);
    } catch { gl = null; }
    if (!gl) return post({ type: 'unsupported', data: { why: 'no WebGL2 on an OffscreenCanvas in a worker' } });
    trackObjects();
    // performance.now() here counts from this worker's start; the page's event times from its own.
    init = { ...m.init, clockOffset: performance.timeOrigin - m.init.timeOrigin };
    return post({ type: 'started', data: {} });
  }
  if (m.create !== undefined) {
    waiting.set(m.create, []);
    start(m.create).catch((err) => post({ id: m.create, type: 'failed', data: { why: String(err && err.message || err) } }));
    return;
  }
  const engine = engines.get(m.id);
  if (engine) command(engine, m.id, m.cmd);
  else if (waiting.has(m.id)) waiting.get(m.id).push(m.cmd);
};
