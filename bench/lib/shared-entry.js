// shared-entry.js — entry of the page bundle for the one-render-worker prototype (bench/lib/many.js):
// dist/wasm-gallery.js's entry (web/src/entry-iife.js) with the shared worker's URL set. many.js
// bundles it with shared-client.js in place of web/src/client.js into bench/out/many/.
import { setBaseUrl } from '../../web/src/base-url.js';
import { install } from '../../web/src/index.js';
import { setWorkerUrl } from './shared-client.js';

// This bundle lives in bench/out/many/ next to the shared worker; the wasm and decode worker
// are dist/'s (the server's snapshot), the same files the shipped design loads.
const here = document.currentScript.src;
setBaseUrl(new URL('/dist/wasm-gallery.js', here).href);
setWorkerUrl(new URL('shared-render.js', here).href);
window.WasmGallery = install();
