// poster-gallery.js — the poster (poster.js) is a gallery from the first photo. Until the canvas takes
// over, the slides' photos lie side by side in a CSS scroll-snap strip over the photo area: the browser
// scrolls it itself, so a finger swipes it at once (on the compositor, no script in the way), a
// trackpad's sideways wheel too; a mouse drags it, and keys, dots and next/prev scroll it. Each slide
// the strip comes to rest on is reported (onSettle: the gallery's slidechange), and the gallery hands
// over to the canvas at that slide once the strip is at rest (`busy` false): never under a finger.
// Only the start slide's photo is requested at first; its neighbours once the reader reaches for the
// strip, and around each slide it rests on (the wasm and the decoder are not held back for photos
// nobody may look at). The whole box is aria-hidden: the mirror speaks for the gallery.
// A strip at rest for this long (no scroll event) has settled where it is: WebKit has no `scrollend`.
const SETTLE_MS = 150;
// A mouse drag past this share of the width (or a quick one) goes to the neighbour.
const DRAG_SHARE = 0.2, FLICK_PX_PER_MS = 0.4;

function el(tag, cls) {
  const e = document.createElement(tag);
  e.className = cls;
  return e;
}

export class PosterGallery {
  // stage: the gallery's stage; onSettle(index): the strip came to rest on another slide; onIdle(): at
  // rest again after the reader's touch, drag or scroll (a hand-over waiting for it may go on).
  constructor(stage, { onSettle, onIdle }) {
    this.onSettle = onSettle;
    this.onIdle = onIdle;
    this.sources = [];       // per slide {url, urls, fit, caption, credit, text}, or null (no safe photo)
    this.index = 0;          // the slide the strip rests on
    this.target = 0;         // where it is going (next/goTo), else index
    this.loop = false;
    this.touching = 0;       // fingers on the strip
    this.drag = null;        // a mouse drag: {id, x, t, left}
    this.scrolling = false;  // scroll events without a rest since
    this.reached = false;    // the reader has reached for the strip: neighbours are loaded
    this.box = el('div', 'wg-poster-box');
    this.box.setAttribute('aria-hidden', 'true');
    this.track = el('div', 'wg-poster-track');
    this.dots = el('div', 'wg-poster-dots');
    this.panel = el('div', 'wg-poster-text');
    this.box.append(this.track, this.dots, this.panel);
    stage.append(this.box);
    const on = (t, type, fn, o) => t.addEventListener(type, fn, o);
    const t = this.track;
    on(t, 'scroll', () => this._scrolled(), { passive: true });
    on(t, 'scrollend', () => this._check());
    on(t, 'touchstart', (e) => { this.touching = e.touches.length; this._reach(); }, { passive: true });
    const lift = (e) => { this.touching = e.touches.length; this._check(); };
    on(t, 'touchend', lift, { passive: true });
    on(t, 'touchcancel', lift, { passive: true });
    on(t, 'wheel', () => this._reach(), { passive: true });
    on(t, 'pointerdown', (e) => this._dragStart(e));
    on(t, 'pointermove', (e) => this._dragMove(e));
    on(t, 'pointerup', (e) => this._dragEnd(e));
    on(t, 'pointercancel', (e) => this._dragEnd(e));
    on(this.dots, 'click', (e) => {
      const d = e.target.closest('.wg-poster-dot');
      if (d) this.go([...this.dots.children].indexOf(d));
    });
  }

  // A gallery (more than one slide), not just a photo: it takes input.
  get live() { return this.sources.length > 1; }
  // The reader's hand is on it, or it is still moving.
  get busy() { return this.touching > 0 || !!this.drag || this.scrolling || this.target !== this.index; }
  // The start slide's <img> (the first photo: the wasm waits for it, tests and the bench watch it).
  get img() { return this.track.querySelector('.wg-poster'); }

  // sources: per slide (see above); index: the slide to show (kept if the strip is already there);
  // aspect: the photo area's width/height; loop: the gallery wraps; band: the layout has a dots band
  // (reserve.js: so does a poster whose slide count is not known yet).
  show(sources, index, aspect, { loop, band }) {
    this.band = band;
    const rebuild = sources.length !== this.sources.length;
    this.sources = sources;
    this.loop = !!loop;
    this.track.style.aspectRatio = String(aspect);
    this.box.toggleAttribute('data-live', this.live);
    if (rebuild) {
      const old = this.img; // the photo shown so far (a server-rendered one before the JSON): kept, not fetched again
      this.track.replaceChildren(...sources.map(() => {
        const slide = el('div', 'wg-poster-slide');
        const img = el('img', 'wg-poster-photo');
        img.alt = '';
        img.decoding = 'async';
        img.addEventListener('load', () => img.classList.add('wg-loaded'));
        const credit = el('span', 'wg-poster-credit');
        credit.dir = 'auto'; // each paragraph in its own direction, as the canvas draws it
        slide.append(img, credit);
        return slide;
      }));
      this.dots.replaceChildren(...(sources.length > 1 ? sources.map(() => {
        const d = el('button', 'wg-poster-dot');
        d.type = 'button';
        d.tabIndex = -1; // aria-hidden: pointer only; keys reach the gallery through its region
        return d;
      }) : []));
      const at = this.track.children[Math.min(index, sources.length - 1)], s = sources[index];
      if (old && at && s && s.urls.includes(old.getAttribute('src'))) at.firstChild.replaceWith(old);
    }
    sources.forEach((s, k) => {
      const slide = this.track.children[k], img = slide.firstChild, credit = slide.lastChild;
      img.style.objectFit = s ? s.fit : 'contain';
      // A photo already requested keeps its <img> if the new source still names it (no second fetch).
      const had = img.getAttribute('src');
      if (had && !(s && s.urls.includes(had))) img.src = s ? s.url : '';
      credit.textContent = (s && s.credit) || '';
      credit.hidden = !(s && s.credit);
    });
    const first = !this.img;
    if (first) {
      const img = this.track.children[Math.min(index, sources.length - 1)].firstChild;
      img.classList.add('wg-poster');
      img.setAttribute('fetchpriority', 'high'); // before the wasm and the decoder
    }
    if (first || (!this.busy && index !== this.index)) {
      this.index = this.target = index;
      this._load(index);
      this._place(index);
    }
    this._rested(this.index);
    return this.img;
  }

  // Scrolls to slide i (wrapped when the gallery loops, else clamped).
  go(i) {
    const n = this.sources.length;
    if (n < 2 || this.drag || this.touching) return;
    i = this.loop ? ((i % n) + n) % n : Math.max(0, Math.min(n - 1, i));
    this._reach();
    this._load(i);
    this.target = i;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.track.scrollTo({ left: this._left(i), behavior: reduced ? 'instant' : 'smooth' });
    this._scrolled(); // already there: no scroll event comes
  }

  drop() {
    clearTimeout(this.timer);
    this.box.remove();
    this.sources = [];
  }

  // ---- where the strip is -------------------------------------------------------------------------
  // scrollLeft of slide i: right to left the strip starts at 0 and goes negative.
  _left(i) {
    const rtl = getComputedStyle(this.track).direction === 'rtl';
    return (rtl ? -1 : 1) * i * this.track.clientWidth;
  }

  _place(i) {
    this.track.scrollTo({ left: this._left(i), behavior: 'instant' });
  }

  _scrolled() {
    this.scrolling = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this._check(), SETTLE_MS);
  }

  // At rest on a slide (no hand on it, on a snap point): that slide is the gallery's.
  _check() {
    clearTimeout(this.timer);
    if (this.touching || this.drag || !this.sources.length) return;
    const w = this.track.clientWidth, at = Math.abs(this.track.scrollLeft);
    const i = Math.round(at / (w || 1));
    if (w && Math.abs(at - i * w) > 1) { // between two slides (a snap still to come)
      this.timer = setTimeout(() => this._check(), SETTLE_MS);
      return;
    }
    this.scrolling = false;
    this.track.style.scrollSnapType = ''; // after a mouse drag
    this.target = i;
    const moved = i !== this.index;
    this.index = i;
    if (moved) {
      this._rested(i);
      this._load(i);
      this.onSettle(i);
    }
    this.onIdle();
  }

  // The dots and the text panel show slide i (the credit lies on each photo).
  _rested(i) {
    [...this.dots.children].forEach((d, k) => d.classList.toggle('wg-current', k === i));
    this.dots.hidden = !this.dots.children.length;
    this.dots.classList.toggle('wg-no-band', !this.band);
    const s = this.sources[i] || {};
    const caption = el('strong', '');
    caption.dir = 'auto';
    caption.textContent = s.caption || '';
    const body = String(s.text || '').split(/\n\s*\n/).filter((p) => p.trim()).map((p) => {
      const e = el('p', '');
      e.dir = 'auto';
      e.textContent = p;
      return e;
    });
    this.panel.replaceChildren(...(s.caption ? [caption] : []), ...body);
  }

  // Slide i's photo, and once the reader has reached for the strip, its neighbours'.
  _load(i) {
    const n = this.sources.length;
    const ks = this.reached ? [i, i - 1, i + 1] : [i];
    for (let k of ks) {
      if (this.loop) k = ((k % n) + n) % n;
      const s = this.sources[k], slide = this.track.children[k];
      if (s && slide && !slide.firstChild.getAttribute('src')) slide.firstChild.src = s.url;
    }
  }

  _reach() {
    if (this.reached) return;
    this.reached = true;
    this._load(this.index);
  }

  // ---- a mouse drags the strip (a finger and a trackpad scroll it natively) ---------------------
  _dragStart(e) {
    if (e.pointerType !== 'mouse' || e.button !== 0 || !this.live) return;
    this._reach();
    try { this.track.setPointerCapture(e.pointerId); } catch { /* not capturable */ }
    this.track.style.scrollSnapType = 'none'; // or each move would snap back
    this.drag = { id: e.pointerId, x: e.clientX, t: e.timeStamp, left: this.track.scrollLeft, v: 0 };
    e.preventDefault(); // no text selection, no image drag
  }

  _dragMove(e) {
    const d = this.drag;
    if (!d || e.pointerId !== d.id) return;
    d.v = (e.clientX - (d.lastX ?? d.x)) / Math.max(1, e.timeStamp - (d.lastT ?? d.t));
    d.lastX = e.clientX;
    d.lastT = e.timeStamp;
    this.track.scrollLeft = d.left - (e.clientX - d.x);
  }

  _dragEnd(e) {
    const d = this.drag;
    if (!d || e.pointerId !== d.id) return;
    this.drag = null;
    // Snapping comes back once the strip rests (_check): restored now, the browser would snap to the
    // nearest slide on its own, racing the scroll to the one the drag goes to.
    const w = this.track.clientWidth || 1, dx = e.clientX - d.x;
    const rtl = getComputedStyle(this.track).direction === 'rtl';
    const forward = rtl ? dx > 0 : dx < 0; // towards the next slide
    const far = Math.abs(dx) > DRAG_SHARE * w || (Math.abs(d.v) > FLICK_PX_PER_MS && Math.sign(d.v) === Math.sign(dx));
    const from = this.index;
    this.go(e.type === 'pointerup' && dx && far ? from + (forward ? 1 : -1) : from);
  }
}
