// decode.h — encoded bytes to display-ready pixels: probe → decode (stb_image) → downscale → orient →
// premultiply, holding little more than one full-size decoded image at a time.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/image/pixels.h"
#include "core/image/probe.h"

namespace wg::image {

struct DecodeResult {
    Image image;  // RGBA8, premultiplied, oriented, within max_w × max_h; empty on error or fallback
    Info info;    // the source as probe() saw it (stored size, orientation, …)
    std::optional<Error> error;
    bool browser_fallback = false;  // see ProbeResult: the JS worker decodes it, then orient/fit/premultiply
    Crop crop;                      // the part of the displayed photo `image` holds (widened to whole pixels)
};

// Fits the displayed (oriented) image inside max_w × max_h, never upscaling; ≤ 0 means no limit.
// Memory: decodes with the channels the file has (3 for a JPEG, not 4), shrinks before orienting when
// it shrinks at all, and frees the full-size buffer before the output is premultiplied — so the peak is
// one full-size decode (plus stb's own working memory) and the output.
// crop: only that part of the displayed photo, fitted in max_w × max_h — a photo zoomed in far, sharp at
// the screen's resolution without a texture of the whole photo at that scale.
DecodeResult decode(const uint8_t* data, size_t size, int max_w, int max_h, const Limits& limits = {},
                    const Crop& crop = {});

}  // namespace wg::image
