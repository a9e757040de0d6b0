// local_photos.js — photos dropped from the editor's computer. The gallery JSON names each one
// "photos/<file name>" (where it goes when published, next to gallery.json); the playground keeps
// the File behind an object URL for thumbnails and checks, and gives the preview a downscaled
// data: URL, since the widget's URL policy (rightly) refuses blob: URLs in a gallery.
const FOLDER = 'photos/';
// The widget accepts data: image URLs up to 256 KiB (limits.h kMaxDataUrlBytes); stay under it.
const MAX_PREVIEW_DATA_URL = 250 * 1024;
// Enough pixels for the largest preset (desktop 1280 px wide at DPR 1, phone 360 px at DPR 3).
const PREVIEW_MAX_SIDE = 1280;
const PREVIEW_QUALITIES = [0.85, 0.72, 0.6, 0.48];

function safeName(name) {
  const base = String(name).split(/[\\/]/).pop().normalize('NFC').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '');
  return base || 'photo.jpg';
}

function blobToDataUrl(blob) {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
}

export class LocalPhotos {
  constructor() {
    this.byPath = new Map(); // "photos/x.jpg" → { file, url, width, height, bytes, preview: Promise<dataUrl> }
  }

  has(path) { return this.byPath.has(path); }
  get(path) { return this.byPath.get(path) || null; }
  // A name this playground gives dropped photos (it may be from an earlier session).
  isLocalName(path) { return path.startsWith(FOLDER) && !path.includes('/', FOLDER.length); }

  // Adds image files; resolves to slides ({image, alt, caption, credit, width, height}) for the JSON.
  async add(files) {
    const slides = [];
    for (const file of files) {
      if (!/^image\//.test(file.type) && !/\.(jpe?g|png|gif|webp|avif|bmp)$/i.test(file.name)) continue;
      let bmp;
      try {
        bmp = await createImageBitmap(file);
      } catch {
        slides.push({ error: `${file.name}: not an image this browser can read` });
        continue;
      }
      let path = FOLDER + safeName(file.name);
      for (let i = 2; this.byPath.has(path) && this.byPath.get(path).file !== file; i++) {
        path = FOLDER + safeName(file.name).replace(/(\.\w+)?$/, `-${i}$1`);
      }
      const entry = { file, url: URL.createObjectURL(file), width: bmp.width, height: bmp.height, bytes: file.size, preview: null };
      entry.preview = this._previewUrl(bmp);
      this.byPath.set(path, entry);
      slides.push({ image: path, alt: '', caption: '', credit: '', width: bmp.width, height: bmp.height });
    }
    return slides;
  }

  // A JPEG data: URL small enough for the widget's data: URL limit.
  async _previewUrl(bmp) {
    let side = PREVIEW_MAX_SIDE;
    try {
      for (let attempt = 0; attempt < 4; attempt++, side = Math.round(side * 0.75)) {
        const s = Math.min(1, side / Math.max(bmp.width, bmp.height));
        const c = new OffscreenCanvas(Math.max(1, Math.round(bmp.width * s)), Math.max(1, Math.round(bmp.height * s)));
        const ctx = c.getContext('2d');
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(bmp, 0, 0, c.width, c.height);
        for (const quality of PREVIEW_QUALITIES) {
          const url = await blobToDataUrl(await c.convertToBlob({ type: 'image/jpeg', quality }));
          if (url.length <= MAX_PREVIEW_DATA_URL) return url;
        }
      }
      return null;
    } finally {
      bmp.close();
    }
  }
}
