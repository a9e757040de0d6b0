// publish.js — the publish bundle: one .zip (fflate) that is a ready site folder — index.html with the
// embed snippet, gallery.json, the photos and the widget's dist/ files, and a README.txt on serving it.
// Also says when the playground refuses to make one. The preview and the bundle load the same dist/.
import { strToU8, zipSync } from 'fflate';
import { embedSnippet, escapeText, downloadBlob } from './export_panel.js';

// What a page needs of dist/ (not the .mjs twin nor the .d.ts): the script, its wasm, the render and
// decode workers with the decoder's wasm, and the optional stylesheet that reserves the gallery's box;
// and the licences that must travel with copies of it (the widget's, and its bundled components').
export const DIST_FILES = ['wasm-gallery.js', 'wasm-gallery.wasm', 'wasm-gallery-render.js', 'wasm-gallery-worker.js',
  'wasm-gallery-decoder.wasm', 'wasm-gallery.css', 'LICENSE', 'THIRD_PARTY_NOTICES'];
export const BUNDLE_NAME = 'gallery-bundle.zip';
// Already compressed: stored as they are (deflating them again costs time and saves nothing).
const STORED = /\.(jpe?g|png|gif|webp|avif)$/i;

// The folder the page's widget script came from (…/dist/): the preview's files, so the bundle's too.
export function widgetDist() {
  const script = document.querySelector('script[src$="wasm-gallery.js"]');
  return new URL('.', script ? script.src : new URL('/dist/', location.href)).href;
}

// Why no bundle can be made now ('' when one can): the JSON is not valid (or not checked yet), its
// photos are still being checked, or a slide's photo check found an error (a missing or broken photo,
// one the widget would refuse). state, checks: #state's data-state and data-checks; findings: per
// slide, the photo checks' findings.
export function publishBlocker(state, findings, checks = 'done') {
  if (state === 'invalid') return 'The JSON has errors: fix them first (they are listed under the editor).';
  if (state !== 'valid') return 'Checking the JSON…';
  if (checks !== 'done') return 'Checking the photos…';
  const bad = [];
  findings.forEach((fs, i) => {
    const errors = (fs || []).filter((f) => f.severity === 'error');
    if (errors.length) bad.push(`slide ${i + 1}: ${errors.map((f) => f.message).join(' ')}`);
  });
  if (!bad.length) return '';
  return `Photo problems on ${bad.length === 1 ? 'a slide' : bad.length + ' slides'} — ${bad.join('; ')} Fix ${bad.length === 1 ? 'it' : 'them'} first.`;
}

// Where a photo goes in the bundle: its URL's path ("web/demo/photos/01.jpg" stays), decoded, in clean
// segments. What climbs out ("../x.jpg", "%2e%2e/x.jpg", "..\\x.jpg") or starts at the site's root is
// put under the path it has on the server, cleaned the same way; nothing may land on the bundle's
// own files (index.html, gallery.json, README.txt, dist/).
const RESERVED = /^(index\.html|gallery\.json|readme\.txt|dist\/)/i;
function cleanPath(p) {
  try { p = decodeURIComponent(p); } catch { /* kept as written */ }
  return p.split(/[\\/]/).filter((seg) => seg && seg !== '.' && seg !== '..').join('/');
}
function folderPath(url, resolved) {
  let raw = url.split(/[?#]/)[0];
  try { raw = decodeURIComponent(raw); } catch { /* kept as written */ }
  const inside = !/^[\\/]/.test(raw) && raw.split(/[\\/]/).every((seg) => seg && seg !== '.' && seg !== '..') && raw === cleanPath(raw);
  const p = inside ? raw : cleanPath(resolved.pathname);
  return RESERVED.test(p) || !p ? 'photos/' + (p.replace(/\//g, '-') || 'photo') : p;
}

async function fetchBytes(url, what) {
  let r;
  try {
    r = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
  } catch {
    throw new Error(`${what} (${url}) could not be fetched`);
  }
  if (!r.ok) throw new Error(`${what} (${url}): HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

function indexHtml(gallery, snippet) {
  const title = gallery.title || 'Gallery';
  return `<!doctype html>
<html${(gallery.options && gallery.options.direction) === 'rtl' ? ' dir="rtl"' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeText(title)}</title>
<style>body { max-width: 960px; margin: 0 auto; padding: 16px; font: 16px/1.5 system-ui, sans-serif; }</style>
</head>
<body>
<h1>${escapeText(title)}</h1>
<!-- The embed snippet: paste it into your own page where the gallery goes. -->
${snippet}
</body>
</html>
`;
}

// "photos/a.jpg", "photos/b.jpg", "web/demo/photos/01.jpg" → a line per folder, with its count.
function photoFolders(photos) {
  const count = new Map();
  for (const p of photos) { const d = p.replace(/[^/]*$/, '') || './'; count.set(d, (count.get(d) || 0) + 1); }
  return [...count].map(([d, n]) => `  ${d.padEnd(15)} ${n} photo${n > 1 ? 's' : ''}${d === 'photos/' ? ' (dropped into the playground, or its smaller copies)' : ''}`);
}

function readme(gallery, photos, remote) {
  const lines = [
    `${gallery.title || 'Gallery'} — a wasm-gallery bundle`,
    '',
    'This folder is a ready web page: index.html shows the gallery.',
    '',
    'To look at it, serve the folder with any static web server, for example:',
    '',
    '    cd <this folder>',
    '    python3 -m http.server 8000',
    '',
    'then open http://localhost:8000/ in a browser. Opening index.html as a file (a file:// URL) does',
    'not work: browsers do not let a page load gallery.json or the WebAssembly from file:// URLs.',
    '',
    'To publish, upload the folder as it is (keep the layout below). To put the gallery into an',
    'article of your own, copy the embed snippet from index.html and keep the URLs pointing at',
    'dist/wasm-gallery.js and gallery.json.',
    '',
    'Layout:',
    '  index.html      the page, with the embed snippet',
    '  gallery.json    the gallery: slides, captions, photo URLs (relative to this file)',
    ...photoFolders(photos),
    '  dist/           the widget: wasm-gallery.js (the script the page loads), wasm-gallery.wasm,',
    '                  wasm-gallery-render.js and wasm-gallery-worker.js (its workers),',
    '                  wasm-gallery-decoder.wasm (the photo decoder), wasm-gallery.css (optional,',
    '                  reserves the gallery\'s box before the script runs), LICENSE (the widget\'s, MIT)',
    '                  and THIRD_PARTY_NOTICES (the licences of the code it bundles): keep them with it',
    '  README.txt      this file',
  ];
  if (remote.length) lines.push('', 'Photos loaded from other sites (absolute URLs in gallery.json) are not in the folder:', ...remote.map((u) => '  ' + u));
  return lines.join('\n') + '\n';
}

// The bundle as zip bytes. text: the editor's (valid) JSON; source: its URL (the base of its relative
// photo URLs); local: the LocalPhotos; firstSlide: also write the first slide as plain HTML in the page.
// Dropped photos (and the photo fix's copies) go in under their JSON names; photos at absolute http(s)
// URLs stay URLs; relative URLs are fetched from this server and go in under the same relative path
// (rewritten in gallery.json when they climb out of its folder, or to an absolute URL when they are on
// another server). Throws an Error saying which file could not be had.
export async function buildBundle({ text, source, local, firstSlide = false }) {
  const gallery = JSON.parse(text);
  const files = {};
  const photos = [], remote = [];
  let rewritten = false;
  const take = async (url) => {
    if (typeof url !== 'string' || !url) return url;
    if (local.has(url)) {
      if (!files[url]) { files[url] = [new Uint8Array(await local.get(url).file.arrayBuffer()), { level: 0 }]; photos.push(url); }
      return url;
    }
    if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(url)) { // absolute (http:, https:, data:) or scheme-relative
      if (/^(https?:)?\/\//i.test(url) && !remote.includes(url)) remote.push(url);
      return url;
    }
    const resolved = new URL(url, source);
    if (resolved.origin !== location.origin) { // relative to a JSON on another server: point there
      rewritten = true;
      if (!remote.includes(resolved.href)) remote.push(resolved.href);
      return resolved.href;
    }
    const at = folderPath(url, resolved);
    if (!files[at]) {
      files[at] = [await fetchBytes(resolved.href, 'A photo'), { level: STORED.test(at) ? 0 : 6 }];
      photos.push(at);
    }
    if (at !== url) rewritten = true;
    return at === url ? url : encodeURI(at);
  };
  for (const s of gallery.slides || []) {
    s.image = await take(s.image);
    for (const c of Array.isArray(s.srcset) ? s.srcset : []) c.url = await take(c.url);
  }
  const dist = widgetDist();
  await Promise.all(DIST_FILES.map(async (f) => { files['dist/' + f] = await fetchBytes(new URL(f, dist).href, `The widget's ${f}`); }));

  const json = rewritten ? JSON.stringify(gallery, null, 2) + '\n' : text;
  const opts = gallery.options || {};
  const start = firstSlide && gallery.slides ? gallery.slides[Math.min(opts.startIndex || 0, gallery.slides.length - 1)] : null;
  files['gallery.json'] = strToU8(json);
  files['index.html'] = strToU8(indexHtml(gallery, embedSnippet('dist/wasm-gallery.js', 'gallery.json', { withCss: true, firstSlide: start })));
  files['README.txt'] = strToU8(readme(gallery, photos, remote));
  return { bytes: zipSync(files, { level: 6 }), photos, remote };
}

export function downloadBytes(bytes, name) {
  downloadBlob(new Blob([bytes], { type: 'application/zip' }), name);
}
