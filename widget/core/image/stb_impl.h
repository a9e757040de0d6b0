// stb_impl.h — the core's one door to stb_image and stb_image_resize (configured and implemented in
// stb_impl.cpp). Nothing else includes the stb headers, so their configuration cannot drift apart.
#pragma once
#include <cstddef>
#include <cstdint>

namespace wg::image::stb {

// stbi_info_from_memory: size and channel count from the headers, without decoding pixels.
// Any output pointer may be null.
bool info(const uint8_t* data, size_t size, int* w, int* h, int* channels);
// stbi_load_from_memory with `channels` (1–4) per pixel; nullptr on failure (see failure_reason).
// Release with stb::free.
uint8_t* load(const uint8_t* data, size_t size, int* w, int* h, int channels);
void free(void* pixels);
// stb_image's short reason for the last failure on this thread, e.g. "outofmem", "too large".
const char* failure_reason();

// stb_image_resize, sRGB-aware, Mitchell filter, clamped edges; with 2 or 4 channels the last one is
// straight alpha (stbir weights colour by it, so transparent pixels don't bleed into their neighbours).
// src_stride: bytes from one source row to the next (0 = w × channels), so a part of a larger image can
// be resized in place.
bool resize(const uint8_t* src, int w, int h, int channels, uint8_t* dst, int dw, int dh, int src_stride = 0);

// Bytes stb currently holds and the most it held since reset_alloc_peak(): lets tests check that a
// refused image never made stb allocate, and what a decode costs.
struct AllocStats {
    size_t live = 0;
    size_t peak = 0;
};
AllocStats alloc_stats();
void reset_alloc_peak();

}  // namespace wg::image::stb
