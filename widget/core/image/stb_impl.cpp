// stb_impl.cpp — the only translation unit that compiles stb_image and stb_image_resize: their
// configuration (formats, limits, allocator, SIMD) lives here and nowhere else.
#include "core/image/stb_impl.h"

#include <atomic>
#include <cstdlib>

#include "core/image/limits.h"

namespace wg::image::stb {
namespace {

// Every stb allocation carries its size in a header, so frees and reallocs keep the counts exact.
// The header is max_align_t wide so the pointer handed to stb keeps malloc's alignment.
constexpr size_t kHeader = alignof(std::max_align_t);
std::atomic<size_t> g_live{0};
std::atomic<size_t> g_peak{0};

void count_alloc(size_t n) {
    const size_t now = g_live.fetch_add(n) + n;
    size_t peak = g_peak.load();
    while (now > peak && !g_peak.compare_exchange_weak(peak, now)) {}
}

void* counted_malloc(size_t n) {
    if (n > SIZE_MAX - kHeader) return nullptr;
    char* base = static_cast<char*>(std::malloc(n + kHeader));
    if (!base) return nullptr;
    *reinterpret_cast<size_t*>(base) = n;
    count_alloc(n);
    return base + kHeader;
}

void counted_free(void* p) {
    if (!p) return;
    char* base = static_cast<char*>(p) - kHeader;
    g_live.fetch_sub(*reinterpret_cast<size_t*>(base));
    std::free(base);
}

void* counted_realloc(void* p, size_t n) {
    if (!p) return counted_malloc(n);
    if (n > SIZE_MAX - kHeader) return nullptr;
    char* base = static_cast<char*>(p) - kHeader;
    const size_t old = *reinterpret_cast<size_t*>(base);
    char* grown = static_cast<char*>(std::realloc(base, n + kHeader));
    if (!grown) return nullptr;  // stb still owns p, unchanged
    *reinterpret_cast<size_t*>(grown) = n;
    g_live.fetch_sub(old);
    count_alloc(n);
    return grown + kHeader;
}

}  // namespace
}  // namespace wg::image::stb

#define STBI_MALLOC(sz) ::wg::image::stb::counted_malloc(sz)
#define STBI_REALLOC(p, sz) ::wg::image::stb::counted_realloc(p, sz)
#define STBI_FREE(p) ::wg::image::stb::counted_free(p)
#define STBIR_MALLOC(sz, ctx) ((void)(ctx), ::wg::image::stb::counted_malloc(sz))
#define STBIR_FREE(p, ctx) ((void)(ctx), ::wg::image::stb::counted_free(p))

#define STBI_NO_STDIO  // input always arrives as bytes in memory
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_ONLY_JPEG  // the formats stb decodes for us; WebP/AVIF go to the browser (see probe.h)
#define STBI_ONLY_PNG
#define STBI_ONLY_GIF
#define STBI_ONLY_BMP
#define STBI_MAX_DIMENSIONS (::wg::image::kMaxDimension)
// stb enables its SSE2 JPEG/PNG paths only on x86; the wasm build has -msimd128 -msse2, which
// Emscripten maps onto wasm SIMD, so let stb take those paths there too.
#if defined(__wasm_simd128__) && defined(__SSE2__)
#define STBI__X86_TARGET
#endif
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_RESIZE_IMPLEMENTATION

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#endif
#include <stb/stb_image.h>
#include <stb/stb_image_resize.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace wg::image::stb {

bool info(const uint8_t* data, size_t size, int* w, int* h, int* channels) {
    if (!data || size > kMaxStbInputBytes) return false;
    return stbi_info_from_memory(data, int(size), w, h, channels) != 0;
}

uint8_t* load(const uint8_t* data, size_t size, int* w, int* h, int channels) {
    if (!data || size > kMaxStbInputBytes || channels < 1 || channels > 4) return nullptr;
    int stored_channels = 0;
    return stbi_load_from_memory(data, int(size), w, h, &stored_channels, channels);
}

void free(void* pixels) { stbi_image_free(pixels); }

const char* failure_reason() {
    const char* r = stbi_failure_reason();
    return r ? r : "unknown";
}

bool resize(const uint8_t* src, int w, int h, int channels, uint8_t* dst, int dw, int dh, int src_stride) {
    if (channels < 1 || channels > 4) return false;
    const int alpha = channels == 2 || channels == 4 ? channels - 1 : STBIR_ALPHA_CHANNEL_NONE;
    return stbir_resize_uint8_generic(src, w, h, src_stride, dst, dw, dh, 0, channels, alpha, 0, STBIR_EDGE_CLAMP,
                                      STBIR_FILTER_MITCHELL, STBIR_COLORSPACE_SRGB, nullptr) != 0;
}

AllocStats alloc_stats() { return {g_live.load(), g_peak.load()}; }
void reset_alloc_peak() { g_peak.store(g_live.load()); }

}  // namespace wg::image::stb
