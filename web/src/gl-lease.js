// gl-lease.js — which galleries hold a WebGL context. Chromium keeps at most 16 live contexts per
// page and silently kills the oldest beyond that, so a gallery holds one only while it is within
// reach of the viewport, gives it back when it is far away, and past MAX_LIVE the gallery farthest
// from the viewport yields to a nearer one. Knows nothing of the wasm: a gallery is told through
// gallery._near + gallery._syncGL(), and is asked to give its context back with gallery._park().

// Below Chromium's 16, so the page's own maps or 3D views keep theirs.
const MAX_LIVE = 12;
// How far outside the viewport a gallery keeps (or takes) its context: 1.5 screens, so a fast
// scroll finds its first frame already drawn.
const NEAR_MARGIN = '150%';

const live = new Set();     // galleries holding a context
const waiting = new Set();  // near galleries refused a context because MAX_LIVE were taken
const watched = new Map();  // host element → gallery
let io = null;

// Pixels between the gallery's box and the viewport (0 when they overlap).
function distance(g) {
  const r = g.host.getBoundingClientRect();
  const dy = r.bottom < 0 ? -r.bottom : r.top > innerHeight ? r.top - innerHeight : 0;
  const dx = r.right < 0 ? -r.right : r.left > innerWidth ? r.left - innerWidth : 0;
  return dx + dy;
}

export function watch(g) {
  if (!io) {
    io = new IntersectionObserver((entries) => {
      for (const e of entries) {
        const gallery = watched.get(e.target);
        if (!gallery) continue;
        gallery._near = e.isIntersecting;
        gallery._syncGL();
      }
    }, { rootMargin: NEAR_MARGIN });
  }
  watched.set(g.host, g);
  io.observe(g.host);
}

export function unwatch(g) {
  if (watched.get(g.host) !== g) return;
  watched.delete(g.host);
  io.unobserve(g.host);
}

// May `g` take a context now? Makes room by parking a farther gallery if needed; if none is
// farther, `g` waits for the next release.
export function claim(g) {
  if (live.has(g)) return true;
  if (live.size >= MAX_LIVE) {
    const d = distance(g);
    let victim = null, far = d;
    for (const o of live) {
      const od = distance(o);
      if (od > far) { victim = o; far = od; }
    }
    if (!victim) { waiting.add(g); return false; }
    live.delete(victim);  // before parking, so its release does not hand the slot to someone else
    victim._park();
  }
  waiting.delete(g);
  live.add(g);
  return true;
}

// `g` no longer holds a context (parked, lost, destroyed): the nearest waiting gallery gets the slot.
export function release(g) {
  waiting.delete(g);
  if (!live.delete(g)) return;
  let best = null, bd = Infinity;
  for (const o of waiting) {
    const od = distance(o);
    if (od < bd) { best = o; bd = od; }
  }
  if (best) { waiting.delete(best); best._syncGL(); }
}

export function liveCount() { return live.size; }
