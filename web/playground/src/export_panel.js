// export_panel.js — what leaves the playground: the embed snippet (the documented form, see
// docs/playground.md: a deferred script tag, then the element) and the gallery.json file.

function attr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

// withCss adds the optional stylesheet (docs/embedding.md) that reserves the gallery's box before the
// script runs; it sits next to the script in dist/.
export function embedSnippet(scriptUrl, jsonUrl, { withCss = false } = {}) {
  const lines = [`<script src="${attr(scriptUrl)}" defer></script>`, `<wasm-gallery src="${attr(jsonUrl)}"></wasm-gallery>`];
  if (withCss) lines.unshift(`<link rel="stylesheet" href="${attr(scriptUrl.replace(/[^/]*$/, 'wasm-gallery.css'))}">`);
  return lines.join('\n');
}

export function downloadText(text, name) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
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
