// styles.js — the widget's CSS, adopted into each shadow root as one shared constructable
// stylesheet (no inline styles or <style> elements: works under style-src 'self'). The site themes
// it only through the custom properties below; its own CSS cannot reach inside. Sizes marked
// (layout) mirror widget/core/layout.h so the box is reserved exactly before the wasm arrives.
//   --wg-background, --wg-text, --wg-accent   colours (also read by the wasm for the canvas)
//   --wg-muted                                credit and counter text in the plain-HTML gallery
//   --wg-font-scale                           text size factor (layout), 1 by default
//   --wg-font-family                          the typeface (the canvas's too); by default the page's
const CSS = `
:host { display: block; position: relative; container-type: inline-size; contain: layout style;
  --wg-font-scale: 1; color: var(--wg-text, #1a1a1a); background: var(--wg-background, #fff);
  font-size: 16px; line-height: 1.5; text-align: start; } /* the page's typeface (or --wg-font-family): */
.wg-root { font-family: var(--wg-font-family, inherit); }                   /* the canvas draws in it too */
:host([hidden]) { display: none; }
.wg-root { position: relative; outline: none; }
.wg-stage { position: relative; width: 100%; height: var(--wg-height, calc(100cqw / 1.5 + 200px));
  overflow: hidden; transition: height 220ms ease-out;
  contain: strict; } /* its size is its own: the canvas's buffer resizing (render scale) lays out only this box */
.wg-stage[hidden] { display: none; }
:host(:fullscreen) .wg-stage, :host(:fullscreen) .wg-root { height: 100vh; }
/* Safari before 16.4 (the prefixed API): a rule of its own, an unknown pseudo-class drops a whole list. */
:host(:-webkit-full-screen) .wg-stage, :host(:-webkit-full-screen) .wg-root { height: 100vh; }
/* Full-viewport mode (gallery.js _enterViewport), where the element cannot be made full screen (iPhone
   Safari): the element itself over the whole viewport, inside the safe area, opaque (black under a
   transparent --wg-background). !important: inside a shadow tree it outranks the page's own rules for
   the element (its width, margins, a transform), which would otherwise keep it in the article. */
:host([data-wg-fullscreen="viewport"]) { position: fixed !important; inset: 0 !important; z-index: 2147483647 !important;
  width: 100vw !important; height: 100vh !important; height: 100dvh !important; max-width: none !important;
  max-height: none !important; min-height: 0 !important; margin: 0 !important; border: 0 !important; transform: none !important;
  box-sizing: border-box !important; padding: env(safe-area-inset-top, 0px) env(safe-area-inset-right, 0px)
    env(safe-area-inset-bottom, 0px) env(safe-area-inset-left, 0px) !important;
  background: linear-gradient(var(--wg-background, #fff), var(--wg-background, #fff)), #000 !important;
  overscroll-behavior: contain; }
:host([data-wg-fullscreen="viewport"]) .wg-root, :host([data-wg-fullscreen="viewport"]) .wg-stage { height: 100%; }
/* The canvas takes its new size at once (gallery.js reads it on entering), and no touch pans the page
   behind it. */
:host([data-wg-fullscreen="viewport"]) .wg-stage { transition: none; }
:host([data-wg-fullscreen="viewport"]) .wg-canvas { touch-action: none; }
/* The poster (poster.js): what the canvas will draw first, as HTML, until it has drawn it. Sizes mirror
   layout.h and render/text.cpp: credit (12 px) over the photo's corner, dots band 32 px, text panel
   12/16 px padding, 16 px text in lines of 22.4 px, in the host's font as the canvas's text is. */
.wg-poster-box { position: absolute; top: 0; left: 0; width: 100%; height: 100%; overflow: hidden; pointer-events: none;
  z-index: 1; background: var(--wg-background, #fff); font-family: var(--wg-font-family, inherit); }
/* The poster gallery (poster-gallery.js): the photos in a strip the browser scrolls and snaps itself. */
.wg-poster-track { display: flex; width: 100%; overflow-x: auto; overflow-y: hidden; scroll-snap-type: x mandatory;
  overscroll-behavior-x: contain; scrollbar-width: none; user-select: none; -webkit-user-select: none; }
.wg-poster-track::-webkit-scrollbar { display: none; }
.wg-poster-box[data-live] :is(.wg-poster-track, .wg-poster-dots) { pointer-events: auto; }
.wg-poster-slide { position: relative; flex: 0 0 100%; height: 100%; scroll-snap-align: start; scroll-snap-stop: always; }
.wg-poster-photo { width: 100%; height: 100%; display: block; background: #e8eaed; -webkit-user-drag: none; } /* theme.h: placeholder while loading, */
.wg-poster-photo.wg-loaded { background: #111; }                                                         /* then the letterbox behind the photo */
@media (prefers-color-scheme: dark) { .wg-poster-photo { background: #2a2b2e; } .wg-poster-photo.wg-loaded { background: #000; } }
.wg-poster-credit { position: absolute; bottom: 0; right: 0; padding: 3px 6px;
  font-size: calc(12px * var(--wg-font-scale, 1)); line-height: 1.4; color: #fff; background: rgb(0 0 0 / 65%); } /* theme.h scrim */
/* The gallery's end corner, as layout.cpp puts it (not the credit's own direction: dir=auto). */
.wg-root[dir="rtl"] .wg-poster-credit { right: auto; left: 0; }
/* The dots band (layout.cpp place_dots): 24 px targets centred, the dot drawn 7 px (the current 9 px). */
.wg-poster-dots { display: flex; justify-content: center; align-items: center; height: 32px; }
.wg-poster-dots[hidden] { display: flex !important; visibility: hidden; } /* the band stays (reserve.js), */
.wg-poster-dots.wg-no-band { display: none !important; }                             /* unless there is none */
.wg-poster-dot { width: 24px; height: 24px; padding: 0; margin: 0; border: 0; background: none; cursor: pointer; position: relative; }
.wg-poster-dot::after { content: ""; position: absolute; left: 50%; top: 50%; width: 7px; height: 7px; margin: -3.5px;
  border-radius: 50%; background: #9aa0a6; }
.wg-poster-dot.wg-current::after { width: 9px; height: 9px; margin: -4.5px; background: var(--wg-accent, #0b57d0); }
@media (prefers-color-scheme: dark) { .wg-poster-dot::after { background: #5f6368; } .wg-poster-dot.wg-current::after { background: var(--wg-accent, #8ab4f8); } }
.wg-poster-text { box-sizing: border-box; height: calc(24px + 156.8px * var(--wg-font-scale, 1));
  padding: 12px 16px; overflow: hidden; font-size: calc(16px * var(--wg-font-scale, 1)); line-height: calc(22.4px * var(--wg-font-scale, 1)); }
.wg-poster-text strong { display: block; margin-bottom: calc(11.2px * var(--wg-font-scale, 1)); }
.wg-poster-text p { margin: 0 0 calc(11.2px * var(--wg-font-scale, 1)); }
.wg-canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block;
  touch-action: pan-y; user-select: none; -webkit-user-select: none;
  -webkit-tap-highlight-color: transparent; }
.wg-message { position: absolute; inset: 0; display: flex; flex-direction: column; justify-content: center;
  gap: 4px; padding: 16px; box-sizing: border-box; background: var(--wg-background, #f3f4f6);
  color: var(--wg-text, #1a1a1a); border: 1px solid #d0d4d9; overflow: auto; font-size: 14px; }
.wg-message[hidden] { display: none; }
.wg-message strong { font-size: 16px; }
.wg-message ul { margin: 4px 0 0; padding-left: 20px; }
.wg-message code { font-family: ui-monospace, monospace; font-size: 13px; white-space: pre-wrap; }
.wg-sr, .wg-mirror[data-mode="overlay"] :is(.wg-slide > :not(.wg-link:focus), .wg-ctl:not(.wg-over)) {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
[hidden] { display: none !important; }
/* A hidden slide laid out ahead (mirror.js _layOutAhead): kept laid out, out of sight and of the
   accessibility tree, so showing it costs no layout. */
.wg-mirror[data-mode="overlay"] .wg-slide.wg-laid[hidden] { display: block !important; visibility: hidden; }

/* Over a working canvas: buttons lie invisibly on the controls the canvas draws (their focus is
   drawn there as a ring); pointer input goes through them to the canvas. The text is for screen
   readers and crawlers only. */
.wg-mirror[data-mode="overlay"] { position: absolute; top: 0; left: 0; right: 0; height: 0;
  contain: size layout style; } /* a slide change's writes (slides shown, live region) lay out only the mirror */
.wg-mirror[data-mode="overlay"] :is(.wg-nav, .wg-dots, .wg-slides, .wg-slide) { position: static; height: 0; margin: 0; overflow: visible; }
.wg-over { position: absolute; left: var(--wg-x); top: var(--wg-y); width: var(--wg-w); height: var(--wg-h);
  margin: 0; padding: 0; border: 0; min-width: 0; min-height: 0; opacity: 0; pointer-events: none; }
.wg-mirror[data-mode="overlay"] .wg-count { display: none; }
.wg-zoomed .wg-canvas { touch-action: none; } /* a zoomed photo: one finger pans it, not the page */
.wg-zoom { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; border: 0; }
.wg-zoom:focus-visible { left: 8px; top: 8px; width: auto; height: auto; margin: 0; clip-path: none; padding: 8px 14px;
  border-radius: 18px; background: rgba(0, 0, 0, 0.72); color: #fff; font: inherit; font-weight: 600; z-index: 1;
  outline: 2px solid var(--wg-accent, #0b57d0); outline-offset: 2px; }
.wg-mirror[data-mode="overlay"] .wg-link:focus { position: absolute !important; left: var(--wg-link-x); top: var(--wg-link-y);
  width: auto; height: auto; margin: 0; clip: auto; clip-path: none; padding: 8px 14px; border-radius: 18px;
  background: rgba(0, 0, 0, 0.72); color: #fff; font-weight: 600; z-index: 1; }

/* The rotation button: a real, visible button in the photo's bottom-left corner (APG). */
.wg-rotation { position: absolute; left: var(--wg-x, 8px); top: var(--wg-y, 8px); width: 36px; height: 36px;
  padding: 0; margin: 0; border-radius: 50%; border: 2px solid rgba(255, 255, 255, 0.9);
  background: rgba(0, 0, 0, 0.6); cursor: pointer; z-index: 1; }
.wg-rotation::before, .wg-rotation::after { content: ""; position: absolute; top: 50%; left: 50%; }
.wg-rotation.wg-playing::before, .wg-rotation.wg-playing::after { width: 4px; height: 14px; margin-top: -7px;
  background: #fff; border-radius: 1px; }
.wg-rotation.wg-playing::before { margin-left: -6px; }
.wg-rotation.wg-playing::after { margin-left: 2px; }
.wg-rotation:not(.wg-playing)::before { margin: -8px 0 0 -4px; border-style: solid; border-width: 8px 0 8px 13px;
  border-color: transparent transparent transparent #fff; }
.wg-rotation:focus-visible { outline: 3px solid var(--wg-accent, #0b57d0); outline-offset: 2px; }

/* The plain-HTML gallery (no WebGL2, or no wasm). */
.wg-mirror[data-mode="visible"] { padding: 0 0 12px; }
.wg-mirror[data-mode="visible"] .wg-rotation { display: none; }
.wg-mirror[data-mode="visible"] .wg-nav { display: flex; gap: 8px; align-items: center; justify-content: space-between; margin: 8px 16px; }
.wg-mirror[data-mode="visible"] .wg-count { color: var(--wg-muted, #5f6368); font-variant-numeric: tabular-nums; }
.wg-mirror[data-mode="visible"] .wg-photo { width: 100%; height: auto; display: block; background: #e8eaed;
  aspect-ratio: var(--wg-aspect-ratio, 3 / 2); object-fit: contain; }
.wg-mirror[data-mode="visible"] .wg-caption { font-weight: 700; margin: 8px 16px 4px; }
.wg-mirror[data-mode="visible"] .wg-credit { font-size: 12px; color: var(--wg-muted, #5f6368); margin: 0 16px; }
.wg-mirror[data-mode="visible"] .wg-body p { margin: 8px 16px; }
.wg-mirror[data-mode="visible"] .wg-link { display: inline-block; margin: 4px 16px; color: var(--wg-accent, #0b57d0); }
.wg-mirror[data-mode="visible"] .wg-ctl { font: inherit; min-width: 44px; min-height: 44px; padding: 0 14px;
  border-radius: 22px; border: 1px solid #767676; background: var(--wg-background, #fff);
  color: var(--wg-text, #1a1a1a); cursor: pointer; }
.wg-mirror[data-mode="visible"] .wg-ctl[aria-disabled="true"] { opacity: 0.45; cursor: default; }
.wg-mirror[data-mode="visible"] .wg-arrow { font-size: 20px; line-height: 1; margin: 0 4px; }
.wg-mirror[data-mode="visible"] :is(.wg-ctl, .wg-link):focus-visible { outline: 3px solid var(--wg-accent, #0b57d0); outline-offset: 2px; }
.wg-mirror[data-mode="visible"] .wg-dots { display: none; }

@media (prefers-reduced-motion: reduce) { .wg-stage { transition: none; } }
`;

let sheet = null;
export function adoptStyles(root) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  root.adoptedStyleSheets = [...root.adoptedStyleSheets.filter((s) => s !== sheet), sheet];
}
