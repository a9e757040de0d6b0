// runtime.js — what all galleries on a page share: the wasm module, fetched and compiled once
// (WebAssembly.compileStreaming), and the font files. Each gallery gets its own instance of the
// module (own memory, own GL context), so one gallery's failure never takes another down.
import createWasmGalleryModule from 'wasm-gallery-glue';
import { assetUrl } from './base-url.js';

let compiled = null;
let fonts = null;

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

export function loadFonts() {
  if (!fonts) {
    fonts = Promise.all(['wasm-gallery-sans.ttf', 'wasm-gallery-sans-bold.ttf'].map(async (f) =>
      new Uint8Array(await (await fetchOk(assetUrl(f))).arrayBuffer())));
    fonts.catch(() => { fonts = null; });
  }
  return fonts;
}

// A new instance for one gallery, drawing into `canvas`; `onEvent(type, json)` receives the
// C++ → JS events.
export async function instantiate(canvas, onEvent, { forceNoWebGL = false } = {}) {
  const mod = await compileModule();
  let failed = null;
  const M = await new Promise((resolve, reject) => {
    createWasmGalleryModule({
      wgCanvas: canvas,
      wgForceNoWebGL: forceNoWebGL,
      onWgEvent: onEvent,
      locateFile: (p) => assetUrl(p),
      print: () => {},
      printErr: (s) => console.warn('[wasm-gallery]', s),
      onAbort: (what) => reject(new Error('wasm aborted: ' + what)),
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(mod, imports).then((inst) => receive(inst, mod), (e) => { failed = e; reject(e); });
        return {};
      },
    }).then(resolve, reject);
  });
  if (failed) throw failed;
  return M;
}
