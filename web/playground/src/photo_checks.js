// photo_checks.js — what an editor should fix before publishing that valid JSON can't show: missing
// alt text, photos too heavy (bytes) or too big (pixels), declared width/height that don't match the
// file, broken URLs, dropped photos this browser no longer has. Each finding has a stable id and the
// JSON pointer of the field to fix.

// Over this many bytes a photo costs a reader on a slow phone connection seconds (1 MB ≈ 2 s at 4 Mbit/s).
export const HEAVY_BYTES = 1024 * 1024;
// The widget refuses photos over this many bytes (web/src/images.js MAX_ENCODED_BYTES).
export const MAX_BYTES = 30 * 1024 * 1024;
// The widget never shows more than this many pixels on a side (kMaxTextureSide in exports.cpp):
// beyond it the reader downloads and decodes pixels nobody sees.
export const MAX_USEFUL_SIDE = 2048;
// Declared and real aspect ratios may differ this much (rounding when a photo was resized).
export const ASPECT_TOLERANCE = 0.01;
// Photos fetched at once while checking.
const PROBE_CONCURRENCY = 3;

const kb = (n) => (n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : Math.round(n / 1024) + ' KB');

export class PhotoChecks {
  constructor() {
    this.probes = new Map(); // absolute URL → Promise<{bytes, width, height} | {error}>
    this.queue = [];
    this.running = 0;
  }

  forget() { this.probes.clear(); }

  // What the file at `url` really is (fetched like the widget fetches it, so CORS counts too).
  probe(url) {
    if (!this.probes.has(url)) {
      this.probes.set(url, new Promise((resolve) => { this.queue.push({ url, resolve }); this._pump(); }));
    }
    return this.probes.get(url);
  }

  _pump() {
    while (this.running < PROBE_CONCURRENCY && this.queue.length) {
      const { url, resolve } = this.queue.shift();
      this.running++;
      this._fetch(url).then(resolve).finally(() => { this.running--; this._pump(); });
    }
  }

  async _fetch(url) {
    let r;
    try {
      r = await fetch(url, { credentials: 'same-origin' });
    } catch {
      return { error: new URL(url).origin !== location.origin
        ? 'cannot be fetched (offline, or a cross-origin server without Access-Control-Allow-Origin)' : 'cannot be fetched' };
    }
    if (!r.ok) return { error: `HTTP ${r.status}${r.statusText ? ' ' + r.statusText : ''}` };
    const blob = await r.blob();
    try {
      const bmp = await createImageBitmap(blob);
      const out = { bytes: blob.size, width: bmp.width, height: bmp.height };
      bmp.close();
      return out;
    } catch {
      return { error: `not an image (${blob.type || 'unknown type'}, ${kb(blob.size)})`, bytes: blob.size };
    }
  }

  // Findings for one slide; `info` is a probe result (or a local photo's {bytes, width, height}), with
  // `missing` set when the slide names a dropped photo that neither this browser nor the server has.
  static findings(slide, i, info, maxPixels) {
    const at = (f) => `/slides/${i}/${f}`;
    const out = [];
    if (!slide.alt || !slide.alt.trim()) {
      out.push({ id: 'alt.missing', severity: 'warning', where: at('alt'), message: 'No alt text: screen-reader users hear nothing for this photo.' });
    }
    if (!info) return out;
    if (info.missing) {
      out.push({ id: 'photo.missing', severity: 'error', where: at('image'),
        message: `Slide ${i + 1}: photo ${slide.image} is missing — drop it again or choose another.` });
      return out;
    }
    if (info.error) {
      out.push({ id: 'image.broken', severity: 'error', where: at('image'), message: `Photo ${info.error}.` });
      return out;
    }
    if (info.bytes > MAX_BYTES) {
      out.push({ id: 'image.bytes', severity: 'error', where: at('image'), message: `Photo is ${kb(info.bytes)}; the widget refuses files over ${kb(MAX_BYTES)}.` });
    } else if (info.bytes > HEAVY_BYTES) {
      out.push({ id: 'image.bytes', severity: 'warning', where: at('image'), message: `Photo is ${kb(info.bytes)}; over ${kb(HEAVY_BYTES)} it is slow on phones.` });
    }
    const px = info.width * info.height;
    if (px > maxPixels) {
      out.push({ id: 'image.pixels', severity: 'error', where: at('image'), message: `Photo is ${info.width}×${info.height} (${(px / 1e6).toFixed(1)} MP); the widget decodes at most ${(maxPixels / 1e6).toFixed(1)} MP (options.maxPixels).` });
    } else if (Math.max(info.width, info.height) > MAX_USEFUL_SIDE) {
      out.push({ id: 'image.pixels', severity: 'warning', where: at('image'), message: `Photo is ${info.width}×${info.height}; the widget never shows more than ${MAX_USEFUL_SIDE} px a side, so the rest is wasted download.` });
    }
    const real = `${info.width}×${info.height}`;
    if (slide.width > 0 && slide.height > 0) {
      const ratio = (slide.width / slide.height) / (info.width / info.height);
      if (Math.abs(ratio - 1) > ASPECT_TOLERANCE) {
        out.push({ id: 'image.aspect', severity: 'warning', where: at('width'), fix: { width: info.width, height: info.height },
          message: `Declared ${slide.width}×${slide.height} but the file is ${real}: the box reserved before it loads will be wrong.` });
      }
    } else {
      out.push({ id: 'image.size_missing', severity: 'info', where: `/slides/${i}`, fix: { width: info.width, height: info.height },
        message: `No width/height: the box can't be reserved before the photo loads (the file is ${real}).` });
    }
    return out;
  }
}
