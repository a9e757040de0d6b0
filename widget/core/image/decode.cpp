// decode.cpp — see decode.h. The only place that turns encoded bytes into pixels.
#include "core/image/decode.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

#include "core/image/stb_impl.h"

namespace wg::image {
namespace {

struct StbFree {
    void operator()(uint8_t* p) const { stb::free(p); }
};
using StbPixels = std::unique_ptr<uint8_t, StbFree>;

DecodeResult& fail(DecodeResult& r, const char* id, std::string message) {
    r.error = Error{id, std::move(message)};
    return r;
}

DecodeResult& stb_failed(DecodeResult& r) {
    const std::string reason = stb::failure_reason();
    if (reason == "outofmem") return fail(r, kErrOutOfMemory, "out of memory while decoding");
    return fail(r, kErrCorrupt,
                std::string("could not decode the ") + format_name(r.info.format) +
                    " data (stb_image: " + reason + ")");
}

// The stored pixels holding `displayed` (a crop of the displayed photo), whole pixels, at least one.
struct PixelRect {
    int x = 0, y = 0, w = 0, h = 0;
};
PixelRect stored_pixels(const Crop& displayed, int w, int h, int orientation) {
    const Crop c = to_stored(displayed, orientation);
    auto lo = [](float f, int n) { return std::clamp(int(std::floor(f * float(n))), 0, n - 1); };
    auto hi = [](float f, int n, int from) { return std::clamp(int(std::ceil(f * float(n))), from + 1, n); };
    PixelRect r;
    r.x = lo(c.x0, w);
    r.y = lo(c.y0, h);
    r.w = hi(c.x1, w, r.x) - r.x;
    r.h = hi(c.y1, h, r.y) - r.y;
    return r;
}

}  // namespace

DecodeResult decode(const uint8_t* data, size_t size, int max_w, int max_h, const Limits& limits, const Crop& crop) {
    DecodeResult r;
    ProbeResult p = probe(data, size, limits);
    r.info = p.info;
    r.error = std::move(p.error);
    r.browser_fallback = p.browser_fallback;
    if (r.error || r.browser_fallback) return r;
    const Info& in = r.info;

    // Ask stb for the channels the file stores, so an opaque JPEG costs 3 bytes a pixel, not 4.
    const int channels = in.channels >= 1 && in.channels <= 4 ? in.channels : 4;

    int w = 0, h = 0;
    StbPixels full(stb::load(data, size, &w, &h, channels));
    if (!full) return stb_failed(r);
    if (w != in.width || h != in.height)  // stb read other headers than it probed: don't trust either
        return fail(r, kErrCorrupt, "decoded size differs from the header's");

    // The part wanted, in stored pixels; the whole photo unless a crop was asked for.
    const PixelRect part = crop.whole() ? PixelRect{0, 0, w, h} : stored_pixels(crop, w, h, in.orientation);
    r.crop = to_displayed({float(part.x) / float(w), float(part.y) / float(h), float(part.x + part.w) / float(w),
                           float(part.y + part.h) / float(h)}, in.orientation);
    const int stride = w * channels;
    const uint8_t* src = full.get() + (size_t(part.y) * size_t(w) + size_t(part.x)) * size_t(channels);

    // The output box is for the displayed image; map it back to the stored orientation so that we can
    // shrink first and orient the small result (fewer pixels touched, smaller buffers).
    const Size part_shown = oriented_size(part.w, part.h, in.orientation);
    const Size shown = fit_size(part_shown.width, part_shown.height, max_w, max_h);
    const Size target = oriented_size(shown.width, shown.height, in.orientation);

    std::vector<uint8_t> small;
    int sw = w;
    if (target.width < part.w || target.height < part.h || part.w != w || part.h != h) {
        small.resize(size_t(target.width) * size_t(target.height) * size_t(channels));
        const bool same = target.width == part.w && target.height == part.h;
        if (same) {  // a crop at its own size: the rows copied out, not filtered
            for (int y = 0; y < part.h; ++y)
                std::memcpy(small.data() + size_t(y) * size_t(part.w) * size_t(channels), src + size_t(y) * size_t(stride),
                            size_t(part.w) * size_t(channels));
        } else if (!resize_pixels(src, part.w, part.h, channels, small.data(), target.width, target.height, stride)) {
            return fail(r, kErrOutOfMemory, "out of memory while downscaling");
        }
        full.reset();
        src = small.data();
        sw = target.width;
        h = target.height;
    }
    r.image = orient_to_rgba(src, sw, h, channels, in.orientation);
    full.reset();
    std::vector<uint8_t>().swap(small);
    if (r.image.rgba.empty()) return fail(r, kErrCorrupt, "decoded image has no pixels");
    if (in.has_alpha) premultiply(r.image);
    return r;
}

}  // namespace wg::image
