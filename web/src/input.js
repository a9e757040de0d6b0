// input.js — a gallery's pointer, wheel and key input, forwarded to its engine with each event's own
// time (e.timeStamp: when the input happened, not when a busy page got to it). Decisions the page
// needs inside the handler are taken here, at once, from the event and what this file already knows,
// never by asking the engine (which may be in a worker):
//   wheel: the gallery takes it (preventDefault, so the page neither scrolls sideways nor swipes back
//     in history) when no pointer holds the gallery and the wheel moves more sideways than up or
//     down, |deltaX| > |deltaY| — the rule the core's WheelGesture applies to the same event.
//   keys: ArrowLeft/ArrowRight/Home/End without modifiers are the gallery's (APG carousel).
//   touch: the stage's touch-action: pan-y leaves vertical pans to the browser; a pointer the engine
//     finds to move vertically is released by it ('released') and no longer forwarded.
import { afterNextPaint } from './poster.js';

export const KEYS = { ArrowLeft: 1, ArrowRight: 2, Home: 3, End: 4 };
const POINTER_KIND = { mouse: 0, touch: 1, pen: 2 };

// The wheel rule above, for one event whose deltas are already in CSS px.
export function wheelIsOurs(dx, dy, pointersDown) {
  return pointersDown === 0 && Math.abs(dx) > Math.abs(dy);
}

export class Input {
  constructor(g) {
    this.g = g;
    this.pointers = new Set(); // pointers the gallery follows
    this.pinch = new Set();    // touch pointers of a multi-finger gesture: ignored until all are lifted
  }

  listen(on) {
    const g = this.g, s = g.stage;
    on(s, 'pointerdown', (e) => this.pointer(0, e));
    on(s, 'pointermove', (e) => this.pointer(1, e));
    on(s, 'pointerup', (e) => this.pointer(2, e));
    on(s, 'pointercancel', (e) => this.pointer(3, e));
    on(s, 'lostpointercapture', (e) => this.pointer(3, e));
    on(s, 'wheel', (e) => this.wheel(e), { passive: false });
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
    if (!g._glLive) return;
    // Two fingers are a pinch, the browser's (or, later, the zoom's), never a swipe: a second finger
    // cancels the first one's drag (it snaps back), and no finger counts until all are lifted.
    // Following only the first finger would read a quick pinch as a flick.
    if (this.pinch.has(e.pointerId) || (phase === 0 && e.pointerType === 'touch' && this.pinch.size)) {
      if (phase === 0) this.pinch.add(e.pointerId);
      else if (phase >= 2) this.pinch.delete(e.pointerId);
      return;
    }
    if (phase === 0 && e.pointerType === 'touch' && this.pointers.size) {
      for (const id of this.pointers) {
        g._send('pointer', { phase: 3, id, x: 0, y: 0, t: e.timeStamp, kind: 0 });
        this.pinch.add(id);
      }
      this.pointers.clear();
      this.pinch.add(e.pointerId);
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
    g._send('pointer', { phase, id: e.pointerId, x: e.pageX - r.x, y: e.pageY - r.y, t: e.timeStamp,
      kind: POINTER_KIND[e.pointerType] ?? 0, moves });
    if (phase >= 2) { this.pointers.delete(e.pointerId); this.measure(); }
    if (phase === 0 && e.pointerType === 'mouse') g.region.focus({ preventScroll: true });
  }

  wheel(e) {
    const g = this.g;
    if (!g._glLive) return;
    const k = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? g.stage.clientWidth : 1;
    const dx = e.deltaX * k, dy = e.deltaY * k;
    if (wheelIsOurs(dx, dy, this.pointers.size)) e.preventDefault();
    g._send('wheel', { dx, dy, t: e.timeStamp });
  }

  key(e) {
    const k = KEYS[e.key];
    if (!k || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    this.g._key(k, e);
  }
}
