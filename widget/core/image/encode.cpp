// encode.cpp — the only translation unit that compiles stb_image_write (JPEG only, to memory): its
// configuration lives here, next to the one function that uses it.
#include "core/image/encode.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>

#define STB_IMAGE_WRITE_STATIC  // private to this file; tests compile their own static copy
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO  // always to memory, through a callback

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#endif
// stb's JPEG writer left-shifts negative coefficients (well defined on every compiler we use, but
// UBSan's shift check aborts the sanitized test build): exempt its functions from that one check.
#if defined(__clang__)
#pragma clang attribute push(__attribute__((no_sanitize("shift"))), apply_to = function)
#endif
#include <stb/stb_image_write.h>
#if defined(__clang__)
#pragma clang attribute pop
#endif
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace wg::image {
namespace {

EncodeResult failed(std::string message) {
    EncodeResult r;
    r.error = Error{kErrEncode, std::move(message)};
    return r;
}

// stb hands the file over in pieces, gathered with realloc so that running out of memory is a
// failed write rather than an abort (the wasm build has no exceptions for std::vector to throw).
struct Sink {
    uint8_t* data = nullptr;
    size_t size = 0, capacity = 0;
    bool ok = true;
    ~Sink() { std::free(data); }
};

void append(void* ctx, void* data, int size) {
    auto* sink = static_cast<Sink*>(ctx);
    if (!sink->ok || size <= 0) return;
    if (sink->size + size_t(size) > sink->capacity) {
        const size_t cap = std::max(sink->capacity * 2, sink->size + size_t(size) + 4096);
        void* grown = std::realloc(sink->data, cap);
        if (!grown) { sink->ok = false; return; }
        sink->data = static_cast<uint8_t*>(grown);
        sink->capacity = cap;
    }
    std::memcpy(sink->data + sink->size, data, size_t(size));
    sink->size += size_t(size);
}

// A premultiplied channel laid on white: c + (255 − a). Premultiplied c ≤ a keeps it ≤ 255; min()
// keeps straight-alpha input in range too.
inline uint8_t on_white(unsigned c, unsigned a) { return uint8_t(std::min(255u, c + 255u - a)); }

}  // namespace

void flatten_onto_white(Image& img) {
    uint8_t* p = img.rgba.data();
    uint8_t* const end = p + img.rgba.size() / 4 * 4;
    for (; p != end; p += 4) {
        const unsigned a = p[3];
        if (a == 255) continue;
        for (int c = 0; c < 3; ++c) p[c] = on_white(p[c], a);
        p[3] = 255;
    }
}

EncodeResult encode_jpeg(const Image& img, int quality) {
    if (img.width <= 0 || img.height <= 0 || img.rgba.size() != size_t(img.width) * size_t(img.height) * 4)
        return failed("no pixels to encode (" + std::to_string(img.width) + "×" + std::to_string(img.height) + ")");
    if (img.width > kMaxJpegSide || img.height > kMaxJpegSide)
        return failed(std::to_string(img.width) + "×" + std::to_string(img.height) + " is over JPEG's " +
                      std::to_string(kMaxJpegSide) + " px a side");
    quality = std::clamp(quality, 1, 100);

    // stb writes 3-channel RGB: the pixels laid on white, one copy (nothrow: out of memory is an error value).
    const size_t n = size_t(img.width) * size_t(img.height);
    std::unique_ptr<uint8_t[]> rgb(new (std::nothrow) uint8_t[n * 3]);
    if (!rgb) return failed("out of memory for " + std::to_string(img.width) + "×" + std::to_string(img.height));
    const uint8_t* s = img.rgba.data();
    for (size_t i = 0; i < n; ++i, s += 4) {
        const unsigned a = s[3];
        for (int c = 0; c < 3; ++c) rgb[i * 3 + c] = on_white(s[c], a);
    }

    Sink sink;
    const int ok = stbi_write_jpg_to_func(append, &sink, img.width, img.height, 3, rgb.get(), quality);
    rgb.reset();  // the file is far smaller than the pixels: room for the copy below
    if (!ok || !sink.ok || !sink.size) return failed("stb_image_write could not write the JPEG (out of memory)");
    EncodeResult r;
    r.bytes.assign(sink.data, sink.data + sink.size);
    return r;
}

}  // namespace wg::image
