// entry-esm.js — dist/wasm-gallery.mjs, for `import { mount } from 'wasm-gallery'` (npm, through an
// app's bundler) or from '…/wasm-gallery.mjs' (a CDN). Each file it loads is named by a literal
// `new URL('./…', import.meta.url)`: Vite and webpack see that pattern, emit the file with the app
// and rewrite the URL, so an app needs no copy step; unbundled, it is the file next to this one.
// import.meta.url itself is not kept as a base: webpack would replace it with the build machine's
// file:// path.
import { setBaseUrl } from './base-url.js';
import { install } from './index.js';

setBaseUrl(null, {
  'wasm-gallery.wasm': new URL('./wasm-gallery.wasm', import.meta.url).href,
  'wasm-gallery-render.js': new URL('./wasm-gallery-render.js', import.meta.url).href,
  'wasm-gallery-worker.js': new URL('./wasm-gallery-worker.js', import.meta.url).href,
  'wasm-gallery-decoder.wasm': new URL('./wasm-gallery-decoder.wasm', import.meta.url).href,
});
const api = install();
export const mount = api.mount;
export const version = api.version;
export const validate = api.validate;
export const preload = api.preload;
export default api;
