// reserve.js — the box height the gallery needs before any wasm, font or photo has arrived, so
// the page never jumps (CLS 0). Mirrors reserved_box_height() in widget/core/layout.{h,cpp}; the
// wasm checks the same numbers once it runs (see Gallery._applySize).
const PANEL_PAD = 12 + 12;        // kPanelPadTop + kPanelPadBottom
const BODY_LINE = 22.4;           // kNominalBodyLineHeight (16 px × 1.4)
const COLLAPSED_LINES = 7;        // kCollapsedBodyLines
const TITLE_BLOCK = 2 * 12;       // 2 × kHeaderPadY
const TITLE_LINE = 28;            // kNominalTitleLineHeight
const DOTS_BAND = 32;             // kDotsBandHeight
const MAX_DOTS = 15, DOT_TARGET = 24;
const MIN_ASPECT = 0.25, MAX_ASPECT = 4;

export function dotsShown(count, width) {
  return count >= 2 && count <= MAX_DOTS && count * DOT_TARGET <= Math.max(0, width);
}

// count: the slide count, or null before the JSON is known (then the dots band is reserved, as
// dist/wasm-gallery.css does).
export function reservedHeight(width, aspect, count, showHeader, fontScale) {
  const s = Math.min(3, Math.max(0.5, fontScale || 1));
  const a = Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, aspect > 0 && isFinite(aspect) ? aspect : 1.5));
  let h = width / a + PANEL_PAD + COLLAPSED_LINES * BODY_LINE * s;
  if (showHeader) h += TITLE_BLOCK + TITLE_LINE * s;
  if (count === null || count === undefined ? true : dotsShown(count, width)) h += DOTS_BAND;
  return h;
}

// Aspect and count from the raw JSON text, before the wasm validates it (best effort: a broken
// document keeps the 3:2 default and the wasm reports why).
// Past the core's document limit (limits::kMaxDocumentBytes, 2 MiB) the wasm refuses the text before
// parsing it; parsing it here first would only freeze the page.
const MAX_PEEK_CHARS = 2 * 1024 * 1024;

export function peekShape(text) {
  if (text.length > MAX_PEEK_CHARS) return { aspect: 1.5, count: 0, json: null };
  try {
    const j = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    const s = j && Array.isArray(j.slides) ? j.slides : [];
    const w = s[0] && +s[0].width, h = s[0] && +s[0].height;
    return { aspect: w > 0 && h > 0 ? w / h : 1.5, count: s.length, json: j };
  } catch {
    return { aspect: 1.5, count: 0, json: null };
  }
}
