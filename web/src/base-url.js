// base-url.js — where dist/ is, so the wasm, worker and fonts are found next to the script that
// loaded us whatever folder or CDN path dist/ was copied to. Set once by the entry file.
let base = null;
export function setBaseUrl(url) { base = url; }
export function assetUrl(name) { return new URL(name, base || document.baseURI).href; }
