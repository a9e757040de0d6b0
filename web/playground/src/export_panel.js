// export_panel.js — what leaves the playground: the embed snippet (the documented form, see
// docs/playground.md: a deferred script tag, then the element) and the gallery.json file.
import { escapeText, urlFromPage, slideFigureLines } from '../../src/ssr.js';

function attr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

// withCss adds the optional stylesheet (docs/embedding.md) that reserves the gallery's box before the
// script runs; it sits next to the script in dist/. firstSlide (a slide of the model) adds it as plain
// HTML inside the element: shown before any script runs, to crawlers and to readers without
// JavaScript, and used by the widget as its first photo (docs/embedding.md, "Server-rendered first slide").
export function embedSnippet(scriptUrl, jsonUrl, { withCss = false, firstSlide = null } = {}) {
  const lines = [`<script src="${attr(scriptUrl)}" defer></script>`];
  if (firstSlide && firstSlide.image) {
    lines.push(`<wasm-gallery src="${attr(jsonUrl)}">`, ...slideHtml(firstSlide, jsonUrl).map((l) => '  ' + l), '</wasm-gallery>');
  } else {
    lines.push(`<wasm-gallery src="${attr(jsonUrl)}"></wasm-gallery>`);
  }
  if (withCss) lines.unshift(`<link rel="stylesheet" href="${attr(scriptUrl.replace(/[^/]*$/, 'wasm-gallery.css'))}">`);
  return lines.join('\n');
}

// The first slide's markup is the package's own (web/src/ssr.js, `wasm-gallery/server`): the export and
// a site's server write the same HTML. escapeText and urlFromPage are the bundle's too.
export { escapeText, urlFromPage };
const slideHtml = slideFigureLines;

export function downloadText(text, name) {
  downloadBlob(new Blob([text], { type: 'application/json' }), name);
}

// Saves a Blob as a download named `name`.
export function downloadBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export async function copyText(text, fallbackField) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (e.g. an iframe, plain http): select the text for Ctrl+C instead.
    if (fallbackField) { fallbackField.focus(); fallbackField.select(); }
    return false;
  }
}
