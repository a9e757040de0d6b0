// fetch-photo.js — one photo's encoded bytes, from the decode worker (where the body is read off the
// main thread) or, without workers, from the page: abortable, capped at the core's encoded-byte limit
// before more is read, and failing with stable ids (image.network, image.http, image.too_many_bytes,
// image.url) and short messages. No DOM; works in a window and in a worker.

// The core's kMaxEncodedBytes (widget/core/image/limits.h).
export const MAX_ENCODED_BYTES = 30 * 1024 * 1024;
const MB = 1024 * 1024;

// An Error with a stable id, like the core's image.* ids, for what goes wrong before decoding.
export function failure(id, message) {
  return Object.assign(new Error(message), { id });
}

// The body as an ArrayBuffer. url: an absolute http(s):/blob: URL string.
export async function fetchPhoto(url, signal) {
  let r;
  try {
    r = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    const u = new URL(url);
    throw failure('image.network', u.origin !== self.location.origin && u.protocol !== 'blob:'
      ? 'network or CORS error (a photo on another site needs Access-Control-Allow-Origin)' : 'network error');
  }
  if (!r.ok) throw failure('image.http', `HTTP ${r.status}${r.statusText ? ' ' + r.statusText : ''}`);
  const tooLarge = (n) => failure('image.too_many_bytes', `file too large (${(n / MB).toFixed(1)} MB, limit ${MAX_ENCODED_BYTES / MB} MB)`);
  const declared = Number(r.headers.get('content-length')) || 0;
  if (declared > MAX_ENCODED_BYTES) throw tooLarge(declared);
  try {
    // With a trustworthy length the browser reads the body natively; a stream (no length, or a
    // compressed one) is read here and cut off at the limit.
    if (!r.body || (declared && !r.headers.get('content-encoding'))) return await r.arrayBuffer();
    const reader = r.body.getReader();
    const chunks = [];
    let n = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      n += value.length;
      if (n > MAX_ENCODED_BYTES) { reader.cancel(); throw tooLarge(n); }
      chunks.push(value);
    }
    const out = new Uint8Array(n);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out.buffer;
  } catch (e) {
    if (e.name === 'AbortError' || e.id) throw e;
    throw failure('image.network', 'network error while downloading');
  }
}

// A data: photo is read here, not fetched: a strict CSP's connect-src 'self' refuses fetch('data:…').
export function dataUrlBytes(href) {
  const comma = href.indexOf(',');
  const meta = href.slice(5, comma), payload = href.slice(comma + 1);
  let bin;
  try {
    bin = /;base64$/i.test(meta) ? atob(decodeURIComponent(payload)) : unescape(payload);
  } catch {
    throw failure('image.url', 'malformed data: URL');
  }
  if (bin.length > MAX_ENCODED_BYTES) throw failure('image.too_many_bytes', `file too large (limit ${MAX_ENCODED_BYTES / MB} MB)`);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i) & 0xff;
  return out.buffer;
}
