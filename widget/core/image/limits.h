// limits.h — how much image the core agrees to decode: named limits, each with why it is what it is.
// Checked before any pixel buffer is allocated (see probe.h); the gallery can lower them per image.
#pragma once
#include <climits>
#include <cstddef>

namespace wg::image {

// 40 MP covers any phone or DSLR photo; decoded RGBA8 that is 160 MB, near what a mobile tab tolerates.
constexpr long long kMaxPixels = 40'000'000;
// 30 MB of encoded bytes is far above a 40 MP JPEG at high quality; more suggests a mistake (or a video).
constexpr size_t kMaxEncodedBytes = 30u << 20;
// stb_image refuses a side longer than this while reading headers (STBI_MAX_DIMENSIONS), so a forged
// header cannot make it size buffers for billions of pixels; no photo we show is wider than 65 536 px.
constexpr int kMaxDimension = 1 << 16;
// stb takes the encoded length as an int.
constexpr size_t kMaxStbInputBytes = INT_MAX;

// Zero in either field means the default above.
struct Limits {
    long long max_pixels = kMaxPixels;       // width × height as stored
    size_t max_bytes = kMaxEncodedBytes;     // encoded input size
};

}  // namespace wg::image
