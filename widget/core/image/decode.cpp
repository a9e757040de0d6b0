// decode.cpp — see decode.h. The only place that turns encoded bytes into pixels.
#include "core/image/decode.h"

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

}  // namespace

DecodeResult decode(const uint8_t* data, size_t size, int max_w, int max_h, const Limits& limits) {
    DecodeResult r;
    ProbeResult p = probe(data, size, limits);
    r.info = p.info;
    r.error = std::move(p.error);
    r.browser_fallback = p.browser_fallback;
    if (r.error || r.browser_fallback) return r;
    const Info& in = r.info;

    // Ask stb for the channels the file stores, so an opaque JPEG costs 3 bytes a pixel, not 4.
    const int channels = in.channels >= 1 && in.channels <= 4 ? in.channels : 4;

    // The output box is for the displayed image; map it back to the stored orientation so that we can
    // shrink first and orient the small result (fewer pixels touched, smaller buffers).
    const Size shown = fit_size(in.display_width, in.display_height, max_w, max_h);
    const Size target = oriented_size(shown.width, shown.height, in.orientation);

    int w = 0, h = 0;
    StbPixels full(stb::load(data, size, &w, &h, channels));
    if (!full) return stb_failed(r);
    if (w != in.width || h != in.height)  // stb read other headers than it probed: don't trust either
        return fail(r, kErrCorrupt, "decoded size differs from the header's");

    std::vector<uint8_t> small;
    const uint8_t* src = full.get();
    if (target.width < w || target.height < h) {
        small.resize(size_t(target.width) * size_t(target.height) * size_t(channels));
        if (!resize_pixels(src, w, h, channels, small.data(), target.width, target.height))
            return fail(r, kErrOutOfMemory, "out of memory while downscaling");
        full.reset();
        src = small.data();
        w = target.width;
        h = target.height;
    }
    r.image = orient_to_rgba(src, w, h, channels, in.orientation);
    full.reset();
    std::vector<uint8_t>().swap(small);
    if (r.image.rgba.empty()) return fail(r, kErrCorrupt, "decoded image has no pixels");
    if (in.has_alpha) premultiply(r.image);
    return r;
}

}  // namespace wg::image
