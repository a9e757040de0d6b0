// export_panel.js — what leaves the playground: the embed snippet (the documented form, see
// docs/playground.md: a deferred script tag, then the element) and the gallery.json file.

function attr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function embedSnippet(scriptUrl, jsonUrl) {
  return `<script src="${attr(scriptUrl)}" defer></script>\n<wasm-gallery src="${attr(jsonUrl)}"></wasm-gallery>`;
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
