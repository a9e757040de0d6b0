// page-view.js — what a gallery reads of the page to look and move like it: colour scheme and the
// site's colours (CSS custom properties), its typeface, language and direction, reduced motion, whether arrows are drawn (not on touch-only
// devices unless the keyboard is in the gallery), full screen. The engine's `view` command.

// 0xRRGGBBAA from any CSS colour, via the browser's own parser (CSSOM, CSP-safe); 0 = unset.
function parseColor(probe, value) {
  value = (value || '').trim();
  if (!value) return 0;
  probe.style.color = '';
  probe.style.color = value;
  if (!probe.style.color) return 0;
  const m = getComputedStyle(probe).color.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/);
  if (!m) return 0;
  const a = m[4] === undefined ? 255 : Math.round(+m[4] * 255);
  return ((+m[1] << 24) | (+m[2] << 16) | (+m[3] << 8) | a) >>> 0;
}

// The page's @font-face rules for the families in `family` (a CSS font-family list), with absolute
// URLs: a render worker does not see the page's web fonts and loads these itself. Cross-origin
// stylesheets cannot be read (their fonts fall back to installed ones in a worker). Cached until the
// family or the stylesheets change.
let facesCache = { key: null, faces: [] };
function fontFaces(family) {
  const key = family + '|' + document.styleSheets.length;
  if (facesCache.key === key) return facesCache.faces;
  const want = new Set(family.split(',').map((f) => f.trim().replace(/^["']|["']$/g, '').toLowerCase()));
  const faces = [];
  const visit = (rules, base) => {
    for (const r of rules) {
      if (r.type === 5 /* CSSRule.FONT_FACE_RULE */) {
        const fam = r.style.getPropertyValue('font-family').trim().replace(/^["']|["']$/g, '');
        if (!want.has(fam.toLowerCase())) continue;
        const src = r.style.getPropertyValue('src').replace(/url\((["']?)([^"')]+)\1\)/g, (m, q, u) => {
          try { return `url("${new URL(u, base).href}")`; } catch { return m; }
        });
        faces.push({ family: fam, src, weight: r.style.getPropertyValue('font-weight') || undefined,
          style: r.style.getPropertyValue('font-style') || undefined, unicodeRange: r.style.getPropertyValue('unicode-range') || undefined });
      } else if (r.cssRules) visit(r.cssRules, base);
    }
  };
  for (const sheet of document.styleSheets) {
    try { visit(sheet.cssRules, sheet.href || document.baseURI); } catch { /* cross-origin: unreadable */ }
  }
  facesCache = { key, faces };
  return faces;
}

// Languages written right to left (their BCP 47 primary subtags).
const RTL_LANGS = /^(ar|fa|he|iw|ur|ps|yi|dv|ckb|sd|ug)(-|$)/i;

// The gallery's reading direction and language: options.direction "rtl"/"ltr" as given; "auto" (or
// none) follows the page: the element's computed direction where a dir attribute is set on it or an
// ancestor, else a right-to-left lang.
export function readDirection(host, direction) {
  const langEl = host.closest('[lang]');
  const lang = (langEl && langEl.lang) || document.documentElement.lang || '';
  if (direction === 'rtl' || direction === 'ltr') return { rtl: direction === 'rtl', lang };
  const rtl = host.closest('[dir]') ? getComputedStyle(host).direction === 'rtl' : RTL_LANGS.test(lang);
  return { rtl, lang };
}

// host: the gallery's element; region: its shadow root's region (focus); probe: an element to parse
// colours with; theme: options.theme; header, expanded, fontScale: the gallery's own settings; full:
// the gallery is full screen (the Fullscreen API's or its full-viewport mode: gallery.js fullscreen).
export function readView(host, region, probe, { theme, header, expanded, fontScale, direction, full }) {
  const cs = getComputedStyle(host);
  const dark = theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const touchOnly = matchMedia('(hover: none) and (pointer: coarse)').matches;
  const arrows = !touchOnly || region.matches(':focus-within');
  const color = (n) => parseColor(probe, cs.getPropertyValue(n));
  // The site's typeface (the host's font-family, or --wg-font-family) and language, for the text.
  const fontFamily = cs.getPropertyValue('--wg-font-family').trim() || cs.fontFamily || 'sans-serif';
  const { rtl, lang } = readDirection(host, direction);
  return { fontFamily, fontFaces: fontFaces(fontFamily), lang, rtl: rtl ? 1 : 0, reduced: reduced ? 1 : 0, arrows: arrows ? 1 : 0, header: header ? 1 : 0, expanded: expanded && !full ? 1 : 0,
    full: full ? 1 : 0, fontScale, dark: dark ? 1 : 0,
    bg: color('--wg-background'), text: color('--wg-text'), accent: color('--wg-accent') };
}
