// index.js — the ways a page embeds galleries: <wasm-gallery src>, a child
// <script type="application/json">, <div data-wasm-gallery="…"> (upgraded on load and when added
// later), and WasmGallery.mount(element, {src | data, options}). Each host element gets the same
// properties, methods and events.
import { Gallery } from './gallery.js';
import { compileModule } from './runtime.js';
import { validate } from './validate.js';

export const VERSION = '0.1.0';
const instances = new WeakMap();

function inlineJson(host) {
  const s = host.querySelector(':scope > script[type="application/json"]');
  return s ? s.textContent : null;
}

// Gives the host element the public API of its gallery.
function expose(host, getGallery) {
  const props = {
    index: { get: () => getGallery()?.index ?? 0, configurable: true },
    count: { get: () => getGallery()?.count ?? 0, configurable: true },
    stats: { get: () => getGallery()?.stats ?? null, configurable: true },
    next: { value: () => getGallery()?.next(), configurable: true, writable: true },
    prev: { value: () => getGallery()?.prev(), configurable: true, writable: true },
    goTo: { value: (i) => getGallery()?.goTo(i), configurable: true, writable: true },
  };
  Object.defineProperties(host, props);
}

class WasmGalleryElement extends HTMLElement {
  static get observedAttributes() { return ['src']; }
  connectedCallback() {
    if (!this._gallery) this._create();
  }
  disconnectedCallback() {
    // Moving the element in the DOM disconnects and reconnects it in one task: only tear down if
    // it is still detached afterwards.
    queueMicrotask(() => { if (!this.isConnected && this._gallery) { this._gallery.destroy(); this._gallery = null; } });
  }
  attributeChangedCallback(name, oldV, newV) {
    if (name === 'src' && oldV !== null && oldV !== newV && this._gallery) {
      this._gallery.destroy();
      this._create();
    }
  }
  _create() {
    const src = this.getAttribute('src');
    const data = src ? null : inlineJson(this);
    this._gallery = new Gallery(this, { src, data });
  }
  get index() { return this._gallery ? this._gallery.index : 0; }
  get count() { return this._gallery ? this._gallery.count : 0; }
  get stats() { return this._gallery ? this._gallery.stats : null; }
  next() { this._gallery && this._gallery.next(); }
  prev() { this._gallery && this._gallery.prev(); }
  goTo(i) { this._gallery && this._gallery.goTo(i); }
}

export function mount(element, { src, data, options } = {}) {
  if (!(element instanceof Element)) throw new TypeError('WasmGallery.mount: expected an Element');
  const old = instances.get(element);
  if (old) old.destroy();
  if (data && options && typeof data === 'object') data = { ...data, options: { ...(data.options || {}), ...options } };
  const gallery = new Gallery(element, { src, data });
  const instance = {
    get index() { return gallery.index; },
    get count() { return gallery.count; },
    get stats() { return gallery.stats; },
    next: () => gallery.next(),
    prev: () => gallery.prev(),
    goTo: (i) => gallery.goTo(i),
    load: (text) => gallery._M ? gallery.load(typeof text === 'string' ? text : JSON.stringify(text), true) : null,
    destroy: () => {
      gallery.destroy();
      if (instances.get(element) === instance) instances.delete(element);
      for (const k of ['index', 'count', 'stats', 'next', 'prev', 'goTo']) delete element[k];
    },
    element,
    gallery,
  };
  instances.set(element, instance);
  if (!(element instanceof WasmGalleryElement)) expose(element, () => gallery);
  return instance;
}

function upgradeDivs(root) {
  for (const div of root.querySelectorAll('[data-wasm-gallery]')) {
    if (instances.has(div)) continue;
    const src = div.getAttribute('data-wasm-gallery');
    const data = src ? null : inlineJson(div);
    mount(div, src ? { src } : { data });
  }
}

export function install() {
  if (window.WasmGallery && window.WasmGallery.version) return window.WasmGallery;
  if (!customElements.get('wasm-gallery')) customElements.define('wasm-gallery', WasmGalleryElement);
  const start = () => {
    upgradeDivs(document);
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        if (n.hasAttribute('data-wasm-gallery') || n.querySelector('[data-wasm-gallery]')) upgradeDivs(n.parentNode || document);
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  return { mount, validate, version: VERSION, preload: compileModule };
}
