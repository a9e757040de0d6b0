// index.js — the ways a page embeds galleries: <wasm-gallery src> (a changed src reloads it), a
// child <script type="application/json"> with the gallery inline, <div data-wasm-gallery="…">
// (upgraded on load and whenever such a div is added later; destroyed when removed), and
// WasmGallery.mount(element, {src | data, options}) → instance. Each host element gets the same
// properties, methods and events; a mount() instance has them too, plus destroy().
import { Gallery } from './gallery.js';
import { compileModule } from './runtime.js';
import { validate } from './validate.js';

// package.json's version, bundled in (only that field): WasmGallery.version and the files' banner agree.
import { version as PACKAGE_VERSION } from '../../package.json';

export const VERSION = PACKAGE_VERSION;
const API = ['index', 'count', 'stats', 'next', 'prev', 'goTo'];
const instances = new WeakMap(); // host element → its mount() instance (data-wasm-gallery divs too)
const upgraded = new WeakSet();  // hosts upgraded from data-wasm-gallery, owned by this file

function inlineJson(host) {
  const s = host.querySelector(':scope > script[type="application/json"]');
  return s ? s.textContent : null;
}

// Gives a host element (a div or a mount target) the public API of its gallery.
function expose(host, gallery) {
  const get = (k) => ({ get: () => gallery[k], configurable: true });
  const call = (k) => ({ value: (...a) => gallery[k](...a), configurable: true, writable: true });
  Object.defineProperties(host, { index: get('index'), count: get('count'), stats: get('stats'),
    next: call('next'), prev: call('prev'), goTo: call('goTo') });
}

// A server runtime that imports the browser build (an edge runtime matching no `node` export condition)
// has no HTMLElement: the module still loads there, and install() says what needs a browser.
const ElementBase = typeof HTMLElement === 'function' ? HTMLElement : class {};

class WasmGalleryElement extends ElementBase {
  static get observedAttributes() { return ['src']; }
  connectedCallback() {
    if (!this._gallery) this._create();
  }
  disconnectedCallback() {
    // Moving the element in the DOM disconnects and reconnects it in one task: only tear down if
    // it is still detached afterwards.
    queueMicrotask(() => { if (!this.isConnected) this._destroy(); });
  }
  attributeChangedCallback(name, oldV, newV) {
    if (name === 'src' && oldV !== newV && this._gallery) {
      this._destroy();
      this._create();
    }
  }
  _create() {
    const src = this.getAttribute('src');
    if (!src && inlineJson(this) === null && document.readyState === 'loading') {
      // Defined before the parser reached our children: read the inline JSON once it has.
      document.addEventListener('DOMContentLoaded', () => { if (this.isConnected && !this._gallery) this._create(); }, { once: true });
      return;
    }
    this._gallery = new Gallery(this, src ? { src } : { data: inlineJson(this) });
  }
  _destroy() {
    if (this._gallery) this._gallery.destroy();
    this._gallery = null;
  }
  get src() { return this.getAttribute('src') || ''; }
  set src(v) { this.setAttribute('src', v); }
  get index() { return this._gallery ? this._gallery.index : 0; }
  get count() { return this._gallery ? this._gallery.count : 0; }
  get stats() { return this._gallery ? this._gallery.stats : { framesRendered: 0, lastFrameMs: 0, texturesResident: 0, heapBytes: 0, heapSize: 0, mode: 'loading', webgl: 'none' }; }
  next() { if (this._gallery) this._gallery.next(); }
  prev() { if (this._gallery) this._gallery.prev(); }
  goTo(i) { if (this._gallery) this._gallery.goTo(i); }
}

// Mounts a gallery into `element` (its children are replaced by the gallery's shadow root).
// options are merged over the JSON's own "options" (same names, same validation).
export function mount(element, { src, data, options } = {}) {
  if (!(element instanceof Element)) throw new TypeError('WasmGallery.mount: expected an Element');
  if (element instanceof WasmGalleryElement) throw new TypeError('WasmGallery.mount: a <wasm-gallery> loads itself; set its src attribute instead');
  const old = instances.get(element);
  if (old) old.destroy();
  const gallery = new Gallery(element, { src, data, options });
  const instance = {
    get index() { return gallery.index; },
    get count() { return gallery.count; },
    get stats() { return gallery.stats; },
    next: () => gallery.next(),
    prev: () => gallery.prev(),
    goTo: (i) => gallery.goTo(i),
    // Frees everything: wasm instance and memory, GL context, listeners, observers, photo jobs.
    destroy: () => {
      gallery.destroy();
      if (instances.get(element) === instance) {
        instances.delete(element);
        for (const k of API) delete element[k];
      }
    },
    // Reloads with new JSON text in place, keeping the slide (the playground); null before the wasm runs.
    load: (text) => (gallery._client ? gallery.load(typeof text === 'string' ? text : JSON.stringify(text), true) : null),
    addEventListener: (...a) => element.addEventListener(...a),
    removeEventListener: (...a) => element.removeEventListener(...a),
    element,
    gallery,
  };
  instances.set(element, instance);
  expose(element, gallery);
  return instance;
}

// ---- data-wasm-gallery divs ---------------------------------------------------------------------
function upgrade(div) {
  if (instances.has(div) || !div.isConnected) return;
  const src = div.getAttribute('data-wasm-gallery');
  mount(div, src ? { src } : { data: inlineJson(div) });
  upgraded.add(div);
}

function upgradeWithin(node) {
  if (node.nodeType !== 1) return;
  if (node.hasAttribute('data-wasm-gallery')) upgrade(node);
  for (const div of node.querySelectorAll('[data-wasm-gallery]')) upgrade(div);
}

function dropWithin(node) {
  if (node.nodeType !== 1) return;
  const hosts = node.hasAttribute('data-wasm-gallery') ? [node] : [];
  hosts.push(...node.querySelectorAll('[data-wasm-gallery]'));
  for (const div of hosts) {
    // After the current task: a div that was only moved is connected again by then.
    if (upgraded.has(div)) queueMicrotask(() => { if (!div.isConnected && instances.has(div)) { instances.get(div).destroy(); upgraded.delete(div); } });
  }
}

function watchDivs() {
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') {
        const div = r.target;
        if (r.oldValue === div.getAttribute('data-wasm-gallery')) continue;
        if (!upgraded.has(div) && !div.hasAttribute('data-wasm-gallery')) continue;
        if (instances.has(div)) instances.get(div).destroy();
        upgraded.delete(div);
        if (div.hasAttribute('data-wasm-gallery')) upgrade(div); // a new src: reload
        continue;
      }
      for (const n of r.removedNodes) dropWithin(n);
      for (const n of r.addedNodes) upgradeWithin(n);
    }
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeOldValue: true,
    attributeFilter: ['data-wasm-gallery'] });
}

export function install() {
  if (typeof window === 'undefined' || typeof customElements === 'undefined') {
    const browserOnly = (what) => () => { throw new Error(`wasm-gallery: ${what}() runs in the browser (this runtime has no DOM)`); };
    return { mount: browserOnly('mount'), validate: browserOnly('validate'), version: VERSION, preload: browserOnly('preload') };
  }
  if (window.WasmGallery && window.WasmGallery.version) return window.WasmGallery;
  if (!customElements.get('wasm-gallery')) customElements.define('wasm-gallery', WasmGalleryElement);
  const start = () => {
    upgradeWithin(document.documentElement);
    watchDivs();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  return { mount, validate, version: VERSION, preload: compileModule };
}
