// break-twenty.js — writes 20 <wasm-gallery> elements with inline JSON (3 demo photos each, starting
// at a different photo) separated by text, for break.test.js's many-galleries test.
'use strict';
(function () {
  const list = document.getElementById('list');
  for (let i = 0; i < 20; i++) {
    const slides = [0, 1, 2].map((k) => {
      const n = String(((i + k) % 10) + 1).padStart(2, '0');
      return { image: `/demo/photos/${n}.jpg`, alt: `Photo ${n}`, caption: `Gallery ${i + 1}, photo ${k + 1}`,
        width: 1596, height: 1064 };
    });
    const g = document.createElement('wasm-gallery');
    g.id = 'g' + i;
    const s = document.createElement('script');
    s.type = 'application/json';
    s.textContent = JSON.stringify({ title: `Gallery ${i + 1}`, slides });
    g.append(s);
    const p = document.createElement('p');
    p.className = 'spacer';
    p.textContent = `Text between gallery ${i + 1} and the next.`;
    list.append(g, p);
  }
})();
