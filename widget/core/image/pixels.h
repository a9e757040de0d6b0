// pixels.h — RGBA8 pixel helpers: EXIF orientation, downscaling to fit a box, alpha premultiplication.
// Used by decode() and equally on pixels the browser decoded (WebP, AVIF) before they become textures.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace wg::image {

// RGBA8, rows top to bottom, no padding: rgba.size() == width * height * 4. decode() returns it with
// premultiplied alpha (what the renderer blends with); orient/fit_within take straight alpha.
struct Image {
    int width = 0, height = 0;
    std::vector<uint8_t> rgba;
};

struct Size {
    int width = 0, height = 0;
};

// A part of an image in fractions of its width and height, [x0, x1) × [y0, y1) within [0, 1].
struct Crop {
    float x0 = 0, y0 = 0, x1 = 1, y1 = 1;
    bool whole() const { return x0 <= 0 && y0 <= 0 && x1 >= 1 && y1 >= 1; }
    float w() const { return x1 - x0; }
    float h() const { return y1 - y0; }
};

// The same part of the photo seen from the other side of EXIF orientation 1–8: a crop of the displayed
// image as a crop of the stored pixels (to_stored), and back (to_displayed).
Crop to_stored(const Crop& displayed, int orientation);
Crop to_displayed(const Crop& stored, int orientation);

// Largest size with w:h's aspect that fits inside max_w × max_h, never larger than w × h.
// max_w/max_h ≤ 0 mean "no limit" on that side; each side of the result is ≥ 1 (0×0 for an empty input).
Size fit_size(int w, int h, int max_w, int max_h);
// Size after applying EXIF orientation 1–8: sides swap for 5–8.
Size oriented_size(int w, int h, int orientation);

// Applies EXIF orientation 1–8 (anything else is treated as 1). Returns an empty image if
// img.rgba.size() does not match width × height × 4.
Image orient(Image img, int orientation);
// Downscales (never upscales) to fit inside max_w × max_h, sRGB-aware with alpha weighting; expects
// straight alpha. Returns an empty image on inconsistent input or if stb_image_resize fails.
Image fit_within(const Image& img, int max_w, int max_h);
// rgb ← round(rgb × a / 255), exactly; a stays.
void premultiply(Image& img);
// True if every one of the `pixels` RGBA pixels has alpha 255: nothing behind such a photo shows
// through, so the renderer need not fill under it (fill rate is what a phone's GPU runs out of).
bool opaque(const uint8_t* rgba, size_t pixels);

// The pieces decode() composes, for 1–4 channels per pixel (gray, gray+alpha, RGB, RGBA):
// copies src into a new RGBA image with the orientation applied in the same pass.
Image orient_to_rgba(const uint8_t* src, int w, int h, int channels, int orientation);
// Resizes src (w × h × channels, rows src_stride bytes apart; 0 = packed) into dst (dw × dh × channels,
// allocated by the caller).
bool resize_pixels(const uint8_t* src, int w, int h, int channels, uint8_t* dst, int dw, int dh, int src_stride = 0);

}  // namespace wg::image
