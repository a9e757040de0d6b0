// decoder_main.cpp — the decode worker's wasm module (wasm-gallery-decoder): probe → decode → downscale →
// orient → premultiply with the same core code the widget links, one image at a time. Not the widget's
// ABI (that is exports_*.cpp): no GL, no ImGui, no DOM; web/src/decoder-abi.js is its only caller.
//
// Buffer ownership across this boundary — there is exactly one result at a time, owned by this module:
//  - encoded input: JS _malloc's it, calls wgd_decode, and _free's it when that returns (nothing here
//    keeps a pointer into it).
//  - browser-decoded input: wgd_rgba_buffer(w, h) makes the result a w×h RGBA buffer owned by this
//    module and returns where JS writes the pixels; wgd_finish_rgba then fits and premultiplies in place.
//  - output: wgd_pixels() points at wgd_width() × wgd_height() × 4 bytes of premultiplied RGBA, and
//    wgd_error_id()/wgd_error_message() at NUL-terminated strings; all stay valid until the next
//    wgd_decode, wgd_rgba_buffer or wgd_release. JS copies the pixels out, then calls wgd_release, which
//    frees every byte of the result: the heap is back to its idle size between images (the wasm memory
//    itself never shrinks; wgd_heap_* report both).
//  - encoded output (the playground's photo fix): wgd_encode_jpeg writes a JPEG of the held pixels into
//    the result too; wgd_jpeg() points at wgd_jpeg_size() bytes, valid until the next wgd_encode_jpeg,
//    wgd_decode, wgd_rgba_buffer or wgd_release. The pixels stay, so one decode serves every size.
//
// Every export is safe to call at any time and in any order; none aborts on bad arguments.
#include <emscripten.h>
#include <malloc.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/image/decode.h"
#ifdef WG_PHOTO_TOOLS
#include "core/image/encode.h"
#endif
#include "core/image/pixels.h"
#include "core/image/probe.h"
#include "core/image/stb_impl.h"

namespace {

// wgd_decode / wgd_finish_rgba results; the JS side mirrors these in decoder-abi.js.
constexpr int kStatusPixels = 0;    // wgd_pixels() holds the image
constexpr int kStatusError = 1;     // wgd_error_id() / wgd_error_message() say why
constexpr int kStatusFallback = 2;  // not for stb: the browser decodes it (see wgd_display_*, wgd_fit_*)

// Browser-decoded pixels arrive at most this large per side; the worker asks the browser for the
// displayed size, so this only guards against a caller that did not (and keeps w × h × 4 in range).
constexpr int kMaxRgbaSide = 1 << 14;

struct Result {
    wg::image::Image image;  // premultiplied RGBA once finished
    wg::image::Info info;    // what probe saw (format, stored and displayed size, orientation)
    wg::image::Crop crop;    // the part of the displayed photo the pixels hold
    std::vector<uint8_t> jpeg;  // the last wgd_encode_jpeg's file
    wg::image::Size jpeg_size;  // and its size in pixels
    std::string error_id, error_message;
};

Result g_result;

// Assigning a fresh Result frees the old pixel buffer (a vector's clear() would keep its capacity).
void release() { g_result = Result{}; }

int set_error(const char* id, std::string message) {
    g_result.image = {};
    g_result.error_id = id;
    g_result.error_message = std::move(message);
    return kStatusError;
}

wg::image::Limits limits_of(double max_pixels) {
    wg::image::Limits lim;
    if (max_pixels >= 1 && max_pixels < double(wg::image::kMaxPixels)) lim.max_pixels = (long long)max_pixels;
    return lim;
}

}  // namespace

extern "C" {

// Decodes `size` bytes at `data` to premultiplied RGBA that fits inside max_w × max_h as displayed
// (EXIF orientation applied; never upscaled; ≤ 0 = no limit on that side). max_pixels lowers the
// core's pixel limit (≤ 0 or above it = the core's kMaxPixels). x0…y1: only that part of the displayed
// photo, in fractions of its sides (0, 0, 1, 1 = all of it; wgd_crop_* say the part decoded). Returns kStatus*.
EMSCRIPTEN_KEEPALIVE int wgd_decode(const uint8_t* data, int size, int max_w, int max_h, double max_pixels,
                                    float x0, float y0, float x1, float y1) {
    release();
    if (!data || size < 0) size = 0;
    wg::image::Crop crop;
    if (x0 >= 0 && y0 >= 0 && x1 <= 1 && y1 <= 1 && x1 > x0 && y1 > y0) crop = {x0, y0, x1, y1};  // else all of it
    wg::image::DecodeResult r = wg::image::decode(data, size_t(size), max_w, max_h, limits_of(max_pixels), crop);
    g_result.info = r.info;
    g_result.crop = r.crop;
    if (r.error) return set_error(r.error->id.c_str(), std::move(r.error->message));
    if (r.browser_fallback) return kStatusFallback;
    g_result.image = std::move(r.image);
    return kStatusPixels;
}

// For pixels the browser decoded (already oriented, straight alpha): makes the result a w × h RGBA
// buffer and returns where to write w × h × 4 bytes; nullptr if the size is refused or memory is short.
EMSCRIPTEN_KEEPALIVE uint8_t* wgd_rgba_buffer(int w, int h, double max_pixels) {
    release();
    const wg::image::Limits lim = limits_of(max_pixels);
    if (w <= 0 || h <= 0 || w > kMaxRgbaSide || h > kMaxRgbaSide || (long long)w * h > lim.max_pixels) {
        set_error(wg::image::kErrTooManyPixels, std::to_string(w) + "×" + std::to_string(h) + " is over the limit");
        return nullptr;
    }
    // Probe first so a failed allocation is an error value rather than an abort from std::vector.
    const size_t bytes = size_t(w) * size_t(h) * 4;
    void* room = malloc(bytes);
    if (!room) {
        set_error(wg::image::kErrOutOfMemory, "out of memory for " + std::to_string(w) + "×" + std::to_string(h));
        return nullptr;
    }
    free(room);
    g_result.image.width = w;
    g_result.image.height = h;
    g_result.image.rgba.resize(bytes);
    return g_result.image.rgba.data();
}

// Fits the wgd_rgba_buffer pixels inside max_w × max_h (never upscaling) and premultiplies them, in
// the core, exactly as for images stb decoded. Returns kStatusPixels or kStatusError.
EMSCRIPTEN_KEEPALIVE int wgd_finish_rgba(int max_w, int max_h) {
    wg::image::Image& img = g_result.image;
    if (img.rgba.empty()) return set_error(wg::image::kErrCorrupt, "no pixels to finish (call wgd_rgba_buffer first)");
    const wg::image::Size s = wg::image::fit_size(img.width, img.height, max_w, max_h);
    if (s.width != img.width || s.height != img.height) {
        wg::image::Image small = wg::image::fit_within(img, max_w, max_h);
        if (small.rgba.empty()) return set_error(wg::image::kErrOutOfMemory, "out of memory while downscaling");
        img = std::move(small);
    }
    wg::image::premultiply(img);
    return kStatusPixels;
}

// The result: pixels (see the ownership note above) and their size.
EMSCRIPTEN_KEEPALIVE const uint8_t* wgd_pixels(void) {
    return g_result.image.rgba.empty() ? nullptr : g_result.image.rgba.data();
}
EMSCRIPTEN_KEEPALIVE int wgd_width(void) { return g_result.image.width; }
// 1 when no pixel of the result is see-through: the widget need not draw anything under the photo.
EMSCRIPTEN_KEEPALIVE int wgd_opaque(void) {
    const wg::image::Image& im = g_result.image;
    return im.rgba.empty() ? 0 : wg::image::opaque(im.rgba.data(), im.rgba.size() / 4) ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE int wgd_height(void) { return g_result.image.height; }
EMSCRIPTEN_KEEPALIVE const char* wgd_error_id(void) { return g_result.error_id.c_str(); }
EMSCRIPTEN_KEEPALIVE const char* wgd_error_message(void) { return g_result.error_message.c_str(); }

// What probe saw: the format's name, the size as displayed (0 when the headers don't say, e.g. AVIF)
// and the EXIF orientation. After kStatusFallback these size the browser's decode.
EMSCRIPTEN_KEEPALIVE const char* wgd_format(void) { return wg::image::format_name(g_result.info.format); }
EMSCRIPTEN_KEEPALIVE int wgd_display_width(void) { return g_result.info.display_width; }
EMSCRIPTEN_KEEPALIVE int wgd_display_height(void) { return g_result.info.display_height; }
EMSCRIPTEN_KEEPALIVE int wgd_orientation(void) { return g_result.info.orientation; }
// The part of the displayed photo the last decode's pixels hold: 0 x0, 1 y0, 2 x1, 3 y1.
EMSCRIPTEN_KEEPALIVE float wgd_crop(int edge) {
    const wg::image::Crop& c = g_result.crop;
    return edge == 0 ? c.x0 : edge == 1 ? c.y0 : edge == 2 ? c.x1 : c.y1;
}

// The core's fit_size (pure, no result involved): the size w × h is shown at inside max_w × max_h, so
// the browser's decoder is asked for exactly what stb's path would have produced.
EMSCRIPTEN_KEEPALIVE int wgd_fit_width(int w, int h, int max_w, int max_h) {
    return wg::image::fit_size(w, h, max_w, max_h).width;
}
EMSCRIPTEN_KEEPALIVE int wgd_fit_height(int w, int h, int max_w, int max_h) {
    return wg::image::fit_size(w, h, max_w, max_h).height;
}

#ifdef WG_PHOTO_TOOLS  // the playground's build of this module only: readers never download the JPEG writer
// A JPEG of the result's pixels (after wgd_decode or wgd_finish_rgba) fitted inside max_w × max_h (never
// upscaled; ≤ 0 = no limit on that side), laid on white, at quality 1–100 (≤ 0 = the core's default):
// the playground's smaller copies of an editor's photo. The held pixels are laid on white in place
// (JPEG has no alpha) and kept for the next size. Returns kStatusPixels (wgd_jpeg* hold the file) or
// kStatusError.
EMSCRIPTEN_KEEPALIVE int wgd_encode_jpeg(int max_w, int max_h, int quality) {
    wg::image::Image& img = g_result.image;
    g_result.jpeg = {};
    g_result.jpeg_size = {};
    if (img.rgba.empty()) return set_error(wg::image::kErrEncode, "no pixels to encode (decode first)");
    // Laid on white first: the copy is then opaque, so resizing it weighs no colour by alpha twice.
    wg::image::flatten_onto_white(img);
    const wg::image::Size s = wg::image::fit_size(img.width, img.height, max_w, max_h);
    wg::image::EncodeResult r;
    if (s.width == img.width && s.height == img.height) {
        r = wg::image::encode_jpeg(img, quality > 0 ? quality : wg::image::kDefaultJpegQuality);
    } else {
        const wg::image::Image small = wg::image::fit_within(img, max_w, max_h);
        if (small.rgba.empty()) return set_error(wg::image::kErrOutOfMemory, "out of memory while downscaling");
        r = wg::image::encode_jpeg(small, quality > 0 ? quality : wg::image::kDefaultJpegQuality);
    }
    if (r.error) {
        // Keep the pixels (another size may still fit); only the message is set.
        g_result.error_id = r.error->id;
        g_result.error_message = std::move(r.error->message);
        return kStatusError;
    }
    g_result.jpeg = std::move(r.bytes);
    g_result.jpeg_size = s;
    return kStatusPixels;
}
EMSCRIPTEN_KEEPALIVE const uint8_t* wgd_jpeg(void) { return g_result.jpeg.empty() ? nullptr : g_result.jpeg.data(); }
EMSCRIPTEN_KEEPALIVE int wgd_jpeg_size(void) { return int(g_result.jpeg.size()); }
EMSCRIPTEN_KEEPALIVE int wgd_jpeg_width(void) { return g_result.jpeg_size.width; }
EMSCRIPTEN_KEEPALIVE int wgd_jpeg_height(void) { return g_result.jpeg_size.height; }

#endif

// Frees the result (pixels, strings, JPEG). Call it once the pixels are copied out.
EMSCRIPTEN_KEEPALIVE void wgd_release(void) { release(); }

// Heap bytes in use now (malloc's view) and the most stb_image held at once since the last reset
// (the decode's own peak); wasm memory size — the high-water mark — is HEAPU8.length on the JS side.
EMSCRIPTEN_KEEPALIVE double wgd_heap_in_use(void) { return double(mallinfo().uordblks); }
EMSCRIPTEN_KEEPALIVE double wgd_stb_peak(void) { return double(wg::image::stb::alloc_stats().peak); }
EMSCRIPTEN_KEEPALIVE void wgd_reset_stb_peak(void) { wg::image::stb::reset_alloc_peak(); }

}  // extern "C"
