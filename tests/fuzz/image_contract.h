// image_contract.h — what the image path promises for any bytes at all, as one check that the fuzz
// target (tests/fuzz/image_fuzz.cpp) and the native regression tests (tests/native/fuzz_regression_test.cpp)
// share, so a committed fuzz finding is replayed against exactly the contract that caught it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/image/decode.h"
#include "core/image/exif.h"

namespace wg::image::contract {

// Small limits keep each input fast: 1 MP decodes at most, 256×256 output. At 4 MP an 82×32 784 GIF
// strip (regressions/image/gif_tall_strip.gif) took 13 s under ASan: not a hang, but a per-input timeout
// that trips on load alone would make the fuzz verdict depend on the machine.
constexpr long long kMaxPixels = 1'000'000;
constexpr int kBox = 256;

inline bool consistent(const Image& img) {
    return img.width > 0 && img.height > 0 && img.rgba.size() == size_t(img.width) * img.height * 4;
}

// Empty when every clause holds, else the first clause broken (what a failure report names).
inline std::string check(const uint8_t* data, size_t size) {
#define WG_CLAUSE(cond) \
    if (!(cond)) return #cond
    const Limits limits{kMaxPixels, 0};

    const int exif = exif_orientation(data, size);
    WG_CLAUSE(exif >= 1 && exif <= 8);

    const ProbeResult p = probe(data, size, limits);
    WG_CLAUSE(p.info.orientation >= 1 && p.info.orientation <= 8);
    WG_CLAUSE(!(p.error && p.browser_fallback));
    if (p.error) WG_CLAUSE(!p.error->id.empty() && !p.error->message.empty());
    // One EXIF reader: probe sees the orientation exif_orientation() reads, whatever the file is.
    if (p.info.format == Format::Jpeg) WG_CLAUSE(p.info.orientation == exif);
    if (!p.error && !p.browser_fallback) {
        WG_CLAUSE(p.info.width > 0 && p.info.height > 0);
        WG_CLAUSE((long long)p.info.width * p.info.height <= kMaxPixels);
    }

    const DecodeResult d = decode(data, size, kBox, kBox, limits);
    WG_CLAUSE(d.browser_fallback == p.browser_fallback);
    if (p.error) WG_CLAUSE(d.error && d.error->id == p.error->id);  // decode may refuse more than probe did
    if (d.error || d.browser_fallback) {
        WG_CLAUSE(d.image.rgba.empty());
        return {};
    }
    WG_CLAUSE(consistent(d.image));
    WG_CLAUSE(d.image.width <= kBox && d.image.height <= kBox);
    WG_CLAUSE(d.image.width <= d.info.display_width && d.image.height <= d.info.display_height);
    for (size_t i = 0; i < d.image.rgba.size(); i += 4) {  // premultiplied: no channel above alpha
        const uint8_t* px = &d.image.rgba[i];
        WG_CLAUSE(px[0] <= px[3] && px[1] <= px[3] && px[2] <= px[3]);
    }

    WG_CLAUSE(consistent(orient(d.image, 1 + int(size % 8))));
    WG_CLAUSE(consistent(fit_within(d.image, 1 + int(size % 17), 1 + int(size % 13))));
    return {};
#undef WG_CLAUSE
}

}  // namespace wg::image::contract
