// photo_fix_worker.js — the playground's photo fix off the page's thread (build/web/playground/, not
// dist/: readers' pages never load it). Writes smaller JPEG copies of a photo with the widget's own
// decoder module built with its JPEG writer (wasm-gallery-photo-tools: stb_image in, stb_image_resize,
// stb_image_write out; readers download the decoder without it); formats
// stb cannot read (WebP, AVIF…) the browser decodes here first, as in the decode worker.
//
// Messages in:  {id, bytes (ArrayBuffer), wasmUrl, widths: [px], maxSide, quality}
// Messages out: {id, width, height (the photo as displayed), jpegs: [{width, height, bytes}]} — the
//   widths narrower than the photo, each also kept within maxSide tall — or {id, error: {id, message}}.
import createWasmGalleryDecoder from 'wasm-gallery-decoder-glue';
import { encodeJpegs } from '../../src/decoder-abi.js';

let instance = null; // Promise<decoder module>; started again after a trap

function decoder(wasmUrl) {
  if (!instance) {
    instance = createWasmGalleryDecoder({
      locateFile: () => wasmUrl,
      print: () => {},
      printErr: (s) => console.warn('[photo fix]', s),
    });
    instance.catch(() => { instance = null; });
  }
  return instance;
}

// The browser's straight-alpha RGBA of a photo stb cannot read, oriented as displayed.
async function browserPixels(bytes) {
  const bmp = await createImageBitmap(new Blob([bytes]), { imageOrientation: 'from-image', premultiplyAlpha: 'none' });
  try {
    const canvas = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(bmp, 0, 0);
    return { rgba: ctx.getImageData(0, 0, bmp.width, bmp.height).data, width: bmp.width, height: bmp.height };
  } finally {
    bmp.close();
  }
}

async function handle({ bytes, wasmUrl, widths, maxSide, quality }) {
  let M;
  try {
    M = await decoder(wasmUrl);
  } catch (e) {
    return { error: { id: 'decoder.unavailable', message: `the image decoder could not start (${e.message || e})` } };
  }
  const opts = {
    fit: [Math.max(...widths), maxSide],
    // The widths narrower than the photo, and the photo itself re-encoded within the largest width
    // (a heavy 1800 px photo keeps its 1800 px, lighter): the image never loses resolution it had.
    sizes: ({ width }) => [...new Set([...widths.filter((w) => w < width), Math.min(width, Math.max(...widths))])].map((w) => [w, maxSide]),
    quality,
  };
  try {
    let r = encodeJpegs(M, new Uint8Array(bytes), opts);
    if (r.fallback) {
      let px;
      try {
        px = await browserPixels(bytes);
      } catch {
        return { error: { id: 'image.corrupt', message: `the browser could not decode this ${r.fallback.format} image` } };
      }
      r = encodeJpegs(M, px, opts);
    }
    return r;
  } catch (e) {
    instance = null; // a trap (out of memory inside stb) leaves the module unusable
    return { error: { id: 'image.out_of_memory', message: `the decoder stopped on this photo (${e.message || e})` } };
  }
}

self.onmessage = async (e) => {
  const r = await handle(e.data);
  self.postMessage({ id: e.data.id, ...r }, r.jpegs ? r.jpegs.map((j) => j.bytes) : []);
};
