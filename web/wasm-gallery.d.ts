// wasm-gallery.d.ts — types for dist/wasm-gallery.js (the global `WasmGallery` and the
// <wasm-gallery> element) and dist/wasm-gallery.mjs (the same API as ES module exports).
// See docs/embedding.md for the embed forms, events and theming.

/** One slide of gallery.json (web/gallery.schema.json is the full contract). */
export interface GallerySlide {
  image: string;
  alt: string;
  caption?: string;
  credit?: string;
  text?: string;
  link?: string;
  width?: number;
  height?: number;
  /** Other sizes of the same photo; the widget fetches the narrowest that covers its box × DPR. */
  srcset?: { url: string; width: number }[];
}

/** The "options" object of gallery.json; mount() options use the same names and rules. */
export interface GalleryOptions {
  loop?: boolean;
  /** 0-based slide shown first. */
  startIndex?: number;
  /** Milliseconds per slide, or false. Not started under prefers-reduced-motion. */
  autoplay?: number | false;
  transition?: 'slide' | 'fade';
  fit?: 'contain' | 'cover';
  theme?: 'light' | 'dark' | 'auto';
  /**
   * Reading direction. 'rtl' mirrors the gallery (text aligned right, swiping right goes to the next
   * slide, ArrowLeft is next); 'auto' (the default) follows the page: the element's `dir`, or a
   * right-to-left `lang` (Arabic, Persian, Hebrew, Urdu, …).
   */
  direction?: 'auto' | 'ltr' | 'rtl';
  /** Opt-in: `?<id>=3` or `#<id>/3` opens slide 3; navigation updates it (history.replaceState).
   *  true uses the host element's id (or "gallery"); a string is the id. */
  deepLink?: boolean | string;
  maxPixels?: number;
}

export interface GalleryJson {
  $schema?: string;
  title?: string;
  description?: string;
  source?: string;
  slides: GallerySlide[];
  options?: GalleryOptions;
}

/** A validation message from the wasm's validator, with a stable id and its place. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  id: string;
  /** JSON pointer, e.g. "/slides/2/image". */
  where: string;
  line: number;
  column: number;
  message: string;
  /** "gallery.json:12:5: /slides/2/image: …" */
  text: string;
}

export interface ValidationResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** The normalized gallery, or null when there are errors. */
  gallery: GalleryJson | null;
}

export interface GalleryStats {
  framesRendered: number;
  lastFrameMs: number;
  texturesResident: number;
  textureBytes?: number;
  /** Bytes allocated in this gallery's wasm heap. */
  heapBytes: number;
  /** Size of this gallery's wasm memory (its high-water mark). */
  heapSize: number;
  animating?: boolean;
  /** The current slide's photo is drawn, fully faded in (or its placeholder with the reason it failed). */
  photoDrawn?: boolean;
  /**
   * The drawing buffer's scale on the last frame: 1, or less while the carousel moves on a device
   * whose full-resolution frames do not keep up with the display (the frame at rest is always 1).
   */
  renderScale?: number;
  /** Motions drawn at a reduced scale so far. */
  reducedMotions?: number;
  /** Lines of text drawn by the browser's text engine so far, and the ms that took. */
  textImages?: number;
  textMs?: number;
  /** Texture bytes held for text now. */
  textBytes?: number;
  /** Frames of a swipe that had to draw text (the neighbours' text is drawn at rest: stays 0). */
  textInMotion?: number;
  /** The current photo's zoom: 1 whole, more while zoomed in (double tap, pinch, ctrl + wheel, + / −). */
  zoom?: number;
  /** Zoomed far in: the sharper part of the photo decoded at the screen's pixels, as [width, height,
   * part of the photo's width, part of its height]; zeros when there is none. */
  zoomDetail?: [number, number, number, number];
  /** What the last frame asked of the GPU: draw calls and vertices. */
  drawCalls?: number;
  vertices?: number;
  /** 'gl': drawn by the wasm; 'fallback': the plain-HTML gallery; 'loading'; 'failed'. */
  mode: 'loading' | 'gl' | 'fallback' | 'failed';
  /** 'live': holds a WebGL context; 'parked': gave it back while far off-screen; 'lost': the browser took it. */
  webgl: 'live' | 'parked' | 'lost' | 'none';
  /**
   * Where the gallery's wasm runs and draws: 'worker' (its render worker, on an OffscreenCanvas),
   * 'main' (the page's thread: no WebGL2 in workers here), 'none' (not started, or plain HTML).
   * The figures above are the engine's last snapshot: exact once it rests; while it draws, at most 0.5 s old once
   * `stats` is being read (the first read in a while returns the snapshot of the last rest, start or stop of a move).
   */
  thread?: 'worker' | 'main' | 'none';
}

export interface ReadyDetail {
  index: number;
  count: number;
  /** true when the plain-HTML gallery is shown (no WebGL2, or the wasm could not load). */
  fallback?: boolean;
}

export interface SlideChangeDetail {
  index: number;
  count: number;
}

export interface GalleryErrorDetail {
  message: string;
  /** Set when one photo failed (network, CORS, corrupt, too large); the other slides carry on. */
  slide?: number;
  /** Set when gallery.json has errors. */
  diagnostics?: Diagnostic[];
}

export interface FullscreenDetail {
  /** true on entering full screen, false on leaving it. */
  on: boolean;
  /**
   * true for the full-viewport mode: where the browser has no element full screen (iPhone Safari)
   * the element covers the viewport instead (attribute data-wg-fullscreen="viewport" while it does).
   */
  viewport: boolean;
}

/** Events dispatched (bubbling, composed) on the element that hosts a gallery. */
export interface WasmGalleryEventMap {
  ready: CustomEvent<ReadyDetail>;
  slidechange: CustomEvent<SlideChangeDetail>;
  error: CustomEvent<GalleryErrorDetail>;
  fullscreen: CustomEvent<FullscreenDetail>;
}

/** What every host element (custom element, data-wasm-gallery div, mount target) and instance has. */
export interface WasmGalleryControls {
  /** The current slide, 0-based. */
  readonly index: number;
  readonly count: number;
  readonly stats: GalleryStats;
  next(): void;
  prev(): void;
  /** Goes to slide i (clamped; with loop the shortest way round). Called before load, it sets the first slide. */
  goTo(i: number): void;
}

export interface WasmGalleryElement extends HTMLElement, WasmGalleryControls {
  /** Setting it (or the attribute) reloads the gallery. */
  src: string;
  addEventListener<K extends keyof WasmGalleryEventMap>(type: K, listener: (this: WasmGalleryElement, ev: WasmGalleryEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof WasmGalleryEventMap>(type: K, listener: (this: WasmGalleryElement, ev: WasmGalleryEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

export interface MountOptions {
  /** URL of gallery.json (http(s) or relative). */
  src?: string;
  /** The gallery itself, as an object or JSON text. */
  data?: GalleryJson | string;
  /** Merged over the gallery's own options. */
  options?: GalleryOptions;
}

export interface WasmGalleryInstance extends WasmGalleryControls {
  readonly element: Element;
  /** Frees the wasm instance and its memory, the WebGL context, listeners, observers and pending photo jobs. */
  destroy(): void;
  /**
   * Reloads with new JSON in place, keeping the slide; null before the wasm runs. Since 0.3 the
   * verdict arrives as a Promise (the wasm validates in the gallery's render worker): `await` it.
   */
  load(json: GalleryJson | string): Promise<ValidationResult> | null;
  addEventListener<K extends keyof WasmGalleryEventMap>(type: K, listener: (ev: WasmGalleryEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof WasmGalleryEventMap>(type: K, listener: (ev: WasmGalleryEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

export interface WasmGalleryApi {
  readonly version: string;
  /** Mounts a gallery into `element` (a div or similar: it gets a shadow root, and the API). */
  mount(element: Element, options: MountOptions): WasmGalleryInstance;
  /** The widget's own validator (in the wasm), without showing anything. */
  validate(json: GalleryJson | string, fileName?: string): Promise<ValidationResult>;
  /** Fetches and compiles the wasm ahead of the first gallery. */
  preload(): Promise<WebAssembly.Module>;
}

export declare const mount: WasmGalleryApi['mount'];
export declare const version: string;
export declare const validate: WasmGalleryApi['validate'];
/** Since 0.3: the same as the default export's preload(). */
export declare const preload: WasmGalleryApi['preload'];
declare const api: WasmGalleryApi;
export default api;

declare global {
  interface Window {
    WasmGallery: WasmGalleryApi;
  }
  interface HTMLElementTagNameMap {
    'wasm-gallery': WasmGalleryElement;
  }
}
