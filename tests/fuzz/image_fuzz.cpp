// image_fuzz.cpp — libFuzzer target for the image path: probe, exif, decode and the pixel helpers on
// arbitrary bytes. Besides crashes (ASan/UBSan), it traps when a result breaks its own contract.
// Seeds: tests/fuzz/corpus/image/ (copy it to a scratch folder first: libFuzzer adds files to it).
#include <cstdint>
#include <cstdlib>

#include "core/image/decode.h"
#include "core/image/exif.h"

namespace {

// Small limits keep each input fast: 4 MP decodes at most, 256×256 output.
constexpr long long kFuzzMaxPixels = 4'000'000;
constexpr int kFuzzBox = 256;

void check(bool ok) {
    if (!ok) std::abort();
}

bool consistent(const wg::image::Image& img) {
    return img.width > 0 && img.height > 0 && img.rgba.size() == size_t(img.width) * img.height * 4;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace wg::image;
    const Limits limits{kFuzzMaxPixels, 0};

    const int exif = exif_orientation(data, size);
    check(exif >= 1 && exif <= 8);

    const ProbeResult p = probe(data, size, limits);
    check(p.info.orientation >= 1 && p.info.orientation <= 8);
    check(!(p.error && p.browser_fallback));
    if (p.error) check(!p.error->id.empty() && !p.error->message.empty());
    if (!p.error && !p.browser_fallback) {
        check(p.info.width > 0 && p.info.height > 0);
        check((long long)p.info.width * p.info.height <= kFuzzMaxPixels);
        if (p.info.format == Format::Jpeg) check(p.info.orientation == exif);
    }

    const DecodeResult d = decode(data, size, kFuzzBox, kFuzzBox, limits);
    check(d.browser_fallback == p.browser_fallback);
    if (p.error) check(d.error && d.error->id == p.error->id);  // decode may refuse more than probe did
    if (d.error || d.browser_fallback) {
        check(d.image.rgba.empty());
        return 0;
    }
    check(consistent(d.image));
    check(d.image.width <= kFuzzBox && d.image.height <= kFuzzBox);
    check(d.image.width <= d.info.display_width && d.image.height <= d.info.display_height);
    for (size_t i = 0; i < d.image.rgba.size(); i += 4)  // premultiplied: no channel above alpha
        check(d.image.rgba[i] <= d.image.rgba[i + 3] && d.image.rgba[i + 1] <= d.image.rgba[i + 3] &&
              d.image.rgba[i + 2] <= d.image.rgba[i + 3]);

    const Image turned = orient(d.image, 1 + int(size % 8));
    check(consistent(turned));
    const Image small = fit_within(d.image, 1 + int(size % 17), 1 + int(size % 13));
    check(consistent(small));
    return 0;
}
