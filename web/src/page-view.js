// page-view.js — what a gallery reads of the page to look and move like it: colour scheme and the
// site's colours (CSS custom properties), reduced motion, whether arrows are drawn (not on touch-only
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

// host: the gallery's element; region: its shadow root's region (focus); probe: an element to parse
// colours with; theme: options.theme; header, expanded, fontScale: the gallery's own settings.
export function readView(host, region, probe, { theme, header, expanded, fontScale }) {
  const cs = getComputedStyle(host);
  const dark = theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const touchOnly = matchMedia('(hover: none) and (pointer: coarse)').matches;
  const arrows = !touchOnly || region.matches(':focus-within');
  const color = (n) => parseColor(probe, cs.getPropertyValue(n));
  const full = document.fullscreenElement === host;
  return { reduced: reduced ? 1 : 0, arrows: arrows ? 1 : 0, header: header ? 1 : 0, expanded: expanded && !full ? 1 : 0,
    full: full ? 1 : 0, fontScale, dark: dark ? 1 : 0,
    bg: color('--wg-background'), text: color('--wg-text'), accent: color('--wg-accent') };
}
