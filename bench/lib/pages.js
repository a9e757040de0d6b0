// pages.js — the benchmark pages: keeps the Swiper page's server-rendered slides in step with the
// gallery.json the wasm-gallery page loads, and writes the 100-photo variants of both pages.
'use strict';
const fs = require('fs');
const path = require('path');

const PAGES = path.join(__dirname, '..', 'pages');
const BEGIN = '<!-- slides: generated from the gallery JSON by bench/lib/pages.js -->';
const END = '<!-- /slides -->';

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

// The markup a news CMS would render for one gallery: the first photo eager (it is on screen; lazy-loading
// the largest visible image is what Swiper's and web.dev's guides warn against), the rest lazy.
function slidesHtml(gallery, imageBase) {
  return gallery.slides.map((s, i) => {
    const src = new URL(s.image, imageBase).pathname;
    const size = s.width && s.height ? ` width="${s.width}" height="${s.height}"` : '';
    const lazy = i === 0 ? ' elementtiming="first-photo"' : ' loading="lazy"';
    const body = String(s.text || '').split(/\n\n+/).map((p) => `<p>${esc(p)}</p>`).join('');
    return `      <div class="swiper-slide">
        <figure class="photo"><img src="${src}" alt="${esc(s.alt || '')}"${size}${lazy}>${i ? '<div class="swiper-lazy-preloader"></div>' : ''}` +
      `${s.credit ? `<span class="credit">${esc(s.credit)}</span>` : ''}</figure>
        <div class="panel"><p class="caption">${esc(s.caption || '')}</p>${body}</div>
      </div>`;
  }).join('\n');
}

function replaceSlides(html, slides) {
  const a = html.indexOf(BEGIN), b = html.indexOf(END);
  if (a < 0 || b < a) throw new Error('bench/pages/swiper.html: slide markers missing');
  return html.slice(0, a + BEGIN.length) + '\n' + slides + '\n      ' + html.slice(b);
}

// Rewrites bench/pages/swiper.html's slides from gallery.json when they differ; returns true if it did.
function syncSwiperPage(galleryFile, galleryUrl) {
  const file = path.join(PAGES, 'swiper.html');
  const html = fs.readFileSync(file, 'utf8');
  const gallery = JSON.parse(fs.readFileSync(galleryFile, 'utf8'));
  const next = setAspect(replaceSlides(html, slidesHtml(gallery, galleryUrl)), gallery);
  if (next === html) return false;
  fs.writeFileSync(file, next);
  return true;
}

function setAspect(html, gallery) {
  const s = gallery.slides[0];
  const aspect = s.width && s.height ? +(s.width / s.height).toFixed(4) : 1.5;
  return html.replace(/style="--aspect: [\d.]+"/, `style="--aspect: ${aspect}"`);
}

// The wasm-gallery page with the start slide rendered by the server inside the element (docs/embedding.md,
// "Server-rendered first slide"), and the one with a preload line for the JSON, written from
// wasm-gallery.html and gallery.json when they differ. Returns true if it wrote either.
function syncVariantPages(galleryFile, galleryUrl) {
  const gallery = JSON.parse(fs.readFileSync(galleryFile, 'utf8'));
  const s = gallery.slides[0];
  const size = s.width && s.height ? ` width="${s.width}" height="${s.height}"` : '';
  const figure = `<figure>
    <img src="${new URL(s.image, galleryUrl).pathname}"${size} alt="${esc(s.alt || '')}" fetchpriority="high" elementtiming="first-photo">
    <figcaption>${esc(s.caption || '')}${s.credit ? ` <small>${esc(s.credit)}</small>` : ''}</figcaption>
  </figure>`;
  const base = fs.readFileSync(path.join(PAGES, 'wasm-gallery.html'), 'utf8');
  const tag = '<wasm-gallery id="gallery" src="/gallery.json"></wasm-gallery>';
  if (!base.includes(tag)) throw new Error('bench/pages/wasm-gallery.html: ' + tag + ' not found');
  const html = base
    .replace('<!-- wasm-gallery.html — the benchmark article with the gallery as <wasm-gallery> (see bench/README.md).',
      '<!-- wasm-gallery-ssr.html — written by bench/lib/pages.js from wasm-gallery.html: the same article, the\n     gallery\'s first slide rendered by the server inside the element (see bench/README.md).')
    .replace(tag, tag.replace('></wasm-gallery>', `>\n  ${figure}\n  </wasm-gallery>`))
    .replace('<link rel="stylesheet" href="/bench/pages/bench.css">', '<link rel="stylesheet" href="/bench/pages/bench.css">\n<link rel="stylesheet" href="/dist/wasm-gallery.css">');
  // And the page with only src="gallery.json" plus the one preload line docs/embedding.md suggests.
  const preload = base
    .replace('<!-- wasm-gallery.html — the benchmark article with the gallery as <wasm-gallery> (see bench/README.md).',
      '<!-- wasm-gallery-preload.html — written by bench/lib/pages.js from wasm-gallery.html: the same article\n     and <wasm-gallery src>, with <link rel="preload"> for its JSON (see bench/README.md).')
    .replace('<script src="/dist/wasm-gallery.js" defer></script>', '<link rel="preload" href="/gallery.json" as="fetch" crossorigin>\n<script src="/dist/wasm-gallery.js" defer></script>');
  // And with a preload line for the first photo too: what a site can do that cannot change the element.
  const photo = new URL(s.image, galleryUrl).pathname;
  const preloadPhoto = preload
    .replace('wasm-gallery-preload.html — written', 'wasm-gallery-preload-photo.html — written')
    .replace('with <link rel="preload"> for its JSON', 'with <link rel="preload"> for its JSON and its first photo')
    .replace('<link rel="preload" href="/gallery.json" as="fetch" crossorigin>',
      `<link rel="preload" href="/gallery.json" as="fetch" crossorigin>\n<link rel="preload" href="${photo}" as="image" fetchpriority="high">`);
  return [write('wasm-gallery-ssr.html', html), write('wasm-gallery-preload.html', preload),
    write('wasm-gallery-preload-photo.html', preloadPhoto)].some(Boolean);
}

function write(name, html) {
  const file = path.join(PAGES, name);
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === html) return false;
  fs.writeFileSync(file, html);
  return true;
}

// The two pages for another gallery (the 100 large photos): same files, other data.
function writeScalePages(dir, galleryFile, galleryUrl) {
  const gallery = JSON.parse(fs.readFileSync(galleryFile, 'utf8'));
  const wasm = fs.readFileSync(path.join(PAGES, 'wasm-gallery.html'), 'utf8')
    .replace('src="/gallery.json"', `src="${galleryUrl.pathname}"`);
  const swiper = setAspect(replaceSlides(fs.readFileSync(path.join(PAGES, 'swiper.html'), 'utf8'),
    slidesHtml(gallery, galleryUrl)), gallery);
  if (!wasm.includes(galleryUrl.pathname)) throw new Error('bench/pages/wasm-gallery.html: src="/gallery.json" not found');
  fs.writeFileSync(path.join(dir, 'wasm-gallery.html'), wasm);
  fs.writeFileSync(path.join(dir, 'swiper.html'), swiper);
}

module.exports = { syncSwiperPage, syncVariantPages, writeScalePages, slidesHtml };
