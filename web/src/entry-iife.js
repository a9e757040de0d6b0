// entry-iife.js — dist/wasm-gallery.js, for <script src defer>: document.currentScript is only
// set while this file first runs, so the base URL is taken here, synchronously.
import { setBaseUrl } from './base-url.js';
import { install } from './index.js';

setBaseUrl((document.currentScript && document.currentScript.src) || document.baseURI);
window.WasmGallery = install();
