// poster.js — the first photo as a plain <img> as soon as the gallery's JSON is known, before any wasm,
// font or decoder has arrived: the reader (and the page's Largest Contentful Paint) gets the photo at
// the speed of plain HTML. It lies exactly over the canvas's photo area — full width, the first slide's
// aspect, at the top of the stage (compute_layout's rule for a box of reservedHeight(), see reserve.js),
// fitted as options.fit says — and is removed once the canvas has drawn that photo, so the hand-over
// shows the same pixels. Not shown with a title header (its height is only known after text layout).
//
// Until the canvas takes over, the poster is a gallery of its own: poster-gallery.js.
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
  // The figcaption's text, its <small> being the credit.
  const fc = img.closest('figure') && img.closest('figure').querySelector('figcaption');
  const small = fc && fc.querySelector('small');
  const credit = small ? small.textContent.trim() : '';
  const caption = fc ? fc.textContent.replace(credit, '').replace(/\s+/g, ' ').trim() : '';
  return { url, urls: [url], aspect, fit: 'contain', caption, credit, text: '', img };
}

// Which size of a slide's photo to fetch for a box of boxW × boxH device px: the rule of
// widget/core/image_choice.cpp (like <img srcset> with width descriptors), so that the poster and the
// canvas fetch the same file. sizes: [{url, width}] with the slide's image among them (width Infinity
// when unknown: the original).
export function chooseImage(sizes, boxW, boxH, fit, aspect) {
  let need = Math.max(1, boxW);
  if (aspect > 0 && boxH > 0) {
    const atFullHeight = Math.ceil(boxH * aspect);
    need = fit === 'contain' ? Math.min(need, atFullHeight) : Math.max(need, atFullHeight);
  }
  let best = sizes[0];
  for (const c of sizes.slice(1)) {
    const covers = c.width >= need, bestCovers = best.width >= need;
    if ((covers && (!bestCovers || c.width < best.width)) || (!covers && !bestCovers && c.width > best.width)) best = c;
  }
  return best;
}

// The start slide's photo URL and fit from the raw JSON (best effort: the wasm validates it later),
// or null when there is nothing safe to show. box: the photo area in device px ({width, height}).
export function posterSource(json, baseUrl, startIndex, urlAllowed, box) {
  const slides = json && Array.isArray(json.slides) ? json.slides : [];
  const opt = json && json.options && typeof json.options === 'object' ? json.options : {};
  let i = startIndex >= 0 ? startIndex : Math.trunc(Number(opt.startIndex) || 0);
  if (!(i >= 0 && i < slides.length)) i = 0;
  const s = slides[i];
  if (!s || typeof s.image !== 'string' || !s.image) return null;
  const resolve = (u) => {
    if (typeof u !== 'string' || !u || !urlAllowed(u, true)) return null;
    try {
      const url = new URL(u, baseUrl);
      return /^(https?|data):$/.test(url.protocol) ? url.href : null;
    } catch { return null; }
  };
  const w = Number.isInteger(s.width) && s.width > 0 ? s.width : 0, h = Number.isInteger(s.height) && s.height > 0 ? s.height : 0;
  const sizes = [{ url: resolve(s.image), width: w && h ? w : Infinity }];
  if (!sizes[0].url) return null;
  for (const c of Array.isArray(s.srcset) ? s.srcset : []) {
    const url = c && resolve(c.url);
    if (url && Number.isInteger(c.width) && c.width > 0) sizes.push({ url, width: c.width });
  }
  const fit = opt.fit === 'cover' ? 'cover' : 'contain';
  const pick = chooseImage(sizes, box.width, box.height, fit, w && h ? w / h : 0);
  // urls: every size of that photo, any of which the poster may already show.
  const str = (v) => (typeof v === 'string' ? v : '');
  return { url: pick.url, urls: sizes.map((c) => c.url), fit, index: i, caption: str(s.caption), credit: str(s.credit), text: str(s.text) };
}

// Every slide's source as posterSource gives it (null for a slide with no safe photo): the poster
// gallery's strip (poster-gallery.js).
export function posterSlides(json, baseUrl, urlAllowed, box) {
  const n = json && Array.isArray(json.slides) ? json.slides.length : 0;
  return Array.from({ length: n }, (_, i) => posterSource(json, baseUrl, i, urlAllowed, box));
}

// Resolves once `img` has loaded or failed (at once if it has, or if there is none), or after ms.
export function photoSettled(img, ms) {
  if (!img || img.complete) return Promise.resolve();
  return new Promise((resolve) => {
    img.addEventListener('load', resolve, { once: true });
    img.addEventListener('error', resolve, { once: true });
    setTimeout(resolve, ms);
  });
}

// Runs fn once after the next frame has been painted (a hidden page paints none: then after 200 ms).
export function afterNextPaint(fn) {
  let done = false;
  const run = () => { if (!done) { done = true; fn(); } };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 200);
}
