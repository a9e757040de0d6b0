// swiper-init.js — starts Swiper on the benchmark page the way its documentation shows for a photo
// carousel: the standard bundle (all modules registered), navigation, clickable pagination, keyboard,
// native lazy loading of images (loading="lazy" + .swiper-lazy-preloader). Everything else is Swiper's
// default (speed 300 ms, touch ratio, thresholds, resistance…). Not tuned down for the benchmark.
'use strict';
window.benchSwiper = new Swiper('.bench-swiper', {
  navigation: { nextEl: '.swiper-button-next', prevEl: '.swiper-button-prev' },
  pagination: { el: '.swiper-pagination', clickable: true },
  keyboard: { enabled: true },
});
