// mirror.js — the gallery as real DOM: what screen readers and crawlers read while the canvas
// (aria-hidden) is what sighted readers see, and the visible plain-HTML gallery when WebGL2 or the
// wasm is unavailable. Text from JSON only ever reaches the DOM as textContent or attributes.
const HIT = { Prev: 1, Next: 2, Dot: 3 };

function el(tag, cls, attrs) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
  return e;
}

function safeImageUrl(url, base) {
  try {
    const u = new URL(url, base);
    return /^(https?:|data:image\/|blob:)/i.test(u.href) ? u.href : '';
  } catch { return ''; }
}

export class Mirror {
  constructor(gallery) {
    this.g = gallery;
    this.el = el('div', 'wg-mirror wg-sr');
    this.nav = el('div', 'wg-nav');
    this.prevBtn = el('button', 'wg-prev', { type: 'button', 'aria-label': 'Previous slide' });
    this.prevBtn.textContent = '‹ Previous';
    this.nextBtn = el('button', 'wg-next', { type: 'button', 'aria-label': 'Next slide' });
    this.nextBtn.textContent = 'Next ›';
    this.slides = el('div', 'wg-slides', { 'aria-live': 'off' });
    this.live = el('div', 'wg-sr wg-live', { 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.nav.append(this.prevBtn, this.nextBtn);
    this.el.append(this.nav, this.slides, this.live);
    this.visible = false;
    this.index = 0;
    this.model = null;
    const g = gallery;
    this.prevBtn.addEventListener('click', () => (this.visible ? this.show(this.index - 1, true) : g.prev()));
    this.nextBtn.addEventListener('click', () => (this.visible ? this.show(this.index + 1, true) : g.next()));
    for (const [b, hit] of [[this.prevBtn, HIT.Prev], [this.nextBtn, HIT.Next]]) {
      b.addEventListener('focus', () => g._M && g._call('_wg_set_focus_ring', hit, -1));
      b.addEventListener('blur', () => g._M && g._call('_wg_set_focus_ring', 0, -1));
    }
  }

  // Builds one group per slide; only the current one is shown (others hidden from everyone).
  fill(model, index, { visible = false, baseUrl = document.baseURI } = {}) {
    this.model = model;
    this.visible = visible;
    this.el.classList.toggle('wg-sr', !visible);
    this.slides.replaceChildren();
    const n = model.slides.length;
    model.slides.forEach((s, i) => {
      const g = el('div', 'wg-slide', { role: 'group', 'aria-roledescription': 'slide', 'aria-label': `${i + 1} of ${n}` });
      const img = el('img', null, { alt: typeof s.alt === 'string' ? s.alt : '', loading: 'lazy', decoding: 'async' });
      if (visible) {
        const src = safeImageUrl(String(s.image || ''), baseUrl);
        if (src) img.setAttribute('src', src);
        if (s.width > 0 && s.height > 0) { img.setAttribute('width', s.width); img.setAttribute('height', s.height); }
      }
      const cap = el('p', 'wg-caption');
      cap.textContent = typeof s.caption === 'string' ? s.caption : '';
      const credit = el('p', 'wg-credit');
      credit.textContent = typeof s.credit === 'string' ? s.credit : '';
      const body = el('div', 'wg-body');
      for (const para of String(typeof s.text === 'string' ? s.text : '').split(/\n\s*\n/)) {
        if (!para.trim()) continue;
        const p = el('p');
        p.textContent = para;
        body.append(p);
      }
      g.append(img, cap, credit, body);
      g.hidden = i !== index;
      this.slides.append(g);
    });
    this.index = index;
  }

  // Shows slide i (clamped, or wrapped when the gallery loops); `announce` updates the live region.
  show(i, announce) {
    if (!this.model) return;
    const n = this.model.slides.length;
    const loop = this.model.options && this.model.options.loop;
    i = loop ? ((i % n) + n) % n : Math.max(0, Math.min(n - 1, i));
    const changed = i !== this.index;
    [...this.slides.children].forEach((c, k) => { c.hidden = k !== i; });
    this.index = i;
    if (announce && changed) {
      const cap = this.model.slides[i].caption || '';
      this.live.textContent = `Slide ${i + 1} of ${n}${cap ? ': ' + cap : ''}`;
    }
    if (this.visible && changed) {
      this.g._index = i;
      this.g._dispatch('slidechange', { index: i, count: n });
    }
  }
}
