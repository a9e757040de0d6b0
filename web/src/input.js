// input.js — a gallery's pointer, wheel and key input, forwarded to its engine with each event's own
// time (e.timeStamp: when the input happened, not when a busy page got to it). Decisions the page
// needs inside the handler are taken here, at once, from the event and what this file already knows,
// never by asking the engine (which may be in a worker):
//   wheel: the gallery takes it (preventDefault, so the page neither scrolls sideways nor swipes back
//     in history) when no pointer holds the gallery and the wheel moves more sideways than up or
//     down, |deltaX| > |deltaY| — the rule the core's WheelGesture applies to the same event.
//     A ctrl/⌘ wheel (and a trackpad pinch, which arrives as one) over the gallery zooms the photo:
//     always the gallery's, so the page does not zoom. While the photo is zoomed every wheel pans it.
//   keys: ArrowLeft/ArrowRight/Home/End without modifiers are the gallery's (APG carousel); + and −
//     zoom; while zoomed, the arrows pan the photo and Escape returns to the whole photo.
//   touch: the canvas's touch-action: pan-y leaves vertical pans to the browser (none while the photo
//     is zoomed: a finger pans it); a pointer the engine finds to move vertically is released by it
//     ('released') and no longer forwarded. Two fingers are the zoom's pinch, never the page's.
//   the poster gallery (poster-gallery.js), while it is up, takes pointers and wheels itself: none
//     reach the engine until the canvas has taken over.
//   gesturestart/gesturechange (WebKit's own pinch events; iOS Safari zooms the page with them even
//     where touch-action says no): prevented for a pinch over the photo, which zooms the photo; a
//     pinch elsewhere (the text panel) is the page's zoom as usual.
import { afterNextPaint } from './poster.js';

export const KEYS = { ArrowLeft: 1, ArrowRight: 2, Home: 3, End: 4 };
// The engine's zoom keys (exports_input.cpp wg_key): +/− always, the rest only while zoomed.
const ZOOM_KEYS = { '+': 5, '=': 5, '-': 6 };
const ZOOMED_KEYS = { Escape: 7, ArrowLeft: 8, ArrowRight: 9, ArrowUp: 10, ArrowDown: 11 };
const POINTER_KIND = { mouse: 0, touch: 1, pen: 2 };

// The wheel rule above, for one event whose deltas are already in CSS px.
export function wheelIsOurs(dx, dy, pointersDown, ctrl = false, zoomed = false) {
  return ctrl || zoomed || (pointersDown === 0 && Math.abs(dx) > Math.abs(dy));
}

export class Input {
  constructor(g) {
    this.g = g;
    this.pointers = new Set(); // pointers the gallery follows
    this.pinch = new Set();    // touch pointers of a multi-finger gesture: ignored until all are lifted
    this.letGoSeq = 0;         // the command that let go of a followed pointer last (gallery.js _snapshot)
    this.last = new Map();     // touch pointer id → its last place on the canvas (a pinch needs both)
    this.pinching = null;      // [id, id] of the two fingers zooming the photo
    this.gesture = false;      // a WebKit gesture (gesturestart) over the photo is on: its changes are ours too
  }

  listen(on) {
    const g = this.g, s = g.stage;
    on(s, 'pointerdown', (e) => this.pointer(0, e));
    on(s, 'pointermove', (e) => this.pointer(1, e));
    on(s, 'pointerup', (e) => this.pointer(2, e));
    on(s, 'pointercancel', (e) => this.pointer(3, e));
    on(s, 'lostpointercapture', (e) => this.pointer(3, e));
    on(s, 'wheel', (e) => this.wheel(e), { passive: false });
    on(s, 'gesturestart', (e) => this.gestureStart(e), { passive: false });
    on(s, 'gesturechange', (e) => { if (this.gesture) e.preventDefault(); }, { passive: false });
    on(s, 'gestureend', (e) => { if (this.gesture) e.preventDefault(); this.gesture = false; });
    on(g.region, 'keydown', (e) => this.key(e));
    // Content above the gallery that grows or shrinks (an ad, an embed) moves the canvas in the page.
    const ro = new ResizeObserver(() => this.measure());
    ro.observe(document.documentElement);
    g._cleanups.push(() => ro.disconnect());
    on(window, 'resize', () => this.measure());
  }

  // The canvas's top-left in page coordinates (scrolling does not move it; layout above it does).
  place() {
    if (!this.at) this.at = this.read();
    return this.at;
  }

  read() {
    const r = this.g.canvas.getBoundingClientRect();
    return { x: r.left + scrollX, y: r.top + scrollY };
  }

  // Reads the place again once the next frame has been painted, when the layout is clean and a read
  // costs nothing: after any change that may have moved the canvas (the gallery's size, full screen,
  // the page's own height, a gesture's end).
  measure() {
    if (this.measuring) return;
    this.measuring = true;
    afterNextPaint(() => {
      this.measuring = false;
      if (!this.g._destroyed && this.g.canvas) this.at = this.read();
    });
  }

  // The engine let go of a pointer (it moved vertically: the page scrolls).
  released(id) { this.pointers.delete(id); }

  pointer(phase, e) {
    const g = this.g;
    if (g._posterUp()) { // the poster gallery's (poster-gallery.js), under the reader's hand until it rests
      if (phase === 0 && e.pointerType === 'mouse') g.region.focus({ preventScroll: true });
      return;
    }
    if (!g._glLive) return;
    // Two fingers are a pinch, the browser's (or, later, the zoom's), never a swipe: a second finger
    // cancels the first one's drag (it snaps back), and no finger counts until all are lifted.
    // Following only the first finger would read a quick pinch as a flick.
    if (this.pinch.has(e.pointerId) || (phase === 0 && e.pointerType === 'touch' && this.pinch.size)) {
      if (phase === 0) this.pinch.add(e.pointerId);
      else if (this.pinching && this.pinching.includes(e.pointerId)) this.pinchMove(phase, e);
      if (phase >= 2) { this.pinch.delete(e.pointerId); this.last.delete(e.pointerId); }
      return;
    }
    if (phase === 0 && e.pointerType === 'touch' && this.pointers.size) {
      // The second finger: the first one's drag is cancelled (it snaps back) and the two zoom.
      const first = [...this.pointers][0];
      for (const id of this.pointers) {
        g._send('pointer', { phase: 3, id, x: 0, y: 0, t: e.timeStamp, kind: 0 });
        this.pinch.add(id);
      }
      this.pointers.clear();
      this.pinch.add(e.pointerId);
      if (this.last.has(first)) {
        this.pinching = [first, e.pointerId];
        this.pinchMove(0, e);
      }
      return;
    }
    if (phase === 0) {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      this.pointers.add(e.pointerId);
      if (e.pointerType === 'mouse') {
        try { g.stage.setPointerCapture(e.pointerId); } catch { /* not capturable */ }
      }
    } else if (!this.pointers.has(e.pointerId)) {
      return;
    }
    // The canvas's place in the page, read after a paint (at rest, below), not here: a read in an input
    // handler forces a layout whenever the page has changed anything, and that delays the next paint.
    const r = this.place();
    // Every coalesced move with its own time: when the page is busy, moves arrive late and bunched
    // into one event, and only their timestamps give the finger's real speed (a flick stays a flick).
    const moves = phase === 1 && e.getCoalescedEvents
      ? e.getCoalescedEvents().slice(0, -1).map((c) => [c.pageX - r.x, c.pageY - r.y, c.timeStamp]) : undefined;
    if (e.pointerType === 'touch') this.last.set(e.pointerId, [e.pageX - r.x, e.pageY - r.y]);
    const seq = g._send('pointer', { phase, id: e.pointerId, x: e.pageX - r.x, y: e.pageY - r.y, t: e.timeStamp,
      kind: POINTER_KIND[e.pointerType] ?? 0, moves });
    if (phase >= 2 && seq) this.letGoSeq = seq;
    if (phase >= 2) this.last.delete(e.pointerId);
    if (phase >= 2) { this.pointers.delete(e.pointerId); this.measure(); }
    if (phase === 0 && e.pointerType === 'mouse') g.region.focus({ preventScroll: true });
  }

  // One of the two pinching fingers moved (phase 1), or went (2, 3; the pinch ends), or the second
  // came down (0): the engine gets both places.
  pinchMove(phase, e) {
    const g = this.g, r = this.place();
    this.last.set(e.pointerId, [e.pageX - r.x, e.pageY - r.y]);
    const [a, b] = this.pinching.map((id) => this.last.get(id) || [0, 0]);
    g._send('pinch', { phase: phase === 0 ? 0 : phase === 1 ? 1 : 2, ax: a[0], ay: a[1], bx: b[0], by: b[1], t: e.timeStamp });
    if (phase >= 2) this.pinching = null;
  }

  // A WebKit pinch begins: the gallery's when its centre (clientX/Y, the fingers' midpoint) is on the
  // photo (the drawn controls' photo rect, CSS px from the stage's corner), else the page's.
  gestureStart(e) {
    const g = this.g, p = g._controls && g._controls.photo;
    this.gesture = false;
    if (!g._glLive || !p || g._posterUp()) return;
    const r = this.place();
    const x = e.clientX + scrollX - r.x, y = e.clientY + scrollY - r.y;
    // No centre given: the pinch the two fingers on the canvas make (pointer()) tells.
    const over = Number.isFinite(x) && Number.isFinite(y)
      ? x >= p[0] && x < p[0] + p[2] && y >= p[1] && y < p[1] + p[3] : !!this.pinching;
    if (!over) return;
    this.gesture = true;
    e.preventDefault();
  }

  wheel(e) {
    const g = this.g;
    if (!g._glLive || g._posterUp()) return; // the poster's strip scrolls natively
    const k = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? g.stage.clientWidth : 1;
    const dx = e.deltaX * k, dy = e.deltaY * k;
    const ctrl = e.ctrlKey || e.metaKey;
    if (wheelIsOurs(dx, dy, this.pointers.size, ctrl, g._zoom > 100)) e.preventDefault();
    const r = this.place();
    g._send('wheel', { dx, dy, t: e.timeStamp, ctrl: ctrl ? 1 : 0, x: e.pageX - r.x, y: e.pageY - r.y });
  }

  key(e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const g = this.g;
    const z = ZOOM_KEYS[e.key] || (g._zoom > 100 && ZOOMED_KEYS[e.key]);
    if (z) {
      if (!g._glLive) return;
      e.preventDefault();
      g._send('key', { key: z });
      return;
    }
    const k = KEYS[e.key];
    if (!k || e.shiftKey) return;
    g._key(k, e);
  }
}
