// photo_fix.js — the one-click answer to "photo too heavy / too big": smaller JPEG copies of the slide's
// photo, written by the widget's own C++ (photo_fix_worker.js), kept like dropped photos and named in
// the JSON as the slide's image and srcset. This module decides names and fields; main.js applies
// them as one editor change (so one Ctrl+Z undoes the fix).
import { MAX_USEFUL_SIDE } from './photo_checks.js';

// The widths written (only those narrower than the photo): a phone at DPR 2, a phone at DPR 3 or a
// laptop, a large desktop, and the most the widget ever shows (MAX_USEFUL_SIDE).
export const FIX_WIDTHS = [640, 1080, 1600, MAX_USEFUL_SIDE];
// JPEG quality: the usual web trade-off (0 would take the core's kDefaultJpegQuality, the same 82).
export const FIX_QUALITY = 82;

// The findings the fix answers: too many bytes, too many pixels.
export const fixable = (finding) => finding.id === 'image.bytes' || finding.id === 'image.pixels';

let worker = null;
let seq = 0;
const waiting = new Map(); // job id → resolve

function run(job, transfer) {
  if (!worker) {
    worker = new Worker(new URL('photo_fix_worker.js', import.meta.url));
    worker.onmessage = (e) => { const done = waiting.get(e.data.id); waiting.delete(e.data.id); if (done) done(e.data); };
    worker.onerror = (e) => {
      for (const done of waiting.values()) done({ error: { id: 'worker.failed', message: e.message || 'the photo worker failed to start' } });
      waiting.clear();
      worker = null;
    };
  }
  const id = ++seq;
  return new Promise((resolve) => { waiting.set(id, resolve); worker.postMessage({ id, ...job }, transfer); });
}

// A path the slide's own copies (from an earlier fix) already use: writing it again replaces them.
const ownCopy = (slide, p) => slide.image === p || (Array.isArray(slide.srcset) && slide.srcset.some((c) => c.url === p));

// "photos/IMG 1.jpg", "https://x/a/b.webp?v=2" → "IMG-1", "b": the stem the copies are named after.
function stem(url) {
  const last = String(url).split(/[?#]/)[0].split('/').pop() || '';
  let name = last;
  try { name = decodeURIComponent(last); } catch { /* keep it encoded */ }
  return name.replace(/\.[^.]*$/, '').normalize('NFC').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'photo';
}

// Writes the copies of `slide`'s photo and adds them to `local` (LocalPhotos). `url`: the photo's
// absolute URL, fetched when it is not a dropped photo. → {fields (for the slide), message} | {error}.
export async function fixPhoto(slide, { local, url, gallery }) {
  let blob;
  const dropped = local.get(slide.image);
  try {
    if (dropped) blob = dropped.file;
    else {
      const r = await fetch(url, { credentials: 'same-origin' });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      blob = await r.blob();
    }
  } catch (e) {
    return { error: `Could not read the photo (${e.message}).` };
  }
  const bytes = await blob.arrayBuffer();
  const r = await run({ bytes, wasmUrl: new URL('wasm-gallery-photo-tools.wasm', location.href).href, widths: FIX_WIDTHS,
    maxSide: MAX_USEFUL_SIDE, quality: FIX_QUALITY }, [bytes]);
  if (r.error) return { error: `Could not write smaller copies: ${r.error.message}.` };
  // A tall photo meets the height limit first: two widths may give the same copy; keep one.
  const copies = r.jpegs.filter((j, i, all) => all.findIndex((k) => k.width === j.width) === i).sort((a, b) => a.width - b.width);
  if (!copies.length) return { error: `The photo is ${r.width} px wide: no smaller size to write (the smallest is ${FIX_WIDTHS[0]} px).` };
  // Names no other photo of the gallery (or of this browser) has: a second "01.jpg" from another
  // folder gets "01-2-640.jpg", never the first one's copies.
  const galleryText = JSON.stringify(gallery || {});
  const used = (p) => local.has(p) || galleryText.includes(JSON.stringify(p));
  let base = stem(slide.image);
  for (let k = 2; copies.some((j) => used(`photos/${base}-${j.width}.jpg`) && !ownCopy(slide, `photos/${base}-${j.width}.jpg`)); k++) base = `${stem(slide.image)}-${k}`;
  const named = copies.map((j) => ({ ...j, path: `photos/${base}-${j.width}.jpg` }));
  const failed = [];
  for (const j of named) {
    const why = await local.put(j.path, new File([j.bytes], j.path.slice('photos/'.length), { type: 'image/jpeg' }), j.width, j.height);
    if (typeof why === 'string' && why) failed.push(why);
  }
  if (failed.length) return { error: `The smaller copies could not be kept in this browser (${failed[0]}).` };
  const largest = named[named.length - 1];
  const fields = { image: largest.path, width: largest.width, height: largest.height };
  // The image is the widest size; srcset lists the others (web/gallery.schema.json, image_choice.h).
  if (named.length > 1 || slide.srcset) fields.srcset = named.slice(0, -1).map((j) => ({ url: j.path, width: j.width }));
  const kb = Math.round(named.reduce((a, j) => a + j.bytes.byteLength, 0) / 1024);
  return { fields, message: `Wrote ${named.map((j) => j.width).join(', ')} px wide JPEGs (${kb} KB in all) from the ${r.width}×${r.height} photo; the slide now uses them.` };
}
