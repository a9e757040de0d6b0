// ssr.js — the server-rendered first slide (docs/embedding.md, section 2): the start slide of a
// gallery.json as plain HTML to put inside the element, so the photo shows, and its request starts,
// before any script runs; the widget then takes that <img> as its poster. No DOM: it runs in Node
// (dist/wasm-gallery-server.mjs / .cjs, `import { renderFirstSlide } from 'wasm-gallery/server'`) and in
// the playground's export, which writes the same markup.
//
// The same file is what `import 'wasm-gallery'` gives in Node (the package's "node" condition): a
// framework that renders components on the server (Next.js, Nuxt, SvelteKit) evaluates the component's
// import there, where there is no DOM to define an element in. The element is defined when the client
// bundle runs; here the browser API is present and says so when called.
import { version as PACKAGE_VERSION } from '../../package.json';

export const version = PACKAGE_VERSION;
const browserOnly = (name) => () => {
  throw new Error(`WasmGallery.${name}() runs in the browser; on the server, wasm-gallery only renders HTML (renderGallery)`);
};
export const mount = browserOnly('mount');
export const validate = browserOnly('validate');
export const preload = browserOnly('preload');

// Attribute values and element text: the JSON is the newsroom's, but a caption is still text, not HTML.
export function escapeAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;'); // '>' is inert inside quotes
}
export function escapeText(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// A photo URL of the JSON (relative to the JSON's own URL) as the page must write it.
export function urlFromPage(url, jsonUrl) {
  if (/^[a-z][a-z\d+.-]*:|^\//i.test(url)) return url; // absolute, or from the site's root
  return String(jsonUrl || '').replace(/[^/]*$/, '') + url;
}

// The widget's rule for photo URLs (widget/core/url_policy.h): relative, http(s), or a data: image
// other than SVG. Anything else (javascript:, file:, data:text/html) is left out of the page.
function photoUrlAllowed(s) {
  if (typeof s !== 'string' || !s || /[\u0000-\u001f\u007f\\]/.test(s) || s.trim() !== s) return false;
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(s);
  if (!m) return true;
  const scheme = m[1].toLowerCase();
  return scheme === 'http' || scheme === 'https' || (scheme === 'data' && /^data:image\/(?!svg)[^,;]+[^,]*,/i.test(s));
}

// One slide as lines of HTML: a <figure> with its <img> (width/height as in the JSON, its srcset) and a
// <figcaption> with the caption and the credit in a <small>.
export function slideFigureLines(s, jsonUrl) {
  const size = s.width > 0 && s.height > 0 ? ` width="${s.width | 0}" height="${s.height | 0}"` : '';
  // The slide's other sizes, for the browser to choose from as the widget would (image_choice.h).
  // A srcset candidate's URL may hold no space or comma (they separate candidates).
  const candidate = (url, w) => `${urlFromPage(url, jsonUrl).replace(/ /g, '%20').replace(/,/g, '%2C')} ${w | 0}w`;
  const set = (Array.isArray(s.srcset) ? s.srcset : []).filter((c) => c && photoUrlAllowed(c.url) && c.width > 0)
    .map((c) => candidate(c.url, c.width));
  if (set.length && s.width > 0) set.push(candidate(s.image, s.width));
  const srcset = set.length ? ` srcset="${escapeAttr(set.join(', '))}" sizes="100vw"` : '';
  const text = (v) => (typeof v === 'string' ? v : '');
  const caption = [text(s.caption) ? escapeText(s.caption) : '', text(s.credit) ? `<small>${escapeText(s.credit)}</small>` : '']
    .filter(Boolean).join(' ');
  return ['<figure>',
    `  <img src="${escapeAttr(urlFromPage(s.image, jsonUrl))}"${srcset}${size} alt="${escapeAttr(text(s.alt))}" fetchpriority="high">`,
    ...(caption ? [`  <figcaption>${caption}</figcaption>`] : []),
    '</figure>'];
}

function parse(gallery) {
  const g = typeof gallery === 'string' ? JSON.parse(gallery.charCodeAt(0) === 0xfeff ? gallery.slice(1) : gallery) : gallery;
  if (!g || typeof g !== 'object' || !Array.isArray(g.slides)) throw new TypeError('renderFirstSlide: expected a gallery with a "slides" array');
  return g;
}

// The start slide (options.startIndex, clamped, as the widget does) of `gallery` (an object or JSON
// text) as HTML for the inside of <wasm-gallery> / the data-wasm-gallery element. `src`: the JSON's URL
// as the page refers to it (relative photo URLs are relative to it). '' when there is no slide, or its
// photo URL is one the widget refuses.
export function renderFirstSlide(gallery, { src = 'gallery.json' } = {}) {
  const g = parse(gallery);
  if (!g.slides.length) return '';
  const start = Math.max(0, Math.min(g.slides.length - 1, (g.options && g.options.startIndex) | 0));
  const slide = g.slides[start];
  if (!slide || typeof slide !== 'object' || !photoUrlAllowed(slide.image)) return '';
  return slideFigureLines(slide, src).join('\n');
}

// The whole element: <wasm-gallery src="…"> with the first slide inside.
export function renderGallery(gallery, { src = 'gallery.json' } = {}) {
  const inner = renderFirstSlide(gallery, { src });
  return `<wasm-gallery src="${escapeAttr(src)}">${inner ? '\n' + inner.replace(/^/gm, '  ') + '\n' : ''}</wasm-gallery>`;
}

export default { version, mount, validate, preload, renderGallery, renderFirstSlide };
