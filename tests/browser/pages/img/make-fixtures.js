// make-fixtures.js — how the committed test images next to this file were made (run it again to
// remake them: `node tests/browser/pages/img/make-fixtures.js`). Needs ImageMagick 6 (convert-im6.q16).
// Broken files are broken on purpose; the "arrow" images are red in their top half and blue in the
// bottom half when shown upright, whatever their EXIF orientation says, so a test can check pixels.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const DIR = __dirname;
const PHOTO = path.resolve(DIR, '../../../../web/demo/photos/01.jpg');
const CONVERT = '/usr/bin/convert-im6.q16';

const convert = (...args) => execFileSync(CONVERT, args);
const out = (name) => path.join(DIR, name);

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xFF] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

// A well-formed PNG whose header claims 30000×30000 RGB (900 MP): refused before any pixel is decoded.
function hugePng() {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(30000, 0);
  ihdr.writeUInt32BE(30000, 4);
  ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
  const idat = require('zlib').deflateSync(Buffer.alloc(64));
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}

// APP1 "Exif" with IFD0 holding only Orientation, inserted right after the JPEG's SOI marker.
function withOrientation(jpeg, orientation) {
  const tiff = Buffer.from([0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8, // big-endian TIFF header, IFD0 at 8
    0x00, 0x01,                                                // one entry
    0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0x00, orientation, 0, 0, // Orientation, SHORT, 1, value
    0, 0, 0, 0]);                                              // no next IFD
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xFFE1, 0);
  seg.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), seg, body, jpeg.subarray(2)]);
}

// The upright picture (400×600, red over blue), stored so that `orientation` brings it back upright.
const STORE = { 1: [], 3: ['-rotate', '180'], 6: ['-rotate', '-90'], 8: ['-rotate', '90'] };
function arrow(orientation, extra = []) {
  return convert('-size', '400x300', 'xc:#e01010', '-size', '400x300', 'xc:#1020e0', '-append',
    ...STORE[orientation], ...extra, '-strip', '-quality', '92', 'jpg:-');
}

fs.writeFileSync(out('empty.jpg'), Buffer.alloc(0));
const photo = convert(PHOTO, '-resize', '800x', '-strip', '-quality', '85', 'jpg:-');
fs.writeFileSync(out('truncated.jpg'), photo.subarray(0, Math.floor(photo.length * 0.4)));
fs.writeFileSync(out('html.jpg'), '<!doctype html>\n<html><head><title>Error</title></head><body><h1>Service unavailable</h1></body></html>\n');
fs.writeFileSync(out('huge.png'), hugePng());
fs.writeFileSync(out('photo.webp'), convert(PHOTO, '-resize', '800x', '-quality', '80', 'webp:-'));
fs.writeFileSync(out('photo.avif'), convert(PHOTO, '-resize', '600x', '-quality', '50', 'avif:-'));
fs.writeFileSync(out('arrow-rle.bmp'), convert('-size', '400x300', 'xc:#e01010', '-size', '400x300', 'xc:#1020e0', '-append',
  '-type', 'Palette', '-compress', 'RLE', 'bmp3:-'));
fs.writeFileSync(out('photo-cmyk.jpg'), convert(PHOTO, '-resize', '800x', '-colorspace', 'CMYK', '-strip', '-quality', '85', 'jpg:-'));
for (const o of [3, 6, 8]) fs.writeFileSync(out(`arrow-exif${o}.jpg`), withOrientation(arrow(o), o));
fs.writeFileSync(out('arrow-cmyk-exif6.jpg'), withOrientation(arrow(6, ['-colorspace', 'CMYK']), 6));
console.log('fixtures written to', DIR);
