// encode.h — pixels back to a file: JPEG via stb_image_write, for the playground's photo fix (smaller
// copies of an editor's photo, written by the same core that decodes it). The widget never encodes.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "core/image/pixels.h"
#include "core/image/probe.h"

namespace wg::image {

// A JPEG that could not be written: empty or inconsistent pixels, a side over kMaxJpegSide, no memory.
inline constexpr const char* kErrEncode = "image.encode_failed";
// The JPEG format stores each side in 16 bits.
constexpr int kMaxJpegSide = 65535;
// The usual web trade-off: photos look unchanged at a reading distance, and stb subsamples chroma
// (4:2:0) at 90 and below, which roughly halves the bytes again.
constexpr int kDefaultJpegQuality = 82;

struct EncodeResult {
    std::vector<uint8_t> bytes;  // a complete baseline JPEG (JFIF) file; empty on error
    std::optional<Error> error;
};

// Premultiplied RGBA (what decode() returns) → the same picture laid on white, opaque (alpha 255):
// what a JPEG, which has no alpha, can hold. Exact for premultiplied input: c + (255 − a).
void flatten_onto_white(Image& img);

// Premultiplied RGBA → a JPEG of it laid on white (the alpha is dropped). quality 1–100, clamped.
// The pixels are not resized: fit_within() first (on flattened pixels, so alpha plays no part).
EncodeResult encode_jpeg(const Image& img, int quality = kDefaultJpegQuality);

}  // namespace wg::image
