// poster.js — the first photo as a plain <img> as soon as the gallery's JSON is known, before any wasm,
// font or decoder has arrived: the reader (and the page's Largest Contentful Paint) gets the photo at
// the speed of plain HTML. It lies exactly over the canvas's photo area — full width, the first slide's
// aspect, at the top of the stage (compute_layout's rule for a box of reservedHeight(), see reserve.js),
// fitted as options.fit says — and is removed once the canvas has drawn that photo, so the hand-over
// shows the same pixels. Not shown with a title header (its height is only known after text layout).
//
// A server-rendered first slide (a <figure> with the photo's <img> and a <figcaption>, put inside the
// element by the CMS) is shown by the browser before any script runs, and is what crawlers and no-JS
// readers get; once we run, its photo becomes the poster at once, before the JSON has arrived.

// The server-rendered photo inside `host`: its URL as the browser chose it (srcset included) and its
// aspect (width/height attributes, else its natural size; 0 if neither is known yet). null if none.
export function serverRenderedPhoto(host) {
  const img = host.querySelector(':scope > figure img, :scope > img');
  if (!img) return null;
  const url = img.currentSrc || img.src;
  if (!url || !/^(https?|data):/i.test(url)) return null;
  const w = +img.getAttribute('width'), h = +img.getAttribute('height');
  const aspect = w > 0 && h > 0 ? w / h : img.naturalWidth > 0 ? img.naturalWidth / img.naturalHeight : 0;
  return { url, aspect, fit: 'contain', alt: img.alt || '' };
}

// The first slide's photo URL and fit from the raw JSON (best effort: the wasm validates it later),
// or null when there is nothing safe to show.
export function posterSource(json, baseUrl, startIndex, urlAllowed) {
  const slides = json && Array.isArray(json.slides) ? json.slides : [];
  const opt = json && json.options && typeof json.options === 'object' ? json.options : {};
  let i = startIndex >= 0 ? startIndex : Math.trunc(Number(opt.startIndex) || 0);
  if (!(i >= 0 && i < slides.length)) i = 0;
  const s = slides[i];
  if (!s || typeof s.image !== 'string' || !s.image || !urlAllowed(s.image, true)) return null;
  let url;
  try { url = new URL(s.image, baseUrl); } catch { return null; }
  if (!/^(https?|data):$/.test(url.protocol)) return null;
  // urls: every URL of that slide's photo, any of which the poster may already show.
  return { url: url.href, urls: [url.href], fit: opt.fit === 'cover' ? 'cover' : 'contain', index: i };
}

// An <img> over the photo area of `stage`; `aspect` is the photo area's (the first slide's) width/height.
// An existing poster is updated in place (same URL: nothing is fetched or decoded again).
export function showPoster(stage, source, aspect, img = null) {
  if (img) {
    if (img.src !== source.url) img.src = source.url;
    img.style.aspectRatio = String(aspect);
    img.style.objectFit = source.fit;
    return img;
  }
  img = document.createElement('img');
  img.className = 'wg-poster';
  img.alt = '';                              // the mirror carries the slide's alt text
  img.setAttribute('aria-hidden', 'true');
  img.setAttribute('fetchpriority', 'high'); // before the wasm, the fonts and the decoder
  img.decoding = 'async';
  img.style.aspectRatio = String(aspect);
  img.style.objectFit = source.fit;
  img.src = source.url;
  stage.append(img);
  return img;
}
