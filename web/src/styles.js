// styles.js — the widget's CSS, adopted into each shadow root as one shared constructable
// stylesheet (no inline styles: works under style-src 'self'). Sizes marked (layout) mirror
// widget/core/layout.h so the box is reserved exactly before the wasm arrives.
const CSS = `
:host { display: block; position: relative; container-type: inline-size; contain: layout style;
  --wg-font-scale: 1; color: var(--wg-text, #1a1a1a); background: var(--wg-background, #fff);
  font: 16px/1.5 "Noto Sans", system-ui, sans-serif; }
:host([hidden]) { display: none; }
.wg-root { position: relative; outline: none; }
.wg-root:focus-visible { box-shadow: 0 0 0 3px var(--wg-accent, #0b57d0); }
.wg-stage { position: relative; width: 100%; height: var(--wg-height, calc(100cqw / 1.5 + 200px));
  overflow: hidden; transition: height 220ms ease-out; }
:host(:fullscreen) .wg-stage, :host(:fullscreen) .wg-root { height: 100vh; }
@media (prefers-reduced-motion: reduce) { .wg-stage { transition: none; } }
.wg-canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block;
  touch-action: pan-y pinch-zoom; user-select: none; -webkit-user-select: none;
  -webkit-tap-highlight-color: transparent; }
.wg-message { position: absolute; inset: 0; display: flex; flex-direction: column; justify-content: center;
  gap: 4px; padding: 16px; box-sizing: border-box; background: var(--wg-background, #f3f4f6);
  color: var(--wg-text, #1a1a1a); border: 1px solid #d0d4d9; overflow: auto; font-size: 14px; }
.wg-message[hidden] { display: none; }
.wg-message strong { font-size: 16px; }
.wg-message ul { margin: 4px 0 0; padding-left: 20px; }
.wg-message code { font-family: ui-monospace, monospace; font-size: 13px; }
.wg-sr { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
/* The accessibility mirror: visually hidden over a working canvas, the visible gallery otherwise. */
.wg-mirror.wg-sr { white-space: normal; }
.wg-mirror:not(.wg-sr) { padding: 0 0 12px; }
.wg-mirror:not(.wg-sr) img { width: 100%; height: auto; display: block; background: #e8eaed; aspect-ratio: var(--wg-aspect-ratio, 3 / 2); object-fit: contain; }
.wg-mirror:not(.wg-sr) .wg-caption { font-weight: 700; margin: 8px 16px 4px; }
.wg-mirror:not(.wg-sr) .wg-credit { font-size: 12px; color: #5f6368; margin: 0 16px; }
.wg-mirror:not(.wg-sr) .wg-body p { margin: 8px 16px; }
.wg-mirror:not(.wg-sr) .wg-nav { display: flex; gap: 8px; align-items: center; margin: 8px 16px; }
.wg-mirror button { font: inherit; min-width: 44px; min-height: 44px; padding: 0 12px; border-radius: 22px;
  border: 1px solid #9aa0a6; background: var(--wg-background, #fff); color: var(--wg-text, #1a1a1a); cursor: pointer; }
.wg-mirror button:focus-visible { outline: 3px solid var(--wg-accent, #0b57d0); outline-offset: 2px; }
.wg-slide[hidden] { display: none; }
`;

let sheet = null;
export function adoptStyles(root) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  root.adoptedStyleSheets = [...root.adoptedStyleSheets.filter((s) => s !== sheet), sheet];
}
