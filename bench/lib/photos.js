// photos.js — the large-photo gallery: 100 generated 12 MP JPEGs (4000 × 3000) in build/bench-photos/,
// their gallery.json, and the two benchmark pages pointed at them. Generated once (ImageMagick's
// plasma fractal: cloud-like, photo-like entropy) and reused while the patterns and count are unchanged.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { writeScalePages } = require('./pages.js');

const ROOT = path.resolve(__dirname, '../..');
const DIR = path.join(ROOT, 'build/bench-photos');
const CONVERT = '/usr/bin/convert-im6.q16';
const COUNT = 100;
const WIDTH = 4000, HEIGHT = 3000;  // 12 MP, a common phone-camera frame
// A few distinct patterns (each takes ~10–20 s to render at 12 MP), cycled over the 100 files: both
// galleries fetch and decode every file separately, so identical bytes under other names cost the same.
// Grain (+noise) brings the files to the 2–3 MB a real 12 MP photo weighs at quality 85.
const PATTERNS = [
  ['-seed', '11', 'plasma:fractal', '-attenuate', '0.3', '+noise', 'Gaussian'],
  ['-seed', '23', 'plasma:steelblue-khaki', '-attenuate', '0.3', '+noise', 'Gaussian'],
  ['-seed', '37', 'plasma:fractal', '-blur', '0x2', '-attenuate', '0.5', '+noise', 'Gaussian'],
  ['-seed', '41', 'plasma:darkgreen-wheat', '-attenuate', '0.3', '+noise', 'Gaussian'],
];
const QUALITY = '85';
const STAMP = JSON.stringify({ PATTERNS, QUALITY, COUNT, WIDTH, HEIGHT });

const name = (i) => String(i + 1).padStart(3, '0') + '.jpg';

// Makes the photos (if needed), gallery.json and the two pages; returns { dir, galleryPath, seconds }.
function ensurePhotos(log = console.log) {
  const t0 = Date.now();
  fs.mkdirSync(DIR, { recursive: true });
  const stampFile = path.join(DIR, 'stamp.json');
  const fresh = fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === STAMP &&
    Array.from({ length: COUNT }, (_, i) => name(i)).every((f) => fs.existsSync(path.join(DIR, f)));
  if (!fresh) {
    log(`generating ${COUNT} photos of ${WIDTH}×${HEIGHT} in build/bench-photos/ (once; 1–2 min)…`);
    PATTERNS.forEach((args, k) => {
      execFileSync(CONVERT, ['-size', `${WIDTH}x${HEIGHT}`, ...args, '-quality', QUALITY, '-sampling-factor', '2x2',
        path.join(DIR, `pattern-${k}.jpg`)], { stdio: 'inherit' });
    });
    for (let i = 0; i < COUNT; i++) fs.copyFileSync(path.join(DIR, `pattern-${i % PATTERNS.length}.jpg`), path.join(DIR, name(i)));
    fs.writeFileSync(stampFile, STAMP);
  }
  const gallery = {
    title: `Benchmark: ${COUNT} photos of ${WIDTH * HEIGHT / 1e6} MP`,
    slides: Array.from({ length: COUNT }, (_, i) => ({
      image: name(i), alt: `Generated pattern ${i % PATTERNS.length + 1}, photo ${i + 1}`,
      caption: `Photo ${i + 1} of ${COUNT}: a generated ${WIDTH} × ${HEIGHT} JPEG.`, credit: 'Generated with ImageMagick',
      text: 'A large photo, as a phone camera takes it, served unresized: the gallery must shrink it for the screen.',
      width: WIDTH, height: HEIGHT,
    })),
  };
  const galleryPath = path.join(DIR, 'gallery.json');
  fs.writeFileSync(galleryPath, JSON.stringify(gallery, null, 1));
  writeScalePages(DIR, galleryPath, new URL('http://bench/bench-photos/gallery.json'));
  const bytes = fs.statSync(path.join(DIR, name(0))).size;
  return { dir: DIR, count: COUNT, width: WIDTH, height: HEIGHT, photoBytes: bytes, seconds: (Date.now() - t0) / 1000 };
}

module.exports = { ensurePhotos, DIR };
