// source.js — where a gallery's JSON comes from: fetched from `src` (only http(s) and relative URLs,
// the same rule the validator applies), or given inline; mount()'s options merged over the JSON's own;
// and the file name the validator's messages name.
import { urlAllowedHere } from './mirror.js';

// Resolves with {text, url}: the JSON's text and its absolute URL (the base for its photos).
export async function fetchSource(source, signal) {
  if (source.data !== undefined && source.data !== null) {
    return { text: typeof source.data === 'string' ? source.data : JSON.stringify(source.data), url: document.baseURI };
  }
  if (!source.src) throw new Error('no gallery: set src="gallery.json" or put the JSON in a <script type="application/json"> child');
  let url;
  try { url = new URL(source.src, document.baseURI); } catch { throw new Error(`${source.src}: not a URL`); }
  if (!/^https?:$/.test(url.protocol) || !urlAllowedHere(source.src, false)) throw new Error(`${source.src}: refused (only http(s) and relative URLs are fetched)`);
  let r;
  try {
    r = await fetch(url.href, { signal, credentials: 'same-origin' });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new Error(`${source.src}: network error (${e.message})`);
  }
  if (!r.ok) throw new Error(`${source.src}: HTTP ${r.status}${r.statusText ? ' ' + r.statusText : ''}`);
  return { text: await r.text(), url: url.href };
}

// mount()'s options win over the JSON's own; the wasm then validates the result as usual.
export function withOptions(text, options) {
  if (!options || typeof options !== 'object' || !Object.keys(options).length) return text;
  try {
    const j = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (!j || typeof j !== 'object' || Array.isArray(j)) return text;
    j.options = { ...(j.options && typeof j.options === 'object' ? j.options : {}), ...options };
    return JSON.stringify(j, null, 2);
  } catch {
    return text; // the wasm reports where the JSON is broken, in the text as written
  }
}

// The name diagnostics give the JSON: its file name, or "inline gallery".
export function sourceName(source, url) {
  if (!source.src) return 'inline gallery';
  try { return new URL(url).pathname.split('/').pop() || 'gallery.json'; } catch { return 'gallery.json'; }
}
