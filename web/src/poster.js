// poster.js — the first photo as a plain <img> as soon as the gallery's JSON is known, before any wasm,
// font or decoder has arrived: the reader (and the page's Largest Contentful Paint) gets the photo at
// the speed of plain HTML. It lies exactly over the canvas's photo area — full width, the first slide's
// aspect, at the top of the stage (compute_layout's rule for a box of reservedHeight(), see reserve.js),
// fitted as options.fit says — and is removed once the canvas has drawn that photo, so the hand-over
// shows the same pixels. Not shown with a title header (its height is only known after text layout).

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
  return { url: url.href, fit: opt.fit === 'cover' ? 'cover' : 'contain', index: i };
}

// An <img> over the photo area of `stage`; `aspect` is the photo area's (the first slide's) width/height.
export function showPoster(stage, source, aspect) {
  const img = document.createElement('img');
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
