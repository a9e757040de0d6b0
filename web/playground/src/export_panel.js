// export_panel.js — what leaves the playground: the embed snippet (the documented form, see
// docs/playground.md: a deferred script tag, then the element) and the gallery.json file.

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

// Text for HTML element content (the bundle's page title too).
export function escapeText(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// A photo URL of the JSON (relative to the JSON's own URL) as the page must write it.
export function urlFromPage(url, jsonUrl) {
  if (/^[a-z][a-z\d+.-]*:|^\//i.test(url)) return url; // absolute, or from the site's root
  return jsonUrl.replace(/[^/]*$/, '') + url;
}

function slideHtml(s, jsonUrl) {
  const size = s.width > 0 && s.height > 0 ? ` width="${s.width}" height="${s.height}"` : '';
  // The slide's other sizes, for the browser to choose from as the widget would (image_choice.h).
  const set = (s.srcset || []).map((c) => `${urlFromPage(c.url, jsonUrl).replace(/ /g, '%20').replace(/,/g, '%2C')} ${c.width}w`);
  if (set.length && s.width > 0) set.push(`${urlFromPage(s.image, jsonUrl)} ${s.width}w`);
  const srcset = set.length ? ` srcset="${attr(set.join(', '))}" sizes="100vw"` : '';
  const caption = [s.caption ? escapeText(s.caption) : '', s.credit ? `<small>${escapeText(s.credit)}</small>` : ''].filter(Boolean).join(' ');
  return ['<figure>',
    `  <img src="${attr(urlFromPage(s.image, jsonUrl))}"${srcset}${size} alt="${attr(s.alt || '')}" fetchpriority="high">`,
    ...(caption ? [`  <figcaption>${caption}</figcaption>`] : []),
    '</figure>'];
}

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
