// instrument.js — what the benchmark injects into both pages before any of their scripts runs
// (playwright addInitScript): the same probes for wasm-gallery and Swiper, so neither is measured
// with a different ruler.
//   __bench.t.firstPhoto  ms from navigation start to the frame that first shows the gallery's photo:
//                         wasm-gallery: the rAF callback after its poster <img> (the first photo shown
//                         as plain HTML before the wasm runs) fired `load`, or its `ready` event
//                         (dispatched inside the rAF callback that drew the first frame with the photo),
//                         whichever comes first (with a server-rendered first slide: the rAF callback
//                         after that <img>, in the element's light DOM, fired `load`); Swiper: the rAF
//                         callback after the first slide's <img> fired `load` (the frame the decoded
//                         photo is painted in).
//   __bench.t.canvasPhoto wasm-gallery only: its `ready` event (the canvas has taken over).
//   __bench.t.interactive ms when the gallery takes input: wasm-gallery: the frame its poster gallery
//                         (the photo strip that swipes before the wasm is in) shows its photo, or its
//                         `ready` event if earlier; Swiper: the later of its first photo and
//                         `new Swiper()` having run.
//   __bench.longtasks     PerformanceObserver 'longtask' entries (≥ 50 ms on the main thread).
//   __bench.events        Event Timing entries of pointer, touch, mouse and click events that took
//                         ≥ 16 ms (the API's floor) from the input to the next paint.
//   __bench.loafs         'long-animation-frame' entries (≥ 50 ms of main-thread work in a frame), each
//                         with the sourceURL of the scripts that ran ≥ 5 ms in it.
//   __bench.rafCalls      requestAnimationFrame calls made by the page (not by this probe).
//   __bench.startFrames() / stopFrames()  rAF timestamps recorded with the page's original rAF.
//   __bench.galleryFrames() wasm-gallery: start times (page clock) of the frames its engine drew since
//                         the last call, on whichever thread it draws (stats.thread); Swiper: null.
'use strict';
module.exports = function instrument() {
  const origRaf = window.requestAnimationFrame.bind(window);
  const B = window.__bench = { t: {}, longtasks: [], elements: [], events: [], loafs: [], rafCalls: 0, frames: null, errors: [] };
  window.requestAnimationFrame = function (cb) { B.rafCalls++; return origRaf(cb); };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) B.longtasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) B.elements.push({ id: e.identifier, renderTime: e.renderTime, loadTime: e.loadTime }); })
      .observe({ type: 'element', buffered: true });
    const input = /^(pointer|touch|mouse)|click$|pointercapture$/;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (input.test(e.name)) B.events.push({ name: e.name, start: e.startTime, duration: e.duration, interactionId: e.interactionId });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) B.loafs.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
        // Where the frame's time went: scripts (below), then rendering (style, layout, paint) from renderStart.
        render: e.renderStart ? Math.round(e.startTime + e.duration - e.renderStart) : 0,
        styleLayout: e.styleAndLayoutStart ? Math.round(e.startTime + e.duration - e.styleAndLayoutStart) : 0,
        scriptMs: Math.round(e.scripts.reduce((a, x) => a + x.duration, 0)), scripts: e.scripts.map((x) => x.sourceURL),
        detail: e.scripts.map((x) => ({ url: x.sourceURL, fn: x.sourceFunctionName, invoker: x.invoker, type: x.invokerType, ms: Math.round(x.duration), at: x.sourceCharPosition, layout: Math.round(x.forcedStyleAndLayoutDuration || 0) })) });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (e) { B.errors.push(String(e)); }
  const mark = (k, v) => { if (B.t[k] === undefined) B.t[k] = v === undefined ? performance.now() : v; };
  document.addEventListener('ready', () => { mark('firstPhoto'); mark('interactive'); mark('canvasPhoto'); }, true);
  // The poster lives in the gallery's shadow root, where a (non-composed) load event never reaches the
  // document: watch for it from the first frame on, with the page's own rAF left uncounted. The poster
  // is a gallery (data-live: its JSON is known) that takes a swipe, a key or a dot from the frame its
  // photo is shown in: wasm-gallery takes input then, as Swiper does once its first photo is shown.
  const watchPoster = () => {
    const g = document.getElementById('gallery');
    const s = g && g.shadowRoot;
    const img = s && s.querySelector('.wg-poster');
    const shown = img && img.complete && img.naturalWidth;
    if (shown && B.t.posterLoad === undefined) {
      mark('posterLoad');
      origRaf(() => mark('firstPhoto'));
    }
    if (shown && B.t.posterLive === undefined && s.querySelector('.wg-poster-box[data-live]')) {
      mark('posterLive');
      origRaf(() => mark('interactive'));
    }
    if (B.t.firstPhoto === undefined || B.t.interactive === undefined) origRaf(watchPoster);
  };
  origRaf(watchPoster);
  document.addEventListener('error', (e) => { if (e.detail) B.errors.push(e.detail.message); }, true);
  document.addEventListener('load', (e) => {
    const img = e.target;
    // wasm-gallery with a server-rendered first slide: that <img> in the element's light DOM.
    if (img instanceof HTMLImageElement && img.closest('wasm-gallery')) {
      mark('firstImgLoad');
      return origRaf(() => mark('firstPhoto'));
    }
    if (!(img instanceof HTMLImageElement) || !img.closest('.swiper-slide')) return;
    const slides = [...img.closest('.swiper-wrapper').children];
    if (slides.indexOf(img.closest('.swiper-slide')) !== 0) return;
    mark('firstImgLoad');
    origRaf(() => { mark('firstPhoto'); if (window.benchSwiper) mark('interactive'); });
  }, true);
  let swiper;
  Object.defineProperty(window, 'benchSwiper', {
    configurable: true,
    get: () => swiper,
    set: (v) => { swiper = v; mark('swiperInit'); if (B.t.firstPhoto !== undefined) mark('interactive'); },
  });

  // The gallery's state, the same questions asked of either widget.
  B.gallery = () => document.getElementById('gallery');
  B.index = () => (swiper ? swiper.activeIndex : (B.gallery() && typeof B.gallery().index === 'number' ? B.gallery().index : -1));
  B.count = () => (swiper ? swiper.slides.length : (B.gallery() ? B.gallery().count : 0));
  B.animating = () => {
    if (swiper) return !!swiper.animating;
    // The snapshot without asking for stats while drawing (a reader's page never reads them).
    const g = B.gallery() && B.gallery()._gallery;
    const s = g && g._snapshot();
    return !!(s && s.animating);
  };
  // Whether slide i shows its decoded photo (Swiper: <img> complete; wasm-gallery: its loader settled).
  B.photoShown = (i) => {
    if (swiper) { const img = swiper.slides[i] && swiper.slides[i].querySelector('img'); return !!(img && img.complete && img.naturalWidth); }
    const g = B.gallery() && B.gallery()._gallery;
    return !!(g && g._images && g._images.settled(i));
  };
  B.next = () => (swiper ? swiper.slideNext() : B.gallery().next());
  B.stats = () => (swiper ? null : B.gallery() && B.gallery().stats);
  B.galleryFrames = async () => {
    const client = !swiper && B.gallery() && B.gallery()._gallery && B.gallery()._gallery._client;
    return client ? (await client.debug('frameTimes')).frameTimes : null;
  };
  B.startFrames = () => {
    B.frames = [];
    const loop = (ts) => { if (!B.frames) return; B.frames.push(ts); origRaf(loop); };
    origRaf(loop);
  };
  B.stopFrames = () => { const f = B.frames || []; B.frames = null; return f; };
};
