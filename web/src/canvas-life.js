// canvas-life.js — the life of a gallery's <canvas> and its WebGL context, seen from the page: taken
// when the gallery comes near the viewport (gl-lease.js decides who may), given back when it is far,
// replaced when the browser took it and does not give it back. The engine (in the render worker or on
// this thread) makes the context and draws; this file owns the canvas elements and tells the engine
// which one to draw into. A canvas keeps its one context for life (and, once transferred to a worker,
// belongs to it): a new context needs a new canvas.
import * as lease from './gl-lease.js';

// A context the browser took (GPU reset, too many contexts) usually comes back within a frame or two
// once asked for (the engine calls preventDefault); past this wait a fresh canvas asks for a new one.
const RESTORE_WAIT_MS = 3000;

export class CanvasLife {
  constructor(g) {
    this.g = g;
    this.held = false;          // the engine has a canvas to draw into (live, or lost awaiting restore)
    this.live = false;          // … and a live context on it
    this.given = null;          // the canvas element last given to the engine
    this.awaitingRestore = false;
    this.restoreTimer = 0;
    this.lastUnrestorable = -Infinity; // when a context was last lost for good (onLost)
  }

  static makeCanvas() {
    const c = document.createElement('canvas');
    c.className = 'wg-canvas';
    c.setAttribute('aria-hidden', 'true');
    return c;
  }

  watch() { lease.watch(this.g); }

  // Takes a context when near the viewport, gives it back when far.
  sync() {
    const g = this.g;
    if (g._destroyed || g._mode !== 'gl' || !g._client || this.awaitingRestore) return;
    if (g._near && !this.held) {
      if (lease.claim(g)) this._acquire();
    } else if (!g._near && this.held) {
      this.park();
    }
  }

  _acquire() {
    const g = this.g;
    this.held = true;
    const canvas = g.canvas !== this.given ? g.canvas : undefined; // undefined: the same canvas again
    this.given = g.canvas;
    g._client.send('acquire', { canvas });
  }

  // The engine's answer to acquire.
  onGl(ok) {
    const g = this.g;
    if (!this.held || this.live) return; // parked meanwhile: the engine has let it go again
    if (!ok) {
      this.held = false;
      lease.release(g);
      return g._fallback(g._model, 'WebGL2 is not available.');
    }
    this.live = true;
    g._online();
  }

  // Far from the viewport: the context goes back to the browser; model and slide stay in the engine.
  park() {
    if (!this.held) return;
    this._drop();
    this._giveBack();
  }

  _drop() {
    this.live = false;
    this.g._offline();
    lease.release(this.g);
  }

  // The browser took the context (the engine has already forgotten its GL objects). `restorable`
  // false: it will not be offered back (a render worker's canvas, engine.js): a fresh canvas now.
  onLost({ restorable = true } = {}) {
    if (!this.held) return;
    this._drop();
    // A context that will not come back: a fresh canvas at once, unless the last one was lost moments
    // ago (the browser dropping the oldest of too many contexts would drop the next one for ours, and so
    // on): then after the usual wait.
    const now = performance.now();
    const again = now - this.lastUnrestorable < RESTORE_WAIT_MS * 2;
    if (!restorable) this.lastUnrestorable = now;
    if (!restorable && !again) {
      this._giveBack();
      return this.sync();
    }
    this.awaitingRestore = true;
    clearTimeout(this.restoreTimer);
    this.restoreTimer = setTimeout(() => {
      if (!this.awaitingRestore || this.g._destroyed) return;
      this.awaitingRestore = false;
      this._giveBack();
      this.sync();
    }, RESTORE_WAIT_MS);
  }

  onRestored() {
    const g = this.g;
    if (!this.awaitingRestore || g._destroyed) return;
    clearTimeout(this.restoreTimer);
    this.awaitingRestore = false;
    if (g._near && g._mode === 'gl' && lease.claim(g)) return g._client.send('acquire', {});
    this._giveBack(); // not wanted any more (scrolled away meanwhile): give it straight back
  }

  _giveBack() {
    this.held = false;
    this.g._client.send('park');
    this._swapCanvas();
  }

  // A new canvas element in place of the current one.
  _swapCanvas() {
    const g = this.g, old = g.canvas;
    g.canvas = CanvasLife.makeCanvas();
    old.replaceWith(g.canvas);
  }

  destroy() {
    clearTimeout(this.restoreTimer);
    this.held = this.live = false;
    lease.unwatch(this.g);
    lease.release(this.g);
  }
}
