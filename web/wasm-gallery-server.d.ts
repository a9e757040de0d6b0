// wasm-gallery-server.d.ts — types for `wasm-gallery/server` (dist/wasm-gallery-server.mjs / .cjs):
// the server-rendered first slide, for Node or any server-side JavaScript (no DOM needed).
import type { GalleryJson, GallerySlide } from './wasm-gallery';

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
