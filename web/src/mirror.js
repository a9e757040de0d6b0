// mirror.js — the gallery as real DOM, after the WAI-ARIA APG carousel pattern: what screen readers,
// keyboards and crawlers use while the canvas (aria-hidden) is what sighted readers see. Its buttons
// lie invisibly over the controls the canvas draws (so touch exploration finds them there) and their
// keyboard focus is drawn on the canvas as a ring; the rotation button is a visible one. When WebGL2
// or the wasm is unavailable the same DOM becomes the visible plain-HTML gallery.
// Text from JSON only ever reaches the DOM as textContent or as attribute values set through the DOM.
import { whenIdle } from './idle.js';

// The canvas's controls, as wg_set_focus_ring and the layout's hit test number them.
export const HIT = { None: 0, Prev: 1, Next: 2, Dot: 3, Fullscreen: 4, More: 5, Photo: 6 };

// Room the rotation button keeps from the photo's corner, and its size (CSS px; ≥ 24 px target,
// WCAG 2.2 2.5.8).
const ROTATION_INSET = 8, ROTATION_SIZE = 36;

let uid = 0;

function el(tag, cls, attrs) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
  return e;
}

const str = (v) => (typeof v === 'string' ? v : '');

// The shared URL rule (url_policy.h) for when the wasm could not be loaded to answer it: relative,
// http(s), and for images data:image/… but not SVG. No control characters, backslashes or edge spaces.
export function urlAllowedHere(url, forImage) {
  if (typeof url !== 'string' || !url || url.length > 2048 * 1024) return false;
  if (/[\u0000-\u001f\u007f\\]/.test(url) || url[0] === ' ' || url[url.length - 1] === ' ') return false;
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  if (!m) return true;
  const scheme = m[1].toLowerCase();
  if (scheme === 'http' || scheme === 'https') return true;
  return forImage && scheme === 'data' && /^data:image\/(?!svg)[^,;]+[^,]*,/i.test(url);
}

export class Mirror {
  // g: the Gallery (for navigation, focus ring and rotation); everything else is in the DOM.
  constructor(g) {
    this.g = g;
    this.id = 'wg' + (++uid);
    this.model = null;
    this.index = 0;
    this.mode = 'overlay';
    this.el = el('div', 'wg-mirror', { 'data-mode': 'overlay' });
    // DOM order = tab order: rotation first (APG), previous/next, the slide, the slide picker, More, full screen.
    this.rotation = this._button('wg-rotation', 'Stop slide rotation', () => g.toggleRotation());
    this.rotation.hidden = true;
    this.nav = el('div', 'wg-nav');
    this.prevBtn = this._button('wg-ctl wg-prev', 'Previous slide', () => g.prev(), HIT.Prev);
    this.nextBtn = this._button('wg-ctl wg-next', 'Next slide', () => g.next(), HIT.Next);
    this.prevBtn.setAttribute('aria-controls', this.id + '-slides');
    this.nextBtn.setAttribute('aria-controls', this.id + '-slides');
    this.prevBtn.append(el('span', 'wg-arrow', { 'aria-hidden': 'true' }), el('span', 'wg-label'));
    this.nextBtn.append(el('span', 'wg-label'), el('span', 'wg-arrow', { 'aria-hidden': 'true' }));
    this.prevBtn.querySelector('.wg-arrow').textContent = '‹';
    this.prevBtn.querySelector('.wg-label').textContent = 'Previous';
    this.nextBtn.querySelector('.wg-arrow').textContent = '›';
    this.nextBtn.querySelector('.wg-label').textContent = 'Next';
    this.counter = el('span', 'wg-count', { 'aria-hidden': 'true', dir: 'ltr' }); // "1 / 3" in any direction
    this.nav.append(this.prevBtn, this.counter, this.nextBtn);
    this.slides = el('div', 'wg-slides', { id: this.id + '-slides' });
    this.dots = el('div', 'wg-dots', { role: 'group', 'aria-label': 'Choose slide' });
    this.moreBtn = this._button('wg-ctl wg-more', 'More text', () => g.setExpanded(!g._expanded), HIT.More);
    this.moreBtn.setAttribute('aria-expanded', 'false');
    this.moreBtn.hidden = true;
    this.fsBtn = this._button('wg-ctl wg-fullscreen', 'Full screen', () => g.toggleFullscreen(), HIT.Fullscreen);
    this.fsBtn.hidden = true;
    // Zoom into the photo (a toggle, aria-pressed): shown as a pill over the photo while focused.
    this.zoomBtn = this._button('wg-zoom', 'Zoom', () => g._send('zoomToggle', {}));
    this.zoomBtn.setAttribute('aria-pressed', 'false');
    this.zoomBtn.hidden = true;
    this.live = el('div', 'wg-sr wg-live', { 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.el.append(this.rotation, this.nav, this.slides, this.dots, this.moreBtn, this.fsBtn, this.zoomBtn, this.live);
  }

  _button(cls, label, onClick, hit, dot = -1) {
    const b = el('button', cls, { type: 'button', 'aria-label': label });
    b.addEventListener('click', () => { if (b.getAttribute('aria-disabled') !== 'true') onClick(); });
    if (hit) {
      b.addEventListener('focus', () => this.g._focusRing(hit, dot));
      b.addEventListener('blur', () => this.g._focusRing(HIT.None, -1));
    }
    return b;
  }

  // Builds one group per slide; only the current one is shown (the others are hidden from everyone).
  // mode: 'overlay' (over a working canvas) or 'visible' (the plain-HTML gallery).
  // urlAllowed(url, forImage) is the shared URL rule; baseUrl resolves relative URLs.
  fill(model, index, { mode, baseUrl, urlAllowed }) {
    this.model = model;
    this.mode = mode;
    this.el.setAttribute('data-mode', mode);
    if (mode !== 'overlay') for (const b of this.el.querySelectorAll('.wg-over')) b.classList.remove('wg-over');
    const slides = Array.isArray(model.slides) ? model.slides : [];
    const n = slides.length;
    const groups = slides.map((raw, i) => {
      const s = raw && typeof raw === 'object' ? raw : {};
      const group = el('div', 'wg-slide', { role: 'group', 'aria-roledescription': 'slide', 'aria-label': `${i + 1} of ${n}` });
      const img = el('img', 'wg-photo', { alt: str(s.alt), decoding: 'async', loading: 'lazy' });
      if (s.width > 0 && s.height > 0) { img.setAttribute('width', String(s.width | 0)); img.setAttribute('height', String(s.height | 0)); }
      // Only the visible gallery shows photos; over the canvas the img carries its alt text only.
      if (mode === 'visible' && urlAllowed(str(s.image), true)) {
        try { img.setAttribute('src', new URL(str(s.image), baseUrl).href); } catch { /* unparsable: alt text only */ }
        // The slide's other sizes: the browser picks as the widget would (image_choice.h).
        const set = (Array.isArray(s.srcset) ? s.srcset : []).filter((c) => c && urlAllowed(str(c.url), true) && c.width > 0)
          .map((c) => { try { return `${new URL(str(c.url), baseUrl).href.replace(/ /g, '%20').replace(/,/g, '%2C')} ${c.width | 0}w`; } catch { return null; } })
          .filter(Boolean);
        if (set.length && s.width > 0) set.push(`${img.getAttribute('src')} ${s.width | 0}w`);
        if (set.length) { img.setAttribute('srcset', set.join(', ')); img.setAttribute('sizes', '100vw'); }
      }
      // Each paragraph in its own direction (dir=auto, as the canvas draws them): a Latin credit in an
      // Arabic gallery keeps its © in front.
      const cap = el('p', 'wg-caption', { dir: 'auto' });
      cap.textContent = str(s.caption);
      const credit = el('p', 'wg-credit', { dir: 'auto' });
      credit.textContent = str(s.credit);
      const body = el('div', 'wg-body');
      for (const para of str(s.text).split(/\n\s*\n/)) {
        if (!para.trim()) continue;
        const p = el('p', null, { dir: 'auto' });
        p.textContent = para;
        body.append(p);
      }
      group.append(img, cap, credit, body);
      if (str(s.link) && urlAllowed(s.link, false)) {
        try {
          const a = el('a', 'wg-link', { href: new URL(s.link, baseUrl).href });
          a.textContent = 'Read more';
          group.append(a);
        } catch { /* unparsable: no link */ }
      }
      group.hidden = i !== index;
      return group;
    });
    this.slides.replaceChildren(...groups);
    this.dots.replaceChildren(...slides.map((_, i) =>
      this._button('wg-ctl wg-dot', `Slide ${i + 1}`, () => this.g.goTo(i), HIT.Dot, i)));
    this.dots.hidden = true;
    this.rotation.hidden = true;
    this.moreBtn.hidden = true;
    this.fsBtn.hidden = true;
    this.zoomBtn.hidden = mode !== 'overlay';  // the plain-HTML gallery has no zoom
    this.show(index);
    if (mode === 'overlay') this._layOutAhead(groups);
  }

  // Over the canvas a slide's text is for screen readers only, but showing a group the page has never
  // laid out costs a layout of its caption and body (tens of ms on a slow phone) in the frame after
  // the slide change. So, one group per idle moment, the hidden groups are laid out ahead of time and
  // kept laid out (visibility: hidden, styles.js), and a slide change only flips visibility.
  _layOutAhead(groups) {
    let k = 0;
    const next = () => {
      // Stops once the groups were replaced (a new fill lays out its own) or the gallery went away.
      if (k >= groups.length || groups[0].parentNode !== this.slides || !this.slides.isConnected) return;
      groups[k++].classList.add('wg-laid');
      whenIdle(next, 2000);
    };
    whenIdle(next, 2000);
  }

  get loop() { return !!(this.model && this.model.options && this.model.options.loop); }

  // Shows slide i (wrapped when the gallery loops, else clamped) and returns it.
  show(i) {
    if (!this.model) return 0;
    const n = this.slides.children.length;
    if (!n) return 0;
    i = this.loop ? ((i % n) + n) % n : Math.max(0, Math.min(n - 1, i));
    // Only what changes is written: each DOM write costs the page style work.
    [...this.slides.children].forEach((c, k) => { if (c.hidden !== (k !== i)) c.hidden = k !== i; });
    [...this.dots.children].forEach((d, k) => {
      if ((k === i) === d.hasAttribute('aria-current')) return;
      if (k === i) d.setAttribute('aria-current', 'true');
      else d.removeAttribute('aria-current');
    });
    const count = `${i + 1} / ${n}`;
    if (this.counter.textContent !== count) this.counter.textContent = count;
    // At the ends of a gallery that does not loop, previous/next stay focusable but do nothing.
    const ends = !this.loop;
    this._disable(this.prevBtn, ends && i === 0);
    this._disable(this.nextBtn, ends && i === n - 1);
    this.index = i;
    return i;
  }

  _disable(b, off) {
    if (off) b.setAttribute('aria-disabled', 'true');
    else b.removeAttribute('aria-disabled');
  }

  // The live region's words after a navigation: "Slide 3 of 10: <caption>".
  announce(i) {
    if (!this.model) return;
    const n = this.slides.children.length;
    const s = this.model.slides[i] || {};
    const cap = str(s.caption);
    this.live.textContent = `Slide ${i + 1} of ${n}${cap ? ': ' + cap : ''}`;
  }

  // The photo's zoom once it settles (state.zoom, %): the button's state and a word for the reader.
  zoomed(percent, say) {
    const on = percent > 100;
    this.zoomBtn.setAttribute('aria-pressed', on ? 'true' : 'false');
    this.zoomBtn.setAttribute('aria-label', on ? `Zoom ${percent}%: back to the whole photo` : 'Zoom');
    if (say) this.live.textContent = on ? `Zoom ${percent}%` : 'Whole photo';
  }

  // The full-screen button's words: entering or leaving (gallery.js fullscreen, either kind).
  fullscreen(on) {
    const label = on ? 'Exit full screen' : 'Full screen';
    if (this.fsBtn.getAttribute('aria-label') !== label) this.fsBtn.setAttribute('aria-label', label);
  }

  // APG: the live region stays silent while the carousel rotates by itself.
  setRotating(rotating) {
    this.live.setAttribute('aria-live', rotating ? 'off' : 'polite');
  }

  // Lays the buttons over the controls the canvas draws (c: the wasm state's "controls"). A control the canvas
  // does not draw keeps a screen-reader-only button (previous/next) or none (More, dots, full screen).
  place(c) {
    if (this.mode !== 'overlay') return;
    const at = (b, r) => {
      b.classList.toggle('wg-over', !!r);
      if (!r) return;
      b.style.setProperty('--wg-x', r[0] + 'px');
      b.style.setProperty('--wg-y', r[1] + 'px');
      b.style.setProperty('--wg-w', r[2] + 'px');
      b.style.setProperty('--wg-h', r[3] + 'px');
    };
    at(this.prevBtn, c.prev);
    at(this.nextBtn, c.next);
    this.fsBtn.hidden = !c.fullscreen;
    at(this.fsBtn, c.fullscreen);
    this.fullscreen(this.g.fullscreen);
    this.moreBtn.hidden = !c.more;
    at(this.moreBtn, c.more);
    this.moreBtn.setAttribute('aria-label', c.expanded ? 'Less text' : 'More text');
    this.moreBtn.setAttribute('aria-expanded', c.expanded ? 'true' : 'false');
    const dots = c.dots || [];
    this.dots.hidden = dots.length !== this.dots.children.length;
    if (!this.dots.hidden) [...this.dots.children].forEach((d, k) => at(d, dots[k]));
    this.rotation.hidden = !c.autoplay;
    if (c.autoplay && c.photo) {
      const p = c.photo;
      const y = p[1] + p[3] - ROTATION_INSET - ROTATION_SIZE;
      this.rotation.style.setProperty('--wg-x', p[0] + ROTATION_INSET + 'px');
      this.rotation.style.setProperty('--wg-y', y + 'px');
      this.rotation.setAttribute('aria-label', c.autoplay === 1 ? 'Stop slide rotation' : 'Start slide rotation');
      this.rotation.classList.toggle('wg-playing', c.autoplay === 1);
    }
    if (c.photo) {
      this.el.style.setProperty('--wg-link-x', (c.autoplay ? 2 * ROTATION_INSET + ROTATION_SIZE : ROTATION_INSET) + 'px');
      this.el.style.setProperty('--wg-link-y', c.photo[1] + c.photo[3] - ROTATION_INSET - ROTATION_SIZE + 'px');
    }
  }
}
