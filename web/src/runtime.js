// runtime.js — what all galleries on a page share: the wasm module, fetched and compiled once
// (WebAssembly.compileStreaming). Each gallery's engine (engine.js, in its render
// worker or on this thread) gets its own instance of the module (own memory, own GL context), so one
// gallery's failure never takes another down.
import { assetUrl } from './base-url.js';

let compiled = null;

async function fetchOk(url) {
  const r = await fetch(url, { credentials: 'same-origin' });
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r;
}

export function compileModule() {
  if (!compiled) {
    const url = assetUrl('wasm-gallery.wasm');
    compiled = (async () => {
      try {
        return await WebAssembly.compileStreaming(fetchOk(url));
      } catch (e) {
        // A server without the application/wasm type defeats streaming; compile from bytes.
        if (e instanceof TypeError && !/HTTP/.test(e.message)) {
          return WebAssembly.compile(await (await fetchOk(url)).arrayBuffer());
        }
        throw e;
      }
    })();
    compiled.catch(() => { compiled = null; }); // a later gallery may retry after a network error
  }
  return compiled;
}
