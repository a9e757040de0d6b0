// deep-link.js — the opt-in (options.deepLink) slide position in the page URL: `?<id>=3` or
// `#<id>/3` opens slide 3 (1-based, as people count); navigation rewrites it with
// history.replaceState, so the back button never fills with slides. With deepLink off nothing here
// runs: the host page's own routing (its hash, its query) is never read nor touched.

// The id of a gallery's link: the string given as options.deepLink, else the host element's id
// (when it is a usable one), else "gallery". null when deep links are off.
const ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export function linkId(option, host) {
  if (typeof option === 'string' && ID.test(option)) return option;
  if (option !== true) return null;
  return host && ID.test(host.id || '') ? host.id : 'gallery';
}

// The 0-based slide the URL asks for, or -1.
export function readSlide(id, href = location.href) {
  const url = new URL(href);
  const prefix = '#' + id + '/';
  const v = url.hash.startsWith(prefix) ? url.hash.slice(prefix.length) : url.searchParams.get(id);
  return v !== null && /^[1-9][0-9]{0,5}$/.test(v) ? Number(v) - 1 : -1;
}

// Puts slide `index` in the URL: in the query when the gallery is already there, else in the hash
// when the hash is free or already this gallery's, else in the query (the hash belongs to the page).
export function writeSlide(id, index) {
  const url = new URL(location.href);
  const n = String(index + 1);
  if (url.searchParams.has(id)) url.searchParams.set(id, n);
  else if (!url.hash || url.hash === '#' || url.hash.startsWith('#' + id + '/')) url.hash = id + '/' + n;
  else url.searchParams.set(id, n);
  if (url.href !== location.href) history.replaceState(history.state, '', url.href);
}
