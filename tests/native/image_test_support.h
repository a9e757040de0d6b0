// image_test_support.h — what the image tests share: PNG/BMP test pictures encoded on the fly with
// stb_image_write, an EXIF APP1 builder, and the committed fixtures in tests/native/images/ (JPEGs come
// from there: stb_image_write's JPEG encoder shifts negative ints, which UBSan builds abort on).
#pragma once
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/image/pixels.h"

#define STB_IMAGE_WRITE_STATIC  // private to each test file: no clash with any other copy
#define STB_IMAGE_WRITE_IMPLEMENTATION
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#endif
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace wg::image::test {

using Bytes = std::vector<uint8_t>;
using Rgba = std::array<int, 4>;

// The picture every test uses: four quadrants, top-left red, top-right green (alpha tr_alpha),
// bottom-left blue, bottom-right white. Channels 1 (gray levels 64/159/32/255), 2, 3 or 4.
constexpr Rgba kRed{255, 0, 0, 255}, kGreen{0, 255, 0, 255}, kBlue{0, 0, 255, 255}, kWhite{255, 255, 255, 255};

inline Rgba quadrant_color(int x, int y, int w, int h, uint8_t tr_alpha = 255) {
    const bool right = x >= w / 2, bottom = y >= h / 2;
    if (!bottom) return right ? Rgba{0, 255, 0, tr_alpha} : kRed;
    return right ? kWhite : kBlue;
}

inline Bytes quadrants(int w, int h, int channels, uint8_t tr_alpha = 255) {
    Bytes px;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const Rgba c = quadrant_color(x, y, w, h, tr_alpha);
            const int gray = (c[0] * 60 + c[1] * 150 + c[2] * 30 + 120) / 240;
            if (channels <= 2) px.push_back(uint8_t(gray));
            else for (int i = 0; i < 3; ++i) px.push_back(uint8_t(c[i]));
            if (channels == 2 || channels == 4) px.push_back(uint8_t(c[3]));
        }
    return px;
}

inline void append(void* ctx, void* data, int size) {
    auto* out = static_cast<Bytes*>(ctx);
    out->insert(out->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
}

inline Bytes encode_png(int w, int h, int channels, const Bytes& px) {
    Bytes out;
    stbi_write_png_to_func(append, &out, w, h, channels, px.data(), w * channels);
    return out;
}

inline Bytes encode_bmp(int w, int h, int channels, const Bytes& px) {
    Bytes out;
    stbi_write_bmp_to_func(append, &out, w, h, channels, px.data());
    return out;
}

// A TIFF block with IFD0 = [Make (0x010F, ASCII) if with_other_tag, Orientation (0x0112, SHORT)].
inline Bytes tiff_block(int orientation, bool big_endian, bool with_other_tag = true, uint16_t type = 3) {
    Bytes t;
    auto u16 = [&](unsigned v) {
        if (big_endian) { t.push_back(uint8_t(v >> 8)); t.push_back(uint8_t(v)); }
        else { t.push_back(uint8_t(v)); t.push_back(uint8_t(v >> 8)); }
    };
    auto u32 = [&](unsigned long v) {
        if (big_endian) { u16(unsigned(v >> 16)); u16(unsigned(v & 0xFFFF)); }
        else { u16(unsigned(v & 0xFFFF)); u16(unsigned(v >> 16)); }
    };
    t.push_back(big_endian ? 'M' : 'I');
    t.push_back(big_endian ? 'M' : 'I');
    u16(42);
    u32(8);  // IFD0 right after the header
    u16(with_other_tag ? 2 : 1);
    if (with_other_tag) { u16(0x010F); u16(2); u32(4); t.insert(t.end(), {'A', 'C', 'M', 0}); }
    u16(0x0112); u16(type); u32(1); u16(unsigned(orientation)); u16(0);  // SHORT: first 2 value bytes
    u32(0);  // no next IFD
    return t;
}

// An APP1 segment: FF E1, length, "Exif\0\0", TIFF block.
inline Bytes exif_app1(const Bytes& tiff) {
    Bytes s{0xFF, 0xE1};
    const size_t len = tiff.size() + 8;
    s.push_back(uint8_t(len >> 8));
    s.push_back(uint8_t(len));
    s.insert(s.end(), {'E', 'x', 'i', 'f', 0, 0});
    s.insert(s.end(), tiff.begin(), tiff.end());
    return s;
}

// The JPEG with `segment` inserted right after SOI (where cameras put their Exif APP1).
inline Bytes with_segment(const Bytes& jpeg, const Bytes& segment) {
    Bytes out(jpeg.begin(), jpeg.begin() + 2);
    out.insert(out.end(), segment.begin(), segment.end());
    out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
    return out;
}

inline Bytes with_orientation(const Bytes& jpeg, int orientation, bool big_endian = false) {
    return with_segment(jpeg, exif_app1(tiff_block(orientation, big_endian)));
}

// Offset of the first byte after marker FF <marker>, or npos.
inline size_t find_marker(const Bytes& jpeg, uint8_t marker) {
    for (size_t i = 0; i + 1 < jpeg.size(); ++i)
        if (jpeg[i] == 0xFF && jpeg[i + 1] == marker) return i + 2;
    return std::string::npos;
}

// Bytes of a string literal, embedded NULs included.
template <size_t N>
Bytes lit(const char (&s)[N]) {
    return Bytes(s, s + N - 1);
}

inline Bytes read_source_file(const std::string& relative) {
    const std::string path = std::string(WG_SOURCE_DIR) + "/" + relative;
    Bytes out;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        uint8_t buf[4096];
        for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.insert(out.end(), buf, buf + n);
        std::fclose(f);
    }
    return out;
}

inline Bytes read_fixture(const std::string& name) { return read_source_file("tests/native/images/" + name); }
// An input a fuzzer found, as committed under tests/fuzz/regressions/<target>/.
inline Bytes read_regression(const std::string& target, const std::string& name) {
    return read_source_file("tests/fuzz/regressions/" + target + "/" + name);
}

// The quadrant picture, 32×16, baseline JPEG, 4:4:4 (so colour blocks line up with the quadrants).
inline Bytes jpeg32x16() { return read_fixture("quad32x16.jpg"); }

inline Rgba pixel(const Image& img, int x, int y) {
    const uint8_t* p = &img.rgba[(size_t(y) * img.width + x) * 4];
    return {p[0], p[1], p[2], p[3]};
}

// Colours after lossy coding: each channel within `tolerance`.
inline bool near(const Rgba& a, const Rgba& b, int tolerance) {
    for (int i = 0; i < 4; ++i)
        if (a[i] - b[i] > tolerance || b[i] - a[i] > tolerance) return false;
    return true;
}

inline std::string str(const Rgba& c) {
    return "(" + std::to_string(c[0]) + "," + std::to_string(c[1]) + "," + std::to_string(c[2]) + "," +
           std::to_string(c[3]) + ")";
}

}  // namespace wg::image::test
