// text-engine.js — the browser's text engine, for the wasm's layout (widget/platform/browser_text.h):
// widths with Canvas 2D measureText in the gallery's font, line-break opportunities (the browser's
// ICU line breaker, or Intl.Segmenter) and grapheme clusters (Intl.Segmenter), and each laid-out line
// drawn once with fillText (shaping, joining,
// bidi, font fallback and colour emoji are the browser's). Runs where the frames are drawn: the render
// worker (fonts: installed ones, plus the page's web fonts added as FontFace) or the page's thread.

// Scripts written without spaces between words: a line may break between their words.
const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
// Han and kana: a line may break between any two of them.
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF01-\uFF60]/u;
// Punctuation that never starts a line (closing brackets and quotes, stops, commas, CJK ones) or
// never ends one (opening brackets and quotes).
const NO_START = /^[\p{Pe}\p{Pf}\p{Po}]/u;
const NO_END = /[\p{Ps}\p{Pi}]$/u;
// Canvas side limit: a line longer than this (only a hostile one, e.g. a 10 000-character credit)
// is drawn cut there; the layout clips it far earlier.
const MAX_SIDE = 8192;

function makeCanvas() {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(1, 1);
  return document.createElement('canvas');
}

// UTF-8 byte length of each UTF-16 code unit run up to i: offsets for the wasm, which works in UTF-8.
function utf8Offsets(s) {
  const at = new Int32Array(s.length + 1);
  let b = 0;
  for (let i = 0; i < s.length; i++) {
    at[i] = b;
    const c = s.charCodeAt(i);
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) { at[i + 1] = b; b += 4; i++; } // a pair: 4 bytes
    else b += 3;
  }
  at[s.length] = b;
  return at;
}

const css = (rgba) => `rgba(${rgba >>> 24},${(rgba >>> 16) & 255},${(rgba >>> 8) & 255},${(rgba & 255) / 255})`;

export class TextEngine {
  constructor() {
    this.family = 'sans-serif';
    this.lang = undefined;
    this.canvas = makeCanvas();
    this.ctx = this.canvas.getContext('2d');
    this.widths = new Map();
    this.faces = new Map();   // url key → FontFace added to this thread's fonts
    this.aliases = new Map(); // family (lower case) → {alias, pending loads, ready}
    this.resolved = this.family;
    this.onChange = null;     // called when what was measured is stale (a font arrived)
    this._segmenters();
  }

  // The page's view: `fontFamily` (a CSS font-family list), `lang`, `fontFaces` (the page's
  // @font-face rules for those families, with absolute URLs). True if widths changed.
  setView({ fontFamily, lang, fontFaces }) {
    let changed = false;
    if (fontFamily && fontFamily !== this.family) { this.family = fontFamily; this._resolveFamily(); changed = true; }
    if ((lang || undefined) !== this.lang) { this.lang = lang || undefined; this._segmenters(); changed = true; }
    for (const f of fontFaces || []) this._addFace(f);
    if (changed) this.widths.clear();
    return changed;
  }

  _segmenters() {
    // Line-break opportunities: where the engine exposes its ICU line breaker (Intl.v8BreakIterator:
    // Chromium, also in workers), the Unicode line-breaking rules (UAX #14) themselves; elsewhere
    // Intl.Segmenter's words and graphemes with the few rules in segment().
    const BI = typeof Intl === 'object' && Intl.v8BreakIterator;
    try {
      this.lines = typeof BI === 'function' ? new BI(this.lang, { type: 'line' }) : null;
    } catch {
      this.lines = null;
    }
    const Seg = typeof Intl === 'object' && Intl.Segmenter;
    try {
      this.words = Seg ? new Seg(this.lang, { granularity: 'word' }) : null;
      this.graphemes = Seg ? new Seg(this.lang, { granularity: 'grapheme' }) : null;
    } catch {
      this.words = Seg ? new Seg(undefined, { granularity: 'word' }) : null;
      this.graphemes = Seg ? new Seg(undefined, { granularity: 'grapheme' }) : null;
    }
  }

  // A web font of the page, loaded here too (a worker does not see the page's @font-face rules). It is
  // added under an alias of its own and used under that name once all of its family's faces have
  // loaded: text measured with the family before that stays cached with a fallback font (Chromium does
  // not invalidate a worker canvas's font cache when a face arrives), the alias was never asked for.
  _addFace({ family, src, weight, style, unicodeRange }) {
    const fonts = self.fonts;
    const key = [family, src, weight, style, unicodeRange].join('|');
    if (typeof document === 'object') return; // the page's thread has the page's fonts already
    if (!fonts || typeof FontFace !== 'function' || this.faces.has(key)) return;
    const name = family.toLowerCase();
    let a = this.aliases.get(name);
    if (!a) this.aliases.set(name, a = { alias: `wg-face-${this.aliases.size + 1}`, pending: 0, ready: false });
    let face;
    try {
      face = new FontFace(a.alias, src, { weight: weight || 'normal', style: style || 'normal', unicodeRange: unicodeRange || 'U+0-10FFFF' });
    } catch { return; }
    this.faces.set(key, face);
    fonts.add(face);
    a.pending++;
    const done = () => {
      if (--a.pending) return;
      a.ready = true;
      this._resolveFamily();
      this._changed();
    };
    face.load().then(done, done);
  }

  // The font-family list measured and drawn with: the page's, with each web font's alias once ready.
  _resolveFamily() {
    this.resolved = this.family.split(',').map((f) => {
      const a = this.aliases.get(f.trim().replace(/^["']|["']$/g, '').toLowerCase());
      return a && a.ready ? `"${a.alias}"` : f.trim();
    }).join(', ');
  }

  // Fonts arrived (here, or on the page's thread: document.fonts 'loadingdone').
  _changed() {
    this.widths.clear();
    if (this.onChange) this.onChange();
  }

  _font(px, bold) {
    return `${bold ? 700 : 400} ${px}px ${this.resolved}`;
  }

  width(s, px, bold) {
    const key = `${px}|${bold}|${s}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      if (this.widths.size > 20000) this.widths.clear();
      this.ctx.font = this._font(px, bold);
      this.ctx.direction = 'ltr';
      w = this.ctx.measureText(s).width;
      this.widths.set(key, w);
    }
    return w;
  }

  // Of one source line: {breaks, graphemes} as UTF-8 byte offsets (see TextMeasure::segment).
  segment(s) {
    const at = utf8Offsets(s);
    const breaks = new Set(), graphemes = [];
    let prevG = null;
    if (this.graphemes) {
      for (const g of this.graphemes.segment(s)) {
        if (g.index > 0) {
          graphemes.push(at[g.index]);
          // Chinese and Japanese break between any two characters (not only between words), still
          // never before closing punctuation or after opening punctuation.
          if (CJK.test(prevG) && CJK.test(g.segment) && !NO_START.test(g.segment) && !NO_END.test(prevG)) breaks.add(at[g.index]);
        }
        prevG = g.segment;
      }
    }
    const done = () => ({ breaks: [...breaks].sort((a, b) => a - b), graphemes });
    if (this.lines) {
      // Chromium's own line breaker (ICU, the Unicode line-breaking rules its layout uses).
      breaks.clear();
      this.lines.adoptText(s);
      for (let p = this.lines.first(); (p = this.lines.next()) !== -1;) if (p < s.length) breaks.add(at[p]);
      return done();
    }
    if (!this.words) {
      for (let i = 1; i < s.length; i++) if (s[i - 1] === ' ' && s[i] !== ' ') breaks.add(at[i]);
      return done();
    }
    // Word segments; a line may break before one that follows spaces, or between words of scripts
    // written without spaces, never before closing punctuation or after opening punctuation.
    let prev = null;
    for (const w of this.words.segment(s)) {
      if (prev && w.index > 0) {
        const p = prev.segment, c = w.segment;
        const afterSpace = /\s$/.test(p) && !/^\s/.test(c);
        const between = !/\s/.test(p) && !/^\s/.test(c) && (NO_SPACES.test(p.slice(-2)) || NO_SPACES.test(c.slice(0, 2))) &&
          !NO_START.test(c) && !NO_END.test(p);
        if (afterSpace || between) breaks.add(at[w.index]);
      }
      prev = w;
    }
    return done();
  }

  // `s` drawn at `px` device px in a line box `lineH` device px tall, colour 0xRRGGBBAA, base
  // direction rtl or ltr: {canvas, x, y, w, h}, x/y relative to the line box's top-left (device px).
  image(s, px, bold, lineH, rgba, rtl) {
    const c = this.canvas, ctx = this.ctx;
    const font = this._font(px, bold);
    ctx.font = font;
    ctx.direction = rtl ? 'rtl' : 'ltr';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    const m = ctx.measureText(s);
    const left = Math.max(0, Math.ceil(m.actualBoundingBoxLeft || 0));
    const right = Math.ceil(Math.max(m.width, m.actualBoundingBoxRight || 0));
    const asc = m.fontBoundingBoxAscent ?? px * 0.9, desc = m.fontBoundingBoxDescent ?? px * 0.25;
    const baseline = (lineH - (asc + desc)) / 2 + asc;
    const top = Math.floor(Math.min(0, baseline - (m.actualBoundingBoxAscent || 0)));
    const bottom = Math.ceil(Math.max(lineH, baseline + (m.actualBoundingBoxDescent || 0)));
    const w = Math.min(MAX_SIDE, left + right + 1), h = Math.min(MAX_SIDE, bottom - top);
    if (w <= 1 || h <= 0) return null;
    c.width = w; // also clears it and resets the context's state
    c.height = h;
    ctx.font = font;
    ctx.direction = rtl ? 'rtl' : 'ltr';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = css(rgba);
    ctx.fillText(s, left, baseline - top);
    return { canvas: c, x: -left, y: top, w, h };
  }
}
