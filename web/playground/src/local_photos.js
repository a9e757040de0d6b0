// local_photos.js — photos dropped from the editor's computer. The gallery JSON names each one
// "photos/<file name>" (where it goes when published, next to gallery.json); the playground keeps
// the File behind an object URL for thumbnails and checks, and gives the preview a downscaled
// data: URL, since the widget's URL policy (rightly) refuses blob: URLs in a gallery. Each photo is
// also kept in this browser (photo_store.js), so the draft finds it again after a reload.
import { PhotoStore } from './photo_store.js';

const FOLDER = 'photos/';
// The widget accepts data: image URLs up to 256 KiB (limits.h kMaxDataUrlBytes); stay under it.
const MAX_PREVIEW_DATA_URL = 250 * 1024;
// Enough pixels for the largest preset (desktop 1280 px wide at DPR 1, phone 360 px at DPR 3).
const PREVIEW_MAX_SIDE = 1280;
const PREVIEW_QUALITIES = [0.85, 0.72, 0.6, 0.48];
// A name the playground gives a dropped photo, as a JSON string (safeName keeps only these characters).
const NAME_IN_TEXT = /"(photos\/[\w.-]+)"/g;

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
    // "photos/x.jpg" → { file, url, width, height, bytes, preview: Promise<dataUrl>, kept: Promise<'' | why not> }
    this.byPath = new Map();
    this.opening = null; // Promise<PhotoStore | null>, opened on first use
  }

  has(path) { return this.byPath.has(path); }
  get(path) { return this.byPath.get(path) || null; }
  // A name this playground gives dropped photos (it may be from an earlier session).
  isLocalName(path) { return path.startsWith(FOLDER) && !path.includes('/', FOLDER.length); }

  // The dropped-photo names a JSON text mentions. Read from the text, not the model, so it works on
  // invalid JSON too; a name that is only in a caption counts too, which at worst keeps a photo longer.
  static namesIn(text) {
    return [...new Set([...String(text).matchAll(NAME_IN_TEXT)].map((m) => m[1]))];
  }

  _store() {
    return this.opening || (this.opening = PhotoStore.open());
  }

  // Adds image files; resolves to slides ({image, alt, caption, credit, width, height}) for the JSON.
  // A file whose name is already here replaces that photo (same name, so the slides using it follow).
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
      // A name already held is a new version of that photo: it gets a name of its own ("x-2.jpg") and
      // says which it replaces, so the slide switches to it in one undoable edit and Ctrl+Z brings
      // the earlier file back (it stays here, and in the store while the draft names it).
      const named = FOLDER + safeName(file.name);
      let path = named;
      for (let k = 2; this.byPath.has(path) && this.byPath.get(path).file !== file; k++) path = FOLDER + safeName(file.name).replace(/(\.\w+)?$/, `-${k}$1`);
      const entry = { file, url: URL.createObjectURL(file), width: bmp.width, height: bmp.height, bytes: file.size, preview: null, kept: null };
      entry.preview = this._previewUrl(bmp);
      this.byPath.set(path, entry);
      entry.kept = this._keep(path, entry);
      slides.push({ image: path, alt: '', caption: '', credit: '', width: bmp.width, height: bmp.height, ...(path !== named ? { replaces: named } : {}) });
    }
    return slides;
  }

  // Adds a photo made here (the photo fix's smaller copies, photo_fix.js) as `path`, kept like a dropped one.
  put(path, file, width, height) {
    const old = this.byPath.get(path);
    if (old) URL.revokeObjectURL(old.url);
    const entry = { file, url: URL.createObjectURL(file), width, height, bytes: file.size, preview: null, kept: null };
    entry.preview = createImageBitmap(file).then((bmp) => this._previewUrl(bmp), () => null);
    this.byPath.set(path, entry);
    entry.kept = this._keep(path, entry);
    return entry.kept;  // '' once stored, else why not
  }

  // Brings back the stored photos among `names` (before the first render, so the preview has them);
  // resolves to the names restored.
  async restore(names) {
    const store = await this._store();
    if (!store) return [];
    const found = await store.getMany(names.filter((n) => !this.byPath.has(n)));
    const restored = [];
    for (const [name, r] of found) {
      if (!(r.blob instanceof Blob) || !(r.width > 0) || !(r.height > 0)) continue;
      let preview = r.preview ? Promise.resolve(r.preview) : null;
      if (!preview) {
        try { preview = this._previewUrl(await createImageBitmap(r.blob)); } catch { continue; }
      }
      this.byPath.set(name, { file: r.blob, url: URL.createObjectURL(r.blob), width: r.width, height: r.height,
        bytes: r.blob.size, preview, kept: Promise.resolve('') });
      restored.push(name);
    }
    return restored;
  }

  // When the draft is saved: the store keeps the photos the draft names. Stored ones it no longer
  // names go; ones it names again (Reset, then Ctrl+Z) are stored again from this session's copy.
  // Never deletes a name in `names`.
  async keepOnly(names) {
    const store = await this._store();
    if (!store) return;
    const want = new Set(names);
    const stored = await store.keys();
    const have = new Set(stored);
    await store.remove(stored.filter((n) => !want.has(n)));
    await Promise.all([...want].filter((n) => !have.has(n) && this.byPath.has(n) && !this.byPath.get(n).keeping)
      .map((n) => (this.byPath.get(n).kept = this._keep(n, this.byPath.get(n)))));
  }

  // Stores one photo; resolves to '' when kept, else why not.
  async _keep(name, entry) {
    entry.keeping = true;
    try {
      const store = await this._store();
      if (!store) return 'this browser keeps no data for this page';
      const preview = await entry.preview;
      if (this.byPath.get(name) !== entry) return ''; // replaced meanwhile: the newer file is stored instead
      return await store.put(name, { blob: entry.file, width: entry.width, height: entry.height, bytes: entry.bytes, preview });
    } finally {
      entry.keeping = false;
    }
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
