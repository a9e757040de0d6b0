// decoder-abi.js — the JS half of the decoder module's C ABI (widget/platform/decoder_main.cpp): bytes
// in, premultiplied RGBA out, every wasm buffer freed before returning. Used by the decode worker and
// by the decode benchmark, so both time exactly the same calls; and (encodeJpegs) by the playground's
// photo fix, which writes smaller JPEGs with the same module. No DOM, no worker plumbing here.

// wgd_decode / wgd_finish_rgba statuses (kStatus* in decoder_main.cpp).
const PIXELS = 0;
const FALLBACK = 2;

function takeError(M) {
  return { id: M.UTF8ToString(M._wgd_error_id()), message: M.UTF8ToString(M._wgd_error_message()) };
}

// Copies the module's result into a fresh ArrayBuffer (transferable) and frees it in the module.
// `opaque`: no pixel is see-through; `crop`: the part of the photo the pixels hold; `source`: the whole
// photo's displayed size.
function takePixels(M, withCrop) {
  const w = M._wgd_width(), h = M._wgd_height(), p = M._wgd_pixels();
  const pixels = M.HEAPU8.slice(p, p + w * h * 4).buffer;
  const out = { width: w, height: h, pixels, opaque: M._wgd_opaque() === 1 };
  if (withCrop) {
    out.crop = [0, 1, 2, 3].map((k) => M._wgd_crop(k));
    out.source = [M._wgd_display_width(), M._wgd_display_height()];
  }
  M._wgd_release();
  return out;
}

// The two ways pixels get into the module; each leaves its result held there (a kStatus*), for the
// caller to take, encode or release.
const NO_ROOM = -1;  // holdDecoded: no room in the heap for the encoded file itself
const NO_ROOM_ERROR = { id: 'image.out_of_memory', message: 'out of memory for the encoded file' };

function holdDecoded(M, bytes, maxW, maxH, maxPixels, crop) {
  const p = M._malloc(Math.max(1, bytes.length));
  if (!p) return NO_ROOM;
  try {
    M.HEAPU8.set(bytes, p);
    const c = crop || [0, 0, 1, 1];
    return M._wgd_decode(p, bytes.length, maxW, maxH, maxPixels || 0, c[0], c[1], c[2], c[3]);
  } finally {
    M._free(p);
  }
}

function holdRgba(M, rgba, width, height, maxW, maxH, maxPixels) {
  const p = M._wgd_rgba_buffer(width, height, maxPixels || 0);
  if (!p) return NO_ROOM;  // the module says why (takeError)
  M.HEAPU8.set(rgba, p);
  return M._wgd_finish_rgba(maxW, maxH);
}

// After FALLBACK: what the browser must decode (width/height as displayed, 0 when the headers don't say).
function fallbackOf(M) {
  return { format: M.UTF8ToString(M._wgd_format()), width: M._wgd_display_width(), height: M._wgd_display_height(), orientation: M._wgd_orientation() };
}

// Encoded bytes → {width, height, pixels} | {error: {id, message}} | {fallback: {format, width, height,
// orientation}} (the browser must decode it).
// crop [x0, y0, x1, y1] (fractions of the displayed photo): only that part; the pixels then say which
// part they hold (`crop`) and the whole photo's size (`source`).
export function decodeEncoded(M, bytes, maxW, maxH, maxPixels, crop) {
  const status = holdDecoded(M, bytes, maxW, maxH, maxPixels, crop);
  if (status === NO_ROOM) return { error: NO_ROOM_ERROR };
  if (status === PIXELS) return takePixels(M, true);
  const out = status === FALLBACK ? { fallback: fallbackOf(M) } : { error: takeError(M) };
  M._wgd_release();
  return out;
}

// Straight-alpha RGBA the browser decoded (already oriented) → fitted and premultiplied by the core,
// as {width, height, pixels} | {error}.
export function finishRgba(M, rgba, width, height, maxW, maxH, maxPixels) {
  if (holdRgba(M, rgba, width, height, maxW, maxH, maxPixels) !== PIXELS) {
    const error = takeError(M);
    M._wgd_release();
    return { error };
  }
  return takePixels(M);
}

// The core's fit_size: what a w × h image is shown at inside maxW × maxH (never upscaled).
export function fitSize(M, w, h, maxW, maxH) {
  return { width: M._wgd_fit_width(w, h, maxW, maxH), height: M._wgd_fit_height(w, h, maxW, maxH) };
}

// Memory: the module's wasm memory (its high-water mark: it never shrinks) and what malloc holds now.
export function heapReport(M) {
  return { memoryBytes: M.HEAPU8.length, inUseBytes: M._wgd_heap_in_use() };
}

// The playground's photo fix: an editor's photo → JPEGs of it from one decode, laid on white (JPEG has
// no alpha). `input`: the encoded bytes (Uint8Array), or the browser's straight-alpha, already oriented
// {rgba, width, height} after a {fallback}. The photo is decoded to fit inside fit [maxW, maxH]; then
// sizes({width, height}: the photo as displayed) names the boxes [maxW, maxH] to write, each never
// upscaled. → {width, height (as displayed), jpegs: [{width, height, bytes: ArrayBuffer}]} | {error} |
// {fallback} (as decodeEncoded's). quality 1–100, 0 = the core's default.
export function encodeJpegs(M, input, { fit, sizes, quality = 0, maxPixels = 0 }) {
  let status, source;
  if (input instanceof Uint8Array) {
    status = holdDecoded(M, input, fit[0], fit[1], maxPixels);
    if (status === NO_ROOM) return { error: NO_ROOM_ERROR };
    source = { width: M._wgd_display_width(), height: M._wgd_display_height() };
    if (status === FALLBACK) {
      const fallback = fallbackOf(M);
      M._wgd_release();
      return { fallback };
    }
  } else {
    status = holdRgba(M, input.rgba, input.width, input.height, fit[0], fit[1], maxPixels);
    source = { width: input.width, height: input.height };
  }
  try {
    if (status !== PIXELS) return { error: takeError(M) };
    const jpegs = [];
    for (const [maxW, maxH] of sizes(source)) {
      if (M._wgd_encode_jpeg(maxW, maxH, quality) !== PIXELS) return { error: takeError(M) };
      const p = M._wgd_jpeg();
      jpegs.push({ width: M._wgd_jpeg_width(), height: M._wgd_jpeg_height(), bytes: M.HEAPU8.slice(p, p + M._wgd_jpeg_size()).buffer });
    }
    return { ...source, jpegs };
  } finally {
    M._wgd_release();
  }
}
