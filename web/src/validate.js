// validate.js — the widget's own validator (C++ in the wasm) for editors such as the playground:
// WasmGallery.validate(text) → {ok, diagnostics, gallery}, the same verdict a gallery's load gives.
// One headless instance on this thread (no canvas, no GL context) is made on first use and reused;
// its code is the render worker's script, loaded as a page script.
import { compileModule } from './runtime.js';
import { assetUrl, pageScript } from './base-url.js';

let validator = null;

export function validate(text, fileName = 'gallery.json') {
  if (!validator) {
    validator = Promise.all([compileModule(), pageScript('wasm-gallery-render.js', 'wasmGalleryEngine', (why) => new Error(why))])
      .then(([module, lib]) => lib.instantiate(module, null, { forceNoWebGL: true, base: assetUrl('wasm-gallery-render.js') }));
    validator.catch(() => { validator = null; }); // a later call may retry after a network error
  }
  return validator.then((M) => {
    const s = typeof text === 'string' ? text : JSON.stringify(text);
    const n = M.lengthBytesUTF8(s), f = M.lengthBytesUTF8(fileName);
    const p = M._malloc(n + 1), q = M._malloc(f + 1);
    try {
      M.stringToUTF8(s, p, n + 1);
      M.stringToUTF8(fileName, q, f + 1);
      return JSON.parse(M.UTF8ToString(M._wg_validate(p, n, q)));
    } finally {
      M._free(p);
      M._free(q);
    }
  });
}
