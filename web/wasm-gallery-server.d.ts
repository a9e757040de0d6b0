// wasm-gallery-server.d.ts — types for `wasm-gallery/server` (dist/wasm-gallery-server.mjs / .cjs):
// the server-rendered first slide, for Node or any server-side JavaScript (no DOM needed). The same
// module is what `import 'wasm-gallery'` resolves to in Node (a framework's server render): the
// browser API is there, and mount/validate/preload throw if called.
import type { GalleryJson, GallerySlide, WasmGalleryApi } from './wasm-gallery';

export declare const version: string;
/** Browser only: throws on the server. */
export declare const mount: WasmGalleryApi['mount'];
/** Browser only: throws on the server. */
export declare const validate: WasmGalleryApi['validate'];
/** Browser only: throws on the server. */
export declare const preload: WasmGalleryApi['preload'];

export interface RenderOptions {
  /** The gallery.json URL as the page refers to it; relative photo URLs are relative to it. Default 'gallery.json'. */
  src?: string;
}

/**
 * The start slide (options.startIndex, clamped) as HTML to put inside <wasm-gallery> or the
 * data-wasm-gallery element: `<figure><img … fetchpriority="high"><figcaption>…</figcaption></figure>`,
 * text escaped. '' when there is no slide, or its photo URL is one the widget refuses.
 */
export declare function renderFirstSlide(gallery: GalleryJson | string, options?: RenderOptions): string;
/** `<wasm-gallery src="…">` with renderFirstSlide's HTML inside. */
export declare function renderGallery(gallery: GalleryJson | string, options?: RenderOptions): string;
/** One slide's `<figure>` as lines of HTML (what renderFirstSlide joins). */
export declare function slideFigureLines(slide: GallerySlide, jsonUrl: string): string[];
export declare function escapeText(s: string): string;
export declare function escapeAttr(s: string): string;
export declare function urlFromPage(url: string, jsonUrl: string): string;
declare const api: Pick<WasmGalleryApi, 'version' | 'mount' | 'validate' | 'preload'> & {
  renderGallery: typeof renderGallery;
  renderFirstSlide: typeof renderFirstSlide;
};
export default api;
