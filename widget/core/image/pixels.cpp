// pixels.cpp — see pixels.h. Orientation is one pass with precomputed source strides, so no
// intermediate rotated copy is made; resizing is stb_image_resize's.
#include "core/image/pixels.h"

#include <algorithm>
#include <climits>
#include <cstddef>

#include "core/image/stb_impl.h"

namespace wg::image {
namespace {

bool consistent(const Image& img) {
    return img.width > 0 && img.height > 0 &&
           img.rgba.size() == size_t(img.width) * size_t(img.height) * 4;
}

// Source coordinates as an affine map of display coordinates (dx, dy):
// sx = ax·dx + bx·dy + cx, sy = ay·dx + by·dy + cy — one row per EXIF orientation.
struct Map {
    int ax, bx, ay, by;
    bool cx_last, cy_last;  // cx = w-1 / cy = h-1 instead of 0
};
constexpr Map kMaps[9] = {
    {1, 0, 0, 1, false, false},    // (unused)
    {1, 0, 0, 1, false, false},    // 1 as stored
    {-1, 0, 0, 1, true, false},    // 2 mirrored left–right
    {-1, 0, 0, -1, true, true},    // 3 rotated 180°
    {1, 0, 0, -1, false, true},    // 4 mirrored top–bottom
    {0, 1, 1, 0, false, false},    // 5 transposed
    {0, 1, -1, 0, false, true},    // 6 rotated 90° clockwise to display
    {0, -1, -1, 0, true, true},    // 7 transversed
    {0, -1, 1, 0, true, false},    // 8 rotated 90° counter-clockwise to display
};

template <int C>
void copy_oriented(const uint8_t* src, int w, int h, const Map& m, Image& out) {
    const ptrdiff_t row = ptrdiff_t(w) * C;
    const ptrdiff_t step_x = (m.ax + ptrdiff_t(m.ay) * w) * C;  // source step per display column
    const ptrdiff_t step_y = (m.bx + ptrdiff_t(m.by) * w) * C;  // source step per display row
    const ptrdiff_t origin = (m.cx_last ? w - 1 : 0) * ptrdiff_t(C) + (m.cy_last ? h - 1 : 0) * row;
    uint8_t* d = out.rgba.data();
    for (int dy = 0; dy < out.height; ++dy) {
        ptrdiff_t i = origin + dy * step_y;  // an index, not a pointer: it may step past either end
        for (int dx = 0; dx < out.width; ++dx, i += step_x, d += 4) {
            const uint8_t* s = src + i;
            if constexpr (C == 1) { d[0] = d[1] = d[2] = s[0]; d[3] = 255; }
            if constexpr (C == 2) { d[0] = d[1] = d[2] = s[0]; d[3] = s[1]; }
            if constexpr (C == 3) { d[0] = s[0]; d[1] = s[1]; d[2] = s[2]; d[3] = 255; }
            if constexpr (C == 4) { d[0] = s[0]; d[1] = s[1]; d[2] = s[2]; d[3] = s[3]; }
        }
    }
}

}  // namespace

Size fit_size(int w, int h, int max_w, int max_h) {
    if (w <= 0 || h <= 0) return {};
    const long long W = w, H = h;
    const long long mw = max_w > 0 ? max_w : INT_MAX, mh = max_h > 0 ? max_h : INT_MAX;
    if (W <= mw && H <= mh) return {w, h};
    if (mw * H <= mh * W) {  // the width is what limits: scale = mw / W
        const long long oh = (H * mw + W / 2) / W;
        return {int(mw), int(oh < 1 ? 1 : oh)};
    }
    const long long ow = (W * mh + H / 2) / H;
    return {int(ow < 1 ? 1 : ow), int(mh)};
}

Size oriented_size(int w, int h, int orientation) {
    return orientation >= 5 && orientation <= 8 ? Size{h, w} : Size{w, h};
}

Image orient_to_rgba(const uint8_t* src, int w, int h, int channels, int orientation) {
    Image out;
    if (!src || w <= 0 || h <= 0 || channels < 1 || channels > 4) return out;
    if (orientation < 1 || orientation > 8) orientation = 1;
    const Size s = oriented_size(w, h, orientation);
    out.width = s.width;
    out.height = s.height;
    out.rgba.resize(size_t(w) * size_t(h) * 4);
    const Map& m = kMaps[orientation];
    switch (channels) {
        case 1: copy_oriented<1>(src, w, h, m, out); break;
        case 2: copy_oriented<2>(src, w, h, m, out); break;
        case 3: copy_oriented<3>(src, w, h, m, out); break;
        default: copy_oriented<4>(src, w, h, m, out); break;
    }
    return out;
}

Image orient(Image img, int orientation) {
    if (!consistent(img)) return {};
    if (orientation < 2 || orientation > 8) return img;
    return orient_to_rgba(img.rgba.data(), img.width, img.height, 4, orientation);
}

bool resize_pixels(const uint8_t* src, int w, int h, int channels, uint8_t* dst, int dw, int dh, int src_stride) {
    if (!src || !dst || w <= 0 || h <= 0 || dw <= 0 || dh <= 0) return false;
    return stb::resize(src, w, h, channels, dst, dw, dh, src_stride);
}

namespace {
// kMaps in fractions: the corners of a crop map like pixels, with w−1 and h−1 becoming 1.
Crop map_crop(const Crop& c, int orientation) {
    const Map& m = kMaps[orientation >= 1 && orientation <= 8 ? orientation : 1];
    auto sx = [&](float x, float y) { return m.ax * x + m.bx * y + (m.cx_last ? 1.f : 0.f); };
    auto sy = [&](float x, float y) { return m.ay * x + m.by * y + (m.cy_last ? 1.f : 0.f); };
    const float ax = sx(c.x0, c.y0), bx = sx(c.x1, c.y1), ay = sy(c.x0, c.y0), by = sy(c.x1, c.y1);
    return {std::min(ax, bx), std::min(ay, by), std::max(ax, bx), std::max(ay, by)};
}
}  // namespace

Crop to_stored(const Crop& displayed, int orientation) { return map_crop(displayed, orientation); }
// Every orientation is its own inverse except the two quarter turns, which undo each other.
Crop to_displayed(const Crop& stored, int orientation) {
    return map_crop(stored, orientation == 6 ? 8 : orientation == 8 ? 6 : orientation);
}

Image fit_within(const Image& img, int max_w, int max_h) {
    if (!consistent(img)) return {};
    const Size s = fit_size(img.width, img.height, max_w, max_h);
    if (s.width == img.width && s.height == img.height) return img;
    Image out;
    out.width = s.width;
    out.height = s.height;
    out.rgba.resize(size_t(s.width) * size_t(s.height) * 4);
    if (!resize_pixels(img.rgba.data(), img.width, img.height, 4, out.rgba.data(), s.width, s.height))
        return {};
    return out;
}

void premultiply(Image& img) {
    uint8_t* p = img.rgba.data();
    uint8_t* const end = p + img.rgba.size() / 4 * 4;
    for (; p != end; p += 4) {
        const unsigned a = p[3];
        if (a == 255) continue;
        for (int c = 0; c < 3; ++c) {
            const unsigned x = p[c] * a + 128;  // round(p·a / 255) without a division
            p[c] = uint8_t((x + (x >> 8)) >> 8);
        }
    }
}

bool opaque(const uint8_t* rgba, size_t pixels) {
    unsigned all = 255;
    for (size_t i = 0; i < pixels; ++i) all &= rgba[i * 4 + 3];  // no branch: the loop vectorizes
    return all == 255;
}

}  // namespace wg::image
