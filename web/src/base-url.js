// base-url.js — where dist/'s files are, so the wasm and workers are found whatever folder or CDN
// path dist/ was copied to, or wherever an app's bundler put them. Set once by the entry file. Also
// how a dist/ script starts as a worker, or runs on the page when workers cannot.
//  - classic script: next to the script that loaded us (document.currentScript);
//  - ES module: the URLs its literal `new URL('./wasm-gallery.wasm', import.meta.url)` give, a pattern
//    Vite and webpack rewrite to the files they emit (renamed, hashed): a name-based guess would miss.
let base = null;
let assets = null; // file name in dist/ → URL, when the entry knows each file's own URL
export function setBaseUrl(url, urls = null) { base = url; assets = urls; }
export function assetUrl(name) {
  if (assets && assets[name]) return new URL(assets[name], document.baseURI).href;
  return new URL(name, base || document.baseURI).href;
}

// Same-origin dist/: the worker script itself. A dist/ on another origin (a CDN) cannot be a worker
// script; a same-origin blob that imports it can (CSP: worker-src blob:), and tells it where dist/ is.
// Throws where workers are not allowed (a CSP without worker-src for us).
export function startWorker(name) {
  const url = assetUrl(name);
  if (new URL(url).origin === location.origin) return { worker: new Worker(url), blobUrl: null };
  const src = `self.wgWorkerBase=${JSON.stringify(url)};importScripts(${JSON.stringify(url)});`;
  const blobUrl = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
  return { worker: new Worker(blobUrl), blobUrl };
}

// A dist/ worker script run as a page script, once: resolves with the global it defines.
const pageScripts = new Map();
export function pageScript(name, globalName, failure) {
  if (!pageScripts.has(name)) {
    const p = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = assetUrl(name);
      // The script finds its sibling files here (it cannot learn a bundler's names from its own URL).
      if (assets) self.__wasmGalleryAssets = { ...assets };
      s.onload = () => (self[globalName] ? resolve(self[globalName]) : reject(failure(`${name} did not start`)));
      s.onerror = () => reject(failure(`${s.src} could not load`));
      document.head.append(s);
    });
    p.catch(() => pageScripts.delete(name));
    pageScripts.set(name, p);
  }
  return pageScripts.get(name);
}
